//! Content rules a careful reader would check, beyond what `validate` says about the data's shape:
//! enough depth to draw ten questions from, enough application, one name per section, the
//! article's serial comma, explanations that quote their own sentence and give nothing away, and
//! the article's apostrophe (’) in every text the widget shows or logs.
//! Tests only: the checks read the real content.

use super::tiers::PERFECT_ADVICE;
use super::types::{QuestionKind, Topic};
use super::{ARTICLE, QUESTIONS, QUIZ_TITLE, TIERS};

/// The words of the article each question's keyed answer rests on, as few as pin it down. Its
/// explanation must quote them, and no question that can share an attempt with it (one resting
/// on no common sentence) may show them in its prompt, options, or explanation: that would hand
/// the reader the other answer. A new question needs a line here.
const RESTS_ON: &[(&str, &str)] = &[
    ("analogy-mechanic", "The CIO is the mechanic"),
    (
        "analogy-race-day",
        "runs smoothly, reliably, and securely on race day",
    ),
    ("analogy-aero-upgrade", "making the car faster"),
    (
        "analogy-one-role-short",
        "Both roles are vital for winning the race",
    ),
    ("impact-one-exec-torn", "Overloading one position"),
    ("impact-leaders-not-talking", "due to miscommunication"),
    ("impact-neglect", "Neglecting either innovation"),
    (
        "impact-roles-right",
        "Getting these roles right ensures technology serves",
    ),
    ("focus-inward", "The CIO looks inward"),
    ("focus-edge", "The CTO looks outward"),
    ("priorities-research-lab", "R&D"),
    ("priorities-it-budget", "managing IT budgets"),
    ("priorities-cio-now", "CIOs focus on current operations"),
    (
        "stakeholders-cto-why",
        "align tech strategy with market needs",
    ),
    (
        "stakeholders-cio-why",
        "support business processes and employee productivity",
    ),
    (
        "stakeholders-month-end-crash",
        "CIOs collaborate with internal teams",
    ),
    ("metrics-adapt", "ability to adapt to change"),
    (
        "metrics-cio-measures",
        "gauged by system reliability, cost efficiency",
    ),
    ("metrics-outage-free-year", "system reliability"),
    (
        "leadership-art-of-possible",
        "explore the art of the possible",
    ),
    ("leadership-cio-style", "is the steady hand"),
    ("leadership-bold-pitch", "the CTO as a visionary"),
    (
        "leadership-steady-results",
        "delivering consistent, reliable results",
    ),
    ("together-balance", "strike the right balance"),
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
        // Questions sharing a sentence never meet in one attempt (the draw's rule), so only the
        // others must keep this one's words to themselves.
        for other in QUESTIONS
            .iter()
            .filter(|other| other.id != question.id && !other.shares_a_sentence_with(question))
        {
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
            for option in question.options {
                assert!(
                    !contains(option.text, other_key),
                    "{}'s option {:?} gives away {} ({other_key:?})",
                    question.id,
                    option.id,
                    other.id
                );
            }
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

#[test]
fn the_content_uses_typographic_apostrophes() {
    // The article uses ’ throughout; a straight ' means an editor pasted from elsewhere.
    let mut texts = ARTICLE.texts();
    for question in QUESTIONS {
        texts.extend([question.prompt, question.explanation]);
        texts.extend(question.options.iter().map(|option| option.text));
    }
    for tier in TIERS {
        texts.extend([tier.title, tier.advice]);
    }
    for text in texts {
        assert!(!text.contains('\''), "straight apostrophe in: {text}");
    }
}

/// Files whose text is a test's fixture or a test's message, never the widget's.
fn is_test_source(path: &std::path::Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    path.components().any(|c| c.as_os_str() == "tests")
        || ["tests.rs", "testing.rs", "facts.rs", "style.rs"].contains(&name)
}

/// The string literals of Rust source `code` (the text between the quotes, escapes left as
/// written), skipping comments, char literals and lifetimes.
fn string_literals(code: &str) -> Vec<&str> {
    let bytes = code.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                i = code[i..].find('\n').map_or(bytes.len(), |n| i + n);
            }
            b'\'' if bytes.get(i + 1) == Some(&b'\\') => {
                i = code[i + 2..].find('\'').map_or(bytes.len(), |n| i + n + 3);
            }
            b'\'' => {
                // A char literal is one character between quotes; anything else is a lifetime.
                let len = code[i + 1..].chars().next().map_or(0, char::len_utf8);
                let closes = bytes.get(i + 1 + len) == Some(&b'\'');
                i += if closes { len + 2 } else { 1 };
            }
            b'r' if matches!(bytes.get(i + 1), Some(b'"' | b'#')) => {
                let hashes = code[i + 1..].bytes().take_while(|&b| b == b'#').count();
                let start = i + 2 + hashes;
                let end_marker = ["\"", &"#".repeat(hashes)].concat();
                let end = code[start..]
                    .find(&end_marker)
                    .map_or(bytes.len(), |n| start + n);
                found.push(&code[start.min(end)..end]);
                i = end + end_marker.len();
            }
            b'"' => {
                let mut end = i + 1;
                while end < bytes.len() && bytes[end] != b'"' {
                    end += if bytes[end] == b'\\' { 2 } else { 1 };
                }
                let end = end.min(bytes.len());
                found.push(&code[i + 1..end]);
                i = end + 1;
            }
            _ => i += 1,
        }
    }
    found
}

/// A straight apostrophe inside a word (`you're`), not a quote around one (`'-'`).
fn straight_apostrophe(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    chars
        .windows(3)
        .any(|w| w[1] == '\'' && w[0].is_alphabetic() && w[2].is_alphabetic())
}

#[test]
fn the_widget_s_own_text_uses_the_article_s_apostrophe() {
    // The views' labels, the newsletter's status lines and the console messages are string
    // literals, many inside `view!`: the sources are the one place all of them can be read.
    // Test modules (after `#[cfg(test)]`) hold deliberately wrong text, so they are left out.
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut pending = vec![root];
    let mut offenders = Vec::new();
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).expect("src/ is readable").flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
                continue;
            }
            if is_test_source(&path) {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            let code = text.split("#[cfg(test)]").next().unwrap_or("");
            let strings = match path.extension().and_then(|e| e.to_str()) {
                Some("rs") => string_literals(code),
                // embed.js: every line but comments can reach the console.
                Some("js") => code
                    .lines()
                    .filter(|line| !line.trim_start().starts_with("//"))
                    .collect(),
                _ => Vec::new(),
            };
            for string in strings.into_iter().filter(|s| straight_apostrophe(s)) {
                offenders.push(format!("{}: {string}", path.display()));
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "use ’ as the article does:\n{}",
        offenders.join("\n")
    );
}

#[test]
fn the_source_scan_finds_strings_and_nothing_else() {
    let code = "fn f<'a>(c: char) -> &'a str { let q = '\\''; let d = '\"'; // it's a comment\n \"it's\" ; r#\"don't \"x\"\"# }";
    assert_eq!(string_literals(code), ["it's", "don't \"x\""]);
    assert!(straight_apostrophe("You're on the list"));
    assert!(!straight_apostrophe("use '-', '_' or '.'"));
    assert!(!straight_apostrophe("You’re on the list"));
}

#[test]
fn full_stops_stay_outside_quotes_and_options_hold_no_semicolons() {
    // One rule everywhere: a quotation carries the article's words only, the sentence around it
    // its punctuation (the review lines quote options the same way). An option's semicolon would
    // nest inside the review line's sentence.
    for question in QUESTIONS {
        for mark in [".”", ",”", ";”", ":”"] {
            assert!(
                !question.explanation.contains(mark),
                "{}: punctuation inside the quote ({mark}): {}",
                question.id,
                question.explanation
            );
        }
        for option in question.options {
            assert!(
                !option.text.contains(';'),
                "{} option {:?}: a semicolon",
                question.id,
                option.id
            );
        }
    }
}

#[test]
fn options_are_alike_and_the_key_shares_no_word_with_the_prompt_alone() {
    use super::guessing::content_words;
    let mut problems = Vec::new();
    for question in QUESTIONS.iter().filter(|q| !q.is_role_choice()) {
        let lengths: Vec<usize> = question
            .options
            .iter()
            .map(|o| o.text.chars().count())
            .collect();
        let (short, long) = (
            lengths.iter().min().copied().unwrap_or(0),
            lengths.iter().max().copied().unwrap_or(0),
        );
        if long * 2 > short * 3 {
            problems.push(format!(
                "question \"{}\": options from {short} to {long} characters; keep them within half again",
                question.id
            ));
        }
        let prompt = content_words(question.prompt);
        let Some(key) = question.options.iter().find(|o| o.correct) else {
            continue;
        };
        let elsewhere: Vec<String> = question
            .options
            .iter()
            .filter(|o| !o.correct)
            .flat_map(|o| content_words(o.text))
            .collect();
        for word in content_words(key.text) {
            if prompt.contains(&word) && !elsewhere.contains(&word) {
                problems.push(format!(
                    "question \"{}\": only the key echoes the prompt's {word:?}",
                    question.id
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn a_third_of_the_bank_applies_the_article_and_both_is_a_live_answer() {
    let scenarios = QUESTIONS
        .iter()
        .filter(|q| q.kind == QuestionKind::Scenario)
        .count();
    let both = QUESTIONS
        .iter()
        .filter(|q| q.is_role_choice() && q.options.iter().any(|o| o.correct && o.id == "both"))
        .count();
    println!(
        "{} questions: {scenarios} scenarios, {both} keyed Both",
        QUESTIONS.len()
    );
    assert!(scenarios * 3 >= QUESTIONS.len());
    assert!(both >= 3, "{both} questions keyed Both");
}
