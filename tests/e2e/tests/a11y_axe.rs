//! Accessibility of the widget in every state, checked by axe-core, in Chromium, Firefox and
//! WebKit with a fresh profile. (The keyboard is `a11y_keyboard.rs`, reflow and the reader's text
//! preferences `a11y_reflow.rs`; the host page is [`e2e::a11y`].)
//!
//! axe-core (the exact version pinned in `tests/e2e/package.json`, installed into
//! `tests/e2e/node_modules` by `npm ci`, which `cargo xtask test` runs) finds no WCAG 2.0/2.1/2.2
//! A/AA violation inside the widget in any state: the explainer, a question, the feedback when
//! right and when wrong, the results, the sign-up form showing its errors, and signed up; each
//! state in the light palette and again in the dark one. A canary first proves the run can fail
//! (light grey text must be reported), and every run must have measured the contrast of enough
//! elements to prove axe saw into the shadow root.
//!
//! How, and why:
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
//!
//! Needs the release bundle (`cargo xtask dist`) and `npm ci` in `tests/e2e`.

use std::fmt::Write as _;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use anyhow::{anyhow, bail, ensure, Context};
use cto_cio_quiz::newsletter::{Delivery, FieldError, FormState};
use e2e::a11y::{open_ready, ACTION, LONG};
use e2e::page::sleep_ms;
use e2e::widget::{status_line, Post, CONSENT_ERROR, EMAIL_ERROR, HOST, SUBSCRIBE};
use e2e::{Ctx, Scenario};
use fantoccini::wd::TimeoutConfiguration;
use serde::Deserialize;
use serde_json::json;

/// axe's rule tags for WCAG 2.0, 2.1 and 2.2 at levels A and AA.
const WCAG_TAGS: [&str; 5] = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
/// Fewer text elements with a measured contrast means axe did not look inside the widget.
const MIN_CONTRAST_CHECKED: usize = 20;

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
    let path = e2e::server::dist_dir().join(e2e::server::bundle_name("widget.css")?);
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

            let quiz = ctx.widget(HOST);
            quiz.start().await?;
            axe_light_and_dark(&ctx, "a question", &mut report).await?;
            quiz.answer(true).await?;
            axe_light_and_dark(&ctx, "feedback when right", &mut report).await?;
            quiz.next().await?;
            quiz.answer(false).await?;
            axe_light_and_dark(&ctx, "feedback when wrong", &mut report).await?;

            // Mixed answers, so the results show both verdicts and topics to re-read.
            let results = quiz.play_to_results(|i| i % 3 != 1).await?.results;
            ensure!(results.kind == "results", "no results: {results:?}");
            axe_light_and_dark(&ctx, "results", &mut report).await?;

            // The sign-up, submitted empty: both errors shown.
            ctx.shadow_click(HOST, SUBSCRIBE).await?;
            quiz.wait_text_is(EMAIL_ERROR, FieldError::EmailMissing.message())
                .await?;
            quiz.wait_text_is(CONSENT_ERROR, FieldError::ConsentMissing.message())
                .await?;
            axe_light_and_dark(&ctx, "sign-up form with errors", &mut report).await?;

            let email = "axe@example.com";
            quiz.fill_signup(email).await?;
            quiz.submit_and_expect_post(
                &status_line(&FormState::Sent(Delivery::Confirmed)),
                &Post::cors(ACTION, &[("email", email)]),
            )
            .await?;
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
