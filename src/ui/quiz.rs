//! The quiz section: its heading, the start screen, the current question or the results, and the
//! data controls ("Start over", "Forget my data"). Which screen shows is the engine's phase.

use leptos::html;
use leptos::prelude::*;

use crate::content::QUIZ_TITLE;
use crate::quiz::start_intro;
use crate::quiz::{score_text, Phase};
use crate::storage;
use crate::ui::focus::focus_when;
use crate::ui::question::QuestionView;
use crate::ui::results::ResultsView;
use crate::ui::session::{FocusTarget, Session};

#[derive(Clone, Copy, PartialEq)]
enum Screen {
    Start,
    Question,
    Results,
}

#[component]
pub fn QuizSection() -> impl IntoView {
    let session = expect_context::<Session>();
    // Only a change of screen rebuilds the view: within a question, selecting and checking update
    // the existing elements, so keyboard focus stays where it is.
    let screen = Memo::new(move |_| match session.quiz.with(|quiz| quiz.phase()) {
        Phase::NotStarted => Screen::Start,
        Phase::Asking { .. } | Phase::Feedback { .. } => Screen::Question,
        Phase::Finished => Screen::Results,
    });
    let screen = move || match screen.get() {
        Screen::Start => view! { <StartScreen/> }.into_any(),
        Screen::Question => view! { <QuestionView/> }.into_any(),
        Screen::Results => view! { <ResultsView/> }.into_any(),
    };
    view! {
        <section class="ccq-section ccq-quiz" id="quiz" aria-labelledby="quiz-title">
            <h3 id="quiz-title" tabindex="-1">{QUIZ_TITLE}</h3>
            <Show when=move || !session.persistent.get()>
                <p class="ccq-note">
                    "This browser isn’t letting the page save your progress, so it will be lost if you leave or reload."
                </p>
            </Show>
            {screen}
            <p class="ccq-sr" aria-live="polite">{move || session.notice.get()}</p>
        </section>
    }
}

/// What the quiz is, how long it takes, and the reader's best score so far.
#[component]
fn StartScreen() -> impl IntoView {
    let session = expect_context::<Session>();
    let button = NodeRef::<html::Button>::new();
    focus_when(session, FocusTarget::Start, button);
    let total = session.quiz.with_untracked(|quiz| quiz.total());
    let intro = start_intro(total, session.links_to_the_article());
    view! {
        <p>{intro}</p>
        <BestScore/>
        <div class="ccq-actions">
            <button type="button" class="ccq-btn" node_ref=button on:click=move |_| session.start()>
                "Start the quiz"
            </button>
            <DataControls show_start_over=false/>
        </div>
    }
}

/// "Your best so far: 12 / 16 (75%) · 3 attempts", once there is a finished attempt.
#[component]
pub fn BestScore() -> impl IntoView {
    let session = expect_context::<Session>();
    move || {
        session.history.with(|history| {
            storage::best(history).map(|best| {
                let attempts = history.len();
                let line = [
                    "Your best so far: ",
                    &score_text(best.score, best.total),
                    " (",
                    &best.percent().to_string(),
                    "%) · ",
                    &attempts.to_string(),
                    if attempts == 1 {
                        " attempt"
                    } else {
                        " attempts"
                    },
                ]
                .concat();
                view! { <p class="ccq-history">{line}</p> }
            })
        })
    }
}

/// Start over (abandon this attempt) and Forget my data (remove everything the widget saved).
#[component]
pub fn DataControls(show_start_over: bool) -> impl IntoView {
    let session = expect_context::<Session>();
    let has_data = move || session.anything_to_forget();
    view! {
        <Show when=move || show_start_over>
            <button type="button" class="ccq-link-btn" on:click=move |_| session.start_over()>
                "Start over"
            </button>
        </Show>
        <Show when=has_data>
            <button type="button" class="ccq-link-btn" on:click=move |_| session.forget()>
                "Forget my data"
            </button>
        </Show>
    }
}
