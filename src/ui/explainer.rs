//! The article, rendered from `content::ARTICLE`: one `<section>` per part of the article, each
//! with an in-widget anchor. A section never changes once mounted, so its inside is one inert HTML
//! string built from the crate's constants by `present::html` (every text escaped there): one
//! element type here instead of a view type per element of the article.

use leptos::prelude::*;

use crate::content::Section;
use crate::present::html::{heading_id, section_body};

/// These sections of the article, in order.
#[component]
pub fn Explainer(
    /// The sections to render (the explainer is built in parts, see `present::stages`).
    sections: Vec<&'static Section>,
) -> impl IntoView {
    sections
        .into_iter()
        .map(|section| view! { <ArticleSection section/> })
        .collect_view()
}

/// One section: an `h3` heading (the widget's title is the `h2`) that can take focus, so an
/// in-widget link can move a keyboard user there, then its blocks.
#[component]
pub fn ArticleSection(section: &'static Section) -> impl IntoView {
    view! {
        <section
            class="ccq-section"
            id=section.id
            aria-labelledby=heading_id(section.id)
            inner_html=section_body(section)
        ></section>
    }
}
