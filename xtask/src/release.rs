//! The rustc flags of every release wasm build (`dist`, and `bloat`, which must measure the same
//! code), in one place. Passed as `CARGO_ENCODED_RUSTFLAGS`, which Trunk hands on to cargo; with
//! `--target wasm32-unknown-unknown` they reach the wasm crates only, not build scripts.
//! `RUSTC_BOOTSTRAP=1` is an environment variable, so build scripts and proc macros of the
//! release build see it too (a crate that probes for nightly features may find them); the
//! native builds and tests never get it.
//!
//! - `-Cllvm-args=-inline-threshold=12`: LLVM inlines a little more than `opt-level = "z"`'s
//!   default (5), which lets it fold the many tiny generic wrappers of Leptos's views into their
//!   callers. Measured (wasm brotli, on the code of the time): 5 (the default) 105,136 B; 8 and
//!   10 104,857; 12 and 14 104,450; 16 to 25 about 104,590; 50 107,830; 100 115,259. LLVM
//!   counts costs in steps of 5, so 12 sits inside the best step rather than on its edge.
//! - Not `--cfg erase_components` (Leptos erases view types to `AnyView`): measured larger here,
//!   see docs/performance.md.
//! - `-Zlocation-detail=none`: panic locations without file, line and column. A release build
//!   aborts on panic and `web::panic`'s hook prints no location, so the about 2.5 KB of file
//!   names (one per source file with a panic path: `tachys-0.2.19/src/html/event.rs`, …) and the
//!   code passing lines and columns were dead weight: 1,698 B brotli of the wasm.
//!   An unstable flag, so the build runs with `RUSTC_BOOTSTRAP=1` ([`env`]); a toolchain that
//!   dropped the flag fails the build, it never ships a different bundle silently. Measured and
//!   not taken: `-Zfmt-debug=none` (every `{:?}` prints nothing) saved 191 B more, not worth a
//!   `Debug` that silently stops working.
//! - `--remap-path-prefix`: whatever paths remain compiled in (`file!()`) name files relative to
//!   the crate registry and the workspace, not this machine's absolute paths (shorter, and the
//!   same bytes from any checkout, which keeps the size budget deterministic).

use std::path::Path;

use crate::context::Ctx;

/// Flags every release build gets besides the path remaps (see the module doc).
const FLAGS: [&str; 2] = ["-Cllvm-args=-inline-threshold=12", "-Zlocation-detail=none"];

/// The environment of every release wasm build: the flags, and the stable compiler's permission to
/// take the one unstable flag among them.
pub fn env(ctx: &Ctx) -> [(&'static str, String); 2] {
    [
        ("CARGO_ENCODED_RUSTFLAGS", encoded_rustflags(ctx)),
        ("RUSTC_BOOTSTRAP", "1".to_owned()),
    ]
}

/// The value for `CARGO_ENCODED_RUSTFLAGS` (flags separated by 0x1f): the caller's own
/// `CARGO_ENCODED_RUSTFLAGS` or `RUSTFLAGS` first, then ours.
fn encoded_rustflags(ctx: &Ctx) -> String {
    let own = std::env::var("CARGO_ENCODED_RUSTFLAGS")
        .ok()
        .filter(|flags| !flags.is_empty())
        .map(|flags| flags.split('\x1f').map(str::to_owned).collect::<Vec<_>>())
        .or_else(|| {
            std::env::var("RUSTFLAGS")
                .ok()
                .map(|flags| flags.split_whitespace().map(str::to_owned).collect())
        })
        .unwrap_or_default();
    let registry = ctx
        .cargo_bin
        .parent()
        .map(|home| home.join("registry").join("src"));
    let mut flags = own;
    flags.extend(FLAGS.iter().map(|flag| (*flag).to_owned()));
    flags.extend(remaps(&ctx.root, registry.as_deref()));
    flags.join("\x1f")
}

/// `--remap-path-prefix=<dir>=` for each registry source directory (so a path reads
/// `leptos-0.8.x/src/…`) and `<root>=.` for the workspace.
fn remaps(root: &Path, registry: Option<&Path>) -> Vec<String> {
    let mut dirs: Vec<String> = registry
        .and_then(|dir| std::fs::read_dir(dir).ok())
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .map(|entry| entry.path().display().to_string())
        .map(|dir| ["--remap-path-prefix=", &dir, "/="].concat())
        .collect();
    dirs.sort();
    dirs.push(["--remap-path-prefix=", &root.display().to_string(), "/=./"].concat());
    dirs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remaps_each_registry_dir_and_the_workspace() {
        let registry = std::env::temp_dir().join(format!("ccq-remap-{}", std::process::id()));
        std::fs::create_dir_all(registry.join("index.example-1")).expect("temp dir");
        let flags = remaps(Path::new("/work/tree"), Some(&registry));
        let _ = std::fs::remove_dir_all(&registry);
        assert_eq!(
            flags,
            vec![
                format!(
                    "--remap-path-prefix={}/=",
                    registry.join("index.example-1").display()
                ),
                "--remap-path-prefix=/work/tree/=./".to_owned(),
            ]
        );
    }

    #[test]
    fn no_registry_still_remaps_the_workspace() {
        assert_eq!(
            remaps(Path::new("/w"), Some(Path::new("/nonexistent/ccq"))),
            vec!["--remap-path-prefix=/w/=./".to_owned()]
        );
    }
}
