//! The newsletter call to action, closing the widget in the article's own words: after the results
//! it also gives the score as context. The form's logic is `newsletter::SignupForm`; this view only
//! renders it, performs its request through `web::submit`, and remembers a sign-up or a "Not now".

use leptos::html;
use leptos::prelude::*;

use crate::config::NewsletterSetup;
use crate::content::Section;
use crate::newsletter::{
    resolve_tag, status_message, Endpoint, Field, FormState, SignupForm, SubmitDecision,
};
use crate::present::labels;
use crate::storage::{self, NewsletterMemory};
use crate::ui::click::{on_click, Click};
use crate::ui::effect::effect;
use crate::ui::explainer::ArticleSection;
use crate::ui::focus::focus_when;
use crate::ui::fresh;
use crate::ui::listener::listener;
use crate::ui::live::live;
use crate::ui::session::{FocusTarget, Session};
use crate::web::submit;

/// The article's closing section, followed by the sign-up.
#[component]
pub fn NewsletterSection(session: Session, section: &'static Section) -> impl IntoView {
    // Lives here, not in the form, so the status survives the form being replaced by "on the list".
    let form = RwSignal::new(SignupForm::new());
    let just_sent = move || form.with(|form| matches!(form.state(), FormState::Sent(_)));
    // Where focus goes when the control it was on disappears.
    let status = NodeRef::<html::P>::new();
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
        Some(NewsletterMemory::SignedUp) => fresh::show(&slot, move || {
            // Right after sending, the status line below already says so.
            move || {
                (!just_sent()).then(|| view! { <p class="ccq-status">"You’re on the list."</p> })
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
            let (setup, privacy_url, tag) = session.with_config(|config| {
                (
                    config.newsletter.clone(),
                    config.privacy_url.clone(),
                    config.newsletter_tag.clone(),
                )
            });
            match setup {
                NewsletterSetup::Connected(endpoint) => fresh::show(&slot, move || {
                    view! { <SignupFormView session form status endpoint privacy_url tag/> }
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
            <div node_ref=node></div>
            <p class="ccq-status" role="status" tabindex="-1" node_ref=status>
                {move || form.with(|form| status_message(form.state()))}
            </p>
        </div>
    }
}

/// The sign-up form: a labelled e-mail field and a consent box, each with its error tied to it,
/// a hidden bot trap, and one request per submission.
#[component]
fn SignupFormView(
    session: Session,
    form: RwSignal<SignupForm>,
    /// The status line outside the form, focused once the form is replaced after a sign-up.
    status: NodeRef<html::P>,
    endpoint: Endpoint,
    privacy_url: Option<String>,
    tag: Option<String>,
) -> impl IntoView {
    let email_input = NodeRef::<html::Input>::new();
    let consent_input = NodeRef::<html::Input>::new();
    let honeypot = NodeRef::<html::Input>::new();
    focus_when(session, FocusTarget::Email, email_input);
    // What the request needs, in one stored value.
    let target = StoredValue::new((endpoint, tag));

    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let trap = honeypot
            .get()
            .map(|input| input.value())
            .unwrap_or_default();
        let mut decision = SubmitDecision::Busy;
        form.update(|form| {
            decision = target.with_value(|(endpoint, template)| {
                let tier = session.history.with_untracked(|h| storage::latest_tier(h));
                let tag = template
                    .as_deref()
                    .and_then(|template| resolve_tag(template, tier));
                form.submit(endpoint, tag.as_deref(), &trap)
            });
        });
        match decision {
            SubmitDecision::Send(request) => {
                leptos::task::spawn_local(async move {
                    match submit::send(&request).await {
                        Ok(delivery) => {
                            form.update(|form| form.on_sent(delivery));
                            if let Some(status) = status.get_untracked() {
                                let _ = status.focus();
                            }
                            session.remember_newsletter(NewsletterMemory::SignedUp);
                        }
                        Err(failure) => form.update(|form| form.on_failed(failure)),
                    }
                });
            }
            SubmitDecision::Invalid(errors) => {
                let first = errors.first().map(|error| error.field());
                let input = match first {
                    Some(Field::Email) => email_input.get(),
                    Some(Field::Consent) => consent_input.get(),
                    None => None,
                };
                if let Some(input) = input {
                    let _ = input.focus();
                }
            }
            SubmitDecision::Ignored | SubmitDecision::Busy => {}
        }
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
                <button type="submit" class="ccq-btn" aria-disabled=move || labels::true_false(sending())>
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
