//! The one zip writer of the npm package's deployable zip and the WordPress plugin: deflate
//! through flate2, a fixed date (1980-01-01) and regular-file permissions, so the same inputs
//! give the same bytes.

use std::io::Write;

use flate2::write::DeflateEncoder;
use flate2::{Compression, Crc};

/// A zip archive of `entries` (name, contents), each deflated, dated 1980-01-01 00:00, with
/// regular-file permissions (0644) and UTF-8 names.
pub fn write<T: AsRef<[u8]>>(entries: &[(String, T)]) -> Result<Vec<u8>, String> {
    const DOS_TIME: u16 = 0;
    const DOS_DATE: u16 = (1 << 5) | 1;
    const UTF8_NAMES: u16 = 1 << 11;
    let mut out = Vec::new();
    let mut central = Vec::new();
    let too_big = |what: &str| format!("{what} is too large for a plain zip archive");
    for (name, data) in entries {
        let data = data.as_ref();
        let mut crc = Crc::new();
        crc.update(data);
        let mut encoder = DeflateEncoder::new(Vec::new(), Compression::best());
        encoder
            .write_all(data)
            .map_err(|e| format!("deflating {name}: {e}"))?;
        let packed = encoder
            .finish()
            .map_err(|e| format!("deflating {name}: {e}"))?;
        let offset = u32::try_from(out.len()).map_err(|_| too_big("the archive"))?;
        let size = u32::try_from(data.len()).map_err(|_| too_big(name))?;
        let packed_size = u32::try_from(packed.len()).map_err(|_| too_big(name))?;
        let name_len = u16::try_from(name.len()).map_err(|_| too_big(name))?;
        // Local file header.
        out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        for field in [20u16, UTF8_NAMES, 8, DOS_TIME, DOS_DATE] {
            out.extend_from_slice(&field.to_le_bytes());
        }
        for field in [crc.sum(), packed_size, size] {
            out.extend_from_slice(&field.to_le_bytes());
        }
        out.extend_from_slice(&name_len.to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes());
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(&packed);
        // Its central directory record: made on Unix (3), zip 2.0.
        central.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        for field in [(3u16 << 8) | 20, 20, UTF8_NAMES, 8, DOS_TIME, DOS_DATE] {
            central.extend_from_slice(&field.to_le_bytes());
        }
        for field in [crc.sum(), packed_size, size] {
            central.extend_from_slice(&field.to_le_bytes());
        }
        for field in [name_len, 0, 0, 0, 0] {
            central.extend_from_slice(&field.to_le_bytes());
        }
        central.extend_from_slice(&(0o100_644u32 << 16).to_le_bytes());
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name.as_bytes());
    }
    let count = u16::try_from(entries.len()).map_err(|_| too_big("the file list"))?;
    let central_offset = u32::try_from(out.len()).map_err(|_| too_big("the archive"))?;
    let central_size = u32::try_from(central.len()).map_err(|_| too_big("the archive"))?;
    out.extend_from_slice(&central);
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    for field in [0u16, 0, count, count] {
        out.extend_from_slice(&field.to_le_bytes());
    }
    out.extend_from_slice(&central_size.to_le_bytes());
    out.extend_from_slice(&central_offset.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    Ok(out)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::io::Read;
    use std::path::PathBuf;

    fn temp(label: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("xtask-zip-{label}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn available(tool: &str) -> bool {
        std::process::Command::new(tool).arg("-v").output().is_ok()
    }

    fn u16_at(b: &[u8], at: usize) -> usize {
        u16::from_le_bytes([b[at], b[at + 1]]) as usize
    }

    fn u32_at(b: &[u8], at: usize) -> usize {
        u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]]) as usize
    }

    /// Reads an archive back through its central directory: (name, inflated contents).
    pub(crate) fn unzip(archive: &[u8]) -> Vec<(String, Vec<u8>)> {
        let end = archive.len() - 22;
        assert_eq!(
            u32_at(archive, end),
            0x0605_4b50,
            "end of central directory"
        );
        let (count, mut at) = (u16_at(archive, end + 10), u32_at(archive, end + 16));
        let mut files = Vec::new();
        for _ in 0..count {
            assert_eq!(u32_at(archive, at), 0x0201_4b50, "central record");
            let crc = u32_at(archive, at + 16) as u32;
            let packed = u32_at(archive, at + 20);
            let name_len = u16_at(archive, at + 28);
            let local = u32_at(archive, at + 42);
            let name = String::from_utf8(archive[at + 46..at + 46 + name_len].to_vec()).unwrap();
            assert_eq!(
                u32_at(archive, local),
                0x0403_4b50,
                "local header of {name}"
            );
            let start = local + 30 + u16_at(archive, local + 26) + u16_at(archive, local + 28);
            let mut data = Vec::new();
            flate2::read::DeflateDecoder::new(&archive[start..start + packed])
                .read_to_end(&mut data)
                .unwrap();
            let mut check = Crc::new();
            check.update(&data);
            assert_eq!(check.sum(), crc, "crc of {name}");
            files.push((name, data));
            at += 46 + name_len + u16_at(archive, at + 30) + u16_at(archive, at + 32);
        }
        files
    }

    #[test]
    fn zip_reads_back_and_is_reproducible() {
        let entries = vec![
            ("a/b.txt".to_string(), b"hello hello hello".to_vec()),
            ("a/empty".to_string(), Vec::new()),
        ];
        let archive = write(&entries).unwrap();
        assert_eq!(unzip(&archive), entries);
        assert_eq!(write(&entries).unwrap(), archive);
    }

    #[test]
    fn zip_extracts_with_unzip() {
        let entries: Vec<(String, &[u8])> = vec![
            ("cto-cio-quiz-0.1.0/embed.js".into(), b"export {};\n"),
            ("cto-cio-quiz-0.1.0/w.wasm".into(), &[0u8; 3000]),
        ];
        let zip = write(&entries).unwrap();
        if !available("unzip") {
            eprintln!("no unzip here: the archive is not cross-checked");
            return;
        }
        let dir = temp("zip");
        std::fs::write(dir.join("p.zip"), &zip).unwrap();
        let out = std::process::Command::new("unzip")
            .args(["-t", "p.zip"])
            .current_dir(&dir)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stdout)
        );
        let status = std::process::Command::new("unzip")
            .args(["-q", "p.zip"])
            .current_dir(&dir)
            .status()
            .unwrap();
        assert!(status.success());
        assert_eq!(
            std::fs::read(dir.join("cto-cio-quiz-0.1.0/embed.js")).unwrap(),
            b"export {};\n"
        );
        assert_eq!(
            std::fs::read(dir.join("cto-cio-quiz-0.1.0/w.wasm")).unwrap(),
            vec![0u8; 3000]
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}
