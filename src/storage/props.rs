//! Property tests: no stored string can make a decoder panic, and whatever we encode decodes back.

use proptest::prelude::*;

use super::*;
use crate::quiz::testing::{played, BANK};
use crate::quiz::{FeedbackMode, Quiz};

fn encode_progress(quiz: &Quiz) -> String {
    serde_json::to_string(&progress_file(quiz)).unwrap_or_default()
}

fn encode_history(entries: &[HistoryEntry]) -> String {
    serde_json::to_string(&history_file(entries)).unwrap_or_default()
}

/// Loads a namespace whose three keys all hold `raw`.
fn load_all(raw: &str) -> Saved {
    let source = |_: &str| Some(raw.to_owned());
    load(&source, &keys("k"), &BANK)
}

/// Strings that look enough like our JSON to get past the parser now and then.
fn jsonish() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[\\[\\]{}\":,.0-9a-z_ -]{0,80}",
        "[\\[\\]{}\":,.0-9eE+-]{0,40}".prop_map(|s| [r#"{"v":1,"quiz":"#, &s, "}"].concat()),
        "[\\[\\]{}\":,.0-9eE+-]{0,40}".prop_map(|s| [r#"{"v":1,"entries":["#, &s, "]}"].concat()),
        "[\\[\\]{}\":,.0-9a-z_-]{0,20}".prop_map(|s| [r#"{"v":1,"state":"#, &s, "}"].concat()),
    ]
}

/// A valid encoding with one byte range replaced: truncations, splices and hand edits.
fn mangled() -> impl Strategy<Value = String> {
    (
        any::<u64>(),
        any::<bool>(),
        0usize..13,
        any::<u64>(),
        any::<prop::sample::Index>(),
        0usize..8,
        "[\\[\\]{}\":,.0-9a-z_ -]{0,8}",
    )
        .prop_map(|(seed, at_end, answered, picks, at, len, junk)| {
            let mode = if at_end {
                FeedbackMode::AtEnd
            } else {
                FeedbackMode::Instant
            };
            let raw = encode_progress(&played(seed, mode, answered, picks));
            let start = at.index(raw.len() + 1);
            let end = (start + len).min(raw.len());
            [
                raw.get(..start).unwrap_or(""),
                &junk,
                raw.get(end..).unwrap_or(""),
            ]
            .concat()
        })
}

fn entry() -> impl Strategy<Value = HistoryEntry> {
    (
        1u32..=1000,
        any::<prop::sample::Index>(),
        0u64..=8_640_000_000_000_000,
        any::<u32>(),
    )
        .prop_map(|(total, score, ms, id)| HistoryEntry {
            score: score.index(total as usize + 1) as u32,
            total,
            finished_at_ms: ms,
            id,
        })
}

fn decode_all(raw: &str) {
    let saved = load_all(raw);
    for w in &saved.warnings {
        assert!(!w.is_empty() && !w.contains('\n'));
    }
    assert!(saved.warnings.len() <= 3);
    if let Some(quiz) = &saved.quiz {
        assert!(quiz.score() <= quiz.answered() && quiz.answered() <= quiz.total());
        assert!(quiz.total() > 0);
    }
    assert!(saved.history.len() <= HISTORY_CAP);
    assert!(saved
        .history
        .iter()
        .all(|e| e.total > 0 && e.score <= e.total));
}

proptest! {
    #[test]
    fn decoders_never_panic_on_any_string(raw in jsonish()) {
        decode_all(&raw);
    }

    #[test]
    fn decoders_never_panic_on_mangled_saves(raw in mangled()) {
        decode_all(&raw);
    }

    #[test]
    fn progress_round_trips(
        seed in any::<u64>(),
        at_end in any::<bool>(),
        answered in 0usize..13,
        picks in any::<u64>(),
    ) {
        let mode = if at_end { FeedbackMode::AtEnd } else { FeedbackMode::Instant };
        let quiz = played(seed, mode, answered, picks);
        let raw = encode_progress(&quiz);
        let source = |key: &str| (key == "k:progress").then(|| raw.clone());
        let saved = load(&source, &keys("k"), &BANK);
        prop_assert_eq!(saved.warnings, Vec::<String>::new());
        prop_assert_eq!(saved.quiz, Some(quiz));
    }

    #[test]
    fn history_round_trips(entries in proptest::collection::vec(entry(), 0..=HISTORY_CAP)) {
        let entries = merge(&entries, &[]);
        let raw = encode_history(&entries);
        let source = |key: &str| (key == "k:history").then(|| raw.clone());
        let saved = load(&source, &keys("k"), &BANK);
        prop_assert_eq!(saved.warnings, Vec::<String>::new());
        prop_assert_eq!(saved.history, entries);
    }

    #[test]
    fn merging_is_a_capped_union_in_one_order(
        a in proptest::collection::vec(entry(), 0..=HISTORY_CAP),
        b in proptest::collection::vec(entry(), 0..=HISTORY_CAP),
    ) {
        let out = merge(&a, &b);
        prop_assert!(out.len() <= HISTORY_CAP);
        prop_assert!(out.windows(2).all(|w| w[0].finished_at_ms <= w[1].finished_at_ms && w[0] != w[1]));
        prop_assert_eq!(&merge(&b, &a), &out, "whichever tab merges");
        prop_assert_eq!(&merge(&out, &a), &out, "merging again changes nothing");
        prop_assert_eq!(&merge(&out, &b), &out);
        // Nothing newer than what was kept is ever dropped.
        if let Some(oldest) = out.first() {
            prop_assert!(a.iter().chain(&b).all(|e| out.contains(e) || e.finished_at_ms <= oldest.finished_at_ms));
        }
        if let Some(best) = best(&out) {
            prop_assert!(out.iter().all(|e| e.percent() <= best.percent()));
        }
    }
}
