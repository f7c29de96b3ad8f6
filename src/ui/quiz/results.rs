//! The results: score, tier and advice, the per-topic breakdown with links to what to re-read, a
//! review of every answer, the best score so far, and Retake.

use leptos::html;
use leptos::prelude::*;

use crate::present::labels;
use crate::quiz::{advice, review_line, Action, QuizResults};
use crate::ui::click::{on_click, Click};
use crate::ui::effect::effect;
use crate::ui::focus::focus_when;
use crate::ui::fresh;
use crate::ui::link::RevealLink;
use crate::ui::session::{FocusTarget, Session};

use super::shared::{BestScore, DataControls, ReadMore};

#[component]
pub fn ResultsView(session: Session) -> impl IntoView {
    let results = session.derived.results;
    let heading = NodeRef::<html::H4>::new();
    focus_when(session, FocusTarget::Results, heading);
    // Built fresh whenever the results change (see `ui::fresh`).
    let slot = fresh::slot();
    let node = slot.node;
    effect(move || {
        // The key is read, not only tracked: a tracked memo that was never computed never
        // notifies (see `ui::fresh`).
        results.with(|_| ());
        fresh::show(&slot, move || {
            results.with_untracked(|results| {
                results
                    .as_ref()
                    .map(|results| page(session, heading, results))
            })
        });
    });
    view! { <div node_ref=node></div> }
}

fn page(session: Session, heading: NodeRef<html::H4>, results: &QuizResults) -> impl IntoView {
    let breakdown = results
        .topics
        .iter()
        .map(|topic| {
            view! { <li><span>{topic.topic.label()}</span><span>{labels::tally(topic)}</span></li> }
        })
        .collect_view();
    let reread = (!results.topics_to_reread.is_empty()).then(|| {
        let links = results
            .topics_to_reread
            .iter()
            .map(|topic| {
                // Without the explainer on the page the topic is named, not linked.
                let link = session
                    .links_to_the_article()
                    .then(|| view! { <RevealLink anchor=topic.section() label=topic.label()/> });
                let plain = link.is_none().then(|| topic.label());
                view! { <li>{link}{plain}</li> }
            })
            .collect_view();
        view! {
            <p>"Worth re-reading:"</p>
            <ul>{links}</ul>
        }
    });
    let review = results
        .review
        .iter()
        .map(|item| {
            let verdict = labels::verdict(item.correct);
            view! {
                <li class=verdict.class>
                    <p><strong>{item.question.prompt}</strong></p>
                    <p>
                        <span class="ccq-verdict">{verdict.review}": "</span>
                        {review_line(item)}
                    </p>
                    <p>{item.question.explanation}</p>
                    <ReadMore session anchor=item.question.section/>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="ccq-results">
            <h4 node_ref=heading tabindex="-1">"Your result"</h4>
            <p class="ccq-score">
                {labels::score(results)}<span class="ccq-sr">" correct"</span>" ("{labels::percent(results)}")"
            </p>
            <p class="ccq-tier">{results.tier.title}</p>
            <p>{advice(results)}</p>
            <BestScore session/>
            <div class="ccq-actions">
                <button type="button" class="ccq-btn" on:click=on_click(session, Click::Quiz(Action::Retake))>
                    "Retake the quiz"
                </button>
                <DataControls session show_start_over=false/>
            </div>
            <super::share::ShareResult session/>
            <h4>"By topic"</h4>
            <ul class="ccq-breakdown">{breakdown}</ul>
            {reread}
            <h4>"Review your answers"</h4>
            <ol class="ccq-review">{review}</ol>
        </div>
    }
}
