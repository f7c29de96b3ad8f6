//! The widget's content as data: the article the explainer renders, the quiz's question bank and the
//! result tiers. Components read it; nothing here knows about the DOM. `validate` checks it all.

pub mod article;
pub mod questions;
pub mod tiers;
pub mod types;
pub mod validate;

pub use article::ARTICLE;
pub use questions::QUESTIONS;
pub use tiers::TIERS;
pub use types::*;
