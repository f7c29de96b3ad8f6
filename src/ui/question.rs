//! One question at a time: progress, a native fieldset of radio buttons (arrows move, Space selects,
//! Enter checks), the answer's feedback announced in a live region, and one main button whose
//! element stays the same from "Check answer" to "Next question", so focus never drops to the page.

use leptos::html;
use leptos::prelude::*;

use crate::content::{AnswerOption, ARTICLE};
use crate::quiz::{CurrentQuestion, FeedbackMode, Phase};
use crate::ui::focus::focus_when;
use crate::ui::quiz::DataControls;
use crate::ui::session::{FocusTarget, Session};

/// The current question. Each question gets freshly built elements (keyed by its id): reusing the
/// previous question's radios would carry over their values and listeners.
#[component]
pub fn QuestionView() -> impl IntoView {
    let session = expect_context::<Session>();
    let question_id = Memo::new(move |_| {
        session
            .quiz
            .with(|quiz| quiz.current().map(|current| current.question.id))
    });
    view! {
        <For each=move || question_id.get() key=|id| *id children=move |_| view! { <QuestionForm/> }/>
    }
}

#[component]
fn QuestionForm() -> impl IntoView {
    let session = expect_context::<Session>();
    let current = Signal::derive(move || session.quiz.with(|quiz| quiz.current()));
    let in_feedback = move || {
        matches!(
            session.quiz.with(|quiz| quiz.phase()),
            Phase::Feedback { .. }
        )
    };
    let fieldset = NodeRef::<html::Fieldset>::new();
    let action = NodeRef::<html::Button>::new();
    focus_when(session, FocusTarget::Question, fieldset);
    focus_when(session, FocusTarget::Action, action);

    // Checking with nothing selected explains itself instead of silently doing nothing.
    let hint = RwSignal::new(false);
    let nothing_selected = move || {
        !in_feedback()
            && current.with(|current| current.as_ref().is_some_and(|c| c.selected.is_none()))
    };
    // This form belongs to one question: its controls act on that question only.
    let own_id = current.with_untracked(|c| c.as_ref().map_or("", |c| c.question.id));
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if in_feedback() {
            session.next(own_id);
        } else if nothing_selected() {
            hint.set(true);
        } else {
            hint.set(false);
            session.check(own_id);
        }
    };
    let progress = move || {
        current.with(|current| {
            current.as_ref().map(|current| {
                [
                    "Question ",
                    &(current.index + 1).to_string(),
                    " of ",
                    &current.total.to_string(),
                ]
                .concat()
            })
        })
    };
    let bar_width = move || {
        current.with(|current| {
            current.as_ref().map_or_else(String::new, |current| {
                [
                    &*(current.index * 100 / current.total.max(1)).to_string(),
                    "%",
                ]
                .concat()
            })
        })
    };
    let button_label = move || {
        let quiz_mode = session.quiz.with(|quiz| quiz.mode());
        let last = current.with(|current| current.as_ref().is_some_and(|c| c.index + 1 == c.total));
        match (in_feedback(), quiz_mode, last) {
            (false, FeedbackMode::Instant, _) => "Check answer",
            (_, _, true) => "See my results",
            _ => "Next question",
        }
    };
    view! {
        <form class="ccq-question" on:submit=on_submit novalidate>
            <p class="ccq-progress-text" id="ccq-progress">{progress}</p>
            <div class="ccq-bar" aria-hidden="true">
                <span style:width=bar_width></span>
            </div>
            <fieldset node_ref=fieldset tabindex="-1" aria-describedby="ccq-progress">
                <legend>{move || current.with(|c| c.as_ref().map(|c| c.question.prompt))}</legend>
                <div class="ccq-options">
                    {current.get_untracked().map(|shown| options(session, current, shown))}
                </div>
            </fieldset>
            <div aria-live="polite" aria-atomic="true">
                {move || current.get().and_then(feedback)}
            </div>
            <p class="ccq-error" aria-live="assertive">
                {move || (hint.get() && nothing_selected()).then_some("Choose an answer first.")}
            </p>
            <div class="ccq-actions">
                <button type="submit" class="ccq-btn" node_ref=action>
                    {button_label}
                </button>
                <DataControls show_start_over=true/>
            </div>
        </form>
    }
}

/// The radio buttons, built once per question (so arrow keys keep focus while the selection
/// moves); after checking they are disabled and marked right or wrong in words, not
/// colour alone.
fn options(
    session: Session,
    current: Signal<Option<CurrentQuestion>>,
    shown: CurrentQuestion,
) -> impl IntoView {
    let question_id = shown.question.id;
    let name = ["answer-", question_id].concat();
    shown
        .options
        .into_iter()
        .map(|option: &'static AnswerOption| {
            let selected =
                move || current.with(|c| c.as_ref().is_some_and(|c| c.selected == Some(option.id)));
            let checked = move || current.with(|c| c.as_ref().is_some_and(|c| c.answer.is_some()));
            let mark = move || match (checked(), option.correct, selected()) {
                (true, true, _) => Some("Right answer"),
                (true, false, true) => Some("Your answer"),
                _ => None,
            };
            let class = move || match mark() {
                Some("Right answer") => "ccq-option ccq-is-right",
                Some(_) => "ccq-option ccq-is-wrong",
                None => "ccq-option",
            };
            view! {
                <label class=class>
                    <input
                        type="radio"
                        name=name.clone()
                        value=option.id
                        prop:checked=selected
                        disabled=checked
                        on:change=move |_| session.select(question_id, option.id)
                    />
                    <span>{option.text}</span>
                    {move || mark().map(|mark| view! { <span class="ccq-mark">{mark}</span> })}
                </label>
            }
        })
        .collect_view()
}

/// Right or wrong, the right answer, why, and where the article says so.
fn feedback(current: CurrentQuestion) -> Option<impl IntoView> {
    let answer = current.answer?;
    let right = current.options.iter().find(|option| option.correct)?;
    let question = current.question;
    let (class, verdict) = if answer.correct {
        ("ccq-feedback ccq-is-right", "Right!")
    } else {
        ("ccq-feedback ccq-is-wrong", "Not quite.")
    };
    Some(view! {
        <div class=class>
            <p class="ccq-verdict">{verdict}</p>
            {(!answer.correct).then(|| view! { <p>"The right answer: " <strong>{right.text}</strong></p> })}
            <p>{question.explanation}</p>
            <ReadMore anchor=question.section/>
        </div>
    })
}

/// "Read more: Focus areas", a link that scrolls to and focuses that part of the explainer.
#[component]
pub fn ReadMore(anchor: &'static str) -> impl IntoView {
    let session = expect_context::<Session>();
    // Without the explainer on the page a link would point nowhere: it is left out.
    session.links_to_the_article().then(|| {
        let heading = ARTICLE.heading_of(anchor).unwrap_or("the article");
        view! {
            <p>
                <a href=["#", anchor].concat() data-reveal=anchor>
                    "Read more: "
                    {heading}
                </a>
            </p>
        }
    })
}
