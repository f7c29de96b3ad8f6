//! The README's picture (`docs/screenshot.png`): the demo post in headless Chromium, the quiz
//! started and its first question answered, so the picture shows a question with its feedback.
//! `cargo run -p e2e --example screenshot` against an existing bundle (`cargo xtask dist` first,
//! or `CCQ_DIST=<dir>`); the PNG is written to `docs/screenshot.png`, or to the path given as the
//! first argument.

use std::path::PathBuf;

use anyhow::Context;
use e2e::widget::{HOST, QUIZ};
use e2e::Scenario;

/// The window: a laptop's width, tall enough for a question with its feedback.
const WINDOW: (u32, u32) = (900, 1000);

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let out = std::env::args().nth(1).map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/screenshot.png"),
        PathBuf::from,
    );
    std::env::set_var("CCQ_ENGINES", "chromium");
    Scenario::new("README screenshot")
        .run(|ctx| {
            let out = out.clone();
            async move {
                ctx.client.set_window_size(WINDOW.0, WINDOW.1).await?;
                ctx.open("/dist/index.html").await?;
                ctx.wait_ready(HOST).await?;
                let widget = ctx.widget(HOST);
                widget.start().await?;
                widget.answer(true).await?;
                // The question card at the top of the window, the page's header above it.
                ctx.eval::<bool>(
                    "const q = document.querySelector(arguments[0]).shadowRoot.querySelector(arguments[1]); \
                     q.scrollIntoView({block: 'start'}); scrollBy(0, -24); return true;",
                    vec![serde_json::json!(HOST), serde_json::json!(QUIZ)],
                )
                .await?;
                let png = ctx.client.screenshot().await?;
                std::fs::write(&out, png).with_context(|| format!("writing {}", out.display()))?;
                println!("✓ {}", out.display());
                Ok(())
            }
        })
        .await;
}
