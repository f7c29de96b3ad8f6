//! Single-page-app blogs, each scenario in Chromium, Firefox and WebKit: widgets created, moved and
//! removed by script, as client-side routers (Next.js, Gatsby, Astro, Docusaurus) do.
//!
//! Host page `pages/spa.html` loads `pages/spa-listeners.js` before `embed.js`; it counts the
//! window `storage` listeners registered and not removed (each mounted widget has exactly one, to
//! follow other tabs). A widget that is removed but not unmounted keeps its listener, so the count
//! shows whether removal released the widget's owner (effects, timers and listeners alike).
//!
//! Also the loader's robustness: a missing `widget.css` keeps the fallback (`pages/nocss.html`, the
//! server's `/nocss/` path), and the height pin works without `ResizeObserverEntry.borderBoxSize`
//! (`pages/no-border-box.html`, as in Safari before 15.4).
//!
//! They need the release bundle: `cargo xtask dist` first (or `CCQ_DIST=<dir>`).

use std::time::Duration;

use anyhow::ensure;
use cto_cio_quiz::config::CONSOLE_PREFIX;
use e2e::widget::STEP;
use e2e::{in_every_engine, Ctx};
use serde::Deserialize;
use serde_json::json;

const PAGE: &str = "/pages/spa.html";

/// What the page and the element `arguments[0]` look like now.
const STATUS_JS: &str = r#"
const el = document.getElementById(arguments[0]);
const root = el && el.shadowRoot;
const progress = root && root.querySelector('.ccq-progress-text');
return {
  listeners: window.__ccqStorageListeners(),
  state: el ? el.getAttribute('data-ccq-state') : null,
  roots: root ? root.querySelectorAll('div.ccq').length : 0,
  progress: progress ? progress.textContent.replace(/\s+/g, ' ').trim() : null,
};
"#;

/// Makes the page remove the element `arguments[0]` early, as a router that navigates away at
/// once would, at the moment `arguments[1]` names: `"styling"`, in the microtask after the loader
/// attaches its shadow root (while the widget's stylesheet loads, before any `mount` call), or
/// `"mounting"`, in the microtask after the stylesheet's `load` listeners (the loader's own runs
/// first, and its `mount` call in the microtasks right after it): after the mount call, before
/// the session's own task (`src/lib.rs`). `window.__ccqEarly` keeps the element and
/// `window.__ccqEarlyState` its state when it was removed.
const REMOVE_WHILE_MOUNTING_JS: &str = r#"
const [id, when] = arguments;
const attach = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (init) {
  const root = attach.call(this, init);
  if (this.id === id) {
    Element.prototype.attachShadow = attach;
    window.__ccqEarly = this;
    const remove = () => {
      window.__ccqEarlyState = this.getAttribute('data-ccq-state');
      this.remove();
    };
    queueMicrotask(() => {
      if (when === 'styling') return remove();
      root.querySelector('link').addEventListener('load', () => queueMicrotask(remove));
    });
  }
  return root;
};
return true;
"#;

/// The removed element: its state when removed, and what its shadow root holds now.
const EARLY_JS: &str = r#"
const el = window.__ccqEarly;
return {
  removed_in: window.__ccqEarlyState || null,
  state: el ? el.getAttribute('data-ccq-state') : null,
  roots: el && el.shadowRoot ? el.shadowRoot.querySelectorAll('div.ccq').length : 0,
};
"#;

#[derive(Debug, Deserialize)]
struct Early {
    removed_in: Option<String>,
    state: Option<String>,
    roots: usize,
}

#[derive(Debug, Deserialize)]
struct Status {
    listeners: u32,
    state: Option<String>,
    roots: usize,
    progress: Option<String>,
}

async fn status(ctx: &Ctx, id: &str) -> e2e::Result<Status> {
    ctx.eval(STATUS_JS, vec![json!(id)]).await
}

async fn wait_element_status(
    ctx: &Ctx,
    id: &str,
    what: &str,
    done: impl Fn(&Status) -> bool,
) -> e2e::Result<Status> {
    ctx.wait_eval(what, STEP, STATUS_JS, vec![json!(id)], done)
        .await
}

/// Removes the element and waits until its storage listener is gone (the widget is unmounted).
async fn remove_and_wait_released(ctx: &Ctx, id: &str) -> e2e::Result<()> {
    ctx.eval::<bool>(
        "document.getElementById(arguments[0]).remove(); return true;",
        vec![json!(id)],
    )
    .await?;
    wait_element_status(
        ctx,
        id,
        &format!("#{id}'s window storage listener to be released after its removal"),
        |s| s.listeners == 0,
    )
    .await
    .map(drop)
}

#[tokio::test]
async fn twenty_create_append_remove_cycles_leave_no_listener_behind() {
    e2e::Scenario::new("SPA: 20 create/append/remove cycles")
        .timeout(Duration::from_secs(240))
        .run(|ctx| async move {
            ctx.open(PAGE).await?;
            ensure!(status(&ctx, "none").await?.listeners == 0, "listeners before any widget");
            for cycle in 1..=20 {
                ctx.add_widget("route-a", "w", "e2e-spa-cycles").await?;
                ctx.wait_ready("#w").await?;
                let mounted = status(&ctx, "w").await?;
                ensure!(
                    mounted.listeners == 1 && mounted.roots == 1,
                    "cycle {cycle}: a mounted widget should have one storage listener and one root: {mounted:?}"
                );
                remove_and_wait_released(&ctx, "w").await?;
            }
            ctx.assert_probe_clean().await
        })
        .await;
}

#[tokio::test]
async fn a_reader_resumes_in_a_new_element_after_removal() {
    in_every_engine("SPA: resume after removal", |ctx| async move {
        ctx.open(PAGE).await?;
        ctx.add_widget("route-a", "first", "e2e-spa-resume").await?;
        ctx.wait_ready("#first").await?;
        let first = ctx.widget("#first");
        first.start().await?;
        for _ in 1..=2 {
            first.answer(true).await?;
            first.next().await?;
        }
        ctx.eval::<bool>(
            "window.__ccqFirst = document.getElementById('first'); return true;",
            vec![],
        )
        .await?;
        remove_and_wait_released(&ctx, "first").await?;

        // The reader navigates to another post with the same widget.
        ctx.add_widget("route-b", "second", "e2e-spa-resume")
            .await?;
        ctx.wait_ready("#second").await?;
        let resumed = wait_element_status(
            &ctx,
            "second",
            "the new element to resume on question 3",
            |s| s.progress.is_some(),
        )
        .await?;
        ensure!(
            resumed
                .progress
                .as_deref()
                .is_some_and(|p| p.starts_with("Question 3 of"))
                && resumed.listeners == 1,
            "the new element should resume on question 3 with one storage listener: {resumed:?}"
        );

        // The reader comes back: the router re-inserts the element it removed; it mounts again.
        remove_and_wait_released(&ctx, "second").await?;
        ctx.eval::<bool>(
            "document.getElementById('route-a').append(window.__ccqFirst); return true;",
            vec![],
        )
        .await?;
        ctx.wait_ready("#first").await?;
        let again = wait_element_status(&ctx, "first", "the re-inserted element's quiz", |s| {
            s.progress.is_some()
        })
        .await?;
        ensure!(
            again
                .progress
                .as_deref()
                .is_some_and(|p| p.starts_with("Question 3 of"))
                && again.listeners == 1
                && again.roots == 1,
            "the re-inserted element should mount again on question 3: {again:?}"
        );
        ctx.assert_probe_clean().await
    })
    .await;
}

#[tokio::test]
async fn an_element_removed_while_mounting_leaves_nothing_behind() {
    in_every_engine("SPA: removed while mounting", |ctx| async move {
        for (when, key) in [
            ("styling", "e2e-spa-styling"),
            ("mounting", "e2e-spa-early"),
        ] {
            ctx.open(PAGE).await?;
            ctx.eval::<bool>(REMOVE_WHILE_MOUNTING_JS, vec![json!("early"), json!(when)])
                .await?;
            ctx.add_widget("route-a", "early", key).await?;
            ctx.wait_eval(
                &format!("#early to be removed while {when}"),
                STEP,
                EARLY_JS,
                vec![],
                |e: &Early| e.removed_in.is_some(),
            )
            .await?;
            // By the time a second widget is ready, the first one's session task and its
            // removal have long run: whatever it left behind would show now.
            ctx.add_widget("route-b", "later", key).await?;
            ctx.wait_ready("#later").await?;
            let later = status(&ctx, "later").await?;
            let early: Early = ctx.eval(EARLY_JS, vec![]).await?;
            ensure!(
                early.removed_in.as_deref() == Some("loading")
                    && early.state.is_none()
                    && early.roots == 0,
                "the element removed while {when} should be reset, with no widget in it: {early:?}"
            );
            ensure!(
                later.listeners == 1 && later.roots == 1,
                "removed while {when}: only the second widget should be mounted (one storage \
                 listener): {later:?}"
            );
            remove_and_wait_released(&ctx, "later").await?;
            ctx.assert_probe_clean().await?;
        }
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn a_moved_element_stays_mounted_once() {
    in_every_engine("SPA: move keeps the widget", |ctx| async move {
        ctx.open(PAGE).await?;
        ctx.add_widget("route-a", "w", "e2e-spa-move").await?;
        ctx.wait_ready("#w").await?;
        ctx.widget("#w").start().await?;
        // Move it in one task, then wait until two later tasks have run: the loader decides
        // about a removed element in a later task.
        ctx.eval::<bool>(
            "const el = document.getElementById('w'); \
             window.__ccqBefore = el.shadowRoot.querySelector('div.ccq'); \
             document.getElementById('route-b').append(el); \
             setTimeout(() => setTimeout(() => { window.__ccqSettled = true; })); \
             return true;",
            vec![],
        )
        .await?;
        ctx.wait_for(
            "two tasks after the move",
            STEP,
            "return window.__ccqSettled === true;",
            vec![],
        )
        .await?;
        let same: bool = ctx
            .eval(
                "const el = document.getElementById('w'); \
                 return el.parentElement.id === 'route-b' && \
                   el.shadowRoot.querySelector('div.ccq') === window.__ccqBefore;",
                vec![],
            )
            .await?;
        let moved = status(&ctx, "w").await?;
        ensure!(
            same && moved.state.as_deref() == Some("ready")
                && moved.roots == 1
                && moved.listeners == 1
                && moved
                    .progress
                    .as_deref()
                    .is_some_and(|p| p.starts_with("Question 1 of")),
            "after a move the same widget should stay mounted once, on question 1 \
             (same root node: {same}): {moved:?}"
        );
        // Still released when it is removed for good.
        remove_and_wait_released(&ctx, "w").await?;
        ctx.assert_probe_clean().await
    })
    .await;
}

#[tokio::test]
async fn a_missing_stylesheet_keeps_the_fallback() {
    in_every_engine("widget.css 404 keeps the fallback", |ctx| async move {
        ctx.open("/pages/nocss.html").await?;
        ctx.wait_state("#quiz", "failed", STEP).await?;
        ensure!(
            ctx.visible("#quiz .fallback a").await?,
            "the fallback link is not visible (rect {:?})",
            ctx.rect("#quiz .fallback a").await?
        );
        ensure!(
            ctx.shadow_count("#quiz", "div.ccq").await? == 0,
            "the widget's root is still in the shadow root"
        );
        ctx.assert_only_logged("console.error", "starting with the widget's prefix", |m| {
            m.starts_with(CONSOLE_PREFIX) && m.contains("widget.css")
        })
        .await
    })
    .await;
}

#[tokio::test]
async fn the_height_pin_works_without_border_box_size() {
    in_every_engine("pin without borderBoxSize", |ctx| async move {
        ctx.open("/pages/no-border-box.html").await?;
        let gone: bool = ctx
            .eval(
                "return !!window.ResizeObserverEntry && \
                   !('borderBoxSize' in ResizeObserverEntry.prototype);",
                vec![],
            )
            .await?;
        ensure!(
            gone,
            "the page could not remove ResizeObserverEntry.borderBoxSize"
        );
        ctx.wait_ready("#quiz").await?;
        // The widget is taller than its one-line fallback, so the pin lets go once it is measured.
        ctx.wait_for(
            "the loader's height pin to be released (no style attribute on the host)",
            STEP,
            "return !document.getElementById('quiz').hasAttribute('style');",
            vec![],
        )
        .await?;
        ctx.assert_probe_clean().await
    })
    .await;
}
