//! The engine's tests, one file per concern; fixtures live in `quiz::testing`.

mod action;
mod engine;
#[cfg(not(target_arch = "wasm32"))]
mod props;
mod restore;
mod results;
