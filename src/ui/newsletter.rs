//! The newsletter call to action, closing the widget in the article's own words: after the results
//! it also gives the score as context. The form's logic is `newsletter::SignupForm` and its request
//! is the session's (`ui::session::signup`); this view only renders them, and what the widget
//! remembers: a confirmed sign-up, a request nobody confirmed (with a way to sign up again), or a
//! "Not now".

use leptos::html;
use leptos::prelude::*;

use crate::config::NewsletterSetup;
use crate::content::Section;
use crate::newsletter::{status_message, Field, FormState};
use crate::present::labels;
use crate::present::newsletter::{requested_note, SIGN_UP_AGAIN};
use crate::storage::NewsletterMemory;
use crate::ui::click::{on_click, submit_once, Click};
use crate::ui::effect::effect;
use crate::ui::explainer::ArticleSection;
use crate::ui::focus::focus_when;
use crate::ui::fresh;
use crate::ui::listener::listener;
use crate::ui::live::live;
use crate::ui::session::{FocusTarget, Session};
use crate::web::clock;

/// The article's closing section, followed by the sign-up.
#[component]
pub fn NewsletterSection(session: Session, section: &'static Section) -> impl IntoView {
    let form = session.signup;
    // Right after sending, the status line already says what happened; the part below it only
    // adds what to do next. (Read when a part is built: the part is rebuilt whenever the choice
    // changes, which every change of this follows.)
    let just_sent = move || form.with_untracked(|form| matches!(form.state(), FormState::Sent(_)));
    let status = NodeRef::<html::P>::new();
    focus_when(session, FocusTarget::SignupStatus, status);
    // Where focus goes when the control it was on disappears.
    let show_signup = NodeRef::<html::Button>::new();
    focus_when(session, FocusTarget::ShowSignup, show_signup);
    let results = session.derived.results;
    let score_line = move || {
        results.with(|results| {
            results.as_ref().map(|results| {
                view! { <p class="ccq-cta-score"><strong>{labels::cta_score(results)}</strong></p> }
            })
        })
    };
    // Built fresh whenever the reader's newsletter choice changes (see `ui::fresh`).
    let slot = fresh::slot();
    let node = slot.node;
    effect(move || match session.newsletter.get() {
        Some(NewsletterMemory::Subscribed) => fresh::show(&slot, move || {
            (!just_sent()).then(|| view! { <p class="ccq-status">"You’re on the list."</p> })
        }),
        Some(NewsletterMemory::Requested { at_ms }) => fresh::show(&slot, move || {
            let note = if just_sent() {
                String::new()
            } else {
                requested_note(at_ms.map(clock::local_date))
            };
            view! {
                <p class="ccq-note">
                    {note}" "
                    <button type="button" class="ccq-link-btn" on:click=on_click(session, Click::ShowSignup)>
                        {SIGN_UP_AGAIN}
                    </button>
                </p>
            }
        }),
        Some(NewsletterMemory::Dismissed) => fresh::show(&slot, move || {
            view! {
                <p class="ccq-note">
                    "Newsletter sign-up hidden. "
                    <button
                        type="button"
                        class="ccq-link-btn"
                        node_ref=show_signup
                        on:click=on_click(session, Click::ShowSignup)
                    >
                        "Show the sign-up form"
                    </button>
                </p>
            }
        }),
        None => {
            let (setup, privacy_url) = session
                .with_config(|config| (config.newsletter.clone(), config.privacy_url.clone()));
            match setup {
                NewsletterSetup::Connected(_) => fresh::show(&slot, move || {
                    view! { <SignupFormView session privacy_url/> }
                }),
                NewsletterSetup::NotConnected => fresh::show(&slot, || {
                    view! { <p class="ccq-note">"The newsletter sign-up is not connected yet."</p> }
                }),
                NewsletterSetup::Misconfigured(message) => fresh::show(&slot, move || {
                    view! { <p class="ccq-error">{message}</p> }
                }),
            }
        }
    });
    view! {
        <div class="ccq-cta">
            {score_line}
            <ArticleSection section/>
            // Above the form, as a form's summary of how its sending went: after an unconfirmed
            // request the part below it offers to sign up again.
            <p class="ccq-status" role="status" tabindex="-1" node_ref=status>
                {move || form.with(|form| status_message(form.state()))}
            </p>
            <div node_ref=node></div>
        </div>
    }
}

/// The sign-up form: a labelled e-mail field and a consent box, each with its error tied to it,
/// a hidden bot trap, and one request per submission (the session's).
#[component]
fn SignupFormView(session: Session, privacy_url: Option<String>) -> impl IntoView {
    let form = session.signup;
    let email_input = NodeRef::<html::Input>::new();
    let consent_input = NodeRef::<html::Input>::new();
    let honeypot = NodeRef::<html::Input>::new();
    focus_when(session, FocusTarget::Email, email_input);
    focus_when(session, FocusTarget::Consent, consent_input);

    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let trap = honeypot
            .get()
            .map(|input| input.value())
            .unwrap_or_default();
        session.subscribe(&trap);
    };
    let error_for =
        move |field: Field| form.with(|form| form.error_for(field).map(|error| error.message()));
    let locked = move || form.with(|form| !form.accepts_input());
    let sending = move || form.with(|form| *form.state() == FormState::Sending);

    view! {
        <form class="ccq-signup" on:submit=listener(on_submit) novalidate>
            <div class="ccq-field">
                <label for="ccq-email">"Your e-mail address"</label>
                <input
                    id="ccq-email"
                    node_ref=email_input
                    prop:value=form.with_untracked(|form| form.email().to_owned())
                    class="ccq-input"
                    type="email"
                    name="email"
                    autocomplete="email"
                    spellcheck="false"
                    // The input owns its text (writing it back on each keystroke moves the caret);
                    // the form state only mirrors it.
                    on:input=listener(move |event| form.update(|form| form.set_email(&event_target_value(&event))))
                    readonly=locked
                    aria-invalid=move || labels::true_false(error_for(Field::Email).is_some())
                    aria-describedby="ccq-email-error"
                />
                <p class="ccq-error" id="ccq-email-error">{live(move || error_for(Field::Email))}</p>
            </div>
            <label class="ccq-check">
                <input
                    type="checkbox"
                    node_ref=consent_input
                    prop:checked=move || form.with(|form| form.consent())
                    on:change=listener(move |event| form.update(|form| form.set_consent(event_target_checked(&event))))
                    disabled=locked
                    aria-invalid=move || labels::true_false(error_for(Field::Consent).is_some())
                    aria-describedby="ccq-consent-error"
                />
                <span>"Yes, send me the newsletter. I can unsubscribe at any time."</span>
            </label>
            <p class="ccq-error" id="ccq-consent-error">{live(move || error_for(Field::Consent))}</p>
            {privacy_url.map(|url| view! {
                <p class="ccq-note"><a href=url target="_blank" rel="noopener">"How we use your e-mail address (privacy policy)"</a></p>
            })}
            // A field people never see or reach; bots fill it, which turns their submission into a no-op.
            <div class="ccq-honeypot" aria-hidden="true">
                <label>"Leave this empty" <input type="text" name="ccq-website" tabindex="-1" autocomplete="off" node_ref=honeypot/></label>
            </div>
            <div class="ccq-actions">
                // aria-disabled, not disabled: a disabled button drops focus (to the page, in Firefox),
                // and the form's state machine already refuses a second submission.
                <button
                    type="submit"
                    class="ccq-btn"
                    aria-disabled=move || labels::true_false(sending())
                    on:click=submit_once()
                >
                    "Subscribe"
                </button>
                {move || (!locked()).then(|| view! {
                    <button type="button" class="ccq-link-btn" on:click=on_click(session, Click::NotNow)>
                        "Not now"
                    </button>
                })}
            </div>
        </form>
    }
}
