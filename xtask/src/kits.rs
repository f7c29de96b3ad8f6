//! The platform kits' archives, written from the release files in dist/: the WordPress plugin
//! (`cto-cio-quiz-wordpress-<version>.zip`, uploaded under Plugins → Add New) is
//! `integrations/wordpress/cto-cio-quiz/` with the release files in its `assets/`. The Hugo
//! shortcode (`integrations/hugo/`) and the Eleventy plugin (`integrations/eleventy/eleventy.js`,
//! shipped in the npm package as `cto-cio-quiz/eleventy`, beside the release files it reads)
//! need no archive of their own. Its zip is written by `crate::zip`.

use std::path::{Path, PathBuf};

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
    let bytes = crate::zip::write(&entries)?;
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

#[cfg(test)]
mod tests {
    use super::*;

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
        let names: Vec<String> = crate::zip::tests::unzip(&std::fs::read(&path).unwrap())
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
