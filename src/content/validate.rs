//! Checks the content data: the article, the question bank and the tiers.
//!
//! The data is hand-written, so every problem becomes one message that names the offending item
//! (`question "x": …`, `section "y": …`, `tier "z": …`) and all problems are reported at once: a
//! content edit that breaks a rule fails the tests with a list an editor can work through.
//! The checks build strings, so keep them out of the shipped widget's hot path: run them in tests
//! (and in debug builds if wanted).

use std::collections::BTreeMap;

use super::sentences;
use super::tiers::TOPICS_SLOT;
use super::types::{Article, Block, Question, QuestionKind, Tier, Topic, ROLE_OPTION_IDS};

/// The texts of the three-way role choice, in the order of [`ROLE_OPTION_IDS`].
const ROLE_OPTION_TEXTS: [&str; 3] = ["The CTO", "The CIO", "Both"];

/// How every role-choice prompt ends, so the legend alone names the three choices.
const ROLE_PROMPT_END: &str = "the CTO, the CIO, or both?";

/// Option texts that read as a role choice; outside the shared set they would look and behave
/// differently from it (another wording, a shuffled place).
const ROLE_LIKE_TEXTS: [&str; 9] = [
    "cto",
    "cio",
    "both",
    "the cto",
    "the cio",
    "the cto’s",
    "the cio’s",
    "both, equally",
    "both equally",
];

/// More options than this crowd a phone screen and dilute the question.
const MAX_OPTIONS: usize = 4;

/// Every anchor in the article, in reading order: section ids, then (inside a comparison) its
/// dimension ids.
pub fn anchors(article: &Article) -> Vec<&'static str> {
    let mut out = Vec::new();
    for section in article.sections {
        out.push(section.id);
        for block in section.blocks {
            if let Block::Comparison(dimensions) = block {
                out.extend(dimensions.iter().map(|dimension| dimension.id));
            }
        }
    }
    out
}

/// Checks the article: a title, at least one section, no empty text anywhere, anchors that are
/// kebab-case and unique across sections and dimensions.
pub fn validate_article(article: &Article) -> Result<(), Vec<String>> {
    let mut problems = Vec::new();
    if is_blank(article.title) {
        problems.push("article: empty title".to_string());
    }
    if article.sections.is_empty() {
        problems.push("article: no sections".to_string());
    }
    for (index, section) in article.sections.iter().enumerate() {
        let name = item_name("section", section.id, index);
        check_id(&mut problems, &name, section.id);
        if is_blank(section.heading) {
            problems.push(format!("{name}: empty heading"));
        }
        if section.blocks.is_empty() {
            problems.push(format!("{name}: no blocks"));
        }
        for (block_index, block) in section.blocks.iter().enumerate() {
            check_block(&mut problems, &name, block_index + 1, block);
        }
    }
    for (anchor, count) in counts(anchors(article)) {
        // Blank anchors are already reported, once per offending section or dimension.
        if count > 1 && !is_blank(anchor) {
            problems.push(format!(
                "anchor \"{anchor}\": used {count} times; section and dimension ids must be unique"
            ));
        }
    }
    finish(problems)
}

fn check_block(problems: &mut Vec<String>, section: &str, number: usize, block: &Block) {
    match block {
        Block::Paragraph(text) => {
            if is_blank(text) {
                problems.push(format!("{section}: paragraph {number} is empty"));
            }
        }
        Block::Bullets(items) => {
            if items.is_empty() {
                problems.push(format!("{section}: bullet list {number} has no items"));
            }
            for (item, text) in items.iter().enumerate() {
                if is_blank(text) {
                    problems.push(format!(
                        "{section}: bullet list {number}, item {} is empty",
                        item + 1
                    ));
                }
            }
        }
        Block::RolePair(pair) => {
            let fields = [
                ("cto_label", pair.cto_label),
                ("cto", pair.cto),
                ("cio_label", pair.cio_label),
                ("cio", pair.cio),
            ];
            for (field, text) in fields {
                if is_blank(text) {
                    problems.push(format!(
                        "{section}: role pair {number} has an empty {field}"
                    ));
                }
            }
        }
        Block::Comparison(dimensions) => {
            if dimensions.is_empty() {
                problems.push(format!("{section}: comparison {number} has no dimensions"));
            }
            for (index, dimension) in dimensions.iter().enumerate() {
                let name = item_name("dimension", dimension.id, index);
                check_id(problems, &name, dimension.id);
                let fields = [
                    ("heading", dimension.heading),
                    ("cto", dimension.cto),
                    ("cio", dimension.cio),
                ];
                for (field, text) in fields {
                    if is_blank(text) {
                        problems.push(format!("{name}: empty {field}"));
                    }
                }
            }
        }
    }
}

/// Checks the question bank against the article it links to: ids, texts, options, exactly one
/// correct answer, anchors that exist, the classification option set, and that every [`Topic`]
/// has a question (and a "Read more" anchor in the article).
pub fn validate_questions(questions: &[Question], article: &Article) -> Result<(), Vec<String>> {
    let mut problems = Vec::new();
    let known = anchors(article);

    for topic in Topic::ALL {
        if !known.contains(&topic.section()) {
            problems.push(format!(
                "topic {topic:?}: its anchor \"{}\" is not in the article",
                topic.section()
            ));
        }
        if !questions.iter().any(|question| question.topic == topic) {
            problems.push(format!(
                "topic {topic:?} (\"{}\"): no question covers it",
                topic.label()
            ));
        }
    }

    for (id, count) in counts(questions.iter().map(|question| question.id)) {
        if count > 1 && !is_blank(id) {
            problems.push(format!(
                "question \"{id}\": the id is used {count} times; question ids must be unique"
            ));
        }
    }

    for (index, question) in questions.iter().enumerate() {
        check_question(&mut problems, question, index, &known);
    }
    finish(problems)
}

fn check_question(problems: &mut Vec<String>, question: &Question, index: usize, known: &[&str]) {
    let name = item_name("question", question.id, index);
    check_id(problems, &name, question.id);
    if is_blank(question.prompt) {
        problems.push(format!("{name}: empty prompt"));
    } else if !question.prompt.trim_end().ends_with('?') {
        // The fieldset's legend is all a screen reader announces: it must be a whole question.
        problems.push(format!(
            "{name}: the prompt is not a question ending in \"?\""
        ));
    }
    if is_blank(question.explanation) {
        problems.push(format!("{name}: empty explanation"));
    }
    if question.rests_on == 0 {
        problems.push(format!(
            "{name}: rests on no article sentence; name the ones its answer and explanation quote"
        ));
    } else if question.rests_on >> sentences::COUNT != 0 {
        problems.push(format!(
            "{name}: rests on a sentence past the article’s {} (bits {:#x})",
            sentences::COUNT,
            question.rests_on
        ));
    }
    if !known.contains(&question.section) {
        problems.push(format!(
            "{name}: section \"{}\" is not an anchor in the article (anchors: {})",
            question.section,
            known.join(", ")
        ));
    }

    let options = question.options;
    if options.len() < 2 {
        problems.push(format!(
            "{name}: {} option(s); at least two are needed",
            options.len()
        ));
    } else if options.len() > MAX_OPTIONS {
        problems.push(format!(
            "{name}: {} options; at most {MAX_OPTIONS} are allowed",
            options.len()
        ));
    }
    if question.kind == QuestionKind::MultipleChoice && options.len() == 2 {
        problems.push(format!(
            "{name}: a multiple-choice question needs 3 or 4 options, it has 2"
        ));
    }
    check_role_choice(problems, &name, question);
    for (option_index, option) in options.iter().enumerate() {
        let option_name = format!("{name} {}", item_name("option", option.id, option_index));
        check_id(problems, &option_name, option.id);
        if is_blank(option.text) {
            problems.push(format!("{option_name}: empty text"));
        }
        let lower = option.text.to_lowercase();
        if lower.contains("all of the above") || lower.contains("none of the above") {
            problems.push(format!(
                "{option_name}: \"all/none of the above\" breaks when options are shuffled"
            ));
        }
    }
    for (id, count) in counts(options.iter().map(|option| option.id)) {
        if count > 1 && !is_blank(id) {
            problems.push(format!(
                "{name}: option id \"{id}\" is used {count} times; option ids must be unique"
            ));
        }
    }

    let correct: Vec<&str> = options
        .iter()
        .filter(|option| option.correct)
        .map(|option| option.id)
        .collect();
    match correct.len() {
        1 => {}
        0 => problems.push(format!(
            "{name}: no correct option; exactly one must be correct"
        )),
        n => problems.push(format!(
            "{name}: {n} correct options ({}); exactly one must be correct",
            quoted(correct.iter().copied())
        )),
    }
}

/// A classification is always the role choice; a role choice (any kind) offers exactly "The CTO",
/// "The CIO", "Both" under the ids [`ROLE_OPTION_IDS`] in that order and names them in its prompt;
/// no other question offers an option that reads like one of them.
fn check_role_choice(problems: &mut Vec<String>, name: &str, question: &Question) {
    let options = question.options;
    let ids_like_roles = options
        .iter()
        .any(|option| ROLE_OPTION_IDS.contains(&option.id));
    if question.kind == QuestionKind::Classification || ids_like_roles {
        let exact = options.len() == ROLE_OPTION_IDS.len()
            && options
                .iter()
                .zip(ROLE_OPTION_IDS.iter().zip(ROLE_OPTION_TEXTS))
                .all(|(option, (id, text))| option.id == *id && option.text == text);
        if !exact {
            problems.push(format!(
                "{name}: a role choice’s options must be exactly The CTO, The CIO, Both \
                 (ids \"cto\", \"cio\", \"both\", in that order); found {}",
                quoted(options.iter().map(|option| option.id))
            ));
        } else if !question.prompt.trim_end().ends_with(ROLE_PROMPT_END) {
            problems.push(format!(
                "{name}: a role choice’s prompt must end with \"{ROLE_PROMPT_END}\""
            ));
        }
        return;
    }
    for option in options {
        if ROLE_LIKE_TEXTS.contains(&option.text.trim().to_lowercase().as_str()) {
            problems.push(format!(
                "{name} option \"{}\": \"{}\" reads as a role choice; use the shared \
                 The CTO / The CIO / Both options",
                option.id, option.text
            ));
        }
    }
}

/// Checks the tiers: at least one, the first at 0%, `min_percent` strictly increasing and at most
/// 100, unique kebab-case ids, a title and advice for each.
pub fn validate_tiers(tiers: &[Tier]) -> Result<(), Vec<String>> {
    let mut problems = Vec::new();
    match tiers.first() {
        None => problems.push("tiers: none defined; at least one is needed".to_string()),
        Some(first) if first.min_percent != 0 => problems.push(format!(
            "{}: the first tier must start at 0%, it starts at {}%",
            item_name("tier", first.id, 0),
            first.min_percent
        )),
        Some(_) => {}
    }
    for (index, tier) in tiers.iter().enumerate() {
        let name = item_name("tier", tier.id, index);
        check_id(&mut problems, &name, tier.id);
        if is_blank(tier.title) {
            problems.push(format!("{name}: empty title"));
        }
        if is_blank(tier.advice) {
            problems.push(format!("{name}: empty advice"));
        } else if tier.advice.matches(TOPICS_SLOT).count() != 1 {
            problems.push(format!(
                "{name}: the advice must name the missed topics with {TOPICS_SLOT} exactly once"
            ));
        }
        if tier.min_percent > 100 {
            problems.push(format!(
                "{name}: min_percent {} is above 100",
                tier.min_percent
            ));
        }
        if let Some(previous) = index.checked_sub(1).and_then(|i| tiers.get(i)) {
            if tier.min_percent <= previous.min_percent {
                problems.push(format!(
                    "{name}: min_percent {} must be above the previous tier \"{}\" ({})",
                    tier.min_percent, previous.id, previous.min_percent
                ));
            }
        }
    }
    for (id, count) in counts(tiers.iter().map(|tier| tier.id)) {
        if count > 1 && !is_blank(id) {
            problems.push(format!(
                "tier \"{id}\": the id is used {count} times; tier ids must be unique"
            ));
        }
    }
    finish(problems)
}

fn finish(problems: Vec<String>) -> Result<(), Vec<String>> {
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

fn is_blank(text: &str) -> bool {
    text.trim().is_empty()
}

/// `kind "id"`, or `kind #n` when the id is blank, so even an item without an id can be found.
fn item_name(kind: &str, id: &str, index: usize) -> String {
    if is_blank(id) {
        format!("{kind} #{}", index + 1)
    } else {
        format!("{kind} \"{id}\"")
    }
}

/// Ids end up in URLs (anchors), saved progress and host-page events, where kebab-case is safe.
fn check_id(problems: &mut Vec<String>, name: &str, id: &str) {
    if is_blank(id) {
        problems.push(format!("{name}: empty id"));
    } else if !is_kebab_case(id) {
        problems.push(format!(
            "{name}: id is not kebab-case (lowercase letters, digits, single hyphens)"
        ));
    }
}

fn is_kebab_case(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

fn counts<'a>(ids: impl IntoIterator<Item = &'a str>) -> BTreeMap<&'a str, usize> {
    let mut counts = BTreeMap::new();
    for id in ids {
        *counts.entry(id).or_insert(0) += 1;
    }
    counts
}

fn quoted<'a>(ids: impl IntoIterator<Item = &'a str>) -> String {
    ids.into_iter()
        .map(|id| format!("\"{id}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::tiers::tests::tier;
    use crate::content::types::{AnswerOption, Dimension, RolePair, Section};
    use crate::content::{ARTICLE, QUESTIONS, TIERS};

    /// The problems a check reported; an `Ok` is a test failure here.
    fn problems(result: Result<(), Vec<String>>) -> Vec<String> {
        match result {
            Ok(()) => panic!("expected the check to fail, it passed"),
            Err(problems) => problems,
        }
    }

    /// Asserts that one message contains every fragment (the item's name and the rule).
    fn assert_reported(problems: &[String], fragments: &[&str]) {
        assert!(
            problems
                .iter()
                .any(|problem| fragments.iter().all(|fragment| problem.contains(fragment))),
            "no message contains all of {fragments:?}; got:\n{}",
            problems.join("\n")
        );
    }

    const fn opt(id: &'static str, text: &'static str, correct: bool) -> AnswerOption {
        AnswerOption { id, text, correct }
    }

    const fn mc(id: &'static str, options: &'static [AnswerOption]) -> Question {
        Question {
            id,
            kind: QuestionKind::MultipleChoice,
            topic: Topic::Focus,
            section: "focus",
            prompt: "A prompt?",
            options,
            explanation: "Because the article says so.",
            rests_on: 1 << 13,
        }
    }

    static GOOD_OPTIONS: &[AnswerOption] = &[
        opt("a", "One", true),
        opt("b", "Two", false),
        opt("c", "Three", false),
    ];

    fn question_problems(questions: &[Question]) -> Vec<String> {
        problems(validate_questions(questions, &ARTICLE))
    }

    // --- the real content ---

    #[test]
    fn the_real_content_validates() {
        assert_eq!(validate_article(&ARTICLE), Ok(()));
        assert_eq!(validate_questions(QUESTIONS, &ARTICLE), Ok(()));
        assert_eq!(validate_tiers(TIERS), Ok(()));
    }

    #[test]
    fn anchors_are_the_sections_then_the_dimensions_in_reading_order() {
        assert_eq!(
            anchors(&ARTICLE),
            [
                "intro",
                "analogy",
                "impact",
                "differences",
                "focus",
                "priorities",
                "stakeholders",
                "metrics",
                "leadership",
                "why",
                "newsletter"
            ]
        );
    }

    // --- question rules, one broken fixture each ---

    #[test]
    fn a_question_without_a_correct_option_is_named() {
        static OPTIONS: &[AnswerOption] = &[
            opt("a", "One", false),
            opt("b", "Two", false),
            opt("c", "Three", false),
        ];
        let found = question_problems(&[mc("no-answer", OPTIONS)]);
        assert_reported(&found, &["question \"no-answer\"", "no correct option"]);
    }

    #[test]
    fn a_question_with_several_correct_options_lists_them() {
        static OPTIONS: &[AnswerOption] = &[
            opt("a", "One", true),
            opt("b", "Two", false),
            opt("c", "Three", true),
        ];
        let found = question_problems(&[mc("month-end-crash", OPTIONS)]);
        assert_reported(
            &found,
            &[
                "question \"month-end-crash\": 2 correct options (\"a\", \"c\"); exactly one must be correct",
            ],
        );
    }

    #[test]
    fn empty_prompt_explanation_and_option_text_are_named() {
        static OPTIONS: &[AnswerOption] = &[
            opt("a", "One", true),
            opt("b", "  ", false),
            opt("c", "Three", false),
        ];
        let question = Question {
            prompt: "",
            explanation: " ",
            ..mc("blank-bits", OPTIONS)
        };
        let found = question_problems(&[question]);
        assert_reported(&found, &["question \"blank-bits\": empty prompt"]);
        assert_reported(&found, &["question \"blank-bits\": empty explanation"]);
        assert_reported(
            &found,
            &["question \"blank-bits\" option \"b\": empty text"],
        );
    }

    #[test]
    fn duplicate_question_ids_are_named() {
        let found = question_problems(&[mc("twice", GOOD_OPTIONS), mc("twice", GOOD_OPTIONS)]);
        assert_reported(&found, &["question \"twice\"", "used 2 times"]);
    }

    #[test]
    fn duplicate_option_ids_are_named() {
        static OPTIONS: &[AnswerOption] = &[
            opt("a", "One", true),
            opt("a", "Two", false),
            opt("c", "Three", false),
        ];
        let found = question_problems(&[mc("same-option", OPTIONS)]);
        assert_reported(
            &found,
            &[
                "question \"same-option\"",
                "option id \"a\" is used 2 times",
            ],
        );
    }

    #[test]
    fn an_unknown_section_is_named() {
        let question = Question {
            section: "conclusion",
            ..mc("lost-link", GOOD_OPTIONS)
        };
        let found = question_problems(&[question]);
        assert_reported(
            &found,
            &[
                "question \"lost-link\"",
                "section \"conclusion\" is not an anchor",
            ],
        );
    }

    #[test]
    fn a_dimension_id_is_a_valid_section_but_a_missing_one_is_not() {
        // "focus" is a dimension anchor, so the fixtures above pass this rule; the failures below
        // are only about topics without questions.
        let found = question_problems(&[mc("dimension-link", GOOD_OPTIONS)]);
        assert!(
            found
                .iter()
                .all(|problem| !problem.contains("dimension-link")),
            "{found:?}"
        );
    }

    #[test]
    fn fewer_than_two_options_is_named() {
        static OPTIONS: &[AnswerOption] = &[opt("a", "Only", true)];
        let question = Question {
            kind: QuestionKind::Scenario,
            ..mc("lonely", OPTIONS)
        };
        let found = question_problems(&[question]);
        assert_reported(&found, &["question \"lonely\": 1 option(s); at least two"]);
    }

    #[test]
    fn too_many_options_and_a_two_option_multiple_choice_are_named() {
        static FIVE: &[AnswerOption] = &[
            opt("a", "1", true),
            opt("b", "2", false),
            opt("c", "3", false),
            opt("d", "4", false),
            opt("e", "5", false),
        ];
        static TWO: &[AnswerOption] = &[opt("a", "1", true), opt("b", "2", false)];
        let found = question_problems(&[mc("crowded", FIVE), mc("binary", TWO)]);
        assert_reported(&found, &["question \"crowded\": 5 options; at most 4"]);
        assert_reported(&found, &["question \"binary\"", "needs 3 or 4 options"]);
    }

    #[test]
    fn a_classification_with_the_wrong_options_is_named() {
        static WRONG_ORDER: &[AnswerOption] = &[
            opt("cio", "The CIO", true),
            opt("cto", "The CTO", false),
            opt("both", "Both", false),
        ];
        static WRONG_TEXT: &[AnswerOption] = &[
            opt("cto", "CTO", true),
            opt("cio", "The CIO", false),
            opt("both", "Both", false),
        ];
        static MISSING_BOTH: &[AnswerOption] =
            &[opt("cto", "The CTO", true), opt("cio", "The CIO", false)];
        let classify = |id, options| Question {
            kind: QuestionKind::Classification,
            prompt: "Who? the CTO, the CIO, or both?",
            ..mc(id, options)
        };
        let found = question_problems(&[
            classify("wrong-order", WRONG_ORDER),
            classify("wrong-text", WRONG_TEXT),
            classify("missing-both", MISSING_BOTH),
            classify("not-a-role-set", GOOD_OPTIONS),
        ]);
        for id in [
            "wrong-order",
            "wrong-text",
            "missing-both",
            "not-a-role-set",
        ] {
            assert_reported(
                &found,
                &[
                    &format!("question \"{id}\""),
                    "exactly The CTO, The CIO, Both",
                ],
            );
        }
        assert_reported(&found, &["found \"cio\", \"cto\", \"both\""]);
    }

    static ROLE_CTO: &[AnswerOption] = &[
        opt("cto", "The CTO", true),
        opt("cio", "The CIO", false),
        opt("both", "Both", false),
    ];

    #[test]
    fn a_role_choice_of_any_kind_names_its_choices_in_the_prompt() {
        let scenario = |id, prompt| Question {
            kind: QuestionKind::Scenario,
            prompt,
            ..mc(id, ROLE_CTO)
        };
        let found = question_problems(&[
            scenario("silent-choices", "Whose desk does it land on?"),
            scenario("named-choices", "Who leads it: the CTO, the CIO, or both?"),
        ]);
        assert_reported(
            &found,
            &[
                "question \"silent-choices\"",
                "must end with \"the CTO, the CIO, or both?\"",
            ],
        );
        assert!(
            !found
                .iter()
                .any(|problem| problem.contains("named-choices")),
            "{found:?}"
        );
    }

    #[test]
    fn role_like_options_outside_the_shared_set_are_named() {
        static HOME_MADE: &[AnswerOption] = &[
            opt("a", "The CTO’s", true),
            opt("b", "The CIO’s", false),
            opt("c", "Both, equally", false),
        ];
        let found = question_problems(&[mc("home-made", HOME_MADE)]);
        for option in ["a", "b", "c"] {
            assert_reported(
                &found,
                &[
                    &format!("question \"home-made\" option \"{option}\""),
                    "reads as a role choice",
                ],
            );
        }
    }

    #[test]
    fn a_question_resting_on_no_sentence_or_past_the_article_is_named() {
        let unanchored = Question {
            rests_on: 0,
            ..mc("unanchored", GOOD_OPTIONS)
        };
        let beyond = Question {
            rests_on: 1 << 30,
            ..mc("beyond", GOOD_OPTIONS)
        };
        let found = question_problems(&[unanchored, beyond]);
        assert_reported(
            &found,
            &["question \"unanchored\": rests on no article sentence"],
        );
        assert_reported(
            &found,
            &["question \"beyond\": rests on a sentence past the article"],
        );
    }

    #[test]
    fn a_prompt_that_is_not_a_question_is_named() {
        let fragment = Question {
            prompt: "Works closely with customers.",
            ..mc("fragment", GOOD_OPTIONS)
        };
        let found = question_problems(&[fragment]);
        assert_reported(
            &found,
            &["question \"fragment\": the prompt is not a question"],
        );
    }

    #[test]
    fn a_topic_without_questions_is_named() {
        let found = question_problems(&[mc("only-focus", GOOD_OPTIONS)]);
        assert_reported(&found, &["topic Leadership", "no question covers it"]);
        assert!(!found.iter().any(|problem| problem.contains("topic Focus")));
    }

    #[test]
    fn a_topic_whose_anchor_is_missing_from_the_article_is_named() {
        static NO_WHY: Article = Article {
            title: "T",
            sections: &[Section {
                id: "focus",
                heading: "H",
                blocks: &[Block::Paragraph("P")],
            }],
        };
        let found = problems(validate_questions(QUESTIONS, &NO_WHY));
        assert_reported(
            &found,
            &["topic Together", "anchor \"why\" is not in the article"],
        );
    }

    #[test]
    fn bad_ids_and_all_of_the_above_are_named() {
        static OPTIONS: &[AnswerOption] = &[
            opt("a", "One", true),
            opt("", "Two", false),
            opt("c", "All of the above", false),
        ];
        let found = question_problems(&[mc("Not_Kebab", OPTIONS), mc("", GOOD_OPTIONS)]);
        assert_reported(&found, &["question \"Not_Kebab\": id is not kebab-case"]);
        assert_reported(&found, &["question \"Not_Kebab\" option #2: empty id"]);
        assert_reported(
            &found,
            &[
                "question \"Not_Kebab\" option \"c\"",
                "all/none of the above",
            ],
        );
        assert_reported(&found, &["question #2: empty id"]);
    }

    // --- article rules ---

    #[test]
    fn duplicate_anchors_across_sections_and_dimensions_are_named() {
        static TWICE: Article = Article {
            title: "T",
            sections: &[
                Section {
                    id: "focus",
                    heading: "H",
                    blocks: &[Block::Paragraph("P")],
                },
                Section {
                    id: "differences",
                    heading: "H",
                    blocks: &[Block::Comparison(&[Dimension {
                        id: "focus",
                        heading: "H",
                        cto: "C",
                        cio: "I",
                    }])],
                },
            ],
        };
        let found = problems(validate_article(&TWICE));
        assert_reported(&found, &["anchor \"focus\": used 2 times"]);
    }

    #[test]
    fn empty_article_texts_are_named() {
        static BLANK: Article = Article {
            title: " ",
            sections: &[
                Section {
                    id: "gaps",
                    heading: "",
                    blocks: &[
                        Block::Paragraph(""),
                        Block::Bullets(&["ok", " "]),
                        Block::Bullets(&[]),
                        Block::RolePair(RolePair {
                            cto_label: "",
                            cto: "C",
                            cio_label: "L",
                            cio: "",
                        }),
                        Block::Comparison(&[]),
                        Block::Comparison(&[Dimension {
                            id: "dim",
                            heading: "H",
                            cto: " ",
                            cio: "I",
                        }]),
                    ],
                },
                Section {
                    id: "hollow",
                    heading: "H",
                    blocks: &[],
                },
                Section {
                    id: "",
                    heading: "H",
                    blocks: &[Block::Paragraph("P")],
                },
            ],
        };
        let found = problems(validate_article(&BLANK));
        for expected in [
            "article: empty title",
            "section \"gaps\": empty heading",
            "section \"gaps\": paragraph 1 is empty",
            "section \"gaps\": bullet list 2, item 2 is empty",
            "section \"gaps\": bullet list 3 has no items",
            "section \"gaps\": role pair 4 has an empty cto_label",
            "section \"gaps\": role pair 4 has an empty cio",
            "section \"gaps\": comparison 5 has no dimensions",
            "dimension \"dim\": empty cto",
            "section \"hollow\": no blocks",
            "section #3: empty id",
        ] {
            assert_reported(&found, &[expected]);
        }
    }

    #[test]
    fn an_article_without_sections_or_with_a_bad_anchor_is_named() {
        static EMPTY: Article = Article {
            title: "T",
            sections: &[],
        };
        assert_reported(
            &problems(validate_article(&EMPTY)),
            &["article: no sections"],
        );
        static BAD_ANCHOR: Article = Article {
            title: "T",
            sections: &[Section {
                id: "Why Both",
                heading: "H",
                blocks: &[Block::Paragraph("P")],
            }],
        };
        assert_reported(
            &problems(validate_article(&BAD_ANCHOR)),
            &["section \"Why Both\": id is not kebab-case"],
        );
    }

    // --- tier rules ---

    #[test]
    fn no_tiers_is_reported() {
        assert_reported(&problems(validate_tiers(&[])), &["tiers: none defined"]);
    }

    #[test]
    fn a_first_tier_above_zero_is_named() {
        let found = problems(validate_tiers(&[tier("late-start", 10), tier("next", 50)]));
        assert_reported(
            &found,
            &["tier \"late-start\": the first tier must start at 0%"],
        );
    }

    #[test]
    fn tiers_out_of_order_or_above_100_are_named() {
        let found = problems(validate_tiers(&[
            tier("base", 0),
            tier("upper", 60),
            tier("same", 60),
            tier("lower", 40),
            tier("beyond", 101),
        ]));
        assert_reported(
            &found,
            &["tier \"same\": min_percent 60 must be above the previous tier \"upper\""],
        );
        assert_reported(&found, &["tier \"lower\": min_percent 40 must be above"]);
        assert_reported(&found, &["tier \"beyond\": min_percent 101 is above 100"]);
    }

    #[test]
    fn duplicate_tier_ids_are_named() {
        let found = problems(validate_tiers(&[tier("twin", 0), tier("twin", 50)]));
        assert_reported(&found, &["tier \"twin\": the id is used 2 times"]);
    }

    #[test]
    fn advice_without_exactly_one_topics_slot_is_named() {
        let fixed = Tier {
            advice: "Re-read the five core differences.",
            ..tier("fixed", 0)
        };
        let twice = Tier {
            advice: "Re-read {topics}, then {topics}.",
            ..tier("twice", 50)
        };
        let found = problems(validate_tiers(&[fixed, twice]));
        assert_reported(&found, &["tier \"fixed\"", "{topics} exactly once"]);
        assert_reported(&found, &["tier \"twice\"", "{topics} exactly once"]);
    }

    #[test]
    fn empty_tier_texts_are_named() {
        let blank = Tier {
            id: "blank",
            min_percent: 0,
            title: "",
            advice: " ",
        };
        let found = problems(validate_tiers(&[blank, tier("", 50)]));
        assert_reported(&found, &["tier \"blank\": empty title"]);
        assert_reported(&found, &["tier \"blank\": empty advice"]);
        assert_reported(&found, &["tier #2: empty id"]);
    }
}
