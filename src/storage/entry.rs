//! Reading the stored history: each entry on its own terms, so any JSON value is accepted and one
//! that is not a whole, in-range entry becomes `Damaged` and is dropped alone instead of failing
//! the whole list; then the list itself, capped, with one warning for what was dropped. A
//! hand-written visitor rather than `#[serde(untagged)]`, which buffers every entry in serde's
//! private `Content` tree and replays it (measured: 0.5 KB brotli more).

use core::fmt;

use serde::de::{Deserialize, Deserializer, Error, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::file::Opened;
use super::history::{HistoryEntry, HistoryFile, HISTORY_CAP, WHAT};

/// An entry as read.
pub enum StoredEntry {
    Entry(HistoryEntry),
    Damaged,
}

impl<'de> Deserialize<'de> for StoredEntry {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<StoredEntry, D::Error> {
        Ok(match deserializer.deserialize_any(Seen)? {
            Value::Entry(entry) => StoredEntry::Entry(entry),
            Value::Whole(_) | Value::Other => StoredEntry::Damaged,
        })
    }
}

/// The fields of an entry, in the order of [`HistoryEntry`]'s.
const FIELDS: [&str; 4] = ["score", "total", "finished_at_ms", "id"];

/// What one JSON value was, as far as an entry cares.
enum Value {
    Entry(HistoryEntry),
    /// A non-negative integer (serde_json hands negative ones to `visit_i64`, others as floats).
    Whole(u64),
    Other,
}

struct Seen;

impl<'de> Visitor<'de> for Seen {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E: Error>(self, _: bool) -> Result<Value, E> {
        Ok(Value::Other)
    }

    fn visit_i64<E: Error>(self, _: i64) -> Result<Value, E> {
        Ok(Value::Other)
    }

    fn visit_u64<E: Error>(self, n: u64) -> Result<Value, E> {
        Ok(Value::Whole(n))
    }

    fn visit_f64<E: Error>(self, _: f64) -> Result<Value, E> {
        Ok(Value::Other)
    }

    fn visit_str<E: Error>(self, _: &str) -> Result<Value, E> {
        Ok(Value::Other)
    }

    fn visit_unit<E: Error>(self) -> Result<Value, E> {
        Ok(Value::Other)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Value::Other)
    }

    /// An entry has each field once, as a whole number its type can hold (`id` may be missing:
    /// entries written before ids existed); other members are ignored, as the derived reader of
    /// [`HistoryEntry`] would.
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut found: [Option<Value>; 4] = [None, None, None, None];
        let mut twice = false;
        while let Some(key) = map.next_key::<String>()? {
            match FIELDS.iter().position(|field| *field == key) {
                Some(index) => {
                    let value = map.next_value_seed(SeenSeed)?;
                    twice |= found[index].replace(value).is_some();
                }
                None => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        let whole = |value: &Option<Value>| match value {
            Some(Value::Whole(n)) => Some(*n),
            _ => None,
        };
        let [score, total, at, id] = &found;
        let count = |value| whole(value).and_then(|n| u32::try_from(n).ok());
        let id = match id {
            None => Some(0),
            id => count(id),
        };
        Ok(match (twice, count(score), count(total), whole(at), id) {
            (false, Some(score), Some(total), Some(finished_at_ms), Some(id)) => {
                Value::Entry(HistoryEntry {
                    score,
                    total,
                    finished_at_ms,
                    id,
                })
            }
            _ => Value::Other,
        })
    }
}

/// Reads a member's value with [`Seen`].
struct SeenSeed;

impl<'de> serde::de::DeserializeSeed<'de> for SeenSeed {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(Seen)
    }
}

/// The valid entries (the newest [`HISTORY_CAP`]) and, if any were dropped, the warning.
/// `None` for entries means the key held nothing usable (missing, newer or discarded whole).
pub(crate) fn decode_history(
    opened: Opened<HistoryFile<Vec<StoredEntry>>>,
) -> (Option<Vec<HistoryEntry>>, Option<String>) {
    let items = match opened {
        Opened::Current(file) => file.entries,
        Opened::Discarded(warning) => return (None, Some(warning)),
        Opened::Missing | Opened::Newer => return (None, None),
    };
    let found = items.len();
    let valid: Vec<HistoryEntry> = items
        .into_iter()
        .filter_map(|item| match item {
            StoredEntry::Entry(entry) if entry.is_valid() => Some(entry),
            _ => None,
        })
        .collect();
    let damaged = found - valid.len();
    let over_cap = valid.len().saturating_sub(HISTORY_CAP);
    let kept: Vec<HistoryEntry> = valid.into_iter().skip(over_cap).collect();
    if damaged + over_cap == 0 {
        return (Some(kept), None);
    }
    let why = match (damaged, over_cap) {
        (_, 0) => "damaged",
        (0, _) => "older than the 50 kept",
        _ => "damaged or older than the 50 kept",
    };
    let warning = [
        WHAT,
        ": dropped ",
        &(damaged + over_cap).to_string(),
        " of ",
        &found.to_string(),
        " entries (",
        why,
        ").",
    ]
    .concat();
    (Some(kept), Some(warning))
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::storage::file::open;
    use crate::storage::history_file;

    fn entry(score: u32, total: u32, finished_at_ms: u64) -> HistoryEntry {
        HistoryEntry {
            score,
            total,
            finished_at_ms,
            id: 0,
        }
    }

    fn encode(entries: &[HistoryEntry]) -> String {
        serde_json::to_string(&history_file(entries)).unwrap()
    }

    fn decode(raw: &str) -> (Vec<HistoryEntry>, Option<String>) {
        let source = |_: &str| Some(raw.to_owned());
        let (entries, warning) = decode_history(open(&source, "k", WHAT));
        (entries.unwrap_or_default(), warning)
    }

    fn wrap(entries: &str) -> String {
        [r#"{"v":1,"entries":"#, entries, "}"].concat()
    }

    fn read(raw: &str) -> Option<HistoryEntry> {
        match serde_json::from_str::<StoredEntry>(raw).unwrap() {
            StoredEntry::Entry(entry) => Some(entry),
            StoredEntry::Damaged => None,
        }
    }

    #[test]
    fn reads_a_whole_entry_in_any_member_order_ignoring_extras() {
        let entry = HistoryEntry {
            score: 2,
            total: 3,
            finished_at_ms: 7,
            id: 9,
        };
        assert_eq!(
            read(r#"{"finished_at_ms":7,"x":{"a":[1,{}]},"id":9,"total":3,"score":2}"#),
            Some(entry)
        );
        assert_eq!(
            read(r#"{"score":2,"total":3,"finished_at_ms":7}"#),
            Some(HistoryEntry { id: 0, ..entry }),
            "an entry written before ids existed"
        );
    }

    #[test]
    fn anything_else_is_damaged_without_failing() {
        for raw in [
            r#"{"score":1,"score":2,"total":4,"finished_at_ms":1}"#,
            r#"{"score":{"score":1},"total":4,"finished_at_ms":1}"#,
            r#"{"score":[1],"total":4,"finished_at_ms":1}"#,
            r#"{"score":true,"total":4,"finished_at_ms":1}"#,
            r#"{"score":1,"total":4,"finished_at_ms":1,"id":-1}"#,
            r#"{"score":1,"total":4,"finished_at_ms":1,"id":4294967296}"#,
            r#"{"score":1,"total":4,"finished_at_ms":1,"id":null}"#,
            r#"{"score":1,"total":4,"finished_at_ms":1,"id":1,"id":2}"#,
            r#"[1,[2,{"a":3}]]"#,
            r#""{\"score\":1}""#,
            "-0",
            "false",
        ] {
            assert_eq!(read(raw), None, "{raw}");
        }
    }

    #[test]
    fn file_shape_and_round_trip() {
        let entries = vec![
            HistoryEntry {
                id: 3_141_592_653,
                ..entry(8, 12, 1_764_288_000_000)
            },
            entry(12, 12, 1_764_288_060_000),
        ];
        let raw = encode(&entries);
        assert_eq!(
            raw,
            r#"{"v":1,"entries":[{"score":8,"total":12,"finished_at_ms":1764288000000,"id":3141592653},{"score":12,"total":12,"finished_at_ms":1764288060000,"id":0}]}"#
        );
        assert_eq!(decode(&raw), (entries, None));
        assert_eq!(decode(&encode(&[])), (vec![], None));
    }

    #[test]
    fn keeps_valid_entries_and_drops_bad_ones() {
        let raw = wrap(
            r#"[
            {"score":3,"total":4,"finished_at_ms":1000},
            {"score":5,"total":4,"finished_at_ms":1000},
            {"score":-1,"total":4,"finished_at_ms":1000},
            {"score":1,"total":0,"finished_at_ms":1000},
            {"score":1,"total":4,"finished_at_ms":-5},
            {"score":1,"total":4,"finished_at_ms":1e300},
            {"score":1,"total":4,"finished_at_ms":1000.5},
            {"score":1,"total":4,"finished_at_ms":null},
            {"score":1,"total":4,"finished_at_ms":"NaN"},
            {"score":1,"total":4,"finished_at_ms":8640000000000001},
            {"score":1e20,"total":4,"finished_at_ms":1000},
            {"score":4294967296,"total":4294967297,"finished_at_ms":1000},
            {"score":1.5,"total":4,"finished_at_ms":1000},
            {"score":"1","total":4,"finished_at_ms":1000},
            {"score":1,"total":4},
            "hello", 42, null, [],
            {"score":4,"total":4,"finished_at_ms":2000,"extra":true}
        ]"#,
        );
        let (entries, warning) = decode(&raw);
        assert_eq!(entries, vec![entry(3, 4, 1000), entry(4, 4, 2000)]);
        assert_eq!(
            warning.as_deref(),
            Some("Quiz history: dropped 18 of 20 entries (damaged).")
        );
    }

    #[test]
    fn a_number_no_double_can_hold_loses_the_list() {
        // serde_json refuses to read 1e400 as a value (RFC 8259 lets parsers limit the range), so
        // the whole list is lost. No browser writes it: JSON.stringify gives null for it.
        let (entries, warning) = decode(&wrap(
            r#"[{"score":1,"total":4,"finished_at_ms":1e400},{"score":1,"total":4,"finished_at_ms":5}]"#,
        ));
        assert!(entries.is_empty());
        assert_eq!(
            warning.as_deref(),
            Some("Quiz history was discarded: it is damaged.")
        );
    }

    #[test]
    fn foreign_or_damaged_values_start_empty() {
        for raw in [
            "\"hello\"",
            "42",
            "null",
            "[]",
            "{}",
            "",
            r#"{"v":1,"entries":"#,
            r#"{"v":1,"entries":{}}"#,
            r#"{"v":1,"entries":null}"#,
            r#"{"v":0,"entries":[]}"#,
        ] {
            let (entries, warning) = decode(raw);
            assert!(entries.is_empty(), "{raw}");
            assert!(
                warning.unwrap().starts_with("Quiz history was discarded"),
                "{raw}"
            );
        }
    }

    #[test]
    fn over_cap_keeps_the_newest() {
        let entries: Vec<HistoryEntry> = (0..60).map(|i| entry(1, 2, i)).collect();
        let (kept, warning) = decode(&encode(&entries));
        assert_eq!(kept, entries[10..]);
        assert_eq!(
            warning.as_deref(),
            Some("Quiz history: dropped 10 of 60 entries (older than the 50 kept).")
        );
        let raw = encode(&entries).replacen("[{", "[7,{", 1);
        assert!(decode(&raw)
            .1
            .unwrap()
            .ends_with("dropped 11 of 61 entries (damaged or older than the 50 kept)."));
    }
}
