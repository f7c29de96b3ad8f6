//! Property tests: random action sequences keep the invariants, never panic, and survive a save.

use proptest::prelude::*;

use crate::quiz::testing::{through_json, Play, BANK, EDITED_BANK, TIERS};
use crate::quiz::{FeedbackMode, Phase, Quiz};

#[derive(Clone, Debug)]
enum Action {
    Start,
    /// Picks the n-th displayed option of the current question, if there is one.
    SelectShown(usize),
    SelectRaw(String),
    Check,
    Next,
    Retake(u64),
    StartOver(u64),
    /// An action for a question picked at random, on screen or not.
    Stale(usize),
    SetMode(bool),
}

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        2 => Just(Action::Start),
        6 => (0usize..5).prop_map(Action::SelectShown),
        1 => "[a-d]|cto|cio|both|[a-z0-9]{0,4}".prop_map(Action::SelectRaw),
        6 => Just(Action::Check),
        4 => Just(Action::Next),
        1 => any::<u64>().prop_map(Action::Retake),
        1 => any::<u64>().prop_map(Action::StartOver),
        1 => (0usize..12).prop_map(Action::Stale),
        1 => any::<bool>().prop_map(Action::SetMode),
    ]
}

fn mode(at_end: bool) -> FeedbackMode {
    if at_end {
        FeedbackMode::AtEnd
    } else {
        FeedbackMode::Instant
    }
}

fn apply(quiz: &mut Quiz, action: &Action) -> bool {
    match action {
        Action::Start => quiz.start().is_ok(),
        Action::SelectShown(n) => {
            let id = quiz
                .current()
                .and_then(|c| c.options.get(*n).map(|o| o.id))
                .unwrap_or("none");
            quiz.pick(id).is_ok()
        }
        Action::SelectRaw(id) => quiz.pick(id).is_ok(),
        Action::Check => quiz.check_now().is_ok(),
        Action::Next => quiz.next_now().is_ok(),
        Action::Retake(seed) => quiz.retake(*seed).is_ok(),
        Action::StartOver(seed) => quiz.start_over(*seed).is_ok(),
        Action::Stale(n) => {
            let id = BANK[*n].id;
            if id == quiz.on_screen() {
                return false;
            }
            let refused = quiz.select(id, "a").is_err() && quiz.check(id).is_err();
            refused && quiz.next(id).is_err()
        }
        Action::SetMode(at_end) => {
            quiz.set_mode(mode(*at_end));
            true
        }
    }
}

fn check_invariants(quiz: &Quiz) {
    let (score, answered, total) = (quiz.score(), quiz.answered(), quiz.total());
    assert!(score <= answered && answered <= total);
    match quiz.phase() {
        Phase::Asking { index } | Phase::Feedback { index } => {
            assert!(index < total);
            let cur = quiz.current().unwrap();
            assert_eq!((cur.index, cur.total), (index, total));
            assert_eq!(
                cur.answer.is_some(),
                matches!(quiz.phase(), Phase::Feedback { .. })
            );
            assert!(quiz.results(&TIERS).is_none());
        }
        Phase::Finished => {
            assert_eq!(answered, total);
            assert!(quiz.current().is_none());
            let r = quiz.results(&TIERS).unwrap();
            assert_eq!((r.score, r.total, r.review.len()), (score, total, total));
            assert!(r.percent <= 100);
        }
        Phase::NotStarted => {
            assert_eq!(answered, 0);
            assert!(quiz.current().is_none());
        }
    }
}

proptest! {
    #[test]
    fn random_actions_keep_invariants_and_survive_a_save(
        seed in any::<u64>(),
        at_end in any::<bool>(),
        actions in proptest::collection::vec(action(), 0..80),
    ) {
        let mut quiz = Quiz::new(&BANK, seed, mode(at_end));
        check_invariants(&quiz);
        for a in &actions {
            let before = quiz.clone();
            let answered = before.answered();
            let ok = apply(&mut quiz, a);
            if !ok {
                prop_assert_eq!(&quiz, &before);
            }
            // Only a check records, and it records one answer.
            if !matches!(a, Action::Retake(_) | Action::StartOver(_)) {
                let grew = quiz.answered() - answered;
                prop_assert!(grew == 0 || (grew == 1 && matches!(a, Action::Check)));
            }
            check_invariants(&quiz);

            let back = through_json(&quiz);
            let restored = Quiz::restore(back.clone(), &BANK).unwrap();
            prop_assert_eq!(&restored.quiz, &quiz);
            prop_assert_eq!((restored.dropped_questions, restored.dropped_answers), (0, 0));

            // Against an edited bank the restore may drop things, but never breaks the invariants.
            if let Ok(edited) = Quiz::restore(back, &EDITED_BANK) {
                check_invariants(&edited.quiz);
            }
        }
    }
}
