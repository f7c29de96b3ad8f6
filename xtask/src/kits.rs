//! The platform kits' archives, written from the release files in dist/: the WordPress plugin
//! (`cto-cio-quiz-wordpress-<version>.zip`, uploaded under Plugins → Add New) is
//! `integrations/wordpress/cto-cio-quiz/` with the release files in its `assets/`. The Hugo
//! shortcode (`integrations/hugo/`) and the Eleventy plugin (`integrations/eleventy/eleventy.js`,
//! shipped in the npm package as `cto-cio-quiz/eleventy`, beside the release files it reads)
//! need no archive of their own. The zip writer is plain (deflate through flate2, a fixed
//! timestamp so the same inputs give the same bytes).

use std::io::Write;
use std::path::{Path, PathBuf};

use flate2::write::DeflateEncoder;
use flate2::{Compression, Crc};

use crate::context::Ctx;
use crate::dist;

/// The WordPress plugin's folder in the repository; its name is the plugin's slug.
pub const WORDPRESS_PLUGIN: &str = "integrations/wordpress/cto-cio-quiz";

/// The Eleventy plugin's source, which the npm package carries as `eleventy.js` (its
/// `exports["./eleventy"]`) next to the release files.
pub const ELEVENTY_PLUGIN: &str = "integrations/eleventy/eleventy.js";

/// `cargo xtask kits`: writes the WordPress plugin's zip from the release files already in dist/
/// (build them first with `cargo xtask dist`) into `target/package/`, and names the Eleventy
/// plugin the npm package carries.
pub fn run(ctx: &Ctx) -> Result<(), String> {
    let dist = dist::dist_dir(ctx)?;
    let out = ctx.target_dir().join("package");
    let version = crate_version(&ctx.root)?;
    let zip = write_wordpress_zip(&ctx.root, &dist, &out, &version)?;
    println!("✓ WordPress plugin {}", zip.display());
    println!(
        "✓ Eleventy plugin {} (the npm package ships it as eleventy.js)",
        ctx.root.join(ELEVENTY_PLUGIN).display()
    );
    Ok(())
}

/// The widget crate's version, from the workspace's Cargo.toml.
fn crate_version(root: &Path) -> Result<String, String> {
    let manifest = String::from_utf8_lossy(&read(&root.join("Cargo.toml"))?).into_owned();
    manifest
        .lines()
        .find_map(|line| {
            let value = line
                .strip_prefix("version")?
                .trim_start()
                .strip_prefix('=')?;
            Some(value.trim().trim_matches('"').to_string())
        })
        .ok_or_else(|| "Cargo.toml names no version".to_string())
}

/// Files of dist/ that belong to the demo post, not to the widget: not shipped in a kit.
const DEMO_FILES: [&str; 3] = ["index.html", "quiz-only.html", "demo.css"];

/// Writes `<out_dir>/cto-cio-quiz-wordpress-<version>.zip`: the plugin from `root`'s
/// [`WORDPRESS_PLUGIN`] under `cto-cio-quiz/`, and every release file of `dist` but the demo's
/// under `cto-cio-quiz/assets/`. Fails when the plugin's header declares another version (bump
/// it with the crate's) or when `dist` has no `embed.js` or `snippet.html`. Returns the path.
pub fn write_wordpress_zip(
    root: &Path,
    dist: &Path,
    out_dir: &Path,
    version: &str,
) -> Result<PathBuf, String> {
    let plugin = root.join(WORDPRESS_PLUGIN);
    let main = String::from_utf8_lossy(&read(&plugin.join("cto-cio-quiz.php"))?).into_owned();
    let declared = plugin_version(&main);
    if declared != Some(version) {
        return Err(format!(
            "{WORDPRESS_PLUGIN}/cto-cio-quiz.php declares version {declared:?}, the crate is \
             {version}: update its Version header and CTO_CIO_QUIZ_VERSION (and block/block.json)"
        ));
    }
    for needed in ["embed.js", "snippet.html"] {
        if !dist.join(needed).is_file() {
            return Err(format!(
                "{} has no {needed}: build the release bundle first (cargo xtask dist)",
                dist.display()
            ));
        }
    }
    let mut entries = Vec::new();
    collect(&plugin, "cto-cio-quiz", &mut entries)?;
    let mut assets = Vec::new();
    collect(dist, "cto-cio-quiz/assets", &mut assets)?;
    assets.retain(|(name, _)| {
        !DEMO_FILES
            .iter()
            .any(|demo| name == &format!("cto-cio-quiz/assets/{demo}"))
    });
    entries.extend(assets);
    std::fs::create_dir_all(out_dir)
        .map_err(|e| format!("cannot create {}: {e}", out_dir.display()))?;
    let out = out_dir.join(format!("cto-cio-quiz-wordpress-{version}.zip"));
    let bytes = zip(&entries)?;
    std::fs::write(&out, bytes).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    Ok(out)
}

/// The `Version:` of a WordPress plugin header.
fn plugin_version(php: &str) -> Option<&str> {
    php.lines().find_map(|line| {
        let rest = line
            .trim_start_matches([' ', '*', '/'])
            .strip_prefix("Version:")?;
        Some(rest.trim())
    })
}

fn read(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

/// Every file below `dir`, named `<prefix>/<relative path>` with `/` separators, sorted.
fn collect(dir: &Path, prefix: &str, out: &mut Vec<(String, Vec<u8>)>) -> Result<(), String> {
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
        .filter_map(|entry| entry.ok())
        .collect();
    names.sort_by_key(|entry| entry.file_name());
    for entry in names {
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = entry.path();
        let child = format!("{prefix}/{name}");
        if path.is_dir() {
            collect(&path, &child, out)?;
        } else {
            out.push((child, read(&path)?));
        }
    }
    Ok(())
}

/// A zip archive of `entries` (name, contents), each deflated, dated 1980-01-01 00:00, with
/// regular-file permissions (0644) and UTF-8 names.
pub fn zip(entries: &[(String, Vec<u8>)]) -> Result<Vec<u8>, String> {
    const DOS_TIME: u16 = 0;
    const DOS_DATE: u16 = (1 << 5) | 1;
    const UTF8_NAMES: u16 = 1 << 11;
    let mut out = Vec::new();
    let mut central = Vec::new();
    let too_big = |what: &str| format!("{what} is too large for a plain zip archive");
    for (name, data) in entries {
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
mod tests {
    use super::*;
    use std::io::Read;

    fn u16_at(b: &[u8], at: usize) -> usize {
        u16::from_le_bytes([b[at], b[at + 1]]) as usize
    }

    fn u32_at(b: &[u8], at: usize) -> usize {
        u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]]) as usize
    }

    /// Reads an archive back through its central directory: (name, inflated contents).
    fn unzip(archive: &[u8]) -> Vec<(String, Vec<u8>)> {
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
        let archive = zip(&entries).unwrap();
        assert_eq!(unzip(&archive), entries);
        assert_eq!(zip(&entries).unwrap(), archive);
    }

    #[test]
    fn the_wordpress_zip_holds_the_plugin_and_the_release_files_but_the_demo() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let main =
            std::fs::read_to_string(root.join(WORDPRESS_PLUGIN).join("cto-cio-quiz.php")).unwrap();
        let version = plugin_version(&main).unwrap().to_string();
        let work = std::env::temp_dir().join(format!("ccq-kits-{}", std::process::id()));
        let dist = work.join("dist");
        std::fs::create_dir_all(&dist).unwrap();
        for name in [
            "embed.js",
            "snippet.html",
            "widget.css",
            "index.html",
            "demo.css",
        ] {
            std::fs::write(dist.join(name), name).unwrap();
        }
        let wrong = write_wordpress_zip(&root, &dist, &work, "9.9.9");
        assert!(matches!(&wrong, Err(e) if e.contains("9.9.9")), "{wrong:?}");
        let path = write_wordpress_zip(&root, &dist, &work, &version).unwrap();
        let names: Vec<String> = unzip(&std::fs::read(&path).unwrap())
            .into_iter()
            .map(|(name, _)| name)
            .collect();
        std::fs::remove_dir_all(&work).unwrap();
        for name in [
            "cto-cio-quiz/cto-cio-quiz.php",
            "cto-cio-quiz/block/block.json",
            "cto-cio-quiz/block/render.php",
            "cto-cio-quiz/assets/embed.js",
            "cto-cio-quiz/assets/snippet.html",
            "cto-cio-quiz/assets/widget.css",
        ] {
            assert!(
                names.contains(&name.to_string()),
                "{name} missing: {names:?}"
            );
        }
        assert!(!names
            .iter()
            .any(|n| n.ends_with("index.html") || n.ends_with("demo.css")));
    }

    #[test]
    fn the_plugin_s_versions_agree() {
        let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let crate_version = crate_version(&repo).unwrap();
        let root = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("..")
            .join(WORDPRESS_PLUGIN);
        let main = std::fs::read_to_string(root.join("cto-cio-quiz.php")).unwrap();
        let version = plugin_version(&main).unwrap();
        assert_eq!(
            version, crate_version,
            "bump the WordPress plugin with the crate"
        );
        assert!(main.contains(&format!("define( 'CTO_CIO_QUIZ_VERSION', '{version}' );")));
        let block = std::fs::read_to_string(root.join("block/block.json")).unwrap();
        assert!(block.contains(&format!("\"version\": \"{version}\"")));
    }
}
