//! The largest contentful paint stays the page's own: when the widget takes the place of the
//! article it replaces, nothing it paints is larger than what the reader already saw, so the
//! browser (and Lighthouse, which simulates the paint it counted) keeps the article's first paint
//! as the page's LCP instead of a repaint of the same text after the wasm's download. Chromium in
//! a phone's screen (Lighthouse's mobile preset, [`e2e::Scenario::phone`]); the other engines
//! cannot emulate one.
//!
//! Both pages load `/pages/probe.js` first, which records every LCP candidate and element-timing
//! entry (`window.__ccqPaints`). After `data-ccq-state="ready"` and two frames the test puts a
//! marker with an `elementtiming` attribute on screen: once the browser reports the marker's
//! paint, any candidate from the swap's earlier frame has been reported too. Then:
//!
//! - the demo post (`/probed/index.html`, whose fallback is the whole article): the largest
//!   contentful paint is the first one (the loader attaches its shadow root, which re-creates the
//!   fallback's layout, only once that paint has been reported: Chromium drops the candidates of a
//!   frame whose layout is re-created before the frame is presented, and counts the repaint);
//!   no candidate from the widget (paint timing reports a shadow-root element as null); and every
//!   text block the widget shows on screen, measured by its whole box (never smaller than the
//!   text in it, which is what the browser counts), smaller than the fallback's largest paint;
//! - the canary (`/pages/cls-bare.html`, a one-line fallback): the widget's paint must be the new
//!   largest, which shows that both checks can fail.

use std::time::Duration;

use anyhow::{ensure, Context};
use e2e::widget::HOST;
use e2e::{Ctx, Scenario};
use serde::Deserialize;

/// The marker's `elementtiming` identifier.
const MARKER: &str = "ccq-after-swap";
/// How long the marker's paint may take to be reported.
const MARKER_TIMEOUT: Duration = Duration::from_secs(10);

/// After two frames, a small marker in the top corner: its paint comes after the swap's.
const PUT_MARKER: &str = r#"
const id = arguments[0];
requestAnimationFrame(() => requestAnimationFrame(() => {
  const marker = document.createElement('span');
  marker.setAttribute('elementtiming', id);
  marker.textContent = '.';
  marker.style.position = 'fixed';
  marker.style.top = '0';
  marker.style.left = '0';
  document.body.append(marker);
}));
"#;

/// The marker's element-timing entry has been reported.
const MARKER_PAINTED: &str = r#"
return (window.__ccqPaints || []).some((p) => p.type === 'element' && p.id === arguments[0]);
"#;

/// The widget's text block with the largest box on screen: every element inside the shadow root
/// with text of its own, its border box clipped to the viewport.
const WIDGET_LARGEST_BLOCK: &str = r#"
const host = document.querySelector(arguments[0]);
let best = { area: 0, what: '(none)' };
for (const el of host.shadowRoot.querySelectorAll('*')) {
  const own = Array.from(el.childNodes).some((n) => n.nodeType === 3 && n.data.trim() !== '');
  if (!own) continue;
  const r = el.getBoundingClientRect();
  const w = Math.max(0, Math.min(r.right, innerWidth) - Math.max(r.left, 0));
  const h = Math.max(0, Math.min(r.bottom, innerHeight) - Math.max(r.top, 0));
  if (w * h > best.area) {
    best = { area: w * h, what: `${el.localName} ${Math.round(w)}x${Math.round(h)}: ${el.textContent.trim().slice(0, 40)}` };
  }
}
return best;
"#;

/// One entry of `window.__ccqPaints`.
#[derive(Debug, Deserialize)]
struct Paint {
    #[serde(rename = "type")]
    kind: String,
    /// The element-timing identifier or the paint's name (`first-contentful-paint`).
    id: String,
    /// When it was painted, in ms since navigation.
    at: f64,
    size: f64,
    element: Option<String>,
}

#[derive(Debug, Deserialize)]
struct Block {
    area: f64,
    what: String,
}

/// What one page load painted, read once the swap's paint has been reported.
struct Painted {
    /// When the first contentful paint was, in ms since navigation.
    first_contentful: Option<f64>,
    /// The LCP candidates in report order.
    candidates: Vec<Paint>,
    /// The widget's largest on-screen text block.
    widget_block: Block,
}

impl Painted {
    /// The candidates the widget painted (inside its shadow root).
    fn widget_candidates(&self) -> Vec<&Paint> {
        self.candidates
            .iter()
            .filter(|p| p.element.is_none())
            .collect()
    }

    /// The largest candidate of the page's own content (the fallback and the page around it).
    fn largest_own(&self) -> f64 {
        self.candidates
            .iter()
            .filter(|p| p.element.is_some())
            .map(|p| p.size)
            .fold(0.0, f64::max)
    }

    /// The page's largest contentful paint: the last candidate reported.
    fn largest(&self) -> Option<&Paint> {
        self.candidates.last()
    }

    fn summary(&self) -> String {
        let list: Vec<String> = self
            .candidates
            .iter()
            .map(|p| {
                let who = p.element.as_deref().unwrap_or("(the widget)");
                format!("{} px² at {} ms {who}", p.size, p.at)
            })
            .collect();
        format!(
            "first contentful paint at {:?} ms; candidates [{}]; the widget's largest block \
             {:.0} px² ({})",
            self.first_contentful,
            list.join("; "),
            self.widget_block.area,
            self.widget_block.what
        )
    }
}

/// Opens `page`, waits for the widget and for a paint after the swap, and reads what was painted.
async fn paint(ctx: &Ctx, page: &str) -> e2e::Result<Painted> {
    ctx.open(page).await?;
    ctx.wait_ready(HOST).await?;
    ctx.eval::<serde_json::Value>(PUT_MARKER, vec![MARKER.into()])
        .await?;
    ctx.wait_for(
        "the marker's paint to be reported (element timing)",
        MARKER_TIMEOUT,
        MARKER_PAINTED,
        vec![MARKER.into()],
    )
    .await?;
    let paints: Vec<Paint> = ctx
        .eval("return window.__ccqPaints;", vec![])
        .await
        .with_context(|| format!("reading the paint recorder of {page}"))?;
    let widget_block: Block = ctx.eval(WIDGET_LARGEST_BLOCK, vec![HOST.into()]).await?;
    let painted = Painted {
        first_contentful: paints
            .iter()
            .find(|p| p.kind == "paint" && p.id == "first-contentful-paint")
            .map(|p| p.at),
        candidates: paints
            .into_iter()
            .filter(|p| p.kind == "largest-contentful-paint")
            .collect(),
        widget_block,
    };
    eprintln!("[largest-paint] {page}: {}", painted.summary());
    ctx.assert_probe_clean().await?;
    Ok(painted)
}

#[tokio::test]
async fn the_widget_never_paints_larger_than_the_article_it_replaces() {
    Scenario::new("largest paint: the article's, not the widget's")
        .phone()
        .run(|ctx| async move {
            let canary = paint(&ctx, "/pages/cls-bare.html").await?;
            ensure!(
                !canary.widget_candidates().is_empty(),
                "canary: after a one-line fallback the widget's paint should be the new largest, \
                 but no candidate came from the widget: {}",
                canary.summary()
            );
            ensure!(
                canary.widget_block.area > canary.largest_own(),
                "canary: the widget's largest block should be larger than the one-line \
                 fallback's paint: {}",
                canary.summary()
            );

            let post = paint(&ctx, "/probed/index.html").await?;
            ensure!(
                post.largest_own() > 0.0,
                "the demo post reported no paint of its own: {}",
                post.summary()
            );
            ensure!(
                post.widget_candidates().is_empty(),
                "the widget's repaint of the article became the page's largest contentful paint: \
                 {}",
                post.summary()
            );
            ensure!(
                post.largest().map(|p| p.at) == post.first_contentful,
                "the demo post's largest contentful paint should be its first paint (the \
                 article's first frame), not a later repaint: {}",
                post.summary()
            );
            ensure!(
                post.widget_block.area < post.largest_own(),
                "the widget shows a text block as large as the article's largest paint, so in \
                 some loads the browser counts the widget's repaint as the LCP: {}",
                post.summary()
            );
            Ok(())
        })
        .await;
}
