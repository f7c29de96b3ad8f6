//! One history entry as read from storage, on its own terms: any JSON value is accepted, and one
//! that is not a whole, in-range entry becomes `Damaged`, so it is dropped alone instead of
//! failing the whole list. A hand-written visitor rather than `#[serde(untagged)]`, which buffers
//! every entry in serde's private `Content` tree and replays it (measured: 0.5 KB brotli more).

use core::fmt;

use serde::de::{Deserialize, Deserializer, Error, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::history::HistoryEntry;

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
const FIELDS: [&str; 3] = ["score", "total", "finished_at_ms"];

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

    /// An entry has each field once, as a whole number its type can hold; other members are
    /// ignored, as the derived reader of [`HistoryEntry`] would.
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut found: [Option<Value>; 3] = [None, None, None];
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
        let [score, total, at] = &found;
        let count = |value| whole(value).and_then(|n| u32::try_from(n).ok());
        Ok(match (twice, count(score), count(total), whole(at)) {
            (false, Some(score), Some(total), Some(finished_at_ms)) => Value::Entry(HistoryEntry {
                score,
                total,
                finished_at_ms,
            }),
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

#[cfg(test)]
mod tests {
    use super::*;

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
        };
        assert_eq!(
            read(r#"{"finished_at_ms":7,"x":{"a":[1,{}]},"total":3,"score":2}"#),
            Some(entry)
        );
    }

    #[test]
    fn anything_else_is_damaged_without_failing() {
        for raw in [
            r#"{"score":1,"score":2,"total":4,"finished_at_ms":1}"#,
            r#"{"score":{"score":1},"total":4,"finished_at_ms":1}"#,
            r#"{"score":[1],"total":4,"finished_at_ms":1}"#,
            r#"{"score":true,"total":4,"finished_at_ms":1}"#,
            r#"[1,[2,{"a":3}]]"#,
            r#""{\"score\":1}""#,
            "-0",
            "false",
        ] {
            assert_eq!(read(raw), None, "{raw}");
        }
    }
}
