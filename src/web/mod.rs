//! The web edges: the only code that touches browser APIs. Each file owns one of them, and each
//! turns the browser's failures into values the pure modules understand; nothing here panics.

pub mod clock;
pub mod console;
pub mod events;
pub mod host;
pub mod share;
pub mod store;
pub mod submit;
pub mod trusted_html;
