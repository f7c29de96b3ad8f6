//! The newsletter POST: the one request the widget ever makes, and only when the reader submits.
//! Providers send no CORS headers, so their reply is opaque (`no-cors`) and the widget only knows
//! the request left; a generic endpoint is asked in `cors` mode so its real status can be shown.
//! A request without an answer after [`REPLY_TIMEOUT_MS`] is abandoned, so the form never stays
//! locked.

use std::time::Duration;

use js_sys::Reflect;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, RequestCredentials, RequestInit, RequestMode, Response};

use crate::newsletter::{Delivery, Failure, Request, CONTENT_TYPE, REPLY_TIMEOUT_MS};

/// Sends `request` as a form-urlencoded POST, without cookies, and reports how it ended.
pub async fn send(request: &Request) -> Result<Delivery, Failure> {
    let window = web_sys::window().ok_or(Failure::Unreachable)?;
    let init = RequestInit::new();
    init.set_method("POST");
    init.set_mode(if request.read_reply {
        RequestMode::Cors
    } else {
        RequestMode::NoCors
    });
    // The reader's provider cookies have no business in a sign-up from someone else's page.
    init.set_credentials(RequestCredentials::Omit);
    let headers = js_sys::Object::new();
    let _ = Reflect::set(
        &headers,
        &JsValue::from_str("Content-Type"),
        &JsValue::from_str(CONTENT_TYPE),
    );
    init.set_headers(&headers);
    init.set_body(&JsValue::from_str(&request.body));
    // Old browsers without AbortController send without a deadline, as before.
    let controller = AbortController::new().ok();
    let deadline = controller.as_ref().and_then(|controller| {
        init.set_signal(Some(&controller.signal()));
        let controller = controller.clone();
        leptos::prelude::set_timeout_with_handle(
            move || controller.abort(),
            Duration::from_millis(REPLY_TIMEOUT_MS.into()),
        )
        .ok()
    });
    let reply = JsFuture::from(window.fetch_with_str_and_init(&request.url, &init)).await;
    if let Some(deadline) = deadline {
        deadline.clear();
    }
    let reply = reply.map_err(|_| {
        let timed_out = controller.is_some_and(|controller| controller.signal().aborted());
        if timed_out {
            Failure::TimedOut
        } else if is_offline(&window) {
            Failure::Offline
        } else {
            Failure::Unreachable
        }
    })?;
    if !request.read_reply {
        return Ok(Delivery::Unconfirmed);
    }
    match reply.dyn_into::<Response>() {
        Ok(response) if response.ok() => Ok(Delivery::Confirmed),
        Ok(response) => Err(Failure::Rejected {
            status: response.status(),
        }),
        Err(_) => Ok(Delivery::Unconfirmed),
    }
}

/// `navigator.onLine` is false (read through `Reflect`: no bindings compiled in for one flag).
fn is_offline(window: &web_sys::Window) -> bool {
    Reflect::get(window, &JsValue::from_str("navigator"))
        .and_then(|navigator| Reflect::get(&navigator, &JsValue::from_str("onLine")))
        .is_ok_and(|online| online == JsValue::FALSE)
}
