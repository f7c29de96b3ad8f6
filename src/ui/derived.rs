//! Values several views read, computed once per change of the quiz instead of once per reader:
//! the current question and the results.

use leptos::prelude::*;

use crate::content::TIERS;
use crate::quiz::{CurrentQuestion, Quiz, QuizResults};

/// The memos over one session's quiz (the session carries them).
#[derive(Clone, Copy)]
pub struct Derived {
    pub current: Memo<Option<CurrentQuestion>>,
    pub results: Memo<Option<QuizResults>>,
}

impl Derived {
    pub fn new(quiz: RwSignal<Quiz>) -> Derived {
        Derived {
            // Neither type has an equality (they borrow the static bank); every recomputation
            // notifies, as the closures they replace did. Readers that need less key on a part
            // (the question view keys on the question's id).
            current: Memo::new_with_compare(move |_| quiz.with(|q| q.current()), always),
            results: Memo::new_with_compare(move |_| quiz.with(|q| q.results(TIERS)), always),
        }
    }
}

/// The change test of a memo whose value has no cheap equality: every recomputation notifies.
fn always<T>(_: Option<&T>, _: Option<&T>) -> bool {
    true
}
