//! Every transition and every refused action of the state machine, in both feedback modes.

use crate::content::{Question, QuestionKind};
use crate::quiz::testing::{correct_id, finish, fresh, wrong_id, BANK};
use crate::quiz::{ActionError, FeedbackMode, Phase, Quiz};

const INSTANT: FeedbackMode = FeedbackMode::Instant;
const AT_END: FeedbackMode = FeedbackMode::AtEnd;

fn order(quiz: &Quiz) -> Vec<String> {
    quiz.slots.iter().map(|s| s.question.clone()).collect()
}

fn current_question(quiz: &Quiz) -> &'static Question {
    quiz.current().unwrap().question
}

/// Tries a refused action and checks it left the state exactly as it was.
fn refused<T: std::fmt::Debug>(
    quiz: &mut Quiz,
    action: impl FnOnce(&mut Quiz) -> Result<T, ActionError>,
    expected: ActionError,
) {
    let before = quiz.clone();
    assert_eq!(action(quiz).unwrap_err(), expected);
    assert_eq!(*quiz, before);
}

#[test]
fn new_quiz_has_not_started() {
    let quiz = fresh(1, INSTANT);
    assert_eq!(quiz.phase(), Phase::NotStarted);
    assert_eq!(quiz.mode(), INSTANT);
    assert_eq!((quiz.total(), quiz.answered(), quiz.score()), (12, 0, 0));
    assert!(quiz.current().is_none());
}

#[test]
fn plan_holds_every_question_once() {
    let mut ids = order(&fresh(9, INSTANT));
    ids.sort();
    let mut expected: Vec<String> = BANK.iter().map(|q| q.id.to_owned()).collect();
    expected.sort();
    assert_eq!(ids, expected);
}

#[test]
fn start_moves_to_the_first_question() {
    let mut quiz = fresh(1, INSTANT);
    quiz.start().unwrap();
    assert_eq!(quiz.phase(), Phase::Asking { index: 0 });
    let cur = quiz.current().unwrap();
    assert_eq!((cur.index, cur.total), (0, 12));
    assert_eq!(cur.selected, None);
    assert!(cur.answer.is_none());
}

#[test]
fn refusals_before_start() {
    let mut quiz = fresh(1, INSTANT);
    refused(&mut quiz, |q| q.select("a"), ActionError::NotAsking);
    refused(&mut quiz, |q| q.check(), ActionError::NotAsking);
    refused(&mut quiz, |q| q.next(), ActionError::NoFeedback);
}

#[test]
fn start_twice_is_refused() {
    let mut quiz = fresh(1, INSTANT);
    quiz.start().unwrap();
    refused(&mut quiz, |q| q.start(), ActionError::AlreadyStarted);
}

#[test]
fn empty_bank_cannot_start_or_retake() {
    let mut quiz = Quiz::new(&[], 1, INSTANT);
    assert_eq!(quiz.total(), 0);
    refused(&mut quiz, |q| q.start(), ActionError::NoQuestions);
    quiz.retake(2);
    assert_eq!(quiz.phase(), Phase::NotStarted);
    assert!(quiz.results(&[]).is_none());
}

#[test]
fn select_records_and_replaces_the_selection() {
    let mut quiz = fresh(3, INSTANT);
    quiz.start().unwrap();
    let q = current_question(&quiz);
    quiz.select(wrong_id(q)).unwrap();
    assert_eq!(quiz.current().unwrap().selected, Some(wrong_id(q)));
    quiz.select(correct_id(q)).unwrap();
    assert_eq!(quiz.current().unwrap().selected, Some(correct_id(q)));
    assert_eq!(quiz.answered(), 0);
}

#[test]
fn select_unknown_option_is_refused_and_keeps_the_selection() {
    let mut quiz = fresh(3, INSTANT);
    quiz.start().unwrap();
    let q = current_question(&quiz);
    quiz.select(correct_id(q)).unwrap();
    refused(&mut quiz, |q| q.select("nope"), ActionError::UnknownOption);
    refused(&mut quiz, |q| q.select(""), ActionError::UnknownOption);
    assert_eq!(quiz.current().unwrap().selected, Some(correct_id(q)));
}

#[test]
fn check_without_selection_is_refused() {
    let mut quiz = fresh(3, INSTANT);
    quiz.start().unwrap();
    refused(&mut quiz, |q| q.check(), ActionError::NothingSelected);
}

#[test]
fn instant_check_shows_feedback_and_records_once() {
    let mut quiz = fresh(4, INSTANT);
    quiz.start().unwrap();
    let q = current_question(&quiz);
    quiz.select(correct_id(q)).unwrap();
    let outcome = quiz.check().unwrap();
    assert!(outcome.correct);
    assert_eq!(outcome.question_id, q.id);
    assert!(!outcome.finished);
    assert_eq!(quiz.phase(), Phase::Feedback { index: 0 });
    assert_eq!((quiz.answered(), quiz.score()), (1, 1));
    let cur = quiz.current().unwrap();
    assert_eq!(cur.answer.map(|o| o.id), Some(correct_id(q)));
    assert_eq!(cur.selected, Some(correct_id(q)));

    refused(&mut quiz, |q| q.check(), ActionError::NotAsking);
    refused(&mut quiz, |q| q.select("a"), ActionError::NotAsking);
    refused(&mut quiz, |q| q.start(), ActionError::AlreadyStarted);
    assert_eq!(quiz.answered(), 1);
}

#[test]
fn wrong_answer_is_recorded_as_wrong() {
    let mut quiz = fresh(4, INSTANT);
    quiz.start().unwrap();
    let q = current_question(&quiz);
    quiz.select(wrong_id(q)).unwrap();
    assert!(!quiz.check().unwrap().correct);
    assert_eq!((quiz.answered(), quiz.score()), (1, 0));
}

#[test]
fn next_moves_on_and_is_refused_outside_feedback() {
    let mut quiz = fresh(5, INSTANT);
    quiz.start().unwrap();
    refused(&mut quiz, |q| q.next(), ActionError::NoFeedback);
    let q = current_question(&quiz);
    quiz.select(correct_id(q)).unwrap();
    quiz.check().unwrap();
    quiz.next().unwrap();
    assert_eq!(quiz.phase(), Phase::Asking { index: 1 });
    let cur = quiz.current().unwrap();
    assert_eq!(cur.selected, None);
    assert!(cur.answer.is_none());
    assert_ne!(cur.question.id, q.id);
}

#[test]
fn last_next_finishes_and_everything_is_refused_after() {
    let mut quiz = fresh(6, INSTANT);
    quiz.start().unwrap();
    for i in 0..12 {
        assert_eq!(quiz.phase(), Phase::Asking { index: i });
        let q = current_question(&quiz);
        quiz.select(correct_id(q)).unwrap();
        assert!(!quiz.check().unwrap().finished || i == 11);
        assert_eq!(quiz.phase(), Phase::Feedback { index: i });
        quiz.next().unwrap();
    }
    assert_eq!(quiz.phase(), Phase::Finished);
    assert!(quiz.current().is_none());
    refused(&mut quiz, |q| q.start(), ActionError::AlreadyStarted);
    refused(&mut quiz, |q| q.select("a"), ActionError::NotAsking);
    refused(&mut quiz, |q| q.check(), ActionError::NotAsking);
    refused(&mut quiz, |q| q.next(), ActionError::NoFeedback);
}

#[test]
fn instant_check_of_last_question_reports_finished() {
    let mut quiz = fresh(6, INSTANT);
    quiz.start().unwrap();
    for _ in 0..11 {
        let q = current_question(&quiz);
        quiz.select(correct_id(q)).unwrap();
        quiz.check().unwrap();
        quiz.next().unwrap();
    }
    let q = current_question(&quiz);
    quiz.select(correct_id(q)).unwrap();
    // Instant: the last feedback is still on screen, so the run is not finished yet.
    assert!(!quiz.check().unwrap().finished);
    quiz.next().unwrap();
    assert_eq!(quiz.phase(), Phase::Finished);
}

#[test]
fn at_end_check_moves_straight_on_and_never_records_twice() {
    let mut quiz = fresh(7, AT_END);
    quiz.start().unwrap();
    let q = current_question(&quiz);
    quiz.select(wrong_id(q)).unwrap();
    let outcome = quiz.check().unwrap();
    assert!(!outcome.correct);
    assert_eq!(quiz.phase(), Phase::Asking { index: 1 });
    assert_eq!(quiz.answered(), 1);
    refused(&mut quiz, |q| q.check(), ActionError::NothingSelected);
    refused(&mut quiz, |q| q.next(), ActionError::NoFeedback);
    // No answer leaks onto the screen before the end.
    assert!(quiz.current().unwrap().answer.is_none());
}

#[test]
fn at_end_last_check_finishes() {
    let mut quiz = fresh(7, AT_END);
    quiz.start().unwrap();
    for i in 0..12 {
        let q = current_question(&quiz);
        quiz.select(correct_id(q)).unwrap();
        assert_eq!(quiz.check().unwrap().finished, i == 11);
    }
    assert_eq!(quiz.phase(), Phase::Finished);
    assert_eq!(quiz.score(), 12);
}

#[test]
fn same_seed_same_plan() {
    assert_eq!(fresh(42, INSTANT), fresh(42, INSTANT));
    assert_eq!(fresh(42, INSTANT).slots, fresh(42, AT_END).slots);
}

#[test]
fn different_seeds_different_order() {
    for seed in 0..20 {
        assert_ne!(
            order(&fresh(seed, INSTANT)),
            order(&fresh(seed + 1000, INSTANT))
        );
    }
}

#[test]
fn role_choices_keep_their_order_in_every_kind_of_the_real_bank() {
    // A scenario asking "who" offers the same three options as a classification, in the same
    // place: the reader never hunts for "The CIO".
    let bank = crate::content::QUESTIONS;
    let role_scenarios = bank
        .iter()
        .filter(|q| q.is_role_choice() && q.kind != QuestionKind::Classification)
        .count();
    assert!(role_scenarios > 0);
    for seed in 0..50 {
        let quiz = Quiz::new(bank, seed, INSTANT);
        for slot in &quiz.slots {
            let q = bank.iter().find(|q| q.id == slot.question).unwrap();
            if q.is_role_choice() {
                assert_eq!(slot.options, ["cto", "cio", "both"], "{}", q.id);
                let texts: Vec<&str> = q.options.iter().map(|o| o.text).collect();
                assert_eq!(texts, ["The CTO", "The CIO", "Both"], "{}", q.id);
            }
        }
    }
}

#[test]
fn classification_options_never_shuffled_others_are() {
    let mut some_shuffled = false;
    for seed in 0..50 {
        let quiz = fresh(seed, INSTANT);
        for slot in &quiz.slots {
            let q = BANK.iter().find(|q| q.id == slot.question).unwrap();
            let authored: Vec<&str> = q.options.iter().map(|o| o.id).collect();
            if q.is_role_choice() {
                assert_eq!(slot.options, authored);
            } else {
                some_shuffled |= slot.options != authored;
                let mut sorted = slot.options.clone();
                sorted.sort();
                let mut expected = authored.clone();
                expected.sort();
                assert_eq!(sorted, expected);
            }
        }
    }
    assert!(some_shuffled);
}

#[test]
fn current_shows_options_in_planned_order() {
    let mut quiz = fresh(11, INSTANT);
    quiz.start().unwrap();
    let cur = quiz.current().unwrap();
    let shown: Vec<&str> = cur.options.iter().map(|o| o.id).collect();
    assert_eq!(shown, quiz.slots[0].options);
}

#[test]
fn retake_reshuffles_and_goes_straight_to_the_first_question() {
    let mut quiz = fresh(1, INSTANT);
    finish(&mut quiz, |_| true);
    let first = order(&quiz);
    quiz.retake(2);
    assert_eq!(quiz.phase(), Phase::Asking { index: 0 });
    assert_eq!((quiz.answered(), quiz.score(), quiz.total()), (0, 0, 12));
    assert_ne!(order(&quiz), first);
    assert_eq!(quiz.mode(), INSTANT);
}

#[test]
fn retake_mid_run_clears_the_selection() {
    let mut quiz = fresh(1, AT_END);
    quiz.start().unwrap();
    let q = current_question(&quiz);
    quiz.select(correct_id(q)).unwrap();
    quiz.retake(5);
    assert_eq!(quiz.current().unwrap().selected, None);
    assert_eq!(quiz.phase(), Phase::Asking { index: 0 });
}

#[test]
fn reset_goes_back_before_the_first_question() {
    let mut quiz = fresh(1, INSTANT);
    quiz.start().unwrap();
    let q = current_question(&quiz);
    quiz.select(correct_id(q)).unwrap();
    quiz.check().unwrap();
    quiz.reset(3);
    assert_eq!(quiz.phase(), Phase::NotStarted);
    assert_eq!(quiz.answered(), 0);
    assert_eq!(quiz, fresh(3, INSTANT));
}

#[test]
fn switching_to_at_end_during_feedback_moves_on() {
    let mut quiz = fresh(1, INSTANT);
    quiz.start().unwrap();
    let q = current_question(&quiz);
    quiz.select(correct_id(q)).unwrap();
    quiz.check().unwrap();
    quiz.set_mode(AT_END);
    assert_eq!(quiz.phase(), Phase::Asking { index: 1 });
    assert_eq!(quiz.mode(), AT_END);
}

#[test]
fn action_errors_have_messages() {
    for e in [
        ActionError::NoQuestions,
        ActionError::AlreadyStarted,
        ActionError::NotAsking,
        ActionError::UnknownOption,
        ActionError::NothingSelected,
        ActionError::NoFeedback,
    ] {
        assert!(!e.as_str().is_empty());
    }
}
