//! What a test-wise reader who never opened the article can expect to score: a mechanical model
//! of the cues such a reader uses, run over every question. Tests only.
//!
//! The model reader knows only the two job titles and the stereotypes they invite (Technology →
//! product, innovation and the outside world; Information → internal IT, cost and security), plus
//! the item-writing tells a test-wise reader looks for:
//! - a role choice ("the CTO, the CIO, or both?"): count the stereotype words of each role in the
//!   prompt and answer with the stronger role; on a tie, toss a coin between the two. Never "Both"
//!   (the old bank taught that "Both" is a dead option).
//! - any other question: score each option, +1 per stereotype word of the role the prompt names
//!   (or leans to) and -1 per word of the other role; +1 to the only option sharing a content word
//!   with the prompt; +1 to a clearly longest option (a fifth longer than the next); +1 to a clearly
//!   shortest one (a quarter shorter). Pick the best, ties shared evenly.
//!
//! The stereotype lists were fixed from the titles before the items were written, not tuned to
//! them: they hold the words a non-reader links to each title, not the article's own analogy.

use super::types::Question;
use super::QUESTIONS;
use crate::quiz::{FeedbackMode, QuestionCount, Quiz};

const CTO_CUES: &[&str] = &[
    "technology",
    "tech",
    "technical",
    "product",
    "products",
    "innovation",
    "innovate",
    "innovative",
    "future",
    "customer",
    "customers",
    "client",
    "clients",
    "investor",
    "investors",
    "market",
    "markets",
    "external",
    "outward",
    "outside",
    "new",
    "research",
    "r&d",
    "emerging",
    "competitive",
    "competitor",
    "competitors",
    "rival",
    "rivals",
    "feature",
    "features",
    "engineer",
    "engineering",
    "design",
    "build",
    "faster",
    "smarter",
    "vision",
    "growth",
    "launch",
    "cutting-edge",
    "start-up",
    "startup",
    "digital",
    "software",
    "app",
    "development",
    "ambitions",
    "tomorrow",
    "strategy",
];

const CIO_CUES: &[&str] = &[
    "information",
    "data",
    "internal",
    "inward",
    "IT",
    "cost",
    "costs",
    "budget",
    "budgets",
    "spending",
    "savings",
    "security",
    "secure",
    "securely",
    "cybersecurity",
    "cyber",
    "attack",
    "attackers",
    "breach",
    "hackers",
    "network",
    "networks",
    "system",
    "systems",
    "infrastructure",
    "reliability",
    "reliable",
    "reliably",
    "operations",
    "operational",
    "employee",
    "employees",
    "staff",
    "hr",
    "payroll",
    "finance",
    "accounting",
    "service",
    "services",
    "desk",
    "help-desk",
    "efficiency",
    "efficient",
    "efficiently",
    "outage",
    "outages",
    "downtime",
    "running",
    "smoothly",
    "processes",
    "process",
    "day-to-day",
    "today",
    "resilience",
    "compliance",
    "laptops",
    "servers",
    "email",
    "support",
    "maintenance",
    "maintain",
    "fix",
    "repair",
];

/// Words too common to be a cue when a prompt and an option share them.
const STOP: &[&str] = &[
    "the", "and", "with", "that", "this", "which", "what", "does", "from", "article", "their",
    "they", "them", "these", "those", "your", "have", "into", "about", "says", "words", "each",
    "role", "roles", "both", "than", "then", "there", "when", "whose", "most", "more", "much",
];

/// The words of `text`: letters, digits, `&` and `-` inside words; ’s dropped.
pub(crate) fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '&' || c == '-' || c == '’'))
        .map(|w| w.trim_matches(['-', '’']))
        .map(|w| w.strip_suffix("’s").unwrap_or(w).to_string())
        .filter(|w| !w.is_empty())
        .collect()
}

/// The words compared for overlap: lowercase, a plural `s` dropped, four letters or more.
pub(crate) fn content_words(text: &str) -> Vec<String> {
    words(text)
        .into_iter()
        .map(|w| w.to_lowercase())
        .filter(|w| w.chars().count() >= 4 && !STOP.contains(&w.as_str()))
        .map(|w| w.strip_suffix('s').map(str::to_string).unwrap_or(w))
        .collect()
}

fn count(text: &str, cues: &[&str]) -> i32 {
    // "IT" only in capitals ("it" is a pronoun); a hyphenated word counts if it or a part is a cue.
    let is_cue = |w: &str| {
        cues.iter().any(|c| {
            if *c == "IT" {
                w == "IT"
            } else {
                w.to_lowercase() == *c
            }
        })
    };
    words(text)
        .iter()
        .filter(|w| is_cue(w) || w.split('-').any(is_cue))
        .count() as i32
}

/// The prompt without what names the roles rather than describes the problem.
fn stem(question: &Question) -> String {
    let mut text = question
        .prompt
        .trim_end_matches("the CTO, the CIO, or both?")
        .to_string();
    for phrase in ["technology leaders", "technology leader"] {
        text = text.replace(phrase, "leader");
    }
    text
}

fn names(text: &str, role: &str) -> bool {
    words(text)
        .iter()
        .any(|w| w == role || *w == [role, "s"].concat())
}

/// How the model reader answers: the chance it picks each option, in the bank's option order.
/// `both_aware`: on a role choice whose prompt holds cues of both roles within one of each other,
/// it answers "Both" (a reader who noticed "Both" is keyed sometimes).
pub(crate) fn picks(question: &Question, both_aware: bool) -> Vec<f64> {
    let stem = stem(question);
    let (cto, cio) = (count(&stem, CTO_CUES), count(&stem, CIO_CUES));
    let n = question.options.len();
    if question.is_role_choice() {
        // Options are cto, cio, both, in that order.
        return if both_aware && cto > 0 && cio > 0 && (cto - cio).abs() <= 1 {
            vec![0.0, 0.0, 1.0]
        } else if cto > cio {
            vec![1.0, 0.0, 0.0]
        } else if cio > cto {
            vec![0.0, 1.0, 0.0]
        } else {
            vec![0.5, 0.5, 0.0]
        };
    }
    let lean = match (names(&stem, "CTO"), names(&stem, "CIO")) {
        (true, false) => 1,
        (false, true) => -1,
        _ => (cto - cio).signum(),
    };
    let stem_words = content_words(&stem);
    let overlaps: Vec<bool> = question
        .options
        .iter()
        .map(|o| content_words(o.text).iter().any(|w| stem_words.contains(w)))
        .collect();
    let lengths: Vec<usize> = question
        .options
        .iter()
        .map(|o| o.text.chars().count())
        .collect();
    let mut sorted = lengths.clone();
    sorted.sort_unstable();
    let scores: Vec<i32> = question
        .options
        .iter()
        .enumerate()
        .map(|(i, option)| {
            let (to_cto, to_cio) = (count(option.text, CTO_CUES), count(option.text, CIO_CUES));
            let mut score = lean * (to_cto - to_cio);
            if overlaps[i] && overlaps.iter().filter(|o| **o).count() == 1 {
                score += 1;
            }
            let len = lengths[i] as f64;
            if lengths[i] == sorted[n - 1] && len >= 1.2 * sorted[n - 2] as f64 {
                score += 1;
            }
            if lengths[i] == sorted[0] && len <= 0.75 * sorted[1] as f64 {
                score += 1;
            }
            score
        })
        .collect();
    let best = scores.iter().copied().max().unwrap_or(0);
    let ties = scores.iter().filter(|s| **s == best).count() as f64;
    scores
        .iter()
        .map(|s| if *s == best { 1.0 / ties } else { 0.0 })
        .collect()
}

/// The model reader's chance of answering `question` right.
pub(crate) fn chance(question: &Question, both_aware: bool) -> f64 {
    picks(question, both_aware)
        .iter()
        .zip(question.options)
        .filter(|(_, o)| o.correct)
        .map(|(p, _)| p)
        .sum()
}

/// The chance of each score 0..=n for independent questions with these chances of being right.
fn score_distribution(chances: &[f64]) -> Vec<f64> {
    let mut dist = vec![1.0];
    for p in chances {
        let mut next = vec![0.0; dist.len() + 1];
        for (k, q) in dist.iter().enumerate() {
            next[k] += q * (1.0 - p);
            next[k + 1] += q * p;
        }
        dist = next;
    }
    dist
}

struct Estimate {
    /// Mean chance over the whole bank.
    bank: f64,
    /// Expected share right over default attempts (ten questions, many seeds).
    attempt: f64,
    /// The chance an attempt reaches 75 % (the top two tiers).
    top_two_tiers: f64,
}

fn estimate(both_aware: bool) -> Estimate {
    let bank =
        QUESTIONS.iter().map(|q| chance(q, both_aware)).sum::<f64>() / QUESTIONS.len() as f64;
    let seeds = 2000;
    let (mut attempt, mut top) = (0.0, 0.0);
    for seed in 0..seeds {
        let quiz = Quiz::drawing(
            QUESTIONS,
            QuestionCount::default(),
            seed,
            FeedbackMode::Instant,
        );
        let chances: Vec<f64> = quiz
            .slots
            .iter()
            .filter_map(|slot| QUESTIONS.iter().find(|q| q.id == slot.question))
            .map(|q| chance(q, both_aware))
            .collect();
        let n = chances.len();
        attempt += chances.iter().sum::<f64>() / n as f64;
        top += score_distribution(&chances)
            .iter()
            .enumerate()
            .filter(|(k, _)| k * 4 >= n * 3)
            .map(|(_, p)| p)
            .sum::<f64>();
    }
    Estimate {
        bank,
        attempt: attempt / seeds as f64,
        top_two_tiers: top / seeds as f64,
    }
}

#[test]
fn a_test_wise_reader_who_skipped_the_article_expects_about_half_at_most() {
    for question in QUESTIONS {
        println!(
            "{:>5.2} {:>5.2}  {}",
            chance(question, false),
            chance(question, true),
            question.id
        );
    }
    let plain = estimate(false);
    let aware = estimate(true);
    println!(
        "never Both: bank {:.0}%, ten-question attempt {:.0}%, P(top two tiers) {:.1}%",
        plain.bank * 100.0,
        plain.attempt * 100.0,
        plain.top_two_tiers * 100.0
    );
    println!(
        "Both when cued both ways: bank {:.0}%, attempt {:.0}%, P(top two tiers) {:.1}%",
        aware.bank * 100.0,
        aware.attempt * 100.0,
        aware.top_two_tiers * 100.0
    );
    for estimate in [&plain, &aware] {
        assert!(estimate.bank <= 0.5, "{:.2} of the bank", estimate.bank);
        assert!(
            estimate.attempt <= 0.5,
            "{:.2} of an attempt",
            estimate.attempt
        );
        assert!(
            estimate.top_two_tiers <= 0.1,
            "{:.2}",
            estimate.top_two_tiers
        );
    }
}

#[test]
fn the_model_reads_the_cues_it_claims_to() {
    assert_eq!(
        words("the CIO’s IT budget, R&D."),
        ["the", "CIO", "IT", "budget", "R&D"]
    );
    assert_eq!(count("it can fix IT", CIO_CUES), 2);
    assert_eq!(count("a future-facing new-product plan", CTO_CUES), 2);
    assert_eq!(
        content_words("Overloading one position"),
        ["overloading", "position"]
    );
}
