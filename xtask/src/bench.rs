//! `cargo xtask bench`: what the widget costs a page, measured and printed (never asserted).
//!
//! 1. Installs what it lacks (the release tools; Chromium and chromedriver are reused when
//!    present, otherwise installed the way `test` does, via browsers.rs, which installs every
//!    engine), builds the release bundle into dist/ and builds the load benchmark program
//!    (`tests/e2e/examples/bench.rs`, release profile).
//! 2. Sizes: raw, gzip -9 and brotli -q 11 bytes of every file the widget loads (sizes.rs), plus
//!    the size budget's two lines (budget.rs): the brotli total of everything the widget loads
//!    and the part a page pays before the widget nears the viewport (embed.js alone).
//! 3. Load timings: `cargo run -p e2e --release --example bench` with the bundle and the
//!    Chromium binaries in `CCQ_DIST`, `CHROMEDRIVER` and `CHROMIUM_BIN`: headless Chromium with
//!    a 4x CPU slowdown and no HTTP cache loads a page with the widget in the viewport 10 times
//!    (after a warm-up) and prints, per load and as median/min/max, the time from embed.js's
//!    request start to `data-ccq-state="ready"` and the longest main-thread task.
//! 4. Lighthouse: `cargo run -p e2e --release --example lighthouse` (npm's Lighthouse 12, pinned in
//!    `tests/e2e/package.json` and installed by `npm ci` first, as `test` does) audits the demo
//!    post (`dist/index.html`, served with the strict CSP) with its mobile preset three times and
//!    prints the Performance, Accessibility, Best Practices and SEO scores, FCP, LCP, TBT, CLS
//!    and Speed Index, and the audits that cost points. Reports: `target/lighthouse/*.json`.
//!
//! 5. Rewrites the "Current figures" table of docs/performance.md from steps 2 to 4
//!    (figures.rs), between its marker comments.
//!
//! The figures vary with the machine and its load; compare runs made on the same machine.

use std::path::PathBuf;

use crate::browsers;
use crate::budget;
use crate::context::{is_executable, Ctx};
use crate::dist;
use crate::figures;
use crate::npm;
use crate::sizes;
use crate::tools::{self, Purpose};

/// The arguments that select the load benchmark program in the e2e crate (for `cargo build` and
/// `cargo run`).
const BENCH_PROGRAM: [&str; 5] = ["-p", "e2e", "--release", "--example", "bench"];

/// The same for the Lighthouse program (`tests/e2e/examples/lighthouse.rs`).
const LIGHTHOUSE_PROGRAM: [&str; 5] = ["-p", "e2e", "--release", "--example", "lighthouse"];

/// Builds everything, prints the sizes, then runs the load benchmark (its output streams).
pub fn run(ctx: &Ctx) -> Result<(), String> {
    tools::ensure(ctx, Purpose::Release)?;
    let chromium = chromium(ctx)?;
    // Lighthouse comes from tests/e2e/node_modules (`npm ci`, skipped when up to date).
    npm::ensure(ctx)?;
    dist::fetch_release(ctx)?;
    let dist = dist::build(ctx)?;

    // Compiled before the size report, so the compiler's output does not split the figures (the
    // first time this compiles the harness and its dependencies: a few minutes on 2 cores).
    // Both programs in one cargo invocation: one build at a time on a shared 2-core machine.
    let mut build = ctx.cmd("cargo");
    build
        .arg("build")
        .args(BENCH_PROGRAM)
        .args(&LIGHTHOUSE_PROGRAM[3..]);
    ctx.run(&mut build)
        .map_err(|e| format!("building the benchmark programs failed: {e}"))?;

    let rows = sizes::measure(&dist)?;
    println!("\n━━━ bench: sizes ━━━");
    println!("\nWidget files in {}:\n", dist.display());
    print!("{}", sizes::format_table(&rows));
    println!();
    // The budget's two lines: the brotli total, and what a page pays before the widget is near.
    print!("{}", budget::report(&rows)?.0);

    println!("\n━━━ bench: load in headless Chromium ━━━");
    let summary = ctx.root.join("target").join("bench-summary.json");
    let lighthouse_dir = ctx.root.join("target").join("lighthouse");
    let mut bench = ctx.cmd("cargo");
    bench
        .arg("run")
        .args(BENCH_PROGRAM)
        .arg("--quiet")
        .env("CCQ_DIST", &dist)
        .env("CCQ_BENCH_SUMMARY", &summary)
        .env("CHROMEDRIVER", &chromium.driver)
        .env("CHROMIUM_BIN", &chromium.browser);
    ctx.run(&mut bench).map_err(|e| {
        format!(
            "the load benchmark failed: {e}. Its error is printed above; if a binary is \
             missing, `cargo xtask test` installs every browser and driver"
        )
    })?;

    println!("\n━━━ bench: Lighthouse on the demo post (mobile preset) ━━━");
    let mut lighthouse = ctx.cmd("cargo");
    lighthouse
        .arg("run")
        .args(LIGHTHOUSE_PROGRAM)
        .arg("--quiet")
        .env("CCQ_DIST", &dist)
        .env("CHROMIUM_BIN", &chromium.browser)
        .env("CCQ_LIGHTHOUSE_DIR", &lighthouse_dir);
    ctx.run(&mut lighthouse)
        .map_err(|e| format!("the Lighthouse audit failed: {e}. Its error is printed above"))?;

    let table = figures::table(
        &rows,
        &figures::read_load(&summary)?,
        &figures::read_lighthouse(&lighthouse_dir)?,
    );
    let doc_path = ctx.root.join("docs").join("performance.md");
    let doc = std::fs::read_to_string(&doc_path)
        .map_err(|e| format!("cannot read {}: {e}", doc_path.display()))?;
    std::fs::write(&doc_path, figures::rewrite(&doc, &table)?)
        .map_err(|e| format!("cannot write {}: {e}", doc_path.display()))?;
    println!("\n✓ {}: the figures table rewritten", doc_path.display());
    Ok(())
}

/// The Chromium binaries the load benchmark drives.
struct Chromium {
    browser: PathBuf,
    driver: PathBuf,
}

/// Chromium and chromedriver: `CHROMIUM_BIN` / `CHROMEDRIVER`, else /usr/bin, else PATH. If
/// either is missing (or an override is not executable), `browsers::ensure` installs or reports
/// it exactly as `cargo xtask test` does.
fn chromium(ctx: &Ctx) -> Result<Chromium, String> {
    let found = |var: &str, name: &str| -> Option<PathBuf> {
        match std::env::var_os(var).filter(|v| !v.is_empty()) {
            Some(value) => Some(PathBuf::from(value)).filter(|p| is_executable(p)),
            None => Some(PathBuf::from("/usr/bin").join(name))
                .filter(|p| is_executable(p))
                .or_else(|| ctx.which(name)),
        }
    };
    if let (Some(browser), Some(driver)) = (
        found("CHROMIUM_BIN", "chromium"),
        found("CHROMEDRIVER", "chromedriver"),
    ) {
        println!("✓ chromium {}", browser.display());
        println!("✓ chromedriver {}", driver.display());
        return Ok(Chromium { browser, driver });
    }
    println!(
        "→ Chromium or chromedriver is missing: setting up the browsers as `cargo xtask test` does"
    );
    let all = browsers::ensure(ctx)
        .map_err(|e| format!("xtask bench needs Chromium and chromedriver: {e}"))?;
    Ok(Chromium {
        browser: all.chromium,
        driver: all.chromedriver,
    })
}
