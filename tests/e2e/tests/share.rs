//! The results' Share button, end to end in Chromium, Firefox and WebKit. The browser APIs are
//! stubbed on `navigator` right before each click (a real WebDriver click): the share sheet that
//! records what it was given, then one the reader closes, then no Web Share with a clipboard that
//! records, then a clipboard that refuses. Each way is checked as the reader sees it (the status
//! line, the copy-by-hand field, focused and selected) and as the host page hears it (the
//! `cto-cio-quiz:share` event). Host page: `pages/share-host.html` (five questions, a canonical link).
//!
//! They need the release bundle: `cargo xtask dist` first (or `CCQ_DIST=<dir>`).

use anyhow::{anyhow, ensure, Context};
use cto_cio_quiz::content::TIERS;
use e2e::page::HostEvent;
use e2e::widget::{selectors, HOST, STEP};
use e2e::{in_every_engine, Ctx};
use serde::Deserialize;
use serde_json::{json, Value};

const PAGE: &str = "/pages/share-host.html";
const CANONICAL: &str = "https://blog.example/cto-vs-cio";
const BUTTON: &str = "Share your result";

/// Plays the quiz on screen to its results with the first option of each question (clicks from a
/// script: only the Share click is under test) and resolves with true, or with what went wrong.
/// Arguments: the host selector and [`selectors`].
const PLAY_THROUGH: &str = r#"
const done = arguments[arguments.length - 1];
const S = arguments[1];
const quiz = document.querySelector(arguments[0]).shadowRoot.querySelector(S.quiz);
const until = (find) => new Promise((resolve, reject) => {
  const limit = Date.now() + 10000;
  (function poll() {
    const found = find();
    if (found) return resolve(found);
    if (Date.now() > limit) return reject(new Error('timed out in ' + quiz.textContent.slice(0, 200)));
    setTimeout(poll, 20);
  })();
});
const button = (...labels) => until(() => Array.from(quiz.querySelectorAll('button'))
  .find((b) => labels.includes(b.textContent.replace(/\s+/g, ' ').trim())));
(async () => {
  (await button('Start the quiz')).click();
  for (;;) {
    (await until(() => quiz.querySelector(S.options + ':not(:disabled)'))).click();
    (await button('Check answer')).click();
    const next = await button('Next question', 'See my results');
    const last = next.textContent.includes('results');
    next.click();
    if (last) break;
  }
  await until(() => quiz.querySelector(S.results));
  done(true);
})().catch((e) => done(String(e)));
"#;

/// Installs the stubs: `share` is `"record"`, `"cancel"` or `"absent"`; `clipboard` is
/// `"record"` or `"refuse"`. Calls are recorded in `window.__shared` and `window.__copied`.
const STUB: &str = r#"
window.__shared = window.__shared || [];
window.__copied = window.__copied || [];
const share = arguments[0], clipboard = arguments[1];
const value = share === 'absent' ? undefined : (data) => {
  window.__shared.push({ title: data.title, text: data.text, url: data.url });
  return share === 'record' ? Promise.resolve() : Promise.reject(new DOMException('closed', 'AbortError'));
};
Object.defineProperty(navigator, 'share', { configurable: true, value });
Object.defineProperty(navigator, 'clipboard', { configurable: true, value: {
  writeText: (text) => {
    if (clipboard === 'refuse') return Promise.reject(new DOMException('denied', 'NotAllowedError'));
    window.__copied.push(text);
    return Promise.resolve();
  },
} });
"#;

#[derive(Debug, Deserialize, PartialEq)]
struct Shared {
    title: String,
    text: String,
    url: String,
}

/// The host page's recorded events named `name`.
async fn events(ctx: &Ctx, name: &str) -> e2e::Result<Vec<HostEvent>> {
    let all = ctx.host_events().await?;
    Ok(all.into_iter().filter(|e| e.name == name).collect())
}

/// Waits until the host page has heard `count` share events; returns the last one's detail.
async fn wait_share_event(ctx: &Ctx, count: usize) -> e2e::Result<Value> {
    ctx.wait_for(
        &format!("share event {count}"),
        STEP,
        "return window.__quizEvents.filter((e) => e.name === 'share').length >= arguments[0];",
        vec![json!(count)],
    )
    .await?;
    let shares = events(ctx, "share").await?;
    ensure!(
        shares.len() == count,
        "expected {count} share events, got {shares:?}"
    );
    let last = shares.last().ok_or_else(|| anyhow!("no share event"))?;
    ensure!(
        last.target == "quiz" && last.bubbles && last.composed,
        "the share event must bubble out of the element, composed: {last:?}"
    );
    Ok(last.detail.clone())
}

/// What the share block shows: the status line, and the copy-by-hand field if any.
#[derive(Debug, Deserialize)]
struct Shown {
    status: String,
    field: Option<String>,
    focused: bool,
    selected: bool,
}

/// Waits until the share block shows what `done` accepts (the event may come before the render).
async fn wait_shown(ctx: &Ctx, what: &str, done: impl Fn(&Shown) -> bool) -> e2e::Result<Shown> {
    ctx.wait_eval(
        what,
        STEP,
        "const root = document.querySelector(arguments[0]).shadowRoot; \
         const block = root.querySelector('.ccq-share'); \
         const field = block.querySelector('input'); \
         return { status: block.querySelector('[role=status]').textContent.trim(), \
           field: field ? field.value : null, \
           focused: !!field && root.activeElement === field, \
           selected: !!field && field.selectionStart === 0 && field.selectionEnd === field.value.length };",
        vec![json!(HOST)],
        done,
    )
    .await
}

async fn click_share(ctx: &Ctx, share: &str, clipboard: &str) -> e2e::Result<()> {
    ctx.eval::<()>(STUB, vec![json!(share), json!(clipboard)])
        .await?;
    ctx.click_shadow_button(HOST, ".ccq-share", BUTTON).await
}

#[tokio::test]
async fn share_sheet_then_clipboard_then_by_hand() {
    in_every_engine("share: sheet, cancel, clipboard, by hand", |ctx| async move {
        ctx.open(PAGE).await?;
        ctx.wait_ready(HOST).await?;
        let played = ctx
            .client
            .execute_async(PLAY_THROUGH, vec![json!(HOST), selectors()])
            .await
            .context("playing the quiz through")?;
        ensure!(played == json!(true), "playing the quiz through: {played}");
        let complete = events(&ctx, "complete").await?;
        let result = &complete.first().ok_or_else(|| anyhow!("no complete event"))?.detail;
        let (score, total) = (result["score"].clone(), result["total"].clone());
        let tier_id = result["tier"].as_str().unwrap_or_default().to_string();
        let tier = TIERS
            .iter()
            .find(|tier| tier.id == tier_id)
            .ok_or_else(|| anyhow!("unknown tier {tier_id}"))?;
        let text = format!("I scored {score}/{total} on the CTO vs CIO quiz: {}", tier.title);
        let expected_detail = |method: &str| {
            json!({ "method": method, "score": score, "total": total, "tier": tier_id })
        };

        // 1. The share sheet gets the title, the text and the canonical address.
        click_share(&ctx, "record", "record").await?;
        let detail = wait_share_event(&ctx, 1).await?;
        ensure!(detail == expected_detail("share"), "share event detail {detail}");
        let shared: Vec<Shared> = ctx.eval("return window.__shared;", vec![]).await?;
        let sent = Shared {
            title: "The CTO vs CIO quiz".into(),
            text: text.clone(),
            url: CANONICAL.into(),
        };
        ensure!(shared == [sent], "navigator.share got {shared:?}");
        wait_shown(&ctx, "no status after sharing", |now| {
            now.status.is_empty() && now.field.is_none()
        })
        .await?;

        // 2. The reader closes the sheet: nothing shown, nothing copied, no event. The next,
        // successful share proves the closed one had ended (one attempt runs at a time).
        click_share(&ctx, "cancel", "record").await?;
        ctx.wait_for("the cancelled share", STEP, "return window.__shared.length === 2;", vec![])
            .await?;
        click_share(&ctx, "record", "record").await?;
        wait_share_event(&ctx, 2).await?;
        ensure!(
            ctx.eval::<usize>("return window.__copied.length;", vec![]).await? == 0,
            "a closed share sheet fell back to the clipboard"
        );

        // 3. No Web Share: the clipboard gets the text and the link, and the widget says so.
        click_share(&ctx, "absent", "record").await?;
        let detail = wait_share_event(&ctx, 3).await?;
        ensure!(detail == expected_detail("clipboard"), "clipboard event detail {detail}");
        let copied: Vec<String> = ctx.eval("return window.__copied;", vec![]).await?;
        ensure!(copied == [format!("{text} {CANONICAL}")], "the clipboard got {copied:?}");
        wait_shown(&ctx, "the copied status", |now| {
            now.status == "Copied your result and a link to this post: paste it wherever you like."
                && now.field.is_none()
        })
        .await?;

        // 4. The clipboard refuses too: the text and link in a field, focused and selected.
        click_share(&ctx, "absent", "refuse").await?;
        let detail = wait_share_event(&ctx, 4).await?;
        ensure!(detail == expected_detail("manual"), "manual event detail {detail}");
        let by_hand = format!("{text} {CANONICAL}");
        wait_shown(&ctx, "the copy-by-hand field, focused and selected", |now| {
            now.field.as_deref() == Some(&*by_hand)
                && now.focused
                && now.selected
                && now.status.contains("field below")
        })
        .await?;

        // 5. Without a canonical link: the page's address without query or fragment.
        ctx.eval::<()>(
            "document.querySelector('link[rel=canonical]').remove(); \
             history.replaceState(null, '', location.pathname + '?utm_source=x#results');",
            vec![],
        )
        .await?;
        click_share(&ctx, "record", "record").await?;
        wait_share_event(&ctx, 5).await?;
        let shared: Vec<Shared> = ctx.eval("return window.__shared;", vec![]).await?;
        let url = shared.last().map(|s| s.url.clone()).unwrap_or_default();
        ensure!(url == ctx.url(PAGE), "without a canonical link the widget shared {url}");
        ctx.assert_probe_clean().await
    })
    .await;
}

#[tokio::test]
async fn the_owner_s_share_url_is_what_is_shared() {
    in_every_engine("share: the owner's share-url", |ctx| async move {
        // A frame page shares its own address unless the owner names the post: share-url wins
        // over the canonical link and the page's address alike.
        ctx.open("/pages/share-url-host.html").await?;
        ctx.wait_ready(HOST).await?;
        let played = ctx
            .client
            .execute_async(PLAY_THROUGH, vec![json!(HOST), selectors()])
            .await
            .context("playing the quiz through")?;
        ensure!(played == json!(true), "playing the quiz through: {played}");
        click_share(&ctx, "record", "record").await?;
        wait_share_event(&ctx, 1).await?;
        let shared: Vec<Shared> = ctx.eval("return window.__shared;", vec![]).await?;
        let url = shared.last().map(|s| s.url.clone()).unwrap_or_default();
        ensure!(
            url == "https://blog.example/posts/cto-vs-cio",
            "with share-url set the widget shared {url}"
        );
        ctx.assert_probe_clean().await
    })
    .await;
}
