//! The sentences the results assemble from content: the score ("15 / 21"), a review line per
//! answer and the tier's advice naming the topics the reader missed.
//!
//! Assembled here, not in the views, so the punctuation rules hold for every question of the bank
//! and are tested natively: an option is quoted (its capital then reads as a quotation, not as a
//! capital mid-sentence) without its own closing full stop (the sentence adds one), and lists
//! take the serial comma, as the article does.

use crate::content::tiers::{PERFECT_ADVICE, TOPICS_SLOT};
use crate::content::{AnswerOption, Topic};

use super::results::{QuizResults, ReviewItem};

/// The start screen's line: how many questions and about how long they take, and (when the
/// explainer is on the page) that each answer links back to it.
pub fn start_intro(count: usize, links_to_the_article: bool) -> String {
    let questions = if count == 1 {
        " question"
    } else {
        " questions"
    };
    let minutes = super::draw::minutes_for(count);
    let unit = if minutes == 1 { " minute" } else { " minutes" };
    let tail = if links_to_the_article {
        ". Each answer links back to the part of the article it comes from."
    } else {
        "."
    };
    let (tests, take) = if count == 1 {
        (" tests", ". It takes about ")
    } else {
        (" test", ". They take about ")
    };
    [
        &*count.to_string(),
        questions,
        tests,
        " what you took from the article",
        take,
        &minutes.to_string(),
        unit,
        tail,
    ]
    .concat()
}

/// "15 / 21": the one way a score is written, everywhere in the widget.
/// Generic because the saved history counts in `u32` and a run in `usize`.
pub fn score_text(score: impl ToString, total: impl ToString) -> String {
    [&*score.to_string(), " / ", &total.to_string()].concat()
}

/// `text` in typographic quotes, without the closing punctuation a sentence around it supplies.
fn quoted(text: &str) -> String {
    let bare = text
        .trim()
        .trim_end_matches(['.', '!', ';', ':', ',', '…'])
        .trim_end();
    ["“", bare, "”"].concat()
}

/// What follows "Right: " or "Wrong: " in the review, e.g. `you answered “The CIO”. The right
/// answer is “The CTO”.` Two sentences rather than a semicolon, so no option's own punctuation
/// nests inside the line's.
pub fn review_line(item: &ReviewItem) -> String {
    answer_line(item.chosen, item.correct_option.filter(|_| !item.correct))
}

fn answer_line(chosen: &AnswerOption, right: Option<&AnswerOption>) -> String {
    match right {
        Some(right) => [
            "you answered ",
            &quoted(chosen.text),
            ". The right answer is ",
            &quoted(right.text),
            ".",
        ]
        .concat(),
        None => ["you answered ", &quoted(chosen.text), "."].concat(),
    }
}

/// The topics' names, quoted, joined the article's way: “A”, “A” and “B”, “A”, “B”, and “C”.
pub fn topic_list(topics: &[Topic]) -> String {
    let names: Vec<String> = topics.iter().map(|topic| quoted(topic.label())).collect();
    match names.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [first, second] => [first.as_str(), " and ", second].concat(),
        [init @ .., last] => [init.join(", ").as_str(), ", and ", last].concat(),
    }
}

/// The most topics the advice names; beyond that it sends the reader back to the whole article
/// (the "Worth re-reading" links still list every one).
const MAX_NAMED_TOPICS: usize = 3;

/// The advice under the tier: its own message for a perfect score, otherwise the tier's advice
/// with the topics the reader missed in its slot (or "the article" when more than three).
pub fn advice(results: &QuizResults) -> String {
    if results.total > 0 && results.score >= results.total {
        return PERFECT_ADVICE.to_owned();
    }
    let missed = if results.topics_to_reread.is_empty()
        || results.topics_to_reread.len() > MAX_NAMED_TOPICS
    {
        // Empty is not reachable from a real run (a wrong answer always has a topic).
        "the article".to_owned()
    } else {
        topic_list(&results.topics_to_reread)
    };
    results.tier.advice.replacen(TOPICS_SLOT, &missed, 1)
}

/// What a reader shares from the results: "I scored 8/10 on the CTO vs CIO quiz: Race strategist".
/// No spaces around the slash, unlike [`score_text`]: this is written as a person would post it.
pub fn share_text(results: &QuizResults) -> String {
    [
        "I scored ",
        &*results.score.to_string(),
        "/",
        &results.total.to_string(),
        " on the CTO vs CIO quiz: ",
        results.tier.title,
    ]
    .concat()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::tiers::tier_for;
    use crate::content::{QUESTIONS, TIERS};
    use crate::quiz::{FeedbackMode, Quiz};

    /// Two punctuation marks in a row, ignoring quotation marks between them ("excellence.”.").
    pub(crate) fn doubled_punctuation(text: &str) -> Option<String> {
        let marks: Vec<char> = text.chars().filter(|c| !"“”\"".contains(*c)).collect();
        marks
            .windows(2)
            .find(|pair| pair.iter().all(|c| ".,;:!?…".contains(*c)))
            .map(|pair| pair.iter().collect())
    }

    fn item(question: &'static crate::content::Question, chosen: usize) -> ReviewItem {
        let chosen = &question.options[chosen];
        ReviewItem {
            question,
            chosen,
            correct_option: question.options.iter().find(|o| o.correct),
            correct: chosen.correct,
        }
    }

    #[test]
    fn the_shared_text_names_the_score_and_the_tier() {
        let tier = TIERS
            .iter()
            .find(|tier| tier.id == "race-strategist")
            .expect("tier");
        let results = QuizResults {
            score: 8,
            total: 10,
            percent: 80,
            tier,
            topics: Vec::new(),
            topics_to_reread: Vec::new(),
            review: Vec::new(),
        };
        assert_eq!(
            share_text(&results),
            "I scored 8/10 on the CTO vs CIO quiz: Race strategist"
        );
    }

    #[test]
    fn every_review_line_of_the_bank_reads_as_one_clean_sentence() {
        for question in QUESTIONS {
            // The review shows the explanation right under the line.
            assert_eq!(
                doubled_punctuation(question.explanation),
                None,
                "{}",
                question.id
            );
            for index in 0..question.options.len() {
                let line = review_line(&item(question, index));
                assert_eq!(
                    doubled_punctuation(&line),
                    None,
                    "question {:?}: {line}",
                    question.id
                );
                assert!(line.starts_with("you answered “"), "{line}");
                assert!(line.ends_with("”."), "{line}");
                assert_eq!(line.matches('“').count(), line.matches('”').count());
                let right = question.options.iter().find(|o| o.correct).unwrap();
                if question.options[index].correct {
                    assert!(!line.contains("right answer"), "{line}");
                } else {
                    assert!(line.contains(&quoted(right.text)), "{line}");
                }
            }
        }
    }

    #[test]
    fn an_option_ending_in_a_full_stop_gets_no_second_one() {
        static WITH_STOP: [AnswerOption; 2] = [
            AnswerOption {
                id: "a",
                text: "Innovation and operational excellence.",
                correct: false,
            },
            AnswerOption {
                id: "b",
                text: "The CTO.",
                correct: true,
            },
        ];
        let line = answer_line(&WITH_STOP[0], Some(&WITH_STOP[1]));
        assert_eq!(
            line,
            "you answered “Innovation and operational excellence”. The right answer is “The CTO”."
        );
        assert_eq!(answer_line(&WITH_STOP[1], None), "you answered “The CTO”.");
        assert_eq!(doubled_punctuation("excellence.”."), Some("..".to_owned()));
    }

    #[test]
    fn scores_are_written_one_way() {
        assert_eq!(score_text(15, 21), "15 / 21");
        assert_eq!(score_text(0, 0), "0 / 0");
    }

    #[test]
    fn topic_lists_take_the_serial_comma() {
        use Topic::*;
        assert_eq!(topic_list(&[]), "");
        assert_eq!(topic_list(&[Focus]), "“Focus areas”");
        assert_eq!(
            topic_list(&[Focus, Metrics]),
            "“Focus areas” and “Success metrics”"
        );
        assert_eq!(
            topic_list(&[Focus, Metrics, Leadership]),
            "“Focus areas”, “Success metrics”, and “Leadership style”"
        );
    }

    /// A finished run over the real bank, right except for the questions `wrong` names.
    fn run(wrong: &[&str]) -> QuizResults {
        let mut quiz = Quiz::new(QUESTIONS, 3, FeedbackMode::AtEnd);
        crate::quiz::testing::finish(&mut quiz, |id| !wrong.contains(&id));
        quiz.results(TIERS).unwrap()
    }

    /// The ids of the run [`run`] plays, in the order asked.
    fn run_ids() -> Vec<&'static str> {
        let quiz = Quiz::new(QUESTIONS, 3, FeedbackMode::AtEnd);
        let mut ids = Vec::new();
        for slot in &quiz.slots {
            ids.extend(
                QUESTIONS
                    .iter()
                    .find(|q| q.id == slot.question)
                    .map(|q| q.id),
            );
        }
        ids
    }

    /// The first question of the run on `topic`.
    fn run_id_on(topic: Topic) -> &'static str {
        run_ids()
            .into_iter()
            .find(|id| QUESTIONS.iter().any(|q| q.id == *id && q.topic == topic))
            .expect("the run covers every topic")
    }

    #[test]
    fn a_perfect_score_gets_its_own_message() {
        let results = run(&[]);
        assert_eq!(results.tier.id, "team-principal");
        assert_eq!(advice(&results), PERFECT_ADVICE);
        assert!(!PERFECT_ADVICE.contains(TOPICS_SLOT));
    }

    #[test]
    fn the_advice_names_exactly_the_topics_missed() {
        let results = run(&[run_id_on(Topic::Focus), run_id_on(Topic::Metrics)]);
        let text = advice(&results);
        assert_eq!(results.tier.id, "race-strategist", "{}%", results.percent);
        assert!(
            text.contains("“Focus areas” and “Success metrics”"),
            "{text}"
        );
        for topic in Topic::ALL {
            let named = text.contains(topic.label());
            let missed = matches!(topic, Topic::Focus | Topic::Metrics);
            assert_eq!(named, missed, "{topic:?} in {text}");
        }
        assert!(!text.contains(TOPICS_SLOT));
    }

    #[test]
    fn every_band_has_advice_that_names_what_was_missed() {
        // One more wrong answer each time until each band is reached.
        let ids = run_ids();
        let mut seen = Vec::new();
        for wrong in 1..ids.len() {
            let results = run(&ids[..wrong]);
            let text = advice(&results);
            assert_eq!(results.tier.id, tier_for(results.percent).id);
            assert!(!text.contains(TOPICS_SLOT), "{text}");
            let named = Topic::ALL
                .iter()
                .filter(|topic| text.contains(topic.label()))
                .count();
            if results.topics_to_reread.len() <= 3 {
                assert!(
                    results
                        .topics_to_reread
                        .iter()
                        .all(|topic| text.contains(topic.label())),
                    "{}: {text}",
                    results.tier.id
                );
            } else {
                assert_eq!(named, 0, "{text}");
                assert!(text.contains("the article"), "{text}");
            }
            assert!(!text.contains(" and pole"), "a double “and”: {text}");
            assert_eq!(doubled_punctuation(&text), None, "{text}");
            if !seen.contains(&results.tier.id) {
                seen.push(results.tier.id);
            }
        }
        assert_eq!(seen.len(), TIERS.len(), "bands reached: {seen:?}");
    }
}

#[cfg(test)]
mod start_intro_tests {
    use super::start_intro;

    #[test]
    fn says_how_many_questions_and_how_long() {
        assert_eq!(
            start_intro(10, true),
            "10 questions test what you took from the article. They take about 5 minutes. Each \
             answer links back to the part of the article it comes from."
        );
        assert_eq!(
            start_intro(1, false),
            "1 question tests what you took from the article. It takes about 1 minute."
        );
    }
}
