//! The reader's actions as one value, and what each did: the single entry point the session calls.
//! A refused action is an [`ActionError`] and changes nothing, so a caller never re-checks a rule.

use super::engine::{ActionError, Phase, Quiz};

/// Something the reader did. Actions on a question carry the id of the question whose control
/// was used, so a click that lands on a question the view has already replaced is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action<'a> {
    Start,
    Select {
        question_id: &'a str,
        option_id: &'a str,
    },
    Check {
        question_id: &'a str,
    },
    Next {
        question_id: &'a str,
    },
    /// "Try again" from the results.
    Retake,
    /// "Start over": back to the start screen, the history kept.
    StartOver,
}

/// What an accepted action did, with the phase it left the quiz in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Done {
    pub change: Change,
    pub phase: Phase,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// A new attempt began (Start or Retake).
    Started,
    Selected,
    /// An answer was recorded.
    Answered {
        question_id: &'static str,
        correct: bool,
    },
    /// The reader moved past an answer's feedback.
    MovedOn,
    StartedOver,
}

impl Done {
    /// This action ended the attempt: the results are ready to be recorded and shown.
    pub fn finished_attempt(&self) -> bool {
        self.phase == Phase::Finished
            && matches!(self.change, Change::Answered { .. } | Change::MovedOn)
    }
}

impl Quiz {
    /// Applies `action`; `seed` orders the questions of a new attempt (Retake, Start over).
    pub fn act(&mut self, action: Action, seed: u64) -> Result<Done, ActionError> {
        let change = match action {
            Action::Start => self.start().map(|()| Change::Started)?,
            Action::Select {
                question_id,
                option_id,
            } => self
                .select(question_id, option_id)
                .map(|()| Change::Selected)?,
            Action::Check { question_id } => {
                let outcome = self.check(question_id)?;
                Change::Answered {
                    question_id: outcome.question_id,
                    correct: outcome.correct,
                }
            }
            Action::Next { question_id } => self.next(question_id).map(|()| Change::MovedOn)?,
            Action::Retake => self.retake(seed).map(|()| Change::Started)?,
            Action::StartOver => self.start_over(seed).map(|()| Change::StartedOver)?,
        };
        Ok(Done {
            change,
            phase: self.phase(),
        })
    }
}
