//! Every transition and every refused action of the state machine, in both feedback modes.

use crate::content::{Question, QuestionKind};
use crate::quiz::testing::{correct_id, finish, fresh, wrong_id, Play, BANK};
use crate::quiz::{ActionError, FeedbackMode, Phase, QuestionCount, Quiz};

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
    refused(&mut quiz, |q| q.pick("a"), ActionError::NotAsking);
    refused(&mut quiz, |q| q.check_now(), ActionError::NotAsking);
    refused(&mut quiz, |q| q.next_now(), ActionError::NoFeedback);
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
    refused(&mut quiz, |q| q.retake(2), ActionError::NotFinished);
    assert_eq!(quiz.phase(), Phase::NotStarted);
    assert!(quiz.results(&[]).is_none());
}

#[test]
fn select_records_and_replaces_the_selection() {
    let mut quiz = fresh(3, INSTANT);
    quiz.start().unwrap();
    let q = current_question(&quiz);
    quiz.pick(wrong_id(q)).unwrap();
    assert_eq!(quiz.current().unwrap().selected, Some(wrong_id(q)));
    quiz.pick(correct_id(q)).unwrap();
    assert_eq!(quiz.current().unwrap().selected, Some(correct_id(q)));
    assert_eq!(quiz.answered(), 0);
}

#[test]
fn select_unknown_option_is_refused_and_keeps_the_selection() {
    let mut quiz = fresh(3, INSTANT);
    quiz.start().unwrap();
    let q = current_question(&quiz);
    quiz.pick(correct_id(q)).unwrap();
    refused(&mut quiz, |q| q.pick("nope"), ActionError::UnknownOption);
    refused(&mut quiz, |q| q.pick(""), ActionError::UnknownOption);
    assert_eq!(quiz.current().unwrap().selected, Some(correct_id(q)));
}

#[test]
fn check_without_selection_is_refused() {
    let mut quiz = fresh(3, INSTANT);
    quiz.start().unwrap();
    refused(&mut quiz, |q| q.check_now(), ActionError::NothingSelected);
}

#[test]
fn instant_check_shows_feedback_and_records_once() {
    let mut quiz = fresh(4, INSTANT);
    quiz.start().unwrap();
    let q = current_question(&quiz);
    quiz.pick(correct_id(q)).unwrap();
    let outcome = quiz.check_now().unwrap();
    assert!(outcome.correct);
    assert_eq!(outcome.question_id, q.id);
    assert_eq!(quiz.phase(), Phase::Feedback { index: 0 });
    assert_eq!((quiz.answered(), quiz.score()), (1, 1));
    let cur = quiz.current().unwrap();
    assert_eq!(cur.answer.map(|o| o.id), Some(correct_id(q)));
    assert_eq!(cur.selected, Some(correct_id(q)));

    refused(&mut quiz, |q| q.check_now(), ActionError::NotAsking);
    refused(&mut quiz, |q| q.pick("a"), ActionError::NotAsking);
    refused(&mut quiz, |q| q.start(), ActionError::AlreadyStarted);
    assert_eq!(quiz.answered(), 1);
}

#[test]
fn wrong_answer_is_recorded_as_wrong() {
    let mut quiz = fresh(4, INSTANT);
    quiz.start().unwrap();
    let q = current_question(&quiz);
    quiz.pick(wrong_id(q)).unwrap();
    assert!(!quiz.check_now().unwrap().correct);
    assert_eq!((quiz.answered(), quiz.score()), (1, 0));
}

#[test]
fn next_moves_on_and_is_refused_outside_feedback() {
    let mut quiz = fresh(5, INSTANT);
    quiz.start().unwrap();
    refused(&mut quiz, |q| q.next_now(), ActionError::NoFeedback);
    let q = current_question(&quiz);
    quiz.pick(correct_id(q)).unwrap();
    quiz.check_now().unwrap();
    quiz.next_now().unwrap();
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
        quiz.pick(correct_id(q)).unwrap();
        quiz.check_now().unwrap();
        assert_eq!(quiz.phase(), Phase::Feedback { index: i });
        quiz.next_now().unwrap();
    }
    assert_eq!(quiz.phase(), Phase::Finished);
    assert!(quiz.current().is_none());
    refused(&mut quiz, |q| q.start(), ActionError::AlreadyStarted);
    refused(&mut quiz, |q| q.pick("a"), ActionError::NotAsking);
    refused(&mut quiz, |q| q.check_now(), ActionError::NotAsking);
    refused(&mut quiz, |q| q.next_now(), ActionError::NoFeedback);
}

#[test]
fn instant_check_of_last_question_reports_finished() {
    let mut quiz = fresh(6, INSTANT);
    quiz.start().unwrap();
    for _ in 0..11 {
        let q = current_question(&quiz);
        quiz.pick(correct_id(q)).unwrap();
        quiz.check_now().unwrap();
        quiz.next_now().unwrap();
    }
    let q = current_question(&quiz);
    quiz.pick(correct_id(q)).unwrap();
    // Instant: the last feedback is still on screen, so the run is not finished yet.
    quiz.check_now().unwrap();
    assert_ne!(quiz.phase(), Phase::Finished);
    quiz.next_now().unwrap();
    assert_eq!(quiz.phase(), Phase::Finished);
}

#[test]
fn at_end_check_moves_straight_on_and_never_records_twice() {
    let mut quiz = fresh(7, AT_END);
    quiz.start().unwrap();
    let q = current_question(&quiz);
    quiz.pick(wrong_id(q)).unwrap();
    let outcome = quiz.check_now().unwrap();
    assert!(!outcome.correct);
    assert_eq!(quiz.phase(), Phase::Asking { index: 1 });
    assert_eq!(quiz.answered(), 1);
    refused(&mut quiz, |q| q.check_now(), ActionError::NothingSelected);
    refused(&mut quiz, |q| q.next_now(), ActionError::NoFeedback);
    // No answer leaks onto the screen before the end.
    assert!(quiz.current().unwrap().answer.is_none());
}

#[test]
fn at_end_last_check_finishes() {
    let mut quiz = fresh(7, AT_END);
    quiz.start().unwrap();
    for i in 0..12 {
        let q = current_question(&quiz);
        quiz.pick(correct_id(q)).unwrap();
        quiz.check_now().unwrap();
        assert_eq!(quiz.phase() == Phase::Finished, i == 11);
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
    quiz.retake(2).unwrap();
    assert_eq!(quiz.phase(), Phase::Asking { index: 0 });
    assert_eq!((quiz.answered(), quiz.score(), quiz.total()), (0, 0, 12));
    assert_ne!(order(&quiz), first);
    assert_eq!(quiz.mode(), INSTANT);
}

#[test]
fn retake_is_refused_until_the_results() {
    let mut quiz = fresh(1, AT_END);
    refused(&mut quiz, |q| q.retake(5), ActionError::NotFinished);
    quiz.start().unwrap();
    let q = current_question(&quiz);
    quiz.pick(correct_id(q)).unwrap();
    // A burst of clicks on "Try again" must not reshuffle the attempt already under way.
    refused(&mut quiz, |q| q.retake(5), ActionError::NotFinished);
    quiz.check_now().unwrap();
    refused(&mut quiz, |q| q.retake(5), ActionError::NotFinished);
}

#[test]
fn start_over_goes_back_before_the_first_question() {
    let mut quiz = fresh(1, INSTANT);
    refused(&mut quiz, |q| q.start_over(3), ActionError::NotStarted);
    quiz.start().unwrap();
    let q = current_question(&quiz);
    quiz.pick(correct_id(q)).unwrap();
    quiz.check_now().unwrap();
    quiz.start_over(3).unwrap();
    assert_eq!(quiz.phase(), Phase::NotStarted);
    assert_eq!(quiz.answered(), 0);
    assert_eq!(quiz, fresh(3, INSTANT));
    let mut finished = fresh(1, INSTANT);
    finish(&mut finished, |_| false);
    finished.start_over(3).unwrap();
    assert_eq!(finished, fresh(3, INSTANT));
}

#[test]
fn actions_for_a_question_no_longer_on_screen_are_refused() {
    let mut quiz = fresh(1, INSTANT);
    quiz.start().unwrap();
    let first = quiz.on_screen();
    quiz.pick(correct_id(current_question(&quiz))).unwrap();
    quiz.check_now().unwrap();
    quiz.next_now().unwrap();
    let second = current_question(&quiz);
    assert_ne!(second.id, first);
    // A click that landed on the first question's controls after the view moved on.
    refused(
        &mut quiz,
        |q| q.select(first, correct_id(second)),
        ActionError::StaleQuestion,
    );
    quiz.pick(correct_id(second)).unwrap();
    refused(&mut quiz, |q| q.check(first), ActionError::StaleQuestion);
    quiz.check(second.id).unwrap();
    refused(&mut quiz, |q| q.next(first), ActionError::StaleQuestion);
    refused(&mut quiz, |q| q.next("nope"), ActionError::StaleQuestion);
    quiz.next(second.id).unwrap();
}

#[test]
fn resuming_keeps_a_run_s_questions_and_mode_and_a_fresh_one_follows_the_page() {
    let mut started = fresh(1, INSTANT);
    started.start().unwrap();
    let ten = QuestionCount::Exactly(10);
    let resumed = Quiz::resume_or_new(Some(started.clone()), &BANK, ten, 9, AT_END);
    // The attempt keeps its twelve questions and its mode; the next one will draw ten.
    assert_eq!((resumed.total(), resumed.mode()), (12, INSTANT));
    assert_eq!(resumed.slots, started.slots);
    let not_started = fresh(1, INSTANT);
    let resumed = Quiz::resume_or_new(Some(not_started.clone()), &BANK, ten, 9, AT_END);
    assert_eq!(
        (resumed.mode(), resumed.phase(), resumed.total()),
        (AT_END, Phase::NotStarted, 12)
    );
    assert_eq!(resumed.slots, not_started.slots);
    assert_eq!(
        Quiz::resume_or_new(None, &BANK, ten, 9, AT_END),
        Quiz::drawing(&BANK, ten, 9, AT_END)
    );
}

#[test]
fn an_attempt_draws_the_page_s_count_and_retakes_draw_afresh() {
    let five = QuestionCount::Exactly(5);
    let mut quiz = Quiz::drawing(&BANK, five, 3, INSTANT);
    assert_eq!(quiz.total(), 5);
    finish(&mut quiz, |_| true);
    let first = order(&quiz);
    quiz.retake(4).unwrap();
    assert_eq!(quiz.total(), 5);
    assert_ne!(order(&quiz), first);
    finish(&mut quiz, |_| true);
    quiz.start_over(8).unwrap();
    assert_eq!(quiz.total(), 5);
    let all = Quiz::drawing(&BANK, QuestionCount::All, 3, INSTANT);
    assert_eq!(all.total(), BANK.len());
}

#[test]
fn switching_to_at_end_during_feedback_moves_on() {
    let mut quiz = fresh(1, INSTANT);
    quiz.start().unwrap();
    let q = current_question(&quiz);
    quiz.pick(correct_id(q)).unwrap();
    quiz.check_now().unwrap();
    quiz.set_mode(AT_END);
    assert_eq!(quiz.phase(), Phase::Asking { index: 1 });
    assert_eq!(quiz.mode(), AT_END);
}
