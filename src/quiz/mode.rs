//! When the reader learns whether an answer was right: after each question, or in a review at the end.

/// Chosen by the blog owner with the `feedback` attribute. Saved by variant name
/// (`"Instant"`, `"AtEnd"`), as every release has written it; read back through a plain string
/// (smaller than serde's enum visitor, which also accepts forms never written).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "String")]
pub enum FeedbackMode {
    /// Each checked answer shows right or wrong, the right answer and the explanation at once.
    #[default]
    Instant,
    /// Answers are recorded silently; the results page reviews them all.
    AtEnd,
}

impl TryFrom<String> for FeedbackMode {
    type Error = &'static str;

    fn try_from(name: String) -> Result<FeedbackMode, &'static str> {
        match name.as_str() {
            "Instant" => Ok(FeedbackMode::Instant),
            "AtEnd" => Ok(FeedbackMode::AtEnd),
            _ => Err("unknown feedback mode"),
        }
    }
}
