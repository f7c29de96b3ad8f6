//! The result tiers the reader's score falls into, [`tier_for`], which picks one, and the
//! message for a perfect score.
//!
//! Tier ids reach the host page (the `complete` event) and may become newsletter tags, so they are
//! as stable as question ids; titles and advice may change. No title names a part of the
//! analogy's team ("engineer", "mechanic", "pit crew"): those are the CTO and the CIO, and ranking
//! one above the other would contradict the article.

use super::types::Tier;

/// Where a tier's advice names the topics the reader missed (see `quiz::advice`).
pub const TOPICS_SLOT: &str = "{topics}";

/// The tiers, lowest first; `validate_tiers` insists on that order. Each advice fits its band and
/// holds [`TOPICS_SLOT`] once: below 100 % there is always something missed to point at.
pub static TIERS: &[Tier] = &[
    Tier {
        id: "pit-lane-visitor",
        min_percent: 0,
        title: "Pit-lane visitor",
        advice: "The engine’s still warming up: re-read {topics}, then take another lap.",
    },
    Tier {
        id: "pit-crew",
        min_percent: 50,
        title: "Rookie driver",
        advice: "You’re on the track, but some corners still catch you out: re-read {topics}, then go again.",
    },
    Tier {
        id: "race-strategist",
        min_percent: 75,
        title: "Race strategist",
        advice: "Close to the front: one more look at {topics} finds the last few tenths.",
    },
    Tier {
        id: "team-principal",
        min_percent: 90,
        title: "Team principal",
        advice: "Nearly a perfect lap: revisit {topics}, then pole position is yours.",
    },
];

/// The advice for a perfect score, whatever the top tier's band says.
pub const PERFECT_ADVICE: &str =
    "A perfect lap: you know who makes the car faster and who keeps it running. Put both to work and win the race.";

// Only reachable if TIERS were emptied, which validation and the tests forbid; it exists so that
// `tier_for` can promise a tier without a panic path in the shipped code.
static FALLBACK: Tier = Tier {
    id: "finisher",
    min_percent: 0,
    title: "Finisher",
    advice: "You crossed the line: re-read {topics} to go faster next time.",
};

/// The tier for a score of `percent` (0-100; anything above 100 counts as 100). Never panics.
pub fn tier_for(percent: u8) -> &'static Tier {
    tier_in(TIERS, percent).unwrap_or(&FALLBACK)
}

/// The tier in `tiers` with the highest `min_percent` that `percent` reaches; if it reaches none
/// (a list that does not start at 0), the lowest tier. `None` only for an empty list.
///
/// Takes any list, not just [`TIERS`], so it also works on test fixtures and does not depend on
/// the order of the list.
pub fn tier_in(tiers: &[Tier], percent: u8) -> Option<&Tier> {
    tiers
        .iter()
        .filter(|tier| tier.min_percent <= percent)
        .max_by_key(|tier| tier.min_percent)
        .or_else(|| tiers.iter().min_by_key(|tier| tier.min_percent))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A tier fixture (also used by `validate`'s tests).
    pub(crate) fn tier(id: &'static str, min_percent: u8) -> Tier {
        Tier {
            id,
            min_percent,
            title: "A title",
            advice: "Re-read {topics}.",
        }
    }

    #[test]
    fn tier_for_is_total_and_picks_the_highest_tier_reached() {
        assert_eq!(tier_for(0).id, "pit-lane-visitor");
        assert_eq!(tier_for(49).id, "pit-lane-visitor");
        assert_eq!(tier_for(50).id, "pit-crew");
        assert_eq!(tier_for(74).id, "pit-crew");
        assert_eq!(tier_for(75).id, "race-strategist");
        assert_eq!(tier_for(89).id, "race-strategist");
        assert_eq!(tier_for(90).id, "team-principal");
        assert_eq!(tier_for(100).id, "team-principal");
        assert_eq!(tier_for(u8::MAX).id, "team-principal");
        for percent in 0..=u8::MAX {
            assert!(tier_for(percent).min_percent <= percent.max(TIERS[0].min_percent));
        }
    }

    #[test]
    fn tier_in_copes_with_odd_lists() {
        assert!(tier_in(&[], 50).is_none());
        let from_twenty = [tier("low", 20), tier("high", 60)];
        assert_eq!(tier_in(&from_twenty, 10).map(|t| t.id), Some("low"));
        assert_eq!(tier_in(&from_twenty, 60).map(|t| t.id), Some("high"));
        let unordered = [tier("high", 60), tier("low", 0)];
        assert_eq!(tier_in(&unordered, 59).map(|t| t.id), Some("low"));
    }
}
