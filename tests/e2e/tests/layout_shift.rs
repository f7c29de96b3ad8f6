//! Layout stability: the widget's load must not move host content a reader can see. Each scenario
//! runs in Chromium, Firefox and WebKit, at the harness's 1024x900 window and at a small one.
//!
//! Host pages: `pages/cls-host.html` (the README embed with the reservation rule of
//! `pages/cls-reserve.css`, which `style/demo.css` also carries) and `pages/cls-bare.html` (the
//! same without it: the canary). The widget starts inside the first viewport, just below a short
//! heading and paragraph; its fallback is one short paragraph, and the marker paragraph right
//! below it is on screen. `pages/cls-observe.js` records the marker as first laid out, starts a
//! buffered `layout-shift` PerformanceObserver, and loads embed.js only after the first frame
//! was painted, as happens over a real network (a local server is fast enough to run the loader
//! before first paint, which would hide any shift the loader itself causes).
//!
//! Measured after `data-ccq-state="ready"` plus [`SETTLE_MS`]:
//! - Chromium: the cumulative layout shift (the sum of `layout-shift` entry values without recent
//!   input) must be exactly 0. Firefox and WebKit do not implement the Layout Instability API.
//! - Every engine: the marker's top may change only while it is off screen before and after
//!   (what the Layout Instability API counts is a move of something visible; content below a
//!   widget that grows from a paragraph to thousands of pixels always moves in the document).
//!
//! The canary runs first in every session: without the reservation the same page must show the
//! shift (Chromium CLS over [`CANARY_MIN_CLS`], and the marker jumping on screen in every engine),
//! which proves the measurement can fail.
//!
//! A third scenario covers the loader's pin (`src/embed.js`): on `pages/cls-roomy.html` the host
//! page reserves more room than the widget needs; when the reservation rule stops applying at
//! "ready", the host must keep its height (no jump up, no shift) until the reader interacts, and
//! then leave no `style` attribute behind.

use std::time::Duration;

use anyhow::{bail, ensure, Context};
use e2e::page::sleep_ms;
use e2e::widget::HOST;
use e2e::{Ctx, Engine, Scenario};
use serde::Deserialize;

/// After ready, how long layout may still settle (the widget's first effects run in later tasks).
const SETTLE_MS: u64 = 500;
/// The canary must measure at least this CLS in Chromium (it measured 0.047 at 1024x900 and 0.093
/// in the small viewport: the marker and the paragraph after it leave the screen).
const CANARY_MIN_CLS: f64 = 0.01;
/// How far the marker may move, in CSS px, before it counts as moved (sub-pixel rounding).
const TOLERANCE_PX: f64 = 0.5;
/// The small-viewport variant's window: Chromium gets about a 360 px viewport; Firefox and
/// WebKitGTK keep windows wider than about 450 px and use their narrowest.
const SMALL_WINDOW: (u32, u32) = (380, 700);

/// A `getBoundingClientRect()` reduced to what the checks need.
#[derive(Clone, Copy, Debug, Deserialize)]
struct Edges {
    top: f64,
    bottom: f64,
    height: f64,
}

impl Edges {
    /// Some part of it is inside a viewport `height` px tall.
    fn on_screen(&self, height: f64) -> bool {
        self.top < height && self.bottom > 0.0
    }
}

#[derive(Debug, Deserialize)]
struct Entry {
    value: f64,
    #[serde(rename = "hadRecentInput")]
    had_recent_input: bool,
    sources: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct Viewport {
    width: f64,
    height: f64,
}

/// What `window.__ccqCls()` returns (see `pages/cls-observe.js`).
#[derive(Debug, Deserialize)]
struct Measured {
    supported: bool,
    entries: Vec<Entry>,
    before: Option<Edges>,
    after: Edges,
    viewport: Viewport,
    host: Edges,
}

impl Measured {
    /// The cumulative layout shift: every entry not caused by recent input (there is none here).
    fn cls(&self) -> f64 {
        self.entries
            .iter()
            .filter(|e| !e.had_recent_input)
            .map(|e| e.value)
            .fold(0.0, |sum, v| sum + v)
    }

    /// Why the marker counts as a visible jump, or `None` if it did not move on screen.
    fn visible_jump(&self) -> Option<String> {
        let before = self.before?;
        let moved = (self.after.top - before.top).abs() > TOLERANCE_PX;
        let h = self.viewport.height;
        (moved && (before.on_screen(h) || self.after.on_screen(h))).then(|| {
            format!(
                "the marker moved from top {:.1} to {:.1} px in a {:.0} px tall viewport",
                before.top, self.after.top, h
            )
        })
    }

    /// One line for the log and the report.
    fn summary(&self) -> String {
        let cls = if self.supported {
            format!("CLS {:.4} ({} entries)", self.cls(), self.entries.len())
        } else {
            "CLS n/a (no Layout Instability API)".to_string()
        };
        let before = self.before.map_or(f64::NAN, |b| b.top);
        format!(
            "{cls}; marker top {before:.1} -> {:.1} px; host {:.0} px tall; viewport {:.0}x{:.0}",
            self.after.top, self.host.height, self.viewport.width, self.viewport.height
        )
    }

    fn sources(&self) -> String {
        self.entries
            .iter()
            .map(|e| format!("{:.4} [{}]", e.value, e.sources.join(", ")))
            .collect::<Vec<_>>()
            .join("; ")
    }
}

/// Opens `page`, waits until the widget is ready and settled, and reads the recorder.
async fn measure(ctx: &Ctx, page: &str) -> e2e::Result<Measured> {
    ctx.open(page).await?;
    ctx.wait_ready(HOST).await?;
    // Layout shifts are what is measured, and "no more shifts" has no event to wait for: the
    // widget's first effects run in the tasks after ready, and this gives them time.
    sleep_ms(SETTLE_MS).await;
    let measured: Measured = ctx
        .eval("return window.__ccqCls();", vec![])
        .await
        .with_context(|| format!("reading the layout-shift recorder of {page}"))?;
    ensure!(
        measured.before.is_some(),
        "{page}: the recorder never saw the first frame (it loads the widget after it)"
    );
    ctx.assert_probe_clean().await?;
    Ok(measured)
}

/// The canary (the shift is seen without the reservation), then the real page (no shift).
async fn check(ctx: &Ctx, label: &str) -> e2e::Result<()> {
    let engine = ctx.engine;
    let bare = measure(ctx, "/pages/cls-bare.html").await?;
    eprintln!(
        "[layout-shift] {label} / {engine}: without reservation: {}",
        bare.summary()
    );
    if bare.supported {
        ensure!(
            bare.cls() >= CANARY_MIN_CLS,
            "canary: without the reservation Chromium measured CLS {:.4}, expected at least \
             {CANARY_MIN_CLS}: the measurement cannot see the widget's shift",
            bare.cls()
        );
    }
    ensure!(
        bare.visible_jump().is_some(),
        "canary: without the reservation the marker did not jump on screen ({}): the page does \
         not put host content where the widget's growth would move it",
        bare.summary()
    );

    let host = measure(ctx, "/pages/cls-host.html").await?;
    eprintln!(
        "[layout-shift] {label} / {engine}: with reservation: {}",
        host.summary()
    );
    if host.supported {
        ensure!(
            host.cls() == 0.0,
            "the widget's load caused CLS {:.4}: {}",
            host.cls(),
            host.sources()
        );
    } else {
        ensure!(
            engine != Engine::Chromium,
            "Chromium reports no layout-shift support"
        );
    }
    if let Some(jump) = host.visible_jump() {
        bail!("{jump} ({})", host.summary());
    }
    Ok(())
}

/// The roomy page's reservation (`pages/cls-roomy.css`), in CSS px.
const ROOMY_PX: f64 = 10_000.0;

/// The host's height and `style` attribute.
async fn host_box(ctx: &Ctx) -> e2e::Result<(f64, Option<String>)> {
    ctx.eval(
        "const h = document.querySelector(arguments[0]); \
         return [h.getBoundingClientRect().height, h.getAttribute('style')];",
        vec![serde_json::json!(HOST)],
    )
    .await
}

#[tokio::test]
async fn the_host_keeps_a_taller_reservation_until_the_reader_interacts() {
    Scenario::new("pinned height until input")
        .run(|ctx| async move {
            let measured = measure(&ctx, "/pages/cls-roomy.html").await?;
            let (height, style) = host_box(&ctx).await?;
            eprintln!(
                "[layout-shift] roomy / {}: {}; host {height:.0} px, style {style:?}",
                ctx.engine,
                measured.summary()
            );
            ensure!(
                height >= ROOMY_PX - TOLERANCE_PX,
                "at ready the host shrank from the reserved {ROOMY_PX} px to {height:.0} px"
            );
            if measured.supported {
                ensure!(
                    measured.cls() == 0.0,
                    "CLS {:.4}: {}",
                    measured.cls(),
                    measured.sources()
                );
            }
            // A real click on the widget's title: the reader's first input releases the pin.
            ctx.shadow_click(HOST, "h2").await?;
            let released = ctx
                .wait_eval(
                    "the pin released after a click",
                    e2e::widget::STEP,
                    "const h = document.querySelector(arguments[0]); \
                     return [h.getBoundingClientRect().height, h.getAttribute('style')];",
                    vec![serde_json::json!(HOST)],
                    |(after, style): &(f64, Option<String>)| {
                        *after < ROOMY_PX - TOLERANCE_PX && style.is_none()
                    },
                )
                .await;
            released.context("after a click the host keeps its reserved height")?;
            Ok(())
        })
        .await;
}

#[tokio::test]
async fn the_widget_loads_without_shifting_the_page() {
    Scenario::new("no layout shift at 1024x900")
        .timeout(Duration::from_secs(180))
        .run(|ctx| async move { check(&ctx, "1024x900").await })
        .await;
}

#[tokio::test]
async fn the_widget_loads_without_shifting_the_page_in_a_small_viewport() {
    Scenario::new("no layout shift in a small viewport")
        .timeout(Duration::from_secs(180))
        .run(|ctx| async move {
            ctx.client
                .set_window_rect(0, 0, SMALL_WINDOW.0, SMALL_WINDOW.1)
                .await
                .context("making the window small")?;
            check(&ctx, "small").await
        })
        .await;
}
