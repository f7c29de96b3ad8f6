//! The versioned envelope every stored value sits in: `{"v": 1, "<field>": ...}`.

use super::json::{self, Json};

use super::SCHEMA_VERSION;

/// The one-line warning for a value that could not be used at all.
pub(crate) fn discarded(what: &str, why: &str) -> String {
    [what, " was discarded: ", why, "."].concat()
}

/// Parses `raw` and hands back the envelope's `field`, or the warning for a value that is not ours,
/// is damaged, or was written by another schema version (we cannot know a newer shape's meaning).
pub(crate) fn open(raw: &str, what: &str, field: &str) -> Result<Json, String> {
    let envelope = match json::parse(raw) {
        Some(envelope @ Json::Object(_)) => envelope,
        Some(_) => return Err(discarded(what, "it is not in this widget's format")),
        None => return Err(discarded(what, "it is not valid JSON")),
    };
    let current = u64::from(SCHEMA_VERSION);
    match envelope.get("v").and_then(Json::as_u64) {
        Some(v) if v == current => {}
        Some(v) if v > current => {
            return Err(discarded(
                what,
                "it was saved by a newer version of the widget",
            ))
        }
        Some(_) => {
            return Err(discarded(
                what,
                "it was saved by an older version of the widget",
            ))
        }
        None => return Err(discarded(what, "it is not in this widget's format")),
    }
    envelope
        .get(field)
        .cloned()
        .ok_or_else(|| discarded(what, "its data is missing"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn why(raw: &str) -> String {
        open(raw, "Thing", "x").unwrap_err()
    }

    #[test]
    fn opens_the_current_version() {
        assert_eq!(
            open(r#"{"v":1,"x":[1]}"#, "Thing", "x").unwrap(),
            Json::Array(vec![Json::Int(1)])
        );
    }

    #[test]
    fn foreign_values_are_not_ours() {
        for raw in [
            "\"hello\"",
            "42",
            "null",
            "[]",
            "{}",
            r#"{"v":"1","x":1}"#,
            r#"{"v":-1,"x":1}"#,
            r#"{"v":1.5,"x":1}"#,
        ] {
            assert_eq!(
                why(raw),
                "Thing was discarded: it is not in this widget's format.",
                "{raw}"
            );
        }
    }

    #[test]
    fn broken_json_is_reported() {
        for raw in ["", "hello", "{\"v\":1,\"x\":", "{'v':1}"] {
            assert_eq!(
                why(raw),
                "Thing was discarded: it is not valid JSON.",
                "{raw}"
            );
        }
    }

    #[test]
    fn other_versions_are_reported() {
        assert!(why(r#"{"v":2,"x":1}"#).contains("newer version"));
        assert!(why(r#"{"v":99999999999999,"x":1}"#).contains("newer version"));
        assert!(why(r#"{"v":0,"x":1}"#).contains("older version"));
    }

    #[test]
    fn missing_field_is_reported() {
        assert!(why(r#"{"v":1,"y":1}"#).contains("missing"));
    }
}
