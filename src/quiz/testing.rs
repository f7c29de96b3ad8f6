//! Test fixtures shared by the quiz and storage tests: a static bank and tiers that do not depend
//! on the real content, plus small helpers to drive a run.

use crate::content::{AnswerOption, Question, QuestionKind, Tier, Topic};

use super::{ActionError, FeedbackMode, Outcome, Phase, Quiz};

const fn opt(id: &'static str, correct: bool) -> AnswerOption {
    AnswerOption {
        id,
        text: id,
        correct,
    }
}

static CLASS_CTO: [AnswerOption; 3] = [opt("cto", true), opt("cio", false), opt("both", false)];
static CLASS_CIO: [AnswerOption; 3] = [opt("cto", false), opt("cio", true), opt("both", false)];
static CLASS_BOTH: [AnswerOption; 3] = [opt("cto", false), opt("cio", false), opt("both", true)];
static MC_A: [AnswerOption; 4] = [
    opt("a", true),
    opt("b", false),
    opt("c", false),
    opt("d", false),
];
static MC_B: [AnswerOption; 4] = [
    opt("a", false),
    opt("b", true),
    opt("c", false),
    opt("d", false),
];
static MC_C: [AnswerOption; 3] = [opt("a", false), opt("b", false), opt("c", true)];
static MC_D: [AnswerOption; 4] = [
    opt("a", false),
    opt("b", false),
    opt("c", false),
    opt("d", true),
];
static MC_NO_B: [AnswerOption; 3] = [opt("a", false), opt("c", true), opt("d", false)];

pub(crate) const fn q(
    id: &'static str,
    kind: QuestionKind,
    topic: Topic,
    options: &'static [AnswerOption],
) -> Question {
    Question {
        id,
        kind,
        topic,
        section: "focus",
        prompt: id,
        options,
        explanation: "",
        rests_on: 0,
    }
}

use QuestionKind::{Classification as Class, MultipleChoice as Mc, Scenario};

/// Twelve questions: four classifications, the rest shuffled kinds, over six topics.
pub(crate) static BANK: [Question; 12] = [
    q("q01", Class, Topic::Focus, &CLASS_CTO),
    q("q02", Class, Topic::Focus, &CLASS_CIO),
    q("q03", Class, Topic::Metrics, &CLASS_BOTH),
    q("q04", Mc, Topic::Analogy, &MC_A),
    q("q05", Mc, Topic::Analogy, &MC_B),
    q("q06", Mc, Topic::Metrics, &MC_C),
    q("q07", Scenario, Topic::Leadership, &MC_A),
    q("q08", Mc, Topic::Leadership, &MC_D),
    q("q09", Class, Topic::Stakeholders, &CLASS_CIO),
    q("q10", Mc, Topic::Together, &MC_B),
    q("q11", Scenario, Topic::Stakeholders, &MC_C),
    q("q12", Mc, Topic::Focus, &MC_A),
];

/// The same bank after an edit: q03 and q10 removed, q05 lost option "b" (its old answers die),
/// q13 added.
pub(crate) static EDITED_BANK: [Question; 11] = [
    q("q01", Class, Topic::Focus, &CLASS_CTO),
    q("q02", Class, Topic::Focus, &CLASS_CIO),
    q("q04", Mc, Topic::Analogy, &MC_A),
    q("q05", Mc, Topic::Analogy, &MC_NO_B),
    q("q06", Mc, Topic::Metrics, &MC_C),
    q("q07", Scenario, Topic::Leadership, &MC_A),
    q("q08", Mc, Topic::Leadership, &MC_D),
    q("q09", Class, Topic::Stakeholders, &CLASS_CIO),
    q("q11", Scenario, Topic::Stakeholders, &MC_C),
    q("q12", Mc, Topic::Focus, &MC_A),
    q("q13", Mc, Topic::Impact, &MC_B),
];

pub(crate) static TIERS: [Tier; 3] = [
    Tier {
        id: "rookie",
        min_percent: 0,
        title: "Rookie",
        advice: "",
    },
    Tier {
        id: "pit-crew",
        min_percent: 50,
        title: "Pit crew",
        advice: "",
    },
    Tier {
        id: "champion",
        min_percent: 80,
        title: "Champion",
        advice: "",
    },
];

pub(crate) fn correct_id(q: &Question) -> &'static str {
    q.options.iter().find(|o| o.correct).map_or("", |o| o.id)
}

pub(crate) fn wrong_id(q: &Question) -> &'static str {
    q.options.iter().find(|o| !o.correct).map_or("", |o| o.id)
}

/// Answers every remaining question, right where `right(question_id)` says so.
pub(crate) fn finish(quiz: &mut Quiz, right: impl Fn(&str) -> bool) {
    if quiz.phase() == Phase::NotStarted {
        quiz.start().unwrap();
    }
    while let Some(cur) = quiz.current() {
        if matches!(quiz.phase(), Phase::Asking { .. }) {
            let id = if right(cur.question.id) {
                correct_id(cur.question)
            } else {
                wrong_id(cur.question)
            };
            quiz.pick(id).unwrap();
            quiz.check_now().unwrap();
        }
        if matches!(quiz.phase(), Phase::Feedback { .. }) {
            quiz.next_now().unwrap();
        }
    }
}

pub(crate) fn fresh(seed: u64, mode: FeedbackMode) -> Quiz {
    Quiz::new(&BANK, seed, mode)
}

/// A run part-way through: `answered` questions answered with options picked from `picks`, the
/// last one possibly still showing its feedback (Instant mode).
pub(crate) fn played(seed: u64, mode: FeedbackMode, answered: usize, picks: u64) -> Quiz {
    let mut quiz = fresh(seed, mode);
    if answered == 0 {
        return quiz;
    }
    quiz.start().unwrap();
    for i in 0..answered.min(quiz.total()) {
        if matches!(quiz.phase(), Phase::Feedback { .. }) {
            quiz.next_now().unwrap();
        }
        let cur = quiz.current().unwrap();
        let pick = (picks >> (i % 60)) as usize % cur.options.len();
        quiz.pick(cur.options[pick].id).unwrap();
        quiz.check_now().unwrap();
    }
    quiz
}

/// Drives the question on screen the way the view does: its controls carry that question's id
/// (an empty id when there is none, so the phase errors show).
pub(crate) trait Play {
    fn on_screen(&self) -> &'static str;
    fn pick(&mut self, option_id: &str) -> Result<(), ActionError>;
    fn check_now(&mut self) -> Result<Outcome, ActionError>;
    fn next_now(&mut self) -> Result<(), ActionError>;
}

impl Play for Quiz {
    fn on_screen(&self) -> &'static str {
        self.current().map_or("", |current| current.question.id)
    }

    fn pick(&mut self, option_id: &str) -> Result<(), ActionError> {
        let id = self.on_screen();
        self.select(id, option_id)
    }

    fn check_now(&mut self) -> Result<Outcome, ActionError> {
        let id = self.on_screen();
        self.check(id)
    }

    fn next_now(&mut self) -> Result<(), ActionError> {
        let id = self.on_screen();
        self.next(id)
    }
}

/// A save's round trip through serde_json, as storage does it.
pub(crate) fn through_json(quiz: &Quiz) -> Quiz {
    serde_json::from_str(&serde_json::to_string(quiz).unwrap()).unwrap()
}
