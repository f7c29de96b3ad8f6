//! The buttons that act on the session, through one handler type: every `on:click` made with
//! [`on_click`] shares one copy of Leptos's listener code, where a closure per button compiles
//! one copy each.

use leptos::ev::MouseEvent;

use crate::quiz::Action;
use crate::storage::NewsletterMemory;
use crate::ui::session::Session;

/// What a button does.
#[derive(Clone, Copy)]
pub enum Click {
    /// An action on the quiz (Start, Retake, Start over).
    Quiz(Action<'static>),
    Forget,
    /// "Not now": hides the sign-up form.
    NotNow,
    /// "Show the sign-up form": undoes "Not now".
    ShowSignup,
}

/// The click handler of a button that does `click`.
pub fn on_click(session: Session, click: Click) -> impl Fn(MouseEvent) + Clone + 'static {
    move |_| act(session, click)
}

fn act(session: Session, click: Click) {
    match click {
        Click::Quiz(action) => session.act(action),
        Click::Forget => session.forget(),
        Click::NotNow => session.remember_newsletter(NewsletterMemory::Dismissed),
        Click::ShowSignup => session.forget_newsletter_choice(),
    }
}
