//! The quiz driver: answering the question on screen right or wrong on purpose, moving on, and
//! playing a run to its results, with real WebDriver clicks inside the shadow root, as a reader
//! would. It recognises the question on screen by its prompt (the fieldset's legend) and takes
//! the right (or a wrong) option from the question bank ([`crate::bank`]); the run's length comes
//! from the progress line ("Question i of N"), so it works on pages with any `questions` count.
//!
//! What it asserts is only what it needs to go on: the option it clicked is checked, the verdict
//! is the one the bank says ("Right!" / "Not quite."), the next screen is the next question (or
//! the results). Scenarios check the rest on the [`Answered`] screens it returns.

use anyhow::{anyhow, ensure, Context};
use cto_cio_quiz::content::Question;

use super::{Screen, Widget, OPTIONS};
use crate::bank::{option_id, parse_progress, progress_of, question_for};

/// One checked answer.
#[derive(Clone, Debug)]
pub struct Answered {
    /// The bank's question that was on screen.
    pub question: &'static Question,
    /// The option clicked.
    pub option: &'static str,
    /// Whether it was the right one.
    pub correct: bool,
    /// The screen before the option was clicked.
    pub before: Screen,
    /// The screen with the feedback open.
    pub shown: Screen,
}

/// A run played to its results by [`Widget::play_to_results`].
#[derive(Clone, Debug)]
pub struct Played {
    /// The answers given, in order (none for a question whose feedback was already open).
    pub answers: Vec<Answered>,
    /// The results screen.
    pub results: Screen,
}

/// The verdict the feedback shows for a right (or wrong) answer.
pub fn verdict(right: bool) -> &'static str {
    if right {
        "Right!"
    } else {
        "Not quite."
    }
}

/// The selector of the question's option `id` (its radio).
pub fn option(id: &str) -> String {
    format!("{OPTIONS}[value=\"{id}\"]")
}

impl Widget<'_> {
    /// Clicks option `id` of the question on screen and waits until it is checked.
    pub async fn choose(&self, id: &str) -> crate::Result<Screen> {
        self.ctx.shadow_click(self.host, &option(id)).await?;
        self.wait_screen(&format!("option {id:?} to be checked"), |s| {
            s.checked.as_deref() == Some(id)
        })
        .await
    }

    /// Answers the question on screen, right or wrong on purpose: clicks the bank's right (or a
    /// wrong) option, then "Check answer", and waits for the feedback, which must give the
    /// matching verdict. Needs instant feedback (the default `feedback` mode).
    pub async fn answer(&self, right: bool) -> crate::Result<Answered> {
        let before = self
            .wait_screen("a question waiting for an answer", |s| {
                s.kind == "question" && s.verdict.is_none() && !s.options.is_empty()
            })
            .await?;
        let question = question_for(before.legend.as_deref().unwrap_or_default())?;
        let option = option_id(question, right)?;
        self.choose(option).await?;
        self.click_button("Check answer").await?;
        let shown = self
            .wait_screen(&format!("the feedback on {}", question.id), |s| {
                s.verdict.is_some()
            })
            .await?;
        let expected = verdict(right);
        ensure!(
            shown.verdict.as_deref() == Some(expected),
            "{}: checking {option:?} gave the verdict {:?}, expected {expected:?}",
            question.id,
            shown.verdict
        );
        Ok(Answered {
            question,
            option,
            correct: right,
            before,
            shown,
        })
    }

    /// Clicks the question's button once its feedback is open ("Next question", or "See my
    /// results" on the last question) and waits for the next question without feedback, or for
    /// the results.
    pub async fn next(&self) -> crate::Result<Screen> {
        let now = self
            .screen()
            .await?
            .ok_or_else(|| anyhow!("the quiz section of `{}` is not rendered", self.host))?;
        let label = now.action.clone().unwrap_or_default();
        let (index, of) = now
            .progress
            .as_deref()
            .and_then(parse_progress)
            .ok_or_else(|| anyhow!("no progress line to move on from: {now:?}"))?;
        self.click_button(&label).await?;
        if index == of {
            self.wait_screen("the results", |s| s.kind == "results")
                .await
        } else {
            let expected = progress_of(index + 1, of);
            self.wait_screen(&format!("{expected:?} after {label:?}"), |s| {
                s.progress.as_deref() == Some(expected.as_str()) && s.verdict.is_none()
            })
            .await
        }
    }

    /// Answers every remaining question, `right(i)` deciding for the 0-based index `i` in the run
    /// (a question whose feedback is already open is only moved on from), and moves on after each,
    /// up to the results.
    pub async fn play_to_results(&self, right: impl Fn(usize) -> bool) -> crate::Result<Played> {
        let mut answers = Vec::new();
        loop {
            let now = self.screen().await?.unwrap_or_default();
            if now.kind == "results" {
                return Ok(Played {
                    answers,
                    results: now,
                });
            }
            let (index, _) = now
                .progress
                .as_deref()
                .and_then(parse_progress)
                .ok_or_else(|| anyhow!("no question on screen: {now:?}"))?;
            if now.verdict.is_none() {
                let answered = self
                    .answer(right(index - 1))
                    .await
                    .with_context(|| format!("answering question {index}"))?;
                answers.push(answered);
            }
            self.next().await?;
        }
    }
}
