//! The newsletter POST: the one request the widget ever makes, and only when the reader submits.
//! Providers send no CORS headers, so their reply is opaque (`no-cors`) and the widget only knows
//! the request left; a generic endpoint is asked in `cors` mode so its real status can be shown.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{RequestCredentials, RequestInit, RequestMode, Response};

use crate::newsletter::{Delivery, Failure, Request, CONTENT_TYPE};

/// Sends `request` as a form-urlencoded POST, without cookies, and reports how it ended.
pub async fn send(request: &Request) -> Result<Delivery, Failure> {
    let window = web_sys::window().ok_or(Failure::Offline)?;
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
    let _ = js_sys::Reflect::set(
        &headers,
        &JsValue::from_str("Content-Type"),
        &JsValue::from_str(CONTENT_TYPE),
    );
    init.set_headers(&headers);
    init.set_body(&JsValue::from_str(&request.body));
    let reply = JsFuture::from(window.fetch_with_str_and_init(&request.url, &init))
        .await
        .map_err(|_| Failure::Offline)?;
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
