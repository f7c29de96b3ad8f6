//! `cargo xtask test`: every check the project has, in order, output streamed, stopping at the
//! first failure: the patched crates' guard (patches.rs), formatting, clippy (native and
//! wasm32), native unit tests, wasm component tests in headless Chromium, the release bundle,
//! the npm package, and the end-to-end tests (WordPress in Debian's release and a current one,
//! wordpress.rs) in Chromium,
//! Firefox ESR and WebKitGTK. Prerequisites (tools, browsers, npm packages) are installed
//! first; under `CI=true` nothing may be skipped.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use crate::browsers::{self, Browsers};
use crate::context::Ctx;
use crate::dist;
use crate::hashed;
use crate::npm;
use crate::package;
use crate::patches;
use crate::tools::{self, Purpose, WASM_TARGET};
use crate::wordpress;
use crate::{budget, sizes};

/// How long one wasm-bindgen test may run (seconds) unless the caller sets its own.
const WASM_TEST_TIMEOUT: &str = "300";

/// Driver variables wasm-bindgen-test-runner reads; only CHROMEDRIVER is set for its step.
const OTHER_RUNNER_DRIVERS: [&str; 5] = [
    "GECKODRIVER",
    "SAFARIDRIVER",
    "GECKODRIVER_REMOTE",
    "CHROMEDRIVER_REMOTE",
    "SAFARIDRIVER_REMOTE",
];

type StepFn<'a> = Box<dyn Fn() -> Result<(), String> + 'a>;

/// Runs every step; the error names the step that failed.
pub fn run(ctx: &Ctx) -> Result<(), String> {
    let started = Instant::now();
    banner("prerequisites");
    if ctx.ci {
        println!("(CI is set: a missing tool or browser that cannot be installed fails the run)");
    }
    let (browsers, current_wordpress) =
        prerequisites(ctx).map_err(|e| format!("xtask test: prerequisites: {e}"))?;

    let steps = steps(ctx, &browsers, &current_wordpress);
    let mut done: Vec<(&str, Duration)> = Vec::new();
    for (index, (name, step)) in steps.iter().enumerate() {
        banner(&format!("step {}/{}: {name}", index + 1, steps.len()));
        let t = Instant::now();
        let result = step();
        if let Err(e) = result {
            print_summary(&done, Some((name, t.elapsed())), &steps_names(&steps));
            return Err(format!(
                "xtask test: FAILED at step {}/{} \"{name}\" after {}: {e}",
                index + 1,
                steps.len(),
                minutes(started.elapsed())
            ));
        }
        done.push((name, t.elapsed()));
    }
    print_summary(&done, None, &steps_names(&steps));
    println!(
        "✓ xtask test: all {} steps succeeded in {}",
        steps.len(),
        minutes(started.elapsed())
    );
    Ok(())
}

/// Tools, browsers, a current WordPress beside Debian's and npm packages; `cargo fetch` (the
/// release build runs offline).
fn prerequisites(ctx: &Ctx) -> Result<(Browsers, PathBuf), String> {
    tools::ensure(ctx, Purpose::Test)?;
    let browsers = browsers::ensure(ctx)?;
    let current_wordpress = wordpress::ensure(ctx)?;
    npm::ensure(ctx)?;
    dist::fetch_release(ctx)?;
    Ok((browsers, current_wordpress))
}

fn steps<'a>(
    ctx: &'a Ctx,
    browsers: &'a Browsers,
    current_wordpress: &'a Path,
) -> Vec<(&'static str, StepFn<'a>)> {
    let cargo = move |args: &[&str]| {
        let mut cmd = ctx.cmd("cargo");
        cmd.args(args);
        cmd
    };
    vec![
        (
            "patched crates: [patch] entries used, copies equal upstream plus PATCH.md",
            Box::new(move || patches::guard(ctx)),
        ),
        (
            "cargo fmt --check",
            Box::new(move || ctx.run(&mut cargo(&["fmt", "--all", "--", "--check"]))),
        ),
        (
            "clippy, native",
            Box::new(move || {
                ctx.run(&mut cargo(&[
                    "clippy",
                    "--workspace",
                    "--all-targets",
                    "--",
                    "-D",
                    "warnings",
                ]))
            }),
        ),
        (
            "clippy, wasm32",
            Box::new(move || {
                ctx.run(&mut cargo(&[
                    "clippy",
                    "-p",
                    "cto-cio-quiz",
                    "--target",
                    WASM_TARGET,
                    "--all-targets",
                    "--",
                    "-D",
                    "warnings",
                ]))
            }),
        ),
        (
            "native unit tests",
            Box::new(move || ctx.run(&mut cargo(&["test", "--workspace", "--exclude", "e2e"]))),
        ),
        (
            "wasm component tests in headless Chromium",
            Box::new(move || {
                let mut cmd = cargo(&["test", "-p", "cto-cio-quiz", "--target", WASM_TARGET]);
                wasm_test_env(&mut cmd, browsers);
                ctx.run(&mut cmd)
            }),
        ),
        (
            "release bundle (dist)",
            Box::new(move || {
                let dist = dist::build(ctx)?;
                // Each loaded file named by the hash of its bytes, and named so by its loader.
                for line in hashed::verify(&dist)? {
                    println!("✓ {line}");
                }
                dist::report(&dist)
            }),
        ),
        (
            "size budget (brotli bytes of the release bundle)",
            Box::new(move || {
                let rows = sizes::measure(&dist::dist_dir(ctx)?)?;
                print!("{}", budget::check(&rows)?);
                Ok(())
            }),
        ),
        (
            "npm package and zip of the bundle (target/package)",
            Box::new(move || {
                for path in package::write(ctx, &dist::dist_dir(ctx)?)? {
                    println!("✓ {}", path.display());
                }
                Ok(())
            }),
        ),
        (
            "end-to-end tests in Chromium, Firefox ESR and WebKitGTK",
            Box::new(move || {
                let dist = dist::dist_dir(ctx)?;
                let mut cmd = cargo(&["test", "-p", "e2e"]);
                cmd.env("CCQ_DIST", &dist);
                // The package tests (tests/e2e/tests/package.rs) install and serve this archive.
                cmd.env("CCQ_PACKAGE", package::archive(ctx)?);
                for (key, path) in browsers.e2e_env() {
                    cmd.env(key, path);
                }
                // tests/e2e/tests/wordpress.rs runs the plugin in this release too.
                cmd.env("WORDPRESS_CURRENT_DIR", current_wordpress);
                if ctx.ci && std::env::var_os("CCQ_ENGINES").is_some() {
                    // CCQ_ENGINES narrows the engines for local debugging; CI runs all three.
                    println!("(CI: ignoring CCQ_ENGINES, every engine runs)");
                    cmd.env_remove("CCQ_ENGINES");
                }
                ctx.run(&mut cmd)
            }),
        ),
    ]
}

/// wasm-bindgen-test-runner picks the browser from its driver variables: set exactly one
/// (CHROMEDRIVER), with a generous per-test timeout.
fn wasm_test_env(cmd: &mut Command, browsers: &Browsers) {
    for var in OTHER_RUNNER_DRIVERS {
        cmd.env_remove(var);
    }
    cmd.env("CHROMEDRIVER", &browsers.chromedriver);
    if std::env::var_os("WASM_BINDGEN_TEST_TIMEOUT").is_none() {
        cmd.env("WASM_BINDGEN_TEST_TIMEOUT", WASM_TEST_TIMEOUT);
    }
}

fn steps_names<'a>(steps: &[(&'a str, StepFn<'_>)]) -> Vec<&'a str> {
    steps.iter().map(|(name, _)| *name).collect()
}

fn banner(title: &str) {
    println!("\n━━━ {title} ━━━");
}

/// One line per step: ✓ done, ✗ failed, · not run.
fn print_summary(done: &[(&str, Duration)], failed: Option<(&str, Duration)>, all: &[&str]) {
    print!("{}", summary(done, failed, all));
}

fn summary(done: &[(&str, Duration)], failed: Option<(&str, Duration)>, all: &[&str]) -> String {
    let mut out = String::from("\n━━━ summary ━━━\n");
    for name in all {
        if let Some((_, d)) = done.iter().find(|(n, _)| n == name) {
            out.push_str(&format!("✓ {name} ({})\n", minutes(*d)));
        } else if let Some((_, d)) = failed.filter(|(n, _)| n == name) {
            out.push_str(&format!("✗ {name} (failed after {})\n", minutes(d)));
        } else {
            out.push_str(&format!("· {name} (not run)\n"));
        }
    }
    out
}

/// `75 s` → `"1m15s"`, `9 s` → `"9s"`.
fn minutes(d: Duration) -> String {
    let s = d.as_secs();
    if s >= 60 {
        format!("{}m{:02}s", s / 60, s % 60)
    } else {
        format!("{s}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minutes_formats_durations() {
        assert_eq!(minutes(Duration::from_secs(9)), "9s");
        assert_eq!(minutes(Duration::from_secs(75)), "1m15s");
        assert_eq!(minutes(Duration::from_secs(3600)), "60m00s");
    }

    #[test]
    fn summary_marks_done_failed_and_not_run() {
        let all = ["fmt", "clippy", "tests"];
        let text = summary(
            &[("fmt", Duration::from_secs(2))],
            Some(("clippy", Duration::from_secs(61))),
            &all,
        );
        assert_eq!(
            text,
            "\n━━━ summary ━━━\n✓ fmt (2s)\n✗ clippy (failed after 1m01s)\n· tests (not run)\n"
        );
    }

    #[test]
    fn wasm_step_sets_only_chromedriver() {
        let browsers = Browsers {
            chromium: "/usr/bin/chromium".into(),
            chromedriver: "/usr/bin/chromedriver".into(),
            firefox: "/usr/bin/firefox-esr".into(),
            geckodriver: "/root/.cargo/bin/geckodriver".into(),
            webkit_driver: "/usr/bin/WebKitWebDriver".into(),
            minibrowser: "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser".into(),
            xvfb_run: "/usr/bin/xvfb-run".into(),
            hugo: "/usr/bin/hugo".into(),
        };
        let mut cmd = Command::new("cargo");
        wasm_test_env(&mut cmd, &browsers);
        let envs: Vec<(String, Option<String>)> = cmd
            .get_envs()
            .map(|(k, v)| {
                (
                    k.to_string_lossy().into_owned(),
                    v.map(|v| v.to_string_lossy().into_owned()),
                )
            })
            .collect();
        assert!(envs.contains(&("CHROMEDRIVER".into(), Some("/usr/bin/chromedriver".into()))));
        assert!(envs.contains(&("GECKODRIVER".into(), None)));
        assert!(envs.contains(&("SAFARIDRIVER".into(), None)));
    }
}
