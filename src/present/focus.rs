//! Where keyboard focus goes after a reader's action, and only then: a widget that is merely
//! loaded or reloaded never pulls focus away from the host page. Pure; `ui::focus` moves it.

use crate::quiz::{Change, Done, Phase};

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
    /// The e-mail field (after the form is shown again, or when it is what a submit got wrong).
    Email,
    /// The consent box (when it is the first thing a submit got wrong).
    Consent,
    /// The sign-up's status line (after a request ended: it says how).
    SignupStatus,
    /// The field holding a result to copy by hand (its text selected, ready to copy).
    ShareText,
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

    /// Whether the target's text is selected as it takes focus (a field offered for copying).
    pub fn selects(self) -> bool {
        self == FocusTarget::ShareText
    }
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
