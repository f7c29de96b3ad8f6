//! One storage key, several writers, end to end in Chromium, Firefox and WebKit: two same-origin
//! frames that finish their attempts in the same task keep both in the history (each records with
//! one read-merge-write in the task the attempt ends in), and two widgets
//! on one page with the same `storage-key` do not overwrite each other (the second says so once
//! and runs from memory).
//!
//! Host pages: `pages/two-frames.html` (two frames of `pages/history-frame.html`, five questions,
//! feedback at the end) and `pages/same-key.html`. They need the release bundle.

use anyhow::{ensure, Context};
use e2e::widget::{HOST, QUESTION_BUTTON};
use e2e::{in_every_engine, Ctx, Scenario, STRICT_CSP};
use serde_json::{json, Value};

/// Plays the quiz in frame `index` up to its last question's feedback: one click ("See my
/// results") from the end of the attempt.
async fn play_to_the_last_click(ctx: &Ctx, index: u16) -> e2e::Result<()> {
    ctx.client.enter_frame(index).await?;
    ctx.wait_ready(HOST).await?;
    let quiz = ctx.widget(HOST);
    quiz.wait_screen("the start screen", |s| s.kind == "start")
        .await?;
    quiz.click_button("Start the quiz").await?;
    quiz.wait_screen("question 1 of 5", |s| {
        s.progress.as_deref() == Some("Question 1 of 5")
    })
    .await?;
    for _ in 0..4 {
        quiz.answer(true).await?;
        quiz.next().await?;
    }
    let last = quiz.answer(true).await?.shown;
    ensure!(
        last.progress.as_deref() == Some("Question 5 of 5"),
        "frame {index} is at {last:?}"
    );
    ctx.client.enter_parent_frame().await?;
    Ok(())
}

/// The history both frames share, as stored.
async fn stored_entries(ctx: &Ctx) -> e2e::Result<Vec<Value>> {
    let raw = ctx.local_storage("e2e-two-frames:history").await?;
    let file: Value = serde_json::from_str(raw.as_deref().unwrap_or("{}"))?;
    Ok(file["entries"].as_array().cloned().unwrap_or_default())
}

#[tokio::test]
async fn two_frames_finishing_in_the_same_task_keep_both_attempts() {
    // The strict policy, plus framing this origin's pages.
    let csp = format!("{STRICT_CSP}; frame-src 'self'");
    Scenario::new("storage: two frames finish together")
        .csp(Some(&csp))
        .run(|ctx| async move {
            ctx.open("/pages/two-frames.html").await?;
            play_to_the_last_click(&ctx, 0).await?;
            // The second frame follows the first (as the same post in two tabs does): its quiz
            // is one click from the end too.
            ctx.client.enter_frame(1).await?;
            ctx.widget(HOST)
                .wait_screen(
                    "the last question's feedback, as the first frame stored it",
                    |s| s.progress.as_deref() == Some("Question 5 of 5") && s.verdict.is_some(),
                )
                .await?;
            ctx.client.enter_parent_frame().await?;
            // One task, two finished attempts: neither frame's write can wait for the other's.
            let clicked: bool = ctx
                .eval(
                    "for (const frame of document.querySelectorAll('iframe')) { \
                   const host = frame.contentDocument.getElementById('quiz'); \
                   host.shadowRoot.querySelector(arguments[0]).click(); \
                 } return true;",
                    vec![json!(QUESTION_BUTTON)],
                )
                .await?;
            ensure!(clicked);
            for index in 0..2 {
                ctx.client.enter_frame(index).await?;
                ctx.widget(HOST)
                    .wait_screen("the results", |s| s.kind == "results")
                    .await
                    .with_context(|| format!("frame {index}"))?;
                ctx.assert_probe_clean().await?;
                ctx.client.enter_parent_frame().await?;
            }
            let entries = stored_entries(&ctx).await?;
            ensure!(
                entries.len() == 2 && entries[0]["id"] != entries[1]["id"],
                "the shared history holds {entries:?}, not both attempts"
            );
            ctx.assert_probe_clean().await
        })
        .await;
}

#[tokio::test]
async fn a_second_widget_with_the_same_key_runs_from_memory() {
    in_every_engine("storage: two widgets, one key", |ctx| async move {
        ctx.open("/pages/same-key.html").await?;
        ctx.wait_ready(HOST).await?;
        ctx.wait_ready("#second").await?;
        let names_it = |m: &str| m.contains("storage-key=\"e2e-same-key\"");
        ctx.wait_logged("console.error", "naming storage-key", names_it)
            .await?;
        ctx.assert_only_logged("console.error", "naming storage-key", names_it)
            .await?;

        // The first widget's progress is stored...
        ctx.widget(HOST).start().await?;
        let first = ctx
            .local_storage("e2e-same-key:progress")
            .await?
            .context("the first widget stored nothing")?;
        // ...and the second's actions never replace it.
        let second = ctx.widget("#second");
        second.start().await?;
        second.answer(true).await?;
        second.next().await?;
        ensure!(
            ctx.local_storage("e2e-same-key:progress").await?.as_deref() == Some(first.as_str()),
            "the second widget overwrote the first's progress"
        );
        let note = second.screen().await?.unwrap_or_default().note;
        ensure!(
            note.is_some_and(|n| !n.is_empty()),
            "the second widget does not say its progress is not saved"
        );
        // The first keeps saving its own.
        ctx.widget(HOST).answer(true).await?;
        ensure!(
            ctx.local_storage("e2e-same-key:progress").await?.as_deref() != Some(first.as_str()),
            "the first widget stopped saving"
        );
        Ok(())
    })
    .await;
}
