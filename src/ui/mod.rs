//! Thin Leptos views over the pure modules. Each is handed the widget's [`session::Session`] (a
//! prop, not a context: no context lookup code is compiled in); they read its signals (and the
//! [`derived::Derived`] memos over them) and call its actions; the words and classes they show come
//! from `present`, so they never compute a score, pick a class or parse storage themselves.
//!
//! Side effects (the sign-up request, sharing, host-page events, focus requests) are the
//! session's (`session`, with `session::signup` and `session::share`); the views render the
//! state they leave.
//!
//! The tree, without cycles: `app` → `explainer`, `quiz` (its own folder; `quiz::shared` holds
//! the parts its screens share), `newsletter` → `explainer`; every view → `session` →
//! `saved_state` → `persisted` → `kept`; `link`, `listener`, `click`, `effect`, `focus`, `fresh`,
//! `live` and `derived` are leaves or lean only on `session`.

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
