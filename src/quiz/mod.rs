//! The quiz engine (pure): the state machine, the seeded plan, scoring, tiers, the per-topic
//! breakdown and the restore of a saved run. The UI calls these methods and never scores itself.

mod action;
pub mod draw;
mod engine;
pub mod mode;
mod plan;
mod restore;
mod results;
mod shuffle;
mod wording;

pub use action::{Action, Change, Done};
pub use draw::{minutes_for, QuestionCount};
pub use engine::{ActionError, CurrentQuestion, Outcome, Phase, Quiz};
pub use mode::FeedbackMode;
pub use restore::{RestoreError, Restored};
pub use results::{percent, QuizResults, ReviewItem, TopicScore};
pub use wording::{advice, review_line, score_text, share_text, start_intro, topic_list};

#[cfg(test)]
pub(crate) mod testing;
#[cfg(test)]
mod tests;
