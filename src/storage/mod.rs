//! The saved-state schema (pure): storage keys, the versioned JSON envelopes for progress, history
//! and the newsletter choice, and the salvage of damaged data. The localStorage edge in `web`
//! reads and writes the strings; nothing here touches the browser.
//!
//! Every decoder is total: whatever the stored string holds, it returns what is still usable and
//! at most one human-readable warning saying what was dropped and why.

mod envelope;
mod history;
pub(crate) mod json;
mod keys;
mod newsletter;
mod progress;
pub(crate) mod quiz_form;

pub use history::{append, best, decode_history, encode_history, HistoryEntry, HISTORY_CAP};
pub use keys::{is_ours, keys, Keys};
pub use newsletter::{decode_newsletter, encode_newsletter, NewsletterMemory};
pub use progress::{decode_progress, encode_progress};

/// The version written into every envelope as `"v"`; bump it when a shape changes incompatibly.
pub const SCHEMA_VERSION: u32 = 1;

/// A decoded value and, if anything had to be dropped, one line saying what and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded<T> {
    pub value: T,
    pub warning: Option<String>,
}

impl<T> Loaded<T> {
    fn clean(value: T) -> Loaded<T> {
        Loaded {
            value,
            warning: None,
        }
    }

    fn warn(value: T, warning: String) -> Loaded<T> {
        Loaded {
            value,
            warning: Some(warning),
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod props;
