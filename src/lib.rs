//! `cto-cio-quiz`: an embeddable CTO-vs-CIO explainer, scored quiz and newsletter call to action.
//!
//! Pure modules (no web-sys, unit-tested natively):
//! - [`config`]: element attributes -> [`config::Config`], with errors that name the attribute.
//! - [`content`]: the article, the question bank and the result tiers as data, plus `validate`.
//! - [`quiz`]: the quiz engine: state machine, scoring, tiers, per-topic breakdown, seeded shuffle.
//! - [`storage`]: the saved-state schema, its versions and the salvage of damaged data.
//! - [`newsletter`]: e-mail validation, provider field mapping and the sign-up form's states.
//! - [`html`]: the one HTML escaping function; [`snippet`]: the article as static HTML for the
//!   element's light DOM (crawlers, feeds, the fallback).
//! - [`present`]: what the views show: the article's inert HTML, display words and classes.
//! - [`objects_only`]: the serde adapter that reads saved structs from JSON objects only.
//!
//! Web edges (the only code that touches the browser):
//! - [`web`]: localStorage, the newsletter POST, sharing, host-page events, console messages, the
//!   host element, the Trusted Types policy for the HTML the widget writes.
//! - [`ui`]: thin Leptos components over the pure modules.

// A panic in the reader's browser is a dead widget: outside tests, errors are values.
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

pub mod config;
pub mod content;
pub mod html;
pub mod newsletter;
pub mod objects_only;
pub mod present;
pub mod quiz;
pub mod snippet;
pub mod storage;
pub mod ui;
pub mod web;

use std::any::Any;
use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::prelude::wasm_bindgen;
use web_sys::HtmlElement;

/// Mounts one widget for the `<cto-cio-quiz>` element `host` into `container` (a div inside the
/// element's shadow root). Called by `embed.js` once per element; each call is independent.
/// This call reads the attributes and checks storage; the session and the title follow in a task
/// of their own, so neither task blocks the host page for long. The parts arrive over the next
/// few frames (see `ui::app`), and `built` is called once all are in. The returned [`Widget`]
/// keeps it mounted until `embed.js` calls [`Widget::unmount`].
#[wasm_bindgen]
pub fn mount(host: HtmlElement, container: HtmlElement, built: js_sys::Function) -> Widget {
    web::trusted_html::install();
    let config = web::host::read_config(&host);
    let store = web::store::Store::open(&config.storage_key, &host);
    let mounted: Rc<Cell<Option<Box<dyn Any>>>> = Rc::default();
    // Weak: a widget unmounted before its task runs is never built.
    let slot = Rc::downgrade(&mounted);
    leptos::prelude::set_timeout(
        move || {
            let Some(slot) = slot.upgrade() else { return };
            let handle = leptos::mount::mount_to(container, move || {
                let session = ui::session::Session::open(host, config, store);
                let built = web::host::Built::new(built);
                leptos::view! { <ui::app::App session built/> }
            });
            slot.set(Some(Box::new(handle)));
        },
        std::time::Duration::ZERO,
    );
    Widget { _mounted: mounted }
}

/// One mounted widget. It holds Leptos's mount handle, whose drop removes the widget's DOM and
/// disposes its reactive owner: every effect, timer and window listener registered under it is
/// released through `on_cleanup`. Single-page-app blogs remove elements; without this they would pile up.
#[wasm_bindgen]
pub struct Widget {
    // `Any`: the handle's type names the whole view tree; only its drop matters here. Empty
    // until the mount task has run.
    _mounted: Rc<Cell<Option<Box<dyn Any>>>>,
}

#[wasm_bindgen]
impl Widget {
    /// Unmounts the widget (its element left the page). Takes `self`, so the JS object is freed
    /// with it and a second call throws instead of unmounting twice.
    pub fn unmount(self) {
        drop(self);
    }
}
