//! The widget's root view: title, explainer, quiz and newsletter call to action, plus the one
//! click handler that keeps in-widget links inside the widget.
//!
//! Mounting happens in two tasks, so neither blocks the host page for long: the title and the
//! explainer (top of the widget) are built in the mount call itself, the quiz and the newsletter
//! (below them) in a task of their own right after it. Nothing above the quiz moves when it appears.

use std::any::Any;
use std::time::Duration;

use leptos::html;
use leptos::mount::mount_to;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::content::ARTICLE;
use crate::ui::derived::Derived;
use crate::ui::explainer::Explainer;
use crate::ui::newsletter::NewsletterSection;
use crate::ui::quiz::QuizSection;
use crate::ui::session::Session;
use crate::web::host::reveal;

/// The whole widget for one element. `session` holds its state; components find it in context.
#[component]
pub fn App(session: Session) -> impl IntoView {
    provide_context(session);
    provide_context(Derived::new(session));
    let root = NodeRef::<html::Div>::new();
    // The second stage's handle lives as long as the app: dropping it unmounts the quiz.
    let later = StoredValue::new_local(None::<Box<dyn Any>>);
    let owner = Owner::current();
    set_timeout(
        move || {
            // None once the widget was unmounted before the timer fired: nothing to build into.
            let (Some(root), Some(owner)) = (root.try_get_untracked().flatten(), owner) else {
                return;
            };
            let handle = owner.with(|| mount_to(root.unchecked_into(), interactive_part));
            let _ = later.try_set_value(Some(Box::new(handle)));
        },
        Duration::ZERO,
    );
    let explainer = session.config.with_value(|config| config.parts.explainer);
    view! {
        <div on:click=on_click node_ref=root>
            <h2>{ARTICLE.title}</h2>
            {explainer.then(|| view! { <Explainer article=&ARTICLE skip=&["newsletter"]/> })}
        </div>
    }
}

/// The quiz and the newsletter, appended after the explainer by the second stage. Built by
/// `mount_to` (under the app's owner, so they find its context) rather than returned from a
/// reactive closure, which would compile update code for this whole tree that never runs.
fn interactive_part() -> impl IntoView {
    let parts = expect_context::<Session>()
        .config
        .with_value(|config| config.parts);
    let closing = ARTICLE
        .sections
        .iter()
        .find(|section| section.id == "newsletter")
        .filter(|_| parts.newsletter);
    view! {
        {parts.quiz.then(|| view! { <QuizSection/> })}
        {closing.map(|section| view! { <NewsletterSection section/> })}
    }
}

/// Resolves a click on a link marked `data-reveal` inside this shadow root (see `ui::link`).
fn on_click(event: leptos::ev::MouseEvent) {
    let link = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .and_then(|element| element.closest("a[data-reveal]").ok().flatten());
    if let Some(link) = link {
        if let Some(anchor) = link.get_attribute("data-reveal") {
            event.prevent_default();
            reveal(&link, &anchor);
        }
    }
}
