//! Foundation scenarios of the embed contract, each in Chromium, Firefox and WebKit: the demo page,
//! a strict-CSP host, two instances, the wasm-404 fallback, host styles left alone, a hostile host
//! stylesheet that must not reach the widget's layout, lazy loading below the fold, and the
//! built-but-not-yet-shown state the parts are laid out in before the swap.
//!
//! They need the release bundle: `cargo xtask dist` first (or `CCQ_DIST=<dir>`).

use std::collections::BTreeMap;
use std::time::Duration;

use anyhow::ensure;
use cto_cio_quiz::config::CONSOLE_PREFIX;
use e2e::bank::{dimension_ids, section_ids};
use e2e::page::sleep_ms;
use e2e::{in_every_engine, Ctx};
use serde::Deserialize;
use serde_json::json;

/// The explainer is mounted in `host`'s shadow root as the contract describes.
async fn assert_explainer(ctx: &Ctx, host: &str) -> e2e::Result<()> {
    ensure!(
        ctx.has_shadow_root(host).await?,
        "{host} has no open shadow root"
    );
    ensure!(
        ctx.shadow_count(host, "link[rel=stylesheet]").await? >= 1,
        "{host}: no <link rel=stylesheet> inside the shadow root"
    );
    ensure!(
        ctx.shadow_count(host, "div.ccq").await? == 1,
        "{host}: expected one div.ccq root"
    );
    ensure!(
        ctx.shadow_count(host, "h2").await? >= 1,
        "{host}: no h2 widget title"
    );
    let sections = ctx.shadow_ids(host, "section[id]").await?;
    // The parts are built in separate tasks, each appended below the one before: the article's
    // sections in their order, then the quiz, then the article's closing newsletter section.
    let mut expected: Vec<&str> = section_ids()
        .into_iter()
        .filter(|id| *id != "newsletter")
        .collect();
    expected.extend(["quiz", "newsletter"]);
    let shown: Vec<&str> = sections
        .iter()
        .map(String::as_str)
        .filter(|id| expected.contains(id))
        .collect();
    ensure!(
        shown == expected,
        "{host}: the widget's parts are out of order: {shown:?}, expected {expected:?}"
    );
    for id in section_ids() {
        ensure!(
            sections.iter().any(|s| s == id),
            "{host}: no section#{id} (found {sections:?})"
        );
        ensure!(
            ctx.shadow_count(host, &format!("section#{id} h3")).await? >= 1,
            "{host}: section#{id} has no h3 heading"
        );
    }
    for id in dimension_ids() {
        ensure!(
            ctx.shadow_count(host, &format!("#{id}")).await? == 1,
            "{host}: expected exactly one #{id} in the differences"
        );
    }
    let analogy = ctx.shadow_text(host, "#analogy").await?.unwrap_or_default();
    ensure!(
        analogy.contains("The CTO is the engineer"),
        "{host}: #analogy text lacks \"The CTO is the engineer\": {analogy:?}"
    );
    ensure!(
        ctx.shadow_visible(host, "#analogy").await?,
        "{host}: #analogy is not visible"
    );
    let differences = ctx
        .shadow_text(host, "#differences")
        .await?
        .unwrap_or_default();
    ensure!(
        differences.contains("The CIO looks inward"),
        "{host}: #differences lacks \"The CIO looks inward\": {differences:?}"
    );
    Ok(())
}

/// Nothing styled through markup in the light DOM: no `<style>` element, no `style` attribute.
async fn assert_no_light_dom_styles(ctx: &Ctx) -> e2e::Result<()> {
    let found: Vec<String> = ctx
        .eval(
            "return Array.from(document.querySelectorAll('style, [style]'), e => e.outerHTML.slice(0, 120));",
            vec![],
        )
        .await?;
    ensure!(found.is_empty(), "styles added to the light DOM: {found:?}");
    Ok(())
}

/// The demo post's widget. The contract names it `#quiz`; the element selector works either way
/// because the demo has exactly one.
const DEMO_HOST: &str = "cto-cio-quiz";

#[tokio::test]
async fn demo_page_renders_the_explainer() {
    in_every_engine("demo page", |ctx| async move {
        // The page exactly as deployed (with the CSP header).
        ctx.open("/dist/index.html").await?;
        ctx.scroll_into_view(DEMO_HOST).await?;
        ctx.wait_ready(DEMO_HOST).await?;
        assert_explainer(&ctx, DEMO_HOST).await?;

        // The same page with the probe injected first, to see console errors and CSP violations.
        ctx.open("/probed/index.html").await?;
        ctx.scroll_into_view(DEMO_HOST).await?;
        ctx.wait_ready(DEMO_HOST).await?;
        assert_explainer(&ctx, DEMO_HOST).await?;
        ctx.assert_probe_clean().await
    })
    .await;
}

#[tokio::test]
async fn strict_csp_host_with_one_widget() {
    in_every_engine("strict CSP, one widget", |ctx| async move {
        ctx.open("/pages/one.html").await?;
        ctx.wait_ready("#quiz").await?;
        assert_explainer(&ctx, "#quiz").await?;
        assert_no_light_dom_styles(&ctx).await?;
        // Give late problems (a lazily fetched stylesheet, a deferred task) a moment to show up.
        sleep_ms(300).await;
        ctx.assert_probe_clean().await
    })
    .await;
}

/// What the widget is while its parts are built, before the swap (`data-ccq-pending` on its
/// container): laid out at its full width, but taking no room, invisible and out of reach of the
/// keyboard. The state lasts a few frames of a load, so the test puts a ready widget back into it
/// and reads what the real stylesheet makes of it.
#[tokio::test]
async fn a_widget_still_being_built_takes_no_room_and_no_focus() {
    in_every_engine("pending widget", |ctx| async move {
        ctx.open("/pages/one.html").await?;
        ctx.wait_ready("#quiz").await?;
        #[derive(Deserialize)]
        struct Pending {
            width_before: f64,
            width: f64,
            height: f64,
            visibility: String,
            focused: bool,
            shown_width: f64,
        }
        let pending: Pending = ctx
            .eval(
                "const host = document.querySelector('#quiz');                  const c = host.shadowRoot.querySelector('div.ccq');                  const button = c.querySelector('button');                  const inner = () => c.querySelector('h2').getBoundingClientRect().width;                  const width_before = inner();                  c.setAttribute('data-ccq-pending', '');                  const box = c.getBoundingClientRect();                  button.focus();                  const focused = host.shadowRoot.activeElement === button;                  const visibility = getComputedStyle(button).visibility;                  const width = inner();                  c.removeAttribute('data-ccq-pending');                  return { width_before, width, height: box.height, visibility, focused,                           shown_width: inner() };",
                vec![],
            )
            .await?;
        ensure!(
            pending.height == 0.0,
            "a widget being built takes {} px of the page",
            pending.height
        );
        ensure!(
            pending.visibility == "hidden",
            "a widget being built is {} (its parts would show under the fallback)",
            pending.visibility
        );
        ensure!(
            !pending.focused,
            "a button of a widget being built took keyboard focus"
        );
        ensure!(
            (pending.width - pending.width_before).abs() < 0.5
                && (pending.shown_width - pending.width_before).abs() < 0.5,
            "the parts are laid out at {} px while built but {} px when shown: the layout done \
             meanwhile is wasted",
            pending.width,
            pending.width_before
        );
        ctx.assert_probe_clean().await
    })
    .await;
}

#[tokio::test]
async fn two_instances_share_one_wasm_fetch() {
    in_every_engine("two instances", |ctx| async move {
        ctx.open("/pages/two.html").await?;
        ctx.wait_ready("#quiz-a").await?;
        ctx.wait_ready("#quiz-b").await?;
        let separate: bool = ctx
            .eval(
                "const a = document.querySelector('#quiz-a').shadowRoot, \
                       b = document.querySelector('#quiz-b').shadowRoot; \
                 return !!a && !!b && a !== b \
                     && a.querySelector('div.ccq') !== null && b.querySelector('div.ccq') !== null \
                     && a.querySelector('div.ccq') !== b.querySelector('div.ccq');",
                vec![],
            )
            .await?;
        ensure!(
            separate,
            "the two widgets do not have separate shadow roots and roots"
        );
        assert_explainer(&ctx, "#quiz-a").await?;
        assert_explainer(&ctx, "#quiz-b").await?;
        let wasm = ctx.resources(".wasm").await?;
        ensure!(wasm.len() == 1, "expected one wasm fetch, got {wasm:?}");
        ctx.assert_probe_clean().await
    })
    .await;
}

#[tokio::test]
async fn missing_wasm_keeps_the_fallback_and_logs_once() {
    in_every_engine("wasm 404 fallback", |ctx| async move {
        ctx.open("/pages/broken.html").await?;
        for host in ["#quiz-a", "#quiz-b"] {
            ctx.wait_state(host, "failed", Duration::from_secs(15))
                .await?;
        }
        // A second error would come right after the first; wait so it would be counted.
        sleep_ms(1000).await;
        for host in ["#quiz-a", "#quiz-b"] {
            let link = format!("{host} .fallback a");
            ensure!(
                ctx.visible(&link).await?,
                "{host}: fallback link not visible (rect {:?}, shadow root: {})",
                ctx.rect(&link).await?,
                ctx.has_shadow_root(host).await?
            );
            ensure!(
                ctx.state(host).await?.as_deref() == Some("failed"),
                "{host}: state changed after failing"
            );
        }
        ctx.assert_only_logged("console.error", "starting with the widget's prefix", |m| {
            m.starts_with(CONSOLE_PREFIX)
        })
        .await
    })
    .await;
}

/// The host-styled elements' computed values that a leaking widget would change.
async fn host_styles(ctx: &Ctx) -> e2e::Result<BTreeMap<String, BTreeMap<String, String>>> {
    const PROPS: [&str; 10] = [
        "font-size",
        "font-family",
        "font-weight",
        "line-height",
        "color",
        "margin-top",
        "margin-right",
        "margin-bottom",
        "margin-left",
        "padding-left",
    ];
    let mut out = BTreeMap::new();
    for sel in ["#host-h2", "#host-p", "#host-button", "#host-after", "body"] {
        out.insert(sel.to_string(), ctx.style(sel, &PROPS).await?);
    }
    Ok(out)
}

#[tokio::test]
async fn host_page_styles_are_unchanged() {
    in_every_engine("host styles unchanged", |ctx| async move {
        ctx.open("/pages/host-styles.html").await?;
        let before = host_styles(&ctx).await?;
        let head_before: u64 = ctx
            .eval("return document.head.childElementCount;", vec![])
            .await?;
        // The page has no loader yet: add it now, the way the snippet's <script> would.
        ctx.eval::<()>(
            "const s = document.createElement('script'); s.type = 'module'; \
             s.src = '/dist/embed.js'; document.body.appendChild(s);",
            vec![],
        )
        .await?;
        ctx.wait_ready("#quiz").await?;
        // Proving that nothing changes cannot be a wait: ready is the positive signal, and the
        // mount's own effects run in the tasks right after it.
        sleep_ms(200).await;
        let after = host_styles(&ctx).await?;
        ensure!(
            before == after,
            "host styles changed:\nbefore {before:#?}\nafter {after:#?}"
        );
        let head_after: u64 = ctx
            .eval("return document.head.childElementCount;", vec![])
            .await?;
        ensure!(
            head_before == head_after,
            "document.head went from {head_before} to {head_after} children"
        );
        assert_no_light_dom_styles(&ctx).await?;
        ctx.assert_probe_clean().await
    })
    .await;
}

/// Size and font size of one element inside the shadow root.
#[derive(Debug, Deserialize, PartialEq)]
struct Measure {
    key: String,
    width: f64,
    height: f64,
    font_size: String,
}

/// Measures a fixed list of widget elements (every match, in order, capped per selector).
async fn widget_layout(ctx: &Ctx, page: &str) -> e2e::Result<Vec<Measure>> {
    ctx.open(page).await?;
    ctx.wait_ready("#quiz").await?;
    let selectors = [
        ".ccq",
        "h2",
        "h3",
        "#analogy",
        "#differences",
        "#focus",
        "#focus *",
        "button",
    ];
    ctx.eval(
        "const root = document.querySelector('#quiz').shadowRoot; const out = []; \
         for (const sel of arguments[0]) { \
           Array.from(root.querySelectorAll(sel)).slice(0, 8).forEach((el, i) => { \
             const r = el.getBoundingClientRect(); \
             out.push({key: sel + '[' + i + ']', width: r.width, height: r.height, \
                       font_size: getComputedStyle(el).fontSize}); \
           }); \
         } \
         return out;",
        vec![json!(selectors)],
    )
    .await
}

#[tokio::test]
async fn hostile_host_stylesheet_does_not_change_the_widget_layout() {
    in_every_engine("hostile host stylesheet", |ctx| async move {
        let clean = widget_layout(&ctx, "/pages/clean.html").await?;
        ctx.assert_probe_clean().await?;
        let hostile = widget_layout(&ctx, "/pages/hostile.html").await?;
        ctx.assert_probe_clean().await?;
        ensure!(clean.len() >= 5, "too few elements measured: {clean:?}");
        let keys = |m: &[Measure]| m.iter().map(|m| m.key.clone()).collect::<Vec<_>>();
        ensure!(
            keys(&clean) == keys(&hostile),
            "different elements on the two pages:\nclean   {:?}\nhostile {:?}",
            keys(&clean),
            keys(&hostile)
        );
        let differences: Vec<String> = clean
            .iter()
            .zip(&hostile)
            .filter(|(c, h)| {
                (c.width - h.width).abs() > 1.0
                    || (c.height - h.height).abs() > 1.0
                    || c.font_size != h.font_size
            })
            .map(|(c, h)| {
                format!(
                    "{}: clean {}x{} {} / hostile {}x{} {}",
                    c.key, c.width, c.height, c.font_size, h.width, h.height, h.font_size
                )
            })
            .collect();
        ensure!(
            differences.is_empty(),
            "the hostile stylesheet changed the widget:\n{}",
            differences.join("\n")
        );
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn widget_far_below_the_fold_loads_lazily() {
    in_every_engine("lazy loading", |ctx| async move {
        ctx.open("/pages/lazy.html").await?;
        // The loader has run and observes the element (the positive signal); proving it then
        // fetches nothing cannot be a wait, so an eager loader gets a second to give itself away.
        ctx.wait_state("#quiz", "waiting", e2e::widget::STEP)
            .await?;
        sleep_ms(1000).await;
        let wasm = ctx.resources(".wasm").await?;
        ensure!(
            wasm.is_empty(),
            "wasm fetched before the widget was near: {wasm:?}"
        );
        let state = ctx.state("#quiz").await?;
        ensure!(
            state.as_deref() != Some("ready"),
            "ready before being scrolled into view"
        );
        ctx.scroll_into_view("#quiz").await?;
        ctx.wait_ready("#quiz").await?;
        assert_explainer(&ctx, "#quiz").await?;
        let wasm = ctx.resources(".wasm").await?;
        ensure!(
            wasm.len() == 1,
            "expected one wasm fetch after scrolling, got {wasm:?}"
        );
        ctx.assert_probe_clean().await
    })
    .await;
}
