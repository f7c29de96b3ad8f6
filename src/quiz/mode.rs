//! When the reader learns whether an answer was right: after each question, or in a review at the end.

/// Chosen by the blog owner with the `feedback` attribute. Saved by variant name
/// (`"Instant"`, `"AtEnd"`), as every release has written it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum FeedbackMode {
    /// Each checked answer shows right or wrong, the right answer and the explanation at once.
    #[default]
    Instant,
    /// Answers are recorded silently; the results page reviews them all.
    AtEnd,
}
