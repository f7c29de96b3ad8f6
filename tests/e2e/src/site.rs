//! What the tests that build a real site around the widget (Hugo, Eleventy, WordPress) share:
//! copying a site template, finding and running the generator, checking that a generated post
//! carries the whole article in its element, and playing such a post to its sign-up.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, ensure, Context};
use cto_cio_quiz::content::ARTICLE;
use cto_cio_quiz::newsletter::{Delivery, FormState};

use crate::widget::{status_line, Post};
use crate::{Ctx, INSTALL_HINT};

/// The widget in a generated post (the kits write no id).
pub const HOST: &str = "cto-cio-quiz";

/// Copies the folder `from` into `to` (created), recursively.
pub fn copy_dir(from: &Path, to: &Path) -> anyhow::Result<()> {
    std::fs::create_dir_all(to).with_context(|| format!("creating {}", to.display()))?;
    for entry in std::fs::read_dir(from).with_context(|| format!("reading {}", from.display()))? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), &target)
                .with_context(|| format!("copying {}", entry.path().display()))?;
        }
    }
    Ok(())
}

/// `$var` if set, else the first of `candidates` that exists, else `name` on PATH (when given).
pub fn tool(var: &str, candidates: &[&str], name: Option<&str>) -> anyhow::Result<PathBuf> {
    if let Some(value) = std::env::var_os(var).filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(value));
    }
    let on_path: Vec<PathBuf> = match (name, std::env::var_os("PATH")) {
        (Some(name), Some(path)) => std::env::split_paths(&path).map(|d| d.join(name)).collect(),
        _ => Vec::new(),
    };
    candidates
        .iter()
        .map(PathBuf::from)
        .chain(on_path)
        .find(|p| p.exists())
        .with_context(|| {
            let wanted = name.map_or_else(|| candidates.join(" or "), str::to_string);
            format!("missing {wanted} (looked at ${var} and PATH); {INSTALL_HINT}")
        })
}

/// Runs `cmd` and returns its standard output; fails with all its output when it fails.
pub fn run(cmd: &mut Command, what: &str) -> anyhow::Result<String> {
    let out = cmd.output().with_context(|| format!("starting {what}"))?;
    if !out.status.success() {
        bail!(
            "{what} failed ({}):\n{}\n{}",
            out.status,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Checks that the open page's first element holds the whole article in its light DOM (the
/// title and every section heading, in order), as search engines and feeds read it.
pub async fn assert_article_in_element(ctx: &Ctx) -> crate::Result<()> {
    let headings: Vec<String> = ctx
        .eval(
            "return [...document.querySelectorAll('cto-cio-quiz > h2, cto-cio-quiz > h3')] \
             .map(h => h.textContent);",
            vec![],
        )
        .await?;
    let mut expected = vec![ARTICLE.title.to_string()];
    expected.extend(ARTICLE.sections.iter().map(|s| s.heading.to_string()));
    ensure!(
        headings == expected,
        "the post's element holds {headings:?}, not the article"
    );
    Ok(())
}

/// On the open post, whose shortcode asked for five questions: waits for the widget, plays it to
/// its results, signs `email` up and checks the request reached `post_path` with `tag`, and
/// that nothing logged an error or violated the CSP.
pub async fn play_five_and_sign_up(
    ctx: &Ctx,
    email: &str,
    post_path: &str,
    tag: &str,
) -> crate::Result<()> {
    ctx.wait_ready(HOST).await?;
    let widget = ctx.widget(HOST);
    widget.click_button("Start the quiz").await?;
    let first = crate::bank::progress_of(1, 5);
    widget
        .wait_screen("question 1 of the five questions=\"5\" asks", |s| {
            s.progress.as_deref() == Some(first.as_str())
        })
        .await?;
    let played = widget.play_to_results(|_| true).await?;
    ensure!(
        played.answers.len() == 5,
        "questions=\"5\" asked {}",
        played.answers.len()
    );
    widget.fill_signup(email).await?;
    widget
        .submit_and_expect_post(
            &status_line(&FormState::Sent(Delivery::Confirmed)),
            &Post::cors(post_path, &[("email", email), ("tag", tag)]),
        )
        .await?;
    ctx.assert_probe_clean().await
}
