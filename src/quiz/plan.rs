//! The plan of one run: which questions in which order, each with its options in display order,
//! all held as the bank's string ids so a saved run never points at the wrong question.

use core::fmt;

use crate::content::{AnswerOption, Question};

use super::draw::{draw, QuestionCount};
use super::shuffle::{permutation, SplitMix64};

/// One question of the run and the reader's recorded answer to it. Saved as
/// `{"question":"q01","options":["a","b"],"answer":"a"}`; an absent `answer` means none.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub(crate) struct Slot {
    pub(crate) question: String,
    /// Option ids in the order the reader sees them.
    pub(crate) options: Vec<String>,
    /// The checked option's id; set once, by `check`.
    #[serde(default)]
    pub(crate) answer: Option<String>,
}

/// The question bank a run plays. It is never serialized (the save holds ids) and compares by
/// identity, because `Question` is static data without `PartialEq`.
#[derive(Clone, Copy, Default)]
pub(crate) struct Bank(pub(crate) &'static [Question]);

impl Bank {
    pub(crate) fn question(self, id: &str) -> Option<&'static Question> {
        self.0.iter().find(|q| q.id == id)
    }
}

impl PartialEq for Bank {
    fn eq(&self, other: &Bank) -> bool {
        self.0.len() == other.0.len()
            && (self.0.is_empty() || core::ptr::eq(self.0.as_ptr(), other.0.as_ptr()))
    }
}

// Printing every question of the bank would drown the state a developer is looking for.
impl fmt::Debug for Bank {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Bank({} questions)", self.0.len())
    }
}

pub(crate) fn option(question: &'static Question, id: &str) -> Option<&'static AnswerOption> {
    question.options.iter().find(|o| o.id == id)
}

/// The options in their fixed, authored order.
pub(crate) fn authored_order(question: &Question) -> Vec<String> {
    question.options.iter().map(|o| o.id.to_owned()).collect()
}

/// Draws `count` questions in order and, where the kind allows it, orders each question's
/// options, from one seed.
pub(crate) fn plan(bank: &'static [Question], count: QuestionCount, seed: u64) -> Vec<Slot> {
    let mut rng = SplitMix64::new(seed);
    draw(bank, count, &mut rng)
        .into_iter()
        .filter_map(|i| bank.get(i))
        .map(|q| {
            let options = if q.shuffles_options() {
                permutation(q.options.len(), &mut rng)
                    .into_iter()
                    .filter_map(|j| q.options.get(j))
                    .map(|o| o.id.to_owned())
                    .collect()
            } else {
                authored_order(q)
            };
            Slot {
                question: q.id.to_owned(),
                options,
                answer: None,
            }
        })
        .collect()
}
