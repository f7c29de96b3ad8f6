//! What the loader does when the wasm cannot carry on, in Chromium, Firefox and WebKit:
//!
//! - a trap: the release build aborts on a panic (`panic=immediate-abort`: no hook, no unwinding),
//!   so the JS that called into the wasm gets a `WebAssembly.RuntimeError` and the one instance
//!   every widget shares is in an unknown state. Every widget on the page must show its fallback
//!   again and say `failed`, the console must say so once, and an element added afterwards must
//!   not start on the broken instance. The widget has no panic a test can provoke from outside,
//!   so the page (`pages/trap.js`) makes the question form's next `preventDefault()` throw the `RuntimeError` a trap throws:
//!   it leaves the wasm the way a trap does, through the same JS caller;
//! - a flaky network: the first request for the wasm fails (`/flaky/`, a 503), the element shows
//!   its fallback, and the next element to connect loads the widget after all.
//!
//! They need the release bundle: `cargo xtask dist` first (or `CCQ_DIST=<dir>`).

use std::time::Duration;

use anyhow::ensure;
use cto_cio_quiz::config::CONSOLE_PREFIX;
use e2e::in_every_engine;

#[tokio::test]
async fn a_trap_shows_every_fallback_again_and_starts_nothing_more() {
    in_every_engine("trap", |ctx| async move {
        ctx.open("/pages/trap.html").await?;
        ctx.add_widget("route-a", "quiz-a", "e2e-trap-a").await?;
        ctx.add_widget("route-b", "quiz-b", "e2e-trap-b").await?;
        ctx.wait_ready("#quiz-a").await?;
        ctx.wait_ready("#quiz-b").await?;
        let quiz = ctx.widget("#quiz-a");
        quiz.start().await?;
        ctx.eval::<bool>("return window.__ccqTrapOnNextSubmit();", vec![])
            .await?;
        quiz.click_button("Check answer").await?;
        for host in ["#quiz-a", "#quiz-b"] {
            ctx.wait_state(host, "failed", Duration::from_secs(10))
                .await?;
            ensure!(
                ctx.visible(&format!("{host} .fallback")).await?,
                "{host}: the fallback is not visible after the trap"
            );
            ensure!(
                ctx.shadow_count(host, "div.ccq").await? == 0,
                "{host}: the widget is still in the shadow root after the trap"
            );
        }
        // An element added after the trap fails at once: its `failed` is the signal that the
        // loader has decided, and that no second message came with it.
        ctx.add_widget("route-a", "quiz-c", "e2e-trap-c").await?;
        ctx.wait_state("#quiz-c", "failed", Duration::from_secs(10))
            .await?;
        ensure!(
            ctx.shadow_count("#quiz-c", "div.ccq").await? == 0,
            "an element added after the trap was started on the broken instance"
        );
        let errors = ctx.probe_kind("console.error").await?;
        let ours: Vec<&String> = errors
            .iter()
            .filter(|m| m.starts_with(CONSOLE_PREFIX))
            .collect();
        ensure!(
            ours.len() == 1 && ours[0].contains("internal error"),
            "expected one console error about the internal error, got {errors:?}"
        );
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn a_failed_load_is_tried_again_when_the_next_element_connects() {
    in_every_engine("flaky wasm", |ctx| async move {
        ctx.open("/pages/flaky.html").await?;
        ctx.wait_state("#quiz-a", "failed", Duration::from_secs(15))
            .await?;
        ensure!(
            ctx.visible("#quiz-a .fallback").await?,
            "the fallback is not visible after the failed load"
        );
        ctx.add_widget("route-b", "quiz-b", "e2e-flaky-b").await?;
        ctx.wait_ready("#quiz-b").await?;
        let wasm: Vec<String> = ctx
            .server
            .request_log()
            .into_iter()
            .filter(|line| line.contains(".wasm"))
            .collect();
        ensure!(
            wasm.len() == 2 && wasm[0].ends_with(" 503") && wasm[1].ends_with(" 200"),
            "expected one failed and one served wasm request, got {wasm:?}"
        );
        let start = ctx.widget("#quiz-b").start().await?;
        ensure!(
            start.progress.is_some(),
            "the retried widget cannot be played"
        );
        Ok(())
    })
    .await;
}
