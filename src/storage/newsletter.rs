//! What the reader did with the newsletter call to action: `{"v":1,"state":"signed_up"}`, so
//! the widget does not ask again.

use super::envelope::{discarded, open};
use super::json::{self, Json};
use super::{Loaded, SCHEMA_VERSION};

const WHAT: &str = "The newsletter choice";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NewsletterMemory {
    SignedUp,
    Dismissed,
}

impl NewsletterMemory {
    fn as_str(self) -> &'static str {
        match self {
            NewsletterMemory::SignedUp => "signed_up",
            NewsletterMemory::Dismissed => "dismissed",
        }
    }
}

pub fn encode_newsletter(memory: NewsletterMemory) -> String {
    json::write(&Json::object([
        ("v", Json::Int(SCHEMA_VERSION.into())),
        ("state", Json::String(memory.as_str().to_owned())),
    ]))
}

/// `None` (with a warning) means ask again, the safe default when the memory is unreadable.
pub fn decode_newsletter(raw: &str) -> Loaded<Option<NewsletterMemory>> {
    let state = match open(raw, WHAT, "state") {
        Ok(state) => state,
        Err(warning) => return Loaded::warn(None, warning),
    };
    match state.as_str() {
        Some("signed_up") => Loaded::clean(Some(NewsletterMemory::SignedUp)),
        Some("dismissed") => Loaded::clean(Some(NewsletterMemory::Dismissed)),
        _ if matches!(state, Json::String(_)) => {
            Loaded::warn(None, discarded(WHAT, "its state is not one we know"))
        }
        _ => Loaded::warn(None, discarded(WHAT, "its state is not text")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        for m in [NewsletterMemory::SignedUp, NewsletterMemory::Dismissed] {
            assert_eq!(
                decode_newsletter(&encode_newsletter(m)),
                Loaded::clean(Some(m))
            );
        }
        assert_eq!(
            encode_newsletter(NewsletterMemory::SignedUp),
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
            r#"{"v":2,"state":"signed_up"}"#,
            r#"{"v":1,"state":"subscribed"}"#,
            r#"{"v":1,"state":"SignedUp"}"#,
            r#"{"v":1,"state":1}"#,
            r#"{"v":1,"state":null}"#,
            r#"{"v":1}"#,
        ] {
            let loaded = decode_newsletter(raw);
            assert_eq!(loaded.value, None, "{raw}");
            let warning = loaded.warning.unwrap();
            assert!(
                warning.starts_with("The newsletter choice was discarded: "),
                "{warning}"
            );
        }
    }
}
