//! The newsletter call to action end to end, each scenario in Chromium, Firefox and WebKit with a
//! fresh profile and a fresh recording server: the exact fields each provider receives, one request
//! per submission, validation and consent errors, an address typed with spaces staying as typed,
//! an unreachable service and its retry, a refused or missing `newsletter-action`, the remembered choice
//! after a reload, a generic endpoint's success and refusal, our own honeypot, and a tag naming the
//! reader's result tier.
//!
//! The host page is `pages/newsletter-host.html`: its script builds `<cto-cio-quiz id="quiz">` from
//! the query string before the loader runs, because `newsletter-action` must name the test server's
//! port, known only at run time (a value starting with `/` is made absolute on the page's origin).
//!
//! They need the release bundle: `cargo xtask dist` first (or `CCQ_DIST=<dir>`).

use anyhow::{ensure, Context};
use cto_cio_quiz::newsletter::{Delivery, Failure, FieldError, FormState};
use e2e::page::{sleep_ms, with_query};
use e2e::widget::{
    settled_posts, status_line, Post, CONSENT, CONSENT_ERROR, EMAIL, EMAIL_ERROR, HONEYPOT, HOST,
    NOT_NOW, SETTLE_MS, SHOW_FORM, SIGNUP, STATUS, SUBSCRIBE,
};
use e2e::{in_every_engine, Ctx, NewsletterReply};
use fantoccini::actions::{InputSource, MouseActions, PointerAction, MOUSE_BUTTON_LEFT};
use serde_json::json;

/// What the sign-up says, from the crate's own wording (a change there cannot leave these behind).
fn sending() -> String {
    status_line(&FormState::Sending)
}
fn provider_sent() -> String {
    status_line(&FormState::Sent(Delivery::Unconfirmed))
}
fn generic_sent() -> String {
    status_line(&FormState::Sent(Delivery::Confirmed))
}
fn unreachable() -> String {
    status_line(&FormState::Failed(Failure::Unreachable))
}
const ON_THE_LIST: &str = "You’re on the list.";
const NOT_CONNECTED: &str = "The newsletter sign-up is not connected yet.";
const MISCONFIGURED: &str = "The newsletter sign-up is not set up correctly";

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/// `/pages/newsletter-host.html?<attribute>=<value>&…` (values percent-encoded).
fn host_page(attrs: &[(&str, &str)]) -> String {
    with_query("/pages/newsletter-host.html", attrs)
}

/// Opens the host page with these attributes and waits until the widget and its CTA are there.
async fn open_widget(ctx: &Ctx, attrs: &[(&str, &str)]) -> e2e::Result<()> {
    ctx.open(&host_page(attrs)).await?;
    ctx.wait_ready(HOST).await?;
    ensure!(
        ctx.shadow_count(HOST, ".ccq-cta section#newsletter")
            .await?
            == 1,
        "no section#newsletter inside .ccq-cta"
    );
    Ok(())
}

/// Empties the e-mail field with Backspace key presses (real input events in every engine).
async fn erase_email(ctx: &Ctx) -> e2e::Result<()> {
    let len = ctx.widget(HOST).field(EMAIL).await?.value.chars().count();
    let keys = format!("\u{E010}{}", "\u{E003}".repeat(len + 2)); // End, then Backspaces
    ctx.shadow_find(HOST, EMAIL).await?.send_keys(&keys).await?;
    let left = ctx.widget(HOST).field(EMAIL).await?.value;
    ensure!(left.is_empty(), "the e-mail field still holds {left:?}");
    Ok(())
}

/// What has focus inside the shadow root, described like the selectors above.
async fn focused(ctx: &Ctx) -> e2e::Result<Option<String>> {
    ctx.eval(
        "const h = document.querySelector(arguments[0]); \
         const e = h && h.shadowRoot ? h.shadowRoot.activeElement : null; \
         if (!e) return null; \
         if (e.id) return '#' + e.id; \
         return e.tagName.toLowerCase() + '[type=' + e.type + '][aria-describedby=' \
             + e.getAttribute('aria-describedby') + ']';",
        vec![json!(HOST)],
    )
    .await
}

/// Nothing of the sign-up has left the page: no request recorded, no resource entry.
async fn assert_nothing_sent(ctx: &Ctx, when: &str) -> e2e::Result<()> {
    let recorded = ctx.server.newsletter_requests();
    ensure!(
        recorded.is_empty(),
        "{when}: the newsletter endpoint already got {} request(s): {:?}",
        recorded.len(),
        recorded
            .iter()
            .map(|r| format!("{} {} {}", r.method, r.path, r.body_text()))
            .collect::<Vec<_>>()
    );
    let resources = ctx.resources("/newsletter/").await?;
    ensure!(
        resources.is_empty(),
        "{when}: the page fetched {resources:?}"
    );
    Ok(())
}

/// localStorage of the page, every key and value.
async fn local_storage_dump(ctx: &Ctx) -> e2e::Result<Vec<(String, String)>> {
    ctx.eval(
        "const out = []; \
         for (let i = 0; i < localStorage.length; i++) { \
           const k = localStorage.key(i); out.push([k, localStorage.getItem(k)]); } \
         return out;",
        vec![],
    )
    .await
}

/// The address typed by the reader is nowhere in localStorage (plain or percent-encoded).
async fn assert_email_not_stored(ctx: &Ctx, email: &str) -> e2e::Result<()> {
    let encoded = email.replace('@', "%40");
    let leaks: Vec<(String, String)> = local_storage_dump(ctx)
        .await?
        .into_iter()
        .filter(|(k, v)| {
            [k, v]
                .iter()
                .any(|s| s.contains(email) || s.contains(&encoded))
        })
        .collect();
    ensure!(
        leaks.is_empty(),
        "the e-mail address was stored in localStorage: {leaks:?}"
    );
    Ok(())
}

/// Scrolls an element of the widget to the middle of the viewport (pointer actions need it on
/// screen; element clicks scroll by themselves).
async fn scroll_to(ctx: &Ctx, sel: &str) -> e2e::Result<()> {
    let found: bool = ctx
        .eval(
            "const h = document.querySelector(arguments[0]); \
             const e = h && h.shadowRoot ? h.shadowRoot.querySelector(arguments[1]) : null; \
             if (e) e.scrollIntoView({block: 'center'}); return !!e;",
            vec![json!(HOST), json!(sel)],
        )
        .await?;
    ensure!(found, "no `{sel}` to scroll to");
    Ok(())
}

/// A real double click (two press/release pairs in one WebDriver action chain, no pause).
async fn double_click(ctx: &Ctx, sel: &str) -> e2e::Result<()> {
    scroll_to(ctx, sel).await?;
    let element = ctx.shadow_find(HOST, sel).await?;
    let mouse = MouseActions::new("mouse".into())
        .then(PointerAction::MoveToElement {
            element,
            duration: None,
            x: 0.0,
            y: 0.0,
        })
        .then(PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        })
        .then(PointerAction::Up {
            button: MOUSE_BUTTON_LEFT,
        })
        .then(PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        })
        .then(PointerAction::Up {
            button: MOUSE_BUTTON_LEFT,
        });
    ctx.client
        .perform_actions(mouse)
        .await
        .context("double-clicking Subscribe")?;
    ctx.client.release_actions().await?;
    Ok(())
}

/// The CTA holds no sign-up form at all.
async fn assert_no_form(ctx: &Ctx) -> e2e::Result<()> {
    let forms = ctx.shadow_count(HOST, SIGNUP).await?;
    let inputs = ctx.shadow_count(HOST, EMAIL).await?;
    ensure!(
        forms == 0 && inputs == 0,
        "expected no sign-up form, found {forms} form(s) and {inputs} e-mail input(s); CTA: {:?}",
        ctx.widget(HOST).text(".ccq-cta").await?
    );
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// 1. Fields per provider
// ---------------------------------------------------------------------------------------------

struct ProviderCase {
    provider: &'static str,
    /// Path (and query) on the test server.
    action: &'static str,
    email: &'static str,
    fields: &'static [(&'static str, &'static str)],
    /// The status line after sending.
    status: FormState,
    fetch_mode: &'static str,
}

const TAG: &str = "cto vs cio & more";

const PROVIDERS: [ProviderCase; 4] = [
    ProviderCase {
        provider: "buttondown",
        action: "/newsletter/buttondown/embed-subscribe/someone",
        email: "reader+quiz@example.com",
        fields: &[
            ("email", "reader+quiz@example.com"),
            ("embed", "1"),
            ("tag", TAG),
        ],
        status: FormState::Sent(Delivery::Unconfirmed),
        fetch_mode: "no-cors",
    },
    ProviderCase {
        provider: "mailchimp",
        action: "/newsletter/mailchimp/subscribe/post?u=0a1b2c3d&id=9f8e7d",
        email: "mc.reader@example.com",
        // Mailchimp's own bot trap must be present and empty; tags are not sent to Mailchimp.
        fields: &[
            ("EMAIL", "mc.reader@example.com"),
            ("b_0a1b2c3d_9f8e7d", ""),
        ],
        status: FormState::Sent(Delivery::Unconfirmed),
        fetch_mode: "no-cors",
    },
    ProviderCase {
        provider: "kit",
        action: "/newsletter/kit/forms/123/subscriptions",
        email: "kit_reader@example.org",
        fields: &[("email_address", "kit_reader@example.org")],
        status: FormState::Sent(Delivery::Unconfirmed),
        fetch_mode: "no-cors",
    },
    ProviderCase {
        provider: "generic",
        action: "/newsletter/generic/subscribe",
        email: "generic@example.net",
        fields: &[("email", "generic@example.net"), ("tag", TAG)],
        status: FormState::Sent(Delivery::Confirmed),
        fetch_mode: "cors",
    },
];

#[tokio::test]
async fn each_provider_gets_exactly_its_fields() {
    in_every_engine("newsletter: fields per provider", |ctx| async move {
        for (i, case) in PROVIDERS.iter().enumerate() {
            let key = format!("nl-fields-{}", case.provider);
            let run = async {
                open_widget(
                    &ctx,
                    &[
                        ("storage-key", &key),
                        ("newsletter-provider", case.provider),
                        ("newsletter-action", case.action),
                        ("newsletter-tag", TAG),
                    ],
                )
                .await?;
                let trap = ctx.widget(HOST).field(HONEYPOT).await?;
                ensure!(
                    trap.value.is_empty(),
                    "our honeypot starts filled: {trap:?}"
                );
                ctx.widget(HOST).fill_signup(case.email).await?;
                ensure!(
                    ctx.server.newsletter_requests().len() == i,
                    "a request left before Subscribe was clicked"
                );
                ensure!(
                    ctx.resources("/newsletter/").await?.is_empty(),
                    "the page fetched /newsletter/ before Subscribe was clicked"
                );
                ctx.widget(HOST)
                    .submit_and_expect_post(
                        &status_line(&case.status),
                        &Post {
                            path: case.action,
                            fields: case.fields,
                            fetch_mode: case.fetch_mode,
                        },
                    )
                    .await?;
                // The form made way for the status; the choice is remembered, not the address.
                assert_no_form(&ctx).await?;
                // Only a readable 2xx is a subscription; an opaque reply is a dated request.
                let memory = ctx.local_storage(&format!("{key}:newsletter")).await?;
                let remembered = match case.status {
                    FormState::Sent(Delivery::Confirmed) => {
                        memory.as_deref() == Some(r#"{"v":1,"state":"subscribed"}"#)
                    }
                    _ => memory
                        .as_deref()
                        .is_some_and(|m| m.starts_with(r#"{"v":1,"state":"requested","at_ms":"#)),
                };
                ensure!(remembered, "{key}:newsletter holds {memory:?}");
                assert_email_not_stored(&ctx, case.email).await?;
                ctx.assert_probe_clean().await
            };
            run.await
                .with_context(|| format!("provider {}", case.provider))?;
        }
        Ok(())
    })
    .await;
}

// ---------------------------------------------------------------------------------------------
// 2. One request per submission
// ---------------------------------------------------------------------------------------------

/// How [`double_submission_sends_one_request`] submits twice.
#[derive(Clone, Copy, Debug)]
enum Twice {
    /// A real double click on Subscribe.
    DoubleClick,
    /// Enter pressed twice in the e-mail field.
    Enter,
    /// Two clicks in the same task, before the widget can re-render the button as disabled.
    OneTask,
}

async fn submit_twice(ctx: &Ctx, how: Twice) -> e2e::Result<()> {
    match how {
        Twice::DoubleClick => double_click(ctx, SUBSCRIBE).await,
        Twice::Enter => ctx.widget(HOST).type_email("\u{E007}\u{E007}").await,
        Twice::OneTask => {
            ctx.eval::<()>(
                "const b = document.querySelector(arguments[0]).shadowRoot.querySelector(arguments[1]); \
                 b.click(); b.click();",
                vec![json!(HOST), json!(SUBSCRIBE)],
            )
            .await
        }
    }
}

#[tokio::test]
async fn double_submission_sends_one_request() {
    in_every_engine("newsletter: one request per submission", |ctx| async move {
        // The double click through a provider (a no-cors fetch), the others through the generic
        // endpoint (a cors fetch).
        let cases = [
            (
                Twice::DoubleClick,
                "nl-double-click",
                Some("buttondown"),
                "double@example.com",
            ),
            (Twice::Enter, "nl-double-enter", None, "enter@example.com"),
            (
                Twice::OneTask,
                "nl-double-script",
                None,
                "script@example.com",
            ),
        ];
        for (how, key, provider, email) in cases {
            let action = format!("/newsletter/{}", &key["nl-".len()..]);
            let mut attrs = vec![("storage-key", key), ("newsletter-action", action.as_str())];
            attrs.extend(provider.map(|p| ("newsletter-provider", p)));
            open_widget(&ctx, &attrs).await?;
            ctx.widget(HOST).fill_signup(email).await?;
            let buttondown = [("email", email), ("embed", "1")];
            let (status, post) = match provider {
                Some(_) => (provider_sent(), Post::no_cors(&action, &buttondown)),
                None => (generic_sent(), Post::cors(&action, &buttondown[..1])),
            };
            ctx.widget(HOST)
                .expect_post_from(submit_twice(&ctx, how), &status, &post)
                .await
                .with_context(|| format!("{how:?}"))?;
            ctx.assert_probe_clean().await?;
        }
        Ok(())
    })
    .await;
}

/// A double click on Subscribe whose reply comes back between its two clicks: the form gives
/// way to "Sign up again" under the pointer, and the second click lands there. It is not a
/// press of its own, so the confirmation stays; a click of its own (the same dispatch, whose
/// effect shows by the time it returns) does bring the form back.
#[tokio::test]
async fn the_second_click_of_a_double_click_undoes_nothing() {
    in_every_engine(
        "newsletter: a double click's second click",
        |ctx| async move {
            let key = "nl-second-click";
            let attrs = [
                ("storage-key", key),
                ("newsletter-action", "/newsletter/second-click"),
                ("newsletter-provider", "buttondown"),
            ];
            open_widget(&ctx, &attrs).await?;
            ctx.widget(HOST).fill_signup("second@example.com").await?;
            ctx.shadow_click(HOST, SUBSCRIBE).await?;
            ctx.widget(HOST).wait_status(&provider_sent()).await?;
            let memory = ctx.local_storage(&format!("{key}:newsletter")).await?;
            ctx.shadow_click_numbered(HOST, SHOW_FORM, 2).await?;
            let status = ctx.widget(HOST).text(STATUS).await?;
            let forms = ctx.shadow_count(HOST, SIGNUP).await?;
            ensure!(
                status == provider_sent() && forms == 0,
                "after a double click's second click on \"Sign up again\": status {status:?}, \
             {forms} sign-up form(s)"
            );
            let kept = ctx.local_storage(&format!("{key}:newsletter")).await?;
            ensure!(
                kept == memory,
                "{key}:newsletter went from {memory:?} to {kept:?}"
            );
            ctx.shadow_click_numbered(HOST, SHOW_FORM, 1).await?;
            let forms = ctx.shadow_count(HOST, SIGNUP).await?;
            ensure!(
                forms == 1,
                "a single click on \"Sign up again\" left {forms} sign-up form(s)"
            );
            ctx.assert_probe_clean().await?;
            Ok(())
        },
    )
    .await;
}

// ---------------------------------------------------------------------------------------------
// 3. Validation and consent
// ---------------------------------------------------------------------------------------------

/// The two error texts, the two aria-invalid values, and what has focus.
async fn check_errors(
    ctx: &Ctx,
    step: &str,
    email_error: &str,
    consent_error: &str,
    focus: Option<&str>,
) -> e2e::Result<()> {
    let shown = (
        ctx.widget(HOST).text(EMAIL_ERROR).await?,
        ctx.widget(HOST).text(CONSENT_ERROR).await?,
    );
    ensure!(
        shown.0 == email_error && shown.1 == consent_error,
        "{step}: errors (e-mail, consent) are {shown:?}, expected {:?}",
        (email_error, consent_error)
    );
    let invalid = (
        ctx.widget(HOST).field(EMAIL).await?.aria_invalid,
        ctx.widget(HOST).field(CONSENT).await?.aria_invalid,
    );
    let expect = |error: &str| Some((!error.is_empty()).to_string());
    ensure!(
        invalid == (expect(email_error), expect(consent_error)),
        "{step}: aria-invalid (e-mail, consent) is {invalid:?}"
    );
    let describedby: Option<String> = ctx
        .eval(
            "return document.querySelector(arguments[0]).shadowRoot.querySelector(arguments[1])\
             .getAttribute('aria-describedby');",
            vec![json!(HOST), json!(EMAIL)],
        )
        .await?;
    ensure!(
        describedby.as_deref() == Some("ccq-email-error"),
        "{step}: e-mail aria-describedby is {describedby:?}"
    );
    if let Some(focus) = focus {
        let now = focused(ctx).await?;
        ensure!(
            now.as_deref() == Some(focus),
            "{step}: focus is on {now:?}, expected {focus}"
        );
    }
    ensure!(
        ctx.widget(HOST).text(STATUS).await?.is_empty(),
        "{step}: status says {:?}",
        ctx.widget(HOST).text(STATUS).await?
    );
    assert_nothing_sent(ctx, step).await
}

/// What the reader does in one step of [`validation_and_consent_errors`].
#[derive(Clone, Copy)]
enum Step {
    /// Clicks Subscribe.
    Submit,
    /// Types this into the e-mail field.
    Type(&'static str),
    /// Empties the e-mail field, then types this.
    Retype(&'static str),
    /// Ticks the consent box.
    Consent,
}

#[tokio::test]
async fn validation_and_consent_errors() {
    in_every_engine("newsletter: validation and consent", |ctx| async move {
        open_widget(
            &ctx,
            &[
                ("storage-key", "nl-validation"),
                ("newsletter-action", "/newsletter/validation"),
            ],
        )
        .await?;
        let consent = ctx.widget(HOST).field(CONSENT).await?;
        ensure!(!consent.checked, "the consent box starts ticked");
        check_errors(&ctx, "untouched", "", "", None).await?;

        use FieldError::{ConsentMissing, EmailInvalid, EmailMissing};
        // Each step, then the errors it must leave (e-mail, consent) and where focus must be.
        // The e-mail error follows the typing once shown; a submit confirms it. (No spaces here:
        // typing spaces has its own scenario below.)
        let steps = [
            (
                Step::Submit,
                "empty submit",
                EmailMissing.message(),
                ConsentMissing.message(),
                Some(EMAIL),
            ),
            (
                Step::Type("name.example.com"),
                "typing",
                EmailInvalid.message(),
                ConsentMissing.message(),
                None,
            ),
            (
                Step::Submit,
                "invalid e-mail submit",
                EmailInvalid.message(),
                ConsentMissing.message(),
                Some(EMAIL),
            ),
            (
                Step::Retype("valid@example.com"),
                "fixed e-mail",
                "",
                ConsentMissing.message(),
                None,
            ),
            (
                Step::Submit,
                "submit without consent",
                "",
                ConsentMissing.message(),
                Some(CONSENT),
            ),
            (Step::Consent, "consent ticked", "", "", None),
        ];
        for (step, name, email_error, consent_error, focus) in steps {
            match step {
                Step::Submit => ctx.shadow_click(HOST, SUBSCRIBE).await?,
                Step::Type(text) => ctx.widget(HOST).type_email(text).await?,
                Step::Retype(text) => {
                    erase_email(&ctx).await?;
                    ctx.widget(HOST).type_email(text).await?;
                }
                Step::Consent => ctx.shadow_click(HOST, CONSENT).await?,
            }
            check_errors(&ctx, name, email_error, consent_error, focus).await?;
        }

        // Now it goes through, once.
        ctx.widget(HOST)
            .submit_and_expect_post(
                &generic_sent(),
                &Post::cors("/newsletter/validation", &[("email", "valid@example.com")]),
            )
            .await?;
        ctx.assert_probe_clean().await
    })
    .await;
}

/// The text the reader types must stay as typed, spaces included, so the "no spaces" message makes
/// sense to them. A plain `<input type=email>` on the same page is the control.
#[tokio::test]
async fn an_address_typed_with_spaces_stays_as_typed() {
    in_every_engine("newsletter: typing spaces", |ctx| async move {
        open_widget(
            &ctx,
            &[
                ("storage-key", "nl-spaces"),
                ("newsletter-action", "/newsletter/spaces"),
            ],
        )
        .await?;
        let typed = "name at example.com";
        ctx.eval::<()>(
            "const i = document.createElement('input'); i.type = 'email'; i.id = 'plain-email'; \
             document.body.prepend(i);",
            vec![],
        )
        .await?;
        ctx.client
            .find(fantoccini::Locator::Css("#plain-email"))
            .await?
            .send_keys(typed)
            .await?;
        let plain: String = ctx
            .eval(
                "return document.querySelector('#plain-email').value;",
                vec![],
            )
            .await?;
        ctx.widget(HOST).type_email(typed).await?;
        let value = ctx.widget(HOST).field(EMAIL).await?.value;
        ensure!(
            value == typed,
            "typing {typed:?} into the widget's e-mail field left {value:?} \
             (a plain <input type=email> on the same page holds {plain:?})"
        );
        ctx.shadow_click(HOST, SUBSCRIBE).await?;
        ensure!(
            ctx.widget(HOST).text(EMAIL_ERROR).await? == FieldError::EmailInvalid.message(),
            "after submitting {typed:?} the e-mail error says {:?}",
            ctx.widget(HOST).text(EMAIL_ERROR).await?
        );
        assert_nothing_sent(&ctx, "address with spaces").await?;
        ctx.assert_probe_clean().await
    })
    .await;
}

// ---------------------------------------------------------------------------------------------
// 4. Offline
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn an_unreachable_service_keeps_the_address_and_allows_a_retry() {
    in_every_engine("newsletter: unreachable and retry", |ctx| async move {
        // The recorder hangs up unanswered until told otherwise: the first submission fails as
        // it would for a service that cannot be reached, the retry reaches it (the same server
        // and port throughout). The browser is online all along, so nothing may say "offline".
        ctx.server.set_newsletter_unreachable(true);
        open_widget(
            &ctx,
            &[
                ("storage-key", "nl-offline"),
                ("newsletter-action", "/newsletter/offline"),
            ],
        )
        .await?;
        let email = "offline@example.com";
        ctx.widget(HOST).fill_signup(email).await?;
        ctx.shadow_click(HOST, SUBSCRIBE).await?;
        ctx.widget(HOST).wait_status(&unreachable()).await?;
        let input = ctx.widget(HOST).field(EMAIL).await?;
        ensure!(
            input.value == email,
            "the typed address is gone: {:?}",
            input.value
        );
        ensure!(
            !input.read_only,
            "the e-mail field stays read-only after the failure"
        );
        ensure!(
            ctx.widget(HOST).field(CONSENT).await?.checked,
            "the consent box was cleared"
        );
        let button = ctx.widget(HOST).field(SUBSCRIBE).await?;
        ensure!(
            !button.disabled,
            "Subscribe stays disabled after the failure"
        );
        ensure!(
            ctx.local_storage("nl-offline:newsletter").await?.is_none(),
            "a failed sign-up was remembered"
        );

        // The connection is back. A double click's second click, right after the failure,
        // is not a retry: the form would say "Sending…" by the time the click returns, and a
        // request it sent would be a second one for the retry below.
        ctx.server.set_newsletter_unreachable(false);
        ctx.shadow_click_numbered(HOST, SUBSCRIBE, 2).await?;
        let status = ctx.widget(HOST).text(STATUS).await?;
        ensure!(
            status == unreachable(),
            "a double click's second click on Subscribe retried: the status says {status:?}"
        );
        // A press of its own sends the same address again.
        ctx.widget(HOST)
            .submit_and_expect_post(
                &generic_sent(),
                &Post::cors("/newsletter/offline", &[("email", email)]),
            )
            .await
            .context("the retry")?;
        ctx.assert_probe_clean().await
    })
    .await;
}

// ---------------------------------------------------------------------------------------------
// 5. Refused or missing newsletter-action
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn refused_or_missing_action_shows_why_and_has_no_form() {
    in_every_engine("newsletter: refused or missing action", |ctx| async move {
        for bad in ["http://example.com/subscribe", "javascript:alert(1)"] {
            let run = async {
                open_widget(
                    &ctx,
                    &[("storage-key", "nl-refused"), ("newsletter-action", bad)],
                )
                .await?;
                let shown = ctx.widget(HOST).text(".ccq-cta .ccq-error").await?;
                ensure!(
                    shown.starts_with(MISCONFIGURED) && shown.contains("newsletter-action"),
                    "owner message is {shown:?}"
                );
                assert_no_form(&ctx).await?;
                let names_it = |m: &str| m.contains("newsletter-action");
                ctx.wait_logged("console.error", "naming newsletter-action", names_it)
                    .await?;
                ctx.assert_only_logged("console.error", "naming newsletter-action", |m| {
                    m.contains("newsletter-action")
                })
                .await?;
                assert_nothing_sent(&ctx, "refused action").await
            };
            run.await
                .with_context(|| format!("newsletter-action={bad:?}"))?;
        }

        open_widget(&ctx, &[("storage-key", "nl-missing")]).await?;
        let note = ctx.widget(HOST).text(".ccq-cta .ccq-note").await?;
        ensure!(
            note == NOT_CONNECTED,
            "without newsletter-action the CTA says {note:?}"
        );
        assert_no_form(&ctx).await?;
        ensure!(
            ctx.widget(HOST)
                .text(".ccq-cta .ccq-error")
                .await?
                .is_empty(),
            "an error is shown without newsletter-action"
        );
        // Proving that nothing is logged or sent cannot be a wait: the widget is ready and its
        // call to action rendered (checked above), and anything it did would be recorded by now.
        sleep_ms(300).await;
        ctx.assert_probe_clean().await?;
        assert_nothing_sent(&ctx, "no action").await
    })
    .await;
}

// ---------------------------------------------------------------------------------------------
// 6. Remembered across a reload
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn signed_up_and_not_now_are_remembered_after_a_reload() {
    in_every_engine("newsletter: remembered after reload", |ctx| async move {
        // Signed up, as a generic endpoint confirmed readably: the one reply that means "on the
        // list" (an opaque reply is a request: see tests/signup_outcomes.rs).
        open_widget(
            &ctx,
            &[
                ("storage-key", "nl-remember-a"),
                ("newsletter-provider", "generic"),
                ("newsletter-action", "/newsletter/remember"),
            ],
        )
        .await?;
        let email = "remember.me@example.com";
        ctx.widget(HOST).fill_signup(email).await?;
        ctx.widget(HOST)
            .submit_and_expect_post(
                &generic_sent(),
                &Post::cors("/newsletter/remember", &[("email", email)]),
            )
            .await?;
        let memory = ctx.local_storage("nl-remember-a:newsletter").await?;
        ensure!(
            memory.as_deref() == Some(r#"{"v":1,"state":"subscribed"}"#),
            "after signing up nl-remember-a:newsletter holds {memory:?}"
        );
        assert_email_not_stored(&ctx, email).await?;
        ctx.client.refresh().await?;
        ctx.wait_ready(HOST).await?;
        let cta = ctx.widget(HOST).text(".ccq-cta").await?;
        ensure!(
            cta.contains(ON_THE_LIST),
            "after a reload the CTA does not say {ON_THE_LIST:?}: {cta:?}"
        );
        assert_no_form(&ctx).await?;
        ensure!(
            ctx.widget(HOST).text(STATUS).await?.is_empty(),
            "status after reload: {:?}",
            ctx.widget(HOST).text(STATUS).await?
        );
        ensure!(
            settled_posts(&ctx).await?.len() == 1,
            "the reload sent something"
        );
        assert_email_not_stored(&ctx, email).await?;
        ctx.assert_probe_clean().await?;

        // Not now.
        open_widget(
            &ctx,
            &[
                ("storage-key", "nl-remember-b"),
                ("newsletter-provider", "buttondown"),
                ("newsletter-action", "/newsletter/remember"),
            ],
        )
        .await?;
        let label = ctx.widget(HOST).text(NOT_NOW).await?;
        ensure!(label == "Not now", "the dismiss button says {label:?}");
        ctx.shadow_click(HOST, NOT_NOW).await?;
        let hidden = |ctx: Ctx, when: &'static str| async move {
            assert_no_form(&ctx).await.context(when)?;
            let show = ctx.widget(HOST).text(SHOW_FORM).await?;
            ensure!(
                show == "Show the sign-up form",
                "{when}: the way back says {show:?}"
            );
            let memory = ctx.local_storage("nl-remember-b:newsletter").await?;
            ensure!(
                memory.as_deref() == Some(r#"{"v":1,"state":"dismissed"}"#),
                "{when}: nl-remember-b:newsletter holds {memory:?}"
            );
            Ok(())
        };
        hidden(ctx.clone(), "after Not now").await?;
        ctx.client.refresh().await?;
        ctx.wait_ready(HOST).await?;
        hidden(ctx.clone(), "after a reload").await?;

        ctx.shadow_click(HOST, SHOW_FORM).await?;
        ensure!(
            ctx.shadow_count(HOST, EMAIL).await? == 1,
            "Show the sign-up form did not bring the form back"
        );
        ensure!(
            ctx.local_storage("nl-remember-b:newsletter")
                .await?
                .is_none(),
            "the dismissal is still stored after Show the sign-up form"
        );
        ctx.client.refresh().await?;
        ctx.wait_ready(HOST).await?;
        ensure!(
            ctx.shadow_count(HOST, EMAIL).await? == 1,
            "after a reload the form is hidden again"
        );
        ensure!(
            settled_posts(&ctx).await?.len() == 1,
            "Not now / Show sent something"
        );
        ctx.assert_probe_clean().await
    })
    .await;
}

// ---------------------------------------------------------------------------------------------
// 7. Generic endpoint: success and refusal
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn generic_endpoint_reply_is_reported() {
    in_every_engine("newsletter: generic endpoint reply", |ctx| async move {
        // 200 with CORS (the default reply).
        open_widget(
            &ctx,
            &[
                ("storage-key", "nl-generic-ok"),
                ("newsletter-provider", "generic"),
                ("newsletter-action", "/newsletter/generic-ok"),
            ],
        )
        .await?;
        ctx.widget(HOST).fill_signup("ok@example.com").await?;
        ctx.widget(HOST)
            .submit_and_expect_post(
                &generic_sent(),
                &Post::cors("/newsletter/generic-ok", &[("email", "ok@example.com")]),
            )
            .await?;
        ctx.assert_probe_clean().await?;

        // 422 with CORS: refused, the address kept, and a retry possible.
        ctx.server.set_newsletter_reply(NewsletterReply {
            status: 422,
            cors: true,
            body: "{\"error\":\"nope\"}".into(),
        });
        open_widget(
            &ctx,
            &[
                ("storage-key", "nl-generic-refused"),
                ("newsletter-provider", "generic"),
                ("newsletter-action", "/newsletter/generic-refused"),
            ],
        )
        .await?;
        ctx.widget(HOST).fill_signup("refused@example.com").await?;
        ctx.shadow_click(HOST, SUBSCRIBE).await?;
        let refused = ctx
            .widget(HOST)
            .wait_text(STATUS, "an outcome", |t| !t.is_empty() && t != sending())
            .await?;
        ensure!(
            refused.starts_with("The newsletter service refused the sign-up (error 422)"),
            "after a 422 the status says {refused:?}"
        );
        ensure!(
            ctx.widget(HOST).field(EMAIL).await?.value == "refused@example.com",
            "the address is gone after the refusal"
        );
        ensure!(
            !ctx.widget(HOST).field(SUBSCRIBE).await?.disabled,
            "Subscribe stays disabled after the refusal"
        );
        ensure!(
            ctx.local_storage("nl-generic-refused:newsletter")
                .await?
                .is_none(),
            "a refused sign-up was remembered"
        );

        ctx.server.set_newsletter_reply(NewsletterReply::default());
        ctx.widget(HOST)
            .submit_and_expect_post(
                &generic_sent(),
                &Post::cors(
                    "/newsletter/generic-refused",
                    &[("email", "refused@example.com")],
                ),
            )
            .await
            .context("the retry after the refusal")?;
        ctx.assert_probe_clean().await
    })
    .await;
}

// ---------------------------------------------------------------------------------------------
// 8. Our honeypot
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn filled_honeypot_sends_nothing_and_says_nothing() {
    in_every_engine("newsletter: honeypot", |ctx| async move {
        open_widget(
            &ctx,
            &[
                ("storage-key", "nl-honeypot"),
                ("newsletter-action", "/newsletter/honeypot"),
            ],
        )
        .await?;
        ctx.widget(HOST).fill_signup("bot@example.com").await?;
        ctx.eval::<()>(
            "const i = document.querySelector(arguments[0]).shadowRoot.querySelector(arguments[1]); \
             i.value = 'https://spam.example'; \
             i.dispatchEvent(new Event('input', {bubbles: true}));",
            vec![json!(HOST), json!(HONEYPOT)],
        )
        .await?;
        ctx.shadow_click(HOST, SUBSCRIBE).await?;
        // Proving that nothing is sent cannot be a wait: the click has been delivered (WebDriver
        // returns after its handlers ran) and a POST it started would be on the wire by now.
        sleep_ms(SETTLE_MS).await;
        assert_nothing_sent(&ctx, "honeypot filled").await?;
        for sel in [EMAIL_ERROR, CONSENT_ERROR, STATUS] {
            let shown = ctx.widget(HOST).text(sel).await?;
            ensure!(shown.is_empty(), "`{sel}` says {shown:?}");
        }
        ensure!(
            ctx.shadow_count(HOST, EMAIL).await? == 1,
            "the form went away"
        );
        ensure!(
            ctx.local_storage("nl-honeypot:newsletter")
                .await?
                .is_none(),
            "the honeypot submission was remembered"
        );
        ctx.assert_probe_clean().await
    })
    .await;
}

// ---------------------------------------------------------------------------------------------
// 9. A tag naming the reader's result
// ---------------------------------------------------------------------------------------------

/// `newsletter-tag="quiz-{tier}"`: before any result the sign-up carries no tag at all (never the
/// placeholder); after a result it carries the latest result's tier id.
#[tokio::test]
async fn a_tier_tag_names_the_latest_result_and_is_left_out_before_one() {
    in_every_engine("newsletter: {tier} in the tag", |ctx| async move {
        let latest = cto_cio_quiz::content::tiers::tier_for(20).id;
        assert_ne!(latest, cto_cio_quiz::content::tiers::tier_for(90).id);
        let cases: [(&str, Option<&str>, Option<String>); 2] = [
            ("nl-tier-none", None, None),
            (
                "nl-tier-after",
                // A best of 9 / 10, then the latest 2 / 10: the latest result's tier is sent.
                Some(
                    r#"{"v":1,"entries":[{"score":9,"total":10,"finished_at_ms":1764288000000},{"score":2,"total":10,"finished_at_ms":1764288060000}]}"#,
                ),
                Some(["quiz-", latest].concat()),
            ),
        ];
        for (key, history, expected) in &cases {
            ctx.open("/pages/blank.html").await?;
            ctx.eval::<()>(
                "localStorage.clear(); if (arguments[1]) localStorage.setItem(arguments[0], arguments[1]);",
                vec![json!(format!("{key}:history")), json!(history)],
            )
            .await?;
            open_widget(
                &ctx,
                &[
                    ("storage-key", key),
                    ("newsletter-action", "/newsletter/generic/subscribe"),
                    ("newsletter-tag", "quiz-{tier}"),
                ],
            )
            .await?;
            let email = "reader@example.net";
            ctx.widget(HOST).fill_signup(email).await?;
            // Every field is compared, so a tag where none belongs fails as a missing one does.
            let mut fields = vec![("email", email)];
            fields.extend(expected.as_deref().map(|tag| ("tag", tag)));
            ctx.widget(HOST)
                .submit_and_expect_post(
                    &generic_sent(),
                    &Post::cors("/newsletter/generic/subscribe", &fields),
                )
                .await
                .with_context(|| format!("{key}: the tag {expected:?}"))?;
            ctx.assert_probe_clean().await?;
        }
        Ok(())
    })
    .await;
}
