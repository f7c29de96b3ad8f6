//! Accessibility of the widget, each scenario in Chromium, Firefox and WebKit with a fresh profile:
//!
//! - **axe-core** (the exact version pinned in `tests/e2e/package.json`, installed into
//!   `tests/e2e/node_modules` by `npm ci`, which `cargo xtask test` runs) finds no WCAG 2.0/2.1/2.2
//!   A/AA violation inside the widget in any state: the explainer, a question, the feedback when
//!   right and when wrong, the results, the sign-up form showing its errors, and signed up; each
//!   state in the light palette and again in the dark one. A canary first proves the run can fail
//!   (light grey text must be reported), and every run must have measured the contrast of enough
//!   elements to prove axe saw into the shadow root.
//! - **Keyboard only**: the whole quiz and the sign-up taken with Tab, Shift+Tab, arrows, Space,
//!   Enter and typed characters (WebDriver key actions, which go to whatever has focus): from the
//!   host page into the widget, every question, the results, the sign-up with an empty submit, a
//!   refusal by the service and a successful retry, then "Not now" and "Show the sign-up form" on
//!   a fresh widget. After every key: focus never dropped to `<body>`, and a focused control shows
//!   an indicator (an outline or a box shadow).
//! - **Reflow, resize and text spacing**: no horizontal scrolling and nothing cut off at a 320 CSS
//!   px viewport (WCAG 1.4.10), at 640 px (what a 1280 px window shows at 200 % page zoom), at
//!   1280 px with the widget's text at 200 % (WCAG 1.4.4), and at 320 px with WCAG 1.4.12's text
//!   spacing; in the explainer, the first question's feedback and the results, and at 320 px (with
//!   and without the spacing) in every question's feedback, since option texts differ.
//!
//! How the checks are done, and why:
//!
//! - axe is injected with WebDriver *execute script* (its source read from node_modules): scripts
//!   run by the driver are not subject to the page's Content-Security-Policy, so the strict CSP
//!   header stays on. It runs on the host element; axe descends into open shadow roots. Its CSSOM
//!   preload is off, because it adds `<style>` elements that the CSP blocks and reports; the one
//!   rule needing it (`css-orientation-lock`) is checked on `dist/widget.css` directly.
//! - Dark mode: WebKitGTK cannot emulate `prefers-color-scheme` at all, so to run axe in every
//!   engine the test applies the widget's own `@media (prefers-color-scheme: dark)` block through
//!   the CSSOM (its media text set to `all`, plus `:host { color-scheme: dark }` as a real dark
//!   preference would give), which activates exactly the declarations a dark-mode reader gets.
//!   `preferences.rs` checks the real preference where it can be set (Chromium, Firefox).
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
//! Host page: `pages/a11y-host.html`, whose script builds `<cto-cio-quiz id="quiz">` from the query
//! string (the same `host-from-query.js` as `newsletter-host.html`) between two host links. Needs the release bundle (`cargo
//! xtask dist`) and `npm ci` in `tests/e2e`.

use std::fmt::Write as _;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use anyhow::{anyhow, bail, ensure, Context};
use cto_cio_quiz::newsletter::{Delivery, Failure, FieldError, FormState};
use e2e::bank::{option_id, progress_text, question_for, total};
use e2e::page::sleep_ms;
use e2e::widget::{status_line, Screen, HOST, STATUS, STEP};
use e2e::{Ctx, NewsletterReply, Scenario, STRICT_CSP};
use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::wd::TimeoutConfiguration;
use serde::Deserialize;
use serde_json::json;

/// axe's rule tags for WCAG 2.0, 2.1 and 2.2 at levels A and AA.
const WCAG_TAGS: [&str; 5] = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
/// Fewer text elements with a measured contrast means axe did not look inside the widget.
const MIN_CONTRAST_CHECKED: usize = 20;
/// Scenarios that play the whole quiz get more than the default 120 s per engine.
const LONG: Duration = Duration::from_secs(300);
/// What the widget says, from the crate (a wording change cannot leave these tests behind).
fn subscribed() -> String {
    status_line(&FormState::Sent(Delivery::Confirmed))
}
fn refused_422() -> String {
    status_line(&FormState::Failed(Failure::Rejected { status: 422 }))
}

// WebDriver key codes.
const TAB: char = '\u{E004}';
const ENTER: char = '\u{E007}';
const SHIFT: char = '\u{E008}';
const SPACE: char = '\u{E00D}';
const ARROW_DOWN: char = '\u{E015}';

// ---------------------------------------------------------------------------------------------
// Host page and quiz helpers
// ---------------------------------------------------------------------------------------------

/// `/pages/a11y-host.html` with a storage key of its own and the sign-up connected to the test
/// server's recorder (the generic provider: a CORS POST, "You’re on the list — thanks!").
fn page(storage_key: &str) -> String {
    format!(
        "/pages/a11y-host.html?storage-key={storage_key}&newsletter-provider=generic\
         &newsletter-action=/newsletter/a11y"
    )
}

async fn open_ready(ctx: &Ctx, storage_key: &str) -> e2e::Result<()> {
    ctx.open(&page(storage_key)).await?;
    ctx.scroll_into_view(HOST).await?;
    ctx.wait_ready(HOST).await?;
    ctx.widget(HOST)
        .wait_screen("the start screen", |s| s.kind == "start")
        .await?;
    Ok(())
}

/// Answers the question on screen (right or wrong on purpose) with clicks and waits for the
/// feedback.
async fn answer(ctx: &Ctx, right: bool) -> e2e::Result<Screen> {
    let before = ctx
        .widget(HOST)
        .wait_screen("a question waiting for an answer", |s| {
            s.kind == "question" && s.verdict.is_none()
        })
        .await?;
    let question = question_for(before.legend.as_deref().unwrap_or_default())?;
    let id = option_id(question, right)?;
    ctx.shadow_click(
        HOST,
        &format!("form.ccq-question input[type=radio][value=\"{id}\"]"),
    )
    .await?;
    ctx.widget(HOST)
        .wait_screen("the option to be checked", |s| {
            s.checked.as_deref() == Some(id)
        })
        .await?;
    ctx.shadow_click(HOST, "form.ccq-question button[type=submit]")
        .await?;
    let verdict = if right { "Right!" } else { "Not quite." };
    ctx.widget(HOST)
        .wait_screen(&format!("the verdict {verdict:?}"), |s| {
            s.verdict.as_deref() == Some(verdict)
        })
        .await
}

/// "Next question" / "See my results" with a click; waits for the next screen.
async fn next(ctx: &Ctx) -> e2e::Result<Screen> {
    let now = ctx.widget(HOST).screen().await?.unwrap_or_default();
    let progress = now.progress.clone();
    ctx.shadow_click(HOST, "form.ccq-question button[type=submit]")
        .await?;
    ctx.widget(HOST)
        .wait_screen("the next question or the results", |s| {
            s.kind == "results" || (s.progress != progress && s.verdict.is_none())
        })
        .await
}

/// Answers every remaining question (`right(i)` for the 0-based index) up to the results.
async fn play_to_results(ctx: &Ctx, right: impl Fn(usize) -> bool) -> e2e::Result<Screen> {
    loop {
        let now = ctx.widget(HOST).screen().await?.unwrap_or_default();
        if now.kind == "results" {
            return Ok(now);
        }
        let index = (1..=total())
            .find(|&i| now.progress.as_deref() == Some(progress_text(i).as_str()))
            .ok_or_else(|| anyhow!("no question on screen: {now:?}"))?;
        if now.verdict.is_none() {
            answer(ctx, right(index - 1)).await?;
        }
        next(ctx).await?;
    }
}

// ---------------------------------------------------------------------------------------------
// axe-core
// ---------------------------------------------------------------------------------------------

/// axe's source, read once from `tests/e2e/node_modules` (an error names the fix).
fn axe_source() -> e2e::Result<&'static str> {
    static SOURCE: OnceLock<Result<String, String>> = OnceLock::new();
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/node_modules/axe-core/axe.min.js"
    );
    SOURCE
        .get_or_init(|| {
            std::fs::read_to_string(path).map_err(|e| {
                format!(
                    "cannot read {path} ({e}): run `npm ci` in tests/e2e \
                     (`cargo xtask test` does it)"
                )
            })
        })
        .as_deref()
        .map_err(|e| anyhow!("{e}"))
}

/// Makes `window.axe` available on the current page (once per page load).
async fn inject_axe(ctx: &Ctx) -> e2e::Result<String> {
    let present: bool = ctx
        .eval("return typeof window.axe === 'object';", vec![])
        .await?;
    if !present {
        let source = axe_source()?;
        ctx.client
            .execute(source, vec![])
            .await
            .context("injecting axe-core")?;
    }
    let version: Option<String> = ctx
        .eval(
            "return typeof window.axe === 'object' ? window.axe.version : null;",
            vec![],
        )
        .await?;
    version.ok_or_else(|| anyhow!("axe-core did not define window.axe after injection"))
}

/// One axe violation, reduced to what a report needs.
#[derive(Debug, Deserialize)]
struct Violation {
    id: String,
    impact: Option<String>,
    help: String,
    nodes: Vec<ViolationNode>,
}

#[derive(Debug, Deserialize)]
struct ViolationNode {
    /// axe's selector path; shadow DOM steps are nested arrays (`[["#quiz", ".ccq-btn"]]`).
    target: String,
    summary: String,
    html: String,
}

#[derive(Debug, Deserialize)]
struct AxeOutcome {
    error: Option<String>,
    #[serde(default)]
    violations: Vec<Violation>,
    /// Rules axe could not decide ("needs review"), with a few of their targets.
    #[serde(default)]
    incomplete: Vec<String>,
    /// Text elements whose colour contrast axe measured (passed or failed): proof that it saw
    /// into the shadow root.
    #[serde(default)]
    contrast_checked: usize,
}

const AXE_RUN_JS: &str = r#"
const done = arguments[arguments.length - 1];
const host = document.querySelector(arguments[0]);
if (!host) { done({error: 'no host element ' + arguments[0]}); return; }
// preload: false, because preloading the CSSOM makes axe add <style> elements, which the page's
// CSP blocks (and reports); the one rule that needs it (css-orientation-lock) is checked apart.
window.axe.run(host, {runOnly: {type: 'tag', values: arguments[1]}, preload: false})
  .then((r) => {
    const contrast = (list) => list.filter((v) => v.id === 'color-contrast')
      .reduce((n, v) => n + v.nodes.length, 0);
    done({
      violations: r.violations.map((v) => ({
        id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.map((n) => ({target: JSON.stringify(n.target), summary: n.failureSummary || '',
                                    html: (n.html || '').slice(0, 160)})),
      })),
      incomplete: r.incomplete.map((v) => v.id + ' (' + v.nodes.length + ': ' +
        v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)).join(', ') + ')'),
      contrast_checked: contrast(r.passes) + contrast(r.violations),
    });
  })
  .catch((e) => done({error: String(e && e.stack || e)}));
"#;

/// Runs axe on the widget and returns one report line per violation (empty: none).
async fn axe_check(ctx: &Ctx, state: &str) -> e2e::Result<Vec<String>> {
    inject_axe(ctx).await?;
    let started = Instant::now();
    let value = ctx
        .client
        .execute_async(AXE_RUN_JS, vec![json!(HOST), json!(WCAG_TAGS)])
        .await
        .with_context(|| format!("running axe in the state {state:?}"))?;
    let outcome: AxeOutcome = serde_json::from_value(value.clone())
        .with_context(|| format!("unexpected axe result {value}"))?;
    if let Some(error) = outcome.error {
        bail!("axe failed in the state {state:?}: {error}");
    }
    let mut report = Vec::new();
    for v in &outcome.violations {
        let mut line = format!(
            "[{}] {state}: {} ({}) — {}",
            ctx.engine,
            v.id,
            v.impact.as_deref().unwrap_or("?"),
            v.help
        );
        for n in &v.nodes {
            let _ = write!(
                line,
                "\n      at {} {}\n        {}",
                n.target,
                n.html,
                n.summary.replace('\n', "\n        ")
            );
        }
        report.push(line);
    }
    eprintln!(
        "[a11y] {} / {state}: {} violation(s), contrast measured on {} element(s), in {:.1?}{}",
        ctx.engine,
        report.len(),
        outcome.contrast_checked,
        started.elapsed(),
        if outcome.incomplete.is_empty() {
            String::new()
        } else {
            format!("; needs review: {}", outcome.incomplete.join("; "))
        }
    );
    ensure!(
        outcome.contrast_checked >= MIN_CONTRAST_CHECKED,
        "{state}: axe measured the contrast of only {} element(s); did it see into the shadow root?",
        outcome.contrast_checked
    );
    Ok(report)
}

/// Switches the widget's dark palette on or off through the CSSOM (see the module docs); fails if
/// the stylesheet has no `prefers-color-scheme: dark` block to switch.
async fn force_dark(ctx: &Ctx, on: bool) -> e2e::Result<()> {
    let switched: u32 = ctx
        .eval(FORCE_DARK_JS, vec![json!(HOST), json!(on)])
        .await?;
    ensure!(
        switched > 0,
        "no `@media (prefers-color-scheme: dark)` block to switch in the widget's stylesheet"
    );
    // The rules were switched by script; style recalculation has no event to wait for, and the
    // next frame is enough for it before colours are measured.
    sleep_ms(50).await;
    Ok(())
}

/// On: every `(prefers-color-scheme: dark)` media rule of the shadow root's sheets gets the media
/// text `all`, and `:host { color-scheme: dark }` is appended; off: both undone. The touched rules
/// are kept in `window.__ccqDark`. Returns the number of media rules switched.
const FORCE_DARK_JS: &str = r#"
const root = document.querySelector(arguments[0]).shadowRoot;
if (arguments[1]) {
  const state = {media: [], added: []};
  for (const sheet of Array.from(root.styleSheets)) {
    const before = state.media.length;
    for (const rule of Array.from(sheet.cssRules)) {
      if (rule.type === CSSRule.MEDIA_RULE && /prefers-color-scheme:\s*dark/.test(rule.media.mediaText)) {
        state.media.push({rule, text: rule.media.mediaText});
        rule.media.mediaText = 'all';
      }
    }
    if (state.media.length > before) {
      const at = sheet.insertRule(':host { color-scheme: dark; }', sheet.cssRules.length);
      state.added.push({sheet, rule: sheet.cssRules[at]});
    }
  }
  window.__ccqDark = state;
  return state.media.length;
}
const state = window.__ccqDark || {media: [], added: []};
for (const {rule, text} of state.media) rule.media.mediaText = text;
for (const {sheet, rule} of state.added) {
  const at = Array.from(sheet.cssRules).indexOf(rule);
  if (at >= 0) sheet.deleteRule(at);
}
window.__ccqDark = null;
return state.media.length;
"#;

/// The computed background colour of the widget's root box.
async fn widget_background(ctx: &Ctx) -> e2e::Result<String> {
    let colour: Option<String> = ctx
        .eval(
            "const c = document.querySelector(arguments[0]).shadowRoot.querySelector('div.ccq'); \
             return c ? getComputedStyle(c).backgroundColor : null;",
            vec![json!(HOST)],
        )
        .await?;
    colour.ok_or_else(|| anyhow!("no div.ccq in the widget"))
}

/// axe in the light palette, then in the dark one; every violation goes into `report`.
async fn axe_light_and_dark(ctx: &Ctx, state: &str, report: &mut Vec<String>) -> e2e::Result<()> {
    report.extend(axe_check(ctx, state).await?);
    let light = widget_background(ctx).await?;
    force_dark(ctx, true).await?;
    let dark = widget_background(ctx).await?;
    ensure!(
        dark != light,
        "{state}: the dark palette did not apply (background stays {light})"
    );
    report.extend(axe_check(ctx, &format!("{state} (dark)")).await?);
    force_dark(ctx, false).await?;
    let back = widget_background(ctx).await?;
    ensure!(
        back == light,
        "{state}: the light palette did not come back ({back} instead of {light})"
    );
    Ok(())
}

/// Proof that the harness can fail: with the reader's text colour themed to a light grey
/// (`--ccq-text`, a documented custom property), axe must report `color-contrast`.
async fn axe_catches_low_contrast(ctx: &Ctx) -> e2e::Result<()> {
    let set = |value: Option<&'static str>| {
        ctx.eval::<()>(
            "const h = document.querySelector(arguments[0]); \
             if (arguments[1] === null) h.style.removeProperty('--ccq-text'); \
             else h.style.setProperty('--ccq-text', arguments[1]);",
            vec![json!(HOST), json!(value)],
        )
    };
    set(Some("#c8c8c8")).await?;
    let found = axe_check(ctx, "canary: text themed #c8c8c8 on white").await;
    set(None).await?;
    let found = found?;
    ensure!(
        found.iter().any(|v| v.contains(": color-contrast (")),
        "axe did not report color-contrast for light grey text on white: {found:?}"
    );
    Ok(())
}

/// axe's `css-orientation-lock` needs the CSSOM preload, which is off (see `AXE_RUN_JS`): the same
/// check by hand, on the stylesheet the widget ships.
fn assert_no_orientation_lock() -> e2e::Result<()> {
    let path = e2e::server::dist_dir().join("widget.css");
    let css =
        std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    ensure!(
        !css.contains("orientation"),
        "{} has an orientation media query: the layout may be locked to one orientation (WCAG \
         1.3.4); check it",
        path.display()
    );
    Ok(())
}

#[tokio::test]
async fn axe_finds_no_wcag_violations_in_any_state() {
    Scenario::new("a11y: axe in every state")
        .timeout(LONG)
        .run(|ctx| async move {
            ctx.client
                .update_timeouts(TimeoutConfiguration::new(
                    Some(Duration::from_secs(90)),
                    None,
                    None,
                ))
                .await?;
            let mut report = Vec::new();
            open_ready(&ctx, "a11y-axe").await?;
            let version = inject_axe(&ctx).await?;
            eprintln!("[a11y] {}: axe-core {version}", ctx.engine);
            assert_no_orientation_lock()?;
            axe_catches_low_contrast(&ctx).await?;
            axe_light_and_dark(&ctx, "explainer (start screen)", &mut report).await?;

            ctx.widget(HOST).start().await?;
            axe_light_and_dark(&ctx, "a question", &mut report).await?;
            answer(&ctx, true).await?;
            axe_light_and_dark(&ctx, "feedback when right", &mut report).await?;
            next(&ctx).await?;
            answer(&ctx, false).await?;
            axe_light_and_dark(&ctx, "feedback when wrong", &mut report).await?;

            // Mixed answers, so the results show both verdicts and topics to re-read.
            let results = play_to_results(&ctx, |i| i % 3 != 1).await?;
            ensure!(results.kind == "results", "no results: {results:?}");
            axe_light_and_dark(&ctx, "results", &mut report).await?;

            // The sign-up, submitted empty: both errors shown.
            ctx.shadow_click(HOST, "form.ccq-signup button[type=submit]")
                .await?;
            ctx.widget(HOST)
                .wait_text_is("#ccq-email-error", FieldError::EmailMissing.message())
                .await?;
            ctx.widget(HOST)
                .wait_text_is("#ccq-consent-error", FieldError::ConsentMissing.message())
                .await?;
            axe_light_and_dark(&ctx, "sign-up form with errors", &mut report).await?;

            ctx.shadow_find(HOST, "#ccq-email")
                .await?
                .send_keys("axe@example.com")
                .await?;
            ctx.shadow_click(HOST, "form.ccq-signup input[type=checkbox]")
                .await?;
            ctx.shadow_click(HOST, "form.ccq-signup button[type=submit]")
                .await?;
            ctx.widget(HOST).wait_text_is(STATUS, &subscribed()).await?;
            axe_light_and_dark(&ctx, "signed up", &mut report).await?;

            ensure!(
                ctx.server.newsletter_posts().len() == 1,
                "expected one sign-up POST, got {}",
                ctx.server.newsletter_posts().len()
            );
            ensure!(
                report.is_empty(),
                "axe found {} violation(s):\n  {}",
                report.len(),
                report.join("\n  ")
            );
            ctx.assert_probe_clean().await
        })
        .await;
}

// ---------------------------------------------------------------------------------------------
// Keyboard only
// ---------------------------------------------------------------------------------------------

/// Presses and releases each key in turn (WebDriver key actions go to the focused element).
async fn press(ctx: &Ctx, keys: &[char]) -> e2e::Result<()> {
    let mut actions = KeyActions::new("keyboard".into());
    for &key in keys {
        actions = actions
            .then(KeyAction::Down { value: key })
            .then(KeyAction::Up { value: key });
    }
    ctx.client
        .perform_actions(actions)
        .await
        .context("pressing keys")
}

async fn shift_tab(ctx: &Ctx) -> e2e::Result<()> {
    let actions = KeyActions::new("keyboard".into())
        .then(KeyAction::Down { value: SHIFT })
        .then(KeyAction::Down { value: TAB })
        .then(KeyAction::Up { value: TAB })
        .then(KeyAction::Up { value: SHIFT });
    ctx.client
        .perform_actions(actions)
        .await
        .context("pressing Shift+Tab")
}

/// Where focus is: the document's active element, and inside the widget's shadow root.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
struct Focus {
    /// `document.activeElement`, described.
    doc: String,
    /// `document.activeElement` is the widget's host element.
    in_host: bool,
    /// `document.activeElement` is `<body>` (or nothing).
    on_body: bool,
    /// `host.shadowRoot.activeElement`, described (`None` if focus is not in the widget).
    shadow: Option<String>,
    tag: Option<String>,
    id: Option<String>,
    input_type: Option<String>,
    value: Option<String>,
    text: Option<String>,
    checked: bool,
    /// The focused element has `tabindex="-1"` (a heading or fieldset focused by the widget).
    programmatic: bool,
    /// A visible indicator: an outline, or a box shadow.
    indicator: bool,
    style: String,
}

const FOCUS_JS: &str = r#"
const host = document.querySelector(arguments[0]);
const doc = document.activeElement;
const el = host && host.shadowRoot ? host.shadowRoot.activeElement : null;
const text = (e) => (e.textContent || '').replace(/\s+/g, ' ').trim();
const describe = (e) => {
  if (!e) return 'nothing';
  let s = e.tagName.toLowerCase();
  if (e.id) s += '#' + e.id;
  if (e.tagName === 'INPUT') s += '[type=' + e.type + '][value=' + e.value + ']';
  const t = text(e);
  if (t && !['FIELDSET', 'FORM', 'BODY', 'SECTION', 'DIV'].includes(e.tagName)) s += ' "' + t.slice(0, 50) + '"';
  return s;
};
const out = {doc: describe(doc), in_host: !!host && doc === host, on_body: !doc || doc === document.body,
             shadow: el ? describe(el) : null};
if (el) {
  const cs = getComputedStyle(el);
  const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0;
  const shadow = cs.boxShadow && cs.boxShadow !== 'none';
  Object.assign(out, {
    tag: el.tagName.toLowerCase(), id: el.id || null,
    input_type: el.tagName === 'INPUT' ? el.type : null,
    value: el.tagName === 'INPUT' ? el.value : null,
    text: text(el).slice(0, 80), checked: !!el.checked,
    programmatic: el.getAttribute('tabindex') === '-1',
    indicator: outline || shadow,
    style: 'outline ' + cs.outlineStyle + ' ' + cs.outlineWidth + ' ' + cs.outlineColor + '; box-shadow ' + cs.boxShadow,
  });
}
return out;
"#;

async fn focus(ctx: &Ctx) -> e2e::Result<Focus> {
    ctx.eval(FOCUS_JS, vec![json!(HOST)]).await
}

/// Records what is wrong with focus after a key: out of the page (on `<body>`), or on a control
/// of the widget without a visible indicator.
fn check_focus(ctx: &Ctx, after: &str, f: &Focus, problems: &mut Vec<String>) {
    if f.on_body {
        problems.push(format!(
            "[{}] after {after}: focus fell out to <body> ({})",
            ctx.engine, f.doc
        ));
    } else if f.in_host && !f.programmatic && !f.indicator {
        problems.push(format!(
            "[{}] after {after}: {} has focus but no visible indicator ({})",
            ctx.engine,
            f.shadow.as_deref().unwrap_or("?"),
            f.style
        ));
    }
}

/// Focus once the widget has re-rendered after a change that moves it somewhere unknown in
/// advance (the form replaced by a status or a note). Where focus lands is what the caller
/// checks, so there is no condition to wait for: the re-render's effect gets a moment instead.
async fn focus_after_rerender(ctx: &Ctx) -> e2e::Result<Focus> {
    sleep_ms(200).await;
    focus(ctx).await
}

/// Polls focus until `done` holds (focus moves in an effect after the re-render).
async fn wait_focus(ctx: &Ctx, what: &str, done: impl Fn(&Focus) -> bool) -> e2e::Result<Focus> {
    let deadline = Instant::now() + Duration::from_secs(3);
    loop {
        let f = focus(ctx).await?;
        if done(&f) {
            return Ok(f);
        }
        if Instant::now() > deadline {
            bail!(
                "focus is not on {what}: document has {}, the widget has {:?}",
                f.doc,
                f.shadow
            );
        }
        sleep_ms(50).await;
    }
}

/// Presses Tab until `done` holds (at most `max` times), checking focus after every key.
async fn tab_until(
    ctx: &Ctx,
    what: &str,
    max: usize,
    problems: &mut Vec<String>,
    done: impl Fn(&Focus) -> bool,
) -> e2e::Result<(Focus, usize)> {
    move_focus_until(ctx, false, what, max, problems, done).await
}

/// Tab (or Shift+Tab with `back`) until `done` holds, at most `max` times, checking focus after
/// every key; returns the focus reached and how many keys it took.
async fn move_focus_until(
    ctx: &Ctx,
    back: bool,
    what: &str,
    max: usize,
    problems: &mut Vec<String>,
    done: impl Fn(&Focus) -> bool,
) -> e2e::Result<(Focus, usize)> {
    let key = if back { "Shift+Tab" } else { "Tab" };
    let mut path = Vec::new();
    let mut before = focus(ctx).await?;
    for n in 1..=max {
        if back {
            shift_tab(ctx).await?;
        } else {
            press(ctx, &[TAB]).await?;
        }
        let f = focus(ctx).await?;
        // Tab from the host page's last link leaves the document (to the browser's own UI): only
        // a Tab from inside the widget must never end on <body>.
        if !f.on_body || before.in_host {
            check_focus(ctx, &format!("{key} #{n} towards {what}"), &f, problems);
        }
        path.push(f.shadow.clone().unwrap_or_else(|| f.doc.clone()));
        if done(&f) {
            return Ok((f, n));
        }
        before = f;
    }
    bail!(
        "{max} × {key} never reached {what}; focus went through: {}",
        path.join(" → ")
    )
}

/// Waits until the sign-up form is back.
async fn wait_form_back(ctx: &Ctx) -> e2e::Result<()> {
    let deadline = Instant::now() + STEP;
    while ctx.shadow_count(HOST, "#ccq-email").await? == 0 {
        if Instant::now() > deadline {
            bail!(
                "\"Show the sign-up form\" did not bring the form back; focus: {:?}; the sign-up \
                 section says {:?}",
                focus(ctx).await?,
                ctx.shadow_text(HOST, ".ccq-cta").await?
            );
        }
        sleep_ms(50).await;
    }
    Ok(())
}

fn is_button(f: &Focus, label: &str) -> bool {
    f.tag.as_deref() == Some("button") && f.text.as_deref() == Some(label)
}

/// The keyboard scenario's problems that do not stop it (focus out of the page, no visible
/// indicator), each tagged with where it happened; reported together at the end.
type Problems = Vec<String>;

/// Step 1: from the top of the page, Tab to "Start the quiz" and press Enter; returns question 1.
async fn keys_start_the_quiz(ctx: &Ctx, problems: &mut Problems) -> e2e::Result<Screen> {
    open_ready(ctx, "a11y-keys").await?;
    // From the top of the page, as a reader arriving with the keyboard.
    ctx.eval::<()>(
        "window.scrollTo(0, 0); document.activeElement.blur();",
        vec![],
    )
    .await?;
    let (_, tabs) = tab_until(ctx, "\"Start the quiz\"", 40, problems, |f| {
        is_button(f, "Start the quiz")
    })
    .await?;
    eprintln!("[a11y] {}: {tabs} Tabs to \"Start the quiz\"", ctx.engine);
    press(ctx, &[ENTER]).await?;
    let shown = ctx
        .widget(HOST)
        .wait_screen("question 1", |s| {
            s.progress.as_deref() == Some(progress_text(1).as_str())
        })
        .await?;
    let f = wait_focus(ctx, "question 1's fieldset", |f| {
        f.tag.as_deref() == Some("fieldset")
    })
    .await?;
    check_focus(ctx, "Start", &f, problems);

    Ok(shown)
}

/// Step 2, once per question: Tab into the options, pick the right one with the arrows or Space,
/// Enter to check, Enter to move on; returns the next screen (the results after the last).
async fn keys_answer(
    ctx: &Ctx,
    i: usize,
    shown: Screen,
    problems: &mut Problems,
) -> e2e::Result<Screen> {
    let mut shown = shown;
    let question = question_for(shown.legend.as_deref().unwrap_or_default())?;
    let right = option_id(question, true)?;
    let index = shown
        .options
        .iter()
        .position(|o| o == right)
        .ok_or_else(|| anyhow!("{right} is not on screen: {shown:?}"))?;
    let step = format!("question {i}");
    // Tab from the fieldset into the radio group: the first radio (none is checked).
    press(ctx, &[TAB]).await?;
    let f = focus(ctx).await?;
    check_focus(ctx, &format!("Tab into {step}'s options"), &f, problems);
    ensure!(
        f.input_type.as_deref() == Some("radio")
            && f.value.as_deref() == Some(shown.options[0].as_str()),
        "{step}: Tab from the fieldset went to {:?} instead of the first option {:?}",
        f.shadow,
        shown.options[0]
    );
    if index == 0 {
        press(ctx, &[SPACE]).await?;
    } else {
        press(ctx, &vec![ARROW_DOWN; index]).await?;
    }
    let picked = ctx
        .widget(HOST)
        .wait_screen(&format!("{step}: {right} checked"), |s| {
            s.checked.as_deref() == Some(right)
        })
        .await?;
    let f = focus(ctx).await?;
    check_focus(ctx, &format!("selecting in {step}"), &f, problems);
    ensure!(
        f.value.as_deref() == Some(right),
        "{step}: focus is on {:?} after selecting {right}",
        f.shadow
    );
    if i == 1 {
        // Out of the group and back: focus returns to the checked radio.
        shift_tab(ctx).await?;
        let f = focus(ctx).await?;
        check_focus(ctx, &format!("Shift+Tab in {step}"), &f, problems);
        press(ctx, &[TAB]).await?;
        let f = focus(ctx).await?;
        ensure!(
            f.value.as_deref() == Some(right),
            "{step}: Shift+Tab then Tab landed on {:?}, not the checked option",
            f.shadow
        );
    }
    // Enter in the radio group submits the form ("Check answer").
    press(ctx, &[ENTER]).await?;
    let checked = ctx
        .widget(HOST)
        .wait_screen(&format!("{step}: the feedback after Enter"), |s| {
            s.verdict.is_some()
        })
        .await;
    let checked = match checked {
        Ok(s) => s,
        Err(e) => {
            problems.push(format!(
                "[{}] {step}: Enter on the selected radio did not check the answer \
                 ({e:#}); continued with Tab to \"Check answer\" and Enter",
                ctx.engine
            ));
            tab_until(ctx, "\"Check answer\"", 5, problems, |f| {
                is_button(f, "Check answer")
            })
            .await?;
            press(ctx, &[ENTER]).await?;
            ctx.widget(HOST)
                .wait_screen(&format!("{step}: the feedback"), |s| s.verdict.is_some())
                .await?
        }
    };
    ensure!(
        checked.verdict.as_deref() == Some("Right!") && picked.legend == checked.legend,
        "{step}: expected \"Right!\" for {right}: {checked:?}"
    );
    let label = if i == total() {
        "See my results"
    } else {
        "Next question"
    };
    let f = wait_focus(ctx, &format!("{step}'s {label:?} button"), |f| {
        is_button(f, label)
    })
    .await?;
    check_focus(ctx, &format!("checking {step}"), &f, problems);

    press(ctx, &[ENTER]).await?;
    if i == total() {
        shown = ctx
            .widget(HOST)
            .wait_screen("the results", |s| s.kind == "results")
            .await?;
        let f = wait_focus(ctx, "the results heading", |f| {
            f.tag.as_deref() == Some("h4") && f.text.as_deref() == Some("Your result")
        })
        .await?;
        check_focus(ctx, "See my results", &f, problems);
    } else {
        let expected = progress_text(i + 1);
        shown = ctx
            .widget(HOST)
            .wait_screen(&expected, |s| {
                s.progress.as_deref() == Some(expected.as_str()) && s.verdict.is_none()
            })
            .await?;
        let f = wait_focus(ctx, &format!("question {}'s fieldset", i + 1), |f| {
            f.tag.as_deref() == Some("fieldset")
        })
        .await?;
        check_focus(ctx, &format!("Next after {step}"), &f, problems);
    }
    Ok(shown)
}

/// Step 3: from the results, Tab to the sign-up, submit it empty, fill it in, see the service
/// refuse once and accept the retry, with focus checked after every key.
async fn keys_sign_up(ctx: &Ctx, shown: &Screen, problems: &mut Problems) -> e2e::Result<()> {
    let n = total();
    let score = shown.score.clone().unwrap_or_default();
    ensure!(
        score.starts_with(&format!("{n} / {n}")),
        "all answers were right but the score says {score:?}"
    );

    // The sign-up: from the results heading to the e-mail field.
    let (_, tabs) = tab_until(ctx, "the e-mail field", 150, problems, |f| {
        f.id.as_deref() == Some("ccq-email")
    })
    .await?;
    eprintln!(
        "[a11y] {}: {tabs} Tabs from the results to the e-mail field",
        ctx.engine
    );
    // Enter in the empty field submits: the error is shown and focus stays on the field.
    press(ctx, &[ENTER]).await?;
    ctx.widget(HOST)
        .wait_text_is("#ccq-email-error", FieldError::EmailMissing.message())
        .await?;
    let f = wait_focus(ctx, "the e-mail field after the error", |f| {
        f.id.as_deref() == Some("ccq-email")
    })
    .await?;
    check_focus(ctx, "submitting the empty form", &f, problems);
    let email = "keys.only@example.com";
    press(ctx, &email.chars().collect::<Vec<_>>()).await?;
    // Back and forth once with Shift+Tab.
    shift_tab(ctx).await?;
    let f = focus(ctx).await?;
    check_focus(ctx, "Shift+Tab from the e-mail field", &f, problems);
    press(ctx, &[TAB]).await?;
    wait_focus(ctx, "the e-mail field again", |f| {
        f.id.as_deref() == Some("ccq-email")
    })
    .await?;
    press(ctx, &[TAB]).await?;
    let f = focus(ctx).await?;
    check_focus(ctx, "Tab to the consent box", &f, problems);
    ensure!(
        f.input_type.as_deref() == Some("checkbox"),
        "Tab from the e-mail field went to {:?}, not the consent box",
        f.shadow
    );
    press(ctx, &[SPACE]).await?;
    let f = focus(ctx).await?;
    ensure!(
        f.checked,
        "Space did not tick the consent box ({:?})",
        f.shadow
    );
    tab_until(ctx, "\"Subscribe\"", 3, problems, |f| {
        is_button(f, "Subscribe")
    })
    .await?;
    // First the service refuses: the status says so, and focus must still be in the form
    // (Subscribe is disabled while sending; a disabled focused button loses focus).
    ctx.server.set_newsletter_reply(NewsletterReply {
        status: 422,
        cors: true,
        body: "{\"error\":\"nope\"}".into(),
    });
    press(ctx, &[ENTER]).await?;
    ctx.widget(HOST)
        .wait_text(STATUS, "the sign-up status", |t| t == refused_422())
        .await?;
    let f = focus_after_rerender(ctx).await?;
    check_focus(ctx, "the service refusing the sign-up", &f, problems);
    ctx.server.set_newsletter_reply(NewsletterReply::default());
    if !is_button(&f, "Subscribe") {
        // Already reported; put focus back by script to go on with the keyboard.
        ctx.eval::<()>(
            "document.querySelector(arguments[0]).shadowRoot \
               .querySelector('form.ccq-signup button[type=submit]').focus();",
            vec![json!(HOST)],
        )
        .await?;
    }
    press(ctx, &[ENTER]).await?;
    ctx.widget(HOST)
        .wait_text(STATUS, "the sign-up status", |t| t == subscribed())
        .await?;
    let posts = ctx.server.newsletter_posts();
    ensure!(
        posts.len() == 2
            && posts
                .iter()
                .all(|p| p.form_field("email").as_deref() == Some(email)),
        "expected two POSTs with {email}, got {:?}",
        posts.iter().map(|p| p.body_text()).collect::<Vec<_>>()
    );
    // Where is focus now that the form is gone?
    let f = focus_after_rerender(ctx).await?;
    check_focus(
        ctx,
        "subscribing (the form is replaced by the status)",
        &f,
        problems,
    );
    ctx.assert_probe_clean().await
}

/// Step 4, on a fresh widget: "Not now" hides the form and "Show the sign-up form" brings it back.
async fn keys_not_now_and_back(ctx: &Ctx, problems: &mut Problems) -> e2e::Result<()> {
    // "Not now" hides the form, "Show the sign-up form" brings it back: a fresh widget,
    // from the top of the page to the form with Tab.
    open_ready(ctx, "a11y-keys-not-now").await?;
    ctx.eval::<()>(
        "window.scrollTo(0, 0); document.activeElement.blur();",
        vec![],
    )
    .await?;
    tab_until(ctx, "\"Not now\"", 60, problems, |f| {
        is_button(f, "Not now")
    })
    .await?;
    press(ctx, &[ENTER]).await?;
    ctx.widget(HOST)
        .wait_text_is(
            ".ccq-cta .ccq-note button.ccq-link-btn",
            "Show the sign-up form",
        )
        .await?;
    let f = focus_after_rerender(ctx).await?;
    check_focus(
        ctx,
        "\"Not now\" (the form is replaced by a note)",
        &f,
        problems,
    );
    if !is_button(&f, "Show the sign-up form") {
        // Backwards: the way back is where the form was, just before the lost focus. (Tab
        // would leave the page after the host's last link, which Firefox then no longer
        // delivers keys to.)
        move_focus_until(ctx, true, "\"Show the sign-up form\"", 20, problems, |f| {
            is_button(f, "Show the sign-up form")
        })
        .await?;
    }
    press(ctx, &[ENTER]).await?;
    wait_form_back(ctx).await?;
    let f = focus_after_rerender(ctx).await?;
    check_focus(
        ctx,
        "\"Show the sign-up form\" (the note is replaced by the form)",
        &f,
        problems,
    );

    Ok(())
}

#[tokio::test]
async fn the_quiz_and_the_sign_up_work_with_the_keyboard_alone() {
    Scenario::new("a11y: keyboard only")
        .timeout(LONG)
        .run(|ctx| async move {
            // Each step's failure names the step; the problems that do not stop a step are
            // reported together at the end.
            let mut problems = Problems::new();
            let mut shown = keys_start_the_quiz(&ctx, &mut problems)
                .await
                .context("keyboard step 1: Tab to \"Start the quiz\" and start")?;
            for i in 1..=total() {
                shown = keys_answer(&ctx, i, shown, &mut problems)
                    .await
                    .with_context(|| format!("keyboard step 2: answer question {i}"))?;
            }
            keys_sign_up(&ctx, &shown, &mut problems)
                .await
                .context("keyboard step 3: the sign-up from the results")?;
            keys_not_now_and_back(&ctx, &mut problems)
                .await
                .context("keyboard step 4: \"Not now\" and \"Show the sign-up form\"")?;
            ensure!(
                problems.is_empty(),
                "{} keyboard problem(s):\n  {}",
                problems.len(),
                problems.join("\n  ")
            );
            ctx.assert_probe_clean().await
        })
        .await;
}

// ---------------------------------------------------------------------------------------------
// Reflow (320 px) and resized text (200 %)
// ---------------------------------------------------------------------------------------------

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
            let shown = answer(&ctx, false).await?;
            let id = question_for(shown.legend.as_deref().unwrap_or_default())?.id;
            let state = format!("question 1 ({id}) with feedback");
            check_layouts(&ctx, mode, &state, &mut problems).await?;
            // Every other question's feedback at 320 px: option texts and marks differ.
            set_viewport(&ctx, mode, 320).await?;
            for i in 2..=total() {
                next(&ctx).await?;
                let shown = answer(&ctx, false).await?;
                let id = question_for(shown.legend.as_deref().unwrap_or_default())?.id;
                check_narrow(
                    &ctx,
                    &format!("question {i} ({id}) with feedback"),
                    &mut problems,
                )
                .await?;
            }
            next(&ctx).await?;
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
