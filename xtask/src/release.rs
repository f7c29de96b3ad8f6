//! The rustc flags of every release wasm build (`dist`, and `bloat`, which must measure the same
//! code), in one place. Passed as `CARGO_ENCODED_RUSTFLAGS`, which Trunk hands on to cargo; with
//! `--target wasm32-unknown-unknown` they reach the wasm crates only, not build scripts.
//!
//! - `-Cllvm-args=-inline-threshold=12`: LLVM inlines a little more than `opt-level = "z"`'s
//!   default (5), which lets it fold the many tiny generic wrappers of Leptos's views into their
//!   callers. Measured (wasm brotli, 2026-12-02): 5 (the default) 105,136 B; 8 and 10 104,857;
//!   12 and 14 104,450; 16 to 25 about 104,590; 50 107,830; 100 115,259. LLVM counts costs in
//!   steps of 5, so 12 sits inside the best step rather than on its edge.
//! - Not `--cfg erase_components` (Leptos erases view types to `AnyView`): measured larger here,
//!   see the README's size table.
//! - `--remap-path-prefix`: the panic locations compiled into the wasm name files relative to the
//!   crate registry and the workspace, not this machine's absolute paths (shorter, and the same
//!   bytes from any checkout, which keeps the size budget deterministic).

use std::path::Path;

use crate::context::Ctx;

/// Flags every release build gets besides the path remaps (see the module doc).
const FLAGS: [&str; 1] = ["-Cllvm-args=-inline-threshold=12"];

/// The value for `CARGO_ENCODED_RUSTFLAGS` (flags separated by 0x1f): the caller's own
/// `CARGO_ENCODED_RUSTFLAGS` or `RUSTFLAGS` first, then ours.
pub fn encoded_rustflags(ctx: &Ctx) -> String {
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
