//! The loader waits for the page's first contentful paint before attaching the widget only where
//! the element's fallback shows text (that paint is what the wait protects, see
//! `largest_paint.rs`): on a page holding only the element nothing else would paint, and the wait
//! would idle until its one-second limit. In Chromium, Firefox and WebKit:
//!
//! - `/pages/paint-wait-empty.html` (the element, no fallback): the widget becomes ready and the
//!   loader never observed `paint` entries;
//! - `/pages/paint-wait-text.html` (a one-line fallback, the canary): where the engine reports
//!   paint timing, the loader observed them before it became ready, which shows the check can fail.
//!
//! `pages/paint-wait.js` records the entry type of every `PerformanceObserver` the page starts.
//! They need the release bundle: `cargo xtask dist` first (or `CCQ_DIST=<dir>`).

use anyhow::ensure;
use e2e::in_every_engine;
use e2e::widget::HOST;
use serde::Deserialize;

/// The entry types the page's observers watched, and whether the engine reports paint timing.
const OBSERVED_JS: &str = r#"
return {
  observed: window.__ccqObserved,
  paint_timing: (PerformanceObserver.supportedEntryTypes || []).includes('paint'),
};
"#;

#[derive(Debug, Deserialize)]
struct Observed {
    observed: Vec<String>,
    paint_timing: bool,
}

impl Observed {
    fn waited_for_paint(&self) -> bool {
        self.observed.iter().any(|types| types == "paint")
    }
}

#[tokio::test]
async fn a_page_that_paints_nothing_else_is_not_kept_waiting_for_a_paint() {
    in_every_engine("paint wait", |ctx| async move {
        ctx.open("/pages/paint-wait-text.html").await?;
        ctx.wait_ready(HOST).await?;
        let text: Observed = ctx.eval(OBSERVED_JS, vec![]).await?;
        ensure!(
            !text.paint_timing || text.waited_for_paint(),
            "a fallback with text: the loader did not wait for its first paint ({text:?})"
        );
        ctx.assert_probe_clean().await?;

        ctx.open("/pages/paint-wait-empty.html").await?;
        ctx.wait_ready(HOST).await?;
        let empty: Observed = ctx.eval(OBSERVED_JS, vec![]).await?;
        ensure!(
            !empty.waited_for_paint(),
            "only the element: the loader waited for a first paint that only the widget makes \
             ({empty:?})"
        );
        ctx.assert_probe_clean().await
    })
    .await;
}
