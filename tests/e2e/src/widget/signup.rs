//! The sign-up driver: filling in the form with real key events and clicks, and submitting it
//! with the one check every sign-up scenario ends with, [`Widget::submit_and_expect_post`]: the
//! status line the reader sees, then exactly one new request at the test server's recorder, a
//! POST that is exactly the [`Post`] expected.
//!
//! ```no_run
//! # async fn demo(ctx: &e2e::Ctx) -> e2e::Result {
//! use e2e::widget::{status_line, Post, HOST};
//! use cto_cio_quiz::newsletter::{Delivery, FormState};
//! let signup = ctx.widget(HOST);
//! signup.fill_signup("reader@example.com").await?; // typed, and the consent box ticked
//! signup
//!     .submit_and_expect_post(
//!         &status_line(&FormState::Sent(Delivery::Confirmed)),
//!         &Post::cors("/newsletter/generic/subscribe", &[("email", "reader@example.com")]),
//!     )
//!     .await?;
//! # Ok(()) }
//! ```

use std::future::Future;
use std::time::Instant;

use anyhow::{bail, ensure, Context};
use serde::Deserialize;
use serde_json::json;

use super::{Widget, CONSENT, EMAIL, STEP, SUBSCRIBE};
use crate::page::sleep_ms;
use crate::server::RecordedRequest;
use crate::session::Ctx;

/// How long a stray second request gets to show up once the first has arrived (see
/// [`settled_posts`]).
pub const SETTLE_MS: u64 = 600;

const FORM_URLENCODED: &str = "application/x-www-form-urlencoded";

/// The state of a form control inside the shadow root.
#[derive(Debug, Deserialize)]
pub struct Field {
    /// `value`.
    pub value: String,
    /// `checked`.
    pub checked: bool,
    /// `disabled`.
    pub disabled: bool,
    /// `readOnly`.
    pub read_only: bool,
    /// The `aria-invalid` attribute.
    pub aria_invalid: Option<String>,
}

/// The request a sign-up must send: where, with which form fields (all of them, in order), and
/// in which fetch mode (`cors` for the generic provider, `no-cors` for the others).
#[derive(Clone, Copy, Debug)]
pub struct Post<'a> {
    /// Path (and query) on the test server.
    pub path: &'a str,
    /// Every form field, in order.
    pub fields: &'a [(&'a str, &'a str)],
    /// The `Sec-Fetch-Mode` the engine reports.
    pub fetch_mode: &'a str,
}

impl<'a> Post<'a> {
    /// A POST in `cors` mode (the generic provider, whose reply the widget reads).
    pub fn cors(path: &'a str, fields: &'a [(&'a str, &'a str)]) -> Post<'a> {
        Post {
            path,
            fields,
            fetch_mode: "cors",
        }
    }

    /// A POST in `no-cors` mode (Buttondown, Mailchimp, Kit: their replies are opaque).
    pub fn no_cors(path: &'a str, fields: &'a [(&'a str, &'a str)]) -> Post<'a> {
        Post {
            path,
            fields,
            fetch_mode: "no-cors",
        }
    }

    /// Fails unless `post` is exactly this request: a form-urlencoded POST to the path with these
    /// fields, without cookies, in this fetch mode.
    pub fn check(&self, post: &RecordedRequest) -> crate::Result<()> {
        let Post {
            path,
            fields,
            fetch_mode,
        } = *self;
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
}

/// Waits until the recorder has a POST (each caller has already seen the status that follows it).
pub async fn wait_for_a_post(ctx: &Ctx) -> crate::Result<()> {
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

/// Every request recorded once the first POST has arrived and a stray second one had time to
/// (failing if any was not a POST: these bodies are simple requests and need no preflight).
pub async fn settled_posts(ctx: &Ctx) -> crate::Result<Vec<RecordedRequest>> {
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

impl Widget<'_> {
    /// The state of the form control `sel` inside the shadow root.
    pub async fn field(&self, sel: &str) -> crate::Result<Field> {
        let found: Option<Field> = self
            .ctx
            .eval(
                "const h = document.querySelector(arguments[0]); \
                 const e = h && h.shadowRoot ? h.shadowRoot.querySelector(arguments[1]) : null; \
                 return e ? {value: e.value, checked: !!e.checked, disabled: !!e.disabled, \
                             read_only: !!e.readOnly, aria_invalid: e.getAttribute('aria-invalid')} \
                          : null;",
                vec![json!(self.host), json!(sel)],
            )
            .await?;
        found.with_context(|| format!("no `{sel}` inside the widget `{}`", self.host))
    }

    /// Types into the e-mail field with real key events.
    pub async fn type_email(&self, text: &str) -> crate::Result<()> {
        self.ctx
            .shadow_find(self.host, EMAIL)
            .await?
            .send_keys(text)
            .await
            .with_context(|| format!("typing {text:?} into {EMAIL}"))
    }

    /// Types `email` into the e-mail field and ticks the consent box (a real click).
    pub async fn fill_signup(&self, email: &str) -> crate::Result<()> {
        self.type_email(email).await?;
        self.ctx.shadow_click(self.host, CONSENT).await?;
        ensure!(self.field(CONSENT).await?.checked, "consent box not ticked");
        Ok(())
    }

    /// Clicks "Subscribe" (a real click), then [`Widget::expect_post_from`]'s checks: the status
    /// line says `status`, and the recorder got exactly one new request, `expected`. Returns it.
    pub async fn submit_and_expect_post(
        &self,
        status: &str,
        expected: &Post<'_>,
    ) -> crate::Result<RecordedRequest> {
        self.expect_post_from(
            self.ctx.shadow_click(self.host, SUBSCRIBE),
            status,
            expected,
        )
        .await
    }

    /// Submits the sign-up by running `submit` (a double click, Enter in a field, a script…),
    /// waits until the status line says `status`, lets a stray second request show up
    /// ([`settled_posts`]), and fails unless exactly one request arrived since `submit` started
    /// and it is `expected` ([`Post::check`]). Returns it.
    pub async fn expect_post_from(
        &self,
        submit: impl Future<Output = crate::Result<()>>,
        status: &str,
        expected: &Post<'_>,
    ) -> crate::Result<RecordedRequest> {
        let before = self.ctx.server.newsletter_requests().len();
        submit.await?;
        self.wait_status(status).await?;
        let posts = settled_posts(self.ctx).await?;
        ensure!(
            posts.len() == before + 1,
            "expected one new POST, the server has {} in all ({before} before the submission)",
            posts.len()
        );
        let post = posts[before].clone();
        expected
            .check(&post)
            .with_context(|| format!("the sign-up POST to {}", expected.path))?;
        Ok(post)
    }
}
