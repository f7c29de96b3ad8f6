//! `cargo xtask dist`: the release bundle in dist/ (`trunk build --release`, with Trunk.toml's
//! filehash = false, inject_scripts = false and offline = true), minus files that must not be
//! deployed, with the loader, the frame page's script and both stylesheets minified by Trunk
//! (through xtask/minify/index.html), plus `snippet.html` (the article as static HTML inside the
//! element, for blog owners to paste; `frame.html` comes from Trunk's copy-file links), followed
//! by the size table of the files the widget loads.

use std::path::PathBuf;

use crate::context::Ctx;
use crate::hashed;
use crate::release;
use crate::shipped_wasm;
use crate::sizes;
use crate::tools::{self, Purpose};
use crate::versions;

/// Files trunk leaves in dist/ that must not be deployed.
const LEFTOVERS: [&str; 1] = [".trunk-lock"];

/// Installs what is missing, builds the bundle and prints its sizes.
pub fn run(ctx: &Ctx) -> Result<(), String> {
    tools::ensure(ctx, Purpose::Release)?;
    fetch_release(ctx)?;
    let dist = build(ctx)?;
    report(&dist)
}

/// `cargo fetch`: Trunk.toml's offline = true passes `--offline` to cargo, so every crate must
/// be downloaded beforehand.
pub fn fetch(ctx: &Ctx) -> Result<(), String> {
    ctx.run(ctx.cmd("cargo").arg("fetch"))
}

/// [`fetch`], and the crates the pinned nightly's standard library depends on: build-std
/// compiles std from the toolchain's `rust-src`, whose own workspace resolves its dependencies
/// from crates.io like ours, so the offline release build needs them downloaded too.
pub fn fetch_release(ctx: &Ctx) -> Result<(), String> {
    fetch(ctx)?;
    let toolchain = format!("+{}", release::NIGHTLY);
    let sysroot = ctx
        .probe("rustc", &[&toolchain, "--print", "sysroot"])
        .ok_or_else(|| {
            format!(
                "{} is not installed (run cargo xtask dist)",
                release::NIGHTLY
            )
        })?;
    let library = std::path::Path::new(sysroot.trim()).join("lib/rustlib/src/rust/library");
    ctx.run(
        ctx.cmd("cargo")
            .arg(&toolchain)
            .arg("fetch")
            .arg("--manifest-path")
            .arg(library.join("Cargo.toml")),
    )
}

/// `trunk build --release`, then removes the leftovers. Returns the dist directory.
pub fn build(ctx: &Ctx) -> Result<PathBuf, String> {
    ctx.run(
        ctx.cmd("trunk")
            .args(["build", "--release"])
            .envs(release::env(ctx)),
    )?;
    let dist = dist_dir(ctx)?;
    for name in LEFTOVERS {
        let path = dist.join(name);
        if path.exists() {
            std::fs::remove_file(&path)
                .map_err(|e| format!("cannot remove {}: {e}", path.display()))?;
        }
    }
    strip_build_instructions(&dist.join("index.html"))?;
    minify_copied_files(ctx, &dist)?;
    shorten_import_names(&dist)?;
    let renamed = hashed::apply(&dist)?;
    println!(
        "✓ content-hashed names: {}",
        renamed
            .iter()
            .map(|(_, name)| name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    );
    write_snippet(ctx, &dist)?;
    println!("✓ release bundle in {}", dist.display());
    Ok(dist)
}

/// `dist/snippet.html`, rendered natively from `src/content` by `examples/snippet.rs`. An example
/// rather than a dependency of xtask on the widget crate: the other commands (which install the
/// tools on a fresh machine) then never compile the widget and Leptos natively first.
fn write_snippet(ctx: &Ctx, dist: &std::path::Path) -> Result<(), String> {
    let out = dist.join("snippet.html");
    ctx.run(
        ctx.cmd("cargo")
            .args([
                "run",
                "--quiet",
                "--package",
                "cto-cio-quiz",
                "--example",
                "snippet",
                "--",
            ])
            .arg(&out),
    )
}

/// The page that declares the files index.html only copies (see its comment).
const MINIFY_PAGE: &str = "xtask/minify/index.html";
/// What it declares: the loader, the frame page's script and the two stylesheets.
const MINIFIED: [&str; 4] = ["embed.js", "frame.js", "widget.css", "frame.css"];

/// Replaces the copied loader, frame script and stylesheets in `dist` with Trunk's minified
/// builds of them (lightningcss and minify-js; 0.3 KB brotli less than the copies without their
/// comments). A second `trunk build`, of a page that exists only to declare them; it runs no
/// cargo and takes well under a second.
fn minify_copied_files(ctx: &Ctx, dist: &std::path::Path) -> Result<(), String> {
    let out = ctx.target_dir().join("minify");
    ctx.run(
        ctx.cmd("trunk")
            .args(["build", "--release=true", "--dist"])
            .arg(&out)
            .arg(ctx.root.join(MINIFY_PAGE)),
    )?;
    for name in MINIFIED {
        let (from, to) = (out.join(name), dist.join(name));
        std::fs::copy(&from, &to)
            .map_err(|e| format!("cannot copy {} to {}: {e}", from.display(), to.display()))?;
    }
    Ok(())
}

/// The wasm and the wasm-bindgen glue, as Trunk wrote them (after wasm-opt and the minifier).
const WASM: &str = "cto-cio-quiz_bg.wasm";
const GLUE: &str = "cto-cio-quiz.js";

/// Renames the wasm's imports and exports in the wasm and its glue alike (see `shipped_wasm`).
fn shorten_import_names(dist: &std::path::Path) -> Result<(), String> {
    let (wasm_path, glue_path) = (dist.join(WASM), dist.join(GLUE));
    let wasm = std::fs::read(&wasm_path)
        .map_err(|e| format!("cannot read {}: {e}", wasm_path.display()))?;
    let glue = std::fs::read_to_string(&glue_path)
        .map_err(|e| format!("cannot read {}: {e}", glue_path.display()))?;
    let short =
        shipped_wasm::shorten(&wasm, &glue).map_err(|e| format!("{}: {e}", wasm_path.display()))?;
    for (path, bytes) in [
        (&wasm_path, &short.wasm[..]),
        (&glue_path, short.glue.as_bytes()),
    ] {
        std::fs::write(path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    println!(
        "✓ {} import and export names shortened in {WASM} and {GLUE}{}",
        short.renamed,
        match short.kept {
            0 => String::new(),
            kept => format!(" ({kept} kept their names: the glue names them otherwise too)"),
        }
    );
    Ok(())
}

/// Trunk leaves its own `<link data-trunk …>` build instructions in the demo page when it injects
/// no scripts; a deployed page has no use for them (and validators reject `rel="rust"`).
fn strip_build_instructions(page: &std::path::Path) -> Result<(), String> {
    let html = std::fs::read_to_string(page)
        .map_err(|e| format!("cannot read {}: {e}", page.display()))?;
    let kept = without_build_instructions(&html);
    if kept != html {
        std::fs::write(page, kept).map_err(|e| format!("cannot write {}: {e}", page.display()))?;
    }
    Ok(())
}

/// `html` without Trunk's `<link data-trunk …>` tags and the comment introducing them, and without
/// the blank lines they leave. Works on Trunk's minified output too, where the page is one line.
fn without_build_instructions(html: &str) -> String {
    let mut rest = html;
    let mut kept = String::with_capacity(html.len());
    while let Some(start) = rest.find("<link") {
        let Some(len) = rest[start..].find('>') else {
            break;
        };
        let tag = &rest[start..=start + len];
        kept.push_str(&rest[..start]);
        if !tag.contains("data-trunk") {
            kept.push_str(tag);
        }
        rest = &rest[start + len + 1..];
    }
    kept.push_str(rest);
    let mut out = String::with_capacity(kept.len());
    for line in kept.lines() {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with("<!-- Build instructions for Trunk") {
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// Prints the size table of the widget's files in `dist`.
pub fn report(dist: &std::path::Path) -> Result<(), String> {
    let rows = sizes::measure(dist)?;
    println!("\nWidget files in {}:\n", dist.display());
    print!("{}", sizes::format_table(&rows));
    Ok(())
}

/// The absolute dist directory: Trunk.toml's `[build] dist`, "dist" by default.
pub fn dist_dir(ctx: &Ctx) -> Result<PathBuf, String> {
    let trunk_path = ctx.root.join("Trunk.toml");
    let trunk = std::fs::read_to_string(&trunk_path)
        .map_err(|e| format!("cannot read {}: {e}", trunk_path.display()))?;
    let dist = versions::trunk_toml(&trunk)?
        .build
        .dist
        .unwrap_or_else(|| "dist".into());
    Ok(ctx.root.join(dist))
}

#[cfg(test)]
mod tests {
    use super::without_build_instructions;

    #[test]
    fn drops_trunk_links_from_a_minified_page() {
        let html = "<head><link href=a.css rel=stylesheet><link data-bin=x data-trunk rel=rust><title>T</title></head>";
        assert_eq!(
            without_build_instructions(html),
            "<head><link href=a.css rel=stylesheet><title>T</title></head>\n"
        );
    }

    #[test]
    fn drops_trunk_links_and_blank_lines_only() {
        let html = "<head>\n  <!-- Build instructions for Trunk; x -->\n  <link data-trunk rel=\"rust\" data-trunk-id=\"0\">\n\n  <title>T</title>\n</head>\n";
        assert_eq!(
            without_build_instructions(html),
            "<head>\n  <title>T</title>\n</head>\n"
        );
    }
}
