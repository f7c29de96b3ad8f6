//! A current WordPress release beside Debian's 6.1 for the plugin's end-to-end test (the plugin
//! takes the script-module path, `wp_enqueue_script_module`, from WordPress 6.5 on): Debian
//! trixie's `wordpress` package, downloaded once from Debian's archive (its SHA-256 pinned here),
//! unpacked into `target/wordpress-<version>/` with `dpkg-deb -x`, not installed. The package
//! links some files to other Debian packages by relative paths that only resolve under
//! /usr/share/wordpress: they are pointed at those absolute paths (the ones this machine has,
//! from the packages Debian's 6.1 pulled in) or removed (lodash, used only by the block
//! editor). The themes the test switches to come from Debian's theme packages.

use std::path::{Component, Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::context::Ctx;

/// The release, its package file in Debian's pool and the file's SHA-256.
pub const VERSION: &str = "6.8.7";
const DEB: &str = "wordpress_6.8.7+dfsg1-0+deb13u1_all.deb";
const POOL: &str = "http://deb.debian.org/debian/pool/main/w/wordpress/";
const SHA256: &str = "b6716bf40142516c0120cebb63c4cb323354277dbf90aa0e9a5d9bae3fca2d38";
/// Where the package's files live once installed, which its relative links assume.
const INSTALLED: &str = "/usr/share/wordpress";
/// The themes the test uses, from Debian's theme packages (installed with Debian's WordPress).
const THEMES: [&str; 2] = ["twentytwentyone", "twentytwentythree"];

/// The unpacked WordPress (its `wp-load.php` inside), unpacking it first if needed.
pub fn ensure(ctx: &Ctx) -> Result<PathBuf, String> {
    let dir = ctx.target_dir().join(format!("wordpress-{VERSION}"));
    let root = dir.join("usr/share/wordpress");
    // Written last: an unpacking cut short is done again.
    let complete = root
        .join("wp-content/themes")
        .join(THEMES[THEMES.len() - 1])
        .join("style.css");
    if root.join("wp-load.php").is_file() && complete.is_file() {
        println!(
            "✓ WordPress {VERSION} {} (already unpacked)",
            root.display()
        );
        return Ok(root);
    }
    println!(
        "→ unpacking WordPress {VERSION} from Debian's archive into {}",
        dir.display()
    );
    let deb = ctx.target_dir().join(DEB);
    ctx.run(
        ctx.cmd("curl")
            .args(["-fsSL", "--retry", "3", "-o"])
            .arg(&deb)
            .arg(format!("{POOL}{DEB}")),
    )?;
    let bytes = std::fs::read(&deb).map_err(|e| format!("cannot read {}: {e}", deb.display()))?;
    let digest: String = Sha256::digest(&bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    if digest != SHA256 {
        let _ = std::fs::remove_file(&deb);
        return Err(format!(
            "{DEB} has SHA-256 {digest}, not the pinned {SHA256}"
        ));
    }
    let _ = std::fs::remove_dir_all(&dir);
    ctx.run(ctx.cmd("dpkg-deb").arg("-x").arg(&deb).arg(&dir))?;
    let _ = std::fs::remove_file(&deb);
    repoint_links(&root, &root)?;
    for theme in THEMES {
        let from = Path::new(INSTALLED).join("wp-content/themes").join(theme);
        ctx.run(
            ctx.cmd("cp")
                .arg("-rL")
                .arg(&from)
                .arg(root.join("wp-content/themes")),
        )
        .map_err(|e| format!("copying the {theme} theme: {e}"))?;
    }
    if !root.join("wp-load.php").is_file() || !complete.is_file() {
        return Err(format!(
            "{} lacks wp-load.php or the {} theme after unpacking",
            root.display(),
            THEMES[THEMES.len() - 1]
        ));
    }
    Ok(root)
}

/// Points every relative link under `dir` at the absolute path it names once installed under
/// [`INSTALLED`], or removes it when this machine has no such file.
fn repoint_links(root: &Path, dir: &Path) -> Result<(), String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        let kind = entry
            .file_type()
            .map_err(|e| format!("{}: {e}", path.display()))?;
        if kind.is_dir() {
            repoint_links(root, &path)?;
        } else if kind.is_symlink() {
            let target =
                std::fs::read_link(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            let relative_dir = path
                .parent()
                .and_then(|p| p.strip_prefix(root).ok())
                .unwrap_or(Path::new(""));
            let absolute = installed_target(relative_dir, &target);
            std::fs::remove_file(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            if absolute.exists() {
                std::os::unix::fs::symlink(&absolute, &path)
                    .map_err(|e| format!("{}: {e}", path.display()))?;
            }
        }
    }
    Ok(())
}

/// Where a link in `relative_dir` (relative to the WordPress root) to `target` points once the
/// package is installed under [`INSTALLED`].
fn installed_target(relative_dir: &Path, target: &Path) -> PathBuf {
    if target.is_absolute() {
        return target.to_path_buf();
    }
    let mut out = PathBuf::from(INSTALLED).join(relative_dir);
    for part in target.components() {
        match part {
            Component::ParentDir => {
                out.pop();
            }
            Component::Normal(name) => out.push(name),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_links_resolve_as_installed() {
        assert_eq!(
            installed_target(
                Path::new("wp-includes/js"),
                Path::new("../../../javascript/underscore/underscore.js")
            ),
            PathBuf::from("/usr/share/javascript/underscore/underscore.js")
        );
        assert_eq!(
            installed_target(
                Path::new("wp-includes/certificates"),
                Path::new("/etc/ssl/certs/ca-certificates.crt")
            ),
            PathBuf::from("/etc/ssl/certs/ca-certificates.crt")
        );
    }
}
