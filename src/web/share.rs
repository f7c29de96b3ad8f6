//! Sharing a result through the browser: the Web Share API where the browser has it, else the
//! clipboard, else nothing (the view then offers the text to copy by hand). The widget itself sends
//! nothing anywhere. Called through `Reflect` rather than web-sys bindings: neither API is in every
//! browser (Firefox on desktop has no `navigator.share`), so each is looked up before it is used,
//! and no bindings are compiled in for them.

use js_sys::{Function, Object, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::present::share::{post_url, ShareData, ShareMethod};

/// How a share attempt ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Shared this way (for `Manual`: the browser refused both, the reader copies by hand).
    Done(ShareMethod),
    /// The reader closed the share sheet: not an error, nothing to say.
    Cancelled,
}

/// The post's address as [`post_url`] decides it from the owner's `share_url` and this document.
pub fn page_url(share_url: Option<&str>) -> String {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return share_url.unwrap_or_default().to_owned();
    };
    // `.href`, not the attribute: the browser resolves a relative canonical against the page.
    let canonical = document
        .query_selector("link[rel~='canonical'][href]")
        .ok()
        .flatten()
        .and_then(|link| get(&link, "href").as_string());
    let location = document.url().unwrap_or_default();
    post_url(share_url, canonical.as_deref(), &location)
}

/// Shares `data` the best way this browser allows.
pub async fn share(data: &ShareData) -> Outcome {
    let navigator = web_sys::window()
        .map(|window| get(&window, "navigator"))
        .unwrap_or(JsValue::UNDEFINED);
    if let Some(share) = method(&navigator, "share") {
        let request = Object::new();
        set(&request, "title", data.title);
        set(&request, "text", &data.text);
        if !data.url.is_empty() {
            set(&request, "url", &data.url);
        }
        match call(&share, &navigator, &request).await {
            Ok(()) => return Outcome::Done(ShareMethod::Share),
            Err(error) if name(&error) == "AbortError" => return Outcome::Cancelled,
            // Refused (no permission, data it cannot share): the clipboard may still work.
            Err(_) => {}
        }
    }
    let clipboard = get(&navigator, "clipboard");
    if let Some(write) = method(&clipboard, "writeText") {
        let text = JsValue::from_str(&data.clipboard_text());
        if call(&write, &clipboard, &text).await.is_ok() {
            return Outcome::Done(ShareMethod::Clipboard);
        }
    }
    Outcome::Done(ShareMethod::Manual)
}

fn get(target: &JsValue, key: &str) -> JsValue {
    if target.is_undefined() || target.is_null() {
        return JsValue::UNDEFINED;
    }
    Reflect::get(target, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn set(target: &Object, key: &str, value: &str) {
    // Reflect.set only fails on frozen objects; this one is fresh.
    let _ = Reflect::set(target, &JsValue::from_str(key), &JsValue::from_str(value));
}

fn method(target: &JsValue, key: &str) -> Option<Function> {
    get(target, key).dyn_into::<Function>().ok()
}

/// Calls `function` on `this` and waits for the promise it returns (a throw counts as a rejection).
async fn call(function: &Function, this: &JsValue, arg: &JsValue) -> Result<(), JsValue> {
    let returned = function.call1(this, arg)?;
    JsFuture::from(Promise::resolve(&returned)).await.map(drop)
}

/// A DOMException's name, e.g. `AbortError`.
fn name(error: &JsValue) -> String {
    get(error, "name").as_string().unwrap_or_default()
}
