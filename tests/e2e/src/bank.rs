//! The widget's question bank as the scenarios see it: which question a legend on screen is, which
//! of its options is right, and the progress line a reader should read.

use anyhow::anyhow;
use cto_cio_quiz::content::{Question, QUESTIONS};
use cto_cio_quiz::quiz::QuestionCount;

/// The number of questions in a run on a page that does not set `questions` (the default draw).
pub fn total() -> usize {
    QuestionCount::default().of(QUESTIONS.len())
}

/// "Question i of N" for the 1-based `i` of a run of the default length ([`total`]).
pub fn progress_text(i: usize) -> String {
    progress_of(i, total())
}

/// "Question i of n": the progress line of question `i` (1-based) in a run of `n`.
pub fn progress_of(i: usize, n: usize) -> String {
    format!("Question {i} of {n}")
}

/// `(i, n)` from a progress line "Question i of n" (`None` for anything else).
pub fn parse_progress(line: &str) -> Option<(usize, usize)> {
    let (i, n) = line.strip_prefix("Question ")?.split_once(" of ")?;
    Some((i.parse().ok()?, n.parse().ok()?))
}

/// Whitespace collapsed, as the scenarios read `textContent`.
pub fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The bank's question whose prompt is `legend`.
pub fn question_for(legend: &str) -> crate::Result<&'static Question> {
    QUESTIONS
        .iter()
        .find(|q| collapse(q.prompt) == legend)
        .ok_or_else(|| {
            anyhow!("the legend {legend:?} is not the prompt of any question in the bank")
        })
}

/// The id of `question`'s right option (or of a wrong one, with `right == false`).
pub fn option_id(question: &'static Question, right: bool) -> crate::Result<&'static str> {
    question
        .options
        .iter()
        .find(|o| o.correct == right)
        .map(|o| o.id)
        .ok_or_else(|| {
            let kind = if right { "right" } else { "wrong" };
            anyhow!("{} has no {kind} option", question.id)
        })
}

/// The article's section ids, in reading order (the explainer's anchors), from the crate's data.
pub fn section_ids() -> Vec<&'static str> {
    cto_cio_quiz::content::ARTICLE
        .sections
        .iter()
        .map(|section| section.id)
        .collect()
}

/// The comparison's dimension ids (`focus`, `priorities`…), in reading order, from the crate's data.
pub fn dimension_ids() -> Vec<&'static str> {
    cto_cio_quiz::content::ARTICLE
        .sections
        .iter()
        .flat_map(|section| section.blocks.iter())
        .filter_map(|block| match block {
            cto_cio_quiz::content::Block::Comparison(dimensions) => Some(*dimensions),
            _ => None,
        })
        .flatten()
        .map(|dimension| dimension.id)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{parse_progress, progress_of};

    #[test]
    fn a_progress_line_reads_back() {
        assert_eq!(parse_progress(&progress_of(3, 10)), Some((3, 10)));
        assert_eq!(parse_progress("Question 3 of"), None);
        assert_eq!(parse_progress("Your result"), None);
    }
}
