//! The widget's root view: title, explainer, quiz and newsletter call to action, plus the one
//! click handler that keeps in-widget links inside the widget.
//!
//! Mounting happens in three tasks, so none blocks the host page for long: the session and the
//! title in the mount call itself, then the explainer, then the quiz and the newsletter, each in a
//! task of its own and appended below the one before (the widget is shown only once all are in).

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
    // The later parts' mount handles live as long as the app: dropping one unmounts its part.
    let stages: Stages = StoredValue::new_local(Vec::new());
    let explainer = session.config.with_value(|config| config.parts.explainer);
    // One task per part, each set now so they run in this order (timers of equal delay run in
    // the order they were set), and each appending below the one before.
    if explainer {
        later(root, stages, || {
            view! { <Explainer article=&ARTICLE skip=&["newsletter"]/> }
        });
    }
    later(root, stages, interactive_part);
    view! {
        <div on:click=on_click node_ref=root>
            <h2>{ARTICLE.title}</h2>
        </div>
    }
}

/// Appends `part` to `root` in a task of its own, under the app's owner (so it finds its
/// context), keeping its handle in `stages`. Built by `mount_to` rather than returned
/// from a reactive closure, which would compile update code for the whole part that never runs.
fn later<N: IntoView + 'static>(root: NodeRef<html::Div>, stages: Stages, part: fn() -> N) {
    let owner = Owner::current();
    set_timeout(
        move || {
            // None once the widget was unmounted before the timer fired: nothing to build into.
            let (Some(root), Some(owner)) = (root.try_get_untracked().flatten(), owner) else {
                return;
            };
            let handle = owner.with(|| mount_to(root.unchecked_into(), part));
            let _ = stages.try_update_value(|stages| stages.push(Box::new(handle)));
        },
        Duration::ZERO,
    );
}

/// The mount handles of the parts built in later tasks (the explainer, then the rest).
type Stages = StoredValue<Vec<Box<dyn Any>>, LocalStorage>;

/// The quiz and the newsletter, appended after the explainer by the last stage.
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
