//! Moving keyboard focus to what the session asks for ([`FocusTarget`], decided in
//! `present::focus`) once the element is in the DOM. Every `.focus()` the views need goes through
//! here.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::present::focus::FocusTarget;
use crate::ui::effect::effect;
use crate::ui::session::Session;

/// Focuses `node` once it is in the DOM whenever the session asks for `target`.
pub fn focus_when<E>(session: Session, target: FocusTarget, node: NodeRef<E>)
where
    E: leptos::html::ElementType,
    E::Output: JsCast + Clone + 'static,
{
    // Only reading the node is generic: one effect's code serves every element type.
    focus_effect(
        session,
        target,
        Box::new(move || node.get().map(JsCast::unchecked_into)),
    );
}

fn focus_effect(
    session: Session,
    target: FocusTarget,
    node: Box<dyn Fn() -> Option<web_sys::HtmlElement>>,
) {
    effect(move || {
        let Some(element) = node() else { return };
        if session.take_focus(target) {
            let _ = element.focus();
            if target.selects() {
                if let Some(input) = element.dyn_ref::<web_sys::HtmlInputElement>() {
                    input.select();
                }
            }
        }
    });
}
