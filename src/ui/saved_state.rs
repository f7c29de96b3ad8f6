//! One widget's saved state as signals: the quiz, the attempt history and the newsletter choice,
//! each the one writer of its storage key (`persisted`), loaded from the widget's namespace,
//! refreshed when another tab writes it, and removed by "Forget my data". The rules (what loads,
//! how history merges, what counts as saved) are `storage`'s; this file only wires them.

use leptos::prelude::*;

use crate::config::Config;
use crate::content::QUESTIONS;
use crate::quiz::Quiz;
use crate::storage::{self, HistoryEntry, Keys, NewsletterMemory, Saved};
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
    store: StoredValue<Store, LocalStorage>,
    keys: StoredValue<Keys>,
    config: StoredValue<Config>,
}

impl SavedState {
    /// Loads the namespace of `config.storage_key`, reporting damaged data in one console warning,
    /// and follows what other tabs of the same post write to it.
    pub fn open(store: Store, config: StoredValue<Config>) -> SavedState {
        let keys = config.with_value(|config| storage::keys(&config.storage_key));
        let saved = read(&store, &keys);
        if !saved.warnings.is_empty() {
            console::warn(&saved.warnings.join(" "));
        }
        let persistent = RwSignal::new(store.is_persistent());
        let store = StoredValue::new_local(store);
        let quiz = resume(config, saved.quiz);
        let state = SavedState {
            quiz: Persisted::bind(store, keys.progress.clone(), quiz, save_quiz, persistent),
            history: Persisted::bind(
                store,
                keys.history.clone(),
                saved.history,
                save_history,
                persistent,
            ),
            newsletter: Persisted::bind(
                store,
                keys.newsletter.clone(),
                saved.newsletter,
                save_newsletter,
                persistent,
            ),
            persistent,
            newer_data: RwSignal::new(!saved.newer.is_empty()),
            store,
            keys: StoredValue::new(keys),
            config,
        };
        state.follow_other_tabs();
        state
    }

    /// Another tab of the same post wrote our keys: show what it saved instead of overwriting it
    /// later. The listener goes with the widget's owner (unmounting removes it).
    fn follow_other_tabs(self) {
        let handle = window_event_listener(leptos::ev::storage, move |event| {
            let ours = match event.key() {
                Some(key) => self
                    .config
                    .with_value(|config| storage::is_ours(&config.storage_key, &key)),
                None => true, // localStorage.clear() in another tab
            };
            if ours {
                let saved = self
                    .store
                    .with_value(|store| self.keys.with_value(|keys| read(store, keys)));
                self.show_stored(saved);
            }
        });
        on_cleanup(move || handle.remove());
    }

    /// Shows values that storage already holds (they are not written back).
    fn show_stored(self, saved: Saved) {
        self.quiz.set_from_storage(resume(self.config, saved.quiz));
        self.history.set_from_storage(saved.history);
        self.newsletter.set_from_storage(saved.newsletter);
        self.newer_data.set(!saved.newer.is_empty());
        self.persistent
            .set(self.store.with_value(Store::is_persistent));
    }

    /// Adds a finished attempt on top of the history storage holds now (another tab's included).
    pub fn record(self, entry: HistoryEntry) {
        let stored = self.store.with_value(|store| {
            self.keys
                .with_value(|keys| storage::stored_history(store, keys))
        });
        self.history
            .value
            .update(|history| *history = storage::record(stored, history, entry));
    }

    /// Removes every key this widget writes (a newer release's included) and starts from scratch.
    pub fn forget(self) {
        self.store.with_value(|store| {
            self.keys
                .with_value(|keys| keys.all().into_iter().for_each(|key| store.remove(key)))
        });
        self.show_stored(Saved::default());
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

fn resume(config: StoredValue<Config>, saved: Option<Quiz>) -> Quiz {
    config.with_value(|config| {
        Quiz::resume_or_new(
            saved,
            QUESTIONS,
            config.questions,
            clock::fresh_seed(),
            config.feedback,
        )
    })
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
