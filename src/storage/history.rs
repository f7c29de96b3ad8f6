//! Past results:
//! `{"v":1,"entries":[{"score":8,"total":12,"finished_at_ms":1764288000000,"id":3141592653}]}`,
//! oldest first, capped. Each attempt carries a random `id`, so the histories of two tabs (or
//! two frames) merge into their union: merging what is already there changes nothing. Reading
//! the stored list is `entry`'s.

use core::cmp::Ordering;

use serde::{Deserialize, Serialize};

use crate::quiz::percent;

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
    /// Random, so two attempts that end in the same millisecond in two tabs stay two. Entries
    /// written before ids existed read as 0 and are told apart by their other fields.
    pub id: u32,
}

impl HistoryEntry {
    /// The entry for a run that finished at `now_ms` (`Date.now()`), identified by `id`; a time
    /// no `Date` can hold (or NaN) becomes 0 rather than an entry the next load would drop.
    pub fn finished(score: usize, total: usize, now_ms: f64, id: u32) -> HistoryEntry {
        let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        HistoryEntry {
            score: count(score),
            total: count(total),
            finished_at_ms: date_ms(now_ms).unwrap_or(0),
            id,
        }
    }

    pub fn percent(&self) -> u8 {
        percent(self.score as usize, self.total as usize)
    }

    pub(crate) fn is_valid(&self) -> bool {
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

    /// The one order every tab sorts a history in: by time, then by the other fields, so two
    /// tabs merging the same entries arrive at the same list.
    fn chronological(&self, other: &HistoryEntry) -> Ordering {
        let key = |e: &HistoryEntry| (e.finished_at_ms, e.id, e.score, e.total);
        key(self).cmp(&key(other))
    }
}

/// `now_ms` (`Date.now()`) as the whole milliseconds stored, if a JavaScript `Date` can hold it.
pub fn date_ms(now_ms: f64) -> Option<u64> {
    (0.0..=MAX_DATE_MS as f64)
        .contains(&now_ms)
        .then_some(now_ms as u64)
}

/// The stored shape of the history.
#[derive(Serialize, Deserialize)]
pub struct HistoryFile<E> {
    v: u32,
    pub(crate) entries: E,
}

/// What the history key is written as.
pub fn history_file(entries: &[HistoryEntry]) -> HistoryFile<&[HistoryEntry]> {
    HistoryFile {
        v: SCHEMA_VERSION,
        entries,
    }
}

/// Every entry of `a` and of `b`, each once, oldest first, keeping only the newest
/// [`HISTORY_CAP`]. Merging a list into itself, or twice, changes nothing.
pub fn merge(a: &[HistoryEntry], b: &[HistoryEntry]) -> Vec<HistoryEntry> {
    // Insertion into a sorted list: at most twice the cap of entries, and far less code than a
    // general sort.
    let mut all: Vec<HistoryEntry> = Vec::with_capacity(a.len() + b.len());
    for entry in a.iter().chain(b) {
        let at = all.partition_point(|kept| kept.chronological(entry) == Ordering::Less);
        if all.get(at) != Some(entry) {
            all.insert(at, *entry);
        }
    }
    let excess = all.len().saturating_sub(HISTORY_CAP);
    all.drain(..excess);
    all
}

/// The history after a finished run: what storage holds now (`stored`, read in the same task, so
/// another tab's attempts survive), what this widget holds (so none of its own is lost to a
/// write that raced it), and the new `entry`.
pub fn record(
    stored: Option<Vec<HistoryEntry>>,
    ours: &[HistoryEntry],
    entry: HistoryEntry,
) -> Vec<HistoryEntry> {
    let known = merge(stored.as_deref().unwrap_or_default(), ours);
    merge(&known, &[entry])
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

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(score: u32, total: u32, finished_at_ms: u64) -> HistoryEntry {
        HistoryEntry {
            score,
            total,
            finished_at_ms,
            id: 0,
        }
    }

    #[test]
    fn finished_times_are_whole_milliseconds_a_date_can_hold() {
        assert_eq!(HistoryEntry::finished(3, 4, 1.5, 7).finished_at_ms, 1);
        assert_eq!(
            HistoryEntry::finished(3, 4, 8.64e15, 7).finished_at_ms,
            MAX_DATE_MS
        );
        for odd in [f64::NAN, -5.0, 1e300, f64::INFINITY] {
            assert_eq!(HistoryEntry::finished(3, 4, odd, 7).finished_at_ms, 0);
        }
        assert_eq!(
            HistoryEntry::finished(usize::MAX, 4, 0.0, 7).score,
            u32::MAX,
            "counts saturate instead of wrapping"
        );
    }

    fn with_id(entry: HistoryEntry, id: u32) -> HistoryEntry {
        HistoryEntry { id, ..entry }
    }

    #[test]
    fn merge_keeps_the_newest_in_time_order() {
        let mut entries = Vec::new();
        for i in (0..HISTORY_CAP as u64 + 5).rev() {
            entries = merge(&entries, &[entry(1, 2, i)]);
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
    fn merging_is_a_union_that_changes_nothing_the_second_time() {
        let a = [entry(1, 2, 1), with_id(entry(2, 2, 5), 8)];
        let b = [with_id(entry(2, 2, 5), 8), entry(0, 2, 3)];
        let both = merge(&a, &b);
        assert_eq!(both, [a[0], b[1], a[1]]);
        assert_eq!(merge(&both, &b), both);
        assert_eq!(
            merge(&b, &both),
            both,
            "the same list, whichever tab merges"
        );
        assert_eq!(merge(&both, &both), both);
        // Two attempts that ended in the same millisecond in two tabs stay two.
        let twins = merge(&[with_id(entry(1, 2, 9), 1)], &[with_id(entry(1, 2, 9), 2)]);
        assert_eq!(twins.len(), 2);
    }

    #[test]
    fn record_keeps_what_storage_and_this_widget_hold() {
        let ours = [entry(1, 2, 1), with_id(entry(2, 2, 4), 3)];
        let other_tab = vec![entry(1, 2, 1), entry(2, 2, 5)];
        let new = entry(0, 2, 9);
        assert_eq!(
            record(Some(other_tab.clone()), &ours, new),
            [other_tab[0], ours[1], other_tab[1], new],
            "another tab's attempt, and ours its write raced, both stay"
        );
        assert_eq!(record(None, &ours, new), [ours[0], ours[1], new]);
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
