//! The versioned files every stored value sits in, `{"v": 1, "<field>": ...}`, and the one rule
//! for opening them: the current version is decoded; an older one, or anything that is not ours,
//! is discarded with a warning; a newer one is left exactly as it is (a newer release of the
//! widget wrote it, and an older cached copy must never destroy the reader's data).

use core::cmp::Ordering;

use serde::de::DeserializeOwned;
use serde::Deserialize;

use crate::objects_only::Object;

use super::source::{Read, Source};
use super::SCHEMA_VERSION;

/// What one key held.
#[derive(Debug, PartialEq)]
pub enum Opened<T> {
    Missing,
    Current(T),
    /// Written by a newer schema version: never decoded, never overwritten.
    Newer,
    /// Unusable; the warning says why.
    Discarded(String),
}

/// Only the version of a file, whatever else it holds.
#[derive(Deserialize)]
struct Version {
    v: u64,
}

/// The one-line warning for a value that could not be used at all.
pub(crate) fn discarded(what: &str, why: &str) -> String {
    [what, " was discarded: ", why, "."].concat()
}

/// Opens `key` as a file of type `F` (`what` names it in warnings).
pub(crate) fn open<F: DeserializeOwned>(source: &impl Source, key: &str, what: &str) -> Opened<F> {
    let version = match source.read::<Object<Version>>(key) {
        Read::Missing => return Opened::Missing,
        Read::Found(Object(Version { v })) => v,
        Read::Unreadable(error) if error.is_data() => {
            return Opened::Discarded(discarded(what, "it is not in this widget’s format"))
        }
        Read::Unreadable(_) => return Opened::Discarded(discarded(what, "it is not valid JSON")),
    };
    match version.cmp(&u64::from(SCHEMA_VERSION)) {
        Ordering::Greater => Opened::Newer,
        Ordering::Less => Opened::Discarded(discarded(
            what,
            "it was saved by an older version of the widget",
        )),
        Ordering::Equal => match source.read::<Object<F>>(key) {
            Read::Found(Object(file)) => Opened::Current(file),
            // Removed by another tab between the two reads.
            Read::Missing => Opened::Missing,
            Read::Unreadable(_) => Opened::Discarded(discarded(what, "it is damaged")),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, Deserialize)]
    struct Thing {
        x: Vec<u8>,
    }

    fn opened(raw: &str) -> Opened<Thing> {
        let source = |_: &str| Some(raw.to_owned());
        open(&source, "k", "Thing")
    }

    fn why(raw: &str) -> String {
        match opened(raw) {
            Opened::Discarded(why) => why,
            other => panic!("{raw}: {other:?}"),
        }
    }

    #[test]
    fn opens_the_current_version_and_ignores_unknown_fields() {
        assert_eq!(
            opened(r#"{"v":1,"x":[1],"later":{"a":[]}}"#),
            Opened::Current(Thing { x: vec![1] })
        );
    }

    #[test]
    fn a_missing_key_is_missing() {
        let source = |_: &str| None;
        assert_eq!(open::<Thing>(&source, "k", "Thing"), Opened::Missing);
    }

    #[test]
    fn foreign_values_are_not_ours() {
        for raw in [
            "\"hello\"",
            "42",
            "null",
            "[]",
            // The file as an array of its fields: serde's derived reader alone would take it.
            "[1,[1]]",
            "{}",
            r#"{"v":"1","x":1}"#,
            r#"{"v":-1,"x":1}"#,
            r#"{"v":1.5,"x":1}"#,
        ] {
            assert_eq!(
                why(raw),
                "Thing was discarded: it is not in this widget’s format.",
                "{raw}"
            );
        }
    }

    #[test]
    fn broken_json_is_reported() {
        for raw in ["", "hello", "{\"v\":1,\"x\":", "{'v':1}", "{\"v\":1} x"] {
            assert_eq!(
                why(raw),
                "Thing was discarded: it is not valid JSON.",
                "{raw}"
            );
        }
    }

    #[test]
    fn newer_versions_are_left_alone_whatever_they_hold() {
        for raw in [
            r#"{"v":2,"x":1}"#,
            r#"{"v":2}"#,
            r#"{"v":99999999999999,"x":"anything"}"#,
        ] {
            assert_eq!(opened(raw), Opened::Newer, "{raw}");
        }
    }

    #[test]
    fn older_versions_and_damage_are_reported() {
        assert!(why(r#"{"v":0,"x":[1]}"#).contains("older version"));
        assert_eq!(
            why(r#"{"v":1,"y":1}"#),
            "Thing was discarded: it is damaged."
        );
        assert_eq!(
            why(r#"{"v":1,"x":[300]}"#),
            "Thing was discarded: it is damaged."
        );
    }
}
