//! What the reader did with the newsletter call to action, so the widget does not ask again, and
//! says only what it knows: `{"v":1,"state":"subscribed"}` (the service confirmed),
//! `{"v":1,"state":"requested","at_ms":1764288000000}` (a sign-up was sent but its reply could not
//! be read, so it is a request, not a subscription) or `{"v":1,"state":"dismissed"}` ("Not now").
//! `signed_up`, which earlier releases wrote for both of the first two, reads as a request whose
//! date is unknown: nothing claims a subscription nobody confirmed.

use serde::{Deserialize, Serialize};

use super::file::Opened;
use super::SCHEMA_VERSION;

pub(crate) const WHAT: &str = "The newsletter choice";

/// What the widget remembers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NewsletterMemory {
    /// The service answered the sign-up with a readable 2xx.
    Subscribed,
    /// A sign-up left at `at_ms` (ms since the epoch; `None` when an older release did not say),
    /// but nobody confirmed it arrived.
    Requested { at_ms: Option<u64> },
    /// "Not now".
    Dismissed,
}

/// The `state` word. Read back through a plain string (smaller than serde's enum visitor).
#[derive(Clone, Copy, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", try_from = "String")]
enum State {
    Subscribed,
    Requested,
    Dismissed,
    /// Written by earlier releases; read, never written.
    SignedUp,
}

impl TryFrom<String> for State {
    type Error = &'static str;

    fn try_from(name: String) -> Result<State, &'static str> {
        match name.as_str() {
            "subscribed" => Ok(State::Subscribed),
            "requested" => Ok(State::Requested),
            "dismissed" => Ok(State::Dismissed),
            "signed_up" => Ok(State::SignedUp),
            _ => Err("unknown newsletter choice"),
        }
    }
}

/// The stored shape of the choice.
#[derive(Serialize, Deserialize)]
pub struct NewsletterFile {
    v: u32,
    state: State,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    at_ms: Option<u64>,
}

/// What the newsletter key is written as.
pub fn newsletter_file(memory: NewsletterMemory) -> NewsletterFile {
    let (state, at_ms) = match memory {
        NewsletterMemory::Subscribed => (State::Subscribed, None),
        NewsletterMemory::Requested { at_ms } => (State::Requested, at_ms),
        NewsletterMemory::Dismissed => (State::Dismissed, None),
    };
    NewsletterFile {
        v: SCHEMA_VERSION,
        state,
        at_ms,
    }
}

/// `None` (with a warning when something unreadable was there) means ask again, the safe default.
pub(crate) fn decode_newsletter(
    opened: Opened<NewsletterFile>,
) -> (Option<NewsletterMemory>, Option<String>) {
    match opened {
        Opened::Current(file) => (
            Some(match file.state {
                State::Subscribed => NewsletterMemory::Subscribed,
                State::Requested => NewsletterMemory::Requested { at_ms: file.at_ms },
                State::SignedUp => NewsletterMemory::Requested { at_ms: None },
                State::Dismissed => NewsletterMemory::Dismissed,
            }),
            None,
        ),
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

    fn json(memory: NewsletterMemory) -> String {
        serde_json::to_string(&newsletter_file(memory)).unwrap()
    }

    #[test]
    fn round_trips() {
        for m in [
            NewsletterMemory::Subscribed,
            NewsletterMemory::Requested {
                at_ms: Some(1_764_288_000_000),
            },
            NewsletterMemory::Requested { at_ms: None },
            NewsletterMemory::Dismissed,
        ] {
            assert_eq!(decode(&json(m)), (Some(m), None));
        }
        assert_eq!(
            json(NewsletterMemory::Subscribed),
            r#"{"v":1,"state":"subscribed"}"#
        );
        assert_eq!(
            json(NewsletterMemory::Requested { at_ms: Some(5) }),
            r#"{"v":1,"state":"requested","at_ms":5}"#
        );
        assert_eq!(
            json(NewsletterMemory::Dismissed),
            r#"{"v":1,"state":"dismissed"}"#
        );
    }

    #[test]
    fn an_earlier_release_s_sign_up_is_a_request_of_unknown_date() {
        // Those releases wrote `signed_up` for opaque replies too: nobody confirmed them.
        assert_eq!(
            decode(r#"{"v":1,"state":"signed_up"}"#),
            (Some(NewsletterMemory::Requested { at_ms: None }), None)
        );
        assert_eq!(
            decode(r#"{"v":1,"state":"dismissed","at_ms":5}"#),
            (Some(NewsletterMemory::Dismissed), None),
            "a date only means something for a request"
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
            r#"{"v":1,"state":"subscribe"}"#,
            r#"{"v":1,"state":"SignedUp"}"#,
            r#"{"v":1,"state":1}"#,
            r#"{"v":1,"state":null}"#,
            r#"{"v":1}"#,
            r#"{"v":1,"state":"requested","at_ms":-1}"#,
            r#"{"v":1,"state":"requested","at_ms":"yesterday"}"#,
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
