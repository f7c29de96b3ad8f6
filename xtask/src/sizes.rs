//! Size report of the files the widget loads from dist/: raw bytes, gzip (level 9) and brotli
//! (quality 11) bytes each, and a total line. Shared by `dist`, `test` and `bench`.

use std::io::Write;
use std::path::Path;

use crate::hashed;

/// Every file a host page's `<cto-cio-quiz>` element ends up loading, in load order, by its
/// stable name: in dist/ all but the loader carry their content hash (see `hashed`).
pub const WIDGET_FILES: [&str; 4] = [
    hashed::LOADER,
    hashed::GLUE,
    hashed::WASM,
    hashed::WIDGET_CSS,
];

/// The names the widget's files have in `dist`: the loader's, then the content-hashed ones.
/// Fails naming the files that are missing.
pub fn widget_file_names(dist: &Path) -> Result<Vec<String>, String> {
    let mut names = Vec::new();
    let mut missing = Vec::new();
    for stable in WIDGET_FILES {
        if stable == hashed::LOADER {
            if dist.join(stable).is_file() {
                names.push(stable.to_string());
            } else {
                missing.push(stable);
            }
            continue;
        }
        match hashed::find_name(dist, stable) {
            Ok(name) => names.push(name),
            Err(_) => missing.push(stable),
        }
    }
    if missing.is_empty() {
        Ok(names)
    } else {
        Err(format!(
            "{} lacks {}: the widget loads these files (build them with `cargo xtask dist`; \
             all but embed.js carry their content hash)",
            dist.display(),
            missing.join(", ")
        ))
    }
}

/// One file's sizes in bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileSize {
    pub name: String,
    pub raw: u64,
    pub gzip: u64,
    pub brotli: u64,
}

/// Measures every widget file in `dist`. Fails naming the files that are missing.
pub fn measure(dist: &Path) -> Result<Vec<FileSize>, String> {
    widget_file_names(dist)?
        .iter()
        .map(|name| {
            let path = dist.join(name);
            let bytes =
                std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            sizes_of(name, &bytes)
        })
        .collect()
}

/// Raw, gzip -9 and brotli -q 11 sizes of `bytes`.
pub fn sizes_of(name: &str, bytes: &[u8]) -> Result<FileSize, String> {
    Ok(FileSize {
        name: name.to_string(),
        raw: len(bytes.len()),
        gzip: gzip_len(bytes).map_err(|e| format!("gzip of {name} failed: {e}"))?,
        brotli: brotli_len(bytes).map_err(|e| format!("brotli of {name} failed: {e}"))?,
    })
}

fn gzip_len(bytes: &[u8]) -> std::io::Result<u64> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes)?;
    Ok(len(encoder.finish()?.len()))
}

fn brotli_len(bytes: &[u8]) -> std::io::Result<u64> {
    // quality 11 and a 2^24-byte window: the `brotli` command line's defaults.
    let mut out = Vec::new();
    {
        let mut writer = brotli::CompressorWriter::new(&mut out, 64 * 1024, 11, 24);
        writer.write_all(bytes)?;
        writer.flush()?;
    }
    Ok(len(out.len()))
}

fn len(n: usize) -> u64 {
    u64::try_from(n).unwrap_or(u64::MAX)
}

/// The table: one row per file and a total row, numbers right-aligned with thousands
/// separators.
pub fn format_table(rows: &[FileSize]) -> String {
    let total = FileSize {
        name: String::from("total"),
        raw: rows.iter().map(|r| r.raw).sum(),
        gzip: rows.iter().map(|r| r.gzip).sum(),
        brotli: rows.iter().map(|r| r.brotli).sum(),
    };
    let header = ["file", "raw B", "gzip -9 B", "brotli -q 11 B"];
    let cells = |r: &FileSize| {
        [
            r.name.clone(),
            grouped(r.raw),
            grouped(r.gzip),
            grouped(r.brotli),
        ]
    };
    let body: Vec<[String; 4]> = rows.iter().map(cells).collect();
    let total_cells = cells(&total);
    let mut widths = header.map(str::len);
    for row in body.iter().chain(std::iter::once(&total_cells)) {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: [&str; 4]| {
        format!(
            "{:<w0$}  {:>w1$}  {:>w2$}  {:>w3$}\n",
            cells[0],
            cells[1],
            cells[2],
            cells[3],
            w0 = widths[0],
            w1 = widths[1],
            w2 = widths[2],
            w3 = widths[3]
        )
    };
    let rule = format!("{}\n", "-".repeat(widths.iter().sum::<usize>() + 6));
    let mut out = line(header);
    out.push_str(&rule);
    for row in &body {
        out.push_str(&line(row.each_ref().map(String::as_str)));
    }
    out.push_str(&rule);
    out.push_str(&line(total_cells.each_ref().map(String::as_str)));
    out
}

/// `1234567` → `"1,234,567"`.
pub fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(name: &str, raw: u64, gzip: u64, brotli: u64) -> FileSize {
        FileSize {
            name: name.into(),
            raw,
            gzip,
            brotli,
        }
    }

    #[test]
    fn grouped_inserts_thousands_separators() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1000), "1,000");
        assert_eq!(grouped(1_234_567), "1,234,567");
    }

    #[test]
    fn table_has_aligned_rows_and_a_total() {
        let table = format_table(&[
            row("embed.js", 2048, 900, 800),
            row("cto-cio-quiz_bg.wasm", 120_000, 50_000, 40_000),
        ]);
        let expected = "\
file                    raw B  gzip -9 B  brotli -q 11 B
--------------------------------------------------------
embed.js                2,048        900             800
cto-cio-quiz_bg.wasm  120,000     50,000          40,000
--------------------------------------------------------
total                 122,048     50,900          40,800
";
        assert_eq!(table, expected, "\n{table}");
    }

    #[test]
    fn compression_shrinks_repetitive_input_and_is_deterministic() {
        let input = "cto cio quiz ".repeat(500);
        let a = sizes_of("x", input.as_bytes());
        let b = sizes_of("x", input.as_bytes());
        assert_eq!(a, b);
        let Ok(a) = a else {
            panic!("compression failed: {a:?}");
        };
        assert_eq!(a.raw, 6500);
        assert!(a.gzip > 0 && a.gzip < a.raw / 10, "{a:?}");
        assert!(a.brotli > 0 && a.brotli <= a.gzip, "{a:?}");
    }

    #[test]
    fn measure_names_missing_files() {
        let dir = std::env::temp_dir().join(format!("xtask-sizes-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        let _ = std::fs::write(dir.join("embed.js"), "x");
        let result = measure(&dir);
        let _ = std::fs::remove_dir_all(&dir);
        assert!(
            matches!(&result, Err(e) if e.contains("lacks cto-cio-quiz.js, cto-cio-quiz_bg.wasm, widget.css")),
            "{result:?}"
        );
    }
}
