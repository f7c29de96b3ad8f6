//! One widget's saved state as signals: the quiz, the attempt history and the newsletter choice,
//! each the one writer of its storage key (`persisted`), loaded from the widget's namespace,
//! refreshed when another tab writes it (the history merged with this tab's, so neither loses an
//! attempt), and removed by "Forget my data". The rules (what loads, how history merges, what
//! counts as saved) are `storage`'s; this file only wires them.

use leptos::prelude::*;
use web_sys::HtmlElement;

use crate::config::Config;
use crate::content::QUESTIONS;
use crate::quiz::Quiz;
use crate::storage::{self, HistoryEntry, Keys, NewsletterMemory, Saved};
use crate::ui::kept::{history_in_storage, newsletter_in_storage, quiz_in_storage, Kept, Stored};
use crate::ui::persisted::Persisted;
use crate::web::store::Store;
use crate::web::{clock, console};

#[derive(Clone, Copy)]
pub struct SavedState {
    pub quiz: Persisted<Quiz>,
    pub history: Persisted<Vec<HistoryEntry>>,
    pub newsletter: Persisted<Option<NewsletterMemory>>,
    /// False when progress cannot survive a reload (no usable localStorage, a failed write, or
    /// a key kept for a newer release).
    pub persistent: RwSignal<bool>,
    /// Some key holds a newer release's data (which Forget my data would remove).
    newer_data: RwSignal<bool>,
    pub kept: StoredValue<Kept, LocalStorage>,
}

impl SavedState {
    /// Loads the namespace of `config.storage_key`, reporting damaged data in one console warning,
    /// and follows what other tabs of the same post write to it.
    pub fn open(host: HtmlElement, config: Config, store: Store) -> SavedState {
        let keys = storage::keys(&config.storage_key);
        let saved = read(&store, &keys);
        if !saved.warnings.is_empty() {
            console::warn(&saved.warnings.join(" "));
        }
        let persistent = RwSignal::new(store.is_persistent());
        let quiz = resume(&config, saved.quiz);
        let kept = StoredValue::new_local(Kept {
            config,
            host,
            store,
            keys,
            stored: Stored {
                quiz: quiz.clone(),
                history: saved.history.clone(),
                newsletter: saved.newsletter,
            },
        });
        let state = SavedState {
            quiz: Persisted::bind(
                kept,
                quiz_in_storage,
                |keys| &keys.progress,
                quiz,
                save_quiz,
                persistent,
            ),
            history: Persisted::bind(
                kept,
                history_in_storage,
                |keys| &keys.history,
                saved.history,
                save_history,
                persistent,
            ),
            newsletter: Persisted::bind(
                kept,
                newsletter_in_storage,
                |keys| &keys.newsletter,
                saved.newsletter,
                save_newsletter,
                persistent,
            ),
            persistent,
            newer_data: RwSignal::new(!saved.newer.is_empty()),
            kept,
        };
        // A widget sharing its key with another on the page runs from memory: nothing to follow.
        if state.kept.with_value(|kept| kept.store.follows_storage()) {
            state.follow_other_tabs();
        }
        state
    }

    /// Another tab of the same post wrote our keys: show what it saved instead of overwriting it
    /// later, and merge its history with ours. The listener goes with the widget's owner
    /// (unmounting removes it).
    // The widget's one window listener: `storage` fires on the window, not on an element a view
    // could take an `on:` handler on (clippy.toml disallows window listeners elsewhere).
    #[allow(clippy::disallowed_methods)]
    fn follow_other_tabs(self) {
        let handle = window_event_listener(leptos::ev::storage, move |event| {
            let ours = match event.key() {
                Some(key) => self
                    .kept
                    .try_with_value(|kept| storage::is_ours(&kept.config.storage_key, &key))
                    .unwrap_or(false),
                None => true, // localStorage.clear() in another tab
            };
            if !ours {
                return;
            }
            let Some((saved, history)) = self.kept.try_with_value(|kept| {
                let history = storage::stored_history(&kept.store, &kept.keys);
                (read(&kept.store, &kept.keys), history)
            }) else {
                return;
            };
            self.show_stored(saved);
            self.merge_history(history);
        });
        on_cleanup(move || handle.remove());
    }

    /// Shows values that storage already holds (they are not written back). The history shown
    /// is storage's; [`SavedState::merge_history`] adds this tab's own to it.
    fn show_stored(self, saved: Saved) {
        let Some(quiz) = self
            .kept
            .try_with_value(|kept| resume(&kept.config, saved.quiz))
        else {
            return;
        };
        self.quiz.set_from_storage(quiz);
        self.newsletter.set_from_storage(saved.newsletter);
        self.newer_data.try_set(!saved.newer.is_empty());
        if let Some(persistent) = self.kept.try_with_value(|kept| kept.store.is_persistent()) {
            self.persistent.try_set(persistent);
        }
    }

    /// Another tab wrote the history (`stored`; `None` when it removed it, as "Forget my data"
    /// does): show the union of its attempts and ours, and write the union back if storage lacks
    /// some of ours (two tabs' writes raced). A removal is followed: the reader asked to forget.
    fn merge_history(self, stored: Option<Vec<HistoryEntry>>) {
        let Some(stored) = stored else {
            self.history.set_from_storage(Vec::new());
            return;
        };
        let Some(merged) = self
            .history
            .value
            .try_with_untracked(|ours| storage::merge(ours, &stored))
        else {
            return;
        };
        if merged == stored {
            self.history.set_from_storage(merged);
        } else {
            self.history.save_now(merged);
        }
    }

    /// Records a finished attempt: storage's history is read, merged with ours and the new entry,
    /// and written back in this one task, so an attempt another tab or frame records at the same
    /// time is kept too.
    pub fn record(self, entry: HistoryEntry) {
        let Some(stored) = self
            .kept
            .try_with_value(|kept| storage::stored_history(&kept.store, &kept.keys))
        else {
            return;
        };
        let Some(history) = self
            .history
            .value
            .try_with_untracked(|ours| storage::record(stored, ours, entry))
        else {
            return;
        };
        self.history.save_now(history);
    }

    /// Removes every key this widget writes (a newer release's included) and starts from scratch.
    pub fn forget(self) {
        self.kept.with_value(|Kept { store, keys, .. }| {
            keys.all().into_iter().for_each(|key| store.remove(key))
        });
        self.show_stored(Saved::default());
        self.history.set_from_storage(Vec::new());
    }

    /// Whether "Forget my data" has anything to remove.
    pub fn anything_to_forget(self) -> bool {
        self.quiz.value.with(|quiz| {
            self.history.value.with(|history| {
                storage::anything_to_forget(
                    quiz,
                    history,
                    self.newsletter.value.get(),
                    self.newer_data.get(),
                )
            })
        })
    }
}

/// Loads the namespace and holds the keys a newer release wrote, so they are never overwritten.
fn read(store: &Store, keys: &Keys) -> Saved {
    let saved = storage::load(store, keys, QUESTIONS);
    for key in &saved.newer {
        store.hold(key);
    }
    saved
}

fn resume(config: &Config, saved: Option<Quiz>) -> Quiz {
    Quiz::resume_or_new(
        saved,
        QUESTIONS,
        config.questions,
        clock::fresh_seed(),
        config.feedback,
    )
}

fn save_quiz(store: &Store, key: &str, quiz: &Quiz) {
    store.write(key, &storage::progress_file(quiz));
}

// `Persisted::bind` takes a writer of `&T`, and T is the Vec itself.
#[allow(clippy::ptr_arg)]
fn save_history(store: &Store, key: &str, entries: &Vec<HistoryEntry>) {
    store.write(key, &storage::history_file(entries));
}

fn save_newsletter(store: &Store, key: &str, memory: &Option<NewsletterMemory>) {
    match memory {
        Some(memory) => store.write(key, &storage::newsletter_file(*memory)),
        None => store.remove(key),
    }
}
