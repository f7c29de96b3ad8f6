//! One widget's reactive session: the quiz engine, the attempt history and the newsletter choice
//! as signals, each bound to its storage key (`persisted`), plus the wiring the views need: host
//! events, focus requests, and following other tabs. Rules live in the engine and in `storage`;
//! an action here calls the engine and, when the engine accepted it, announces and moves focus.

use leptos::prelude::*;
use web_sys::HtmlElement;

use crate::config::Config;
use crate::content::{QUESTIONS, TIERS};
use crate::quiz::{ActionError, Phase, Quiz};
use crate::storage::{self, HistoryEntry, Keys, NewsletterMemory, Saved};
pub use crate::ui::focus::FocusTarget;
use crate::ui::persisted::Bound;
use crate::web::events::{emit, HostEvent};
use crate::web::store::Store;
use crate::web::{clock, console};

/// Everything one `<cto-cio-quiz>` element shows and remembers. Cheap to copy into closures.
#[derive(Clone, Copy)]
pub struct Session {
    pub quiz: RwSignal<Quiz>,
    pub history: RwSignal<Vec<HistoryEntry>>,
    pub newsletter: RwSignal<Option<NewsletterMemory>>,
    /// False when progress cannot survive a reload (no usable localStorage, a failed write, or
    /// a key kept for a newer release).
    pub persistent: RwSignal<bool>,
    /// Set by an action, consumed by the component that owns the target.
    pub focus: RwSignal<Option<FocusTarget>>,
    /// A short confirmation after "Forget my data", announced politely.
    pub notice: RwSignal<Option<&'static str>>,
    pub config: StoredValue<Config>,
    bound: Bound,
    /// Some key holds a newer release's data (which Forget my data would remove).
    newer_data: RwSignal<bool>,
    store: StoredValue<Store, LocalStorage>,
    host: StoredValue<HtmlElement, LocalStorage>,
    keys: StoredValue<Keys>,
}

impl Session {
    /// Loads what `host`'s storage namespace holds, reporting damaged data in one console warning,
    /// and follows changes made by the same widget in other tabs.
    pub fn open(host: HtmlElement, config: Config, store: Store) -> Session {
        let keys = storage::keys(&config.storage_key);
        let saved = storage::load(&store, &keys, QUESTIONS);
        if !saved.warnings.is_empty() {
            console::warn(&saved.warnings.join(" "));
        }
        for key in &saved.newer {
            store.hold(key);
        }
        let persistent = RwSignal::new(store.is_persistent());
        let newer_data = RwSignal::new(!saved.newer.is_empty());
        let quiz = Quiz::resume_or_new(
            saved.quiz,
            QUESTIONS,
            config.questions,
            clock::fresh_seed(),
            config.feedback,
        );
        let store = StoredValue::new_local(store);
        let bound = Bound::new(
            store,
            &keys,
            quiz,
            saved.history,
            saved.newsletter,
            persistent,
        );
        let session = Session {
            quiz: bound.quiz.value,
            history: bound.history.value,
            newsletter: bound.newsletter.value,
            persistent,
            focus: RwSignal::new(None),
            notice: RwSignal::new(None),
            config: StoredValue::new(config),
            bound,
            newer_data,
            store,
            host: StoredValue::new_local(host),
            keys: StoredValue::new(keys),
        };
        session.follow_other_tabs();
        session
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
                let saved = self.read();
                self.show_stored(saved);
            }
        });
        on_cleanup(move || handle.remove());
    }

    fn read(self) -> Saved {
        self.store.with_value(|store| {
            let saved = self
                .keys
                .with_value(|keys| storage::load(store, keys, QUESTIONS));
            for key in &saved.newer {
                store.hold(key);
            }
            saved
        })
    }

    /// Shows values that storage already holds (they are not written back).
    fn show_stored(self, saved: Saved) {
        let (count, mode) = self
            .config
            .with_value(|config| (config.questions, config.feedback));
        let quiz = Quiz::resume_or_new(saved.quiz, QUESTIONS, count, clock::fresh_seed(), mode);
        self.bound.quiz.set_from_storage(quiz);
        self.bound.history.set_from_storage(saved.history);
        self.bound.newsletter.set_from_storage(saved.newsletter);
        self.newer_data.set(!saved.newer.is_empty());
        self.persistent
            .set(self.store.with_value(Store::is_persistent));
    }

    fn emit(self, event: HostEvent) {
        self.host.with_value(|host| emit(host, event));
    }

    /// Applies an engine action; a refused one (a double click, a stale button) changes nothing
    /// and notifies nobody.
    fn apply<T>(self, action: impl FnOnce(&mut Quiz) -> Result<T, ActionError>) -> Option<T> {
        self.quiz
            .try_maybe_update(|quiz| match action(quiz) {
                Ok(done) => (true, Some(done)),
                Err(_) => (false, None),
            })
            .flatten()
    }

    pub fn start(self) {
        if self.apply(Quiz::start).is_some() {
            self.emit(HostEvent::Start);
            self.focus.set(Some(FocusTarget::Question));
        }
    }

    /// Actions carry the id of the question whose controls were used; the engine refuses one
    /// for a question no longer on screen.
    pub fn select(self, question_id: &str, option_id: &str) {
        self.apply(|quiz| quiz.select(question_id, option_id));
    }

    /// Checks the selected answer; in end-of-quiz feedback mode this also moves on.
    pub fn check(self, question_id: &str) {
        let Some(outcome) = self.apply(|quiz| quiz.check(question_id)) else {
            return;
        };
        self.emit(HostEvent::Answer {
            question_id: outcome.question_id,
            correct: outcome.correct,
        });
        match self.quiz.with_untracked(Quiz::phase) {
            Phase::Finished => self.finish(),
            Phase::Feedback { .. } => self.focus.set(Some(FocusTarget::Action)),
            _ => self.focus.set(Some(FocusTarget::Question)),
        }
    }

    pub fn next(self, question_id: &str) {
        if self.apply(|quiz| quiz.next(question_id)).is_none() {
            return;
        }
        if self.quiz.with_untracked(Quiz::phase) == Phase::Finished {
            self.finish();
        } else {
            self.focus.set(Some(FocusTarget::Question));
        }
    }

    /// Records the finished attempt on top of what storage holds now, and tells the host page.
    fn finish(self) {
        let Some(results) = self.quiz.with_untracked(|quiz| quiz.results(TIERS)) else {
            return;
        };
        let entry = HistoryEntry::finished(results.score, results.total, clock::now_ms());
        let stored = self.store.with_value(|store| {
            self.keys
                .with_value(|keys| storage::stored_history(store, keys))
        });
        self.history
            .update(|history| *history = storage::record(stored, history, entry));
        self.emit(HostEvent::Complete {
            score: results.score,
            total: results.total,
            tier: results.tier.id,
        });
        self.focus.set(Some(FocusTarget::Results));
    }

    /// A new attempt with reshuffled questions and options (the engine allows it from the results).
    pub fn retake(self) {
        if self
            .apply(|quiz| quiz.retake(clock::fresh_seed()))
            .is_some()
        {
            self.emit(HostEvent::Start);
            self.focus.set(Some(FocusTarget::Question));
        }
    }

    /// Abandons the current attempt and returns to the start screen; the history stays.
    pub fn start_over(self) {
        if self
            .apply(|quiz| quiz.start_over(clock::fresh_seed()))
            .is_some()
        {
            self.focus.set(Some(FocusTarget::Start));
        }
    }

    /// Removes every key this widget writes (a newer release's included) and starts from scratch.
    pub fn forget(self) {
        self.store.with_value(|store| {
            self.keys.with_value(|keys| {
                for key in keys.all() {
                    store.remove(key);
                }
            })
        });
        self.show_stored(Saved {
            quiz: None,
            history: Vec::new(),
            newsletter: None,
            newer: Vec::new(),
            warnings: Vec::new(),
        });
        self.notice.set(Some(
            "Your saved progress, scores, and choices were removed from this browser.",
        ));
        self.focus.set(Some(FocusTarget::Start));
    }

    /// Whether the explainer is on the page, so that "Read more" links have somewhere to go.
    pub fn links_to_the_article(self) -> bool {
        self.config.with_value(|config| config.parts.explainer)
    }

    /// Whether "Forget my data" has anything to remove.
    pub fn anything_to_forget(self) -> bool {
        self.quiz.with(|quiz| {
            self.history.with(|history| {
                storage::anything_to_forget(
                    quiz,
                    history,
                    self.newsletter.get(),
                    self.newer_data.get(),
                )
            })
        })
    }

    /// Remembers that the reader signed up or said "Not now".
    pub fn remember_newsletter(self, memory: NewsletterMemory) {
        self.newsletter.set(Some(memory));
        if memory == NewsletterMemory::Dismissed {
            self.focus.set(Some(FocusTarget::ShowSignup));
        }
    }

    /// Undoes "Not now": the sign-up form shows again.
    pub fn forget_newsletter_choice(self) {
        self.newsletter.set(None);
        self.focus.set(Some(FocusTarget::Email));
    }

    /// Takes the pending focus request if it is for `target` (each request is served once).
    pub fn take_focus(self, target: FocusTarget) -> bool {
        if self.focus.get() == Some(target) {
            self.focus.set(None);
            true
        } else {
            false
        }
    }
}
