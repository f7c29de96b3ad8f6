//! Self-tests of the harness, runnable before the widget exists: the HTTP server's routes, MIME
//! types, CSP header and newsletter recorder (no browser), then every engine loading a static page
//! under the strict CSP, the console probe catching each kind of problem, and the shadow-root
//! helpers (including a real WebDriver click inside a shadow root).

use std::time::Duration;

use e2e::http;
use e2e::{NewsletterReply, Scenario, Server, ServerConfig, STRICT_CSP};
use serde_json::json;

/// A throwaway bundle directory with the files the real one has.
fn fake_dist(label: &str) -> e2e::driver::TempDir {
    let dir = e2e::driver::TempDir::new(label).expect("temp dir");
    for (name, body) in [
        ("embed.js", "export {};\n"),
        ("cto-cio-quiz.js", "export default function () {}\n"),
        ("cto-cio-quiz_bg.wasm", "\0asm"),
        ("widget.css", ":host { display: block; }\n"),
        (
            "index.html",
            "<!doctype html><html><head><title>demo</title></head><body></body></html>",
        ),
    ] {
        std::fs::write(dir.path().join(name), body).expect("write fake dist file");
    }
    dir
}

fn server_with(dist: &std::path::Path, reply: NewsletterReply) -> Server {
    Server::start(ServerConfig {
        dist: dist.to_path_buf(),
        newsletter: reply,
        ..ServerConfig::default()
    })
    .expect("start server")
}

#[tokio::test]
async fn server_serves_bundle_pages_and_broken_bundle_with_right_types() {
    let dist = fake_dist("routes");
    let server = server_with(dist.path(), NewsletterReply::default());
    let port = server.port();

    for (path, status, content_type) in [
        ("/dist/embed.js", 200, "text/javascript; charset=utf-8"),
        ("/dist/cto-cio-quiz_bg.wasm", 200, "application/wasm"),
        ("/dist/widget.css", 200, "text/css; charset=utf-8"),
        ("/dist/index.html", 200, "text/html; charset=utf-8"),
        ("/dist/", 200, "text/html; charset=utf-8"),
        ("/broken/embed.js", 200, "text/javascript; charset=utf-8"),
        (
            "/broken/cto-cio-quiz_bg.wasm",
            404,
            "text/plain; charset=utf-8",
        ),
        ("/pages/probe.js", 200, "text/javascript; charset=utf-8"),
        ("/pages/harness.html", 200, "text/html; charset=utf-8"),
        ("/pages/../Cargo.toml", 404, "text/plain; charset=utf-8"),
        ("/dist/%2e%2e/Cargo.toml", 404, "text/plain; charset=utf-8"),
        ("/elsewhere", 404, "text/plain; charset=utf-8"),
    ] {
        let reply = http::get(port, path).await.expect("GET");
        let (got, headers) = (reply.status, reply.headers);
        assert_eq!(got, status, "status of {path}");
        assert_eq!(headers["content-type"], content_type, "type of {path}");
        assert_eq!(headers["connection"], "close", "{path}");
        let is_html = content_type.starts_with("text/html");
        assert_eq!(
            headers.get("content-security-policy").map(String::as_str),
            is_html.then_some(STRICT_CSP),
            "CSP header on {path}: only and always on HTML"
        );
    }

    let probed = http::get(port, "/probed/index.html").await;
    let body = String::from_utf8(probed.expect("GET probed").body).expect("utf-8");
    assert!(
        body.starts_with(
            "<!doctype html><html><head><script src=\"/pages/probe.js\"></script><title>"
        ),
        "probe injected first in <head>: {body}"
    );
    let log = server.request_log();
    assert!(
        log.contains(&"GET /broken/cto-cio-quiz_bg.wasm 404".to_string()),
        "{log:?}"
    );
}

#[test]
fn missing_bundle_says_how_to_build_it() {
    let empty = e2e::driver::TempDir::new("nodist").expect("temp dir");
    let error = e2e::server::require_dist(empty.path()).expect_err("no embed.js");
    assert!(
        format!("{error}").contains("run `cargo xtask dist` first"),
        "{error}"
    );
}

#[tokio::test]
async fn newsletter_recorder_records_posts_and_answers_as_configured() {
    let dist = fake_dist("newsletter");
    let server = server_with(dist.path(), NewsletterReply::default());
    let port = server.port();
    let cors = |reply: &http::Reply| reply.headers.get("access-control-allow-origin").cloned();

    let form = [
        ("content-type", "application/x-www-form-urlencoded"),
        ("origin", "http://localhost"),
    ];
    let body = b"email=a%40b.example&tag=cto+cio".to_vec();
    let post = http::request(port, "POST", "/newsletter/buttondown?x=1", &form, body).await;
    let reply = post.expect("POST");
    assert_eq!(reply.status, 200);
    assert_eq!(cors(&reply).as_deref(), Some("*"), "{reply:?}");

    let preflight = [("access-control-request-method", "POST")];
    let reply = http::request(
        port,
        "OPTIONS",
        "/newsletter/buttondown",
        &preflight,
        Vec::new(),
    )
    .await
    .expect("OPTIONS");
    assert_eq!(reply.status, 204);
    assert_eq!(
        reply
            .headers
            .get("access-control-allow-methods")
            .map(String::as_str),
        Some("POST, OPTIONS"),
        "{reply:?}"
    );

    server.set_newsletter_reply(NewsletterReply {
        status: 500,
        cors: false,
        body: "nope".into(),
    });
    let reply = http::request(port, "POST", "/newsletter/mailchimp", &[], Vec::new())
        .await
        .expect("POST");
    assert_eq!(reply.status, 500);
    assert_eq!(cors(&reply), None, "{reply:?}");

    // Unreachable: the connection closes unanswered and nothing is recorded; then back.
    server.set_newsletter_unreachable(true);
    let dropped = http::request(port, "POST", "/newsletter/offline", &[], Vec::new()).await;
    assert!(
        dropped.is_err(),
        "an unreachable recorder answered: {dropped:?}"
    );
    assert_eq!(server.newsletter_requests().len(), 3);
    server.set_newsletter_unreachable(false);

    let all = server.newsletter_requests();
    assert_eq!(all.len(), 3, "{all:?}");
    let posts = server.newsletter_posts();
    assert_eq!(posts.len(), 2);
    let first = &posts[0];
    assert_eq!(first.path, "/newsletter/buttondown?x=1");
    assert_eq!(
        first.content_type.as_deref(),
        Some("application/x-www-form-urlencoded")
    );
    assert_eq!(first.header("origin"), Some("http://localhost"));
    assert_eq!(first.form_field("email").as_deref(), Some("a@b.example"));
    assert_eq!(first.form_field("tag").as_deref(), Some("cto cio"));
    assert_eq!(posts[1].path, "/newsletter/mailchimp");
    assert!(posts[1].body.is_empty());
}

#[tokio::test]
async fn every_engine_loads_a_page_under_the_strict_csp() {
    Scenario::new("harness self-test")
        .without_dist()
        .run(|ctx| async move {
            ctx.open("/pages/harness.html").await?;

            // The CSP header is applied: the inline script did not run, the external one did.
            let title = ctx.client.title().await?;
            assert_eq!(
                title, "ccq harness self-test",
                "inline script must be blocked"
            );
            let ran: (bool, bool) = ctx
                .eval(
                    "return [window.__inlineRan === true, window.__externalRan === true];",
                    vec![],
                )
                .await?;
            assert_eq!(ran, (false, true), "(inline ran, external ran)");
            let color = ctx.style("#styled", &["color"]).await?;
            assert_ne!(
                color["color"], "rgb(255, 0, 0)",
                "inline style attribute must be blocked"
            );

            // The probe saw one of each kind of problem.
            ctx.wait_for(
                "the probe to record the uncaught error",
                Duration::from_secs(5),
                "return (window.__ccqProbe || []).some(e => e.kind === 'error');",
                vec![],
            )
            .await?;
            let probe = ctx.probe().await?;
            let has = |kind: &str, needle: &str| {
                probe
                    .iter()
                    .any(|e| e.kind == kind && e.message.contains(needle))
            };
            assert!(
                has("console.error", "harness: console.error works"),
                "{probe:?}"
            );
            assert!(
                has("console.warn", "harness: console.warn works"),
                "{probe:?}"
            );
            assert!(
                has("unhandledrejection", "harness: rejection works"),
                "{probe:?}"
            );
            assert!(has("error", "harness: uncaught error works"), "{probe:?}");
            assert!(
                has("csp", "script-src"),
                "inline script violation: {probe:?}"
            );
            assert!(has("csp", "style-src"), "inline style violation: {probe:?}");

            // Shadow helpers against a hand-made open shadow root.
            ctx.wait_ready("#fake").await?;
            assert!(ctx.has_shadow_root("#fake").await?);
            assert_eq!(ctx.shadow_count("#fake", "div.ccq").await?, 1);
            assert_eq!(
                ctx.shadow_text("#fake", "h2").await?.as_deref(),
                Some("Fake quiz"),
                "text with whitespace collapsed"
            );
            assert_eq!(ctx.shadow_text("#fake", "h3").await?, None);
            assert!(ctx.shadow_visible("#fake", "#count").await?);
            let rect = ctx.shadow_rect("#fake", "h2").await?.expect("h2 rect");
            assert!(rect.width > 100.0 && rect.height > 10.0, "{rect:?}");
            let h2 = ctx.shadow_style("#fake", "h2", &["font-size"]).await?;
            assert!(h2["font-size"].ends_with("px"), "{h2:?}");
            ctx.shadow_click("#fake", "#count").await?;
            ctx.shadow_click("#fake", "#count").await?;
            assert_eq!(
                ctx.shadow_text("#fake", "#count").await?.as_deref(),
                Some("2")
            );
            assert!(ctx.shadow_find("#fake", "#nothing").await.is_err());
            assert_eq!(ctx.resources("probe.js").await?.len(), 1);

            // A clean page leaves the probe empty (no engine-specific noise to filter out).
            ctx.open("/pages/blank.html").await?;
            assert_eq!(ctx.client.title().await?, "ccq blank page");
            ctx.assert_probe_clean().await?;
            let window: (u64, u64) = ctx.client.get_window_size().await?;
            assert_eq!(window, (1024, 900), "fixed window size");
            assert_eq!(
                ctx.eval::<Option<String>>("return localStorage.getItem('x');", vec![json!(null)])
                    .await?,
                None,
                "fresh profile: no localStorage from earlier sessions"
            );
            ctx.eval::<()>("localStorage.setItem('x', '1');", vec![])
                .await?;
            Ok(())
        })
        .await;
}
