//! Load benchmark of the widget in headless Chromium: a program, not a test. Nothing here is
//! asserted against a time limit; the figures are measured and printed (`cargo xtask bench` runs
//! it after building the release bundle; `cargo run -p e2e --release --example bench` runs it
//! against an existing `dist/`, honouring `CCQ_DIST`, `CHROMEDRIVER`, `CHROMIUM_BIN` and
//! `CCQ_SESSIONS` like the tests). Arguments, if any, pick pages from [`PAGES`] by key
//! (`-- short empty`); without any, every page runs. With `CCQ_BENCH_TRACE=<dir>` every load
//! also writes a Chromium performance trace there (`<page>-<load>.json`, load 0 the warm-up), to
//! see what a long task ran; tracing costs time, so figures of such a run are not comparable.
//!
//! Each page of [`PAGES`] is loaded [`WARM_UP`] + [`RUNS`] times, every load in a fresh headless
//! Chromium with an empty profile (the harness's driver, capabilities and machine-wide session
//! slot; its server with the strict CSP), its CPU slowed down 4x with CDP
//! `Emulation.setCPUThrottlingRate` and its HTTP cache disabled with `Network.setCacheDisabled`.
//! It first opens `pages/blank.html` from the same server (so the renderer is up and warm), waits
//! until the browser's own start-up work is over (`Browser::settle`), then turns the slowdown on
//! and opens the page, whose widget is in the viewport, so it loads at once. A fresh browser per load, not
//! fresh navigations in one session: Chromium keeps one renderer process per site and V8 keeps
//! what it compiled in that process (wasm module, scripts) in memory, HTTP cache or not, so
//! later loads in one session measured a repeat visit (no long task at all, and about half the
//! time to ready, instead of 60-190 ms long tasks in fresh browsers). The warm-up load is
//! printed but not counted.
//!
//! `pages/bench-observe.js` (in each page's `<head>`; the server's `/bench/` path injects it
//! into the demo post) measures in the page:
//! - **embed.js → ready**: from embed.js's resource-timing `startTime` to the moment a
//!   MutationObserver sees `data-ccq-state="ready"` (the widget is mounted and interactive);
//! - **longest task**: the longest `longtask` entry (buffered PerformanceObserver, 0 if none)
//!   from navigation until [`SETTLE_MS`] after ready;
//! - **long tasks**: every such entry as `start+duration`, its start in ms relative to ready
//!   (negative: before the widget was ready), and the load stage it ran ([`Stage`]): the stage
//!   marks the observer recorded inside the task, or the last one before it (`after …`: a task
//!   of the browser's own between two stages, such as rendering or compiling), plus what the
//!   long animation frame around it spent in scripts (by invoker) and in rendering.
//!
//! Printed per page: every load, the median, min and max of each figure, the loads with a task
//! over [`LONG_TASK_MS`] and the longest task of all loads; then one summary line per page and a
//! check that the slowdown was in effect (a fixed JS loop timed with and without throttling).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
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

/// One page the benchmark loads.
struct BenchPage {
    /// Picks the page on the command line.
    key: &'static str,
    /// Its name in the report.
    name: &'static str,
    /// The server path the browser opens.
    path: &'static str,
    /// Where that page loads the widget's files from (a server path ending in `/`).
    bundle: &'static str,
    /// What the page is, for the report's header.
    about: &'static str,
    /// False for the control: the demo post without its loader, whose long tasks are the host
    /// page's own (it has no ready time; its window runs from navigation to [`BARE_SETTLE_MS`]
    /// after its load event).
    widget: bool,
}

/// The pages, in the order they run.
static PAGES: [BenchPage; 4] = [
    BenchPage {
        key: "demo",
        name: "demo post",
        path: "/bench/index.html",
        bundle: "/bench/",
        about: "dist/index.html, the post whose fallback is the whole article",
        widget: true,
    },
    BenchPage {
        key: "bare",
        name: "demo post without the widget",
        path: "/bench-bare/index.html",
        bundle: "/bench-bare/",
        about:
            "the same post without its embed.js script tag, the control: the host page's own tasks",
        widget: false,
    },
    BenchPage {
        key: "short",
        name: "short page",
        path: "/pages/bench-load.html",
        bundle: "/dist/",
        about: "the widget at the top of a short page, a one-paragraph fallback",
        widget: true,
    },
    BenchPage {
        key: "empty",
        name: "element only",
        path: "/pages/bench-empty.html",
        bundle: "/dist/",
        about: "the element with no fallback and nothing else visible on the page",
        widget: true,
    },
];

/// Measured loads per page (after the warm-up).
const RUNS: usize = 10;
/// Loads before the measured ones, printed but not counted (browser and server warm-up).
const WARM_UP: usize = 1;
/// CDP `Emulation.setCPUThrottlingRate` rate: 4 means four times slower.
const CPU_SLOWDOWN: u32 = 4;
/// A task longer than this is a long task (the Long Tasks API's threshold), ms.
const LONG_TASK_MS: f64 = 50.0;
/// Opened first in every fresh browser, to start and warm the renderer the bench page uses.
const WARM_PAGE: &str = "/pages/blank.html";
/// The loader, whose resource-timing start is the start of the measured interval.
const EMBED: &str = "embed.js";
/// How long after ready the page keeps collecting long tasks (the mounted widget's first
/// rendering runs in a task after the one that mounted it).
const SETTLE_MS: u64 = 500;
/// How long after its load event the control page keeps collecting long tasks: about as long
/// as the demo post takes to ready plus [`SETTLE_MS`].
const BARE_SETTLE_MS: u64 = 1000;
/// Limit for one load, from navigation to the result (a hang is an error, not a figure).
const LOAD_TIMEOUT: Duration = Duration::from_secs(90);
/// Every file the widget loads, by its stable name (the bundle's files are content-hashed, see
/// `e2e::server::bundle_name`), relative to the page's bundle; each load must fetch each from the
/// server exactly once (no cache).
const WIDGET_FILES: [&str; 4] = [
    EMBED,
    "cto-cio-quiz.js",
    "cto-cio-quiz_bg.wasm",
    "widget.css",
];
/// What a load's trace records (`CCQ_BENCH_TRACE`): the main thread's tasks and what ran in
/// them (parsing, style, layout, scripts, fonts), as the DevTools performance panel shows them.
const TRACE_CATEGORIES: &str = "devtools.timeline,disabled-by-default-devtools.timeline,\
    toplevel,blink,loading,fonts,v8.execute,disabled-by-default-devtools.timeline.frame";

/// The most CPU time the browser's processes may use in [`SETTLE_WINDOW`] for it to count as
/// settled before a load, ms (8 % of one core; `/proc` counts in 10 ms ticks).
const SETTLED_CPU_MS: f64 = 20.0;
/// How long each look at the browser's CPU time lasts.
const SETTLE_WINDOW: Duration = Duration::from_millis(250);
/// How long a load waits at most for the browser to settle.
const SETTLE_LIMIT: Duration = Duration::from_secs(15);

/// Where load `index` of `page` writes its trace: `<CCQ_BENCH_TRACE>/<key>-<index>.json`, when
/// that directory is set (open one in the DevTools performance panel or Perfetto).
fn trace_file(page: &BenchPage, index: usize) -> Option<PathBuf> {
    let dir = PathBuf::from(std::env::var_os("CCQ_BENCH_TRACE").filter(|d| !d.is_empty())?);
    // A directory that cannot be made shows as Chromium writing no trace, not as a failed load.
    let _ = std::fs::create_dir_all(&dir);
    Some(dir.join(format!("{}-{index}.json", page.key)))
}

/// Iterations of the JS loop timed to check the slowdown.
const CHECK_LOOP: u64 = 20_000_000;

/// What `window.__ccqBenchResult` returns (see pages/bench-observe.js), times in ms since
/// navigation start.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct PageResult {
    ready_at: Option<f64>,
    /// When the window's load event fired.
    load_at: Option<f64>,
    embed_start: Option<f64>,
    /// Every long task as (start, duration).
    long_tasks: Vec<(f64, f64)>,
    /// Every long animation frame.
    frames: Vec<Frame>,
    /// The load stages as (time, name), in the order they ran.
    marks: Vec<(f64, String)>,
    longtask_supported: bool,
    failed: bool,
    error: Option<String>,
}

/// A `long-animation-frame` entry: the tasks of one frame and its rendering.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Frame {
    start: f64,
    duration: f64,
    /// When rendering (rAF callbacks, style, layout, paint) began; 0 if the frame rendered nothing.
    render_start: f64,
    /// When style and layout began; 0 if the frame rendered nothing.
    style_and_layout_start: f64,
    scripts: Vec<Script>,
}

/// One script entry of a long animation frame (only scripts over 5 ms are reported).
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Script {
    start: f64,
    duration: f64,
    /// What ran it, e.g. `TimerHandler:setTimeout`, `FrameRequestCallback`, `Window.fetch.then`.
    invoker: String,
    /// Its file and function, when known.
    source: String,
    /// Time it spent in style and layout it forced.
    forced_layout: f64,
}

/// One long task, with what it ran.
#[derive(Clone, Debug)]
struct Task {
    /// Start relative to ready, ms (negative: before).
    start: f64,
    duration: f64,
    /// The load stage: the stage marks inside the task, or `after <the last one before it>`.
    stage: String,
    /// The long animation frame's scripts and rendering inside the task, e.g.
    /// `TimerHandler:setTimeout cto-cio-quiz.js 61, render 12`.
    work: String,
}

/// One load's figures.
#[derive(Clone, Debug)]
struct Sample {
    /// embed.js resource start → `data-ccq-state="ready"`, ms.
    to_ready: f64,
    /// Longest main-thread task, ms (0 if none over 50 ms).
    longest_task: f64,
    /// Every long task, in the order they ran.
    tasks: Vec<Task>,
}

/// One page's loads.
struct PageReport {
    page: &'static BenchPage,
    warm_up: Vec<Sample>,
    runs: Vec<Sample>,
}

/// Everything one benchmark session produced.
struct Report {
    browser: String,
    pages: Vec<PageReport>,
    longtask_supported: bool,
    /// The fixed loop's time unthrottled and throttled, ms.
    check: (f64, f64),
}

/// Runs the benchmark; on failure prints the error with its causes (no backtrace) and exits 1.
#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let pages = match selected_pages() {
        Ok(pages) => pages,
        Err(e) => {
            eprintln!("bench: {e}");
            return ExitCode::FAILURE;
        }
    };
    match run(pages).await {
        Ok(report) => {
            print!("{}", format_report(&report));
            match write_summary(&report) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("bench: error: {e:#}");
                    ExitCode::FAILURE
                }
            }
        }
        Err(e) => {
            eprintln!("bench: error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// The pages named by the arguments (by key), or every page.
fn selected_pages() -> anyhow::Result<Vec<&'static BenchPage>> {
    let keys: Vec<String> = std::env::args().skip(1).collect();
    if keys.is_empty() {
        return Ok(PAGES.iter().collect());
    }
    keys.iter()
        .map(|key| {
            PAGES.iter().find(|p| p.key == key).ok_or_else(|| {
                let known: Vec<&str> = PAGES.iter().map(|p| p.key).collect();
                anyhow!("no bench page {key:?}; the pages are {}", known.join(", "))
            })
        })
        .collect()
}

async fn run(pages: Vec<&'static BenchPage>) -> anyhow::Result<Report> {
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
        pages: Vec::new(),
        longtask_supported: true,
        check: (f64::NAN, f64::NAN),
    };
    let count = pages.len();
    for (index, page) in pages.into_iter().enumerate() {
        let mut loads = PageReport {
            page,
            warm_up: Vec::new(),
            runs: Vec::new(),
        };
        for i in 0..WARM_UP + RUNS {
            let label = if i < WARM_UP {
                format!("{}: warm-up {}", page.name, i + 1)
            } else {
                format!("{}: run {}/{RUNS}", page.name, i + 1 - WARM_UP)
            };
            // The slowdown check runs once, in the very last browser.
            let last = index + 1 == count && i + 1 == WARM_UP + RUNS;
            let trace = trace_file(page, i);
            let browser = Browser::start(server.clone(), trace.as_deref())
                .await
                .with_context(|| format!("{label}: starting Chromium"))?;
            let outcome = async {
                browser.prepare().await?;
                let measured = load_once(&browser.ctx, page).await?;
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
            if index == 0 && i == 0 {
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
                loads.warm_up.push(sample);
            } else {
                loads.runs.push(sample);
            }
        }
        report.pages.push(loads);
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
    /// With `trace`, Chromium records a performance trace of its whole run into that file
    /// (written when it quits).
    async fn start(server: Arc<Server>, trace: Option<&Path>) -> anyhow::Result<Browser> {
        let engine = Engine::Chromium;
        let work = TempDir::new("bench").context("creating a temp dir")?;
        let profile = work.path().join("profile");
        std::fs::create_dir_all(&profile).context("creating the browser profile dir")?;
        let binary = engine.browser_binary().map_err(|e| anyhow!("{e}"))?;
        let driver = Driver::start(engine, work.path()).await?;
        let mut capabilities = engine.capabilities(&binary, &profile);
        if let Some(file) = trace {
            let args = capabilities
                .get_mut("goog:chromeOptions")
                .and_then(|options| options.get_mut("args"))
                .and_then(Value::as_array_mut)
                .ok_or_else(|| anyhow!("the Chromium capabilities have no argument list"))?;
            args.push(json!(format!("--trace-startup={TRACE_CATEGORIES}")));
            args.push(json!(format!("--trace-startup-file={}", file.display())));
            args.push(json!("--trace-startup-duration=0"));
            args.push(json!("--trace-startup-format=json"));
        }
        let client = ClientBuilder::new(HttpConnector::new())
            .capabilities(capabilities)
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

    /// Window size, timeouts, no HTTP cache; then the blank host page from the same server, so
    /// the renderer process the bench page will use is up and warm but has never seen the
    /// widget (no compiled wasm, no code cache); once the browser has settled, the CPU slowdown.
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
        self.ctx.open(WARM_PAGE).await?;
        // Before the slowdown: Chromium slows a renderer down by keeping its main thread busy
        // for the rest of each slice, so a slowed renderer never looks idle.
        self.settle().await;
        self.throttle(CPU_SLOWDOWN).await
    }

    /// Waits until the browser's own start-up work is over: a fresh Chromium builds pages of
    /// its own user interface in renderers of their own (the omnibox popup, the new tab page)
    /// for about a second after it starts, and on a machine with two cores they took CPU time
    /// from the page under test (up to 260 ms of it during one load, by a trace). Settled means
    /// all its processes together (and chromedriver's) used under [`SETTLED_CPU_MS`] of CPU
    /// time in [`SETTLE_WINDOW`]; after [`SETTLE_LIMIT`] the load goes ahead anyway, and says so.
    async fn settle(&self) {
        let started = std::time::Instant::now();
        let mut before = self.driver.cpu_seconds();
        loop {
            tokio::time::sleep(SETTLE_WINDOW).await;
            let now = self.driver.cpu_seconds();
            if (now - before) * 1000.0 < SETTLED_CPU_MS {
                eprintln!(
                    "bench: the browser settled {} ms after the warm-up page",
                    started.elapsed().as_millis()
                );
                return;
            }
            if started.elapsed() > SETTLE_LIMIT {
                eprintln!(
                    "bench: the browser still used {:.0} ms of CPU in {SETTLE_WINDOW:?} after \
                     {SETTLE_LIMIT:?}; loading anyway",
                    (now - before) * 1000.0
                );
                return;
            }
            before = now;
        }
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

/// One fresh navigation to `page` and the page's figures. Fails if the widget does not become
/// ready, the console probe recorded an error or a CSP violation, or a widget file did not come
/// from the server exactly once (a cached load would measure the wrong thing).
async fn load_once(ctx: &Ctx, page: &BenchPage) -> anyhow::Result<(Sample, bool)> {
    let embed_url = ctx.url(&format!("{}{EMBED}", page.bundle));
    let served_before = ctx.server.request_log().len();
    let collect_after_ms = if page.widget {
        SETTLE_MS
    } else {
        BARE_SETTLE_MS
    };
    let measure = async {
        ctx.open(page.path).await?;
        ctx.eval::<PageResult>(
            "return window.__ccqBenchResult(arguments[0], arguments[1], arguments[2]);",
            vec![
                json!(embed_url),
                json!(collect_after_ms),
                json!(!page.widget),
            ],
        )
        .await
    };
    let result = tokio::time::timeout(LOAD_TIMEOUT, measure)
        .await
        .map_err(|_| anyhow!("no result within {LOAD_TIMEOUT:?}"))??;
    if result.failed {
        bail!(
            "the widget reached data-ccq-state=\"failed\"; probe log: {}",
            ctx.probe_summary().await
        );
    }
    if let Some(error) = &result.error {
        bail!("the page's observer failed: {error}");
    }
    // Task starts are given relative to ready, or for the control to its load event.
    let (origin, to_ready) = if page.widget {
        let ready_at = result
            .ready_at
            .ok_or_else(|| anyhow!("the page resolved without a ready time"))?;
        let embed_start = result.embed_start.ok_or_else(|| {
            anyhow!("no resource-timing entry for {embed_url}: did the page load the loader?")
        })?;
        (ready_at, ready_at - embed_start)
    } else {
        let load_at = result
            .load_at
            .ok_or_else(|| anyhow!("the control page resolved without a load time"))?;
        (load_at, f64::NAN)
    };
    ctx.assert_probe_clean().await?;
    let served = ctx.server.request_log().split_off(served_before);
    for stable in WIDGET_FILES {
        let file = e2e::server::bundle_name(stable)?;
        let line = format!("GET {}{file} 200", page.bundle);
        let count = served.iter().filter(|l| **l == line).count();
        let expected = usize::from(page.widget);
        if count != expected {
            bail!(
                "{}{file} was served {count} times during one load, not {expected}: {served:?}",
                page.bundle
            );
        }
    }
    let mut tasks: Vec<Task> = result
        .long_tasks
        .iter()
        .map(|&(start, duration)| Task {
            start: start - origin,
            duration,
            stage: stage(&result.marks, start, start + duration),
            work: work(&result.frames, start, start + duration),
        })
        .collect();
    tasks.sort_by(|a, b| a.start.total_cmp(&b.start));
    let sample = Sample {
        to_ready,
        longest_task: tasks.iter().map(|t| t.duration).fold(0.0, f64::max),
        tasks,
    };
    Ok((sample, result.longtask_supported))
}

/// The load stage a task from `start` to `end` ran: the stage marks recorded inside it, joined
/// with ` + `, or `after <the last mark before it>` (`before the loader ran` if none: the host
/// page's own parsing and rendering, which the widget does not touch).
fn stage(marks: &[(f64, String)], start: f64, end: f64) -> String {
    let inside: Vec<&str> = marks
        .iter()
        .filter(|(at, _)| (start..=end).contains(at))
        .map(|(_, name)| name.as_str())
        .collect();
    if !inside.is_empty() {
        return inside.join(" + ");
    }
    marks.iter().rfind(|(at, _)| *at < start).map_or_else(
        || String::from("before the loader ran"),
        |(_, name)| format!("after {name}"),
    )
}

/// What the long animation frames spent inside a task from `start` to `end`: each script (its
/// invoker, source and ms, and any forced layout) and the frame's rendering, if it began inside
/// the task. Empty when no long animation frame covers it.
fn work(frames: &[Frame], start: f64, end: f64) -> String {
    // Entries are rounded to whole ms; a task's own bounds are not exactly the frame's.
    let within = |t: f64| t >= start - 1.0 && t <= end + 1.0;
    let mut parts = Vec::new();
    for frame in frames
        .iter()
        .filter(|f| f.start <= end && f.start + f.duration >= start)
    {
        for script in frame.scripts.iter().filter(|s| within(s.start)) {
            let mut part = format!(
                "{} {} {:.0}",
                script.invoker, script.source, script.duration
            );
            if script.forced_layout >= 1.0 {
                let _ = write!(part, " (forced layout {:.0})", script.forced_layout);
            }
            parts.push(part);
        }
        if frame.render_start > 0.0 && within(frame.render_start) {
            let end = frame.start + frame.duration;
            parts.push(format!(
                "render {:.0} (style and layout {:.0})",
                end - frame.render_start,
                end - frame.style_and_layout_start.max(frame.render_start)
            ));
        }
    }
    if parts.is_empty()
        && frames
            .iter()
            .any(|f| f.start <= end && f.start + f.duration >= start)
    {
        parts.push(String::from(
            "no script over 5 ms and no rendering: the browser's own work (parsing, compiling)",
        ));
    }
    parts.join(", ")
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

/// "-96+74 after mount; +3+61 part 1 <section>": each long task's start relative to ready, its
/// duration (ms) and its stage.
fn task_list(tasks: &[Task]) -> String {
    if tasks.is_empty() {
        return String::from("none");
    }
    tasks
        .iter()
        .map(|t| format!("{:+.0}+{:.0} {}", t.start, t.duration, t.stage))
        .collect::<Vec<_>>()
        .join("; ")
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

/// A page's figures over its measured loads.
struct Summary {
    /// embed.js → ready (median, min, max), ms.
    ready: (f64, f64, f64),
    /// Longest task per load (median, min, max), ms.
    longest: (f64, f64, f64),
    /// Loads with a task over [`LONG_TASK_MS`].
    janky: usize,
    /// The longest task of all loads, ms.
    worst: f64,
}

impl Summary {
    fn of(runs: &[Sample]) -> Summary {
        let ready: Vec<f64> = runs.iter().map(|s| s.to_ready).collect();
        let longest: Vec<f64> = runs.iter().map(|s| s.longest_task).collect();
        Summary {
            ready: stats(&ready),
            longest: stats(&longest),
            janky: longest.iter().filter(|&&t| t > LONG_TASK_MS).count(),
            worst: longest.iter().copied().fold(0.0, f64::max),
        }
    }
}

/// The printed report: setup, then per page one row per load (with a line per long task saying
/// what it ran), median/min/max and the long-task counts; the slowdown check; one summary line
/// per page.
fn format_report(report: &Report) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "\nLoad benchmark: {}, headless, CPU slowed down {CPU_SLOWDOWN}x, HTTP cache disabled,\n\
         window {}x{}, strict CSP, the widget in the viewport; per page {WARM_UP} warm-up load\n\
         (not counted), then {RUNS} loads, each in a fresh browser and profile (after {WARM_PAGE}:\n\
         warm renderer, nothing of the widget cached or compiled).\n\
         embed.js → ready: embed.js resource start to data-ccq-state=\"ready\" (ms)\n\
         longest task: longest main-thread task until {SETTLE_MS} ms after ready (ms; 0 = none over {LONG_TASK_MS:.0} ms)\n\
         long tasks: each as start+duration (ms, start relative to ready; negative: before) and its\n\
         load stage; below a row, what the long animation frame ran in it (ms)\n",
        report.browser, WINDOW.0, WINDOW.1
    );
    for page in &report.pages {
        format_page(&mut out, page);
    }
    if !report.longtask_supported {
        out.push_str(
            "\nnote: this browser does not report \"longtask\" entries; longest task reads 0\n",
        );
    }
    let (unthrottled, throttled) = report.check;
    let _ = writeln!(
        out,
        "\nslowdown check: a fixed JS loop took {unthrottled:.1} ms unthrottled, {throttled:.1} ms \
         throttled ({:.1}x; asked for {CPU_SLOWDOWN}x)",
        throttled / unthrottled
    );
    let _ = writeln!(
        out,
        "\nSummary ({RUNS} loads per page, {CPU_SLOWDOWN}x CPU slowdown; embed.js start → widget \
         interactive, and the longest main-thread task per load):"
    );
    for page in &report.pages {
        let s = Summary::of(&page.runs);
        let ready = if page.page.widget {
            format!(
                "ready {:.0} ms median (min {:.0}, max {:.0})",
                s.ready.0, s.ready.1, s.ready.2
            )
        } else {
            String::from("no widget")
        };
        let _ = writeln!(
            out,
            "{:<30} {ready}; longest task {:.0} ms median (max {:.0}); {} of {} loads with a \
             task over {LONG_TASK_MS:.0} ms",
            format!("{}:", page.page.name),
            s.longest.0,
            s.worst,
            s.janky,
            page.runs.len()
        );
    }
    out
}

/// Each page's summary as JSON in the file `CCQ_BENCH_SUMMARY` names (when set): what
/// `cargo xtask bench` writes into docs/performance.md's figures table.
fn write_summary(report: &Report) -> anyhow::Result<()> {
    let Some(path) = std::env::var_os("CCQ_BENCH_SUMMARY").filter(|p| !p.is_empty()) else {
        return Ok(());
    };
    let pages: Vec<serde_json::Value> = report
        .pages
        .iter()
        .map(|page| {
            let s = Summary::of(&page.runs);
            serde_json::json!({
                "key": page.page.key,
                "name": page.page.name,
                "median": s.ready.0,
                "min": s.ready.1,
                "max": s.ready.2,
                "loads": page.runs.len(),
                "long": s.janky,
                "longest": s.worst,
            })
        })
        .collect();
    let summary = serde_json::json!({ "browser": report.browser, "pages": pages });
    std::fs::write(&path, serde_json::to_string_pretty(&summary)?)
        .with_context(|| format!("writing {}", std::path::Path::new(&path).display()))
}

/// One page's table.
fn format_page(out: &mut String, page: &PageReport) {
    let _ = writeln!(
        out,
        "\n━━ {}: {} ({}) ━━\n",
        page.page.name, page.page.path, page.page.about
    );
    let row = |out: &mut String, label: &str, ready: f64, longest: f64, tasks: &str| {
        // The control has no ready time.
        let ready = if ready.is_nan() {
            String::from("—")
        } else {
            format!("{ready:.1}")
        };
        let _ = writeln!(out, "{label:<8}  {ready:>16}  {longest:>12.1}  {tasks}");
    };
    let sample = |out: &mut String, label: &str, s: &Sample| {
        row(out, label, s.to_ready, s.longest_task, &task_list(&s.tasks));
        for t in s.tasks.iter().filter(|t| !t.work.is_empty()) {
            let _ = writeln!(
                out,
                "{:<44}{:+.0}+{:.0}: {}",
                "", t.start, t.duration, t.work
            );
        }
    };
    let _ = writeln!(
        out,
        "{:<8}  {:>16}  {:>12}  long tasks",
        "load", "embed.js → ready", "longest task"
    );
    let rule = format!("{}\n", "-".repeat(8 + 2 + 16 + 2 + 12 + 2 + 24));
    out.push_str(&rule);
    for (i, s) in page.warm_up.iter().enumerate() {
        let label = if WARM_UP > 1 {
            format!("warm-up{}", i + 1)
        } else {
            String::from("warm-up")
        };
        sample(out, &label, s);
    }
    for (i, s) in page.runs.iter().enumerate() {
        sample(out, &(i + 1).to_string(), s);
    }
    out.push_str(&rule);
    let s = Summary::of(&page.runs);
    row(out, "median", s.ready.0, s.longest.0, "");
    row(out, "min", s.ready.1, s.longest.1, "");
    row(out, "max", s.ready.2, s.longest.2, "");
    let _ = writeln!(
        out,
        "loads with a task over {LONG_TASK_MS:.0} ms: {} of {}; longest task over all loads: {:.1} ms",
        s.janky,
        page.runs.len(),
        s.worst
    );
}
