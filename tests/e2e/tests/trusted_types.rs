//! A host page that enforces Trusted Types (`require-trusted-types-for 'script'`, common on large
//! sites), end to end in Chromium, Firefox and WebKit: listing the widget's policy
//! (`trusted-types cto-cio-quiz`) is all it takes for the widget to become ready and be played
//! without a single violation; a page that does not list it gets the one console line saying
//! what to add (the canary: it shows that the engine enforces the policy at all).
//!
//! Host page: `pages/trusted-types.html`. It needs the release bundle.

use anyhow::ensure;
use e2e::widget::HOST;
use e2e::{Scenario, STRICT_CSP};

#[tokio::test]
async fn a_page_enforcing_trusted_types_keeps_the_widget() {
    let csp =
        format!("{STRICT_CSP}; require-trusted-types-for 'script'; trusted-types cto-cio-quiz");
    Scenario::new("trusted types: the policy allowed")
        .csp(Some(&csp))
        .run(|ctx| async move {
            ctx.open("/pages/trusted-types.html").await?;
            ctx.wait_ready(HOST).await?;
            let quiz = ctx.widget(HOST);
            // The explainer (constant markup) and the quiz's static parts are in.
            ensure!(
                ctx.shadow_count(HOST, "section#analogy").await? == 1,
                "the explainer is missing"
            );
            quiz.start().await?;
            quiz.answer(true).await?;
            ctx.assert_probe_clean().await
        })
        .await;
}

#[tokio::test]
async fn a_page_that_does_not_allow_the_policy_is_told_what_to_add() {
    let csp =
        format!("{STRICT_CSP}; require-trusted-types-for 'script'; trusted-types other-policy");
    Scenario::new("trusted types: the policy not allowed")
        .csp(Some(&csp))
        .run(|ctx| async move {
            ctx.open("/pages/trusted-types.html").await?;
            let says_what = |m: &str| m.contains("trusted-types cto-cio-quiz");
            ctx.wait_logged("console.error", "naming the directive to add", says_what)
                .await
        })
        .await;
}
