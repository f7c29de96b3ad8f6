//! The real article and question bank held against the owner's text: every sentence of
//! shared/article.md word for word, each difference's bullets under their role, and a bank balanced
//! enough that guessing does not pay. Tests only; the data's shape is `validate`'s concern.

use super::types::{Block, QuestionKind, Topic};
use super::{ARTICLE, QUESTIONS};

/// Every body sentence of the owner's article (shared/article.md), copied here so the check
/// runs where that file does not exist. A failure means the article data drifted from it.
const ARTICLE_SENTENCES: &[&str] = &[
    "You’ve probably heard the titles CTO (Chief Technology Officer) and CIO (Chief Information Officer) used in the same breath.",
    "But while these roles both involve technology leadership, they focus on very different priorities.",
    "Let’s break it down so you can see exactly how they work—and how they complement each other.",
    "Imagine your company as a high-performance race car.",
    "The CTO is the engineer, focused on innovation and making the car faster, smarter, and more competitive.",
    "The CIO is the mechanic, ensuring the car runs smoothly, reliably, and securely on race day.",
    "Both roles are vital for winning the race, but they tackle different aspects of the challenge.",
    "Without clarity on these roles, businesses risk:",
    "Overloading one position with conflicting responsibilities.",
    "Neglecting either innovation (driven by the CTO) or operational excellence (managed by the CIO).",
    "Failing to align tech strategy with business goals due to miscommunication or gaps in leadership.",
    "Getting these roles right ensures technology serves both today’s needs and tomorrow’s ambitions.",
    "Here’s how to understand the core differences between a CTO and a CIO:",
    "The CTO looks outward, driving innovation and creating technology solutions that give the company a competitive edge.",
    "The CIO looks inward, ensuring that the company’s internal systems, infrastructure, and IT services run efficiently.",
    "CTOs prioritise future-facing initiatives, like product development, R&D, and emerging technologies.",
    "CIOs focus on current operations, like improving system performance, managing IT budgets, and ensuring cybersecurity.",
    "CTOs often work closely with external teams—customers, investors, and product managers—to align tech strategy with market needs.",
    "CIOs collaborate with internal teams—HR, finance, and operations—to support business processes and employee productivity.",
    "CTO success is measured by innovation, time-to-market for new products, and the business’s ability to adapt to change.",
    "CIO success is gauged by system reliability, cost efficiency, and operational performance.",
    "Think of the CTO as a visionary, inspiring teams to explore the art of the possible.",
    "The CIO, meanwhile, is the steady hand, focused on delivering consistent, reliable results.",
    "Understanding the distinct roles of a CTO and a CIO helps your business strike the right balance between innovation and operational excellence.",
    "When these roles are clearly defined, you get the best of both worlds:",
    "Cutting-edge solutions from the CTO that keep you competitive.",
    "Seamless, secure systems from the CIO that support your day-to-day needs.",
    "Together, they create a technology leadership powerhouse that drives growth, efficiency, and resilience.",
    "Subscribe to our newsletter below and keep your company’s cyber resilience strong.",
];

#[test]
fn the_article_keeps_every_sentence_word_for_word() {
    let texts = ARTICLE.texts();
    for sentence in ARTICLE_SENTENCES {
        assert!(
            texts.iter().any(|text| text.contains(sentence)),
            "missing or reworded: {sentence}"
        );
    }
}

#[test]
fn each_dimension_holds_the_articles_bullets_for_its_role() {
    let dimensions = ARTICLE
        .sections
        .iter()
        .flat_map(|section| section.blocks.iter())
        .find_map(|block| match block {
            Block::Comparison(dimensions) => Some(*dimensions),
            _ => None,
        })
        .unwrap_or_default();
    let by_id = |id: &str| dimensions.iter().find(|dimension| dimension.id == id);
    let focus = by_id("focus").expect("focus");
    assert!(focus.cto.starts_with("The CTO looks outward"));
    assert!(focus.cio.starts_with("The CIO looks inward"));
    let stakeholders = by_id("stakeholders").expect("stakeholders");
    assert_eq!(
        stakeholders.cio,
        "CIOs collaborate with internal teams—HR, finance, and operations—to support business processes and employee productivity."
    );
    let metrics = by_id("metrics").expect("metrics");
    assert_eq!(
        metrics.cio,
        "CIO success is gauged by system reliability, cost efficiency, and operational performance."
    );
    let leadership = by_id("leadership").expect("leadership");
    assert!(leadership.cto.contains("visionary"));
    assert!(leadership.cio.contains("steady hand"));
    assert_eq!(dimensions.len(), 5);
}

#[test]
fn the_bank_is_balanced_enough_that_guessing_does_not_pay() {
    assert!(QUESTIONS.len() >= 16);
    for topic in [
        Topic::Focus,
        Topic::Priorities,
        Topic::Stakeholders,
        Topic::Metrics,
        Topic::Leadership,
    ] {
        let n = QUESTIONS.iter().filter(|q| q.topic == topic).count();
        assert!(
            n >= 2,
            "{topic:?} has {n} question(s); each difference needs 2+"
        );
    }
    for kind in [
        QuestionKind::Classification,
        QuestionKind::Scenario,
        QuestionKind::MultipleChoice,
    ] {
        assert!(
            QUESTIONS.iter().any(|q| q.kind == kind),
            "no {kind:?} question"
        );
    }
    // Each role-choice answer is keyed in several questions, so "always CIO" (or "never Both")
    // is no strategy: no answer is keyed in more than half of them.
    let role_choices = QUESTIONS.iter().filter(|q| q.is_role_choice()).count();
    for answer in ["cto", "cio", "both"] {
        let keyed = QUESTIONS
            .iter()
            .filter(|q| q.is_role_choice() && q.options.iter().any(|o| o.correct && o.id == answer))
            .count();
        assert!(
            keyed >= 3 && keyed * 2 <= role_choices,
            "{answer:?} is keyed in {keyed} of {role_choices} role choices"
        );
    }
    // The longest option should not be a tell: it may be the right one at most a third of the time.
    let longest_is_right = QUESTIONS
        .iter()
        .filter(|q| q.kind != QuestionKind::Classification)
        .filter(|q| {
            let longest = q.options.iter().map(|o| o.text.chars().count()).max();
            let right = q.options.iter().find(|o| o.correct);
            let unique_longest = q
                .options
                .iter()
                .filter(|o| Some(o.text.chars().count()) == longest)
                .count()
                == 1;
            unique_longest && right.map(|o| o.text.chars().count()) == longest
        })
        .count();
    let free_form = QUESTIONS
        .iter()
        .filter(|q| q.kind != QuestionKind::Classification)
        .count();
    assert!(
        longest_is_right * 3 <= free_form,
        "the longest option is the right one in {longest_is_right} of {free_form} questions"
    );
}

#[test]
fn every_question_rests_on_the_sentences_its_explanation_quotes() {
    // Each quotation in an explanation (split at "…") must lie in a sentence the question names
    // in `rests_on`, so the draw's rule sees every sentence an answer gives away.
    let mut problems = Vec::new();
    for question in QUESTIONS {
        let quotes = question
            .explanation
            .split('“')
            .skip(1)
            .filter_map(|rest| rest.split('”').next());
        for quote in quotes {
            for fragment in quote.split('…').map(str::trim).filter(|f| !f.is_empty()) {
                let found: Vec<usize> = ARTICLE_SENTENCES
                    .iter()
                    .enumerate()
                    .filter(|(_, sentence)| {
                        sentence.to_lowercase().contains(&fragment.to_lowercase())
                    })
                    .map(|(i, _)| i)
                    .collect();
                if found.is_empty() {
                    problems.push(format!(
                        "question \"{}\": quotes {fragment:?}, which is in no article sentence",
                        question.id
                    ));
                } else if !found.iter().any(|&i| question.rests_on & (1 << i) != 0) {
                    problems.push(format!(
                        "question \"{}\": quotes {fragment:?} from sentence {found:?}, which \
                         its rests_on leaves out",
                        question.id
                    ));
                }
            }
        }
    }
    assert_eq!(
        ARTICLE_SENTENCES.len(),
        super::sentences::COUNT as usize,
        "sentences::COUNT"
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn each_named_sentence_is_the_one_its_name_says() {
    use super::sentences::*;
    let text = |bit: u32| ARTICLE_SENTENCES[bit.trailing_zeros() as usize];
    assert!(text(ROLES_BOTH_LEAD).contains("both involve technology leadership"));
    assert!(text(ENGINEER).starts_with("The CTO is the engineer"));
    assert!(text(MECHANIC).starts_with("The CIO is the mechanic"));
    assert!(text(BOTH_VITAL).starts_with("Both roles are vital"));
    assert!(text(OVERLOADING).starts_with("Overloading"));
    assert!(text(NEGLECTING).starts_with("Neglecting"));
    assert!(text(MISALIGNING).starts_with("Failing to align"));
    assert!(text(TODAY_AND_TOMORROW).starts_with("Getting these roles right"));
    assert!(text(CTO_OUTWARD).starts_with("The CTO looks outward"));
    assert!(text(CIO_INWARD).starts_with("The CIO looks inward"));
    assert!(text(CTO_PRIORITIES).starts_with("CTOs prioritise"));
    assert!(text(CIO_PRIORITIES).starts_with("CIOs focus on current operations"));
    assert!(text(CTO_STAKEHOLDERS).starts_with("CTOs often work closely"));
    assert!(text(CIO_STAKEHOLDERS).starts_with("CIOs collaborate"));
    assert!(text(CTO_METRICS).starts_with("CTO success"));
    assert!(text(CIO_METRICS).starts_with("CIO success"));
    assert!(text(CTO_VISIONARY).starts_with("Think of the CTO"));
    assert!(text(CIO_STEADY_HAND).starts_with("The CIO, meanwhile"));
    assert!(text(BALANCE).contains("strike the right balance"));
    assert!(text(BEST_OF_BOTH).contains("best of both worlds"));
    assert!(text(CTO_CUTTING_EDGE).starts_with("Cutting-edge solutions"));
    assert!(text(CIO_SEAMLESS).starts_with("Seamless, secure systems"));
    assert!(text(POWERHOUSE).starts_with("Together, they create"));
}
