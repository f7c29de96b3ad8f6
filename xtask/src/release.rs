//! The toolchain and rustc flags of every release wasm build (`dist`, and `bloat`, which must
//! measure the same code), in one place.
//!
//! The release wasm is built by one pinned nightly, [`NIGHTLY`], chosen through
//! `RUSTUP_TOOLCHAIN` for that build only: the native builds, clippy and the tests keep running on
//! `rust-toolchain.toml`'s stable release. A nightly for the shipped bytes because the two levers
//! below are unstable, and a pinned one because a compiler update changes the bundle: moving to a
//! newer nightly is a deliberate edit here, measured with `cargo xtask bloat` (docs/performance.md).
//! `cargo xtask` installs it with `rust-src` like the other tools (`tools::ensure_nightly`).
//!
//! Flags, passed as `CARGO_ENCODED_RUSTFLAGS`, which Trunk hands on to cargo; with
//! `--target wasm32-unknown-unknown` they reach the wasm crates only, not build scripts:
//!
//! - `-Zbuild-std=std,panic_abort` (as `CARGO_UNSTABLE_BUILD_STD`) with
//!   `-Zunstable-options -Cpanic=immediate-abort`: std is compiled with the widget's own profile,
//!   and a panic is a bare `unreachable` trap, so the panic and formatting machinery std would
//!   link for its messages is gone (about 6 KB brotli). No panic hook runs: the loader notices the
//!   trap's `RuntimeError` and marks every widget failed (`src/embed.js`). std's own
//!   `optimize_for_size` feature (as `CARGO_UNSTABLE_BUILD_STD_FEATURES`) picks its smaller
//!   algorithms: -480 B brotli.
//! - `-Cllvm-args=-inline-threshold=12`: LLVM inlines a little more than `opt-level = "z"`'s
//!   default (5), which lets it fold the many tiny generic wrappers of Leptos's views into their
//!   callers (measured values in docs/performance.md). LLVM counts costs in steps of 5, so 12 sits
//!   inside the best step rather than on its edge.
//! - `-Zlocation-detail=none`: panic locations without file, line and column; nothing prints them.
//! - `--remap-path-prefix`: whatever paths remain compiled in (`file!()`) name files relative to
//!   the crate registry and the workspace, not this machine's absolute paths (shorter, and the
//!   same bytes from any checkout, which keeps the size budget deterministic).

use std::path::Path;

use crate::context::Ctx;

/// The nightly that builds the shipped wasm (its `rustc -V` reads 1.97.0-nightly e50aa6fba).
pub const NIGHTLY: &str = "nightly-2026-05-20";

/// Flags every release build gets besides the path remaps (see the module doc).
const FLAGS: [&str; 4] = [
    "-Cllvm-args=-inline-threshold=12",
    "-Zlocation-detail=none",
    "-Zunstable-options",
    "-Cpanic=immediate-abort",
];

/// The environment of every release wasm build: the pinned nightly, std built from source, and
/// the flags.
pub fn env(ctx: &Ctx) -> [(&'static str, String); 4] {
    [
        ("RUSTUP_TOOLCHAIN", NIGHTLY.to_owned()),
        ("CARGO_UNSTABLE_BUILD_STD", "std,panic_abort".to_owned()),
        (
            "CARGO_UNSTABLE_BUILD_STD_FEATURES",
            "optimize_for_size".to_owned(),
        ),
        ("CARGO_ENCODED_RUSTFLAGS", encoded_rustflags(ctx)),
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
