//! The widget's root view: title, explainer, quiz and newsletter call to action, plus the one
//! click handler that keeps in-widget links inside the widget.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::content::ARTICLE;
use crate::ui::explainer::Explainer;
use crate::ui::newsletter::NewsletterSection;
use crate::ui::quiz::QuizSection;
use crate::ui::session::Session;
use crate::web::host::reveal;

/// The whole widget for one element. `session` holds its state; components find it in context.
#[component]
pub fn App(session: Session) -> impl IntoView {
    provide_context(session);
    // Anchors live inside this shadow root, where a plain `href="#focus"` would look in the host
    // document instead: links marked `data-reveal` are resolved here.
    let on_click = |event: leptos::ev::MouseEvent| {
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
    };
    let parts = session.config.with_value(|config| config.parts);
    let closing = ARTICLE
        .sections
        .iter()
        .find(|section| section.id == "newsletter")
        .filter(|_| parts.newsletter);
    view! {
        <div on:click=on_click>
            <h2>{ARTICLE.title}</h2>
            {parts.explainer.then(|| view! { <Explainer article=&ARTICLE skip=&["newsletter"]/> })}
            {parts.quiz.then(|| view! { <QuizSection/> })}
            {closing.map(|section| view! { <NewsletterSection section/> })}
        </div>
    }
}
