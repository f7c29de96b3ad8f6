//! Reading and driving one widget as a reader would: the one place scenarios get the quiz's
//! screen, click a button by its label, wait for a text inside the shadow root, play the quiz
//! ([`quiz`]: [`Widget::answer`], [`Widget::next`], [`Widget::play_to_results`]) and submit the
//! sign-up ([`signup`]: [`Widget::fill_signup`], [`Widget::submit_and_expect_post`]).
//!
//! ```no_run
//! # async fn demo(ctx: &e2e::Ctx) -> e2e::Result {
//! use e2e::widget::HOST;
//! let quiz = ctx.widget(HOST); // `#quiz`, the widget of every single-widget page
//! quiz.wait_screen("the start screen", |s| s.kind == "start").await?;
//! let first = quiz.start().await?; // "Start the quiz", then question 1
//! assert!(first.legend.is_some());
//! let answered = quiz.answer(true).await?; // the bank's right option, then "Check answer"
//! assert_eq!(answered.shown.verdict.as_deref(), Some("Right!"));
//! quiz.next().await?; // "Next question": question 2
//! let played = quiz.play_to_results(|i| i % 2 == 0).await?; // the rest, to the results
//! assert_eq!(played.results.kind, "results");
//! # Ok(()) }
//! ```
//!
//! Every wait polls a condition until [`STEP`] runs out and then fails with what it waited for,
//! the last thing it saw and the console probe's log: nothing here sleeps a fixed time (except
//! where a stray second request must be given time to show, see [`signup`]).
//! Pages with several widgets pass each one's selector (`ctx.widget("#w3")`).
//!
//! The selectors below are the shadow root's, written once. Scripts that need them take them as an
//! argument ([`selectors`]) instead of spelling them in their text.

pub mod quiz;
pub mod signup;

pub use quiz::{option, verdict, Answered, Played};
pub use signup::{settled_posts, wait_for_a_post, Field, Post, SETTLE_MS};

use std::time::{Duration, Instant};

use anyhow::{anyhow, bail};
use serde::Deserialize;
use serde_json::{json, Value};

use crate::bank::progress_text;
use crate::page::sleep_ms;
use crate::session::Ctx;

/// The widget of every single-widget host page.
pub const HOST: &str = "#quiz";
/// How long one step (a click or a key and its re-render) may take: generous, because two
/// browsers may share two cores with a compiler.
pub const STEP: Duration = Duration::from_secs(10);

/// A selector inside the question form: `form.ccq-question` and then `$rest`.
macro_rules! in_question {
    ($rest:literal) => {
        concat!("form.ccq-question", $rest)
    };
}

/// A selector inside the sign-up form: `form.ccq-signup` and then `$rest`.
macro_rules! in_signup {
    ($rest:literal) => {
        concat!("form.ccq-signup", $rest)
    };
}

/// The quiz section inside the shadow root; its buttons are what [`Widget::click_button`] finds.
pub const QUIZ: &str = "section#quiz";
/// The question on screen: one form per question, from "Check answer" to "Next question".
pub const QUESTION: &str = in_question!("");
/// The question's options (radios; each one's value is the option id).
pub const OPTIONS: &str = in_question!(" input[type=radio]");
/// The question's prompt.
pub const LEGEND: &str = in_question!(" fieldset > legend");
/// The question's "Question i of N" line.
pub const PROGRESS: &str = in_question!(" .ccq-progress-text");
/// The question form's one button: "Check answer", then "Next question" or "See my results".
pub const QUESTION_BUTTON: &str = in_question!(" button[type=submit]");
/// The feedback's verdict ("Right!" or "Not quite."), once an answer is checked.
pub const VERDICT: &str = in_question!(" .ccq-feedback .ccq-verdict");
/// The feedback's "Read more" link into the explainer.
pub const READ_MORE: &str = in_question!(" .ccq-feedback a[data-reveal]");
/// The results screen, inside [`QUIZ`].
pub const RESULTS: &str = ".ccq-results";

/// The sign-up form.
pub const SIGNUP: &str = in_signup!("");
/// The sign-up's e-mail field.
pub const EMAIL: &str = "#ccq-email";
/// The e-mail field's error line.
pub const EMAIL_ERROR: &str = "#ccq-email-error";
/// The consent box.
pub const CONSENT: &str = "input[type=checkbox][aria-describedby=ccq-consent-error]";
/// The consent box's error line.
pub const CONSENT_ERROR: &str = "#ccq-consent-error";
/// The widget's own bot trap (a field a reader never sees).
pub const HONEYPOT: &str = "input[name=ccq-website]";
/// "Subscribe".
pub const SUBSCRIBE: &str = in_signup!(" button[type=submit]");
/// "Not now" (hides the form).
pub const NOT_NOW: &str = in_signup!(" .ccq-actions button.ccq-link-btn");
/// "Show the sign-up form" (brings it back).
pub const SHOW_FORM: &str = ".ccq-cta .ccq-note button.ccq-link-btn";
/// The sign-up's status line (a polite live region), inside the shadow root.
pub const STATUS: &str = ".ccq-cta p.ccq-status[role=status]";

/// The selectors a script needs, as one object to pass as an argument (`const S = arguments[n]`):
/// `S.quiz`, `S.question`, `S.options`, `S.legend`, `S.progress`, `S.button`, `S.verdict`,
/// `S.read_more`, `S.results`.
pub fn selectors() -> Value {
    json!({
        "quiz": QUIZ,
        "question": QUESTION,
        "options": OPTIONS,
        "legend": LEGEND,
        "progress": PROGRESS,
        "button": QUESTION_BUTTON,
        "verdict": VERDICT,
        "read_more": READ_MORE,
        "results": RESULTS,
    })
}

/// What the quiz section (`section#quiz` in the shadow root) shows, read in one script.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(default)]
pub struct Screen {
    /// `start`, `question`, `results` or `other`.
    pub kind: String,
    /// The section's h3.
    pub title: Option<String>,
    /// `p.ccq-note` (the cannot-save note).
    pub note: Option<String>,
    /// `.ccq-history`, the best score line.
    pub history: Option<String>,
    /// Every button's label in the section, in order.
    pub buttons: Vec<String>,
    /// `.ccq-progress-text`.
    pub progress: Option<String>,
    /// The question's prompt.
    pub legend: Option<String>,
    /// The radios' values (option ids) in display order.
    pub options: Vec<String>,
    /// The checked radio's value.
    pub checked: Option<String>,
    /// All radios disabled (after checking).
    pub disabled: bool,
    /// `.ccq-feedback .ccq-verdict`.
    pub verdict: Option<String>,
    /// The feedback's "Read more" link target (`data-reveal`).
    pub read_more: Option<String>,
    /// The form's submit button.
    pub action: Option<String>,
    /// `.ccq-score`.
    pub score: Option<String>,
    /// `.ccq-tier`.
    pub tier: Option<String>,
    /// Each `.ccq-review > li`: its prompt, its verdict text and the verdict's whole line.
    pub review: Vec<(String, String, String)>,
    /// Each `.ccq-breakdown li`: its spans' texts (topic, "c / t").
    pub breakdown: Vec<Vec<String>>,
    /// The polite live region's text (e.g. after "Forget my data").
    pub notice: Option<String>,
}

/// Reads [`Screen`] for the host `arguments[0]` ([`selectors`] in `arguments[1]`); `null` until
/// the quiz section is rendered.
const SCREEN_JS: &str = r#"
const host = document.querySelector(arguments[0]);
const S = arguments[1];
const root = host && host.shadowRoot;
const quiz = root && root.querySelector(S.quiz);
if (!quiz) return null;
const text = (el) => el ? el.textContent.replace(/\s+/g, ' ').trim() : null;
const q = (sel) => quiz.querySelector(sel);
const buttons = Array.from(quiz.querySelectorAll('button'), text);
const form = q(S.question);
const results = q(S.results);
const radios = Array.from(quiz.querySelectorAll(S.options));
const checked = radios.find((r) => r.checked);
const link = q(S.read_more);
return {
  kind: form ? 'question' : results ? 'results' : buttons.includes('Start the quiz') ? 'start' : 'other',
  title: text(q('h3')),
  note: text(q('p.ccq-note')),
  history: text(q('.ccq-history')),
  buttons,
  progress: text(q(S.progress)),
  legend: text(q(S.legend)),
  options: radios.map((r) => r.value),
  checked: checked ? checked.value : null,
  disabled: radios.length > 0 && radios.every((r) => r.disabled),
  verdict: text(q(S.verdict)),
  read_more: link ? link.getAttribute('data-reveal') : null,
  action: text(q(S.button)),
  score: results ? text(results.querySelector('.ccq-score')) : null,
  tier: results ? text(results.querySelector('.ccq-tier')) : null,
  review: results ? Array.from(results.querySelectorAll('.ccq-review > li'),
    (li) => { const v = li.querySelector('.ccq-verdict');
      return [text(li.querySelector('strong')) || '', text(v) || '', text(v && v.parentElement) || '']; }) : [],
  breakdown: results ? Array.from(results.querySelectorAll('.ccq-breakdown li'),
    (li) => Array.from(li.querySelectorAll('span'), text)) : [],
  notice: text(q('.ccq-sr[aria-live]')),
};
"#;

/// One `<cto-cio-quiz>` element of the current page, by its document-level selector.
#[derive(Clone, Copy)]
pub struct Widget<'a> {
    ctx: &'a Ctx,
    host: &'a str,
}

/// Adds `<cto-cio-quiz id=… storage-key=…>` with a one-line fallback to the element `#route`.
const ADD_WIDGET_JS: &str = r#"
const [route, id, key] = arguments;
const el = document.createElement('cto-cio-quiz');
el.id = id;
el.setAttribute('storage-key', key);
const fallback = document.createElement('p');
fallback.className = 'fallback';
fallback.textContent = 'Read the article: CTO vs CIO';
el.append(fallback);
document.getElementById(route).append(el);
return true;
"#;

impl Ctx {
    /// The widget at `host` (a document-level selector, usually [`HOST`]).
    pub fn widget<'a>(&'a self, host: &'a str) -> Widget<'a> {
        Widget { ctx: self, host }
    }

    /// Adds a widget `id` with its own `storage-key` and a one-line fallback inside the page's
    /// element `#route`, as a single-page app's router does.
    pub async fn add_widget(&self, route: &str, id: &str, key: &str) -> crate::Result<()> {
        self.eval::<bool>(ADD_WIDGET_JS, vec![json!(route), json!(id), json!(key)])
            .await
            .map(drop)
    }
}

impl Widget<'_> {
    fn screen_args(&self) -> Vec<Value> {
        vec![json!(self.host), selectors()]
    }

    /// What the quiz section shows now (`None` before the widget has rendered it).
    pub async fn screen(&self) -> crate::Result<Option<Screen>> {
        self.ctx.eval(SCREEN_JS, self.screen_args()).await
    }

    /// Polls the quiz section until `done` holds, or fails after [`STEP`] naming `what`, with the
    /// last screen and the probe log.
    pub async fn wait_screen(
        &self,
        what: &str,
        done: impl Fn(&Screen) -> bool,
    ) -> crate::Result<Screen> {
        let shown: Option<Screen> = self
            .ctx
            .wait_eval(
                &format!("{what} in `{}`", self.host),
                STEP,
                SCREEN_JS,
                self.screen_args(),
                |s: &Option<Screen>| s.as_ref().is_some_and(&done),
            )
            .await?;
        shown.ok_or_else(|| anyhow!("the quiz section of `{}` is not rendered", self.host))
    }

    /// Clicks the quiz section's button labelled `label` (a real WebDriver click: real input
    /// events and focus).
    pub async fn click_button(&self, label: &str) -> crate::Result<()> {
        self.ctx.click_shadow_button(self.host, QUIZ, label).await
    }

    /// "Start the quiz" on the start screen; returns question 1.
    pub async fn start(&self) -> crate::Result<Screen> {
        self.click_button("Start the quiz").await?;
        let first = progress_text(1);
        self.wait_screen("question 1 after \"Start the quiz\"", |s| {
            s.progress.as_deref() == Some(first.as_str())
        })
        .await
    }

    /// The whitespace-collapsed text of `sel` in the shadow root ("" while it is missing).
    pub async fn text(&self, sel: &str) -> crate::Result<String> {
        Ok(self
            .ctx
            .shadow_text(self.host, sel)
            .await?
            .unwrap_or_default())
    }

    /// Waits until `sel`'s text satisfies `ok` and returns it; the error names `what`, the last
    /// text, the newsletter posts recorded so far and the probe log.
    pub async fn wait_text(
        &self,
        sel: &str,
        what: &str,
        ok: impl Fn(&str) -> bool,
    ) -> crate::Result<String> {
        let deadline = Instant::now() + STEP;
        loop {
            let now = self.text(sel).await?;
            if ok(&now) {
                return Ok(now);
            }
            if Instant::now() > deadline {
                bail!(
                    "`{sel}` of `{}` never showed {what} within {STEP:?}; last text {now:?}; \
                     recorded posts: {}; probe: {}",
                    self.host,
                    self.ctx.server.newsletter_posts().len(),
                    self.ctx.probe_summary().await
                );
            }
            sleep_ms(50).await;
        }
    }

    /// Waits until `sel` says exactly `expected`.
    pub async fn wait_text_is(&self, sel: &str, expected: &str) -> crate::Result<()> {
        self.wait_text(sel, &format!("{expected:?}"), |t| t == expected)
            .await
            .map(drop)
    }

    /// Waits until the sign-up's status line ([`STATUS`]) says exactly `expected`.
    pub async fn wait_status(&self, expected: &str) -> crate::Result<()> {
        self.wait_text_is(STATUS, expected).await
    }
}

/// The sign-up status line the widget shows in `state`, from the crate, so a wording change
/// cannot leave a test behind ("" for a state without one).
pub fn status_line(state: &cto_cio_quiz::newsletter::FormState) -> String {
    cto_cio_quiz::newsletter::status_message(state)
        .map(|line| line.into_owned())
        .unwrap_or_default()
}
