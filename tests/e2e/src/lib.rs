//! End-to-end harness for the cto-cio-quiz widget: real browsers (Chromium, Firefox ESR, WebKitGTK)
//! driven over W3C WebDriver against a real HTTP server on 127.0.0.1.
//!
//! A scenario is an async closure run once per engine, each time with a fresh browser session and a
//! fresh server (so recorded newsletter posts never mix between engines):
//!
//! ```no_run
//! # async fn demo() {
//! e2e::in_every_engine("one widget", |ctx| async move {
//!     ctx.open("/pages/one.html").await?;
//!     ctx.wait_ready("#quiz").await?;
//!     ctx.assert_probe_clean().await
//! })
//! .await;
//! # }
//! ```
//!
//! Modules, one concern each:
//! - [`bank`]: the question bank as scenarios see it (right answers, progress text).
//! - [`cdp`]: Chrome DevTools Protocol commands through chromedriver (Chromium only).
//! - [`engines`]: which engines exist, where their binaries are, their capabilities.
//! - [`driver`]: starting a WebDriver process on a free port and killing it (process group) again.
//! - [`cleanup`]: kills still-running drivers when the test process is interrupted (Ctrl-C).
//! - [`http`]: the one HTTP client (driver status, CDP, header checks), over hyper.
//! - [`server`]: the HTTP server (bundle, host pages, broken bundle, newsletter recorder).
//! - [`session`]: [`Scenario`] / [`in_every_engine`], the per-engine loop and its failure report.
//! - [`site`]: building a real site around the widget (Hugo, Eleventy, WordPress) and playing
//!   its generated post.
//! - [`slots`]: a machine-wide cap on concurrent browser sessions (`CCQ_SESSIONS`).
//! - [`prefs`]: reader preferences (media features) per scenario, given the way each engine can.
//! - [`page`]: helpers on [`Ctx`] to read the console probe and reach into the widget's shadow root.
//! - [`widget`]: THE way to read and drive a widget: [`Ctx::widget`] gives its quiz [`widget::Screen`],
//!   clicks a button by its label, waits for texts (no fixed sleeps), plays the quiz
//!   ([`widget::quiz`]: `answer`, `next`, `play_to_results`) and submits the sign-up
//!   ([`widget::signup`]: `fill_signup`, `submit_and_expect_post`); its constants are the shadow
//!   root's selectors, written once.
//! - [`a11y`]: the accessibility suites' host page.

pub mod a11y;
pub mod bank;
pub mod cdp;
pub mod cleanup;
pub mod driver;
pub mod engines;
pub mod http;
pub mod page;
pub mod prefs;
pub mod server;
pub mod session;
pub mod site;
pub mod slots;
pub mod widget;

pub use engines::Engine;
pub use page::{ProbeEntry, Rect};
pub use server::{NewsletterReply, RecordedRequest, Server, ServerConfig, STRICT_CSP};
pub use session::{in_every_engine, Ctx, Scenario};

/// Scenario closures return this; `?` works on WebDriver errors and anything else.
pub type Result<T = ()> = anyhow::Result<T>;

/// The message every "something is not installed / not built" failure ends with.
pub const INSTALL_HINT: &str = "run: cargo xtask test (it installs everything)";
