//! Loading one widget's namespace: every key read through a [`Source`], decoded, salvaged, and
//! the keys a newer release wrote set apart so they are never overwritten.

use crate::content::Question;
use crate::quiz::{Phase, Quiz};

use super::entry::{decode_history, StoredEntry};
use super::file::{open, Opened};
use super::history::{HistoryEntry, HistoryFile};
use super::keys::Keys;
use super::newsletter::{decode_newsletter, NewsletterFile, NewsletterMemory};
use super::progress::{decode_progress, ProgressFile};
use super::source::Source;
use super::{history, newsletter, progress};

/// What one namespace held, ready to use.
#[derive(Debug, Default, PartialEq)]
pub struct Saved {
    /// The saved run, restored against the bank; `None` means start fresh.
    pub quiz: Option<Quiz>,
    pub history: Vec<HistoryEntry>,
    pub newsletter: Option<NewsletterMemory>,
    /// Keys that hold a newer release's data, byte for byte as it wrote them: the widget runs
    /// from memory for these and never writes them (Forget my data still removes them).
    pub newer: Vec<String>,
    /// One line for each key that had to be dropped in whole or in part, or that is kept for a
    /// newer release; the web edge prints them as one console warning.
    pub warnings: Vec<String>,
}

/// Reads and decodes every key of `keys` from `source`.
pub fn load(source: &impl Source, keys: &Keys, bank: &'static [Question]) -> Saved {
    let mut newer = Vec::new();
    let mut warnings = Vec::new();
    let mut note = |key: &str, what: &str, newer_here: bool, warning: Option<String>| {
        if newer_here {
            newer.push(key.to_owned());
            warnings.push(kept_for_newer(what));
        }
        warnings.extend(warning);
    };

    let opened: Opened<ProgressFile<Quiz>> = open(source, &keys.progress, progress::WHAT);
    let is_newer = matches!(opened, Opened::Newer);
    let (quiz, warning) = decode_progress(opened, bank);
    note(&keys.progress, progress::WHAT, is_newer, warning);

    let opened: Opened<HistoryFile<Vec<StoredEntry>>> = open(source, &keys.history, history::WHAT);
    let is_newer = matches!(opened, Opened::Newer);
    let (entries, warning) = decode_history(opened);
    note(&keys.history, history::WHAT, is_newer, warning);

    let opened: Opened<NewsletterFile> = open(source, &keys.newsletter, newsletter::WHAT);
    let is_newer = matches!(opened, Opened::Newer);
    let (memory, warning) = decode_newsletter(opened);
    note(&keys.newsletter, newsletter::WHAT, is_newer, warning);

    Saved {
        quiz,
        history: entries.unwrap_or_default(),
        newsletter: memory,
        newer,
        warnings,
    }
}

/// The history as storage holds it right now, for appending a result without losing another
/// tab's; `None` when the key holds nothing usable.
pub fn stored_history(source: &impl Source, keys: &Keys) -> Option<Vec<HistoryEntry>> {
    decode_history(open(source, &keys.history, history::WHAT)).0
}

/// Whether this widget has anything in the reader's browser that "Forget my data" would remove.
pub fn anything_to_forget(
    quiz: &Quiz,
    history: &[HistoryEntry],
    newsletter: Option<NewsletterMemory>,
    holds_newer_data: bool,
) -> bool {
    quiz.phase() != Phase::NotStarted
        || !history.is_empty()
        || newsletter.is_some()
        || holds_newer_data
}

fn kept_for_newer(what: &str) -> String {
    [
        what,
        " was saved by a newer version of the widget: it is kept as it is, and this page works \
         from memory for it.",
    ]
    .concat()
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;
    use crate::quiz::testing::{played, BANK};
    use crate::quiz::FeedbackMode;
    use crate::storage::{history_file, keys, newsletter_file, progress_file};

    fn source(entries: &[(&str, String)]) -> impl Fn(&str) -> Option<String> {
        let map: HashMap<String, String> = entries
            .iter()
            .map(|(k, v)| ((*k).to_owned(), v.clone()))
            .collect();
        move |key: &str| map.get(key).cloned()
    }

    fn json<T: serde::Serialize>(value: T) -> String {
        serde_json::to_string(&value).unwrap()
    }

    #[test]
    fn an_empty_namespace_loads_nothing_and_says_nothing() {
        let saved = load(&source(&[]), &keys("k"), &BANK);
        assert_eq!(
            saved,
            Saved {
                quiz: None,
                history: vec![],
                newsletter: None,
                newer: vec![],
                warnings: vec![],
            }
        );
    }

    #[test]
    fn every_key_of_the_namespace_is_loaded_and_no_other() {
        let quiz = played(4, FeedbackMode::Instant, 3, 5);
        let entry = HistoryEntry::finished(3, 4, 1000.0, 1);
        let saved = load(
            &source(&[
                ("k:progress", json(progress_file(&quiz))),
                ("k:history", json(history_file(&[entry]))),
                (
                    "k:newsletter",
                    json(newsletter_file(NewsletterMemory::Dismissed)),
                ),
                ("other:history", "broken".into()),
            ]),
            &keys("k"),
            &BANK,
        );
        assert_eq!(saved.quiz, Some(quiz));
        assert_eq!(saved.history, [entry]);
        assert_eq!(saved.newsletter, Some(NewsletterMemory::Dismissed));
        assert!(saved.newer.is_empty() && saved.warnings.is_empty());
    }

    #[test]
    fn damage_in_one_key_is_reported_and_the_others_still_load() {
        let entry = HistoryEntry::finished(1, 2, 5.0, 1);
        let saved = load(
            &source(&[
                ("k:progress", "{\"v\":1,\"quiz\":".into()),
                ("k:history", json(history_file(&[entry]))),
                ("k:newsletter", "42".into()),
            ]),
            &keys("k"),
            &BANK,
        );
        assert_eq!((saved.quiz, saved.history), (None, vec![entry]));
        assert_eq!(
            saved.warnings,
            [
                "Saved progress was discarded: it is not valid JSON.",
                "The newsletter choice was discarded: it is not in this widget’s format.",
            ]
        );
    }

    #[test]
    fn a_newer_release_s_keys_are_set_apart_not_decoded() {
        let saved = load(
            &source(&[
                (
                    "k:progress",
                    r#"{"v":2,"quiz":"a shape we do not know"}"#.into(),
                ),
                ("k:history", r#"{"v":7,"entries":[{"score":1}]}"#.into()),
            ]),
            &keys("k"),
            &BANK,
        );
        assert_eq!(saved.quiz, None);
        assert!(saved.history.is_empty());
        assert_eq!(saved.newer, ["k:progress", "k:history"]);
        assert_eq!(saved.warnings.len(), 2);
        assert!(saved.warnings[0].starts_with("Saved progress was saved by a newer version"));
        assert!(saved.warnings[1].starts_with("Quiz history was saved by a newer version"));
    }

    #[test]
    fn stored_history_reads_only_usable_entries() {
        let entry = HistoryEntry::finished(2, 2, 9.0, 1);
        let keys = keys("k");
        let stored = |raw: &str| stored_history(&source(&[("k:history", raw.into())]), &keys);
        assert_eq!(stored(&json(history_file(&[entry]))), Some(vec![entry]));
        assert_eq!(stored(r#"{"v":9,"entries":[]}"#), None);
        assert_eq!(stored("nonsense"), None);
        assert_eq!(stored_history(&source(&[]), &keys), None);
    }

    #[test]
    fn there_is_something_to_forget_once_anything_was_kept() {
        let fresh = played(1, FeedbackMode::Instant, 0, 0);
        let started = played(1, FeedbackMode::Instant, 1, 0);
        let entry = HistoryEntry::finished(1, 2, 0.0, 1);
        assert!(!anything_to_forget(&fresh, &[], None, false));
        assert!(anything_to_forget(&started, &[], None, false));
        assert!(anything_to_forget(&fresh, &[entry], None, false));
        assert!(anything_to_forget(
            &fresh,
            &[],
            Some(NewsletterMemory::Subscribed),
            false
        ));
        assert!(anything_to_forget(&fresh, &[], None, true));
    }
}
