//! The quiz section: its heading, the start screen, the current question or the results, and the
//! data controls ("Start over", "Forget my data"). Which screen shows is the engine's phase.
//!
//! `question` and `results` are the two screens after the start; the parts they and the start
//! screen share live in `shared`, which imports neither; the results' Share button is `share`.

mod question;
mod results;
mod share;
mod shared;

use leptos::html;
use leptos::prelude::*;

use crate::content::QUIZ_TITLE;
use crate::quiz::{start_intro, Action, Phase};
use crate::ui::click::{on_click, Click};
use crate::ui::effect::effect;
use crate::ui::focus::focus_when;
use crate::ui::fresh;
use crate::ui::live::live;
use crate::ui::session::{FocusTarget, Session};

use question::QuestionView;
use results::ResultsView;
use shared::{BestScore, DataControls};

#[derive(Clone, Copy, PartialEq)]
enum Screen {
    Start,
    Question,
    Results,
}

#[component]
pub fn QuizSection(session: Session) -> impl IntoView {
    // Only a change of screen rebuilds the view: within a question, selecting and checking update
    // the existing elements, so keyboard focus stays where it is.
    // Each screen is built fresh into its slot when the screen changes (see `ui::fresh`).
    let slot = fresh::slot();
    let node = slot.node;
    let mut built = None;
    effect(move || {
        let screen = match session.quiz.with(|quiz| quiz.phase()) {
            Phase::NotStarted => Screen::Start,
            Phase::Asking { .. } | Phase::Feedback { .. } => Screen::Question,
            Phase::Finished => Screen::Results,
        };
        if built != Some(screen) {
            match screen {
                Screen::Start => fresh::show(&slot, move || view! { <StartScreen session/> }),
                Screen::Question => fresh::show(&slot, move || view! { <QuestionView session/> }),
                Screen::Results => fresh::show(&slot, move || view! { <ResultsView session/> }),
            }
            built = Some(screen);
        }
    });
    let not_saving = move || {
        (!session.persistent.get()).then(|| {
            view! {
                <p class="ccq-note">
                    "This browser isn’t letting the page save your progress, so it will be lost if you leave or reload."
                </p>
            }
        })
    };
    view! {
        <section class="ccq-section ccq-quiz" id="quiz" aria-labelledby="quiz-title">
            <h3 id="quiz-title" tabindex="-1">{QUIZ_TITLE}</h3>
            {not_saving}
            <div node_ref=node></div>
            <p class="ccq-sr" aria-live="polite">{live(move || session.notice.get())}</p>
        </section>
    }
}

/// What the quiz is, how long it takes, and the reader's best score so far.
#[component]
fn StartScreen(session: Session) -> impl IntoView {
    let button = NodeRef::<html::Button>::new();
    focus_when(session, FocusTarget::Start, button);
    let total = session.quiz.with_untracked(|quiz| quiz.total());
    let intro = start_intro(total, session.links_to_the_article());
    view! {
        <p>{intro}</p>
        <BestScore session/>
        <div class="ccq-actions">
            <button type="button" class="ccq-btn" node_ref=button on:click=on_click(session, Click::Quiz(Action::Start))>
                "Start the quiz"
            </button>
            <DataControls session show_start_over=false/>
        </div>
    }
}
