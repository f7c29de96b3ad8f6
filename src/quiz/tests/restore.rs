//! Saving by ids and restoring against the bank as it is now, including an edited bank.

use crate::quiz::testing::{
    correct_id, finish, fresh, through_json as round_trip, wrong_id, Play, BANK, EDITED_BANK,
};
use crate::quiz::{FeedbackMode, Phase, Quiz, RestoreError, Restored};

fn restore_clean(saved: Quiz) -> Quiz {
    let Restored {
        quiz,
        dropped_questions,
        dropped_answers,
    } = Quiz::restore(saved, &BANK).unwrap();
    assert_eq!((dropped_questions, dropped_answers), (0, 0));
    quiz
}

/// Answers the first `n` questions right and leaves `selected` picked on the next.
fn part_way(n: usize, mode: FeedbackMode) -> Quiz {
    let mut quiz = fresh(8, mode);
    quiz.start().unwrap();
    for _ in 0..n {
        let q = quiz.current().unwrap().question;
        quiz.pick(correct_id(q)).unwrap();
        quiz.check_now().unwrap();
        if mode == FeedbackMode::Instant {
            quiz.next_now().unwrap();
        }
    }
    quiz
}

#[test]
fn saved_form_uses_ids_only() {
    let quiz = part_way(1, FeedbackMode::Instant);
    let json = serde_json::to_value(&quiz).unwrap();
    let first = &json["slots"][0];
    assert!(first["question"].as_str().unwrap().starts_with('q'));
    assert!(first["options"][0].is_string());
    assert!(first["answer"].is_string());
    assert!(json.get("bank").is_none());
}

#[test]
fn every_phase_round_trips() {
    let mut asking = part_way(3, FeedbackMode::Instant);
    let q = asking.current().unwrap().question;
    asking.pick(wrong_id(q)).unwrap();
    let mut feedback = asking.clone();
    feedback.check_now().unwrap();
    let mut finished = fresh(8, FeedbackMode::AtEnd);
    finish(&mut finished, |_| true);
    for quiz in [fresh(8, FeedbackMode::Instant), asking, feedback, finished] {
        assert_eq!(restore_clean(round_trip(&quiz)), quiz);
    }
}

#[test]
fn detached_quiz_never_panics() {
    let detached = round_trip(&part_way(2, FeedbackMode::Instant));
    let mut quiz = detached.clone();
    assert_eq!(quiz.phase(), Phase::Asking { index: 2 });
    assert!(quiz.current().is_none());
    assert_eq!(quiz.score(), 0);
    assert!(quiz.pick("a").is_err());
    assert!(quiz.check_now().is_err());
    assert_eq!(quiz, detached);
}

#[test]
fn edited_bank_drops_gone_questions_and_answers() {
    let mut quiz = fresh(8, FeedbackMode::AtEnd);
    quiz.start().unwrap();
    // Answer everything with option "b" where it exists, else the first option.
    while let Some(cur) = quiz.current() {
        let id = cur
            .options
            .iter()
            .find(|o| o.id == "b")
            .map_or(cur.options[0].id, |o| o.id);
        quiz.pick(id).unwrap();
        quiz.check_now().unwrap();
    }
    let saved_order: Vec<String> = quiz.slots.iter().map(|s| s.question.clone()).collect();
    let r = Quiz::restore(round_trip(&quiz), &EDITED_BANK).unwrap();
    // q03 and q10 are gone; q05's answer "b" no longer exists.
    assert_eq!((r.dropped_questions, r.dropped_answers), (2, 1));
    let restored = r.quiz;
    assert_eq!(restored.total(), 10);
    assert_eq!(restored.answered(), 9);
    assert_eq!(restored.phase(), Phase::Asking { index: 9 });
    assert_eq!(restored.current().unwrap().question.id, "q05");
    // q05's options changed, so they come back in authored order.
    assert_eq!(restored.slots[9].options, vec!["a", "c", "d"]);
    // The answered questions keep the order they were asked in; q13 is not added.
    let kept: Vec<&String> = saved_order
        .iter()
        .filter(|id| !["q03", "q10", "q05"].contains(&id.as_str()))
        .collect();
    let answered: Vec<&String> = restored.slots[..9].iter().map(|s| &s.question).collect();
    assert_eq!(answered, kept);
}

#[test]
fn finished_run_with_a_dropped_answer_asks_it_again() {
    let mut quiz = fresh(8, FeedbackMode::Instant);
    finish(&mut quiz, |_| true);
    let mut saved = round_trip(&quiz);
    saved.slots[4].answer = Some("zzz".into());
    let r = Quiz::restore(saved, &BANK).unwrap();
    assert_eq!(r.dropped_answers, 1);
    assert_eq!(r.quiz.phase(), Phase::Asking { index: 11 });
    assert_eq!(r.quiz.slots[11].question, quiz.slots[4].question);
}

#[test]
fn nothing_left_fails_cleanly() {
    let mut saved = round_trip(&fresh(1, FeedbackMode::Instant));
    for slot in &mut saved.slots {
        slot.question = format!("gone-{}", slot.question);
    }
    assert_eq!(Quiz::restore(saved, &BANK), Err(RestoreError::NoQuestions));
    let empty = round_trip(&Quiz::new(&[], 1, FeedbackMode::Instant));
    assert_eq!(Quiz::restore(empty, &BANK), Err(RestoreError::NoQuestions));
}

#[test]
fn duplicate_questions_are_dropped() {
    let mut saved = round_trip(&fresh(1, FeedbackMode::Instant));
    let dup = saved.slots[0].clone();
    saved.slots.push(dup);
    let r = Quiz::restore(saved, &BANK).unwrap();
    assert_eq!(r.dropped_questions, 1);
    assert_eq!(r.quiz.total(), 12);
}

#[test]
fn hand_edited_option_orders_are_repaired() {
    let quiz = fresh(1, FeedbackMode::Instant);
    let mut saved = round_trip(&quiz);
    for slot in &mut saved.slots {
        slot.options.reverse();
        if slot.question == "q04" {
            slot.options.push("a".into());
        }
    }
    let restored = Quiz::restore(saved, &BANK).unwrap().quiz;
    for (slot, original) in restored.slots.iter().zip(&quiz.slots) {
        let q = BANK.iter().find(|q| q.id == slot.question).unwrap();
        let authored: Vec<&str> = q.options.iter().map(|o| o.id).collect();
        match q.id {
            // Classification keeps its authored order; a broken list falls back to it.
            "q01" | "q02" | "q03" | "q09" | "q04" => assert_eq!(slot.options, authored),
            _ => {
                let mut reversed = original.options.clone();
                reversed.reverse();
                assert_eq!(slot.options, reversed);
            }
        }
    }
}

#[test]
fn inconsistent_flags_are_normalized() {
    // Answers without "started": the run had started.
    let mut saved = round_trip(&part_way(2, FeedbackMode::AtEnd));
    saved.started = false;
    assert_eq!(
        Quiz::restore(saved, &BANK).unwrap().quiz.phase(),
        Phase::Asking { index: 2 }
    );
    // Feedback in AtEnd mode, or before any answer, is impossible.
    let mut saved = round_trip(&part_way(2, FeedbackMode::AtEnd));
    saved.feedback = true;
    assert_eq!(
        Quiz::restore(saved, &BANK).unwrap().quiz.phase(),
        Phase::Asking { index: 2 }
    );
    let mut saved = round_trip(&part_way(0, FeedbackMode::Instant));
    saved.feedback = true;
    assert_eq!(
        Quiz::restore(saved, &BANK).unwrap().quiz.phase(),
        Phase::Asking { index: 0 }
    );
}

#[test]
fn stale_selection_is_dropped() {
    let mut saved = round_trip(&part_way(1, FeedbackMode::Instant));
    saved.selected = Some("nope".into());
    assert_eq!(Quiz::restore(saved, &BANK).unwrap().quiz.selected, None);
    let mut saved = round_trip(&fresh(1, FeedbackMode::Instant));
    saved.selected = Some("a".into());
    assert_eq!(Quiz::restore(saved, &BANK).unwrap().quiz.selected, None);
}

#[test]
fn saved_mode_wins() {
    let saved = round_trip(&part_way(1, FeedbackMode::AtEnd));
    assert_eq!(restore_clean(saved).mode(), FeedbackMode::AtEnd);
}

/// A bank where q01 and q02 rest on one sentence, and q03 and q04 on another.
static LINKED: [crate::content::Question; 4] = {
    use crate::content::{Question, QuestionKind, Topic};
    use crate::quiz::testing::q;
    static CTO: [crate::content::AnswerOption; 3] = [
        crate::content::AnswerOption {
            id: "cto",
            text: "cto",
            correct: true,
        },
        crate::content::AnswerOption {
            id: "cio",
            text: "cio",
            correct: false,
        },
        crate::content::AnswerOption {
            id: "both",
            text: "both",
            correct: false,
        },
    ];
    let kind = QuestionKind::Classification;
    [
        Question {
            rests_on: 0b0001,
            ..q("q01", kind, Topic::Focus, &CTO)
        },
        Question {
            rests_on: 0b0011,
            ..q("q02", kind, Topic::Metrics, &CTO)
        },
        Question {
            rests_on: 0b0100,
            ..q("q03", kind, Topic::Analogy, &CTO)
        },
        Question {
            rests_on: 0b1100,
            ..q("q04", kind, Topic::Impact, &CTO)
        },
    ]
};

fn saved(slots: serde_json::Value, selected: Option<&str>) -> Quiz {
    serde_json::from_value(serde_json::json!({
        "mode": "Instant", "started": true, "feedback": false, "slots": slots, "selected": selected,
    }))
    .unwrap()
}

#[test]
fn an_older_draw_keeps_every_answer_and_drops_what_the_sentence_rule_forbids() {
    let slot = |id: &str, answer: Option<&str>| serde_json::json!({"question": id, "options": ["cto", "cio", "both"], "answer": answer});
    // q01 and q02 share a sentence but both are answered: both answers stay.
    // q03 is next; q04 shares a sentence with it and is dropped, unasked.
    let old = saved(
        serde_json::json!([
            slot("q01", Some("cto")),
            slot("q02", Some("cio")),
            slot("q03", None),
            slot("q04", None)
        ]),
        Some("cio"),
    );
    let restored = Quiz::restore(old, &LINKED).unwrap();
    assert_eq!(
        (restored.dropped_questions, restored.dropped_answers),
        (1, 0)
    );
    let quiz = restored.quiz;
    let ids: Vec<&str> = quiz.slots.iter().map(|s| s.question.as_str()).collect();
    assert_eq!(ids, ["q01", "q02", "q03"]);
    assert_eq!(quiz.answered(), 2);
    assert_eq!(quiz.phase(), Phase::Asking { index: 2 });
    assert_eq!(quiz.selected.as_deref(), Some("cio"));

    // An unanswered question linked to an answered one goes; the answered one stays.
    let old = saved(
        serde_json::json!([
            slot("q04", Some("cto")),
            slot("q03", None),
            slot("q01", None)
        ]),
        None,
    );
    let restored = Quiz::restore(old, &LINKED).unwrap();
    let ids: Vec<&str> = restored
        .quiz
        .slots
        .iter()
        .map(|s| s.question.as_str())
        .collect();
    assert_eq!((ids, restored.dropped_questions), (vec!["q04", "q01"], 1));

    // A finished run is kept whole: every question is answered.
    let old = saved(
        serde_json::json!([slot("q03", Some("cto")), slot("q04", Some("cio"))]),
        None,
    );
    let restored = Quiz::restore(old, &LINKED).unwrap();
    assert_eq!(restored.dropped_questions, 0);
    assert_eq!(restored.quiz.phase(), Phase::Finished);
}
