//! What one widget keeps outside the reactive graph, in one stored value: its configuration, its
//! host element, its store and keys, and what storage holds for each saved value as far as this
//! widget knows (`persisted` compares against it before writing).

use web_sys::HtmlElement;

use crate::config::Config;
use crate::quiz::Quiz;
use crate::storage::{HistoryEntry, Keys, NewsletterMemory};
use crate::web::store::Store;

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
    pub(crate) stored: Stored,
}

pub(crate) struct Stored {
    pub quiz: Quiz,
    pub history: Vec<HistoryEntry>,
    pub newsletter: Option<NewsletterMemory>,
}

pub(crate) fn quiz_in_storage(kept: &mut Kept) -> &mut Quiz {
    &mut kept.stored.quiz
}

pub(crate) fn history_in_storage(kept: &mut Kept) -> &mut Vec<HistoryEntry> {
    &mut kept.stored.history
}

pub(crate) fn newsletter_in_storage(kept: &mut Kept) -> &mut Option<NewsletterMemory> {
    &mut kept.stored.newsletter
}
