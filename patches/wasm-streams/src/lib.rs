//! A stand-in for `wasm-streams` 0.5, patched in from the workspace's `Cargo.toml`.
//!
//! Leptos 0.8 always builds `server_fn` with its `browser` client, and that client streams
//! request and response bodies through `wasm_streams::ReadableStream`. This widget has no server
//! and no server functions, so none of that code ever runs; but the real crate exports three
//! `#[wasm_bindgen]` classes (`IntoUnderlyingSource`, `IntoUnderlyingByteSource`,
//! `IntoUnderlyingSink`), and exports are never dead code: they kept their JS glue and about 11 KB
//! of wasm (the async plumbing behind them) in the bundle, 5.3 KB brotli in all, measured.
//!
//! This crate keeps the four calls `server_fn` compiles against and nothing else. It exports
//! nothing and never panics: a streaming body built here is `undefined` (the request goes out
//! without one) and a stream read here ends at once. Should the widget ever need streaming
//! server functions, remove the `[patch]` and this folder.

use futures_util::stream::{self, Stream};
use wasm_bindgen::{JsCast, JsValue};

/// A body stream as `server_fn` handles it: only ever the raw JS stream it was made from.
pub struct ReadableStream {
    raw: web_sys::ReadableStream,
}

impl ReadableStream {
    pub fn from_raw(raw: web_sys::ReadableStream) -> ReadableStream {
        ReadableStream { raw }
    }

    /// A request body from a Rust stream: not supported here, so no body (`undefined`).
    pub fn from_stream<St>(_stream: St) -> ReadableStream
    where
        St: Stream<Item = Result<JsValue, JsValue>> + 'static,
    {
        ReadableStream {
            raw: JsValue::UNDEFINED.unchecked_into(),
        }
    }

    pub fn into_raw(self) -> web_sys::ReadableStream {
        self.raw
    }

    /// A response body as a Rust stream: not read here, so it ends at once.
    pub fn into_stream(self) -> impl Stream<Item = Result<JsValue, JsValue>> + Unpin {
        stream::empty()
    }
}
