//! What a sign-up says and remembers when the reply is not a plain success, end to end in
//! Chromium, Firefox and WebKit: a service that never answers (the form gives up after 15 s and
//! can send again), an opaque reply, even a 404 (a request, with its date, never "on the list", and
//! a way to sign up again after a reload), a generic endpoint that answers without CORS headers
//! (not called "offline"), and a widget removed while its request is out (nothing traps, the
//! other widget keeps working, a new one mounts).
//!
//! Host pages: `pages/newsletter-host.html` (one widget from the query string) and
//! `pages/signup-two.html` (two). They need the release bundle: `cargo xtask dist` first.

use std::time::Duration;

use anyhow::{ensure, Context};
use cto_cio_quiz::newsletter::{Delivery, Failure, FormState, REPLY_TIMEOUT_MS};
use cto_cio_quiz::present::newsletter::{requested_note, SIGN_UP_AGAIN};
use e2e::page::with_query;
use e2e::widget::{status_line, Post, EMAIL, HOST, STATUS, SUBSCRIBE};
use e2e::{in_every_engine, Ctx, NewsletterReply, Scenario};
use serde_json::json;

/// The "Sign up again" button, wherever the call to action shows it.
const SIGN_UP_AGAIN_BUTTON: &str = ".ccq-cta .ccq-note button.ccq-link-btn";

/// Longer than the sign-up's own deadline, for the wait that must see it pass.
const PAST_THE_DEADLINE: Duration = Duration::from_millis(REPLY_TIMEOUT_MS as u64 + 15_000);

async fn open_widget(ctx: &Ctx, attrs: &[(&str, &str)]) -> e2e::Result<()> {
    ctx.open(&with_query("/pages/newsletter-host.html", attrs))
        .await?;
    ctx.wait_ready(HOST).await
}

/// Fails unless the form takes input again with `email` still in it.
async fn assert_editable_with(ctx: &Ctx, email: &str) -> e2e::Result<()> {
    let field = ctx.widget(HOST).field(EMAIL).await?;
    ensure!(
        field.value == email,
        "the typed address is gone: {:?}",
        field.value
    );
    ensure!(!field.read_only, "the e-mail field stays read-only");
    ensure!(
        !ctx.widget(HOST).field(SUBSCRIBE).await?.disabled,
        "Subscribe stays disabled"
    );
    Ok(())
}

#[tokio::test]
async fn a_request_that_never_answers_gives_up_and_can_be_sent_again() {
    Scenario::new("sign-up: a service that never answers")
        .timeout(Duration::from_secs(180))
        .run(|ctx| async move {
            ctx.server.hold_newsletter_replies(true);
            open_widget(
                &ctx,
                &[
                    ("storage-key", "so-never"),
                    ("newsletter-action", "/newsletter/never"),
                ],
            )
            .await?;
            let email = "patient@example.com";
            ctx.widget(HOST).fill_signup(email).await?;
            ctx.shadow_click(HOST, SUBSCRIBE).await?;
            ctx.widget(HOST)
                .wait_status(&status_line(&FormState::Sending))
                .await?;
            let gave_up = status_line(&FormState::Failed(Failure::TimedOut));
            ctx.wait_for(
                "the sign-up to give up",
                PAST_THE_DEADLINE,
                "const h = document.querySelector(arguments[0]); \
                 const s = h.shadowRoot.querySelector(arguments[1]); \
                 return s.textContent.trim() === arguments[2];",
                vec![json!(HOST), json!(STATUS), json!(gave_up)],
            )
            .await?;
            assert_editable_with(&ctx, email).await?;
            ensure!(
                ctx.local_storage("so-never:newsletter").await?.is_none(),
                "an unanswered sign-up was remembered"
            );
            // The service answers again: the same button sends the same address once more.
            ctx.server.hold_newsletter_replies(false);
            ctx.widget(HOST)
                .submit_and_expect_post(
                    &status_line(&FormState::Sent(Delivery::Confirmed)),
                    &Post::cors("/newsletter/never", &[("email", email)]),
                )
                .await
                .context("sending again")?;
            ctx.assert_probe_clean().await
        })
        .await;
}

#[tokio::test]
async fn an_opaque_reply_is_a_request_and_a_reload_offers_to_sign_up_again() {
    Scenario::new("sign-up: an opaque 404, then a reload")
        .newsletter_reply(NewsletterReply {
            status: 404,
            cors: false,
            body: "no such newsletter".into(),
        })
        .run(|ctx| async move {
            open_widget(
                &ctx,
                &[
                    ("storage-key", "so-opaque"),
                    ("newsletter-provider", "buttondown"),
                    ("newsletter-action", "/newsletter/wrong-username"),
                ],
            )
            .await?;
            let email = "hopeful@example.com";
            ctx.widget(HOST).fill_signup(email).await?;
            let fields = [("email", email), ("embed", "1")];
            ctx.widget(HOST)
                .submit_and_expect_post(
                    &status_line(&FormState::Sent(Delivery::Unconfirmed)),
                    &Post::no_cors("/newsletter/wrong-username", &fields),
                )
                .await?;
            let again = ctx.widget(HOST).text(SIGN_UP_AGAIN_BUTTON).await?;
            ensure!(
                again == SIGN_UP_AGAIN,
                "after sending, the way back says {again:?}"
            );
            let stored = ctx
                .local_storage("so-opaque:newsletter")
                .await?
                .context("nothing remembered after an opaque reply")?;
            let memory: serde_json::Value = serde_json::from_str(&stored)?;
            ensure!(
                memory["state"] == "requested" && memory["at_ms"].is_u64(),
                "an opaque reply is remembered as {stored}, not as a dated request"
            );

            ctx.client.refresh().await?;
            ctx.wait_ready(HOST).await?;
            // The note names the reader's own calendar day of the request.
            let day: (u32, u32, u32) = ctx
                .eval(
                    "const d = new Date(arguments[0]); \
                     return [d.getFullYear(), d.getMonth() + 1, d.getDate()];",
                    vec![memory["at_ms"].clone()],
                )
                .await?;
            let note = ctx.widget(HOST).text(".ccq-cta .ccq-note").await?;
            ensure!(
                note == [requested_note(Some(day)), " ".into(), SIGN_UP_AGAIN.into()].concat(),
                "after a reload the call to action says {note:?}"
            );
            let cta = ctx.widget(HOST).text(".ccq-cta").await?;
            ensure!(
                !cta.contains("on the list"),
                "a request is called a subscription: {cta:?}"
            );
            ensure!(
                ctx.shadow_count(HOST, EMAIL).await? == 0,
                "the form shows although a request was sent"
            );

            ctx.shadow_click(HOST, SIGN_UP_AGAIN_BUTTON).await?;
            ctx.wait_for(
                "the form to come back",
                Duration::from_secs(10),
                "const h = document.querySelector(arguments[0]); \
                 return !!h.shadowRoot.querySelector(arguments[1]);",
                vec![json!(HOST), json!(EMAIL)],
            )
            .await?;
            ensure!(
                ctx.local_storage("so-opaque:newsletter").await?.is_none(),
                "the request is still remembered after Sign up again"
            );
            ctx.widget(HOST).fill_signup(email).await?;
            ctx.widget(HOST)
                .submit_and_expect_post(
                    &status_line(&FormState::Sent(Delivery::Unconfirmed)),
                    &Post::no_cors("/newsletter/wrong-username", &fields),
                )
                .await
                .context("signing up again")?;
            ctx.assert_probe_clean().await
        })
        .await;
}

#[tokio::test]
async fn a_generic_endpoint_without_cors_is_not_called_offline() {
    // The endpoint is on another origin (`localhost` for the page's `127.0.0.1`), where only
    // CORS decides whether the page may read the reply: no CSP header, so nothing else blocks it.
    Scenario::new("sign-up: a generic 200 without CORS")
        .newsletter_reply(NewsletterReply {
            status: 200,
            cors: false,
            body: "{\"ok\":true}".into(),
        })
        .csp(None)
        .run(|ctx| async move {
            let action = ctx.server.cross_origin_url("/newsletter/no-cors");
            open_widget(
                &ctx,
                &[
                    ("storage-key", "so-no-cors"),
                    ("newsletter-provider", "generic"),
                    ("newsletter-action", &action),
                ],
            )
            .await?;
            let email = "processed@example.com";
            ctx.widget(HOST).fill_signup(email).await?;
            let said = status_line(&FormState::Failed(Failure::Unreachable));
            ctx.widget(HOST)
                .submit_and_expect_post(
                    &said,
                    &Post::cors("/newsletter/no-cors", &[("email", email)]),
                )
                .await?;
            ensure!(!said.contains("offline"), "{said:?}");
            assert_editable_with(&ctx, email).await?;
            ensure!(
                ctx.local_storage("so-no-cors:newsletter").await?.is_none(),
                "an unconfirmed generic sign-up was remembered"
            );
            // The browser reports the missing CORS header as a console error of its own in some
            // engines; the widget adds none.
            let ours: Vec<String> = ctx
                .probe()
                .await?
                .into_iter()
                .filter(|e| {
                    e.message.contains("<cto-cio-quiz>") || e.message.contains("RuntimeError")
                })
                .map(|e| e.message)
                .collect();
            ensure!(ours.is_empty(), "the widget logged: {ours:?}");
            Ok(())
        })
        .await;
}

#[tokio::test]
async fn removing_a_widget_while_its_sign_up_is_out_breaks_nothing() {
    in_every_engine(
        "sign-up: the widget removed mid-request",
        |ctx| async move {
            ctx.server.hold_newsletter_replies(true);
            ctx.open(&with_query(
                "/pages/signup-two.html",
                &[
                    ("storage-key", "so-removed"),
                    ("newsletter-action", "/newsletter/removed"),
                ],
            ))
            .await?;
            ctx.wait_ready(HOST).await?;
            ctx.wait_ready("#other").await?;
            ctx.widget(HOST).fill_signup("leaving@example.com").await?;
            ctx.shadow_click(HOST, SUBSCRIBE).await?;
            ctx.widget(HOST)
                .wait_status(&status_line(&FormState::Sending))
                .await?;
            e2e::widget::wait_for_a_post(&ctx).await?;

            // The reader navigates on: the app removes the widget, and the loader unmounts it.
            let _: bool = ctx
                .eval(
                    "window.__gone = document.getElementById('quiz'); window.__gone.remove(); \
                 return true;",
                    vec![],
                )
                .await?;
            ctx.wait_for(
                "the loader to unmount the removed widget (it resets the element)",
                Duration::from_secs(10),
                "return !window.__gone.hasAttribute('data-ccq-state');",
                vec![],
            )
            .await?;
            // Only now does the reply arrive, for a widget that is gone.
            let settled: u32 = ctx.eval("return window.__ccqReplies;", vec![]).await?;
            ctx.server.hold_newsletter_replies(false);
            ctx.wait_for(
                "the reply to reach the page",
                Duration::from_secs(10),
                "return window.__ccqReplies > arguments[0];",
                vec![json!(settled)],
            )
            .await?;

            // The other widget, in the same wasm instance, still works.
            let other = ctx.widget("#other");
            let first = other.start().await?;
            ensure!(first.kind == "question", "the other widget shows {first:?}");
            // And an element created now mounts.
            let _: bool = ctx
                .eval("window.__ccqAddWidget('late'); return true;", vec![])
                .await?;
            ctx.wait_ready("#late").await?;
            ctx.widget("#late").start().await?;
            ctx.assert_probe_clean().await
        },
    )
    .await;
}
