//! The article, rendered from `content::ARTICLE`: one section per part of the article, each with an
//! in-widget anchor, the race-car analogy and the five differences as side-by-side CTO | CIO pairs.
//! All text is rendered as text.

use leptos::prelude::*;

use crate::content::{Article, Block, Dimension, RolePair, Section};

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

/// One section: an `h3` heading (the widget's title is the `h2`) that can take focus, so an in-widget
/// link can move a keyboard user there.
#[component]
pub fn ArticleSection(section: &'static Section) -> impl IntoView {
    let heading_id = [section.id, "-title"].concat();
    let labelled_by = heading_id.clone();
    view! {
        <section class="ccq-section" id=section.id aria-labelledby=labelled_by>
            <h3 id=heading_id tabindex="-1">{section.heading}</h3>
            {section.blocks.iter().map(block).collect_view()}
        </section>
    }
}

fn block(block: &'static Block) -> AnyView {
    match block {
        Block::Paragraph(text) => view! { <p>{*text}</p> }.into_any(),
        Block::Bullets(items) => view! {
            <ul class="ccq-bullets">{items.iter().map(|item| view! { <li>{*item}</li> }).collect_view()}</ul>
        }
        .into_any(),
        Block::RolePair(pair) => view! { <RolePairCards pair/> }.into_any(),
        Block::Comparison(dimensions) => view! { <Comparison dimensions/> }.into_any(),
    }
}

/// The analogy's two roles as two cards, CTO first.
#[component]
fn RolePairCards(pair: &'static RolePair) -> impl IntoView {
    view! {
        <div class="ccq-pair">
            <RoleCard role="cto" label=pair.cto_label text=pair.cto/>
            <RoleCard role="cio" label=pair.cio_label text=pair.cio/>
        </div>
    }
}

/// The five differences: a row per dimension, each readable on its own (a heading and both sides),
/// so a reader can scan down one column or across one dimension.
#[component]
fn Comparison(dimensions: &'static [Dimension]) -> impl IntoView {
    view! {
        <nav class="ccq-dims-nav" aria-label="The five differences">
            <ul>
                {dimensions
                    .iter()
                    .map(|dimension| {
                        let href = ["#", dimension.id].concat();
                        view! { <li><a href=href data-reveal=dimension.id>{dimension.heading}</a></li> }
                    })
                    .collect_view()}
            </ul>
        </nav>
        <div class="ccq-dims">
            {dimensions
                .iter()
                .map(|dimension| {
                    let heading_id = [dimension.id, "-title"].concat();
                    let labelled_by = heading_id.clone();
                    view! {
                        <div class="ccq-dim" id=dimension.id role="group" aria-labelledby=labelled_by>
                            <h4 id=heading_id tabindex="-1">{dimension.heading}</h4>
                            <div class="ccq-pair">
                                <RoleCard role="cto" label="CTO" text=dimension.cto/>
                                <RoleCard role="cio" label="CIO" text=dimension.cio/>
                            </div>
                        </div>
                    }
                })
                .collect_view()}
        </div>
    }
}

/// One role's side of a pair, marked by colour AND by its label (never colour alone).
#[component]
fn RoleCard(role: &'static str, label: &'static str, text: &'static str) -> impl IntoView {
    view! {
        <div class=["ccq-role ccq-role-", role].concat()>
            <p class="ccq-role-label">{label}</p>
            <p>{text}</p>
        </div>
    }
}
