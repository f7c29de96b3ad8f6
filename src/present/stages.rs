//! How the explainer is spread over the mount's frames: built and laid out in one frame, the
//! whole article was the one frame of the mount over 50 ms (4x CPU slowdown), so it is built in
//! two parts, split where the two hold about as much text (what style and layout cost grows with).

use crate::content::Section;

/// Where to split `sections` into two parts so that the larger holds as little text as it can:
/// every section before the index goes into the first part, and both parts hold at least one
/// section whenever there are two. A list of one or none is not split (its length).
pub fn explainer_split(sections: &[&Section]) -> usize {
    let weights: Vec<usize> = sections.iter().map(|s| text_len(s)).collect();
    let total: usize = weights.iter().sum();
    let larger_part = |at: usize| {
        let first: usize = weights[..at].iter().sum();
        first.max(total - first)
    };
    (1..sections.len())
        .min_by_key(|&at| larger_part(at))
        .unwrap_or(sections.len())
}

fn text_len(section: &Section) -> usize {
    section.texts().iter().map(|text| text.len()).sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{Block, ARTICLE};

    fn section(text: &'static str) -> Section {
        Section {
            id: "s",
            heading: "",
            blocks: Box::leak(Box::new([Block::Paragraph(text)])),
        }
    }

    #[test]
    fn the_split_leaves_the_smallest_larger_part() {
        let lens = ["aaaa", "a", "a", "aaa", "aa"];
        let sections: Vec<Section> = lens.iter().map(|t| section(t)).collect();
        let refs: Vec<&Section> = sections.iter().collect();
        let split = explainer_split(&refs);
        let larger = |at: usize| {
            let first: usize = lens[..at].iter().map(|t| t.len()).sum();
            first.max(11 - first)
        };
        assert_eq!(split, 2, "4+1 | 1+3+2 leaves 6, the least possible");
        assert!((1..lens.len()).all(|at| larger(split) <= larger(at)));
    }

    #[test]
    fn both_parts_hold_a_section_whenever_there_are_two() {
        let sections = [section("aaaaaaaaaa"), section("a")];
        assert_eq!(explainer_split(&[&sections[0], &sections[1]]), 1);
        assert_eq!(explainer_split(&[&sections[1], &sections[0]]), 1);
        assert_eq!(explainer_split(&[&sections[0]]), 1);
        assert_eq!(explainer_split(&[]), 0);
    }

    #[test]
    fn the_article_s_explainer_splits_into_two_parts_of_comparable_text() {
        let sections: Vec<&Section> = ARTICLE.sections.iter().collect();
        let split = explainer_split(&sections);
        assert!(0 < split && split < sections.len(), "split at {split}");
        let first: usize = sections[..split].iter().map(|s| text_len(s)).sum();
        let total: usize = sections.iter().map(|s| text_len(s)).sum();
        assert!(
            first * 4 >= total && first * 4 <= total * 3,
            "the first part holds {first} of {total} bytes of text"
        );
    }
}
