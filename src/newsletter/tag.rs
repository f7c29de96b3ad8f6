//! The tag a sign-up carries: the `newsletter-tag` attribute, where `{tier}` stands for the
//! reader's result tier id (`quiz-{tier}` sends `quiz-race-strategist`), so a blog owner can
//! segment subscribers by how they did. Before any result the tag is left out rather than sent
//! with the placeholder.

/// The placeholder replaced by the tier id.
pub const TIER_PLACEHOLDER: &str = "{tier}";

/// The tag to send for `template` when the reader's latest result is `tier` (a tier id), or
/// `None` when the template needs a result the reader does not have yet.
pub fn resolve_tag(template: &str, tier: Option<&str>) -> Option<String> {
    if !template.contains(TIER_PLACEHOLDER) {
        return Some(template.to_owned());
    }
    tier.map(|tier| template.replace(TIER_PLACEHOLDER, tier))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_tag_is_sent_as_it_is() {
        assert_eq!(resolve_tag("cto quiz", None).as_deref(), Some("cto quiz"));
        assert_eq!(
            resolve_tag("cto quiz", Some("pit-crew")).as_deref(),
            Some("cto quiz")
        );
    }

    #[test]
    fn the_placeholder_becomes_the_tier_id_everywhere_it_stands() {
        assert_eq!(
            resolve_tag("quiz-{tier}", Some("race-strategist")).as_deref(),
            Some("quiz-race-strategist")
        );
        assert_eq!(
            resolve_tag("{tier}/{tier}", Some("team-principal")).as_deref(),
            Some("team-principal/team-principal")
        );
    }

    #[test]
    fn before_any_result_a_tier_tag_is_left_out() {
        assert_eq!(resolve_tag("quiz-{tier}", None), None);
    }

    #[test]
    fn near_misses_are_plain_text() {
        assert_eq!(
            resolve_tag("quiz-{Tier} {tier", None).as_deref(),
            Some("quiz-{Tier} {tier")
        );
    }
}
