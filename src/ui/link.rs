//! The one component for in-widget links. Anchors live inside the shadow root, where a plain
//! `href="#focus"` would look in the host document: `data-reveal` marks the link for the app's one
//! click handler, which scrolls to and focuses the target there. (The article's chip nav is inert
//! HTML and writes the same markup in `present::html`.)

use leptos::prelude::*;

/// `{prefix}{label}`, linking to the element with id `anchor` inside the widget.
#[component]
pub fn RevealLink(
    anchor: &'static str,
    label: &'static str,
    /// Words before the label ("Read more: ").
    #[prop(optional)]
    prefix: &'static str,
) -> impl IntoView {
    view! { <a href=["#", anchor].concat() data-reveal=anchor>{prefix}{label}</a> }
}
