//! One widget's reactive session: the saved state as signals (`saved_state`), the reader's
//! actions, and every side effect they have. An action goes to the engine as one [`Action`]; when
//! the engine accepts it, the session tells the host page, records a finished attempt and asks for
//! focus. The two requests a reader can start, a sign-up ([`signup`]) and a share ([`share`]), are
//! the session's too: the views only render the state those leave behind. Every rule lives in the
//! engine, in `storage`, in `newsletter` or in `present`.
//!
//! A request outlives nothing: the widget may be removed while one is out, so whatever runs after
//! an `.await` reaches the session's signals only through their `try_` forms.

mod share;
mod signup;

use leptos::prelude::*;
use web_sys::HtmlElement;

use crate::config::Config;
use crate::content::TIERS;
use crate::newsletter::SignupForm;
pub use crate::present::focus::FocusTarget;
use crate::present::share::Sharing;
use crate::quiz::{Action, Change, Quiz};
use crate::storage::{HistoryEntry, NewsletterMemory};
use crate::ui::derived::Derived;
use crate::ui::saved_state::SavedState;
use crate::web::clock;
use crate::web::events::{emit, HostEvent};
use crate::web::store::Store;

/// Everything one `<cto-cio-quiz>` element shows and remembers. Cheap to copy into closures.
#[derive(Clone, Copy)]
pub struct Session {
    pub quiz: RwSignal<Quiz>,
    pub history: RwSignal<Vec<HistoryEntry>>,
    pub newsletter: RwSignal<Option<NewsletterMemory>>,
    pub persistent: RwSignal<bool>,
    /// Set by an action, consumed by the component that owns the target.
    pub focus: RwSignal<Option<FocusTarget>>,
    /// A short confirmation after "Forget my data", announced politely.
    pub notice: RwSignal<Option<&'static str>>,
    /// The sign-up form: here, not in its view, so a request in flight and its outcome survive
    /// the form being replaced.
    pub signup: RwSignal<SignupForm>,
    /// Where the results' Share button stands.
    pub sharing: RwSignal<Sharing>,
    /// The memos several views read.
    pub derived: Derived,
    saved: SavedState,
}

impl Session {
    pub fn open(host: HtmlElement, config: Config, store: Store) -> Session {
        let saved = SavedState::open(host, config, store);
        Session {
            quiz: saved.quiz.value,
            history: saved.history.value,
            newsletter: saved.newsletter.value,
            persistent: saved.persistent,
            focus: RwSignal::new(None),
            notice: RwSignal::new(None),
            signup: RwSignal::new(SignupForm::new()),
            sharing: RwSignal::new(Sharing::Idle),
            derived: Derived::new(saved.quiz.value),
            saved,
        }
    }

    /// A refused action (a double click, a stale button) changes nothing and notifies nobody.
    pub fn act(self, action: Action) {
        let seed = clock::fresh_seed();
        let done = self
            .quiz
            .try_maybe_update(|quiz| match quiz.act(action, seed) {
                Ok(done) => (true, Some(done)),
                Err(_) => (false, None),
            })
            .flatten();
        let Some(done) = done else { return };
        match done.change {
            Change::Started => self.emit(HostEvent::Start),
            Change::Answered {
                question_id,
                correct,
            } => self.emit(HostEvent::Answer {
                question_id,
                correct,
            }),
            Change::Selected | Change::MovedOn | Change::StartedOver => {}
        }
        if done.finished_attempt() {
            self.finish(seed);
        }
        self.request_focus(FocusTarget::after(done));
    }

    /// Records the finished attempt (identified by bits of `seed`, fresh for this action) and
    /// tells the host page.
    fn finish(self, seed: u64) {
        let Some(results) = self.quiz.with_untracked(|quiz| quiz.results(TIERS)) else {
            return;
        };
        let entry =
            HistoryEntry::finished(results.score, results.total, clock::now_ms(), seed as u32);
        self.saved.record(entry);
        // A new result: what the last one's Share said no longer applies.
        self.sharing.set(Sharing::Idle);
        self.emit(HostEvent::Complete {
            score: results.score,
            total: results.total,
            tier: results.tier.id,
        });
    }

    pub fn forget(self) {
        self.saved.forget();
        self.notice.set(Some(
            "Your saved progress, scores, and choices were removed from this browser.",
        ));
        self.request_focus(Some(FocusTarget::Start));
    }

    /// Remembers that the reader signed up or said "Not now".
    pub fn remember_newsletter(self, memory: NewsletterMemory) {
        self.newsletter.try_set(Some(memory));
        if memory == NewsletterMemory::Dismissed {
            self.request_focus(Some(FocusTarget::ShowSignup));
        }
    }

    /// Undoes "Not now", or a request nobody confirmed: the sign-up form shows again, with what
    /// was typed in it.
    pub fn forget_newsletter_choice(self) {
        self.signup.update(|form| form.start_again());
        self.newsletter.set(None);
        self.request_focus(Some(FocusTarget::Email));
    }

    /// Whether the explainer is on the page, so that "Read more" links have somewhere to go.
    pub fn links_to_the_article(self) -> bool {
        self.with_config(|config| config.parts.explainer)
    }

    /// Reads the widget's configuration.
    pub fn with_config<R>(self, read: impl FnOnce(&Config) -> R) -> R {
        self.saved.kept.with_value(|kept| read(&kept.config))
    }

    pub fn anything_to_forget(self) -> bool {
        self.saved.anything_to_forget()
    }

    /// Tells the host page, from the `<cto-cio-quiz>` element (nothing, if the widget is gone).
    fn emit(self, event: HostEvent) {
        self.saved
            .kept
            .try_with_value(|kept| emit(&kept.host, event));
    }

    fn request_focus(self, target: Option<FocusTarget>) {
        if target.is_some() {
            self.focus.try_set(target);
        }
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
