//! Load benchmark of the widget in headless Chromium: a program, not a test. Nothing here is
//! asserted against a time limit; the figures are measured and printed (`cargo xtask bench` runs
//! it after building the release bundle; `cargo run -p e2e --release --example bench` runs it
//! against an existing `dist/`, honouring `CCQ_DIST`, `CHROMEDRIVER`, `CHROMIUM_BIN` and
//! `CCQ_SESSIONS` like the tests).
//!
//! Every load runs in a fresh headless Chromium with an empty profile (the harness's driver,
//! capabilities and machine-wide session slot; its server with the strict CSP), its CPU slowed
//! down 4x with CDP `Emulation.setCPUThrottlingRate` and its HTTP cache disabled with
//! `Network.setCacheDisabled`. It first opens `pages/blank.html` from the same server (so the
//! renderer is up and warm), then `pages/bench-load.html`: the widget at the top of the page, in
//! the viewport, so it loads at once. A fresh browser per load, not fresh navigations in one
//! session: Chromium keeps one renderer process per site and V8 keeps what it compiled in that
//! process (wasm module, scripts) in memory, HTTP cache or not, so later loads in one session
//! measured a repeat visit (no long task at all, and about half the time to ready, instead of
//! 60-190 ms long tasks in fresh browsers). One warm-up load is printed but not counted, then
//! [`RUNS`].
//! `pages/bench-observe.js` measures in the page:
//! - **embed.js → ready**: from embed.js's resource-timing `startTime` to the moment a
//!   MutationObserver sees `data-ccq-state="ready"` (the widget is mounted and interactive);
//! - **longest task**: the longest `longtask` entry (buffered PerformanceObserver, 0 if none)
//!   from navigation until [`SETTLE_MS`] after ready;
//! - **long tasks**: every such entry as `start+duration`, its start in ms relative to ready
//!   (negative: before the widget was ready), so a row says which part of the load was long
//!   (instantiation, a mount stage, or the first rendering after the swap).
//!
//! Printed: every run, then the median, min and max of each figure, and a check that the
//! slowdown was in effect (a fixed JS loop timed with and without throttling).

use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{anyhow, bail, Context};
use e2e::cdp::Cdp;
use e2e::driver::{Driver, TempDir};
use e2e::server::require_dist;
use e2e::session::WINDOW;
use e2e::{Ctx, Engine, Server, ServerConfig};
use fantoccini::wd::TimeoutConfiguration;
use fantoccini::ClientBuilder;
use hyper_util::client::legacy::connect::HttpConnector;
use serde::Deserialize;
use serde_json::{json, Value};

/// Measured loads (after the warm-up).
const RUNS: usize = 10;
/// Loads before the measured ones, printed but not counted (browser and server warm-up).
const WARM_UP: usize = 1;
/// CDP `Emulation.setCPUThrottlingRate` rate: 4 means four times slower.
const CPU_SLOWDOWN: u32 = 4;
/// Opened first in every fresh browser, to start and warm the renderer the bench page uses.
const WARM_PAGE: &str = "/pages/blank.html";
/// The host page: the widget in the viewport, the observer script in `<head>`.
const PAGE: &str = "/pages/bench-load.html";
/// The loader, whose resource-timing start is the start of the measured interval.
const EMBED: &str = "/dist/embed.js";
/// How long after ready the page keeps collecting long tasks (the mounted widget's first
/// rendering runs in a task after the one that mounted it).
const SETTLE_MS: u64 = 500;
/// Limit for one load, from navigation to the result (a hang is an error, not a figure).
const LOAD_TIMEOUT: Duration = Duration::from_secs(90);
/// Every file the widget loads, by its stable name (in dist/ all but the loader carry their
/// content hash); each load must fetch each from the server (no cache).
const WIDGET_FILES: [&str; 4] = [
    "embed.js",
    "cto-cio-quiz.js",
    "cto-cio-quiz_bg.wasm",
    "widget.css",
];
/// Iterations of the JS loop timed to check the slowdown.
const CHECK_LOOP: u64 = 20_000_000;

/// What `window.__ccqBenchResult` returns (see pages/bench-observe.js), times in ms since
/// navigation start.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct PageResult {
    ready_at: Option<f64>,
    embed_start: Option<f64>,
    /// Every long task as (start, duration).
    long_tasks: Vec<(f64, f64)>,
    longtask_supported: bool,
    failed: bool,
    error: Option<String>,
}

/// One load's figures.
#[derive(Clone, Debug)]
struct Sample {
    /// embed.js resource start → `data-ccq-state="ready"`, ms.
    to_ready: f64,
    /// Longest main-thread task, ms (0 if none over 50 ms).
    longest_task: f64,
    /// Every long task as (start relative to ready, duration), ms, in the order they ran.
    tasks: Vec<(f64, f64)>,
}

/// Everything one benchmark session produced.
struct Report {
    browser: String,
    warm_up: Vec<Sample>,
    runs: Vec<Sample>,
    longtask_supported: bool,
    /// The fixed loop's time unthrottled and throttled, ms.
    check: (f64, f64),
}

/// Runs the benchmark; on failure prints the error with its causes (no backtrace) and exits 1.
#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    match run().await {
        Ok(report) => {
            print!("{}", format_report(&report));
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("bench: error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

async fn run() -> anyhow::Result<Report> {
    let config = ServerConfig::default();
    require_dist(&config.dist)?;
    Engine::Chromium
        .check_installed()
        .map_err(|e| anyhow!("{e}"))?;
    // One of the machine-wide browser slots the e2e tests share, held for the whole benchmark.
    let _slot = match tokio::time::timeout(Duration::from_secs(1), e2e::slots::acquire()).await {
        Ok(slot) => slot,
        Err(_) => {
            eprintln!(
                "bench: waiting for a browser slot (other e2e runs hold all {}; CCQ_SESSIONS)",
                e2e::slots::capacity()
            );
            e2e::slots::acquire().await
        }
    }
    .context("waiting for a browser session slot")?;
    let server = Arc::new(Server::start(config).context("starting the HTTP server")?);

    let mut report = Report {
        browser: String::from("Chromium"),
        warm_up: Vec::new(),
        runs: Vec::new(),
        longtask_supported: true,
        check: (f64::NAN, f64::NAN),
    };
    for i in 0..WARM_UP + RUNS {
        let label = if i < WARM_UP {
            format!("warm-up {}", i + 1)
        } else {
            format!("run {}/{RUNS}", i + 1 - WARM_UP)
        };
        let last = i + 1 == WARM_UP + RUNS;
        let browser = Browser::start(server.clone())
            .await
            .with_context(|| format!("{label}: starting Chromium"))?;
        let outcome = async {
            browser.prepare().await?;
            let measured = load_once(&browser.ctx).await?;
            // Still on the bench page: the same loop with the slowdown in effect, then without.
            let check = if last {
                let throttled = time_loop(&browser.ctx).await?;
                browser.throttle(1).await?;
                Some((time_loop(&browser.ctx).await?, throttled))
            } else {
                None
            };
            anyhow::Ok((measured, check))
        }
        .await;
        if i == 0 {
            report.browser = browser.version();
        }
        browser.close().await;
        let ((sample, supported), check) = outcome.with_context(|| format!("load {label}"))?;
        report.longtask_supported &= supported;
        if let Some(check) = check {
            report.check = check;
        }
        eprintln!(
            "bench: {label}: {:.1} ms to ready, longest task {:.1} ms",
            sample.to_ready, sample.longest_task
        );
        if i < WARM_UP {
            report.warm_up.push(sample);
        } else {
            report.runs.push(sample);
        }
    }
    Ok(report)
}

/// A fresh Chromium with an empty profile, started the way the e2e harness starts its sessions
/// (see `e2e::session`). Fields drop in order: the session, then the driver (which kills the
/// browser), then the profile directory.
struct Browser {
    ctx: Ctx,
    cdp: Cdp,
    driver: Driver,
    _work: TempDir,
}

impl Browser {
    async fn start(server: Arc<Server>) -> anyhow::Result<Browser> {
        let engine = Engine::Chromium;
        let work = TempDir::new("bench").context("creating a temp dir")?;
        let profile = work.path().join("profile");
        std::fs::create_dir_all(&profile).context("creating the browser profile dir")?;
        let binary = engine.browser_binary().map_err(|e| anyhow!("{e}"))?;
        let driver = Driver::start(engine, work.path()).await?;
        let client = ClientBuilder::new(HttpConnector::new())
            .capabilities(engine.capabilities(&binary, &profile))
            .connect(&driver.url())
            .await
            .map_err(|e| {
                anyhow!(
                    "new Chromium session failed: {e}; chromedriver log:\n{}",
                    driver.log_tail()
                )
            })?;
        let cdp = Cdp::for_session(&driver.url(), &client).await?;
        Ok(Browser {
            ctx: Ctx {
                engine,
                client,
                server,
            },
            cdp,
            driver,
            _work: work,
        })
    }

    /// Window size, timeouts, no HTTP cache, the CPU slowdown; then the blank host page from the
    /// same server, so the renderer process the bench page will use is up and warm but has
    /// never seen the widget (no compiled wasm, no code cache).
    async fn prepare(&self) -> anyhow::Result<()> {
        let client = &self.ctx.client;
        client
            .set_window_size(WINDOW.0, WINDOW.1)
            .await
            .context("setting the window size")?;
        client
            .update_timeouts(TimeoutConfiguration::new(
                Some(LOAD_TIMEOUT),
                Some(LOAD_TIMEOUT),
                None,
            ))
            .await
            .context("setting the WebDriver timeouts")?;
        self.cdp.send("Network.enable", json!({})).await?;
        self.cdp
            .send("Network.setCacheDisabled", json!({ "cacheDisabled": true }))
            .await?;
        self.throttle(CPU_SLOWDOWN).await?;
        self.ctx.open(WARM_PAGE).await
    }

    /// CDP `Emulation.setCPUThrottlingRate` (1: no slowdown).
    async fn throttle(&self, rate: u32) -> anyhow::Result<()> {
        self.cdp
            .send("Emulation.setCPUThrottlingRate", json!({ "rate": rate }))
            .await
            .map(drop)
    }

    /// "Chromium <browserVersion>" from the session's capabilities.
    fn version(&self) -> String {
        self.ctx
            .client
            .capabilities()
            .and_then(|caps| caps.get("browserVersion"))
            .and_then(Value::as_str)
            .map_or_else(|| "Chromium".to_string(), |v| format!("Chromium {v}"))
    }

    /// Ends the session (the browser quits cleanly), then kills the driver's process group and
    /// removes the profile.
    async fn close(self) {
        let Browser {
            ctx, driver, _work, ..
        } = self;
        let _ = tokio::time::timeout(Duration::from_secs(10), ctx.client.close()).await;
        drop(driver);
    }
}

/// One fresh navigation to the bench page and the page's figures. Fails if the widget does not
/// become ready, the console probe recorded an error or a CSP violation, or a widget file did not
/// come from the server exactly once (a cached load would measure the wrong thing).
async fn load_once(ctx: &Ctx) -> anyhow::Result<(Sample, bool)> {
    let embed_url = ctx.url(EMBED);
    let served_before = ctx.server.request_log().len();
    let measure = async {
        ctx.open(PAGE).await?;
        ctx.eval::<PageResult>(
            "return window.__ccqBenchResult(arguments[0], arguments[1]);",
            vec![json!(embed_url), json!(SETTLE_MS)],
        )
        .await
    };
    let page = tokio::time::timeout(LOAD_TIMEOUT, measure)
        .await
        .map_err(|_| anyhow!("no result within {LOAD_TIMEOUT:?}"))??;
    if page.failed {
        bail!(
            "the widget reached data-ccq-state=\"failed\"; probe log: {}",
            ctx.probe_summary().await
        );
    }
    if let Some(error) = &page.error {
        bail!("the page's observer failed: {error}");
    }
    let ready_at = page
        .ready_at
        .ok_or_else(|| anyhow!("the page resolved without a ready time"))?;
    let embed_start = page.embed_start.ok_or_else(|| {
        anyhow!("no resource-timing entry for {embed_url}: did the page load the loader?")
    })?;
    ctx.assert_probe_clean().await?;
    let served = ctx.server.request_log().split_off(served_before);
    for stable in WIDGET_FILES {
        let file = format!("/dist/{}", e2e::server::bundle_name(stable)?);
        let line = format!("GET {file} 200");
        let count = served.iter().filter(|l| **l == line).count();
        if count != 1 {
            bail!("{file} was served {count} times during one load, not once: {served:?}");
        }
    }
    let mut tasks: Vec<(f64, f64)> = page
        .long_tasks
        .iter()
        .map(|&(start, duration)| (start - ready_at, duration))
        .collect();
    tasks.sort_by(|a, b| a.0.total_cmp(&b.0));
    let sample = Sample {
        to_ready: ready_at - embed_start,
        longest_task: tasks.iter().map(|t| t.1).fold(0.0, f64::max),
        tasks,
    };
    Ok((sample, page.longtask_supported))
}

/// The fastest of five timings (ms) of a fixed arithmetic loop in the current page.
async fn time_loop(ctx: &Ctx) -> anyhow::Result<f64> {
    let mut best = f64::INFINITY;
    for _ in 0..5 {
        let ms: f64 = ctx
            .eval(
                "const n = arguments[0]; let x = 0; const t0 = performance.now(); \
                 for (let i = 0; i < n; i++) { x = (x * 31 + i) | 0; } \
                 const ms = performance.now() - t0; window.__ccqSink = x; return ms;",
                vec![json!(CHECK_LOOP)],
            )
            .await?;
        best = best.min(ms);
    }
    Ok(best)
}

/// "-96+74 +3+61": each long task's start relative to ready, then its duration (ms).
fn task_list(tasks: &[(f64, f64)]) -> String {
    if tasks.is_empty() {
        return String::from("none");
    }
    tasks
        .iter()
        .map(|(start, duration)| format!("{start:+.0}+{duration:.0}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Median (the mean of the two middle values for an even count), min and max.
fn stats(values: &[f64]) -> (f64, f64, f64) {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let n = sorted.len();
    if n == 0 {
        return (f64::NAN, f64::NAN, f64::NAN);
    }
    let median = if n % 2 == 1 {
        sorted[n / 2]
    } else {
        (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0
    };
    (median, sorted[0], sorted[n - 1])
}

/// The printed report: setup, one row per load, median/min/max, the slowdown check, and the two
/// summary lines for the README.
fn format_report(report: &Report) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "\nLoad benchmark: {}, headless, CPU slowed down {CPU_SLOWDOWN}x, HTTP cache disabled,\n\
         window {}x{}, {PAGE} (widget in the viewport) under the strict CSP;\n\
         {WARM_UP} warm-up load (not counted), then {RUNS} loads, each in a fresh browser and profile\n\
         (after {WARM_PAGE}: warm renderer, nothing of the widget cached or compiled).\n\
         embed.js → ready: embed.js resource start to data-ccq-state=\"ready\" (ms)\n\
         longest task: longest main-thread task until {SETTLE_MS} ms after ready (ms; 0 = none over 50 ms)\n\
         long tasks: each one as start+duration (ms), its start relative to ready (negative: before)\n\n",
        report.browser, WINDOW.0, WINDOW.1
    ));
    let row = |label: &str, ready: f64, longest: f64, tasks: &str| {
        format!("{label:<8}  {ready:>16.1}  {longest:>12.1}  {tasks}\n")
    };
    out.push_str(&format!(
        "{:<8}  {:>16}  {:>12}  {}\n",
        "load", "embed.js → ready", "longest task", "long tasks"
    ));
    let rule = format!("{}\n", "-".repeat(8 + 2 + 16 + 2 + 12 + 2 + 24));
    out.push_str(&rule);
    for (i, s) in report.warm_up.iter().enumerate() {
        let label = format!(
            "warm-up{}",
            if WARM_UP > 1 {
                (i + 1).to_string()
            } else {
                String::new()
            }
        );
        out.push_str(&row(
            &label,
            s.to_ready,
            s.longest_task,
            &task_list(&s.tasks),
        ));
    }
    for (i, s) in report.runs.iter().enumerate() {
        out.push_str(&row(
            &(i + 1).to_string(),
            s.to_ready,
            s.longest_task,
            &task_list(&s.tasks),
        ));
    }
    out.push_str(&rule);
    let ready: Vec<f64> = report.runs.iter().map(|s| s.to_ready).collect();
    let longest: Vec<f64> = report.runs.iter().map(|s| s.longest_task).collect();
    let (ready_median, ready_min, ready_max) = stats(&ready);
    let (task_median, task_min, task_max) = stats(&longest);
    out.push_str(&row("median", ready_median, task_median, ""));
    out.push_str(&row("min", ready_min, task_min, ""));
    out.push_str(&row("max", ready_max, task_max, ""));
    if !report.longtask_supported {
        out.push_str(
            "\nnote: this browser does not report \"longtask\" entries; longest task reads 0\n",
        );
    }
    let (unthrottled, throttled) = report.check;
    out.push_str(&format!(
        "\nslowdown check: a fixed JS loop took {unthrottled:.1} ms unthrottled, {throttled:.1} ms \
         throttled ({:.1}x; asked for {CPU_SLOWDOWN}x)\n",
        throttled / unthrottled
    ));
    out.push_str(&format!(
        "\nembed.js start → widget interactive (median of {RUNS}, {CPU_SLOWDOWN}x CPU slowdown): \
         {ready_median:.0} ms (min {ready_min:.0}, max {ready_max:.0})\n\
         longest main-thread task (median of {RUNS}, {CPU_SLOWDOWN}x CPU slowdown): \
         {task_median:.0} ms (min {task_min:.0}, max {task_max:.0})\n"
    ));
    out
}
