//! Accessibility of the widget, each scenario in Chromium, Firefox and WebKit with a fresh profile:
//!
//! - **axe-core** (the exact version pinned in `tests/e2e/package.json`, installed into
//!   `tests/e2e/node_modules` by `npm ci`, which `cargo xtask test` runs) finds no WCAG 2.0/2.1/2.2
//!   A/AA violation inside the widget in any state: the explainer, a question, the feedback when
//!   right and when wrong, the results, the sign-up form showing its errors, and signed up; each
//!   state in the light palette and again in the dark one.
//! - **Keyboard only**: the whole quiz and the sign-up taken with Tab, Shift+Tab, arrows, Space,
//!   Enter and typed characters (WebDriver key actions, which go to whatever has focus), checking
//!   after every key where focus is (never dropped to `<body>`) and that a focused control shows a
//!   focus indicator.
//! - **Reflow and resize**: no horizontal scrolling at a 320 CSS px viewport (WCAG 1.4.10), at
//!   640 px (what a 1280 px window shows at 200 % page zoom), and at 1280 px with the widget's text
//!   at 200 % (WCAG 1.4.4), in the explainer, a question with its feedback, and the results.
//!
//! How the checks are done, and why:
//!
//! - axe is injected with WebDriver *execute script* (its source read from node_modules): scripts
//!   run by the driver are not subject to the page's Content-Security-Policy, so the strict CSP
//!   header stays on. It runs on the host element; axe descends into open shadow roots.
//! - Dark mode: no engine lets a WebDriver client switch `prefers-color-scheme` through standard
//!   commands (Chromium only through CDP, which fantoccini cannot reach here). The test instead
//!   applies the widget's own `@media (prefers-color-scheme: dark)` block through the CSSOM (its
//!   media text set to `all`, plus `:host { color-scheme: dark }` as a real dark preference would
//!   give), which activates exactly the declarations a dark-mode reader gets, in every engine.
//! - 200 % text: the widget sizes everything in `em` from `:host { font-size: var(--ccq-font-size,
//!   medium) }`, so doubling the host page's root font size would not reach it (by design: blogs
//!   shrink their root size). The test sets `--ccq-font-size: 200%` on the host element through
//!   its CSSOM `style` (allowed under the CSP, unlike a `style` attribute in markup): text twice
//!   the reader's default size, as a browser's text-only zoom or a 32 px default font gives.
//!
//! Host page: `pages/a11y-host.html`, whose script builds `<cto-cio-quiz id="quiz">` from the query
//! string (like `newsletter-host.html`) between two host links. Needs the release bundle (`cargo
//! xtask dist`) and `npm ci` in `tests/e2e`.

use std::fmt::Write as _;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use anyhow::{anyhow, bail, ensure, Context};
use cto_cio_quiz::content::{Question, QUESTIONS};
use e2e::page::sleep_ms;
use e2e::{Ctx, Scenario};
use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::wd::TimeoutConfiguration;
use serde::Deserialize;
use serde_json::json;

/// The widget on the host page.
const HOST: &str = "#quiz";
/// axe's rule tags for WCAG 2.0, 2.1 and 2.2 at levels A and AA.
const WCAG_TAGS: [&str; 5] = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
/// Fewer text elements with a measured contrast means axe did not look inside the widget.
const MIN_CONTRAST_CHECKED: usize = 20;
/// Scenarios that play the whole quiz get more than the default 120 s per engine.
const LONG: Duration = Duration::from_secs(300);
/// How long one step (a key or click and its re-render) may take.
const STEP: Duration = Duration::from_secs(10);

const SUBSCRIBED: &str = "You're on the list — thanks!";
const EMAIL_MISSING: &str = "Enter your e-mail address, like name@example.com.";
const CONSENT_MISSING: &str = "Tick the box to confirm you want to receive the newsletter.";

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
/// server's recorder (the generic provider: a CORS POST, "You're on the list — thanks!").
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
    wait_screen(ctx, "the start screen", |s| s.kind == "start").await?;
    Ok(())
}

/// The number of questions in a run.
fn total() -> usize {
    QUESTIONS.len()
}

fn progress_text(i: usize) -> String {
    format!("Question {i} of {}", total())
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The bank's question whose prompt is `legend`.
fn question_for(legend: &str) -> e2e::Result<&'static Question> {
    QUESTIONS
        .iter()
        .find(|q| collapse(q.prompt) == legend)
        .ok_or_else(|| anyhow!("the legend {legend:?} is not the prompt of any question"))
}

/// The option of `question` that is right (or wrong, with `right == false`).
fn option_id(question: &'static Question, right: bool) -> e2e::Result<&'static str> {
    question
        .options
        .iter()
        .find(|o| o.correct == right)
        .map(|o| o.id)
        .ok_or_else(|| anyhow!("{} has no option with correct == {right}", question.id))
}

/// What the quiz section shows, read in one script.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
struct Screen {
    /// `start`, `question`, `results` or `other`.
    kind: String,
    progress: Option<String>,
    legend: Option<String>,
    /// The radios' values in display order.
    options: Vec<String>,
    checked: Option<String>,
    verdict: Option<String>,
    /// The question form's submit button.
    action: Option<String>,
    score: Option<String>,
}

const SCREEN_JS: &str = r#"
const host = document.querySelector(arguments[0]);
const quiz = host && host.shadowRoot && host.shadowRoot.querySelector('section#quiz');
if (!quiz) return null;
const text = (el) => el ? el.textContent.replace(/\s+/g, ' ').trim() : null;
const form = quiz.querySelector('form.ccq-question');
const results = quiz.querySelector('.ccq-results');
const radios = form ? Array.from(form.querySelectorAll('input[type=radio]')) : [];
const checked = radios.find((r) => r.checked);
const start = Array.from(quiz.querySelectorAll('button')).some((b) => text(b) === 'Start the quiz');
return {
  kind: form ? 'question' : results ? 'results' : start ? 'start' : 'other',
  progress: form ? text(form.querySelector('.ccq-progress-text')) : null,
  legend: form ? text(form.querySelector('fieldset > legend')) : null,
  options: radios.map((r) => r.value),
  checked: checked ? checked.value : null,
  verdict: form ? text(form.querySelector('.ccq-feedback .ccq-verdict')) : null,
  action: form ? text(form.querySelector('button[type=submit]')) : null,
  score: results ? text(results.querySelector('.ccq-score')) : null,
};
"#;

async fn screen(ctx: &Ctx) -> e2e::Result<Option<Screen>> {
    ctx.eval(SCREEN_JS, vec![json!(HOST)]).await
}

/// Polls the quiz section until `done` holds; fails after [`STEP`] naming `what`.
async fn wait_screen(ctx: &Ctx, what: &str, done: impl Fn(&Screen) -> bool) -> e2e::Result<Screen> {
    let deadline = Instant::now() + STEP;
    loop {
        let shown = screen(ctx).await?;
        if let Some(shown) = shown.as_ref().filter(|s| done(s)) {
            return Ok(shown.clone());
        }
        if Instant::now() > deadline {
            bail!(
                "timed out after {STEP:?} waiting for {what}; the quiz shows {shown:?}; probe: {}",
                ctx.probe_summary().await
            );
        }
        sleep_ms(50).await;
    }
}

/// Clicks (a real WebDriver click) the quiz section's button labelled `label`.
async fn click_button(ctx: &Ctx, label: &str) -> e2e::Result<()> {
    let found: bool = ctx
        .eval(
            "const root = document.querySelector(arguments[0]).shadowRoot; \
             const b = Array.from(root.querySelectorAll('section#quiz button')).find( \
               (b) => b.textContent.replace(/\\s+/g, ' ').trim() === arguments[1]); \
             root.querySelectorAll('[data-ccq-a11y-target]').forEach((e) => \
               e.removeAttribute('data-ccq-a11y-target')); \
             if (b) b.setAttribute('data-ccq-a11y-target', ''); \
             return !!b;",
            vec![json!(HOST), json!(label)],
        )
        .await?;
    ensure!(found, "no button {label:?} in the quiz section");
    ctx.shadow_click(HOST, "[data-ccq-a11y-target]").await
}

/// Starts the quiz with a click and waits for question 1.
async fn start(ctx: &Ctx) -> e2e::Result<Screen> {
    click_button(ctx, "Start the quiz").await?;
    wait_screen(ctx, "question 1", |s| {
        s.progress.as_deref() == Some(progress_text(1).as_str())
    })
    .await
}

/// Answers the question on screen (right or wrong on purpose) with clicks and waits for the
/// feedback.
async fn answer(ctx: &Ctx, right: bool) -> e2e::Result<Screen> {
    let before = wait_screen(ctx, "a question waiting for an answer", |s| {
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
    wait_screen(ctx, "the option to be checked", |s| {
        s.checked.as_deref() == Some(id)
    })
    .await?;
    ctx.shadow_click(HOST, "form.ccq-question button[type=submit]")
        .await?;
    let verdict = if right { "Right!" } else { "Not quite." };
    wait_screen(ctx, &format!("the verdict {verdict:?}"), |s| {
        s.verdict.as_deref() == Some(verdict)
    })
    .await
}

/// "Next question" / "See my results" with a click; waits for the next screen.
async fn next(ctx: &Ctx) -> e2e::Result<Screen> {
    let now = screen(ctx).await?.unwrap_or_default();
    let progress = now.progress.clone();
    ctx.shadow_click(HOST, "form.ccq-question button[type=submit]")
        .await?;
    wait_screen(ctx, "the next question or the results", |s| {
        s.kind == "results" || (s.progress != progress && s.verdict.is_none())
    })
    .await
}

/// Answers every remaining question (`right(i)` for the 0-based index) up to the results.
async fn play_to_results(ctx: &Ctx, right: impl Fn(usize) -> bool) -> e2e::Result<Screen> {
    loop {
        let now = screen(ctx).await?.unwrap_or_default();
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
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/node_modules/axe-core/axe.min.js");
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
    // Let the style change apply before colours are measured.
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

/// axe in the light palette, then in the dark one; every violation goes into `report`.
async fn axe_light_and_dark(ctx: &Ctx, state: &str, report: &mut Vec<String>) -> e2e::Result<()> {
    report.extend(axe_check(ctx, state).await?);
    force_dark(ctx, true).await?;
    report.extend(axe_check(ctx, &format!("{state} (dark)")).await?);
    force_dark(ctx, false).await
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
            axe_light_and_dark(&ctx, "explainer (start screen)", &mut report).await?;

            start(&ctx).await?;
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
            wait_text(&ctx, "#ccq-email-error", EMAIL_MISSING).await?;
            wait_text(&ctx, "#ccq-consent-error", CONSENT_MISSING).await?;
            axe_light_and_dark(&ctx, "sign-up form with errors", &mut report).await?;

            ctx.shadow_find(HOST, "#ccq-email")
                .await?
                .send_keys("axe@example.com")
                .await?;
            ctx.shadow_click(HOST, "form.ccq-signup input[type=checkbox]")
                .await?;
            ctx.shadow_click(HOST, "form.ccq-signup button[type=submit]")
                .await?;
            wait_text(&ctx, ".ccq-cta p.ccq-status[role=status]", SUBSCRIBED).await?;
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

/// Waits until the shadow-root element `sel` says exactly `expected`.
async fn wait_text(ctx: &Ctx, sel: &str, expected: &str) -> e2e::Result<()> {
    let deadline = Instant::now() + STEP;
    loop {
        let now = ctx.shadow_text(HOST, sel).await?.unwrap_or_default();
        if now == expected {
            return Ok(());
        }
        if Instant::now() > deadline {
            bail!(
                "`{sel}` never said {expected:?} (last {now:?}); probe: {}",
                ctx.probe_summary().await
            );
        }
        sleep_ms(50).await;
    }
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

/// Polls focus until `done` holds (focus moves in an effect after the re-render).
async fn wait_focus(ctx: &Ctx, what: &str, done: impl Fn(&Focus) -> bool) -> e2e::Result<Focus> {
    let deadline = Instant::now() + Duration::from_secs(3);
    loop {
        let f = focus(ctx).await?;
        if done(&f) {
            return Ok(f);
        }
        if Instant::now() > deadline {
            bail!("focus is not on {what}: document has {}, the widget has {:?}", f.doc, f.shadow);
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
    let mut path = Vec::new();
    for n in 1..=max {
        press(ctx, &[TAB]).await?;
        let f = focus(ctx).await?;
        check_focus(ctx, &format!("Tab #{n} towards {what}"), &f, problems);
        path.push(f.shadow.clone().unwrap_or_else(|| f.doc.clone()));
        if done(&f) {
            return Ok((f, n));
        }
    }
    bail!(
        "{max} Tabs never reached {what}; focus went through: {}",
        path.join(" → ")
    )
}

fn is_button(f: &Focus, label: &str) -> bool {
    f.tag.as_deref() == Some("button") && f.text.as_deref() == Some(label)
}

#[tokio::test]
async fn the_quiz_and_the_sign_up_work_with_the_keyboard_alone() {
    Scenario::new("a11y: keyboard only")
        .timeout(LONG)
        .run(|ctx| async move {
            let mut problems = Vec::new();
            open_ready(&ctx, "a11y-keys").await?;
            // From the top of the page, as a reader arriving with the keyboard.
            ctx.eval::<()>("window.scrollTo(0, 0); document.activeElement.blur();", vec![])
                .await?;
            let (_, tabs) = tab_until(&ctx, "\"Start the quiz\"", 40, &mut problems, |f| {
                is_button(f, "Start the quiz")
            })
            .await?;
            eprintln!("[a11y] {}: {tabs} Tabs to \"Start the quiz\"", ctx.engine);
            press(&ctx, &[ENTER]).await?;
            let mut shown = wait_screen(&ctx, "question 1", |s| {
                s.progress.as_deref() == Some(progress_text(1).as_str())
            })
            .await?;
            let f = wait_focus(&ctx, "question 1's fieldset", |f| {
                f.tag.as_deref() == Some("fieldset")
            })
            .await?;
            check_focus(&ctx, "Start", &f, &mut problems);

            for i in 1..=total() {
                let question = question_for(shown.legend.as_deref().unwrap_or_default())?;
                let right = option_id(question, true)?;
                let index = shown
                    .options
                    .iter()
                    .position(|o| o == right)
                    .ok_or_else(|| anyhow!("{right} is not on screen: {shown:?}"))?;
                let step = format!("question {i}");
                // Tab from the fieldset into the radio group: the first radio (none is checked).
                press(&ctx, &[TAB]).await?;
                let f = focus(&ctx).await?;
                check_focus(&ctx, &format!("Tab into {step}'s options"), &f, &mut problems);
                ensure!(
                    f.input_type.as_deref() == Some("radio")
                        && f.value.as_deref() == Some(shown.options[0].as_str()),
                    "{step}: Tab from the fieldset went to {:?} instead of the first option {:?}",
                    f.shadow,
                    shown.options[0]
                );
                if index == 0 {
                    press(&ctx, &[SPACE]).await?;
                } else {
                    press(&ctx, &vec![ARROW_DOWN; index]).await?;
                }
                let picked = wait_screen(&ctx, &format!("{step}: {right} checked"), |s| {
                    s.checked.as_deref() == Some(right)
                })
                .await?;
                let f = focus(&ctx).await?;
                check_focus(&ctx, &format!("selecting in {step}"), &f, &mut problems);
                ensure!(
                    f.value.as_deref() == Some(right),
                    "{step}: focus is on {:?} after selecting {right}",
                    f.shadow
                );
                if i == 1 {
                    // Out of the group and back: focus returns to the checked radio.
                    shift_tab(&ctx).await?;
                    let f = focus(&ctx).await?;
                    check_focus(&ctx, &format!("Shift+Tab in {step}"), &f, &mut problems);
                    press(&ctx, &[TAB]).await?;
                    let f = focus(&ctx).await?;
                    ensure!(
                        f.value.as_deref() == Some(right),
                        "{step}: Shift+Tab then Tab landed on {:?}, not the checked option",
                        f.shadow
                    );
                }
                // Enter in the radio group submits the form ("Check answer").
                press(&ctx, &[ENTER]).await?;
                let checked = wait_screen(&ctx, &format!("{step}: the feedback after Enter"), |s| {
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
                        tab_until(&ctx, "\"Check answer\"", 5, &mut problems, |f| {
                            is_button(f, "Check answer")
                        })
                        .await?;
                        press(&ctx, &[ENTER]).await?;
                        wait_screen(&ctx, &format!("{step}: the feedback"), |s| {
                            s.verdict.is_some()
                        })
                        .await?
                    }
                };
                ensure!(
                    checked.verdict.as_deref() == Some("Right!") && picked.legend == checked.legend,
                    "{step}: expected \"Right!\" for {right}: {checked:?}"
                );
                let label = if i == total() { "See my results" } else { "Next question" };
                let f = wait_focus(&ctx, &format!("{step}'s {label:?} button"), |f| {
                    is_button(f, label)
                })
                .await?;
                check_focus(&ctx, &format!("checking {step}"), &f, &mut problems);

                press(&ctx, &[ENTER]).await?;
                if i == total() {
                    shown = wait_screen(&ctx, "the results", |s| s.kind == "results").await?;
                    let f = wait_focus(&ctx, "the results heading", |f| {
                        f.tag.as_deref() == Some("h4") && f.text.as_deref() == Some("Your result")
                    })
                    .await?;
                    check_focus(&ctx, "See my results", &f, &mut problems);
                } else {
                    let expected = progress_text(i + 1);
                    shown = wait_screen(&ctx, &expected, |s| {
                        s.progress.as_deref() == Some(expected.as_str()) && s.verdict.is_none()
                    })
                    .await?;
                    let f = wait_focus(&ctx, &format!("question {}'s fieldset", i + 1), |f| {
                        f.tag.as_deref() == Some("fieldset")
                    })
                    .await?;
                    check_focus(&ctx, &format!("Next after {step}"), &f, &mut problems);
                }
            }
            let n = total();
            let score = shown.score.clone().unwrap_or_default();
            ensure!(
                score.starts_with(&format!("{n} / {n}")),
                "all answers were right but the score says {score:?}"
            );

            // The sign-up: from the results heading to the e-mail field.
            let (_, tabs) = tab_until(&ctx, "the e-mail field", 150, &mut problems, |f| {
                f.id.as_deref() == Some("ccq-email")
            })
            .await?;
            eprintln!("[a11y] {}: {tabs} Tabs from the results to the e-mail field", ctx.engine);
            // Enter in the empty field submits: the error is shown and focus stays on the field.
            press(&ctx, &[ENTER]).await?;
            wait_text(&ctx, "#ccq-email-error", EMAIL_MISSING).await?;
            let f = wait_focus(&ctx, "the e-mail field after the error", |f| {
                f.id.as_deref() == Some("ccq-email")
            })
            .await?;
            check_focus(&ctx, "submitting the empty form", &f, &mut problems);
            let email = "keys.only@example.com";
            press(&ctx, &email.chars().collect::<Vec<_>>()).await?;
            // Back and forth once with Shift+Tab.
            shift_tab(&ctx).await?;
            let f = focus(&ctx).await?;
            check_focus(&ctx, "Shift+Tab from the e-mail field", &f, &mut problems);
            press(&ctx, &[TAB]).await?;
            wait_focus(&ctx, "the e-mail field again", |f| {
                f.id.as_deref() == Some("ccq-email")
            })
            .await?;
            press(&ctx, &[TAB]).await?;
            let f = focus(&ctx).await?;
            check_focus(&ctx, "Tab to the consent box", &f, &mut problems);
            ensure!(
                f.input_type.as_deref() == Some("checkbox"),
                "Tab from the e-mail field went to {:?}, not the consent box",
                f.shadow
            );
            press(&ctx, &[SPACE]).await?;
            let f = focus(&ctx).await?;
            ensure!(f.checked, "Space did not tick the consent box ({:?})", f.shadow);
            let (_, _) = tab_until(&ctx, "\"Subscribe\"", 3, &mut problems, |f| {
                is_button(f, "Subscribe")
            })
            .await?;
            press(&ctx, &[ENTER]).await?;
            wait_text(&ctx, ".ccq-cta p.ccq-status[role=status]", SUBSCRIBED).await?;
            let posts = ctx.server.newsletter_posts();
            ensure!(
                posts.len() == 1 && posts[0].form_field("email").as_deref() == Some(email),
                "expected one POST with {email}, got {:?}",
                posts.iter().map(|p| p.body_text()).collect::<Vec<_>>()
            );
            // Where is focus now that the form is gone?
            sleep_ms(200).await;
            let f = focus(&ctx).await?;
            check_focus(&ctx, "subscribing", &f, &mut problems);

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
    offenders: Vec<String>,
}

const OVERFLOW_JS: &str = r#"
const de = document.documentElement;
const limit = de.clientWidth + 0.5;
const offenders = [];
const visit = (root) => {
  for (const el of root.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.right > limit) {
      const cls = typeof el.className === 'string' && el.className ? '.' + el.className.split(/\s+/).join('.') : '';
      offenders.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + cls +
        ' right=' + Math.round(r.right) + ' width=' + Math.round(r.width) +
        ' "' + (el.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 40) + '"');
    }
    if (el.shadowRoot) visit(el.shadowRoot);
  }
};
visit(document);
return {client_width: de.clientWidth, scroll_width: de.scrollWidth, inner_width: window.innerWidth,
        offenders: offenders.slice(0, 8)};
"#;

async fn overflow(ctx: &Ctx) -> e2e::Result<Overflow> {
    ctx.eval(OVERFLOW_JS, vec![]).await
}

/// Resizes the window until the viewport (`documentElement.clientWidth`, scrollbar excluded) is
/// `width` CSS px; returns the width reached (a browser may refuse to go that narrow).
async fn set_viewport(ctx: &Ctx, width: u32) -> e2e::Result<f64> {
    let mut outer = width + 20;
    let mut reached = 0.0;
    for _ in 0..4 {
        ctx.client
            .set_window_rect(0, 0, outer, 900)
            .await
            .with_context(|| format!("resizing the window to {outer} px"))?;
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

/// The three layouts checked in each state.
const LAYOUTS: [(&str, u32, Option<&str>); 3] = [
    ("320 px viewport (reflow, WCAG 1.4.10)", 320, None),
    ("640 px viewport (a 1280 px window at 200 % zoom)", 640, None),
    ("1280 px viewport, text at 200 % (WCAG 1.4.4)", 1280, Some("200%")),
];

/// Checks every layout in the current state; problems go into `problems`.
async fn check_layouts(ctx: &Ctx, state: &str, problems: &mut Vec<String>) -> e2e::Result<()> {
    for (name, width, text) in LAYOUTS {
        set_text_size(ctx, text).await?;
        let reached = set_viewport(ctx, width).await?;
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
            "[a11y] {} / {state} / {name}: clientWidth {} scrollWidth {} innerWidth {}",
            ctx.engine, o.client_width, o.scroll_width, o.inner_width
        );
        if o.scroll_width > o.client_width {
            problems.push(format!(
                "[{}] {state}, {name}: horizontal scrolling (scrollWidth {} > clientWidth {}); \
                 sticking out: {}",
                ctx.engine,
                o.scroll_width,
                o.client_width,
                o.offenders.join("; ")
            ));
        }
    }
    set_text_size(ctx, None).await
}

#[tokio::test]
async fn no_horizontal_scrolling_at_320_px_or_with_200_percent_text() {
    Scenario::new("a11y: reflow and resized text")
        .timeout(LONG)
        .run(|ctx| async move {
            let mut problems = Vec::new();
            open_ready(&ctx, "a11y-layout").await?;
            check_layouts(&ctx, "explainer", &mut problems).await?;
            ctx.client.set_window_size(1024, 900).await?;
            start(&ctx).await?;
            answer(&ctx, false).await?;
            check_layouts(&ctx, "question with feedback", &mut problems).await?;
            ctx.client.set_window_size(1024, 900).await?;
            play_to_results(&ctx, |i| i % 2 == 0).await?;
            check_layouts(&ctx, "results", &mut problems).await?;
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
