//! Every HTML string the widget writes (the explainer's constant markup, and the `<template>`s
//! Leptos fills for static parts of its views) goes through one Trusted Types policy named
//! `cto-cio-quiz`, so a host page that enforces `require-trusted-types-for 'script'` keeps the
//! widget once it lists `trusted-types cto-cio-quiz`. The strings are the crate's own constant
//! markup (built through `html::escape`), never anything from an attribute, storage or the network;
//! the policy passes them through (`String`, a built-in function: no script is evaluated to
//! make it).

use std::cell::{Cell, OnceCell};

use js_sys::{Function, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

use crate::web::console;

/// The policy's name, which a host page's `trusted-types` directive must list.
pub const POLICY: &str = "cto-cio-quiz";

thread_local! {
    /// The policy's `createHTML`, bound to it; `None` where the browser has no Trusted Types or
    /// the page does not allow the policy.
    static CREATE_HTML: OnceCell<Option<(JsValue, Function)>> = const { OnceCell::new() };
    static REFUSED: Cell<bool> = const { Cell::new(false) };
}

/// Has tachys write HTML through [`write`] from now on.
pub fn install() {
    leptos::tachys::renderer::dom::set_html_writer(write);
}

/// Writes `html` into `element`'s `innerHTML`, through the policy where there is one. A write the
/// page refuses leaves the element empty and says once what the owner must add.
fn write(element: &Element, html: &str) {
    let html = JsValue::from_str(html);
    let value = CREATE_HTML
        .with(|cell| {
            cell.get_or_init(create_policy)
                .as_ref()
                .and_then(|(policy, create)| create.call1(policy, &html).ok())
        })
        .unwrap_or(html);
    if Reflect::set(element, &JsValue::from_str("innerHTML"), &value).is_err()
        && !REFUSED.replace(true)
    {
        console::error(
            "this page’s Content-Security-Policy requires Trusted Types: add \"trusted-types cto-cio-quiz\" to it so the quiz can show.",
        );
    }
}

/// `trustedTypes.createPolicy("cto-cio-quiz", { createHTML: String })`, if the browser has it and
/// the page allows it.
fn create_policy() -> Option<(JsValue, Function)> {
    let global = js_sys::global();
    let get = |target: &JsValue, key: &str| Reflect::get(target, &JsValue::from_str(key)).ok();
    let factory = get(&global, "trustedTypes").filter(|value| value.is_object())?;
    let create_policy = get(&factory, "createPolicy")?.dyn_into::<Function>().ok()?;
    let options = Object::new();
    Reflect::set(
        &options,
        &JsValue::from_str("createHTML"),
        &get(&global, "String")?,
    )
    .ok()?;
    let policy = create_policy
        .call2(&factory, &JsValue::from_str(POLICY), &options)
        .ok()?;
    let create = get(&policy, "createHTML")?.dyn_into::<Function>().ok()?;
    Some((policy, create))
}
