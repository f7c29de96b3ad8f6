//! One widget's saved state as signals: the quiz, the attempt history and the newsletter choice,
//! each the one writer of its storage key (`persisted`), loaded from the widget's namespace,
//! refreshed when another tab writes it, and removed by "Forget my data". The rules (what loads,
//! how history merges, what counts as saved) are `storage`'s; this file only wires them.

use leptos::prelude::*;
use web_sys::HtmlElement;

use crate::config::Config;
use crate::content::QUESTIONS;
use crate::quiz::Quiz;
use crate::storage::{self, HistoryEntry, Keys, NewsletterMemory, Saved};
use crate::ui::persisted::Persisted;
use crate::web::store::Store;
use crate::web::{clock, console};

/// What one widget keeps outside the reactive graph, in one stored value (each stored type
/// compiles its own copy of Leptos's arena code): what stays the same while it is mounted, and
/// the last values it knows storage holds.
pub struct Kept {
    pub config: Config,
    /// The `<cto-cio-quiz>` element, which host-page events are dispatched from.
    pub host: HtmlElement,
    pub store: Store,
    pub keys: Keys,
    /// What storage holds for each `Persisted` value, as far as this widget knows.
    stored: Stored,
}

struct Stored {
    quiz: Quiz,
    history: Vec<HistoryEntry>,
    newsletter: Option<NewsletterMemory>,
}

fn quiz_in_storage(kept: &mut Kept) -> &mut Quiz {
    &mut kept.stored.quiz
}

fn history_in_storage(kept: &mut Kept) -> &mut Vec<HistoryEntry> {
    &mut kept.stored.history
}

fn newsletter_in_storage(kept: &mut Kept) -> &mut Option<NewsletterMemory> {
    &mut kept.stored.newsletter
}

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
        let (progress, history, newsletter) = (
            keys.progress.clone(),
            keys.history.clone(),
            keys.newsletter.clone(),
        );
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
            quiz: Persisted::bind(kept, quiz_in_storage, progress, quiz, save_quiz, persistent),
            history: Persisted::bind(
                kept,
                history_in_storage,
                history,
                saved.history,
                save_history,
                persistent,
            ),
            newsletter: Persisted::bind(
                kept,
                newsletter_in_storage,
                newsletter,
                saved.newsletter,
                save_newsletter,
                persistent,
            ),
            persistent,
            newer_data: RwSignal::new(!saved.newer.is_empty()),
            kept,
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
                    .kept
                    .with_value(|kept| storage::is_ours(&kept.config.storage_key, &key)),
                None => true, // localStorage.clear() in another tab
            };
            if ours {
                let saved = self.kept.with_value(|kept| read(&kept.store, &kept.keys));
                self.show_stored(saved);
            }
        });
        on_cleanup(move || handle.remove());
    }

    /// Shows values that storage already holds (they are not written back).
    fn show_stored(self, saved: Saved) {
        let quiz = self
            .kept
            .with_value(|kept| resume(&kept.config, saved.quiz));
        self.quiz.set_from_storage(quiz);
        self.history.set_from_storage(saved.history);
        self.newsletter.set_from_storage(saved.newsletter);
        self.newer_data.set(!saved.newer.is_empty());
        self.persistent
            .set(self.kept.with_value(|kept| kept.store.is_persistent()));
    }

    /// Adds a finished attempt on top of the history storage holds now (another tab's included).
    pub fn record(self, entry: HistoryEntry) {
        let stored = self
            .kept
            .with_value(|kept| storage::stored_history(&kept.store, &kept.keys));
        self.history
            .value
            .update(|history| *history = storage::record(stored, history, entry));
    }

    /// Removes every key this widget writes (a newer release's included) and starts from scratch.
    pub fn forget(self) {
        self.kept.with_value(|Kept { store, keys, .. }| {
            keys.all().into_iter().for_each(|key| store.remove(key))
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
