//! What the reader did with the newsletter call to action: `{"v":1,"state":"signed_up"}`, so
//! the widget does not ask again.

use serde::{Deserialize, Serialize};

use super::file::Opened;
use super::SCHEMA_VERSION;

pub(crate) const WHAT: &str = "The newsletter choice";

/// Read back through a plain string (smaller than serde's enum visitor).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", try_from = "String")]
pub enum NewsletterMemory {
    SignedUp,
    Dismissed,
}

impl TryFrom<String> for NewsletterMemory {
    type Error = &'static str;

    fn try_from(name: String) -> Result<NewsletterMemory, &'static str> {
        match name.as_str() {
            "signed_up" => Ok(NewsletterMemory::SignedUp),
            "dismissed" => Ok(NewsletterMemory::Dismissed),
            _ => Err("unknown newsletter choice"),
        }
    }
}

/// The stored shape of the choice.
#[derive(Serialize, Deserialize)]
pub struct NewsletterFile {
    v: u32,
    state: NewsletterMemory,
}

/// What the newsletter key is written as.
pub fn newsletter_file(state: NewsletterMemory) -> NewsletterFile {
    NewsletterFile {
        v: SCHEMA_VERSION,
        state,
    }
}

/// `None` (with a warning when something unreadable was there) means ask again, the safe default.
pub(crate) fn decode_newsletter(
    opened: Opened<NewsletterFile>,
) -> (Option<NewsletterMemory>, Option<String>) {
    match opened {
        Opened::Current(file) => (Some(file.state), None),
        Opened::Discarded(warning) => (None, Some(warning)),
        Opened::Missing | Opened::Newer => (None, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::file::open;

    fn decode(raw: &str) -> (Option<NewsletterMemory>, Option<String>) {
        let source = |_: &str| Some(raw.to_owned());
        decode_newsletter(open(&source, "k", WHAT))
    }

    #[test]
    fn round_trips() {
        for m in [NewsletterMemory::SignedUp, NewsletterMemory::Dismissed] {
            let raw = serde_json::to_string(&newsletter_file(m)).unwrap();
            assert_eq!(decode(&raw), (Some(m), None));
        }
        assert_eq!(
            serde_json::to_string(&newsletter_file(NewsletterMemory::SignedUp)).unwrap(),
            r#"{"v":1,"state":"signed_up"}"#
        );
    }

    #[test]
    fn unreadable_memory_asks_again() {
        for raw in [
            "\"hello\"",
            "42",
            "null",
            "[]",
            "",
            "{\"v\":1,\"state\":\"signed",
            r#"{"v":1,"state":"subscribed"}"#,
            r#"{"v":1,"state":"SignedUp"}"#,
            r#"{"v":1,"state":1}"#,
            r#"{"v":1,"state":null}"#,
            r#"{"v":1}"#,
        ] {
            let (memory, warning) = decode(raw);
            assert_eq!(memory, None, "{raw}");
            let warning = warning.unwrap();
            assert!(
                warning.starts_with("The newsletter choice was discarded: "),
                "{warning}"
            );
        }
    }
}
