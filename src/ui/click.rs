//! The buttons that act on the session: what each does, as a [`Click`] (their handlers are
//! [`Listener`]s, see `ui::listener`), and the one rule every button of the widget follows:
//! the second click of a double click is not a press of its own. The button under it may have
//! just replaced the one the first click pressed ("Sign up again" where "Subscribe" was, "Next
//! question" where "Check answer" was), and acting on it would undo or skip what the reader
//! just did.

use leptos::ev::MouseEvent;

use crate::quiz::Action;
use crate::storage::NewsletterMemory;
use crate::ui::listener::{listener, Listener};
use crate::ui::session::Session;

/// What a button does.
#[derive(Clone, Copy)]
pub enum Click {
    /// An action on the quiz (Start, Retake, Start over).
    Quiz(Action<'static>),
    Forget,
    /// "Not now": hides the sign-up form.
    NotNow,
    /// "Show the sign-up form" or "Sign up again": undoes "Not now", or a request nobody
    /// confirmed.
    ShowSignup,
    /// "Share your result".
    Share,
}

/// The click handler of a button that does `click`.
pub fn on_click(session: Session, click: Click) -> Listener<MouseEvent> {
    listener(move |event: MouseEvent| {
        if !repeated(&event) {
            act(session, click);
        }
    })
}

/// The click handler of a submit button: a repeated click does not submit its form.
pub fn submit_once() -> Listener<MouseEvent> {
    listener(|event: MouseEvent| {
        if repeated(&event) {
            event.prevent_default();
        }
    })
}

/// A second or later click of a multi-click (`detail` counts them; a click from the keyboard or
/// a script has 0, a single press 1).
fn repeated(event: &MouseEvent) -> bool {
    event.detail() > 1
}

fn act(session: Session, click: Click) {
    match click {
        Click::Quiz(action) => session.act(action),
        Click::Forget => session.forget(),
        Click::NotNow => session.remember_newsletter(NewsletterMemory::Dismissed),
        Click::ShowSignup => session.forget_newsletter_choice(),
        Click::Share => session.share(),
    }
}
