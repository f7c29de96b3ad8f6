//! The saved-state schema (pure): storage keys, the versioned files for progress, history and the
//! newsletter choice as serde types, and the policy for loading them: salvage what is damaged,
//! never touch what a newer release wrote. The localStorage edge in `web::store` reads and
//! writes them through gloo-storage; nothing here touches the browser.
//!
//! Loading is total: whatever the stored strings hold, [`load`] returns what is still usable and
//! one human-readable line for each key it had to drop or set apart.

mod entry;
mod file;
mod history;
mod keys;
mod load;
mod newsletter;
mod progress;
mod source;

pub use entry::StoredEntry;
pub use file::Opened;
pub use history::{
    best, date_ms, history_file, latest_tier, merge, record, HistoryEntry, HistoryFile, HISTORY_CAP,
};
pub use keys::{is_ours, keys, Keys};
pub use load::{anything_to_forget, load, stored_history, Saved};
pub use newsletter::{newsletter_file, NewsletterFile, NewsletterMemory};
pub use progress::{progress_file, ProgressFile};
pub use source::{Read, Source};

/// The version written into every file as `"v"`; bump it when a shape changes incompatibly.
pub const SCHEMA_VERSION: u32 = 1;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod array_form;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod props;
