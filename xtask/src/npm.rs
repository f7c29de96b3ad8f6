//! npm packages the tests use (e.g. axe-core for accessibility checks): declared in
//! `tests/e2e/package.json` with a committed `package-lock.json`, installed with `npm ci` into
//! `tests/e2e/node_modules`. Nothing to do while there is no package.json; skipped when
//! node_modules is newer than both manifest files (idempotent).

use std::path::Path;
use std::time::SystemTime;

use crate::context::Ctx;

/// The folder whose package.json lists the test-time npm packages.
const NPM_DIR: &str = "tests/e2e";

/// Installs the test-time npm packages if there are any and they are not up to date.
pub fn ensure(ctx: &Ctx) -> Result<(), String> {
    let dir = ctx.root.join(NPM_DIR);
    let manifest = dir.join("package.json");
    if !manifest.is_file() {
        return Ok(());
    }
    let lock = dir.join("package-lock.json");
    // npm writes node_modules/.package-lock.json at the end of every successful install.
    let marker = dir.join("node_modules").join(".package-lock.json");
    if is_newer(&marker, &[&manifest, &lock]) {
        println!("✓ npm packages in {NPM_DIR} (already installed)");
        return Ok(());
    }
    if ctx.which("npm").is_none() {
        return Err(format!(
            "{NPM_DIR}/package.json needs npm, which is not on PATH: install Node.js and npm \
             (Debian: apt-get install -y nodejs npm)"
        ));
    }
    println!("→ installing npm packages in {NPM_DIR}");
    let mut cmd = ctx.cmd("npm");
    cmd.current_dir(&dir);
    if lock.is_file() {
        cmd.args(["ci", "--no-audit", "--no-fund"]);
    } else {
        // No lockfile yet: `npm install` creates one, which should then be committed.
        cmd.args(["install", "--no-audit", "--no-fund"]);
    }
    ctx.run(&mut cmd)
}

/// Whether `target` exists and is at least as new as every existing file in `sources`.
fn is_newer(target: &Path, sources: &[&Path]) -> bool {
    let modified = |p: &Path| p.metadata().and_then(|m| m.modified()).ok();
    let Some(target_time) = modified(target) else {
        return false;
    };
    sources
        .iter()
        .filter_map(|s| modified(s))
        .all(|source_time: SystemTime| source_time <= target_time)
}
