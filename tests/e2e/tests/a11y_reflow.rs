//! Reflow, resized text and text spacing, in Chromium, Firefox and WebKit with a fresh profile.
//! (axe is `a11y_axe.rs`, the keyboard `a11y_keyboard.rs`; the host page is [`e2e::a11y`].)
//!
//! No horizontal scrolling and nothing cut off at a 320 CSS px viewport (WCAG 1.4.10), at 640 px
//! (what a 1280 px window shows at 200 % page zoom), at 1280 px with the widget's text at 200 %
//! (WCAG 1.4.4), and at 320 px with WCAG 1.4.12's text spacing; in the explainer, the first
//! question's feedback and the results, and at 320 px (with and without the spacing) in every
//! question's feedback, since option texts differ.
//!
//! How, and why:
//!
//! - 200 % text: the widget sizes everything in `em` from `:host { font-size: var(--ccq-font-size,
//!   medium) }`, so doubling the host page's root font size would not reach it (by design: blogs
//!   shrink their root size). The test sets `--ccq-font-size: 200%` on the host element through
//!   its CSSOM `style` (allowed under the CSP, unlike a `style` attribute in markup): text twice
//!   the reader's default size, as a browser's text-only zoom or a 32 px default font gives.
//! - 320 px: Chromium's window gets that narrow (`set_window_rect`); Firefox's and WebKitGTK's stop
//!   at about 450 px, so there the host page runs in an `<iframe>` of the exact width
//!   (`pages/a11y-frame.html`, with `frame-src 'self'` added to the strict CSP): a frame is a
//!   viewport of its own, with the same layout rules.
//!
//! Needs the release bundle (`cargo xtask dist`).

use anyhow::{ensure, Context};
use e2e::a11y::{open_ready, LONG};
use e2e::bank::total;
use e2e::page::sleep_ms;
use e2e::widget::HOST;
use e2e::{Ctx, Scenario, STRICT_CSP};
use serde::Deserialize;
use serde_json::json;

/// The document's widths, and the elements (light DOM and the widget's shadow root) sticking
/// out past the right edge of the viewport.
#[derive(Debug, Deserialize)]
struct Overflow {
    client_width: f64,
    scroll_width: f64,
    inner_width: f64,
    /// Elements whose right edge is past the viewport's.
    offenders: Vec<String>,
    /// Widget elements that clip their own content horizontally (overflow not `visible`).
    clipped: Vec<String>,
}

const OVERFLOW_JS: &str = r#"
const de = document.documentElement;
const limit = de.clientWidth + 0.5;
const describe = (el) => {
  const cls = typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\s+/).join('.') : '';
  return el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + cls +
    ' "' + (el.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 40) + '"';
};
// Visually hidden on purpose (screen-reader text, the bot trap): clipped to 1 px by design.
const hidden = (el) => !!el.closest('.ccq-sr, .ccq-honeypot');
const offenders = [], clipped = [];
const visit = (root, inWidget) => {
  for (const el of root.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.right > limit && !hidden(el)) {
      offenders.push(describe(el) + ' right=' + Math.round(r.right) + ' width=' + Math.round(r.width));
    }
    if (inWidget && !hidden(el) && el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0 &&
        getComputedStyle(el).overflowX !== 'visible') {
      clipped.push(describe(el) + ' scrollWidth=' + el.scrollWidth + ' clientWidth=' + el.clientWidth);
    }
    if (el.shadowRoot) visit(el.shadowRoot, true);
  }
};
visit(document, false);
return {client_width: de.clientWidth, scroll_width: de.scrollWidth, inner_width: window.innerWidth,
        offenders: offenders.slice(0, 8), clipped: clipped.slice(0, 8)};
"#;

async fn overflow(ctx: &Ctx) -> e2e::Result<Overflow> {
    ctx.eval(OVERFLOW_JS, vec![]).await
}

/// How the test gets a viewport of a given width.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Viewport {
    /// By resizing the browser window (`set_window_rect`).
    Window,
    /// Firefox and WebKitGTK keep windows wider than ~450 px: the page runs in an `<iframe>`
    /// (`pages/a11y-frame.html`) whose width the test sets; a frame is a viewport of its own.
    Frame,
}

/// Makes the viewport (`documentElement.clientWidth`, the always-on scrollbar excluded) `width`
/// CSS px; returns the width reached.
async fn set_viewport(ctx: &Ctx, mode: Viewport, width: u32) -> e2e::Result<f64> {
    let mut outer = width + 20;
    let mut reached = 0.0;
    for _ in 0..4 {
        match mode {
            Viewport::Window => {
                ctx.client
                    .set_window_rect(0, 0, outer, 900)
                    .await
                    .with_context(|| format!("resizing the window to {outer} px"))?;
            }
            Viewport::Frame => {
                ctx.client.enter_parent_frame().await?;
                if outer + 40 > 1024 {
                    ctx.client.set_window_size(outer + 40, 900).await?;
                }
                ctx.eval::<()>(
                    "document.getElementById('frame').width = String(arguments[0]);",
                    vec![json!(outer)],
                )
                .await?;
                ctx.client.enter_frame(0).await?;
            }
        }
        sleep_ms(150).await;
        reached = overflow(ctx).await?.client_width;
        let missing = f64::from(width) - reached;
        if missing.abs() < 0.5 {
            break;
        }
        let next = (f64::from(outer) + missing).max(1.0) as u32;
        if next == outer {
            break;
        }
        outer = next;
    }
    Ok(reached)
}

/// Sets the widget's text size (`--ccq-font-size` on the host, through the CSSOM); `None` removes
/// it.
async fn set_text_size(ctx: &Ctx, size: Option<&str>) -> e2e::Result<()> {
    ctx.eval::<()>(
        "const h = document.querySelector(arguments[0]); \
         if (arguments[1] === null) h.style.removeProperty('--ccq-font-size'); \
         else h.style.setProperty('--ccq-font-size', arguments[1]);",
        vec![json!(HOST), json!(size)],
    )
    .await
}

/// One layout checked in each state.
struct Layout {
    name: &'static str,
    /// The viewport width in CSS px.
    width: u32,
    /// `--ccq-font-size` on the host.
    text: Option<&'static str>,
    /// The WCAG 1.4.12 text spacing applied to everything in the widget.
    spacing: bool,
}

const LAYOUTS: [Layout; 4] = [
    Layout {
        name: "320 px viewport (reflow, WCAG 1.4.10)",
        width: 320,
        text: None,
        spacing: false,
    },
    Layout {
        name: "640 px viewport (a 1280 px window at 200 % zoom)",
        width: 640,
        text: None,
        spacing: false,
    },
    Layout {
        name: "1280 px viewport, text at 200 % (WCAG 1.4.4)",
        width: 1280,
        text: Some("200%"),
        spacing: false,
    },
    Layout {
        name: "320 px viewport with the WCAG 1.4.12 text spacing",
        width: 320,
        text: None,
        spacing: true,
    },
];

/// Applies (or removes) WCAG 1.4.12's text spacing to every element of the widget, as a reader's
/// own stylesheet would: line height 1.5, letter spacing 0.12em, word spacing 0.16em, 2em after
/// paragraphs. Inserted into the widget's own sheet (a host-page rule cannot reach into the shadow
/// root).
async fn set_text_spacing(ctx: &Ctx, on: bool) -> e2e::Result<()> {
    ctx.eval::<()>(
        r#"
const root = document.querySelector(arguments[0]).shadowRoot;
const sheet = root.styleSheets[0];
const marker = '--ccq-text-spacing';
for (let i = sheet.cssRules.length - 1; i >= 0; i--) {
  const rule = sheet.cssRules[i];
  if (rule.style && rule.style.getPropertyValue(marker) !== '') sheet.deleteRule(i);
}
if (arguments[1]) {
  sheet.insertRule('* { ' + marker + ': 1; line-height: 1.5 !important; ' +
    'letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }', sheet.cssRules.length);
  sheet.insertRule('p { ' + marker + ': 1; margin-bottom: 2em !important; }', sheet.cssRules.length);
}
"#,
        vec![json!(HOST), json!(on)],
    )
    .await
}

/// Turns what [`overflow`] found into problem lines.
fn record_overflow(ctx: &Ctx, when: &str, o: &Overflow, problems: &mut Vec<String>) {
    if o.scroll_width > o.client_width {
        problems.push(format!(
            "[{}] {when}: horizontal scrolling (scrollWidth {} > clientWidth {}); sticking out: {}",
            ctx.engine,
            o.scroll_width,
            o.client_width,
            o.offenders.join("; ")
        ));
    } else if !o.offenders.is_empty() {
        problems.push(format!(
            "[{}] {when}: no scrollbar, but parts stick out of the viewport: {}",
            ctx.engine,
            o.offenders.join("; ")
        ));
    }
    if !o.clipped.is_empty() {
        problems.push(format!(
            "[{}] {when}: content cut off inside the widget: {}",
            ctx.engine,
            o.clipped.join("; ")
        ));
    }
}

/// At the narrowest viewport (already set): the current state without and with the text spacing.
async fn check_narrow(ctx: &Ctx, state: &str, problems: &mut Vec<String>) -> e2e::Result<()> {
    for spacing in [false, true] {
        set_text_spacing(ctx, spacing).await?;
        let o = overflow(ctx).await?;
        let how = if spacing {
            "320 px viewport with the WCAG 1.4.12 text spacing"
        } else {
            "320 px viewport (reflow, WCAG 1.4.10)"
        };
        record_overflow(ctx, &format!("{state}, {how}"), &o, problems);
    }
    set_text_spacing(ctx, false).await
}

/// Checks every layout in the current state; problems go into `problems`.
async fn check_layouts(
    ctx: &Ctx,
    mode: Viewport,
    state: &str,
    problems: &mut Vec<String>,
) -> e2e::Result<()> {
    for Layout {
        name,
        width,
        text,
        spacing,
    } in LAYOUTS
    {
        set_text_size(ctx, text).await?;
        set_text_spacing(ctx, spacing).await?;
        let reached = set_viewport(ctx, mode, width).await?;
        if (reached - f64::from(width)).abs() >= 0.5 {
            problems.push(format!(
                "[{}] {state}, {name}: the window could not be sized to a {width} px viewport \
                 (got {reached} px)",
                ctx.engine
            ));
            continue;
        }
        let o = overflow(ctx).await?;
        eprintln!(
            "[a11y] {} / {state} / {name} ({mode:?}): clientWidth {} scrollWidth {} innerWidth {}",
            ctx.engine, o.client_width, o.scroll_width, o.inner_width
        );
        record_overflow(ctx, &format!("{state}, {name}"), &o, problems);
    }
    set_text_spacing(ctx, false).await?;
    set_text_size(ctx, None).await
}

#[tokio::test]
async fn no_horizontal_scrolling_at_320_px_with_200_percent_text_or_text_spacing() {
    // Framing the host page (only where the window cannot get narrow enough) needs frame-src.
    let csp = format!("{STRICT_CSP}; frame-src 'self'");
    Scenario::new("a11y: reflow and resized text")
        .csp(Some(&csp))
        .timeout(LONG)
        .run(|ctx| async move {
            let mut problems = Vec::new();
            open_ready(&ctx, "a11y-layout").await?;
            let mode = if set_viewport(&ctx, Viewport::Window, 320).await? == 320.0 {
                Viewport::Window
            } else {
                ctx.client.set_window_size(1024, 900).await?;
                ctx.open("/pages/a11y-frame.html").await?;
                ctx.client
                    .enter_frame(0)
                    .await
                    .context("entering the frame")?;
                ctx.wait_ready(HOST).await?;
                ctx.widget(HOST)
                    .wait_screen("the start screen in the frame", |s| s.kind == "start")
                    .await?;
                Viewport::Frame
            };
            let normal = |ctx: Ctx| async move {
                match mode {
                    Viewport::Window => ctx.client.set_window_size(1024, 900).await?,
                    Viewport::Frame => {
                        set_viewport(&ctx, mode, 1000).await?;
                    }
                }
                e2e::Result::Ok(())
            };
            check_layouts(&ctx, mode, "explainer", &mut problems).await?;
            normal(ctx.clone()).await?;
            ctx.widget(HOST).start().await?;
            // Wrong answers: the feedback then names the right answer and both options carry a
            // mark ("Your answer", "Right answer"), the widest a question gets.
            let id = ctx.widget(HOST).answer(false).await?.question.id;
            let state = format!("question 1 ({id}) with feedback");
            check_layouts(&ctx, mode, &state, &mut problems).await?;
            // Every other question's feedback at 320 px: option texts and marks differ.
            set_viewport(&ctx, mode, 320).await?;
            for i in 2..=total() {
                ctx.widget(HOST).next().await?;
                let id = ctx.widget(HOST).answer(false).await?.question.id;
                check_narrow(
                    &ctx,
                    &format!("question {i} ({id}) with feedback"),
                    &mut problems,
                )
                .await?;
            }
            ctx.widget(HOST).next().await?;
            normal(ctx.clone()).await?;
            ctx.widget(HOST)
                .wait_screen("the results", |s| s.kind == "results")
                .await?;
            check_layouts(&ctx, mode, "results", &mut problems).await?;
            ensure!(
                problems.is_empty(),
                "{} layout problem(s):\n  {}",
                problems.len(),
                problems.join("\n  ")
            );
            ctx.assert_probe_clean().await
        })
        .await;
}
