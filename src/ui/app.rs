//! The widget's root view: title, explainer, quiz and newsletter call to action, plus the one
//! click handler that keeps in-widget links inside the widget.
//!
//! Mounting happens in two tasks, so neither blocks the host page for long: the title and the
//! explainer (top of the widget) are built in the mount call itself, the quiz and the newsletter
//! (below them) in a task of their own right after it. Nothing above the quiz moves when it appears.

use std::time::Duration;

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
    let closing = ARTICLE
        .sections
        .iter()
        .find(|section| section.id == "newsletter");
    let interactive = RwSignal::new(false);
    // A disposed widget (unmounted before the timer fires) ignores the late set.
    set_timeout(
        move || {
            let _ = interactive.try_set(true);
        },
        Duration::ZERO,
    );
    view! {
        <div on:click=on_click>
            <h2>{ARTICLE.title}</h2>
            <Explainer article=&ARTICLE skip=&["newsletter"]/>
            {move || {
                interactive
                    .get()
                    .then(|| {
                        view! {
                            <QuizSection/>
                            {closing.map(|section| view! { <NewsletterSection section/> })}
                        }
                    })
            }}
        </div>
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
