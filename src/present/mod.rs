//! What the views show, decided here and tested natively: the article's inert HTML ([`html`]),
//! the quiz's and newsletter's display rules and lines ([`labels`]), what a shared result says
//! ([`share`]), what the sign-up says it remembers ([`newsletter`]) and where focus goes after an
//! action ([`focus`]). The components in `ui` only place these values; they never pick a class or
//! a word themselves.

pub mod focus;
pub mod html;
pub mod labels;
pub mod newsletter;
pub mod share;
pub mod stages;
