//! One question at a time: progress, a native fieldset of radio buttons (arrows move, Space selects,
//! Enter checks), the answer's feedback announced in a live region, and one main button whose
//! element stays the same from "Check answer" to "Next question", so focus never drops to the page.

use leptos::html;
use leptos::prelude::*;

use crate::content::AnswerOption;
use crate::present::labels::{self, OptionMark};
use crate::quiz::{Action, CurrentQuestion};
use crate::ui::click::submit_once;
use crate::ui::effect::effect;
use crate::ui::focus::focus_when;
use crate::ui::fresh;
use crate::ui::listener::listener;
use crate::ui::live::live;
use crate::ui::session::{FocusTarget, Session};

use super::shared::{DataControls, ReadMore};

/// The current question. Each question gets freshly built elements (built fresh when the
/// question or its place in the run changes, see `ui::fresh`): reusing the previous question's
/// radios would carry over their values and listeners.
#[component]
pub fn QuestionView(session: Session) -> impl IntoView {
    let current = session.derived.current;
    let slot = fresh::slot();
    let node = slot.node;
    // `current` notifies on every change of the quiz: the form is rebuilt only when the place
    // differs from the one it was built for.
    let mut built_for = None;
    effect(move || {
        let place = current.with(|c| c.as_ref().map(|c| (c.question.id, c.index, c.total)));
        if built_for != Some(place) {
            fresh::show(&slot, move || view! { <QuestionForm session/> });
            built_for = Some(place);
        }
    });
    view! { <div node_ref=node></div> }
}

#[component]
fn QuestionForm(session: Session) -> impl IntoView {
    let current = session.derived.current;
    let in_feedback = move || session.quiz.with(|quiz| labels::in_feedback(quiz.phase()));
    let in_feedback_now = move || {
        session
            .quiz
            .with_untracked(|quiz| labels::in_feedback(quiz.phase()))
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
        if in_feedback_now() {
            session.act(Action::Next {
                question_id: own_id,
            });
        } else if nothing_selected() {
            hint.set(true);
        } else {
            hint.set(false);
            session.act(Action::Check {
                question_id: own_id,
            });
        }
    };
    // Fixed for this form, which is rebuilt when the question or its place changes.
    let shown = current.get_untracked();
    let progress = shown.as_ref().map(labels::progress);
    let bar_width = shown.as_ref().map_or_else(String::new, labels::bar_width);
    let prompt = shown.as_ref().map(|c| c.question.prompt);
    let button_label = live(move || {
        let mode = session.quiz.with(|quiz| quiz.mode());
        let last = current.with(|c| c.as_ref().is_some_and(labels::is_last));
        Some(labels::main_button(in_feedback(), mode, last))
    });
    // The feedback appears once, when the answer is checked (built fresh, see `ui::fresh`).
    let feedback_slot = fresh::slot();
    let feedback_node = feedback_slot.node;
    let mut built_for = None;
    effect(move || {
        let answered = current.with(|c| c.as_ref().is_some_and(|c| c.answer.is_some()));
        if built_for != Some(answered) {
            fresh::show(&feedback_slot, move || {
                current.with_untracked(|c| c.as_ref().and_then(|c| feedback(session, c)))
            });
            built_for = Some(answered);
        }
    });
    let hint_text =
        live(move || (hint.get() && nothing_selected()).then_some("Choose an answer first."));
    view! {
        <form class="ccq-question" on:submit=listener(on_submit) novalidate>
            <p class="ccq-progress-text" id="ccq-progress">{progress}</p>
            <div class="ccq-bar" aria-hidden="true">
                <span style:width=bar_width></span>
            </div>
            <fieldset node_ref=fieldset tabindex="-1" aria-describedby="ccq-progress">
                <legend>{prompt}</legend>
                <div class="ccq-options">
                    {shown.map(|shown| options(session, current, shown))}
                </div>
            </fieldset>
            <div aria-live="polite" aria-atomic="true" node_ref=feedback_node></div>
            <p class="ccq-error" aria-live="assertive">{hint_text}</p>
            <div class="ccq-actions">
                <button type="submit" class="ccq-btn" node_ref=action on:click=submit_once()>
                    {button_label}
                </button>
                <DataControls session show_start_over=true/>
            </div>
        </form>
    }
}

/// The radio buttons, built once per question (so arrow keys keep focus while the selection
/// moves); after checking they are disabled and marked right or wrong in words, not
/// colour alone.
fn options(
    session: Session,
    current: Memo<Option<CurrentQuestion>>,
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
            let mark = move || OptionMark::of(checked(), option.correct, selected());
            view! {
                <label class=move || mark().class()>
                    <input
                        type="radio"
                        name=name.clone()
                        value=option.id
                        prop:checked=selected
                        disabled=checked
                        on:change=listener(move |_| session.act(Action::Select { question_id, option_id: option.id }))
                    />
                    <span>{option.text}</span>
                    // Always there, empty until checked: a text update, not a subtree swapped in.
                    <span class="ccq-mark">{live(move || mark().label())}</span>
                </label>
            }
        })
        .collect_view()
}

/// Right or wrong, the right answer, why, and where the article says so.
fn feedback(session: Session, current: &CurrentQuestion) -> Option<impl IntoView> {
    let answer = current.answer?;
    let right = current.options.iter().find(|option| option.correct)?;
    let question = current.question;
    let verdict = labels::verdict(answer.correct);
    Some(view! {
        <div class=verdict.feedback_class>
            <p class="ccq-verdict">{verdict.feedback}</p>
            {(!answer.correct).then(|| view! { <p>"The right answer: " <strong>{right.text}</strong></p> })}
            <p>{question.explanation}</p>
            <ReadMore session anchor=question.section/>
        </div>
    })
}
