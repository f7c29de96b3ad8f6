//! The widget's question bank as the scenarios see it: which question a legend on screen is, which
//! of its options is right, and the progress line a reader should read.

use anyhow::anyhow;
use cto_cio_quiz::content::{Question, QUESTIONS};
use cto_cio_quiz::quiz::QuestionCount;

/// The number of questions in a run on a page that does not set `questions` (the default draw).
pub fn total() -> usize {
    QuestionCount::default().of(QUESTIONS.len())
}

/// "Question i of N" for the 1-based `i`.
pub fn progress_text(i: usize) -> String {
    format!("Question {i} of {}", total())
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
