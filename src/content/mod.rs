//! The widget's content as data: the article the explainer renders, the quiz's question bank and the
//! result tiers. Components read it; nothing here knows about the DOM. `validate` checks it all.

pub mod article;
pub mod questions;
pub mod sentences;
pub mod tiers;
pub mod types;
pub mod validate;

#[cfg(test)]
mod facts;
#[cfg(test)]
mod guessing;
#[cfg(test)]
mod style;

pub use article::{ARTICLE, QUIZ_TITLE};
pub use questions::QUESTIONS;
pub use tiers::TIERS;
pub use types::*;
