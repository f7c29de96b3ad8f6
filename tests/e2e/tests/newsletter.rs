//! The newsletter call to action end to end, each scenario in Chromium, Firefox and WebKit with a
//! fresh profile and a fresh recording server: the exact fields each provider receives, one request
//! per submission, validation and consent errors, an address typed with spaces staying as typed,
//! the offline case and its retry, a refused or missing `newsletter-action`, the remembered choice
//! after a reload, a generic endpoint's success and refusal, our own honeypot, and a tag naming the
//! reader's result tier.
//!
//! The host page is `pages/newsletter-host.html`: its script builds `<cto-cio-quiz id="quiz">` from
//! the query string before the loader runs, because `newsletter-action` must name the test server's
//! port, known only at run time (a value starting with `/` is made absolute on the page's origin).
//!
//! They need the release bundle: `cargo xtask dist` first (or `CCQ_DIST=<dir>`).

use std::time::Instant;

use anyhow::{bail, ensure, Context};
use cto_cio_quiz::newsletter::{Delivery, Failure, FieldError, FormState};
use e2e::page::{sleep_ms, with_query};
use e2e::server::parse_form;
use e2e::widget::{status_line, HOST, STATUS, STEP};
use e2e::{in_every_engine, Ctx, NewsletterReply, RecordedRequest};
use fantoccini::actions::{InputSource, MouseActions, PointerAction, MOUSE_BUTTON_LEFT};
use serde::Deserialize;
use serde_json::json;

/// Selectors inside the widget's shadow root.
const FORM: &str = "form.ccq-signup";
const EMAIL: &str = "#ccq-email";
const EMAIL_ERROR: &str = "#ccq-email-error";
const CONSENT: &str = "input[type=checkbox][aria-describedby=ccq-consent-error]";
const CONSENT_ERROR: &str = "#ccq-consent-error";
const HONEYPOT: &str = "input[name=ccq-website]";
const SUBSCRIBE: &str = "form.ccq-signup button[type=submit]";
const NOT_NOW: &str = "form.ccq-signup .ccq-actions button.ccq-link-btn";
const SHOW_FORM: &str = ".ccq-cta .ccq-note button.ccq-link-btn";

const FORM_URLENCODED: &str = "application/x-www-form-urlencoded";

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
fn offline() -> String {
    status_line(&FormState::Failed(Failure::Offline))
}
const ON_THE_LIST: &str = "You’re on the list.";
const NOT_CONNECTED: &str = "The newsletter sign-up is not connected yet.";
const MISCONFIGURED: &str = "The newsletter sign-up is not set up correctly";

/// How long a stray second request gets to show up (see `settled_posts`).
const SETTLE_MS: u64 = 600;

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

/// Types into the e-mail field with real key events.
async fn type_email(ctx: &Ctx, text: &str) -> e2e::Result<()> {
    ctx.shadow_find(HOST, EMAIL)
        .await?
        .send_keys(text)
        .await
        .with_context(|| format!("typing {text:?} into {EMAIL}"))
}

/// Empties the e-mail field with Backspace key presses (real input events in every engine).
async fn erase_email(ctx: &Ctx) -> e2e::Result<()> {
    let len = field(ctx, EMAIL).await?.value.chars().count();
    let keys = format!("\u{E010}{}", "\u{E003}".repeat(len + 2)); // End, then Backspaces
    ctx.shadow_find(HOST, EMAIL).await?.send_keys(&keys).await?;
    let left = field(ctx, EMAIL).await?.value;
    ensure!(left.is_empty(), "the e-mail field still holds {left:?}");
    Ok(())
}

async fn fill_valid(ctx: &Ctx, email: &str) -> e2e::Result<()> {
    type_email(ctx, email).await?;
    ctx.shadow_click(HOST, CONSENT).await?;
    ensure!(field(ctx, CONSENT).await?.checked, "consent box not ticked");
    Ok(())
}

/// The state of a form control inside the shadow root.
#[derive(Debug, Deserialize)]
struct Field {
    value: String,
    checked: bool,
    disabled: bool,
    read_only: bool,
    aria_invalid: Option<String>,
}

async fn field(ctx: &Ctx, sel: &str) -> e2e::Result<Field> {
    let found: Option<Field> = ctx
        .eval(
            "const h = document.querySelector(arguments[0]); \
             const e = h && h.shadowRoot ? h.shadowRoot.querySelector(arguments[1]) : null; \
             return e ? {value: e.value, checked: !!e.checked, disabled: !!e.disabled, \
                         read_only: !!e.readOnly, aria_invalid: e.getAttribute('aria-invalid')} \
                      : null;",
            vec![json!(HOST), json!(sel)],
        )
        .await?;
    found.with_context(|| format!("no `{sel}` inside the widget"))
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

/// Waits until the recorder has a POST (each caller has already seen the status that follows it).
async fn wait_for_a_post(ctx: &Ctx) -> e2e::Result<()> {
    let deadline = Instant::now() + STEP;
    while ctx.server.newsletter_posts().is_empty() {
        if Instant::now() > deadline {
            bail!(
                "no newsletter POST arrived within {STEP:?}; probe: {}",
                ctx.probe_summary().await
            );
        }
        sleep_ms(50).await;
    }
    Ok(())
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

/// Every request recorded once the first POST has arrived and a stray second one had time to
/// (failing if any was not a POST: these bodies are simple requests and need no preflight).
async fn settled_posts(ctx: &Ctx) -> e2e::Result<Vec<RecordedRequest>> {
    wait_for_a_post(ctx).await?;
    // Proving that no second request follows cannot be a wait: the first one has arrived (the
    // positive signal), and a duplicate from the same click would be on the wire by now.
    sleep_ms(SETTLE_MS).await;
    let all = ctx.server.newsletter_requests();
    let other: Vec<String> = all
        .iter()
        .filter(|r| r.method != "POST")
        .map(|r| format!("{} {}", r.method, r.path))
        .collect();
    ensure!(other.is_empty(), "unexpected non-POST requests: {other:?}");
    Ok(all)
}

/// One recorded POST is exactly what the provider expects.
fn check_post(
    post: &RecordedRequest,
    path: &str,
    fields: &[(&str, &str)],
    fetch_mode: &str,
) -> e2e::Result<()> {
    ensure!(
        post.method == "POST",
        "method {} instead of POST",
        post.method
    );
    ensure!(
        post.path == path,
        "posted to {:?} instead of {path:?}",
        post.path
    );
    ensure!(
        post.content_type.as_deref() == Some(FORM_URLENCODED),
        "content-type {:?} instead of {FORM_URLENCODED:?}",
        post.content_type
    );
    let want: Vec<(String, String)> = fields
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    ensure!(
        post.form() == want,
        "fields {:?} (raw body {:?}) instead of {want:?}",
        post.form(),
        post.body_text()
    );
    ensure!(
        post.header("cookie").is_none(),
        "the sign-up carried cookies: {:?}",
        post.header("cookie")
    );
    // Fetch Metadata (sent by all three engines) tells the server the fetch mode.
    let mode = post.header("sec-fetch-mode");
    ensure!(
        mode == Some(fetch_mode),
        "fetched in {mode:?} mode instead of {fetch_mode:?}"
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
    let forms = ctx.shadow_count(HOST, FORM).await?;
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
                let trap = field(&ctx, HONEYPOT).await?;
                ensure!(
                    trap.value.is_empty(),
                    "our honeypot starts filled: {trap:?}"
                );
                fill_valid(&ctx, case.email).await?;
                ensure!(
                    ctx.server.newsletter_requests().len() == i,
                    "a request left before Subscribe was clicked"
                );
                ensure!(
                    ctx.resources("/newsletter/").await?.is_empty(),
                    "the page fetched /newsletter/ before Subscribe was clicked"
                );
                ctx.shadow_click(HOST, SUBSCRIBE).await?;
                ctx.widget(HOST)
                    .wait_status(&status_line(&case.status))
                    .await?;
                let posts = settled_posts(&ctx).await?;
                ensure!(
                    posts.len() == i + 1,
                    "expected one new POST, the server has {} in all",
                    posts.len()
                );
                let path = case.action.to_owned();
                check_post(&posts[i], &path, case.fields, case.fetch_mode)?;
                // The form made way for the status; the choice is remembered, not the address.
                assert_no_form(&ctx).await?;
                let memory = ctx.local_storage(&format!("{key}:newsletter")).await?;
                ensure!(
                    memory.as_deref() == Some(r#"{"v":1,"state":"signed_up"}"#),
                    "{key}:newsletter holds {memory:?}"
                );
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

#[tokio::test]
async fn double_submission_sends_one_request() {
    in_every_engine("newsletter: one request per submission", |ctx| async move {
        // A real double click on Subscribe (provider: no-cors fetch).
        open_widget(
            &ctx,
            &[
                ("storage-key", "nl-double-click"),
                ("newsletter-provider", "buttondown"),
                ("newsletter-action", "/newsletter/double-click"),
            ],
        )
        .await?;
        fill_valid(&ctx, "double@example.com").await?;
        double_click(&ctx, SUBSCRIBE).await?;
        ctx.widget(HOST).wait_status(&provider_sent()).await?;
        let posts = settled_posts(&ctx).await?;
        ensure!(
            posts.len() == 1,
            "double click: {} POSTs instead of 1",
            posts.len()
        );
        ctx.assert_probe_clean().await?;

        // Enter pressed twice in the e-mail field (generic: cors fetch).
        open_widget(
            &ctx,
            &[
                ("storage-key", "nl-double-enter"),
                ("newsletter-action", "/newsletter/double-enter"),
            ],
        )
        .await?;
        fill_valid(&ctx, "enter@example.com").await?;
        type_email(&ctx, "\u{E007}\u{E007}").await?;
        ctx.widget(HOST).wait_status(&generic_sent()).await?;
        let posts = settled_posts(&ctx).await?;
        ensure!(
            posts.len() == 2,
            "Enter twice: {} POSTs instead of 1",
            posts.len() - 1
        );
        ensure!(
            posts[1].form_field("email").as_deref() == Some("enter@example.com"),
            "Enter twice posted {:?}",
            posts[1].body_text()
        );
        ctx.assert_probe_clean().await?;

        // Two clicks in the same task, before the widget can re-render the button as disabled.
        open_widget(
            &ctx,
            &[
                ("storage-key", "nl-double-script"),
                ("newsletter-action", "/newsletter/double-script"),
            ],
        )
        .await?;
        fill_valid(&ctx, "script@example.com").await?;
        ctx.eval::<()>(
            "const b = document.querySelector(arguments[0]).shadowRoot.querySelector(arguments[1]); \
             b.click(); b.click();",
            vec![json!(HOST), json!(SUBSCRIBE)],
        )
        .await?;
        ctx.widget(HOST).wait_status(&generic_sent()).await?;
        let posts = settled_posts(&ctx).await?;
        ensure!(
            posts.len() == 3,
            "two clicks in one task: {} POSTs instead of 1",
            posts.len() - 2
        );
        ctx.assert_probe_clean().await
    })
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
        field(ctx, EMAIL).await?.aria_invalid,
        field(ctx, CONSENT).await?.aria_invalid,
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
        let consent = field(&ctx, CONSENT).await?;
        ensure!(!consent.checked, "the consent box starts ticked");
        check_errors(&ctx, "untouched", "", "", None).await?;

        ctx.shadow_click(HOST, SUBSCRIBE).await?;
        check_errors(
            &ctx,
            "empty submit",
            FieldError::EmailMissing.message(),
            FieldError::ConsentMissing.message(),
            Some(EMAIL),
        )
        .await?;

        // The e-mail error follows the typing once shown; a submit confirms it. (No spaces here:
        // typing spaces has its own scenario below.)
        type_email(&ctx, "name.example.com").await?;
        check_errors(
            &ctx,
            "typing",
            FieldError::EmailInvalid.message(),
            FieldError::ConsentMissing.message(),
            None,
        )
        .await?;
        ctx.shadow_click(HOST, SUBSCRIBE).await?;
        check_errors(
            &ctx,
            "invalid e-mail submit",
            FieldError::EmailInvalid.message(),
            FieldError::ConsentMissing.message(),
            Some(EMAIL),
        )
        .await?;

        erase_email(&ctx).await?;
        type_email(&ctx, "valid@example.com").await?;
        check_errors(
            &ctx,
            "fixed e-mail",
            "",
            FieldError::ConsentMissing.message(),
            None,
        )
        .await?;
        ctx.shadow_click(HOST, SUBSCRIBE).await?;
        check_errors(
            &ctx,
            "submit without consent",
            "",
            FieldError::ConsentMissing.message(),
            Some(CONSENT),
        )
        .await?;

        ctx.shadow_click(HOST, CONSENT).await?;
        check_errors(&ctx, "consent ticked", "", "", None).await?;

        // Now it goes through, once.
        ctx.shadow_click(HOST, SUBSCRIBE).await?;
        ctx.widget(HOST).wait_status(&generic_sent()).await?;
        let posts = settled_posts(&ctx).await?;
        ensure!(posts.len() == 1, "{} POSTs instead of 1", posts.len());
        check_post(
            &posts[0],
            "/newsletter/validation",
            &[("email", "valid@example.com")],
            "cors",
        )?;
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
        type_email(&ctx, typed).await?;
        let value = field(&ctx, EMAIL).await?.value;
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
async fn offline_keeps_the_address_and_allows_a_retry() {
    in_every_engine("newsletter: offline and retry", |ctx| async move {
        // The recorder hangs up unanswered until told otherwise: the first submission fails as
        // it would offline, the retry reaches it (the same server and port throughout).
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
        fill_valid(&ctx, email).await?;
        ctx.shadow_click(HOST, SUBSCRIBE).await?;
        ctx.widget(HOST).wait_status(&offline()).await?;
        let input = field(&ctx, EMAIL).await?;
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
            field(&ctx, CONSENT).await?.checked,
            "the consent box was cleared"
        );
        let button = field(&ctx, SUBSCRIBE).await?;
        ensure!(
            !button.disabled,
            "Subscribe stays disabled after the failure"
        );
        ensure!(
            ctx.local_storage("nl-offline:newsletter").await?.is_none(),
            "a failed sign-up was remembered"
        );

        // The connection is back: the same button sends the same address again.
        ctx.server.set_newsletter_unreachable(false);
        ctx.shadow_click(HOST, SUBSCRIBE).await?;
        ctx.widget(HOST).wait_status(&generic_sent()).await?;
        let posts = settled_posts(&ctx).await?;
        ensure!(
            posts.len() == 1,
            "the retry made {} request(s): {:?}",
            posts.len(),
            posts.iter().map(|r| &r.path).collect::<Vec<_>>()
        );
        ensure!(
            posts[0].path == "/newsletter/offline"
                && posts[0].form() == [("email".to_owned(), email.to_owned())],
            "the retry sent {} {}",
            posts[0].path,
            posts[0].body_text()
        );
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
        // Signed up.
        open_widget(
            &ctx,
            &[
                ("storage-key", "nl-remember-a"),
                ("newsletter-provider", "buttondown"),
                ("newsletter-action", "/newsletter/remember"),
            ],
        )
        .await?;
        let email = "remember.me@example.com";
        fill_valid(&ctx, email).await?;
        ctx.shadow_click(HOST, SUBSCRIBE).await?;
        ctx.widget(HOST).wait_status(&provider_sent()).await?;
        let memory = ctx.local_storage("nl-remember-a:newsletter").await?;
        ensure!(
            memory.as_deref() == Some(r#"{"v":1,"state":"signed_up"}"#),
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
        fill_valid(&ctx, "ok@example.com").await?;
        ctx.shadow_click(HOST, SUBSCRIBE).await?;
        ctx.widget(HOST).wait_status(&generic_sent()).await?;
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
        fill_valid(&ctx, "refused@example.com").await?;
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
            field(&ctx, EMAIL).await?.value == "refused@example.com",
            "the address is gone after the refusal"
        );
        ensure!(
            !field(&ctx, SUBSCRIBE).await?.disabled,
            "Subscribe stays disabled after the refusal"
        );
        ensure!(
            ctx.local_storage("nl-generic-refused:newsletter")
                .await?
                .is_none(),
            "a refused sign-up was remembered"
        );

        ctx.server.set_newsletter_reply(NewsletterReply::default());
        ctx.shadow_click(HOST, SUBSCRIBE).await?;
        ctx.widget(HOST).wait_status(&generic_sent()).await?;
        let posts = settled_posts(&ctx).await?;
        ensure!(posts.len() == 3, "{} POSTs instead of 3", posts.len());
        check_post(
            &posts[2],
            "/newsletter/generic-refused",
            &[("email", "refused@example.com")],
            "cors",
        )?;
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
        fill_valid(&ctx, "bot@example.com").await?;
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
        for (i, (key, history, expected)) in cases.iter().enumerate() {
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
            fill_valid(&ctx, "reader@example.net").await?;
            ctx.shadow_click(HOST, SUBSCRIBE).await?;
            // The status is shown once the endpoint answered: the request is recorded by then.
            ctx.widget(HOST).wait_status(&generic_sent()).await?;
            let posts = ctx.server.newsletter_posts();
            ensure!(
                posts.len() == i + 1,
                "{key}: expected one new POST, the server has {} in all",
                posts.len()
            );
            let fields = parse_form(&posts[i].body_text());
            let tag = fields
                .iter()
                .find(|(name, _)| name == "tag")
                .map(|(_, value)| value.clone());
            ensure!(
                tag == *expected,
                "{key}: the sign-up carried tag {tag:?}, expected {expected:?} (fields {fields:?})"
            );
            ctx.assert_probe_clean().await?;
        }
        Ok(())
    })
    .await;
}
