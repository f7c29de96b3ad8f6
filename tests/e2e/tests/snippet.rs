//! The article in the element's light DOM (`dist/snippet.html`, which the demo post carries), each
//! scenario in Chromium, Firefox and WebKit: once the widget is ready the article shows once (the
//! widget's), and where the wasm cannot load the reader gets the whole article. Plus the second demo
//! page (`quiz-only.html`) under the strict CSP.
//!
//! They need the release bundle: `cargo xtask dist` first (or `CCQ_DIST=<dir>`).

use std::time::Duration;

use anyhow::ensure;
use cto_cio_quiz::content::ARTICLE;
use e2e::bank::collapse;
use e2e::in_every_engine;
use e2e::widget::HOST;
use serde::Deserialize;

/// The element's light-DOM article: how many of its blocks there are, how many have a layout box
/// (are rendered), and the text a reader sees (`innerText`, rendered text only).
const LIGHT_JS: &str = r#"
const el = document.querySelector(arguments[0]);
const blocks = Array.from(el.querySelectorAll('h2, h3, p, li, dt, dd'));
return {
  blocks: blocks.length,
  rendered: blocks.filter((b) => b.getClientRects().length > 0).length,
  text: el.innerText,
};
"#;

#[derive(Debug, Deserialize)]
struct Light {
    blocks: usize,
    rendered: usize,
    text: String,
}

#[tokio::test]
async fn the_ready_widget_shows_the_article_once() {
    in_every_engine(
        "snippet: ready widget, light DOM hidden",
        |ctx| async move {
            ctx.open("/probed/index.html").await?;
            ctx.scroll_into_view(HOST).await?;
            ctx.wait_ready(HOST).await?;
            let light: Light = ctx.eval(LIGHT_JS, vec![serde_json::json!(HOST)]).await?;
            ensure!(
            light.blocks >= 30 && light.rendered == 0,
            "the ready widget should hide its light-DOM article ({} blocks), but {} are rendered",
            light.blocks,
            light.rendered
        );
            ensure!(
                ctx.shadow_count(HOST, "section#analogy").await? == 1,
                "the widget's explainer is not shown"
            );
            ctx.assert_probe_clean().await
        },
    )
    .await;
}

#[tokio::test]
async fn without_the_wasm_the_reader_gets_the_whole_article() {
    in_every_engine("snippet: wasm 404 shows the article", |ctx| async move {
        ctx.open("/broken/index.html").await?;
        ctx.wait_state(HOST, "failed", Duration::from_secs(15))
            .await?;
        ctx.scroll_into_view(HOST).await?;
        let light: Light = ctx.eval(LIGHT_JS, vec![serde_json::json!(HOST)]).await?;
        ensure!(
            light.blocks >= 30 && light.rendered == light.blocks,
            "only {} of the article's {} blocks are rendered",
            light.rendered,
            light.blocks
        );
        let shown = collapse(&light.text);
        for text in ARTICLE.texts() {
            ensure!(
                shown.contains(&collapse(text)),
                "the fallback does not show: {text}"
            );
        }
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn the_quiz_only_demo_page_works_under_the_strict_csp() {
    in_every_engine("quiz-only demo page", |ctx| async move {
        ctx.open("/probed/quiz-only.html").await?;
        ctx.scroll_into_view(HOST).await?;
        ctx.wait_ready(HOST).await?;
        ensure!(
            ctx.shadow_count(HOST, "section#quiz").await? == 1,
            "the quiz is not shown"
        );
        ctx.assert_probe_clean().await
    })
    .await;
}
