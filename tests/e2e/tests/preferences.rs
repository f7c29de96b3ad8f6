//! The reader's real system preferences reach the widget (not forced by script, unlike the dark
//! palette check in `a11y_axe.rs`, which stays as the all-engine check):
//!
//! - **`prefers-reduced-motion: reduce`**: nothing inside the widget animates or transitions
//!   (every element's and pseudo-element's computed `transition-duration` and
//!   `animation-duration` are 0s), checked on the start screen and on question 1, where the
//!   progress bar is (its width transition is the widget's only motion).
//! - **`prefers-color-scheme: dark`**: the widget's surface turns dark with light text, and every
//!   visible text element keeps a contrast of at least 4.5:1 against its background (3:1 for large
//!   text: 24 px, or 18.66 px bold), WCAG 1.4.3.
//! - **No preference** (the control, every engine): the same page shows the progress bar's
//!   transition and the light palette, so both checks above can fail.
//!
//! How the preferences are given ([`e2e::prefs`]): Chromium through CDP
//! `Emulation.setEmulatedMedia`, Firefox through `moz:firefoxOptions.prefs`
//! (`ui.prefersReducedMotion`, `layout.css.prefers-color-scheme.content-override`). WebKitGTK can
//! emulate neither; the harness skips it with the reason printed. Every scenario first asserts
//! that `matchMedia` sees the preference, so a preference that silently failed to apply fails.
//!
//! Host page: `pages/one.html` under the strict CSP. Needs the release bundle (`cargo xtask dist`).

use anyhow::{ensure, Context};
use e2e::widget::HOST;
use e2e::{Ctx, Scenario};
use serde::Deserialize;
use serde_json::json;

/// The host page.
const PAGE: &str = "/pages/one.html";
/// The progress bar's fill, whose width transitions between questions.
const BAR: &str = ".ccq-bar > span";
/// Fewer text elements measured means the contrast check did not see the widget's content.
const MIN_TEXT_CHECKED: usize = 20;

/// Every element (and `::before` / `::after`) in the shadow root with a non-zero transition or
/// animation duration, as `"<description>: transition 0.3s, animation 0s"`.
const MOTION: &str = r#"
const root = document.querySelector(arguments[0]).shadowRoot;
const moving = (list) => list.split(',').some((d) => parseFloat(d) > 0);
const found = [];
for (const el of root.querySelectorAll('*')) {
  for (const pseudo of [null, '::before', '::after']) {
    const s = getComputedStyle(el, pseudo);
    const animated = s.animationName !== 'none' && moving(s.animationDuration);
    if (moving(s.transitionDuration) || animated) {
      found.push(`${el.localName}.${el.className}${pseudo || ''}: transition ${s.transitionDuration}, animation ${s.animationName} ${s.animationDuration}`);
    }
  }
}
return found;
"#;

/// WCAG contrast of every visible element with its own text, against the nearest opaque
/// background up its ancestors (shadow root, then host document). Skipped: visually hidden text
/// (`.ccq-sr`, 1 px clipped) and disabled controls (WCAG exempts them).
const CONTRAST: &str = r#"
const host = document.querySelector(arguments[0]);
const root = host.shadowRoot;
const rgba = (s) => { const m = (s.match(/[\d.]+/g) || []).map(Number); return { r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1 }; };
const lum = (c) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }; return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
const up = (el) => el.parentElement || (el.parentNode && el.parentNode.host) || null;
const background = (el) => { for (let e = el; e; e = up(e)) { const c = rgba(getComputedStyle(e).backgroundColor); if (c.a > 0) return c; } return { r: 255, g: 255, b: 255, a: 1 }; };
const ccq = root.querySelector('.ccq');
const surface = { bg: getComputedStyle(ccq).backgroundColor, fg: getComputedStyle(ccq).color };
const failures = [];
let checked = 0;
for (const el of root.querySelectorAll('*')) {
  const ownText = Array.from(el.childNodes).some((n) => n.nodeType === 3 && n.textContent.trim());
  const r = el.getBoundingClientRect();
  if (!ownText || r.width <= 1 || r.height <= 1 || el.closest('.ccq-sr, .ccq-honeypot, :disabled, [aria-disabled="true"]')) continue;
  const s = getComputedStyle(el);
  if (s.visibility === 'hidden') continue;
  const size = parseFloat(s.fontSize), bold = parseInt(s.fontWeight, 10) >= 700;
  const need = size >= 24 || (size >= 18.66 && bold) ? 3 : 4.5;
  const got = ratio(rgba(s.color), background(el));
  checked++;
  if (got < need) failures.push(`${el.localName}.${el.className} "${el.textContent.trim().slice(0, 30)}": ${got.toFixed(2)}:1 < ${need}:1 (${s.color} on ${getComputedStyle(el).backgroundColor})`);
}
return { checked, failures, surfaceBg: surface.bg, surfaceFg: surface.fg,
  bgLum: lum(rgba(surface.bg)), fgLum: lum(rgba(surface.fg)) };
"#;

/// What [`CONTRAST`] returns.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Contrast {
    checked: usize,
    failures: Vec<String>,
    surface_bg: String,
    surface_fg: String,
    bg_lum: f64,
    fg_lum: f64,
}

/// Whether the page's `matchMedia` matches `query`.
async fn matches(ctx: &Ctx, query: &str) -> e2e::Result<bool> {
    ctx.eval(
        "return matchMedia(arguments[0]).matches;",
        vec![json!(query)],
    )
    .await
}

/// Opens the host page and waits for the widget; `query` must match (the preference is real).
async fn open(ctx: &Ctx, query: &str, expected: bool) -> e2e::Result<()> {
    ctx.open(PAGE).await?;
    let seen = matches(ctx, query).await?;
    ensure!(
        seen == expected,
        "matchMedia('{query}') is {seen}, expected {expected}: the preference did not apply"
    );
    ctx.wait_ready(HOST).await
}

/// Starts the quiz with a real click and waits for question 1's progress bar.
async fn start_quiz(ctx: &Ctx) -> e2e::Result<()> {
    let found: bool = ctx
        .eval(
            "const root = document.querySelector(arguments[0]).shadowRoot; \
             const b = Array.from(root.querySelectorAll('section#quiz button')).find( \
               (b) => b.textContent.trim() === 'Start the quiz'); \
             if (b) b.setAttribute('data-ccq-prefs-target', ''); return !!b;",
            vec![json!(HOST)],
        )
        .await?;
    ensure!(found, "no \"Start the quiz\" button");
    ctx.shadow_click(HOST, "[data-ccq-prefs-target]").await?;
    ctx.wait_for(
        "question 1's progress bar",
        e2e::page::READY_TIMEOUT,
        "const h = document.querySelector(arguments[0]); \
         return !!h.shadowRoot.querySelector(arguments[1]);",
        vec![json!(HOST), json!(BAR)],
    )
    .await
    .map(drop)
}

async fn motion(ctx: &Ctx) -> e2e::Result<Vec<String>> {
    ctx.eval(MOTION, vec![json!(HOST)])
        .await
        .context("sweeping the shadow root for motion")
}

async fn contrast(ctx: &Ctx, state: &str) -> e2e::Result<Contrast> {
    let c: Contrast = ctx.eval(CONTRAST, vec![json!(HOST)]).await?;
    ensure!(
        c.checked >= MIN_TEXT_CHECKED,
        "{state}: only {} text elements measured, expected at least {MIN_TEXT_CHECKED}",
        c.checked
    );
    ensure!(
        c.failures.is_empty(),
        "{state}: contrast below WCAG AA: {:#?}",
        c.failures
    );
    Ok(c)
}

#[tokio::test]
async fn reduced_motion_turns_every_transition_and_animation_off() {
    Scenario::new("prefers-reduced-motion: reduce")
        .prefer("prefers-reduced-motion", "reduce")
        .run(|ctx| async move {
            open(&ctx, "(prefers-reduced-motion: reduce)", true).await?;
            let start = motion(&ctx).await?;
            ensure!(start.is_empty(), "start screen still moves: {start:#?}");
            start_quiz(&ctx).await?;
            let question = motion(&ctx).await?;
            ensure!(question.is_empty(), "question 1 still moves: {question:#?}");
            let bar = ctx
                .shadow_style(HOST, BAR, &["transition-duration"])
                .await?;
            eprintln!(
                "[prefs] reduced motion / {}: progress bar {bar:?}",
                ctx.engine
            );
            Ok(())
        })
        .await;
}

#[tokio::test]
async fn dark_preference_gives_the_dark_palette_with_enough_contrast() {
    Scenario::new("prefers-color-scheme: dark")
        .prefer("prefers-color-scheme", "dark")
        .run(|ctx| async move {
            open(&ctx, "(prefers-color-scheme: dark)", true).await?;
            let c = contrast(&ctx, "start screen (dark)").await?;
            ensure!(
                c.bg_lum < c.fg_lum,
                "not the dark palette: {} text on {}",
                c.surface_fg,
                c.surface_bg
            );
            start_quiz(&ctx).await?;
            contrast(&ctx, "question 1 (dark)").await?;
            eprintln!(
                "[prefs] dark / {}: {} text on {}, {} text elements at AA contrast",
                ctx.engine, c.surface_fg, c.surface_bg, c.checked
            );
            Ok(())
        })
        .await;
}

/// The control: with no preference the same checks see motion and the light palette, so the two
/// scenarios above can fail (in every engine, WebKit included).
#[tokio::test]
async fn without_preferences_the_bar_moves_and_the_palette_is_light() {
    Scenario::new("no preference (control)")
        .run(|ctx| async move {
            open(&ctx, "(prefers-reduced-motion: reduce)", false).await?;
            ensure!(
                !matches(&ctx, "(prefers-color-scheme: dark)").await?,
                "the browser prefers dark by default: the control cannot tell the palettes apart"
            );
            let c = contrast(&ctx, "start screen (light)").await?;
            ensure!(
                c.bg_lum > c.fg_lum,
                "not the light palette: {} text on {}",
                c.surface_fg,
                c.surface_bg
            );
            start_quiz(&ctx).await?;
            let moving = motion(&ctx).await?;
            ensure!(
                moving.iter().any(|m| m.starts_with("span.")),
                "without reduced motion the progress bar should transition; found {moving:#?}"
            );
            eprintln!(
                "[prefs] control / {}: {} text on {}; moving: {moving:?}",
                ctx.engine, c.surface_fg, c.surface_bg
            );
            Ok(())
        })
        .await;
}
