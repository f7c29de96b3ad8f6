//! One widget's reactive session: the quiz engine, the attempt history and the newsletter memory as
//! signals, kept in step with storage and the host page. Components call these actions and read
//! these signals; the engine decides, this file only persists, announces and moves focus.

use leptos::prelude::*;
use web_sys::HtmlElement;

use crate::config::Config;
use crate::content::{QUESTIONS, TIERS};
use crate::quiz::{Phase, Quiz};
use crate::storage::{self, HistoryEntry, Keys, NewsletterMemory};
use crate::web::events::{emit, HostEvent};
use crate::web::store::Store;
use crate::web::{clock, console};

/// Where keyboard focus should go after the reader's last action, once the view has updated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FocusTarget {
    /// The new question (after Start, Next or Retake).
    Question,
    /// The quiz's main button (after Check, whose radios become disabled).
    Action,
    /// The results heading.
    Results,
    /// The start screen's button (after Start over or Forget my data).
    Start,
    /// "Show the sign-up form" (after Not now hid the form).
    ShowSignup,
    /// The e-mail field (after the form is shown again).
    Email,
}

/// Everything one `<cto-cio-quiz>` element shows and remembers. Cheap to copy into closures.
#[derive(Clone, Copy)]
pub struct Session {
    pub quiz: RwSignal<Quiz>,
    pub history: RwSignal<Vec<HistoryEntry>>,
    pub newsletter: RwSignal<Option<NewsletterMemory>>,
    /// False when progress cannot survive a reload (no usable localStorage).
    pub persistent: RwSignal<bool>,
    /// Set by an action, consumed by the component that owns the target.
    pub focus: RwSignal<Option<FocusTarget>>,
    /// A short confirmation after "Forget my data", announced politely.
    pub notice: RwSignal<Option<&'static str>>,
    pub config: StoredValue<Config>,
    store: StoredValue<Store, LocalStorage>,
    host: StoredValue<HtmlElement, LocalStorage>,
    keys: StoredValue<Keys>,
}

impl Session {
    /// Loads what `host`'s storage namespace holds, reporting damaged data in one console warning,
    /// and follows changes made by the same widget in other tabs.
    pub fn open(host: HtmlElement, config: Config, store: Store) -> Session {
        let keys = storage::keys(&config.storage_key);
        let loaded = Loaded::read(&store, &keys, &config);
        if !loaded.warnings.is_empty() {
            console::warn(&loaded.warnings.join(" "));
        }
        let session = Session {
            quiz: RwSignal::new(loaded.quiz),
            history: RwSignal::new(loaded.history),
            newsletter: RwSignal::new(loaded.newsletter),
            persistent: RwSignal::new(store.is_persistent()),
            focus: RwSignal::new(None),
            notice: RwSignal::new(None),
            config: StoredValue::new(config),
            store: StoredValue::new_local(store),
            host: StoredValue::new_local(host),
            keys: StoredValue::new(keys),
        };
        session.follow_other_tabs();
        session
    }

    /// Another tab of the same post wrote our keys: show what it saved instead of overwriting it later.
    fn follow_other_tabs(self) {
        let handle = window_event_listener(leptos::ev::storage, move |event| {
            let namespace = self.config.with_value(|config| config.storage_key.clone());
            let ours = match event.key() {
                Some(key) => storage::is_ours(&namespace, &key),
                None => true, // localStorage.clear() in another tab
            };
            if ours {
                self.reload();
            }
        });
        on_cleanup(move || handle.remove());
    }

    fn reload(self) {
        let loaded = self.store.with_value(|store| {
            self.keys.with_value(|keys| {
                self.config
                    .with_value(|config| Loaded::read(store, keys, config))
            })
        });
        self.quiz.set(loaded.quiz);
        self.history.set(loaded.history);
        self.newsletter.set(loaded.newsletter);
    }

    fn save_quiz(self) {
        let encoded = self.quiz.with_untracked(storage::encode_progress);
        self.write(|keys| keys.progress.clone(), &encoded);
    }

    fn write(self, key: impl Fn(&Keys) -> String, value: &str) {
        let key = self.keys.with_value(key);
        self.store.with_value(|store| {
            store.set(&key, value);
            self.persistent.set(store.is_persistent());
        });
    }

    fn emit(self, event: HostEvent) {
        self.host.with_value(|host| emit(host, event));
    }

    /// Applies an engine action; a refused action (a double click, a stale button) changes nothing.
    fn apply<T>(
        self,
        action: impl FnOnce(&mut Quiz) -> Result<T, crate::quiz::ActionError>,
    ) -> Option<T> {
        let mut result = None;
        self.quiz.update(|quiz| result = action(quiz).ok());
        if result.is_some() {
            self.save_quiz();
        }
        result
    }

    pub fn start(self) {
        if self.apply(Quiz::start).is_some() {
            self.emit(HostEvent::Start);
            self.focus.set(Some(FocusTarget::Question));
        }
    }

    /// Whether `question_id` is the question on screen. Actions carry the id of the question whose
    /// controls were used, so a click that lands on a stale control (a burst of clicks faster than
    /// the view updates) can never answer a question the reader has not seen.
    fn is_current(self, question_id: &str) -> bool {
        self.quiz.with_untracked(|quiz| {
            quiz.current()
                .is_some_and(|current| current.question.id == question_id)
        })
    }

    pub fn select(self, question_id: &str, option_id: &str) {
        if self.is_current(question_id) {
            self.apply(|quiz| quiz.select(option_id));
        }
    }

    /// Checks the selected answer; in end-of-quiz feedback mode this also moves on.
    pub fn check(self, question_id: &str) {
        if !self.is_current(question_id) {
            return;
        }
        let Some(outcome) = self.apply(Quiz::check) else {
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
        if !self.is_current(question_id) || self.apply(Quiz::next).is_none() {
            return;
        }
        if self.quiz.with_untracked(Quiz::phase) == Phase::Finished {
            self.finish();
        } else {
            self.focus.set(Some(FocusTarget::Question));
        }
    }

    /// Records the finished attempt (re-reading storage first, so another tab's attempts survive)
    /// and tells the host page.
    fn finish(self) {
        let Some(results) = self.quiz.with_untracked(|quiz| quiz.results(TIERS)) else {
            return;
        };
        let entry = HistoryEntry {
            score: results.score as u32,
            total: results.total as u32,
            finished_at_ms: clock::now_ms(),
        };
        let key = self.keys.with_value(|keys| keys.history.clone());
        let stored = self
            .store
            .with_value(|store| store.get(&key))
            .map(|raw| storage::decode_history(&raw).value)
            .unwrap_or_else(|| self.history.get_untracked());
        let history = storage::append(&stored, entry);
        self.write(
            |keys| keys.history.clone(),
            &storage::encode_history(&history),
        );
        self.history.set(history);
        self.emit(HostEvent::Complete {
            score: results.score,
            total: results.total,
            tier: results.tier.id,
        });
        self.focus.set(Some(FocusTarget::Results));
    }

    /// A new attempt with reshuffled questions and options (only from the results: repeated clicks
    /// must not reshuffle an attempt already under way).
    pub fn retake(self) {
        if self.quiz.with_untracked(Quiz::phase) != Phase::Finished {
            return;
        }
        self.quiz.update(|quiz| quiz.retake(clock::fresh_seed()));
        self.save_quiz();
        self.emit(HostEvent::Start);
        self.focus.set(Some(FocusTarget::Question));
    }

    /// Abandons the current attempt and returns to the start screen; the history stays.
    pub fn start_over(self) {
        self.quiz.update(|quiz| quiz.reset(clock::fresh_seed()));
        self.save_quiz();
        self.focus.set(Some(FocusTarget::Start));
    }

    /// Removes every key this widget wrote and starts from scratch.
    pub fn forget(self) {
        let namespace = self.config.with_value(|config| config.storage_key.clone());
        self.store.with_value(|store| {
            for key in store.keys() {
                if storage::is_ours(&namespace, &key) {
                    store.remove(&key);
                }
            }
        });
        let mode = self.config.with_value(|config| config.feedback);
        self.quiz
            .set(Quiz::new(QUESTIONS, clock::fresh_seed(), mode));
        self.history.set(Vec::new());
        self.newsletter.set(None);
        self.notice.set(Some(
            "Your saved progress, scores, and choices were removed from this browser.",
        ));
        self.focus.set(Some(FocusTarget::Start));
    }

    /// Remembers that the reader signed up or said "Not now".
    pub fn remember_newsletter(self, memory: NewsletterMemory) {
        self.write(
            |keys| keys.newsletter.clone(),
            &storage::encode_newsletter(memory),
        );
        self.newsletter.set(Some(memory));
        if memory == NewsletterMemory::Dismissed {
            self.focus.set(Some(FocusTarget::ShowSignup));
        }
    }

    /// Undoes "Not now": the sign-up form shows again.
    pub fn forget_newsletter_choice(self) {
        let key = self.keys.with_value(|keys| keys.newsletter.clone());
        self.store.with_value(|store| store.remove(&key));
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

/// What storage held for one namespace, with a note for each part that had to be dropped.
struct Loaded {
    quiz: Quiz,
    history: Vec<HistoryEntry>,
    newsletter: Option<NewsletterMemory>,
    warnings: Vec<String>,
}

impl Loaded {
    fn read(store: &Store, keys: &Keys, config: &Config) -> Loaded {
        let mut warnings = Vec::new();
        let mut note = |warning: Option<String>| warnings.extend(warning);
        let quiz = store.get(&keys.progress).and_then(|raw| {
            let loaded = storage::decode_progress(&raw, QUESTIONS);
            note(loaded.warning);
            loaded.value
        });
        let history = store.get(&keys.history).map_or_else(Vec::new, |raw| {
            let loaded = storage::decode_history(&raw);
            note(loaded.warning);
            loaded.value
        });
        let newsletter = store.get(&keys.newsletter).and_then(|raw| {
            let loaded = storage::decode_newsletter(&raw);
            note(loaded.warning);
            loaded.value
        });
        let mut quiz =
            quiz.unwrap_or_else(|| Quiz::new(QUESTIONS, clock::fresh_seed(), config.feedback));
        // An attempt in progress keeps the mode it started with; one not yet started follows the page.
        if quiz.phase() == Phase::NotStarted {
            quiz.set_mode(config.feedback);
        }
        Loaded {
            quiz,
            history,
            newsletter,
            warnings,
        }
    }
}
