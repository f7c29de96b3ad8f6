//! Every effect in the widget runs through [`effect`]. Leptos compiles its effect machinery (the
//! task that waits for the graph's notifications and runs the closure again) once per closure
//! type; behind one boxed type it is compiled once, and each effect is only its closure.

use leptos::prelude::*;

/// Runs `run` once and again whenever a signal it read has changed, as `Effect::new` does, under
/// the current owner. What it needs to remember between runs (what it built last) it keeps in
/// its own captured state.
pub fn effect(run: impl FnMut() + 'static) {
    boxed(Box::new(run));
}

// The one sanctioned `Effect::new` (clippy.toml disallows it everywhere else).
#[allow(clippy::disallowed_methods)]
fn boxed(mut run: Box<dyn FnMut()>) {
    Effect::new(move |_| run());
}
