//! The results: score, tier and advice, the per-topic breakdown with links to what to re-read, a
//! review of every answer, the best score so far, and Retake.

use leptos::html;
use leptos::prelude::*;

use crate::content::TIERS;
use crate::quiz::{advice, review_line, score_text};
use crate::ui::focus::focus_when;
use crate::ui::question::ReadMore;
use crate::ui::quiz::{BestScore, DataControls};
use crate::ui::session::{FocusTarget, Session};

#[component]
pub fn ResultsView() -> impl IntoView {
    let session = expect_context::<Session>();
    let heading = NodeRef::<html::H4>::new();
    focus_when(session, FocusTarget::Results, heading);
    let results = move || session.quiz.with(|quiz| quiz.results(TIERS));
    move || {
        results().map(|results| {
            let score_line = score_text(results.score, results.total);
            let percent = [&*results.percent.to_string(), "%"].concat();
            let breakdown = results
                .topics
                .iter()
                .map(|topic| {
                    let tally = score_text(topic.correct, topic.total);
                    view! { <li><span>{topic.topic.label()}</span><span>{tally}</span></li> }
                })
                .collect_view();
            let reread = (!results.topics_to_reread.is_empty()).then(|| {
                let links = results
                    .topics_to_reread
                    .iter()
                    .map(|topic| {
                        let anchor = topic.section();
                        let link = session.links_to_the_article().then(|| {
                            view! { <a href=["#", anchor].concat() data-reveal=anchor>{topic.label()}</a> }
                        });
                        let plain = (link.is_none()).then(|| topic.label());
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
                    let verdict = if item.correct { "Right" } else { "Wrong" };
                    let class = if item.correct { "ccq-is-right" } else { "ccq-is-wrong" };
                    view! {
                        <li class=class>
                            <p><strong>{item.question.prompt}</strong></p>
                            <p>
                                <span class="ccq-verdict">{verdict}": "</span>
                                {review_line(item)}
                            </p>
                            <p>{item.question.explanation}</p>
                            <ReadMore anchor=item.question.section/>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <div class="ccq-results">
                    <h4 node_ref=heading tabindex="-1">"Your result"</h4>
                    <p class="ccq-score">{score_line}<span class="ccq-sr">" correct, "</span>" ("{percent}")"</p>
                    <p class="ccq-tier">{results.tier.title}</p>
                    <p>{advice(&results)}</p>
                    <BestScore/>
                    <div class="ccq-actions">
                        <button type="button" class="ccq-btn" on:click=move |_| session.retake()>
                            "Retake the quiz"
                        </button>
                        <DataControls show_start_over=false/>
                    </div>
                    <h4>"By topic"</h4>
                    <ul class="ccq-breakdown">{breakdown}</ul>
                    {reread}
                    <h4>"Review your answers"</h4>
                    <ol class="ccq-review">{review}</ol>
                </div>
            }
        })
    }
}
