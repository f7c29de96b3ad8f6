//! Moving keyboard focus where the reader needs it after an action, and only then: a widget that
//! is merely loaded or reloaded never pulls focus away from the host page.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::quiz::{Change, Done, Phase};
use crate::ui::effect::effect;
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

impl FocusTarget {
    /// Where focus goes after a quiz action: to what replaced the control the reader used.
    /// Choosing an option moves nothing; the reader is still on the radios.
    pub fn after(done: Done) -> Option<FocusTarget> {
        let moved_on = || match done.phase {
            Phase::Finished => FocusTarget::Results,
            Phase::Feedback { .. } => FocusTarget::Action,
            Phase::NotStarted | Phase::Asking { .. } => FocusTarget::Question,
        };
        match done.change {
            Change::Selected => None,
            Change::StartedOver => Some(FocusTarget::Start),
            Change::Started | Change::Answered { .. } | Change::MovedOn => Some(moved_on()),
        }
    }
}

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
        }
    });
}

#[cfg(test)]
mod tests {
    use super::FocusTarget;
    use crate::quiz::{Change, Done, Phase};

    fn after(change: Change, phase: Phase) -> Option<FocusTarget> {
        FocusTarget::after(Done { change, phase })
    }

    const ANSWERED: Change = Change::Answered {
        question_id: "q",
        correct: true,
    };

    #[test]
    fn focus_follows_what_replaced_the_control_used() {
        let asking = Phase::Asking { index: 1 };
        assert_eq!(
            after(Change::Started, Phase::Asking { index: 0 }),
            Some(FocusTarget::Question)
        );
        assert_eq!(after(Change::Selected, asking), None);
        // Instant feedback: the radios are disabled, Next is the way on.
        assert_eq!(
            after(ANSWERED, Phase::Feedback { index: 1 }),
            Some(FocusTarget::Action)
        );
        // End-of-quiz feedback: Check moved straight to the next question, or to the results.
        assert_eq!(after(ANSWERED, asking), Some(FocusTarget::Question));
        assert_eq!(after(ANSWERED, Phase::Finished), Some(FocusTarget::Results));
        assert_eq!(after(Change::MovedOn, asking), Some(FocusTarget::Question));
        assert_eq!(
            after(Change::MovedOn, Phase::Finished),
            Some(FocusTarget::Results)
        );
        assert_eq!(
            after(Change::StartedOver, Phase::NotStarted),
            Some(FocusTarget::Start)
        );
    }
}
