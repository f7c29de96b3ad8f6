//! Helpers on [`Ctx`] for what scenarios check: opening server pages, the console probe
//! (`pages/probe.js`), the widget host's `data-ccq-state`, and reading or clicking inside the
//! widget's open shadow root.
//!
//! `host` arguments are document-level CSS selectors for the `<cto-cio-quiz>` element (e.g.
//! `"#quiz"`); `sel` arguments are CSS selectors evaluated inside its shadow root. Both are passed
//! to the browser as script arguments, never spliced into script text, so quoting cannot break.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use anyhow::{anyhow, bail, ensure, Context};
use fantoccini::elements::{Element, ElementRef};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::{json, Value};

use crate::session::Ctx;

/// How long a widget may take from "page loaded" to `data-ccq-state="ready"`. Generous because
/// two browsers may share two cores with a compiler.
pub const READY_TIMEOUT: Duration = Duration::from_secs(20);

/// The W3C key under which an element reference travels in JSON.
const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

/// One thing the console probe recorded.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
pub struct ProbeEntry {
    /// `console.error`, `console.warn`, `error` (uncaught error or failed resource),
    /// `unhandledrejection`, or `csp` (a `securitypolicyviolation` event).
    pub kind: String,
    /// The joined console arguments, error message, or `"<directive> blocked <uri>"`.
    pub message: String,
}

/// One event the widget sent to the host page, as the page's listener (`pages/quiz-events.js`)
/// recorded it.
#[derive(Clone, Debug, Deserialize)]
pub struct HostEvent {
    /// `start`, `answer`, `complete` or `share` (the `cto-cio-quiz:` prefix left off).
    pub name: String,
    /// The event's `detail`, as JSON.
    pub detail: Value,
    /// The id of the element it was dispatched on.
    pub target: String,
    /// `bubbles`: it reached the document.
    pub bubbles: bool,
    /// `composed`: it crossed the shadow boundary.
    pub composed: bool,
}

/// A `getBoundingClientRect()` in CSS pixels.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq)]
pub struct Rect {
    /// Left edge relative to the viewport.
    pub x: f64,
    /// Top edge relative to the viewport.
    pub y: f64,
    /// Width.
    pub width: f64,
    /// Height.
    pub height: f64,
}

impl Rect {
    /// True if both sizes are within `tolerance` pixels of `other`'s.
    pub fn same_size(&self, other: &Rect, tolerance: f64) -> bool {
        (self.width - other.width).abs() <= tolerance
            && (self.height - other.height).abs() <= tolerance
    }
}

/// JS prelude resolving `arguments[0]` (host selector, or null for the document) and
/// `arguments[1]` (selector inside it) to `el` (may be null) and `root`.
const RESOLVE: &str = r#"
const hostSel = arguments[0], sel = arguments[1];
const host = hostSel === null ? null : document.querySelector(hostSel);
const root = hostSel === null ? document : (host ? host.shadowRoot : null);
const el = root ? root.querySelector(sel) : null;
"#;

impl Ctx {
    /// Absolute URL of a server path (`/pages/one.html`).
    pub fn url(&self, path: &str) -> String {
        self.server.url(path)
    }

    /// Navigates to a server path and waits for the load event (WebDriver's default).
    pub async fn open(&self, path: &str) -> crate::Result<()> {
        let url = self.url(path);
        self.client
            .goto(&url)
            .await
            .with_context(|| format!("opening {url}"))
    }

    /// Runs `script` (a function body; `return` gives the value, `arguments` holds `args`) and
    /// deserialises the result.
    pub async fn eval<T: DeserializeOwned>(
        &self,
        script: &str,
        args: Vec<Value>,
    ) -> crate::Result<T> {
        let value = self
            .client
            .execute(script, args)
            .await
            .with_context(|| format!("executing script: {}", first_line(script)))?;
        serde_json::from_value(value.clone())
            .with_context(|| format!("unexpected script result {value}: {}", first_line(script)))
    }

    /// Polls `script` every 100 ms until it returns something truthy, or fails after `timeout`
    /// with `what`, the last value, and the probe log in the message.
    pub async fn wait_for(
        &self,
        what: &str,
        timeout: Duration,
        script: &str,
        args: Vec<Value>,
    ) -> crate::Result<Value> {
        let deadline = Instant::now() + timeout;
        loop {
            let value = self.client.execute(script, args.clone()).await?;
            let truthy = match &value {
                Value::Null | Value::Bool(false) => false,
                Value::String(s) => !s.is_empty(),
                Value::Number(n) => n.as_f64() != Some(0.0),
                _ => true,
            };
            if truthy {
                return Ok(value);
            }
            if Instant::now() > deadline {
                bail!(
                    "timed out after {timeout:?} waiting for {what} (last value {value}); probe log: {}",
                    self.probe_summary().await
                );
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Polls `script`'s result every 50 ms until `done` holds for it, or fails after `timeout`
    /// with `what`, the last result, and the probe log in the message.
    pub async fn wait_eval<T: DeserializeOwned + std::fmt::Debug>(
        &self,
        what: &str,
        timeout: Duration,
        script: &str,
        args: Vec<Value>,
        done: impl Fn(&T) -> bool,
    ) -> crate::Result<T> {
        let deadline = Instant::now() + timeout;
        loop {
            let value: T = self.eval(script, args.clone()).await?;
            if done(&value) {
                return Ok(value);
            }
            if Instant::now() > deadline {
                bail!(
                    "timed out after {timeout:?} waiting for {what}; last seen {value:?}; probe log: {}",
                    self.probe_summary().await
                );
            }
            sleep_ms(50).await;
        }
    }

    /// Everything the probe recorded on the current page. Fails if the page has no probe
    /// (every host page must load `/pages/probe.js` first; the demo page via `/probed/`).
    pub async fn probe(&self) -> crate::Result<Vec<ProbeEntry>> {
        let entries: Option<Vec<ProbeEntry>> = self
            .eval("return window.__ccqProbe || null;", vec![])
            .await?;
        entries
            .ok_or_else(|| anyhow!("this page has no console probe (load /pages/probe.js first)"))
    }

    /// The probe entries of one kind (e.g. `"console.error"`).
    pub async fn probe_kind(&self, kind: &str) -> crate::Result<Vec<String>> {
        Ok(self
            .probe()
            .await?
            .into_iter()
            .filter(|e| e.kind == kind)
            .map(|e| e.message)
            .collect())
    }

    /// Fails unless the probe recorded nothing: no console error or warning, no uncaught error or
    /// rejection, no CSP violation.
    pub async fn assert_probe_clean(&self) -> crate::Result<()> {
        let entries = self.probe().await?;
        if entries.is_empty() {
            Ok(())
        } else {
            bail!("the page logged problems: {}", format_entries(&entries))
        }
    }

    /// Waits until the probe has recorded an entry of `kind` that satisfies `expected` (described
    /// by `what`): the positive signal to await before [`Ctx::assert_only_logged`] checks that it
    /// is the only one.
    pub async fn wait_logged(
        &self,
        kind: &str,
        what: &str,
        expected: impl Fn(&str) -> bool,
    ) -> crate::Result<()> {
        let deadline = Instant::now() + READY_TIMEOUT;
        loop {
            let entries = self.probe().await?;
            if entries
                .iter()
                .any(|e| e.kind == kind && expected(&e.message))
            {
                return Ok(());
            }
            if Instant::now() > deadline {
                bail!(
                    "no {kind} {what} within {READY_TIMEOUT:?}; probe log: {}",
                    format_entries(&entries)
                );
            }
            sleep_ms(50).await;
        }
    }

    /// Fails unless the probe recorded exactly one entry of `kind` (e.g. `"console.error"`), it
    /// satisfies `expected` (described by `what`), and nothing else was recorded.
    pub async fn assert_only_logged(
        &self,
        kind: &str,
        what: &str,
        expected: impl Fn(&str) -> bool,
    ) -> crate::Result<()> {
        let entries = self.probe().await?;
        let (of_kind, others): (Vec<&ProbeEntry>, Vec<&ProbeEntry>) =
            entries.iter().partition(|e| e.kind == kind);
        let one_as_expected = matches!(of_kind.as_slice(), [only] if expected(&only.message));
        if one_as_expected && others.is_empty() {
            return Ok(());
        }
        bail!(
            "expected exactly one {kind} {what} and nothing else; the page logged: {}",
            format_entries(&entries)
        )
    }

    /// The shadow-root button under `scope` whose collapsed text is `label`, as a real WebDriver
    /// element (its `click()` gives real input events and focus).
    pub async fn shadow_button(
        &self,
        host: &str,
        scope: &str,
        label: &str,
    ) -> crate::Result<Element> {
        let value = self
            .client
            .execute(
                "const h = document.querySelector(arguments[0]); \
                 const s = h && h.shadowRoot && h.shadowRoot.querySelector(arguments[1]); \
                 if (!s) return null; \
                 return Array.from(s.querySelectorAll('button')).find( \
                   (b) => b.textContent.replace(/\\s+/g, ' ').trim() === arguments[2]) || null;",
                vec![json!(host), json!(scope), json!(label)],
            )
            .await?;
        self.element(&value)
            .ok_or_else(|| anyhow!("no button {label:?} in `{scope}` of `{host}`"))
    }

    /// The element a script returned (`None` if it returned something else, e.g. `null`).
    fn element(&self, value: &Value) -> Option<Element> {
        let id = value.get(ELEMENT_KEY)?.as_str()?;
        Some(Element::from_element_id(
            self.client.clone(),
            ElementRef::from(id.to_string()),
        ))
    }

    /// Clicks [`Ctx::shadow_button`] with a real WebDriver click.
    pub async fn click_shadow_button(
        &self,
        host: &str,
        scope: &str,
        label: &str,
    ) -> crate::Result<()> {
        self.shadow_button(host, scope, label)
            .await?
            .click()
            .await
            .with_context(|| format!("clicking the button {label:?}"))
    }

    /// The probe log as one line (or a note why it could not be read), for error messages.
    pub async fn probe_summary(&self) -> String {
        match self.probe().await {
            Ok(entries) if entries.is_empty() => "(empty)".into(),
            Ok(entries) => format_entries(&entries),
            Err(e) => format!("(unreadable: {e})"),
        }
    }

    /// The host's `data-ccq-state` (`None` if the attribute or the element is missing).
    pub async fn state(&self, host: &str) -> crate::Result<Option<String>> {
        self.eval(
            "const h = document.querySelector(arguments[0]); \
             return h ? h.getAttribute('data-ccq-state') : null;",
            vec![json!(host)],
        )
        .await
    }

    /// Waits until the host's `data-ccq-state` equals `state`.
    pub async fn wait_state(
        &self,
        host: &str,
        state: &str,
        timeout: Duration,
    ) -> crate::Result<()> {
        self.wait_for(
            &format!("{host} to reach data-ccq-state=\"{state}\""),
            timeout,
            "const h = document.querySelector(arguments[0]); \
             return !!h && h.getAttribute('data-ccq-state') === arguments[1];",
            vec![json!(host), json!(state)],
        )
        .await
        .map(drop)
    }

    /// Waits (up to [`READY_TIMEOUT`]) until the widget at `host` is mounted.
    pub async fn wait_ready(&self, host: &str) -> crate::Result<()> {
        self.wait_state(host, "ready", READY_TIMEOUT).await
    }

    /// True if the host element has an open shadow root.
    pub async fn has_shadow_root(&self, host: &str) -> crate::Result<bool> {
        self.eval(
            "const h = document.querySelector(arguments[0]); return !!(h && h.shadowRoot);",
            vec![json!(host)],
        )
        .await
    }

    /// How many elements match `sel` inside the host's shadow root (0 without a shadow root).
    pub async fn shadow_count(&self, host: &str, sel: &str) -> crate::Result<usize> {
        self.eval(
            "const h = document.querySelector(arguments[0]); \
             return h && h.shadowRoot ? h.shadowRoot.querySelectorAll(arguments[1]).length : 0;",
            vec![json!(host), json!(sel)],
        )
        .await
    }

    /// The ids of the elements matching `sel` inside the shadow root, in document order.
    pub async fn shadow_ids(&self, host: &str, sel: &str) -> crate::Result<Vec<String>> {
        self.eval(
            "const h = document.querySelector(arguments[0]); \
             if (!h || !h.shadowRoot) return []; \
             return Array.from(h.shadowRoot.querySelectorAll(arguments[1]), e => e.id);",
            vec![json!(host), json!(sel)],
        )
        .await
    }

    /// The `textContent` of the first match of `sel` inside the shadow root, whitespace collapsed
    /// (`None` if there is no shadow root or no match).
    pub async fn shadow_text(&self, host: &str, sel: &str) -> crate::Result<Option<String>> {
        let script =
            format!("{RESOLVE} return el ? el.textContent.replace(/\\s+/g, ' ').trim() : null;");
        self.eval(&script, vec![json!(host), json!(sel)]).await
    }

    /// The bounding box of the first match of `sel` inside the shadow root.
    pub async fn shadow_rect(&self, host: &str, sel: &str) -> crate::Result<Option<Rect>> {
        rect_in(self, Some(host), sel).await
    }

    /// True if the first match of `sel` inside the shadow root has a non-empty box and is not
    /// `visibility: hidden`.
    pub async fn shadow_visible(&self, host: &str, sel: &str) -> crate::Result<bool> {
        visible_in(self, Some(host), sel).await
    }

    /// Computed style values of the first match of `sel` inside the shadow root.
    pub async fn shadow_style(
        &self,
        host: &str,
        sel: &str,
        props: &[&str],
    ) -> crate::Result<BTreeMap<String, String>> {
        style_in(self, Some(host), sel, props).await
    }

    /// A real WebDriver element inside the shadow root, for `click()` / `send_keys()` (real
    /// input events, focus and keyboard behaviour, unlike a scripted `el.click()`).
    pub async fn shadow_find(&self, host: &str, sel: &str) -> crate::Result<Element> {
        let script = format!("{RESOLVE} return el;");
        let value = self
            .client
            .execute(&script, vec![json!(host), json!(sel)])
            .await?;
        self.element(&value)
            .ok_or_else(|| anyhow!("no `{sel}` inside the shadow root of `{host}`"))
    }

    /// Clicks the first match of `sel` inside the shadow root with a real WebDriver click.
    pub async fn shadow_click(&self, host: &str, sel: &str) -> crate::Result<()> {
        let element = self.shadow_find(host, sel).await?;
        element
            .click()
            .await
            .with_context(|| format!("clicking `{sel}` in `{host}`"))
    }

    /// Dispatches a click on the first match of `sel` inside the shadow root as the browser
    /// delivers the `count`th click of a quick series at one spot (`detail` = `count`; 2: the
    /// second click of a double click). Script-made, because the drivers disagree on when two
    /// presses make a double click (chromedriver counts each action call afresh). The click's
    /// handlers, and the microtasks they queue, have run when this returns.
    pub async fn shadow_click_numbered(
        &self,
        host: &str,
        sel: &str,
        count: u32,
    ) -> crate::Result<()> {
        let found: bool = self
            .eval(
                "const h = document.querySelector(arguments[0]); \
                 const e = h && h.shadowRoot ? h.shadowRoot.querySelector(arguments[1]) : null; \
                 if (!e) return false; \
                 e.dispatchEvent(new MouseEvent('click', \
                   { bubbles: true, cancelable: true, composed: true, detail: arguments[2] })); \
                 return true;",
                vec![json!(host), json!(sel), json!(count)],
            )
            .await?;
        ensure!(
            found,
            "no `{sel}` inside the shadow root of `{host}` to click"
        );
        Ok(())
    }

    /// The bounding box of the first light-DOM match of `sel`.
    pub async fn rect(&self, sel: &str) -> crate::Result<Option<Rect>> {
        rect_in(self, None, sel).await
    }

    /// True if the first light-DOM match of `sel` has a non-empty box and is not hidden.
    pub async fn visible(&self, sel: &str) -> crate::Result<bool> {
        visible_in(self, None, sel).await
    }

    /// Computed style values of the first light-DOM match of `sel`.
    pub async fn style(
        &self,
        sel: &str,
        props: &[&str],
    ) -> crate::Result<BTreeMap<String, String>> {
        style_in(self, None, sel, props).await
    }

    /// Scrolls the first light-DOM match of `sel` into view (lazy loading starts on intersection).
    pub async fn scroll_into_view(&self, sel: &str) -> crate::Result<()> {
        let found: bool = self
            .eval(
                "const e = document.querySelector(arguments[0]); \
                 if (e) e.scrollIntoView({block: 'center'}); return !!e;",
                vec![json!(sel)],
            )
            .await?;
        if !found {
            bail!("nothing matches `{sel}` to scroll to");
        }
        Ok(())
    }

    /// URLs of the page's resource timing entries whose URL contains `needle` (e.g. `".wasm"`).
    pub async fn resources(&self, needle: &str) -> crate::Result<Vec<String>> {
        self.eval(
            "return performance.getEntriesByType('resource').map(e => e.name) \
             .filter(n => n.includes(arguments[0]));",
            vec![json!(needle)],
        )
        .await
    }

    /// The events the host page's listener (`pages/quiz-events.js`) recorded since the page
    /// loaded, in order.
    pub async fn host_events(&self) -> crate::Result<Vec<HostEvent>> {
        let events: Option<Vec<HostEvent>> = self
            .eval("return window.__quizEvents || null;", vec![])
            .await?;
        events.ok_or_else(|| anyhow!("this page has no event listener (pages/quiz-events.js)"))
    }

    /// A `localStorage` value of the page's origin.
    pub async fn local_storage(&self, key: &str) -> crate::Result<Option<String>> {
        self.eval(
            "return localStorage.getItem(arguments[0]);",
            vec![json!(key)],
        )
        .await
    }
}

/// Sleeps without blocking the runtime (for "nothing happens within N ms" checks).
/// `path` with `attrs` as its query string, each name and value percent-encoded: how the host
/// pages that build `<cto-cio-quiz>` from the query string (`pages/host-from-query.js`) are opened.
pub fn with_query(path: &str, attrs: &[(&str, &str)]) -> String {
    let encode = |s: &str| -> String {
        s.bytes()
            .map(|b| {
                if b.is_ascii_alphanumeric() || b"-._~/:".contains(&b) {
                    char::from(b).to_string()
                } else {
                    format!("%{b:02X}")
                }
            })
            .collect()
    };
    let query: Vec<String> = attrs
        .iter()
        .map(|(name, value)| format!("{}={}", encode(name), encode(value)))
        .collect();
    format!("{path}?{}", query.join("&"))
}

pub async fn sleep_ms(ms: u64) {
    tokio::time::sleep(Duration::from_millis(ms)).await;
}

async fn rect_in(ctx: &Ctx, host: Option<&str>, sel: &str) -> crate::Result<Option<Rect>> {
    let script = format!(
        "{RESOLVE} if (!el) return null; const r = el.getBoundingClientRect(); \
         return {{x: r.x, y: r.y, width: r.width, height: r.height}};"
    );
    ctx.eval(&script, vec![json!(host), json!(sel)]).await
}

async fn visible_in(ctx: &Ctx, host: Option<&str>, sel: &str) -> crate::Result<bool> {
    let script = format!(
        "{RESOLVE} if (!el) return false; const r = el.getBoundingClientRect(); \
         const s = getComputedStyle(el); \
         return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none';"
    );
    ctx.eval(&script, vec![json!(host), json!(sel)]).await
}

async fn style_in(
    ctx: &Ctx,
    host: Option<&str>,
    sel: &str,
    props: &[&str],
) -> crate::Result<BTreeMap<String, String>> {
    let script = format!(
        "{RESOLVE} if (!el) return null; const s = getComputedStyle(el); const out = {{}}; \
         for (const p of arguments[2]) out[p] = s.getPropertyValue(p); return out;"
    );
    let found: Option<BTreeMap<String, String>> = ctx
        .eval(&script, vec![json!(host), json!(sel), json!(props)])
        .await?;
    found.ok_or_else(|| match host {
        Some(host) => anyhow!("no `{sel}` inside the shadow root of `{host}`"),
        None => anyhow!("no `{sel}` on the page"),
    })
}

fn format_entries(entries: &[ProbeEntry]) -> String {
    entries
        .iter()
        .map(|e| format!("[{}] {}", e.kind, e.message))
        .collect::<Vec<_>>()
        .join(" | ")
}

fn first_line(script: &str) -> &str {
    script.trim().lines().next().unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::with_query;

    #[test]
    fn query_values_are_percent_encoded() {
        assert_eq!(
            with_query(
                "/pages/x.html",
                &[
                    ("storage-key", "my key!"),
                    ("newsletter-action", "/n/a?u=1&id=2")
                ]
            ),
            "/pages/x.html?storage-key=my%20key%21&newsletter-action=/n/a%3Fu%3D1%26id%3D2"
        );
    }
}
