//! The whole quiz and the sign-up with the keyboard alone, in Chromium, Firefox and WebKit with
//! a fresh profile. (axe is `a11y_axe.rs`, reflow and the reader's text preferences
//! `a11y_reflow.rs`; the host page is [`e2e::a11y`].)
//!
//! Tab, Shift+Tab, arrows, Space, Enter and typed characters (WebDriver key actions, which go to
//! whatever has focus): from the host page into the widget, every question, the results, the
//! sign-up with an empty submit, a refusal by the service and a successful retry, then "Not now"
//! and "Show the sign-up form" on a fresh widget. After every key: focus never dropped to
//! `<body>`, and a focused control shows an indicator (an outline or a box shadow).
//!
//! Needs the release bundle (`cargo xtask dist`).

use std::time::{Duration, Instant};

use anyhow::{anyhow, bail, ensure, Context};
use cto_cio_quiz::newsletter::{Delivery, Failure, FieldError, FormState};
use e2e::a11y::{open_ready, LONG};
use e2e::bank::{option_id, progress_text, question_for, total};
use e2e::page::sleep_ms;
use e2e::widget::{
    status_line, Screen, EMAIL, EMAIL_ERROR, HOST, SHOW_FORM, STATUS, STEP, SUBSCRIBE,
};
use e2e::{Ctx, NewsletterReply, Scenario};
use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use serde::Deserialize;
use serde_json::json;

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
    while ctx.shadow_count(HOST, EMAIL).await? == 0 {
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
        .wait_text_is(EMAIL_ERROR, FieldError::EmailMissing.message())
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
            "document.querySelector(arguments[0]).shadowRoot.querySelector(arguments[1]).focus();",
            vec![json!(HOST), json!(SUBSCRIBE)],
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
        .wait_text_is(SHOW_FORM, "Show the sign-up form")
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
