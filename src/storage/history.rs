//! Past results: `{"v":1,"entries":[{"score":8,"total":12,"finished_at_ms":1764288000000}]}`,
//! oldest first, capped; decoding keeps every valid entry and drops only the damaged ones.

use core::cmp::Ordering;
use core::iter::once;

use crate::quiz::percent;

use super::envelope::{discarded, open};
use super::json::{self, Json};
use super::{Loaded, SCHEMA_VERSION};

const WHAT: &str = "Quiz history";

/// How many results are kept; older ones fall off when a new one is appended.
pub const HISTORY_CAP: usize = 50;

/// The largest time a JavaScript `Date` can hold, in ms since the Unix epoch.
const MAX_DATE_MS: f64 = 8.64e15;

/// One finished run.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct HistoryEntry {
    pub score: u32,
    pub total: u32,
    /// Milliseconds since the Unix epoch, as JavaScript's `Date.now()` gives it (whole numbers; a
    /// fraction is dropped when saved).
    pub finished_at_ms: f64,
}

impl HistoryEntry {
    pub fn percent(&self) -> u8 {
        percent(self.score as usize, self.total as usize)
    }

    fn is_valid(&self) -> bool {
        self.total > 0
            && self.score <= self.total
            && (0.0..=MAX_DATE_MS).contains(&self.finished_at_ms)
    }

    /// Compares by exact ratio, without rounding: 2/3 beats 66/100.
    fn cmp_ratio(&self, other: &HistoryEntry) -> Ordering {
        let ratio = |e: &HistoryEntry| match e.total {
            0 => (0, 1),
            t => (u64::from(e.score.min(t)), u64::from(t)),
        };
        let ((a, at), (b, bt)) = (ratio(self), ratio(other));
        (a * bt).cmp(&(b * at))
    }

    /// Whole milliseconds: `Date.now()` never has a fraction, and integers are the only numbers
    /// our JSON keeps. A time that no `Date` can hold (or NaN) is written as `null` and dropped
    /// on the next load.
    fn to_json(self) -> Json {
        let time = if (0.0..=MAX_DATE_MS).contains(&self.finished_at_ms) {
            Json::Int(self.finished_at_ms as u64)
        } else {
            Json::Null
        };
        Json::object([
            ("score", Json::Int(self.score.into())),
            ("total", Json::Int(self.total.into())),
            ("finished_at_ms", time),
        ])
    }

    fn from_json(value: &Json) -> Option<HistoryEntry> {
        let count = |key| u32::try_from(value.get(key)?.as_u64()?).ok();
        Some(HistoryEntry {
            score: count("score")?,
            total: count("total")?,
            finished_at_ms: value.get("finished_at_ms")?.as_u64()? as f64,
        })
    }
}

/// `entries` with `entry` appended, keeping only the newest [`HISTORY_CAP`].
pub fn append(entries: &[HistoryEntry], entry: HistoryEntry) -> Vec<HistoryEntry> {
    let excess = (entries.len() + 1).saturating_sub(HISTORY_CAP);
    entries
        .iter()
        .copied()
        .chain(once(entry))
        .skip(excess)
        .collect()
}

/// The best result: highest percentage, and of equals the most recent (by time, then position).
pub fn best(entries: &[HistoryEntry]) -> Option<&HistoryEntry> {
    entries.iter().reduce(|best, e| match e.cmp_ratio(best) {
        Ordering::Greater => e,
        Ordering::Equal if e.finished_at_ms >= best.finished_at_ms => e,
        _ => best,
    })
}

pub fn encode_history(entries: &[HistoryEntry]) -> String {
    json::write(&Json::object([
        ("v", Json::Int(SCHEMA_VERSION.into())),
        (
            "entries",
            Json::Array(entries.iter().map(|e| e.to_json()).collect()),
        ),
    ]))
}

pub fn decode_history(raw: &str) -> Loaded<Vec<HistoryEntry>> {
    let payload = match open(raw, WHAT, "entries") {
        Ok(payload) => payload,
        Err(warning) => return Loaded::warn(Vec::new(), warning),
    };
    let Json::Array(items) = payload else {
        return Loaded::warn(Vec::new(), discarded(WHAT, "its entries are not a list"));
    };
    let found = items.len();
    let valid: Vec<HistoryEntry> = items
        .iter()
        .filter_map(HistoryEntry::from_json)
        .filter(HistoryEntry::is_valid)
        .collect();
    let damaged = found - valid.len();
    let over_cap = valid.len().saturating_sub(HISTORY_CAP);
    let kept: Vec<HistoryEntry> = valid.into_iter().skip(over_cap).collect();
    if damaged + over_cap == 0 {
        return Loaded::clean(kept);
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
    Loaded::warn(kept, warning)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(score: u32, total: u32, finished_at_ms: f64) -> HistoryEntry {
        HistoryEntry {
            score,
            total,
            finished_at_ms,
        }
    }

    fn wrap(entries: &str) -> String {
        [r#"{"v":1,"entries":"#, entries, "}"].concat()
    }

    #[test]
    fn envelope_shape_and_round_trip() {
        let entries = vec![
            entry(8, 12, 1_764_288_000_000.0),
            entry(12, 12, 1_764_288_060_000.0),
        ];
        let raw = encode_history(&entries);
        assert_eq!(
            raw,
            r#"{"v":1,"entries":[{"score":8,"total":12,"finished_at_ms":1764288000000},{"score":12,"total":12,"finished_at_ms":1764288060000}]}"#
        );
        assert_eq!(decode_history(&raw), Loaded::clean(entries));
        assert_eq!(decode_history(&encode_history(&[])), Loaded::clean(vec![]));
    }

    #[test]
    fn times_are_saved_as_whole_milliseconds() {
        let entries = vec![entry(1, 2, 1.5), entry(1, 2, 8.64e15)];
        assert_eq!(
            decode_history(&encode_history(&entries)),
            Loaded::clean(vec![entry(1, 2, 1.0), entry(1, 2, 8.64e15)])
        );
    }

    #[test]
    fn integer_times_are_accepted() {
        let loaded = decode_history(&wrap(r#"[{"score":1,"total":2,"finished_at_ms":5}]"#));
        assert_eq!(loaded, Loaded::clean(vec![entry(1, 2, 5.0)]));
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
            {"score":1,"total":4,"finished_at_ms":1e400},
            {"score":1,"total":4,"finished_at_ms":1000.5},
            {"score":1,"total":4,"finished_at_ms":null},
            {"score":1,"total":4,"finished_at_ms":"NaN"},
            {"score":1e20,"total":4,"finished_at_ms":1000},
            {"score":4294967296,"total":4294967297,"finished_at_ms":1000},
            {"score":1.5,"total":4,"finished_at_ms":1000},
            {"score":"1","total":4,"finished_at_ms":1000},
            {"score":1,"total":4},
            "hello", 42, null, [],
            {"score":4,"total":4,"finished_at_ms":2000,"extra":true}
        ]"#,
        );
        let loaded = decode_history(&raw);
        assert_eq!(loaded.value, vec![entry(3, 4, 1000.0), entry(4, 4, 2000.0)]);
        assert_eq!(
            loaded.warning.as_deref(),
            Some("Quiz history: dropped 18 of 20 entries (damaged).")
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
            r#"{"v":2,"entries":[]}"#,
            r#"{"v":1,"entries":{}}"#,
            r#"{"v":1,"entries":null}"#,
        ] {
            let loaded = decode_history(raw);
            assert!(loaded.value.is_empty(), "{raw}");
            assert!(
                loaded
                    .warning
                    .unwrap()
                    .starts_with("Quiz history was discarded"),
                "{raw}"
            );
        }
    }

    #[test]
    fn over_cap_keeps_the_newest() {
        let entries: Vec<HistoryEntry> = (0..60).map(|i| entry(1, 2, f64::from(i))).collect();
        let loaded = decode_history(&encode_history(&entries));
        assert_eq!(loaded.value, entries[10..]);
        assert_eq!(
            loaded.warning.as_deref(),
            Some("Quiz history: dropped 10 of 60 entries (older than the 50 kept).")
        );
        let mut raw = encode_history(&entries);
        raw = raw.replacen("[{", "[7,{", 1);
        assert!(decode_history(&raw)
            .warning
            .unwrap()
            .ends_with("dropped 11 of 61 entries (damaged or older than the 50 kept)."));
    }

    #[test]
    fn append_caps_at_the_newest() {
        let mut entries = Vec::new();
        for i in 0..HISTORY_CAP + 5 {
            entries = append(&entries, entry(1, 2, i as f64));
            assert!(entries.len() <= HISTORY_CAP);
        }
        assert_eq!(entries.len(), HISTORY_CAP);
        assert_eq!(entries.first().unwrap().finished_at_ms, 5.0);
        assert_eq!(
            entries.last().unwrap().finished_at_ms,
            (HISTORY_CAP + 4) as f64
        );
    }

    #[test]
    fn best_is_highest_percentage_then_most_recent() {
        assert_eq!(best(&[]), None);
        let entries = [
            entry(2, 3, 10.0),
            entry(66, 100, 50.0),
            entry(4, 6, 20.0),
            entry(1, 3, 90.0),
        ];
        // 2/3 == 4/6 > 66/100: the later of the two equals wins.
        assert_eq!(best(&entries), Some(&entries[2]));
        let same_time = [entry(1, 2, 5.0), entry(2, 4, 5.0)];
        assert_eq!(best(&same_time), Some(&same_time[1]));
        // An older entry listed later does not win a tie.
        let out_of_order = [entry(1, 2, 9.0), entry(1, 2, 1.0)];
        assert_eq!(best(&out_of_order), Some(&out_of_order[0]));
    }

    #[test]
    fn best_tolerates_invalid_entries() {
        let entries = [entry(5, 0, f64::NAN), entry(0, 4, 1.0), entry(9, 4, 2.0)];
        assert_eq!(best(&entries), Some(&entries[2]));
        assert_eq!(entries[2].percent(), 100);
        assert_eq!(entries[0].percent(), 0);
    }

    #[test]
    fn nan_time_does_not_survive_a_save() {
        let raw = encode_history(&[entry(1, 2, f64::NAN), entry(1, 2, 3.0)]);
        let loaded = decode_history(&raw);
        assert_eq!(loaded.value, vec![entry(1, 2, 3.0)]);
        assert!(loaded.warning.is_some());
    }
}
