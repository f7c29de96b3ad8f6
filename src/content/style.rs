//! Content rules a careful reader would check, beyond what `validate` says about the data's shape:
//! enough depth to draw ten questions from, enough application, one name per section, the
//! article's serial comma, and explanations that quote their own sentence and give nothing away.
//! Tests only: the checks read the real content.

use super::tiers::PERFECT_ADVICE;
use super::types::{QuestionKind, Topic};
use super::{ARTICLE, QUESTIONS, QUIZ_TITLE, TIERS};

/// The words of the article each question's keyed answer rests on, as few as pin it down. Its
/// explanation must quote them, and no other question's explanation or prompt may contain them:
/// that would hand the reader the other answer. A new question needs a line here.
const RESTS_ON: &[(&str, &str)] = &[
    ("analogy-engineer", "The CTO is the engineer"),
    (
        "analogy-race-day",
        "runs smoothly, reliably, and securely on race day",
    ),
    (
        "analogy-winning",
        "Both roles are vital for winning the race",
    ),
    ("analogy-aero-upgrade", "making the car faster"),
    ("impact-one-exec-torn", "Overloading one position"),
    ("impact-who-drives-what", "driven by the CTO"),
    (
        "impact-today-tomorrow",
        "today’s needs and tomorrow’s ambitions",
    ),
    ("impact-leaders-not-talking", "due to miscommunication"),
    ("focus-inward", "The CIO looks inward"),
    ("focus-rival-feature", "The CTO looks outward"),
    ("priorities-emerging-tech", "emerging technologies"),
    ("priorities-pen-test", "ensuring cybersecurity"),
    ("priorities-cto-list", "like product development"),
    ("priorities-research-lab", "R&D"),
    (
        "stakeholders-external",
        "CTOs often work closely with external teams",
    ),
    (
        "stakeholders-month-end-crash",
        "CIOs collaborate with internal teams",
    ),
    (
        "stakeholders-cio-why",
        "support business processes and employee productivity",
    ),
    ("metrics-cost-efficiency", "cost efficiency"),
    ("metrics-cto-scorecard", "time-to-market for new products"),
    ("metrics-outage-free-year", "system reliability"),
    (
        "leadership-art-of-possible",
        "explore the art of the possible",
    ),
    ("leadership-cio-style", "is the steady hand"),
    ("leadership-bold-pitch", "the CTO as a visionary"),
    ("together-balance", "strike the right balance"),
    ("together-seamless-systems", "seamless, secure systems"),
    ("together-powerhouse", "technology leadership powerhouse"),
];

fn contains(haystack: &str, needle: &str) -> bool {
    haystack.to_lowercase().contains(&needle.to_lowercase())
}

#[test]
fn the_bank_is_deep_enough_to_draw_ten_from() {
    assert!(QUESTIONS.len() >= 24, "{} questions", QUESTIONS.len());
    for topic in Topic::ALL {
        let n = QUESTIONS.iter().filter(|q| q.topic == topic).count();
        assert!(n >= 2, "{topic:?} has {n} question(s); each topic needs 2+");
    }
    let scenarios = QUESTIONS
        .iter()
        .filter(|q| q.kind == QuestionKind::Scenario)
        .count();
    assert!(
        scenarios * 3 >= QUESTIONS.len(),
        "{scenarios} scenarios of {}; at least a third must apply a distinction",
        QUESTIONS.len()
    );
}

#[test]
fn every_prompt_is_a_question() {
    for question in QUESTIONS {
        assert!(
            question.prompt.ends_with('?'),
            "{}: {}",
            question.id,
            question.prompt
        );
    }
    assert!(QUIZ_TITLE.ends_with("CTO, CIO, or both?"));
}

#[test]
fn a_section_has_one_name_everywhere() {
    for topic in Topic::ALL {
        assert_eq!(
            ARTICLE.heading_of(topic.section()),
            Some(topic.label()),
            "{topic:?}: the breakdown and the \"Read more\" link must name its section alike"
        );
    }
    for question in QUESTIONS {
        assert_eq!(
            question.section,
            question.topic.section(),
            "{}: \"Read more\" must go where the breakdown sends the reader",
            question.id
        );
    }
}

#[test]
fn every_explanation_quotes_what_its_answer_rests_on_and_nothing_another_asks() {
    let article = ARTICLE.texts();
    for question in QUESTIONS {
        let Some((_, key)) = RESTS_ON.iter().find(|(id, _)| *id == question.id) else {
            panic!("{}: add the words it rests on to RESTS_ON", question.id);
        };
        assert!(
            article.iter().any(|text| contains(text, key)),
            "{}: {key:?} is not in the article",
            question.id
        );
        assert!(
            contains(question.explanation, key)
                && question.explanation.contains('“')
                && question.explanation.contains('”'),
            "{}: the explanation must quote {key:?}: {}",
            question.id,
            question.explanation
        );
        for other in QUESTIONS.iter().filter(|other| other.id != question.id) {
            let Some((_, other_key)) = RESTS_ON.iter().find(|(id, _)| *id == other.id) else {
                continue;
            };
            assert!(
                !contains(question.explanation, other_key),
                "{}'s explanation gives away {} ({other_key:?})",
                question.id,
                other.id
            );
            assert!(
                !contains(question.prompt, other_key),
                "{}'s prompt gives away {} ({other_key:?})",
                question.id,
                other.id
            );
        }
    }
    assert_eq!(
        RESTS_ON.len(),
        QUESTIONS.len(),
        "RESTS_ON lists a retired question"
    );
}

/// A list written without the serial comma ("A, B and C"): an " and " / " or " whose clause
/// already holds a comma but that has none itself. Clauses end at the marks below, so a comma in
/// a quotation or before a colon does not count.
fn missing_serial_comma(text: &str) -> Option<String> {
    for clause in text.split(['.', ';', ':', '?', '!', '—', '“', '”', '(', ')']) {
        for joiner in [" and ", " or "] {
            let mut from = 0;
            while let Some(at) = clause[from..].find(joiner).map(|i| i + from) {
                let before = &clause[..at];
                if before.contains(", ") && !before.ends_with(',') {
                    return Some(clause.trim().to_owned());
                }
                from = at + joiner.len();
            }
        }
    }
    None
}

#[test]
fn lists_take_the_serial_comma_as_the_article_does() {
    assert_eq!(
        missing_serial_comma("CTO, CIO or both?"),
        Some("CTO, CIO or both".to_owned())
    );
    assert_eq!(missing_serial_comma("the CTO, the CIO, or both?"), None);
    let mut texts = vec![QUIZ_TITLE, PERFECT_ADVICE];
    for question in QUESTIONS {
        texts.extend([question.prompt, question.explanation]);
        texts.extend(question.options.iter().map(|o| o.text));
    }
    for tier in TIERS {
        texts.extend([tier.title, tier.advice]);
    }
    for text in texts {
        assert_eq!(missing_serial_comma(text), None, "in: {text}");
    }
}

#[test]
fn no_tier_name_is_one_of_the_two_roles() {
    // The analogy's engineer and mechanic are the CTO and the CIO; a pit crew is the mechanic.
    for tier in TIERS {
        let title = tier.title.to_lowercase();
        for role in ["engineer", "mechanic", "pit crew", "cto", "cio"] {
            assert!(
                !title.contains(role),
                "tier {:?} is named after {role}",
                tier.id
            );
        }
    }
    let ids: Vec<&str> = TIERS.iter().map(|tier| tier.id).collect();
    assert_eq!(
        ids,
        [
            "pit-lane-visitor",
            "pit-crew",
            "race-strategist",
            "team-principal"
        ],
        "tier ids are public (the complete event): keep them"
    );
}
