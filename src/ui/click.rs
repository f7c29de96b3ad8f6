//! The buttons that act on the session: what each does, as a [`Click`] (their handlers are
//! [`Listener`]s, see `ui::listener`).

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
    listener(move |_| act(session, click))
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
