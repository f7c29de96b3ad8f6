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

use anyhow::ensure;
use e2e::driver::TempDir;
use e2e::server::dist_dir;
use e2e::site::{self, copy_dir, run, tool, HOST};
use e2e::{Ctx, Scenario, INSTALL_HINT};

fn e2e_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn repo_dir() -> PathBuf {
    e2e_dir().join("../..")
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
    let mut hugo = Command::new(tool("HUGO", &["/usr/bin/hugo"], Some("hugo"))?);
    hugo.current_dir(&site)
        .args(["--quiet", "--cleanDestinationDir", "--destination"])
        .arg(out);
    run(&mut hugo, "hugo").map(drop)
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
    let mut node = Command::new(tool("NODE", &["/usr/bin/node"], Some("node"))?);
    node.current_dir(&site)
        .arg(eleventy)
        .args(["--quiet", "--input=."])
        .arg(format!("--output={}", out.display()))
        .env("CCQ_NEWSLETTER_ACTION", action);
    run(&mut node, "eleventy").map(drop)
}

/// Opens `path`, checks the article is the element's light DOM, plays five questions and signs
/// up: the post reaches `/newsletter/<name>` with `tag`.
async fn play_the_post(ctx: &Ctx, path: &str, name: &str, tag: &str) -> e2e::Result<()> {
    ctx.open(path).await?;
    site::assert_article_in_element(ctx).await?;
    let email = format!("{name}@example.com");
    site::play_five_and_sign_up(ctx, &email, &format!("/newsletter/{name}"), tag).await
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
