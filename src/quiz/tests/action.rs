//! `Quiz::act`: each action reports what it changed and where it left the run, a refused one
//! leaves the run as it was, and exactly the action that ends an attempt says so.

use crate::quiz::testing::{correct_id, fresh, Play};
use crate::quiz::{Action, ActionError, Change, FeedbackMode, Phase};

#[test]
fn an_attempt_played_through_act_reports_each_change_and_its_end_once() {
    for mode in [FeedbackMode::Instant, FeedbackMode::AtEnd] {
        let mut quiz = fresh(7, mode);
        let started = quiz.act(Action::Start, 1).unwrap();
        assert_eq!(started.change, Change::Started);
        assert_eq!(started.phase, Phase::Asking { index: 0 });
        let mut ends = 0;
        while let Some(current) = quiz.current() {
            let question_id = current.question.id;
            let option_id = correct_id(current.question);
            let selected = quiz
                .act(
                    Action::Select {
                        question_id,
                        option_id,
                    },
                    1,
                )
                .unwrap();
            assert_eq!(selected.change, Change::Selected);
            assert!(!selected.finished_attempt());
            let checked = quiz.act(Action::Check { question_id }, 1).unwrap();
            assert_eq!(
                checked.change,
                Change::Answered {
                    question_id,
                    correct: true
                }
            );
            ends += usize::from(checked.finished_attempt());
            if mode == FeedbackMode::Instant {
                assert!(matches!(checked.phase, Phase::Feedback { .. }));
                let next = quiz.act(Action::Next { question_id }, 1).unwrap();
                assert_eq!(next.change, Change::MovedOn);
                ends += usize::from(next.finished_attempt());
            }
        }
        assert_eq!(quiz.phase(), Phase::Finished, "{mode:?}");
        assert_eq!(ends, 1, "{mode:?}: the end is reported by one action");

        let retaken = quiz.act(Action::Retake, 2).unwrap();
        assert_eq!(retaken.change, Change::Started);
        assert!(!retaken.finished_attempt());
        let over = quiz.act(Action::StartOver, 3).unwrap();
        assert_eq!(
            (over.change, over.phase),
            (Change::StartedOver, Phase::NotStarted)
        );
    }
}

#[test]
fn a_refused_action_changes_nothing() {
    let mut quiz = fresh(7, FeedbackMode::Instant);
    let before = quiz.clone();
    assert_eq!(quiz.act(Action::Retake, 1), Err(ActionError::NotFinished));
    assert_eq!(quiz.act(Action::StartOver, 1), Err(ActionError::NotStarted));
    assert_eq!(quiz, before);

    quiz.act(Action::Start, 1).unwrap();
    let on_screen = quiz.on_screen();
    let before = quiz.clone();
    assert_eq!(
        quiz.act(
            Action::Check {
                question_id: on_screen
            },
            1
        ),
        Err(ActionError::NothingSelected)
    );
    assert_eq!(
        quiz.act(
            Action::Select {
                question_id: "someone-else",
                option_id: "a"
            },
            1
        ),
        Err(ActionError::StaleQuestion)
    );
    assert_eq!(quiz.act(Action::Start, 1), Err(ActionError::AlreadyStarted));
    assert_eq!(quiz, before);
}
