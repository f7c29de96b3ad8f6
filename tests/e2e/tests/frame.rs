//! `dist/frame.html`, the page for platforms that allow an iframe but no script, end to end in
//! Chromium, Firefox and WebKit: a host page on one 127.0.0.1 origin (a second server of this test)
//! frames it from the bundle's server (another port, so another origin), which sends the strict CSP
//! (with `/probed/`, so the frame records console errors and CSP violations). The host page
//! (`pages/frame-host.html`) runs the README's resizer and records every resize message.
//!
//! Checked: the query string configures the widget like attributes (`parts=quiz` shows only the
//! quiz, `questions=5` asks five); an invalid value logs the attribute's one console error and falls
//! back to the default; the host receives heights that equal the frame document's content height,
//! only when it changes, and a new one after an interaction; the widget's events reach the host as
//! messages from the frame's window and origin, which docs/platforms.md's forwarder turns back into
//! DOM events (and a forged message from elsewhere does not); nothing violates either page's CSP.
//!
//! They need the release bundle: `cargo xtask dist` first (or `CCQ_DIST=<dir>`).

use std::time::Duration;

use anyhow::{ensure, Context};
use e2e::page::with_query;
use e2e::widget::HOST;
use e2e::{in_every_engine, Ctx, Server, ServerConfig, STRICT_CSP};

/// Longer than a widget step: a frame's first resize waits for a second page and its bundle.
const STEP: Duration = Duration::from_secs(20);

/// The frame's content height as frame.js measures it (run inside the frame).
const CONTENT_HEIGHT: &str = "return Math.ceil(document.body.getBoundingClientRect().height);";

/// A server for the host page, whose CSP lets it frame only the bundle's origin.
fn host_server(ctx: &Ctx) -> anyhow::Result<Server> {
    let csp = format!("{STRICT_CSP}; frame-src {}", ctx.server.origin());
    Server::start(ServerConfig {
        csp: Some(csp),
        ..ServerConfig::default()
    })
    .context("starting the host page's server")
}

/// Opens the host page framing `frame.html` with `query`, and enters the frame once the widget in
/// it is ready.
async fn open_framed(ctx: &Ctx, host: &Server, query: &[(&str, &str)]) -> e2e::Result<()> {
    let frame = ctx.url(&with_query("/probed/frame.html", query));
    let page = host.url(&with_query("/pages/frame-host.html", &[("frame", &frame)]));
    ctx.client
        .goto(&page)
        .await
        .with_context(|| format!("opening {page}"))?;
    ctx.wait_for(
        "the frame's first resize message",
        STEP,
        "return window.__ccqResizes.length > 0;",
        vec![],
    )
    .await?;
    ctx.client
        .enter_frame(0)
        .await
        .context("entering the frame")?;
    ctx.wait_ready(HOST).await
}

/// The heights the host page received so far (run from the host page).
async fn received(ctx: &Ctx) -> e2e::Result<Vec<u32>> {
    ctx.eval("return window.__ccqResizes;", vec![]).await
}

/// Waits until the last height the host received equals the frame's content height, and the
/// resizer has given the iframe that height; returns it. Starts and ends inside the frame.
async fn settled_height(ctx: &Ctx, what: &str) -> e2e::Result<u32> {
    let deadline = std::time::Instant::now() + STEP;
    loop {
        let content: u32 = ctx.eval(CONTENT_HEIGHT, vec![]).await?;
        ctx.client.enter_parent_frame().await?;
        let heights = received(ctx).await?;
        // The content box: the resizer's style.height does not include the iframe's border.
        let frame: u32 = ctx
            .eval(
                "return document.getElementById('cto-cio-quiz-frame').clientHeight;",
                vec![],
            )
            .await?;
        ctx.client.enter_frame(0).await?;
        if heights.last() == Some(&content) && frame == content {
            ensure!(
                heights.windows(2).all(|pair| pair[0] != pair[1]),
                "a height was posted twice in a row: {heights:?}"
            );
            // Sized to its content, the frame scrolls no more: the reader sees all of it.
            let inner: u32 = ctx
                .eval("return document.documentElement.scrollHeight;", vec![])
                .await?;
            ensure!(
                inner <= content,
                "{what}: the frame's document is {inner} px tall, but {content} px were reported"
            );
            return Ok(content);
        }
        ensure!(
            std::time::Instant::now() < deadline,
            "{what}: the host received {heights:?} and the iframe is {frame} px tall, but the \
             frame's content is {content} px tall; frame probe: {}",
            ctx.probe_summary().await
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Waits until the quiz shows its first question, as "Question 1 of {total}".
async fn wait_first_question(ctx: &Ctx, total: usize) -> e2e::Result<()> {
    let first = format!("Question 1 of {total}");
    ctx.widget(HOST)
        .wait_screen(&first, |s| s.progress.as_deref() == Some(first.as_str()))
        .await
        .map(drop)
}

#[tokio::test]
async fn the_frame_takes_its_query_string_and_reports_its_height() {
    in_every_engine(
        "frame: query string, resize messages, strict CSP",
        |ctx| async move {
            let host = host_server(&ctx)?;
            open_framed(
                &ctx,
                &host,
                &[
                    ("storage-key", "e2e-frame"),
                    ("parts", "quiz"),
                    ("questions", "5"),
                ],
            )
            .await?;
            for (part, selector) in [
                (
                    "the explainer",
                    "section.ccq-section:not(.ccq-quiz) .ccq-pair",
                ),
                ("the call to action", ".ccq-cta"),
            ] {
                ensure!(
                    ctx.shadow_count(HOST, selector).await? == 0,
                    "parts=quiz still shows {part}"
                );
            }
            let start = settled_height(&ctx, "the start screen").await?;

            ctx.widget(HOST).click_button("Start the quiz").await?;
            wait_first_question(&ctx, 5).await?;
            let question = settled_height(&ctx, "the first question").await?;
            ensure!(
            question != start,
            "the first question is as tall as the start screen ({start} px): no change to report"
        );
            let saved = ctx.local_storage("e2e-frame:progress").await?;
            ensure!(
                saved.is_some_and(|s| s.contains("\"started\":true")),
                "storage-key from the query string was not used"
            );
            // Frame first (no CSP violation, no console error), then the host page.
            ctx.assert_probe_clean().await?;
            ctx.client.enter_parent_frame().await?;
            ctx.assert_probe_clean().await
        },
    )
    .await;
}

#[tokio::test]
async fn an_invalid_query_value_falls_back_as_an_attribute_does() {
    in_every_engine("frame: an invalid value", |ctx| async move {
        let host = host_server(&ctx)?;
        // Markup in a value stays text: it is an attribute value the widget refuses, never HTML.
        open_framed(
            &ctx,
            &host,
            &[
                ("storage-key", "e2e-frame-bad"),
                ("parts", "quiz"),
                ("questions", "<b>five</b>"),
            ],
        )
        .await?;
        let named = "<cto-cio-quiz>: invalid questions=";
        ctx.assert_only_logged("console.error", &format!("starting {named:?}"), |m| {
            m.starts_with(named)
        })
        .await?;
        ensure!(
            ctx.eval::<usize>("return document.querySelectorAll('b').length;", vec![])
                .await?
                == 0,
            "the query string's markup reached the page"
        );
        // The default count, as for an invalid attribute.
        ctx.widget(HOST).start().await?;
        settled_height(&ctx, "the first question").await?;
        ctx.client.enter_parent_frame().await?;
        ctx.assert_probe_clean().await
    })
    .await;
}

#[tokio::test]
async fn a_link_to_the_frame_page_cannot_choose_where_sign_ups_go() {
    in_every_engine("frame: a hostile link", |ctx| async move {
        // Anyone can link to the owner's frame page; this link tries to send sign-ups (and the
        // privacy link, and what Share shares) to another origin.
        let attacker = ctx.server.cross_origin_url("/newsletter/attacker");
        let page = with_query(
            "/probed/frame.html",
            &[
                ("storage-key", "e2e-frame-hostile"),
                ("newsletter-action", &attacker),
                ("newsletter-provider", "generic"),
                ("newsletter-tag", "stolen"),
                ("privacy-url", "https://attacker.example/privacy"),
                ("share-url", "https://attacker.example/"),
            ],
        );
        ctx.open(&page).await?;
        ctx.wait_ready(HOST).await?;
        let note = ctx.widget(HOST).text(".ccq-cta .ccq-note").await?;
        ensure!(
            note == "The newsletter sign-up is not connected yet.",
            "the frame's call to action says {note:?}"
        );
        for (what, selector) in [
            ("a sign-up form", "form.ccq-signup"),
            ("the attacker's privacy link", "a[href*='attacker']"),
        ] {
            ensure!(
                ctx.shadow_count(HOST, selector).await? == 0,
                "the link brought {what}"
            );
        }
        for name in [
            "newsletter-action",
            "newsletter-provider",
            "newsletter-tag",
            "privacy-url",
            "share-url",
        ] {
            let set: bool = ctx
                .eval(
                    "return document.getElementById('quiz').hasAttribute(arguments[0]);",
                    vec![serde_json::json!(name)],
                )
                .await?;
            ensure!(!set, "frame.js copied {name} from the query string");
        }
        // The presentation parameters still apply (the storage key is the query's).
        ctx.widget(HOST).start().await?;
        ensure!(
            ctx.local_storage("e2e-frame-hostile:progress")
                .await?
                .is_some(),
            "storage-key from the query string was not used"
        );
        ensure!(
            ctx.server.newsletter_requests().is_empty(),
            "something was sent: {:?}",
            ctx.server.newsletter_requests()
        );
        ctx.assert_probe_clean().await
    })
    .await;
}

#[tokio::test]
async fn the_owner_s_own_attributes_in_frame_html_still_work() {
    in_every_engine("frame: the owner's attributes", |ctx| async move {
        let attacker = ctx.server.cross_origin_url("/newsletter/attacker");
        let page = with_query(
            "/pages/owner-frame.html",
            &[
                ("parts", "newsletter"),
                ("newsletter-action", &attacker),
                ("newsletter-tag", "stolen"),
                ("privacy-url", "https://attacker.example/privacy"),
            ],
        );
        ctx.open(&page).await?;
        ctx.wait_ready(HOST).await?;
        ensure!(
            ctx.shadow_count(HOST, "section#quiz").await? == 0,
            "parts=newsletter from the query string was not applied"
        );
        let privacy: Option<String> = ctx
            .eval(
                "const a = document.getElementById('quiz').shadowRoot.querySelector('.ccq-signup a'); \
                 return a ? a.getAttribute('href') : null;",
                vec![],
            )
            .await?;
        ensure!(
            privacy.as_deref() == Some("/owner-privacy"),
            "the privacy link is {privacy:?}, not the owner's"
        );
        let email = "framed@example.com";
        ctx.widget(HOST).fill_signup(email).await?;
        ctx.widget(HOST)
            .submit_and_expect_post(
                &e2e::widget::status_line(&cto_cio_quiz::newsletter::FormState::Sent(
                    cto_cio_quiz::newsletter::Delivery::Confirmed,
                )),
                &e2e::widget::Post::cors(
                    "/newsletter/owner",
                    &[("email", email), ("tag", "owner-tag")],
                ),
            )
            .await?;
        ctx.assert_probe_clean().await
    })
    .await;
}

#[tokio::test]
async fn the_frame_forwards_the_widget_s_events_to_its_host() {
    in_every_engine("frame: events reach the host page", |ctx| async move {
        let host = host_server(&ctx)?;
        open_framed(
            &ctx,
            &host,
            &[
                ("storage-key", "e2e-frame-events"),
                ("parts", "quiz"),
                ("questions", "5"),
            ],
        )
        .await?;
        ctx.widget(HOST).click_button("Start the quiz").await?;
        wait_first_question(&ctx, 5).await?;
        // Right, wrong, right, wrong, right: a score of 3 of 5. Each click waits until the host
        // has sized the iframe to what the last one changed: WebKit's WebDriver aims a click at
        // where the button was, and a frame still growing under it loses the click.
        let widget = ctx.widget(HOST);
        let mut answers = Vec::new();
        for i in 0..5 {
            answers.push(widget.answer(i % 2 == 0).await?);
            settled_height(&ctx, "after an answer").await?;
            widget.next().await?;
            settled_height(&ctx, "after moving on").await?;
        }
        ctx.client.enter_parent_frame().await?;
        let events: Vec<e2e::page::HostEvent> = ctx
            .wait_eval(
                "the forwarded complete event",
                STEP,
                "return window.__quizEvents || [];",
                vec![],
                |seen: &Vec<e2e::page::HostEvent>| seen.iter().any(|e| e.name == "complete"),
            )
            .await?;
        let names: Vec<&str> = events.iter().map(|e| e.name.as_str()).collect();
        let mut expected = vec!["start"];
        expected.extend(std::iter::repeat_n("answer", answers.len()));
        expected.push("complete");
        ensure!(names == expected, "the host received {names:?}");
        for (event, answered) in events[1..].iter().zip(&answers) {
            let want = serde_json::json!({
                "questionId": answered.question.id,
                "correct": answered.correct,
            });
            ensure!(
                event.detail == want,
                "answer detail {} != {want}",
                event.detail
            );
            ensure!(
                event.target == "cto-cio-quiz-frame",
                "the forwarder dispatched on {:?}",
                event.target
            );
        }
        let complete = &events[events.len() - 1].detail;
        ensure!(
            complete["score"] == 3
                && complete["total"] == 5
                && complete["tier"].as_str().is_some_and(|t| !t.is_empty()),
            "complete detail: {complete}"
        );
        // Every widget message came from the frame's window, with the frame page's origin.
        let messages: Vec<serde_json::Value> =
            ctx.eval("return window.__ccqMessages;", vec![]).await?;
        let origin = ctx.server.origin();
        for message in &messages {
            ensure!(
                message["fromFrame"] == true && message["origin"] == origin.as_str(),
                "a message not from the frame at {origin}: {message}"
            );
        }
        // A message the host page posts to itself looks the same but is not from the frame: the
        // documented listener ignores it.
        ctx.eval::<()>(
            "window.postMessage({ type: 'cto-cio-quiz:complete', detail: { score: 99 } }, '*');",
            vec![],
        )
        .await?;
        ctx.wait_for(
            "the forged message to arrive",
            STEP,
            "return window.__ccqMessages.some(m => !m.fromFrame);",
            vec![],
        )
        .await?;
        let completes: usize = ctx
            .eval(
                "return window.__quizEvents.filter(e => e.name === 'complete').length;",
                vec![],
            )
            .await?;
        ensure!(completes == 1, "the forged message was forwarded");
        ctx.assert_probe_clean().await
    })
    .await;
}
