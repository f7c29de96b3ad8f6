//! Re-attaching a saved run to the question bank as it is now.
//!
//! Policy: salvage, then normalize. A saved question whose id is gone (or repeated) is dropped from
//! the run with its answer; an answer whose option id is gone is dropped and its question asked
//! again; an option order that no longer matches the question is replaced by the authored order.
//! A question still to be asked that rests on an article sentence a kept question rests on (a run
//! drawn before the bank had that rule) is dropped: asked after the other, it would be given away.
//! Answered questions are always kept, so no answer is lost to that rule.
//! Questions added to the bank since the save are not added to the run (a retake picks them up).
//! Only a run left with no questions at all fails, so the caller starts fresh.

use crate::content::Question;

use super::engine::{Phase, Quiz};
use super::mode::FeedbackMode;
use super::plan::{authored_order, option, Bank, Slot};

/// A saved run re-attached to the bank, with a count of what did not survive.
#[derive(Clone, Debug, PartialEq)]
pub struct Restored {
    pub quiz: Quiz,
    pub dropped_questions: usize,
    pub dropped_answers: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RestoreError {
    /// None of the saved questions exists in the bank any more (or the save had none).
    NoQuestions,
}

impl Quiz {
    /// Validates a deserialized run against `bank` (see the module doc for what is dropped).
    pub fn restore(saved: Quiz, bank: &'static [Question]) -> Result<Restored, RestoreError> {
        let bank = Bank(bank);
        let mut dropped_questions = 0;
        let mut dropped_answers = 0;
        let mut slots: Vec<Slot> = Vec::with_capacity(saved.slots.len());
        for slot in saved.slots {
            let question = match bank.question(&slot.question) {
                Some(q) if !slots.iter().any(|s| s.question == slot.question) => q,
                _ => {
                    dropped_questions += 1;
                    continue;
                }
            };
            let options = if question.shuffles_options()
                && slot.options.len() == question.options.len()
                && question
                    .options
                    .iter()
                    .all(|o| slot.options.iter().any(|id| id == o.id))
            {
                slot.options
            } else {
                authored_order(question)
            };
            let answer = match slot.answer {
                Some(id) if option(question, &id).is_some() => Some(id),
                Some(_) => {
                    dropped_answers += 1;
                    None
                }
                None => None,
            };
            slots.push(Slot {
                question: slot.question,
                options,
                answer,
            });
        }
        if slots.is_empty() {
            return Err(RestoreError::NoQuestions);
        }
        // The engine asks in order, so answers must form a prefix; a question whose answer was
        // dropped moves behind the answered ones, keeping the order they were asked in.
        let (mut ordered, unanswered): (Vec<Slot>, Vec<Slot>) =
            slots.into_iter().partition(|s| s.answer.is_some());
        let any_answered = !ordered.is_empty();
        let mut used = ordered
            .iter()
            .filter_map(|s| bank.question(&s.question))
            .fold(0, |used, q| used | q.rests_on);
        for slot in unanswered {
            let rests_on = bank.question(&slot.question).map_or(0, |q| q.rests_on);
            if rests_on & used == 0 {
                used |= rests_on;
                ordered.push(slot);
            } else {
                dropped_questions += 1;
            }
        }

        let mut quiz = Quiz {
            bank,
            count: saved.count,
            mode: saved.mode,
            started: saved.started || any_answered,
            feedback: saved.feedback && saved.mode == FeedbackMode::Instant && any_answered,
            slots: ordered,
            selected: None,
        };
        if let Phase::Asking { index } = quiz.phase() {
            let current = quiz
                .slots
                .get(index)
                .and_then(|s| bank.question(&s.question));
            quiz.selected = saved
                .selected
                .filter(|id| current.is_some_and(|q| option(q, id).is_some()));
        }
        Ok(Restored {
            quiz,
            dropped_questions,
            dropped_answers,
        })
    }
}
