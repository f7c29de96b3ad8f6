//! `cargo xtask package`: the release bundle as an npm package and as a zip, for owners without a
//! Rust toolchain. Builds the bundle (`dist`), checks its content-hashed names (`hashed`) and the
//! element's description against the sources (`element::check`), then writes under
//! `target/package/`:
//!
//! - `cto-cio-quiz-<version>.tgz`: the npm package as `npm pack` lays it out (every entry under
//!   `package/`, fixed times, sorted): `package.json`, the files the widget loads, the frame page
//!   and its files, `snippet.html`, `custom-elements.json`, `embed.d.ts` and a README;
//! - `cto-cio-quiz-<version>.zip`: the deployable files and the README under
//!   `cto-cio-quiz-<version>/`, for owners who upload to their own host;
//! - `custom-elements.json` beside them, and `cto-cio-quiz/` (the package unpacked, as a CDN
//!   that mirrors npm serves it).
//!
//! The version, description and license are the widget crate's (`Cargo.toml`). Both archives are
//! written in Rust (ustar + gzip, zip + deflate, through flate2): no npm, tar or zip needed.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::context::Ctx;
use crate::dist;
use crate::element::{self, Ordered};
use crate::hashed;
use crate::kits;
use crate::tools::{self, Purpose};

/// The package's name on npm (and the element's tag).
pub const NAME: &str = "cto-cio-quiz";
/// The TypeScript declaration's file name.
const TYPES: &str = "embed.d.ts";
const MANIFEST: &str = "custom-elements.json";
const README: &str = "README.md";
/// The files of the bundle that are deployed, by stable name (the hashed ones are looked up).
const DEPLOYED: [&str; 8] = [
    hashed::LOADER,
    hashed::GLUE,
    hashed::WASM,
    hashed::WIDGET_CSS,
    hashed::FRAME_PAGE,
    hashed::FRAME_JS,
    hashed::FRAME_CSS,
    "snippet.html",
];
/// The Eleventy plugin (`integrations/eleventy`), imported as `cto-cio-quiz/eleventy`.
const ELEVENTY: &str = "eleventy.js";
/// npm pack's fixed modification time for every entry (1985-10-26T08:15:00Z).
const NPM_MTIME: u64 = 499_162_500;

/// Builds the bundle and writes the package, the zip and the manifest.
pub fn run(ctx: &Ctx) -> Result<(), String> {
    tools::ensure(ctx, Purpose::Release)?;
    dist::fetch_release(ctx)?;
    let dist = dist::build(ctx)?;
    dist::report(&dist)?;
    let written = write(ctx, &dist)?;
    for path in written {
        println!("✓ {}", path.display());
    }
    Ok(())
}

/// The crate's `[package]` fields the npm package repeats.
pub struct Crate {
    pub version: String,
    pub description: String,
    pub license: String,
}

/// Reads them from the root `Cargo.toml`.
pub fn crate_info(ctx: &Ctx) -> Result<Crate, String> {
    let path = ctx.root.join("Cargo.toml");
    let text = std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let value: toml::Table =
        toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    let package = value
        .get("package")
        .and_then(|p| p.as_table())
        .ok_or_else(|| format!("{} has no [package]", path.display()))?;
    let field = |name: &str| {
        package
            .get(name)
            .and_then(|v| v.as_str())
            .map(str::to_string)
            .ok_or_else(|| format!("{} [package] has no {name}", path.display()))
    };
    Ok(Crate {
        version: field("version")?,
        description: field("description")?,
        license: field("license")?,
    })
}

/// Where the package's files go: `target/package`.
pub fn out_dir(ctx: &Ctx) -> PathBuf {
    ctx.target_dir().join("package")
}

/// The `.tgz` [`write`] writes for the crate's version.
pub fn archive(ctx: &Ctx) -> Result<PathBuf, String> {
    let info = crate_info(ctx)?;
    Ok(out_dir(ctx).join(format!("{NAME}-{}.tgz", info.version)))
}

/// Writes everything from the built bundle in `dist`; returns the archives' and the manifest's
/// paths.
pub fn write(ctx: &Ctx, dist: &Path) -> Result<Vec<PathBuf>, String> {
    for line in hashed::verify(dist)? {
        println!("✓ {line}");
    }
    let read = |rel: &str| {
        let path = ctx.root.join(rel);
        std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))
    };
    let (config, events, widget_css) = (
        read("src/config.rs")?,
        read("src/web/events.rs")?,
        read("style/widget.css")?,
    );
    let problems = element::check(&element::Sources {
        config: &config,
        events: &events,
        widget_css: &widget_css,
    });
    if !problems.is_empty() {
        return Err(format!(
            "the element's description (xtask/src/element.rs) disagrees with the widget:\n- {}",
            problems.join("\n- ")
        ));
    }
    let info = crate_info(ctx)?;
    let deployed = deployed_files(dist)?;
    let manifest = element::manifest(&widget_css)?;
    let readme = readme(&info, &widget_css);
    let package_json = package_json(&info, &deployed)?;

    // The package: its own files, then the bundle's.
    let mut files: Vec<(String, Vec<u8>)> = vec![
        ("package.json".into(), package_json.into_bytes()),
        (README.into(), readme.clone().into_bytes()),
        (MANIFEST.into(), manifest.clone().into_bytes()),
        (TYPES.into(), element::declaration().into_bytes()),
        (ELEVENTY.into(), read(kits::ELEVENTY_PLUGIN)?.into_bytes()),
    ];
    for (name, path) in &deployed {
        let bytes =
            std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        files.push((name.clone(), bytes));
    }
    files.sort_by(|a, b| a.0.cmp(&b.0));

    let out = out_dir(ctx);
    std::fs::create_dir_all(&out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    let stem = format!("{NAME}-{}", info.version);
    let tgz = out.join(format!("{stem}.tgz"));
    let entries: Vec<(String, &[u8])> = files
        .iter()
        .map(|(name, bytes)| (format!("package/{name}"), &bytes[..]))
        .collect();
    write_file(&tgz, &tgz_bytes(&entries)?)?;

    let mut zipped: Vec<(String, &[u8])> = files
        .iter()
        .filter(|(name, _)| name == README || deployed.iter().any(|(n, _)| n == name))
        .map(|(name, bytes)| (format!("{stem}/{name}"), &bytes[..]))
        .collect();
    zipped.sort_by(|a, b| a.0.cmp(&b.0));
    let zip = out.join(format!("{stem}.zip"));
    write_file(&zip, &crate::zip::write(&zipped)?)?;

    let manifest_path = out.join(MANIFEST);
    write_file(&manifest_path, manifest.as_bytes())?;

    let unpacked = out.join(NAME);
    if unpacked.exists() {
        std::fs::remove_dir_all(&unpacked)
            .map_err(|e| format!("cannot remove {}: {e}", unpacked.display()))?;
    }
    std::fs::create_dir_all(&unpacked)
        .map_err(|e| format!("cannot create {}: {e}", unpacked.display()))?;
    for (name, bytes) in &files {
        write_file(&unpacked.join(name), bytes)?;
    }
    let wordpress = kits::write_wordpress_zip(&ctx.root, dist, &out, &info.version)?;
    Ok(vec![tgz, zip, wordpress, manifest_path, unpacked])
}

fn write_file(path: &Path, bytes: &[u8]) -> Result<(), String> {
    std::fs::write(path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// `(name in the package, path in dist)` of every deployed file.
fn deployed_files(dist: &Path) -> Result<Vec<(String, PathBuf)>, String> {
    DEPLOYED
        .iter()
        .map(|stable| {
            let path = if hashed::STABLE_NAMES.contains(stable) {
                dist.join(stable)
            } else {
                hashed::find(dist, stable)?
            };
            if !path.is_file() {
                return Err(format!("{} is missing", path.display()));
            }
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            Ok((name, path))
        })
        .collect()
}

#[derive(Serialize)]
struct PackageJson {
    name: &'static str,
    version: String,
    description: String,
    license: String,
    keywords: [&'static str; 6],
    #[serde(rename = "type")]
    type_: &'static str,
    exports: Ordered<Target>,
    types: String,
    files: Vec<String>,
    #[serde(rename = "customElements")]
    custom_elements: &'static str,
    #[serde(rename = "sideEffects")]
    side_effects: [&'static str; 1],
}

/// An `exports` entry: a path, or conditions in the order they are tried.
#[derive(Clone, Serialize)]
#[serde(untagged)]
enum Target {
    Path(String),
    Conditions(Ordered<String>),
}

/// `package.json`: `.` is the loader (with its types first, as TypeScript resolves through
/// `exports`); the frame page, the snippet, the stylesheet (by its stable name) and the
/// manifest are reachable by path. The loader defines the element, so it is a side effect.
fn package_json(info: &Crate, deployed: &[(String, PathBuf)]) -> Result<String, String> {
    let name_of = |stable: &str| -> Result<String, String> {
        deployed
            .iter()
            .map(|(n, _)| n)
            .find(|n| *n == stable || hashed::hash_in_name(stable, n).is_some())
            .cloned()
            .ok_or_else(|| format!("the bundle has no {stable}"))
    };
    // `types` first: TypeScript takes the first condition it knows.
    let loader = Target::Conditions(Ordered(vec![
        ("types".into(), format!("./{TYPES}")),
        ("default".into(), "./embed.js".into()),
    ]));
    let path = |p: &str| Target::Path(p.to_string());
    let exports = Ordered(vec![
        (".".into(), loader.clone()),
        ("./embed.js".into(), loader),
        ("./frame.html".into(), path("./frame.html")),
        ("./snippet.html".into(), path("./snippet.html")),
        (
            "./widget.css".into(),
            path(&format!("./{}", name_of(hashed::WIDGET_CSS)?)),
        ),
        (format!("./{MANIFEST}"), path(&format!("./{MANIFEST}"))),
        ("./eleventy".into(), path(&format!("./{ELEVENTY}"))),
        ("./package.json".into(), path("./package.json")),
    ]);
    let mut files: Vec<String> = deployed.iter().map(|(n, _)| n.clone()).collect();
    files.push(MANIFEST.into());
    files.push(TYPES.into());
    files.push(ELEVENTY.into());
    files.sort();
    let package = PackageJson {
        name: NAME,
        version: info.version.clone(),
        description: info.description.clone(),
        license: info.license.clone(),
        keywords: [
            "web-component",
            "custom-element",
            "quiz",
            "embed",
            "webassembly",
            "leptos",
        ],
        type_: "module",
        exports,
        types: format!("./{TYPES}"),
        files,
        custom_elements: MANIFEST,
        side_effects: ["./embed.js"],
    };
    serde_json::to_string_pretty(&package)
        .map(|json| json + "\n")
        .map_err(|e| format!("package.json: {e}"))
}

/// The package page's README: the three ways to embed, then the reference tables.
fn readme(info: &Crate, widget_css: &str) -> String {
    // The exact version: every file under it is immutable on the CDN. Under a range (`@1`) a
    // cached loader could name hashed files that the range's newest release no longer has.
    let version = info.version.as_str();
    format!(
        "# {NAME}\n\n{description}\n\n\
         `<{NAME}>` is a custom element: the article, a scored quiz and a newsletter sign-up, \
         rendered in its own shadow root and working under a strict Content-Security-Policy. \
         The element's own children (the article, as `snippet.html` has it) show until the \
         widget is ready and wherever it cannot run.\n\n\
         ## From a CDN\n\n\
         Paste `snippet.html` (the element with the article inside) where the widget belongs, \
         followed by the loader:\n\n\
         ```html\n<script type=\"module\" src=\"https://cdn.jsdelivr.net/npm/{NAME}@{version}/embed.js\"></script>\n```\n\n\
         `embed.js` loads everything else relative to itself, only when an element nears the \
         viewport. Under a Content-Security-Policy, add the CDN's origin to `script-src`, \
         `style-src` and `connect-src` (and keep `'wasm-unsafe-eval'` in `script-src`).\n\n\
         ## With a bundler (Vite, Rollup, webpack)\n\n\
         ```sh\nnpm install {NAME}\n```\n\n\
         ```js\nimport \"{NAME}\";\n\ndocument.addEventListener(\"{NAME}:complete\", (e) => console.log(e.detail.score, e.detail.total));\n```\n\n\
         The loader names its files as `new URL(\"./file\", import.meta.url)`, so the bundler \
         emits the glue, the wasm and the stylesheet as assets with no plugin and no \
         configuration. TypeScript finds the element's and the events' types through \
         `exports` (`embed.d.ts`); editors and Storybook read `custom-elements.json`.\n\n\
         ## On your own host\n\n\
         Upload the files of `{NAME}-{full}.zip` (the same files) to one folder, then point \
         the snippet's `src` at its `embed.js`. Every file but `embed.js`, `frame.html` and \
         `snippet.html` carries its content hash in its name: serve those with \
         `Cache-Control: public, max-age=31536000, immutable`, and the three stable ones with \
         `Cache-Control: no-cache` (revalidated), so a reader never runs one release's loader \
         with another's wasm.\n\n\
         `frame.html` is the widget alone on a page, for platforms that allow an `<iframe>` \
         but no script.\n\n\
         {tables}",
        description = info.description.trim_end_matches('.').to_string() + ".",
        full = info.version,
        tables = element::readme_tables(widget_css),
    )
}

/// A gzipped ustar archive of `entries` (`path`, bytes): regular files, mode 0644, owner 0,
/// npm pack's fixed time, as `npm pack` writes them.
pub fn tgz_bytes(entries: &[(String, &[u8])]) -> Result<Vec<u8>, String> {
    let mut tar = Vec::new();
    for (path, bytes) in entries {
        tar.extend_from_slice(&ustar_header(path, bytes.len() as u64)?);
        tar.extend_from_slice(bytes);
        let pad = (512 - bytes.len() % 512) % 512;
        tar.extend(std::iter::repeat_n(0u8, pad));
    }
    // Two zero blocks end the archive.
    tar.extend(std::iter::repeat_n(0u8, 1024));
    let mut gz = flate2::GzBuilder::new()
        .mtime(0)
        .write(Vec::new(), flate2::Compression::best());
    gz.write_all(&tar).map_err(|e| format!("gzip: {e}"))?;
    gz.finish().map_err(|e| format!("gzip: {e}"))
}

/// One ustar header block. Paths over 100 bytes are split into prefix and name.
fn ustar_header(path: &str, size: u64) -> Result<[u8; 512], String> {
    let mut h = [0u8; 512];
    let (prefix, name) = if path.len() <= 100 {
        ("", path)
    } else {
        let split = path[..path.len().min(156)]
            .rfind('/')
            .filter(|&i| path.len() - i - 1 <= 100)
            .ok_or_else(|| format!("{path}: too long for a tar entry"))?;
        (&path[..split], &path[split + 1..])
    };
    let put = |h: &mut [u8; 512], at: usize, bytes: &[u8]| {
        h[at..at + bytes.len()].copy_from_slice(bytes);
    };
    put(&mut h, 0, name.as_bytes());
    put(&mut h, 100, b"0000644\0");
    put(&mut h, 108, b"0000000\0");
    put(&mut h, 116, b"0000000\0");
    put(&mut h, 124, format!("{size:011o}\0").as_bytes());
    put(&mut h, 136, format!("{NPM_MTIME:011o}\0").as_bytes());
    put(&mut h, 148, b"        ");
    h[156] = b'0';
    put(&mut h, 257, b"ustar\0");
    put(&mut h, 263, b"00");
    put(&mut h, 345, prefix.as_bytes());
    let sum: u32 = h.iter().map(|&b| u32::from(b)).sum();
    put(&mut h, 148, format!("{sum:06o}\0 ").as_bytes());
    Ok(h)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp(label: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("xtask-pkg-{label}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn available(tool: &str) -> bool {
        std::process::Command::new(tool)
            .arg("--help")
            .output()
            .is_ok()
    }

    #[test]
    fn tar_lists_and_extracts_what_was_put_in() {
        let long = format!("package/{}/x.txt", "d".repeat(120));
        let entries: Vec<(String, &[u8])> = vec![
            ("package/package.json".into(), b"{}\n"),
            ("package/embed.js".into(), &[b'x'; 1500]),
            (long.clone(), b"deep"),
        ];
        let tgz = tgz_bytes(&entries).unwrap();
        if !available("tar") {
            eprintln!("no tar here: the archive is not cross-checked");
            return;
        }
        let dir = temp("tar");
        std::fs::write(dir.join("p.tgz"), &tgz).unwrap();
        let status = std::process::Command::new("tar")
            .args(["-xzf", "p.tgz"])
            .current_dir(&dir)
            .status()
            .unwrap();
        assert!(status.success());
        assert_eq!(
            std::fs::read(dir.join("package/package.json")).unwrap(),
            b"{}\n"
        );
        assert_eq!(
            std::fs::read(dir.join("package/embed.js")).unwrap().len(),
            1500
        );
        assert_eq!(std::fs::read(dir.join(&long)).unwrap(), b"deep");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn package_json_exports_the_loader_with_its_types_first() {
        let info = Crate {
            version: "1.2.3".into(),
            description: "d".into(),
            license: "MIT".into(),
        };
        let deployed: Vec<(String, PathBuf)> = [
            "embed.js",
            "cto-cio-quiz-0123456789abcdef.js",
            "cto-cio-quiz_bg-0123456789abcdef.wasm",
            "widget-0123456789abcdef.css",
            "frame.html",
            "snippet.html",
        ]
        .iter()
        .map(|n| (n.to_string(), PathBuf::from(n)))
        .collect();
        let json = package_json(&info, &deployed).unwrap();
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value["name"], "cto-cio-quiz");
        assert_eq!(value["version"], "1.2.3");
        assert_eq!(value["type"], "module");
        assert_eq!(value["customElements"], "custom-elements.json");
        assert_eq!(
            value["exports"]["./widget.css"],
            "./widget-0123456789abcdef.css"
        );
        assert!(
            json.contains(
                "\".\": {\n      \"types\": \"./embed.d.ts\",\n      \"default\": \"./embed.js\""
            ),
            "{json}"
        );
        let files = value["files"].as_array().unwrap();
        assert!(files.iter().any(|f| f == "embed.d.ts"), "{files:?}");
    }
}
