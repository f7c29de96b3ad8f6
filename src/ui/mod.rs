//! Thin Leptos views over the pure modules. Each is handed the widget's [`session::Session`] (a
//! prop, not a context: no context lookup code is compiled in); they read its signals (and the
//! [`derived::Derived`] memos over them) and call its actions; the words and classes they show come
//! from `present`, so they never compute a score, pick a class or parse storage themselves.
//!
//! The tree, without cycles: `app` → `explainer`, `quiz` (its own folder; `quiz::shared` holds
//! the parts its screens share), `newsletter` → `explainer`; `link`, `listener`, `click`, `effect`, `focus`, `fresh` and `derived` are leaves.

pub mod app;
pub mod click;
pub mod derived;
pub mod effect;
pub mod explainer;
pub mod focus;
pub mod fresh;
pub mod kept;
pub mod link;
pub mod listener;
pub mod live;
pub mod newsletter;
pub mod persisted;
pub mod quiz;
pub mod saved_state;
pub mod session;
