//! Moving keyboard focus where the reader needs it after an action, and only then: a widget that
//! is merely loaded or reloaded never pulls focus away from the host page.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::ui::session::{FocusTarget, Session};

/// Focuses `node` once it is in the DOM whenever the session asks for `target`.
pub fn focus_when<E>(session: Session, target: FocusTarget, node: NodeRef<E>)
where
    E: leptos::html::ElementType,
    E::Output: JsCast + Clone + 'static,
{
    Effect::new(move |_| {
        let Some(element) = node.get() else { return };
        if session.take_focus(target) {
            if let Some(element) = element.dyn_ref::<web_sys::HtmlElement>() {
                let _ = element.focus();
            }
        }
    });
}
