//! The platform kits in real static site generators, end to end in Chromium, Firefox and WebKit:
//! Debian's `hugo` builds `sites/hugo` with `integrations/hugo` as its theme component and the
//! release files copied under `static/` (the documented step); Eleventy (pinned in package.json,
//! installed by `npm ci`) builds `sites/eleventy` with `integrations/eleventy/eleventy.js`
//! installed as the package `cto-cio-quiz` would be (the plugin beside the release files). Each
//! built site is served at `/` under the strict CSP, with the probe.
//!
//! Checked for each: the post's HTML holds the element with the whole article (the title and
//! every section heading) in its light DOM; the shortcode's presentation attributes apply (five
//! questions); the widget becomes ready, is played to its results, and the sign-up goes to the
//! action the site's configuration (not the shortcode) set, with its tag; Hugo's default
//! Markdown settings still drop raw HTML elsewhere in the post; nothing logs an error or
//! violates the CSP.
//!
//! They need the release bundle (`cargo xtask dist`), `hugo` (Debian package `hugo`) and
//! `tests/e2e/node_modules` (`npm ci`): `cargo xtask test` installs all three.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, ensure, Context};
use cto_cio_quiz::content::ARTICLE;
use cto_cio_quiz::newsletter::{Delivery, FormState};
use e2e::driver::TempDir;
use e2e::server::dist_dir;
use e2e::widget::{status_line, Post};
use e2e::{Ctx, Scenario, INSTALL_HINT};

/// The widget in the generated posts (the kits write no id).
const HOST: &str = "cto-cio-quiz";

fn e2e_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn repo_dir() -> PathBuf {
    e2e_dir().join("../..")
}

/// Copies the folder `from` into `to` (created), recursively.
fn copy_dir(from: &Path, to: &Path) -> anyhow::Result<()> {
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

/// `$var` if set, else the first of `candidates` that exists, else `name` on PATH.
fn tool(var: &str, candidates: &[&str], name: &str) -> anyhow::Result<PathBuf> {
    if let Some(value) = std::env::var_os(var).filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(value));
    }
    let on_path: Vec<PathBuf> = std::env::var_os("PATH")
        .map(|path| std::env::split_paths(&path).map(|d| d.join(name)).collect())
        .unwrap_or_default();
    candidates
        .iter()
        .map(PathBuf::from)
        .chain(on_path)
        .find(|p| p.is_file())
        .with_context(|| format!("missing `{name}` (looked at ${var} and PATH); {INSTALL_HINT}"))
}

/// Runs `cmd`; fails with its output when it fails.
fn run(mut cmd: Command, what: &str) -> anyhow::Result<()> {
    let out = cmd.output().with_context(|| format!("starting {what}"))?;
    if !out.status.success() {
        bail!(
            "{what} failed ({}):\n{}\n{}",
            out.status,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    Ok(())
}

/// Builds `sites/hugo` into `out`, sign-ups going to `action`.
fn build_hugo(work: &Path, out: &Path, action: &str) -> anyhow::Result<()> {
    let site = work.join("hugo-site");
    let _ = std::fs::remove_dir_all(&site);
    copy_dir(&e2e_dir().join("sites/hugo"), &site)?;
    let config = std::fs::read_to_string(site.join("hugo.toml.in"))?;
    std::fs::write(site.join("hugo.toml"), config.replace("@ACTION@", action))?;
    std::fs::remove_file(site.join("hugo.toml.in"))?;
    copy_dir(
        &repo_dir().join("integrations/hugo"),
        &site.join("themes/cto-cio-quiz"),
    )?;
    // The documented step: the release files under static/, at the path they are served from.
    copy_dir(&dist_dir(), &site.join("static/widgets/cto-cio-quiz"))?;
    let mut hugo = Command::new(tool("HUGO", &["/usr/bin/hugo"], "hugo")?);
    hugo.current_dir(&site)
        .args(["--quiet", "--cleanDestinationDir", "--destination"])
        .arg(out);
    run(hugo, "hugo")
}

/// Builds `sites/eleventy` into `out`, sign-ups going to `action`, with the plugin installed in
/// the site's node_modules as the npm package lays it out.
fn build_eleventy(work: &Path, out: &Path, action: &str) -> anyhow::Result<()> {
    let eleventy = e2e_dir().join("node_modules/@11ty/eleventy/cmd.cjs");
    ensure!(
        eleventy.is_file(),
        "missing {} (npm ci in tests/e2e); {INSTALL_HINT}",
        eleventy.display()
    );
    let site = work.join("eleventy-site");
    let _ = std::fs::remove_dir_all(&site);
    copy_dir(&e2e_dir().join("sites/eleventy"), &site)?;
    let package = site.join("node_modules/cto-cio-quiz");
    copy_dir(&dist_dir(), &package)?;
    std::fs::copy(
        repo_dir().join("integrations/eleventy/eleventy.js"),
        package.join("eleventy.js"),
    )?;
    std::fs::write(
        package.join("package.json"),
        r#"{"name":"cto-cio-quiz","version":"0.0.0","type":"module","exports":{".":"./embed.js","./eleventy":"./eleventy.js"}}"#,
    )?;
    let _ = std::fs::remove_dir_all(out);
    let mut node = Command::new(tool("NODE", &["/usr/bin/node"], "node")?);
    node.current_dir(&site)
        .arg(eleventy)
        .args(["--quiet", "--input=."])
        .arg(format!("--output={}", out.display()))
        .env("CCQ_NEWSLETTER_ACTION", action);
    run(node, "eleventy")
}

/// Opens `path`, checks the article is the element's light DOM, plays five questions and signs
/// up: the post reaches `/newsletter/<name>` with `tag`.
async fn play_the_post(ctx: &Ctx, path: &str, name: &str, tag: &str) -> e2e::Result<()> {
    ctx.open(path).await?;
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
    ctx.wait_ready(HOST).await?;
    ctx.widget(HOST).click_button("Start the quiz").await?;
    let first = e2e::bank::progress_of(1, 5);
    ctx.widget(HOST)
        .wait_screen("question 1 of the five questions=\"5\" asks", |s| {
            s.progress.as_deref() == Some(first.as_str())
        })
        .await?;
    let played = ctx.widget(HOST).play_to_results(|_| true).await?;
    ensure!(
        played.answers.len() == 5,
        "questions=\"5\" asked {}",
        played.answers.len()
    );
    let email = format!("{name}@example.com");
    let path = format!("/newsletter/{name}");
    ctx.widget(HOST).fill_signup(&email).await?;
    ctx.widget(HOST)
        .submit_and_expect_post(
            &status_line(&FormState::Sent(Delivery::Confirmed)),
            &Post::cors(&path, &[("email", &email), ("tag", tag)]),
        )
        .await?;
    ctx.assert_probe_clean().await
}

#[tokio::test]
async fn a_hugo_site_with_the_shortcode_plays() {
    let work = TempDir::new("hugo").expect("a temp dir");
    let public = work.path().join("public");
    let (work_dir, public_dir) = (work.path().to_path_buf(), public.clone());
    Scenario::new("hugo: the shortcode in a post")
        .site(&public)
        .run(move |ctx| {
            let (work_dir, public_dir) = (work_dir.clone(), public_dir.clone());
            async move {
                // Built per engine: the action is the absolute URL of this engine's server.
                build_hugo(&work_dir, &public_dir, &ctx.server.url("/newsletter/hugo"))?;
                play_the_post(&ctx, "/posts/quiz/", "hugo", "hugo-tag").await?;
                let raw: usize = ctx
                    .eval("return document.querySelectorAll('main b').length;", vec![])
                    .await?;
                ensure!(
                    raw == 0,
                    "raw HTML in the Markdown got through: not Hugo's defaults"
                );
                Ok(())
            }
        })
        .await;
}

#[tokio::test]
async fn an_eleventy_site_with_the_plugin_plays() {
    let work = TempDir::new("eleventy").expect("a temp dir");
    let site = work.path().join("_site");
    let (work_dir, site_dir) = (work.path().to_path_buf(), site.clone());
    Scenario::new("eleventy: the plugin's shortcode in a post")
        .site(&site)
        .run(move |ctx| {
            let (work_dir, site_dir) = (work_dir.clone(), site_dir.clone());
            async move {
                build_eleventy(
                    &work_dir,
                    &site_dir,
                    &ctx.server.url("/newsletter/eleventy"),
                )?;
                play_the_post(&ctx, "/posts/quiz/", "eleventy", "eleventy-tag").await?;
                // The Nunjucks form of the shortcode, with its keyword arguments.
                ctx.open("/posts/nunjucks/").await?;
                ctx.wait_ready(HOST).await?;
                let attributes: Vec<Option<String>> = ctx
                    .eval(
                        "const q = document.querySelector('cto-cio-quiz'); \
                         return ['parts', 'feedback', 'storage-key'].map(n => q.getAttribute(n));",
                        vec![],
                    )
                    .await?;
                ensure!(
                    attributes
                        == [Some("quiz"), Some("end"), Some("eleventy-e2e-njk")]
                            .map(|a| a.map(String::from)),
                    "the Nunjucks shortcode wrote {attributes:?}"
                );
                ctx.assert_probe_clean().await
            }
        })
        .await;
}
