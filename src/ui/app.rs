//! The widget's root view: title, explainer, quiz and newsletter call to action, plus the one
//! click handler that keeps in-widget links inside the widget.
//!
//! Mounting is spread over several tasks, so none blocks the host page for long: the session and
//! the title in the mount call itself, then each part (the explainer in two, the quiz, the
//! newsletter) in a task of its own after the next frame, appended below the one before. The frame in between
//! lets the browser style and lay out one part at a time (embed.js keeps the widget laid out but
//! invisible meanwhile); once the last part is built and laid out, the loader is told and reveals
//! the whole widget at once.

use std::any::Any;
use std::time::Duration;

use leptos::html;
use leptos::mount::mount_to;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::content::{Section, ARTICLE};
use crate::present::stages::explainer_split;
use crate::ui::explainer::Explainer;
use crate::ui::fresh::Mounted;
use crate::ui::listener::listener;
use crate::ui::newsletter::NewsletterSection;
use crate::ui::quiz::QuizSection;
use crate::ui::session::Session;
use crate::web::host::{reveal, Built};

/// The whole widget for one element. `session` holds its state; every component is handed it.
/// `built` is told once every part is in.
#[component]
pub fn App(session: Session, built: Built) -> impl IntoView {
    let root = NodeRef::<html::Div>::new();
    let parts = session.with_config(|config| config.parts);
    let mut later: Vec<Part> = Vec::with_capacity(4);
    if parts.explainer {
        later.extend([explainer_opening as Part, explainer_rest]);
    }
    if parts.quiz {
        later.push(quiz_part);
    }
    if parts.newsletter {
        later.push(newsletter_part);
    }
    let stages = Stages {
        root,
        session,
        owner: Owner::current(),
        // The later parts' mount handles live as long as the app: dropping one unmounts its part.
        mounted: StoredValue::new_local(Vec::new()),
    };
    build_after_frame(stages, later.into_iter(), built);
    view! {
        <div on:click=listener(on_click) node_ref=root>
            <h2>{ARTICLE.title}</h2>
        </div>
    }
}

/// The id of the article's closing section, shown with the sign-up rather than in the explainer.
const NEWSLETTER_SECTION: &str = "newsletter";

/// Builds one part into the widget's root and returns its mount handle.
type Part = fn(web_sys::HtmlElement, Session) -> Box<dyn Any>;

/// Where the later parts go, the session they show, the app's owner they are built under (so
/// they are disposed with it), and their mount handles.
struct Stages {
    root: NodeRef<html::Div>,
    session: Session,
    owner: Option<Owner>,
    mounted: Mounted,
}

/// After the next frame, in a task of its own, builds the next of `rest` (then schedules the one
/// after it), or tells `built` once none is left. A frame and then a timer: the frame lays out
/// what the previous task built, and the timer starts the next part after that rendering instead
/// of in the frame's own task.
fn build_after_frame(stages: Stages, mut rest: std::vec::IntoIter<Part>, built: Built) {
    request_animation_frame(move || {
        set_timeout(
            move || {
                let Some(part) = rest.next() else {
                    built.tell();
                    return;
                };
                // None once the widget was unmounted meanwhile: nothing to build into.
                let (Some(root), Some(owner)) =
                    (stages.root.try_get_untracked().flatten(), &stages.owner)
                else {
                    return;
                };
                let handle = owner.with(|| part(root.unchecked_into(), stages.session));
                if stages
                    .mounted
                    .try_update_value(|mounted| mounted.push(handle))
                    .is_some()
                {
                    build_after_frame(stages, rest, built);
                }
            },
            Duration::ZERO,
        );
    });
}

/// Mounts `part` into `root`. Built by `mount_to` rather than returned from a reactive closure,
/// which would compile update code for the whole part that never runs.
fn mounted<N: IntoView + 'static>(
    root: web_sys::HtmlElement,
    part: impl FnOnce() -> N + 'static,
) -> Box<dyn Any> {
    Box::new(mount_to(root, part))
}

/// The article's sections but the closing one (the newsletter part shows it), and where they
/// split into the explainer's two parts.
fn explainer_sections() -> (Vec<&'static Section>, usize) {
    let sections: Vec<&'static Section> = ARTICLE
        .sections
        .iter()
        .filter(|section| section.id != NEWSLETTER_SECTION)
        .collect();
    let split = explainer_split(&sections);
    (sections, split)
}

fn explainer_opening(root: web_sys::HtmlElement, _: Session) -> Box<dyn Any> {
    let (mut sections, split) = explainer_sections();
    sections.truncate(split);
    mounted(root, move || view! { <Explainer sections/> })
}

fn explainer_rest(root: web_sys::HtmlElement, _: Session) -> Box<dyn Any> {
    let (mut sections, split) = explainer_sections();
    sections.drain(..split);
    mounted(root, move || view! { <Explainer sections/> })
}

fn quiz_part(root: web_sys::HtmlElement, session: Session) -> Box<dyn Any> {
    mounted(root, move || view! { <QuizSection session/> })
}

/// The article's closing section and the sign-up, below the quiz.
fn newsletter_part(root: web_sys::HtmlElement, session: Session) -> Box<dyn Any> {
    mounted(root, move || {
        ARTICLE
            .sections
            .iter()
            .find(|section| section.id == NEWSLETTER_SECTION)
            .map(|section| view! { <NewsletterSection session section/> })
    })
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
