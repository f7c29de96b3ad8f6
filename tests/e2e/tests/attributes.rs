//! Every attribute the blog owner can get wrong, end to end in Chromium, Firefox and WebKit: an
//! invalid or empty value logs exactly one console error naming the attribute, and the widget works
//! with the default (the quiz starts; the default's effect is checked where a reader can see it).
//!
//! The host page is `pages/newsletter-host.html`, which builds the element from the query string.
//! They need the release bundle: `cargo xtask dist` first (or `CCQ_DIST=<dir>`).

use anyhow::{ensure, Context};
use cto_cio_quiz::config::{CONSOLE_PREFIX, DEFAULT_STORAGE_KEY};
use e2e::bank::progress_of;
use e2e::page::with_query;
use e2e::widget::{HOST, STEP};
use e2e::{in_every_engine, Ctx};
use serde_json::json;

/// What the default looks like once the widget runs.
#[derive(Clone, Copy)]
enum Default {
    /// Progress is saved under the default storage key.
    StorageKey,
    /// Checking an answer shows its feedback at once.
    InstantFeedback,
    /// The sign-up form is there (a bad provider falls back to generic, a bad tag to none).
    SignupForm,
    /// The call to action has no privacy link.
    NoPrivacyLink,
    /// The call to action says why there is no form.
    SignupDisabled,
    /// The explainer, the quiz and the call to action are all there.
    AllParts,
}

struct Case {
    attribute: &'static str,
    value: &'static str,
    /// Other attributes the case needs (e.g. a valid action for a bad provider).
    with: &'static [(&'static str, &'static str)],
    default: Default,
}

const ACTION: (&str, &str) = ("newsletter-action", "/newsletter/generic/subscribe");

const CASES: &[Case] = &[
    Case {
        attribute: "parts",
        value: "quiz,newsletter",
        with: &[],
        default: Default::AllParts,
    },
    Case {
        attribute: "parts",
        value: "",
        with: &[],
        default: Default::AllParts,
    },
    // The default of 10 shows in the progress line every case waits for ("Question 1 of 10").
    Case {
        attribute: "questions",
        value: "4",
        with: &[],
        default: Default::AllParts,
    },
    Case {
        attribute: "questions",
        value: "ten",
        with: &[],
        default: Default::AllParts,
    },
    Case {
        attribute: "storage-key",
        value: "my key!",
        with: &[],
        default: Default::StorageKey,
    },
    Case {
        attribute: "storage-key",
        value: "",
        with: &[],
        default: Default::StorageKey,
    },
    Case {
        attribute: "feedback",
        value: "sometimes",
        with: &[],
        default: Default::InstantFeedback,
    },
    Case {
        attribute: "feedback",
        value: " ",
        with: &[],
        default: Default::InstantFeedback,
    },
    Case {
        attribute: "newsletter-provider",
        value: "substack",
        with: &[ACTION],
        default: Default::SignupForm,
    },
    Case {
        attribute: "newsletter-tag",
        value: "",
        with: &[ACTION],
        default: Default::SignupForm,
    },
    Case {
        attribute: "privacy-url",
        value: "javascript:alert(1)",
        with: &[ACTION],
        default: Default::NoPrivacyLink,
    },
    Case {
        attribute: "newsletter-action",
        value: "ftp://example.com/subscribe",
        with: &[],
        default: Default::SignupDisabled,
    },
    Case {
        attribute: "newsletter-action",
        value: "",
        with: &[],
        default: Default::SignupDisabled,
    },
];

fn page(case: &Case, key_suffix: usize) -> String {
    let key = format!("attr-{key_suffix}");
    let mut attrs: Vec<(&str, &str)> = case.with.to_vec();
    if case.attribute != "storage-key" {
        attrs.push(("storage-key", &key));
    }
    attrs.push((case.attribute, case.value));
    with_query("/pages/newsletter-host.html", &attrs)
}

/// Waits until the shadow-root element `sel` exists (and, if given, its text contains `text`).
async fn wait_shadow(ctx: &Ctx, what: &str, sel: &str, text: &str) -> e2e::Result<()> {
    ctx.wait_for(
        what,
        STEP,
        "const root = document.querySelector(arguments[0]).shadowRoot; \
         const el = root && root.querySelector(arguments[1]); \
         return !!el && el.textContent.includes(arguments[2]);",
        vec![json!(HOST), json!(sel), json!(text)],
    )
    .await
    .map(|_| ())
}

async fn check_case(ctx: &Ctx, case: &Case, index: usize) -> e2e::Result<()> {
    // Cases share the default storage key: each starts from empty storage.
    ctx.open("/pages/blank.html").await?;
    ctx.eval::<()>("localStorage.clear();", vec![]).await?;
    ctx.open(&page(case, index)).await?;
    ctx.wait_ready(HOST).await?;

    let named = format!("{CONSOLE_PREFIX}invalid {}=", case.attribute);
    ctx.assert_only_logged("console.error", &format!("starting {named:?}"), |m| {
        m.starts_with(&named)
    })
    .await?;

    // A working widget: the quiz starts (on "Question 1 of 10", the default count).
    ctx.widget(HOST).start().await?;

    match case.default {
        Default::StorageKey => {
            let key = format!("{DEFAULT_STORAGE_KEY}:progress");
            let saved = ctx.local_storage(&key).await?;
            ensure!(
                saved.is_some_and(|s| s.contains("\"started\":true")),
                "progress not saved under {key}"
            );
        }
        Default::InstantFeedback => {
            // The driver waits for the verdict that instant feedback shows at once.
            ctx.widget(HOST).answer(true).await?;
            wait_shadow(ctx, "instant feedback", ".ccq-feedback", "").await?;
        }
        Default::SignupForm => {
            wait_shadow(ctx, "the sign-up form", "form.ccq-signup", "Subscribe").await?;
        }
        Default::NoPrivacyLink => {
            wait_shadow(ctx, "the sign-up form", "form.ccq-signup", "Subscribe").await?;
            let links = ctx.shadow_count(HOST, ".ccq-cta a[target=_blank]").await?;
            ensure!(
                links == 0,
                "a refused privacy-url still shows {links} link(s)"
            );
        }
        Default::AllParts => {
            for (part, selector) in [
                (
                    "the explainer",
                    "section.ccq-section:not(.ccq-quiz) .ccq-pair",
                ),
                ("the quiz", "section#quiz"),
                ("the call to action", ".ccq-cta"),
            ] {
                ensure!(
                    ctx.shadow_count(HOST, selector).await? > 0,
                    "{part} is missing"
                );
            }
        }
        Default::SignupDisabled => {
            ensure!(
                ctx.shadow_count(HOST, "form.ccq-signup").await? == 0,
                "a refused newsletter-action still shows the form"
            );
            wait_shadow(
                ctx,
                "the reason there is no form",
                ".ccq-cta",
                "newsletter sign-up is not",
            )
            .await?;
        }
    }
    Ok(())
}

#[tokio::test]
async fn each_invalid_attribute_is_named_once_and_the_default_works() {
    in_every_engine("attributes: invalid values", |ctx| async move {
        for (index, case) in CASES.iter().enumerate() {
            check_case(&ctx, case, index)
                .await
                .with_context(|| format!("{}={:?}", case.attribute, case.value))?;
        }
        Ok(())
    })
    .await;
}

/// `parts="quiz newsletter" questions="5"`: no explainer (and so no "Read more" link after an
/// answer), a five-question run, and the start screen saying so; nothing logged.
#[tokio::test]
async fn parts_and_questions_shape_the_widget() {
    in_every_engine("attributes: parts and questions", |ctx| async move {
        ctx.open(&with_query(
            "/pages/newsletter-host.html",
            &[
                ("storage-key", "attr-parts"),
                ("parts", "newsletter quiz"),
                ("questions", "5"),
            ],
        ))
        .await?;
        ctx.wait_ready(HOST).await?;
        wait_shadow(&ctx, "the start screen", "section#quiz", "5 questions").await?;
        wait_shadow(&ctx, "the call to action", ".ccq-cta", "").await?;
        ensure!(
            ctx.shadow_count(HOST, ".ccq-pair, .ccq-dims-nav").await? == 0,
            "the explainer is shown though parts leaves it out"
        );
        let quiz = ctx.widget(HOST);
        quiz.click_button("Start the quiz").await?;
        let first = progress_of(1, 5);
        quiz.wait_screen(&first, |s| s.progress.as_deref() == Some(first.as_str()))
            .await?;
        quiz.answer(true).await?;
        // The feedback is the moment a "Read more" link would appear.
        wait_shadow(&ctx, "the feedback", ".ccq-feedback", "").await?;
        ensure!(
            ctx.shadow_count(HOST, "a[data-reveal]").await? == 0,
            "a \"Read more\" link points at an explainer that is not on the page"
        );
        ctx.assert_probe_clean().await
    })
    .await;
}
