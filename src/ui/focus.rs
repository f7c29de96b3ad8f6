//! Moving keyboard focus where the reader needs it after an action, and only then: a widget that
//! is merely loaded or reloaded never pulls focus away from the host page.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::ui::session::Session;

/// Where keyboard focus should go after the reader's last action, once the view has updated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FocusTarget {
    /// The new question (after Start, Next or Retake).
    Question,
    /// The quiz's main button (after Check, whose radios become disabled).
    Action,
    /// The results heading.
    Results,
    /// The start screen's button (after Start over or Forget my data).
    Start,
    /// "Show the sign-up form" (after Not now hid the form).
    ShowSignup,
    /// The e-mail field (after the form is shown again).
    Email,
}

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
