//! A registry `.crate` (a gzipped tar of `NAME-VERSION/…`) read into memory, and where Cargo
//! keeps it: `$CARGO_HOME/registry/cache/<index>/NAME-VERSION.crate`. Only regular files are
//! kept; the tar reader knows the ustar, GNU long-name and pax path records `cargo package`
//! writes.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

/// The files of a `.crate`: path inside the package (without `NAME-VERSION/`) → bytes.
pub type Files = BTreeMap<String, Vec<u8>>;

/// Cargo's home: `$CARGO_HOME` or `~/.cargo`.
pub fn cargo_home() -> Result<PathBuf, String> {
    if let Some(home) = std::env::var_os("CARGO_HOME").filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(home));
    }
    std::env::var_os("HOME")
        .filter(|v| !v.is_empty())
        .map(|home| PathBuf::from(home).join(".cargo"))
        .ok_or_else(|| String::from("neither CARGO_HOME nor HOME is set"))
}

/// The cached `NAME-VERSION.crate`, if Cargo has downloaded it from any registry.
pub fn cached(name: &str, version: &str) -> Result<Option<PathBuf>, String> {
    let cache = cargo_home()?.join("registry").join("cache");
    let Ok(entries) = std::fs::read_dir(&cache) else {
        return Ok(None);
    };
    let file = format!("{name}-{version}.crate");
    let mut found: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path().join(&file))
        .filter(|path| path.is_file())
        .collect();
    found.sort();
    Ok(found.into_iter().next())
}

/// Reads `path` (a `.crate`) and strips the leading `NAME-VERSION/` from each file's path.
pub fn read(path: &Path) -> Result<Files, String> {
    let gz = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let mut tar = Vec::new();
    flate2::read::GzDecoder::new(gz.as_slice())
        .read_to_end(&mut tar)
        .map_err(|e| format!("{} is not a gzip file: {e}", path.display()))?;
    let files = untar(&tar).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut out = Files::new();
    for (name, bytes) in files {
        let (_, inner) = name
            .split_once('/')
            .ok_or_else(|| format!("{}: `{name}` is outside NAME-VERSION/", path.display()))?;
        if !inner.is_empty() {
            out.insert(inner.to_string(), bytes);
        }
    }
    Ok(out)
}

/// The regular files of a tar archive, path → bytes.
fn untar(tar: &[u8]) -> Result<Files, String> {
    let mut files = Files::new();
    let mut at = 0;
    let mut long_name: Option<String> = None;
    while at + 512 <= tar.len() {
        let header = &tar[at..at + 512];
        if header.iter().all(|&b| b == 0) {
            break;
        }
        let size = octal(&header[124..136]).ok_or("a tar header with a bad size")?;
        let data_start = at + 512;
        let data_end = data_start
            .checked_add(size)
            .filter(|&end| end <= tar.len())
            .ok_or("a tar entry runs past the end")?;
        let data = &tar[data_start..data_end];
        let kind = header[156];
        let mut name = text(&header[0..100]);
        if &header[257..263] == b"ustar\0" {
            let prefix = text(&header[345..500]);
            if !prefix.is_empty() {
                name = format!("{prefix}/{name}");
            }
        }
        match kind {
            b'L' => long_name = Some(text(data)),
            b'x' => long_name = pax_path(data).or(long_name),
            b'0' | 0 => {
                files.insert(long_name.take().unwrap_or(name), data.to_vec());
            }
            _ => long_name = None,
        }
        at = data_start + size.div_ceil(512) * 512;
    }
    Ok(files)
}

/// A NUL-terminated header field as text.
fn text(field: &[u8]) -> String {
    let end = field.iter().position(|&b| b == 0).unwrap_or(field.len());
    String::from_utf8_lossy(&field[..end]).into_owned()
}

/// An octal number field (spaces and NULs around it allowed).
fn octal(field: &[u8]) -> Option<usize> {
    let digits = text(field);
    let digits = digits.trim_matches(|c: char| c == ' ' || c == '\0');
    if digits.is_empty() {
        return Some(0);
    }
    usize::from_str_radix(digits, 8).ok()
}

/// The `path=` record of a pax extended header (`"<len> path=<value>\n"` records).
fn pax_path(data: &[u8]) -> Option<String> {
    String::from_utf8_lossy(data)
        .lines()
        .find_map(|record| record.split_once(" path=").map(|(_, v)| v.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(name: &str, kind: u8, size: usize) -> Vec<u8> {
        let mut h = vec![0u8; 512];
        h[..name.len()].copy_from_slice(name.as_bytes());
        let size = format!("{size:011o}\0");
        h[124..136].copy_from_slice(size.as_bytes());
        h[156] = kind;
        h[257..265].copy_from_slice(b"ustar  \0");
        h
    }

    fn entry(tar: &mut Vec<u8>, name: &str, kind: u8, data: &[u8]) {
        tar.extend(header(name, kind, data.len()));
        tar.extend(data);
        tar.resize(tar.len().div_ceil(512) * 512, 0);
    }

    #[test]
    fn untar_reads_files_and_gnu_long_names() {
        let mut tar = Vec::new();
        entry(&mut tar, "x-0.1.0/", b'5', b"");
        entry(&mut tar, "x-0.1.0/src/lib.rs", b'0', b"pub fn f() {}\n");
        let long = format!("x-0.1.0/{}.rs", "a".repeat(120));
        entry(
            &mut tar,
            "././@LongLink",
            b'L',
            format!("{long}\0").as_bytes(),
        );
        entry(&mut tar, "x-0.1.0/aaaa", b'0', b"long\n");
        tar.extend([0u8; 1024]);
        let files = untar(&tar).unwrap();
        assert_eq!(files.len(), 2);
        assert_eq!(files["x-0.1.0/src/lib.rs"], b"pub fn f() {}\n");
        assert_eq!(files[&long], b"long\n");
    }
}
