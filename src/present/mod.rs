//! What the views show, decided here and tested natively: the article's inert HTML ([`html`]),
//! the quiz's and newsletter's display rules and lines ([`labels`]) and what a shared result says
//! ([`share`]). The components in `ui` only place these values; they never pick a class or a word
//! themselves.

pub mod html;
pub mod labels;
pub mod share;
