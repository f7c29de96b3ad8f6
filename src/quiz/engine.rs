//! The quiz state machine: one run's plan, where the reader is in it, and the actions that move it.
//!
//! The phase is derived from the data (started, answers, feedback flag) rather than stored, so a
//! saved state cannot claim a position its answers contradict. Every action that does not fit the
//! phase, or that names a question other than the one on screen, returns an error and leaves the
//! state untouched: callers never check a rule themselves.

use serde::{Deserialize, Serialize};

use crate::content::{AnswerOption, Question};

use super::draw::QuestionCount;
use super::mode::FeedbackMode;
use super::plan::{option, plan, Bank, Slot};

/// One run of the quiz. It is saved as itself through serde, ids only and never the bank:
/// `{"mode":"Instant","started":true,"feedback":false,"slots":[...],"selected":null}`. A loaded
/// `Quiz` is detached from its bank; pass it through [`Quiz::restore`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quiz {
    #[serde(skip)]
    pub(crate) bank: Bank,
    /// How many questions a new attempt draws. Not saved: a saved attempt keeps the questions it
    /// drew, and the page's `questions` attribute decides for the next one.
    #[serde(skip, default = "every_question")]
    pub(crate) count: QuestionCount,
    pub(crate) mode: FeedbackMode,
    pub(crate) started: bool,
    /// Instant mode only: the last recorded answer's feedback is on screen.
    pub(crate) feedback: bool,
    /// Answered slots always form a prefix: the first unanswered slot is the current question.
    #[serde(deserialize_with = "crate::objects_only::vec")]
    pub(crate) slots: Vec<Slot>,
    /// The option picked for the current question but not yet checked.
    #[serde(default)]
    pub(crate) selected: Option<String>,
}

fn every_question() -> QuestionCount {
    QuestionCount::All
}

/// Where the reader is. Indices are 0-based and always below [`Quiz::total`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    NotStarted,
    Asking { index: usize },
    Feedback { index: usize },
    Finished,
}

/// What `check` recorded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Outcome {
    pub correct: bool,
    pub question_id: &'static str,
}

/// Why an action was refused; the state is unchanged whenever one is returned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ActionError {
    /// `start` with an empty bank.
    NoQuestions,
    /// `start` when the run has already started.
    AlreadyStarted,
    /// `select` or `check` outside [`Phase::Asking`].
    NotAsking,
    /// `select` with an id that is not an option of the current question.
    UnknownOption,
    /// `check` before an option was selected.
    NothingSelected,
    /// `next` outside [`Phase::Feedback`].
    NoFeedback,
    /// `select`, `check` or `next` for a question that is not the one on screen: a click that
    /// landed on a control of a question the view has already replaced.
    StaleQuestion,
    /// `retake` before the results.
    NotFinished,
    /// `start_over` before the run has started: there is nothing to abandon.
    NotStarted,
}

/// The question on screen, ready to render; everything borrows the static bank, nothing borrows the quiz.
#[derive(Clone, Debug)]
pub struct CurrentQuestion {
    pub index: usize,
    pub total: usize,
    pub question: &'static Question,
    /// In display order (shuffled unless the kind keeps its order).
    pub options: Vec<&'static AnswerOption>,
    /// The selected option's id; once checked, the recorded answer's id.
    pub selected: Option<&'static str>,
    /// The recorded answer, present only after `check` (so only in [`Phase::Feedback`]).
    pub answer: Option<&'static AnswerOption>,
}

impl Quiz {
    /// A run of every question one attempt can hold (see [`QuestionCount::All`]) that has not
    /// started, its order planned from `seed`.
    pub fn new(bank: &'static [Question], seed: u64, mode: FeedbackMode) -> Quiz {
        Quiz::drawing(bank, QuestionCount::All, seed, mode)
    }

    /// A run of `count` questions drawn from `bank` that has not started.
    pub fn drawing(
        bank: &'static [Question],
        count: QuestionCount,
        seed: u64,
        mode: FeedbackMode,
    ) -> Quiz {
        Quiz {
            bank: Bank(bank),
            count,
            mode,
            started: false,
            feedback: false,
            slots: plan(bank, count, seed),
            selected: None,
        }
    }

    pub fn phase(&self) -> Phase {
        if !self.started {
            return Phase::NotStarted;
        }
        let answered = self.answered();
        if self.feedback && answered > 0 {
            Phase::Feedback {
                index: answered - 1,
            }
        } else if answered >= self.slots.len() {
            Phase::Finished
        } else {
            Phase::Asking { index: answered }
        }
    }

    pub fn mode(&self) -> FeedbackMode {
        self.mode
    }

    /// Switches mode mid-run (e.g. the blog owner changed the attribute since the save). Leaving
    /// Instant while feedback is on screen moves on, as `next` would.
    pub fn set_mode(&mut self, mode: FeedbackMode) {
        self.mode = mode;
        if mode == FeedbackMode::AtEnd {
            self.feedback = false;
        }
    }

    pub fn start(&mut self) -> Result<(), ActionError> {
        if self.started {
            return Err(ActionError::AlreadyStarted);
        }
        if self.slots.is_empty() {
            return Err(ActionError::NoQuestions);
        }
        self.started = true;
        Ok(())
    }

    /// A saved run resumed, or a fresh one of `count` questions. A saved run keeps the
    /// questions it drew (`count` applies from its next attempt on); one in progress also keeps
    /// the mode it started with, while one not yet started follows the page's `mode`.
    pub fn resume_or_new(
        saved: Option<Quiz>,
        bank: &'static [Question],
        count: QuestionCount,
        seed: u64,
        mode: FeedbackMode,
    ) -> Quiz {
        let Some(saved) = saved else {
            return Quiz::drawing(bank, count, seed, mode);
        };
        let mut quiz = Quiz { count, ..saved };
        if quiz.phase() == Phase::NotStarted {
            quiz.set_mode(mode);
        }
        quiz
    }

    pub fn select(&mut self, question_id: &str, option_id: &str) -> Result<(), ActionError> {
        let (_, question) = self.asking(question_id)?;
        let picked = option(question, option_id).ok_or(ActionError::UnknownOption)?;
        self.selected = Some(picked.id.to_owned());
        Ok(())
    }

    /// Records the selected option as the answer. In Instant mode the feedback comes next; in
    /// AtEnd mode the run moves straight on.
    pub fn check(&mut self, question_id: &str) -> Result<Outcome, ActionError> {
        let (index, question) = self.asking(question_id)?;
        let id = self
            .selected
            .as_deref()
            .ok_or(ActionError::NothingSelected)?;
        let picked = option(question, id).ok_or(ActionError::UnknownOption)?;
        let slot = self.slots.get_mut(index).ok_or(ActionError::NotAsking)?;
        slot.answer = self.selected.take();
        self.feedback = self.mode == FeedbackMode::Instant;
        Ok(Outcome {
            correct: picked.correct,
            question_id: question.id,
        })
    }

    // The UI's "Next" button; a quiz is not an iterator, so the trait's name clash is harmless.
    #[allow(clippy::should_implement_trait)]
    pub fn next(&mut self, question_id: &str) -> Result<(), ActionError> {
        let Phase::Feedback { index } = self.phase() else {
            return Err(ActionError::NoFeedback);
        };
        self.expect_question(index, question_id)?;
        self.feedback = false;
        Ok(())
    }

    /// "Try again", from the results only (a repeated click must not reshuffle an attempt already
    /// under way): a fresh order from `seed`, straight to the first question.
    pub fn retake(&mut self, seed: u64) -> Result<(), ActionError> {
        if self.phase() != Phase::Finished {
            return Err(ActionError::NotFinished);
        }
        self.reset(seed);
        self.started = !self.slots.is_empty();
        Ok(())
    }

    /// "Start over": abandons the run under way (or finished) and goes back before the first
    /// question, with a fresh order from `seed`.
    pub fn start_over(&mut self, seed: u64) -> Result<(), ActionError> {
        if self.phase() == Phase::NotStarted {
            return Err(ActionError::NotStarted);
        }
        self.reset(seed);
        Ok(())
    }

    fn reset(&mut self, seed: u64) {
        self.slots = plan(self.bank.0, self.count, seed);
        self.started = false;
        self.feedback = false;
        self.selected = None;
    }

    pub fn current(&self) -> Option<CurrentQuestion> {
        let index = match self.phase() {
            Phase::Asking { index } | Phase::Feedback { index } => index,
            Phase::NotStarted | Phase::Finished => return None,
        };
        let slot = self.slots.get(index)?;
        let question = self.bank.question(&slot.question)?;
        let answer = slot.answer.as_deref().and_then(|id| option(question, id));
        let selected = match answer {
            Some(o) => Some(o.id),
            None => self
                .selected
                .as_deref()
                .and_then(|id| option(question, id))
                .map(|o| o.id),
        };
        Some(CurrentQuestion {
            index,
            total: self.slots.len(),
            question,
            options: slot
                .options
                .iter()
                .filter_map(|id| option(question, id))
                .collect(),
            selected,
            answer,
        })
    }

    pub fn total(&self) -> usize {
        self.slots.len()
    }

    pub fn answered(&self) -> usize {
        self.slots.iter().filter(|s| s.answer.is_some()).count()
    }

    /// Correct answers so far, judged against the bank as it is now.
    pub fn score(&self) -> usize {
        self.answers().filter(|(_, chosen)| chosen.correct).count()
    }

    /// The recorded answers in the order asked, skipping any the bank cannot resolve.
    pub(crate) fn answers(
        &self,
    ) -> impl Iterator<Item = (&'static Question, &'static AnswerOption)> + '_ {
        let bank = self.bank;
        self.slots.iter().filter_map(move |slot| {
            let question = bank.question(&slot.question)?;
            Some((question, option(question, slot.answer.as_deref()?)?))
        })
    }

    /// The current question while [`Phase::Asking`], if it is `question_id`; or why not.
    fn asking(&self, question_id: &str) -> Result<(usize, &'static Question), ActionError> {
        let Phase::Asking { index } = self.phase() else {
            return Err(ActionError::NotAsking);
        };
        let question = self
            .slots
            .get(index)
            .and_then(|slot| self.bank.question(&slot.question))
            .ok_or(ActionError::NotAsking)?;
        self.expect_question(index, question_id)?;
        Ok((index, question))
    }

    fn expect_question(&self, index: usize, question_id: &str) -> Result<(), ActionError> {
        match self.slots.get(index) {
            Some(slot) if slot.question == question_id => Ok(()),
            _ => Err(ActionError::StaleQuestion),
        }
    }
}
