//! Thin Leptos views over the pure modules. They read a [`session::Session`]'s signals and call its
//! actions; they never compute a score or parse storage themselves.

pub mod app;
pub mod explainer;
pub mod focus;
pub mod newsletter;
pub mod persisted;
pub mod question;
pub mod quiz;
pub mod results;
pub mod session;
