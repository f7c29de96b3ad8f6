//! The words and CSS classes that state shows as: each rule decided once, from the engine's data,
//! never by matching display text.

use crate::quiz::{score_text, CurrentQuestion, FeedbackMode, Phase, QuizResults, TopicScore};
use crate::storage::{self, HistoryEntry};

/// How one answer option is marked once the question is checked: in words and a class, never by
/// colour alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OptionMark {
    /// Not checked yet, or neither right nor picked.
    Plain,
    /// The right answer (whether or not the reader picked it).
    Right,
    /// The reader's pick, which was wrong.
    WrongPick,
}

impl OptionMark {
    /// The mark of an option that is `correct` and `selected`, on a question that is `checked`.
    pub fn of(checked: bool, correct: bool, selected: bool) -> OptionMark {
        match (checked, correct, selected) {
            (true, true, _) => OptionMark::Right,
            (true, false, true) => OptionMark::WrongPick,
            _ => OptionMark::Plain,
        }
    }

    /// The words shown next to the option, if any.
    pub fn label(self) -> Option<&'static str> {
        match self {
            OptionMark::Plain => None,
            OptionMark::Right => Some("Right answer"),
            OptionMark::WrongPick => Some("Your answer"),
        }
    }

    /// The option's `label` element classes.
    pub fn class(self) -> &'static str {
        match self {
            OptionMark::Plain => "ccq-option",
            OptionMark::Right => "ccq-option ccq-is-right",
            OptionMark::WrongPick => "ccq-option ccq-is-wrong",
        }
    }
}

/// The main button's label: Check while asking in instant mode, then Next, or See my results on
/// the last question.
pub fn main_button(in_feedback: bool, mode: FeedbackMode, last: bool) -> &'static str {
    match (in_feedback, mode, last) {
        (false, FeedbackMode::Instant, _) => "Check answer",
        (_, _, true) => "See my results",
        _ => "Next question",
    }
}

/// An ARIA state's value (`aria-invalid`, `aria-disabled`): a constant, not a fresh `String`.
pub fn true_false(state: bool) -> &'static str {
    if state {
        "true"
    } else {
        "false"
    }
}

/// True while the question's feedback is on screen.
pub fn in_feedback(phase: Phase) -> bool {
    matches!(phase, Phase::Feedback { .. })
}

/// True when `current` is the run's last question.
pub fn is_last(current: &CurrentQuestion) -> bool {
    current.index + 1 == current.total
}

/// "Question 3 of 21".
pub fn progress(current: &CurrentQuestion) -> String {
    [
        "Question ",
        &(current.index + 1).to_string(),
        " of ",
        &current.total.to_string(),
    ]
    .concat()
}

/// The progress bar's width: the share of questions already behind the reader, "14%".
pub fn bar_width(current: &CurrentQuestion) -> String {
    [
        &*(current.index * 100 / current.total.max(1)).to_string(),
        "%",
    ]
    .concat()
}

/// The verdict of one answer: a class suffix and its words in the feedback and in the review.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Verdict {
    /// `ccq-is-right` or `ccq-is-wrong`.
    pub class: &'static str,
    /// The feedback box's classes.
    pub feedback_class: &'static str,
    /// "Right!" or "Not quite." (instant feedback).
    pub feedback: &'static str,
    /// "Right" or "Wrong" (the review).
    pub review: &'static str,
}

/// The verdict of an answer that was `correct` or not.
pub fn verdict(correct: bool) -> Verdict {
    if correct {
        Verdict {
            class: "ccq-is-right",
            feedback_class: "ccq-feedback ccq-is-right",
            feedback: "Right!",
            review: "Right",
        }
    } else {
        Verdict {
            class: "ccq-is-wrong",
            feedback_class: "ccq-feedback ccq-is-wrong",
            feedback: "Not quite.",
            review: "Wrong",
        }
    }
}

/// "Your best so far: 12 / 16 (75%) · 3 attempts", once there is a finished attempt.
pub fn best_score(history: &[HistoryEntry]) -> Option<String> {
    let best = storage::best(history)?;
    let attempts = history.len();
    Some(
        [
            "Your best so far: ",
            &score_text(best.score, best.total),
            " (",
            &best.percent().to_string(),
            "%) · ",
            &attempts.to_string(),
            if attempts == 1 {
                " attempt"
            } else {
                " attempts"
            },
        ]
        .concat(),
    )
}

/// "12 / 16".
pub fn score(results: &QuizResults) -> String {
    score_text(results.score, results.total)
}

/// "75%".
pub fn percent(results: &QuizResults) -> String {
    [&*results.percent.to_string(), "%"].concat()
}

/// One topic's tally, "2 / 3".
pub fn tally(topic: &TopicScore) -> String {
    score_text(topic.correct, topic.total)
}

/// The newsletter's opening line after the results: "You scored 12/16 — want to learn more?".
pub fn cta_score(results: &QuizResults) -> String {
    [
        "You scored ",
        &score_text(results.score, results.total),
        " — want to learn more?",
    ]
    .concat()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{QUESTIONS, TIERS};
    use crate::quiz::Quiz;

    #[test]
    fn aria_states_are_the_words_aria_defines() {
        assert_eq!((true_false(true), true_false(false)), ("true", "false"));
    }

    fn entry(score: u32, total: u32, at: u64) -> HistoryEntry {
        HistoryEntry {
            score,
            total,
            finished_at_ms: at,
            id: 0,
        }
    }

    #[test]
    fn marks_follow_checked_correct_and_selected() {
        assert_eq!(OptionMark::of(false, true, true), OptionMark::Plain);
        assert_eq!(OptionMark::of(true, true, false), OptionMark::Right);
        assert_eq!(OptionMark::of(true, true, true), OptionMark::Right);
        assert_eq!(OptionMark::of(true, false, true), OptionMark::WrongPick);
        assert_eq!(OptionMark::of(true, false, false), OptionMark::Plain);
        assert_eq!(OptionMark::Right.label(), Some("Right answer"));
        assert_eq!(OptionMark::WrongPick.label(), Some("Your answer"));
        assert_eq!(OptionMark::Plain.label(), None);
        assert_eq!(OptionMark::Right.class(), "ccq-option ccq-is-right");
        assert_eq!(OptionMark::WrongPick.class(), "ccq-option ccq-is-wrong");
        assert_eq!(OptionMark::Plain.class(), "ccq-option");
    }

    #[test]
    fn the_main_button_says_what_it_will_do() {
        use FeedbackMode::{AtEnd, Instant};
        assert_eq!(main_button(false, Instant, false), "Check answer");
        assert_eq!(main_button(false, Instant, true), "Check answer");
        assert_eq!(main_button(true, Instant, false), "Next question");
        assert_eq!(main_button(true, Instant, true), "See my results");
        assert_eq!(main_button(false, AtEnd, false), "Next question");
        assert_eq!(main_button(false, AtEnd, true), "See my results");
    }

    #[test]
    fn progress_counts_from_one_and_the_bar_from_zero() {
        let mut quiz = Quiz::new(QUESTIONS, 7, FeedbackMode::Instant);
        let _ = quiz.start();
        let current = quiz.current().expect("started");
        assert_eq!(
            progress(&current),
            ["Question 1 of ", &quiz.total().to_string()].concat()
        );
        assert_eq!(bar_width(&current), "0%");
        assert!(!is_last(&current));
        assert!(!in_feedback(quiz.phase()));
    }

    #[test]
    fn verdicts_pair_words_with_classes() {
        assert_eq!(verdict(true).feedback, "Right!");
        assert_eq!(verdict(true).feedback_class, "ccq-feedback ccq-is-right");
        assert_eq!(verdict(true).review, "Right");
        assert_eq!(verdict(false).feedback, "Not quite.");
        assert_eq!(verdict(false).class, "ccq-is-wrong");
        assert_eq!(verdict(false).review, "Wrong");
    }

    #[test]
    fn the_best_score_line_counts_attempts() {
        assert_eq!(best_score(&[]), None);
        assert_eq!(
            best_score(&[entry(3, 4, 1)]).as_deref(),
            Some("Your best so far: 3 / 4 (75%) · 1 attempt")
        );
        assert_eq!(
            best_score(&[entry(1, 4, 1), entry(12, 16, 2), entry(2, 4, 3)]).as_deref(),
            Some("Your best so far: 12 / 16 (75%) · 3 attempts")
        );
    }

    #[test]
    fn result_lines() {
        let mut quiz = Quiz::new(QUESTIONS, 7, FeedbackMode::Instant);
        let _ = quiz.start();
        while let Some(current) = quiz.current() {
            let pick = current
                .options
                .iter()
                .find(|o| o.correct)
                .expect("a right option")
                .id;
            let id = current.question.id;
            quiz.select(id, pick).expect("asking");
            quiz.check(id).expect("selected");
            if quiz.phase() != Phase::Finished {
                quiz.next(id).expect("feedback");
            }
        }
        let results = quiz.results(TIERS).expect("finished");
        let n = results.total.to_string();
        assert_eq!(score(&results), [&*n, " / ", &n].concat());
        assert_eq!(percent(&results), "100%");
        assert_eq!(
            cta_score(&results),
            ["You scored ", &n, " / ", &n, " — want to learn more?"].concat()
        );
        let first = results.topics.first().expect("a topic");
        assert_eq!(
            tally(first),
            [&*first.total.to_string(), " / ", &first.total.to_string()].concat()
        );
    }
}
