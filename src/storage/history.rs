//! Past results: `{"v":1,"entries":[{"score":8,"total":12,"finished_at_ms":1764288000000}]}`,
//! oldest first, capped; decoding keeps every valid entry and drops only the damaged ones.

use core::cmp::Ordering;
use core::iter::once;

use serde::{Deserialize, Serialize};

use crate::quiz::percent;

use super::entry::StoredEntry;
use super::file::Opened;
use super::SCHEMA_VERSION;

pub(crate) const WHAT: &str = "Quiz history";

/// How many results are kept; older ones fall off when a new one is appended.
pub const HISTORY_CAP: usize = 50;

/// The largest time a JavaScript `Date` can hold, in ms since the Unix epoch.
const MAX_DATE_MS: u64 = 8_640_000_000_000_000;

/// One finished run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryEntry {
    pub score: u32,
    pub total: u32,
    /// Whole milliseconds since the Unix epoch, as JavaScript's `Date.now()` gives them.
    pub finished_at_ms: u64,
}

impl HistoryEntry {
    /// The entry for a run that finished at `now_ms` (`Date.now()`); a time no `Date` can hold
    /// (or NaN) becomes 0 rather than an entry the next load would drop.
    pub fn finished(score: usize, total: usize, now_ms: f64) -> HistoryEntry {
        let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        let ms = if (0.0..=MAX_DATE_MS as f64).contains(&now_ms) {
            now_ms as u64
        } else {
            0
        };
        HistoryEntry {
            score: count(score),
            total: count(total),
            finished_at_ms: ms,
        }
    }

    pub fn percent(&self) -> u8 {
        percent(self.score as usize, self.total as usize)
    }

    fn is_valid(&self) -> bool {
        self.total > 0 && self.score <= self.total && self.finished_at_ms <= MAX_DATE_MS
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
}

/// The stored shape of the history.
#[derive(Serialize, Deserialize)]
pub struct HistoryFile<E> {
    v: u32,
    entries: E,
}

/// What the history key is written as.
pub fn history_file(entries: &[HistoryEntry]) -> HistoryFile<&[HistoryEntry]> {
    HistoryFile {
        v: SCHEMA_VERSION,
        entries,
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

/// The history after a finished run: appended to what storage holds now (`stored`, read just
/// before, so another tab's attempts survive), or to what this widget holds when storage has
/// nothing usable.
pub fn record(
    stored: Option<Vec<HistoryEntry>>,
    ours: &[HistoryEntry],
    entry: HistoryEntry,
) -> Vec<HistoryEntry> {
    match stored {
        Some(stored) => append(&stored, entry),
        None => append(ours, entry),
    }
}

/// The tier id of the most recent result, if there is one.
pub fn latest_tier(entries: &[HistoryEntry]) -> Option<&'static str> {
    entries
        .last()
        .map(|entry| crate::content::tiers::tier_for(entry.percent()).id)
}

/// The best result: highest percentage, and of equals the most recent (by time, then position).
pub fn best(entries: &[HistoryEntry]) -> Option<&HistoryEntry> {
    entries.iter().reduce(|best, e| match e.cmp_ratio(best) {
        Ordering::Greater => e,
        Ordering::Equal if e.finished_at_ms >= best.finished_at_ms => e,
        _ => best,
    })
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

    fn entry(score: u32, total: u32, finished_at_ms: u64) -> HistoryEntry {
        HistoryEntry {
            score,
            total,
            finished_at_ms,
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

    #[test]
    fn file_shape_and_round_trip() {
        let entries = vec![
            entry(8, 12, 1_764_288_000_000),
            entry(12, 12, 1_764_288_060_000),
        ];
        let raw = encode(&entries);
        assert_eq!(
            raw,
            r#"{"v":1,"entries":[{"score":8,"total":12,"finished_at_ms":1764288000000},{"score":12,"total":12,"finished_at_ms":1764288060000}]}"#
        );
        assert_eq!(decode(&raw), (entries, None));
        assert_eq!(decode(&encode(&[])), (vec![], None));
    }

    #[test]
    fn finished_times_are_whole_milliseconds_a_date_can_hold() {
        assert_eq!(HistoryEntry::finished(3, 4, 1.5).finished_at_ms, 1);
        assert_eq!(
            HistoryEntry::finished(3, 4, 8.64e15).finished_at_ms,
            MAX_DATE_MS
        );
        for odd in [f64::NAN, -5.0, 1e300, f64::INFINITY] {
            assert_eq!(HistoryEntry::finished(3, 4, odd).finished_at_ms, 0);
        }
        assert_eq!(
            HistoryEntry::finished(usize::MAX, 4, 0.0).score,
            u32::MAX,
            "counts saturate instead of wrapping"
        );
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

    #[test]
    fn append_caps_at_the_newest() {
        let mut entries = Vec::new();
        for i in 0..HISTORY_CAP as u64 + 5 {
            entries = append(&entries, entry(1, 2, i));
            assert!(entries.len() <= HISTORY_CAP);
        }
        assert_eq!(entries.len(), HISTORY_CAP);
        assert_eq!(entries.first().unwrap().finished_at_ms, 5);
        assert_eq!(
            entries.last().unwrap().finished_at_ms,
            HISTORY_CAP as u64 + 4
        );
    }

    #[test]
    fn record_appends_to_what_storage_holds_now() {
        let ours = [entry(1, 2, 1)];
        let other_tab = vec![entry(1, 2, 1), entry(2, 2, 5)];
        let new = entry(0, 2, 9);
        assert_eq!(
            record(Some(other_tab.clone()), &ours, new),
            [other_tab[0], other_tab[1], new]
        );
        assert_eq!(record(None, &ours, new), [ours[0], new]);
    }

    #[test]
    fn the_latest_tier_is_the_last_result_s() {
        assert_eq!(latest_tier(&[]), None);
        let entries = [entry(10, 10, 1), entry(0, 10, 2)];
        assert_eq!(
            latest_tier(&entries),
            Some(crate::content::tiers::tier_for(0).id)
        );
        assert_eq!(
            latest_tier(&entries[..1]),
            Some(crate::content::tiers::tier_for(100).id)
        );
    }

    #[test]
    fn best_is_highest_percentage_then_most_recent() {
        assert_eq!(best(&[]), None);
        let entries = [
            entry(2, 3, 10),
            entry(66, 100, 50),
            entry(4, 6, 20),
            entry(1, 3, 90),
        ];
        // 2/3 == 4/6 > 66/100: the later of the two equals wins.
        assert_eq!(best(&entries), Some(&entries[2]));
        let same_time = [entry(1, 2, 5), entry(2, 4, 5)];
        assert_eq!(best(&same_time), Some(&same_time[1]));
        // An older entry listed later does not win a tie.
        let out_of_order = [entry(1, 2, 9), entry(1, 2, 1)];
        assert_eq!(best(&out_of_order), Some(&out_of_order[0]));
    }

    #[test]
    fn best_tolerates_invalid_entries() {
        let entries = [entry(5, 0, 0), entry(0, 4, 1), entry(9, 4, 2)];
        assert_eq!(best(&entries), Some(&entries[2]));
        assert_eq!(entries[2].percent(), 100);
        assert_eq!(entries[0].percent(), 0);
    }
}
