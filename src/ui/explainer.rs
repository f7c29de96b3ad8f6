//! The article, rendered from `content::ARTICLE`: one `<section>` per part of the article, each
//! with an in-widget anchor. A section never changes once mounted, so its inside is one inert HTML
//! string built from the crate's constants by `present::html` (every text escaped there): one
//! element type here instead of a view type per element of the article.

use leptos::prelude::*;

use crate::content::{Article, Section};
use crate::present::html::{heading_id, section_body};

/// Every section of `article` except the ones listed in `skip` (rendered elsewhere in the widget).
#[component]
pub fn Explainer(
    /// The article to render.
    article: &'static Article,
    /// Section ids that another component renders in its own place.
    #[prop(default = &[])]
    skip: &'static [&'static str],
) -> impl IntoView {
    article
        .sections
        .iter()
        .filter(|section| !skip.contains(&section.id))
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
