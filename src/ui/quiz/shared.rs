//! The parts several quiz screens show: the best score, the data controls and "Read more" links.

use leptos::prelude::*;

use crate::content::ARTICLE;
use crate::present::labels;
use crate::quiz::Action;
use crate::ui::click::{on_click, Click};
use crate::ui::link::RevealLink;
use crate::ui::session::Session;

/// "Your best so far: 12 / 16 (75%) · 3 attempts", once there is a finished attempt.
#[component]
pub fn BestScore(session: Session) -> impl IntoView {
    move || {
        session
            .history
            .with(|history| labels::best_score(history))
            .map(|line| view! { <p class="ccq-history">{line}</p> })
    }
}

/// Start over (abandon this attempt) and Forget my data (remove everything the widget saved).
#[component]
pub fn DataControls(session: Session, show_start_over: bool) -> impl IntoView {
    let has_data = move || session.anything_to_forget();
    view! {
        {show_start_over
            .then(|| {
                view! {
                    <button type="button" class="ccq-link-btn" on:click=on_click(session, Click::Quiz(Action::StartOver))>
                        "Start over"
                    </button>
                }
            })}
        {move || {
            has_data()
                .then(|| {
                    view! {
                        <button type="button" class="ccq-link-btn" on:click=on_click(session, Click::Forget)>
                            "Forget my data"
                        </button>
                    }
                })
        }}
    }
}

/// "Read more: Focus areas", a link that scrolls to and focuses that part of the explainer.
#[component]
pub fn ReadMore(session: Session, anchor: &'static str) -> impl IntoView {
    // Without the explainer on the page a link would point nowhere: it is left out.
    session.links_to_the_article().then(|| {
        let heading = ARTICLE.heading_of(anchor).unwrap_or("the article");
        view! {
            <p>
                <RevealLink anchor prefix="Read more: " label=heading/>
            </p>
        }
    })
}
