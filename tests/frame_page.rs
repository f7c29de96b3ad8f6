//! `dist/frame.html`'s sources agree with the crate: `src/frame.js` copies exactly the presentation
//! attributes `src/config.rs` names from the query string (never where sign-ups go: anyone can
//! write a link to the frame page), and the page has no inline script or style (its article is
//! checked with the demo post's in `src/snippet/tests.rs`).
#![cfg(not(target_arch = "wasm32"))]

use cto_cio_quiz::config::{ATTRIBUTES, PRESENTATION_ATTRIBUTES};

const FRAME_JS: &str = include_str!("../src/frame.js");
const FRAME_HTML: &str = include_str!("../frame.html");

/// The string literals of frame.js's `var ATTRIBUTES = [...]` line, in order.
fn frame_js_attributes() -> Vec<String> {
    let line = FRAME_JS
        .lines()
        .find(|line| line.trim_start().starts_with("var ATTRIBUTES = ["))
        .expect("frame.js declares var ATTRIBUTES = [...] on one line");
    let list = &line[line.find('[').expect("[") + 1..line.rfind(']').expect("]")];
    list.split(',')
        .map(|item| item.trim().trim_matches('"').to_string())
        .collect()
}

#[test]
fn frame_js_copies_exactly_the_presentation_attributes() {
    assert_eq!(frame_js_attributes(), PRESENTATION_ATTRIBUTES);
    for name in frame_js_attributes() {
        assert!(
            ATTRIBUTES.contains(&name.as_str()),
            "{name} is not read by config.rs"
        );
    }
    for name in [
        "newsletter-action",
        "newsletter-provider",
        "newsletter-tag",
        "privacy-url",
        "share-url",
    ] {
        assert!(
            !FRAME_JS.contains(&format!("\"{name}\"")),
            "frame.js names {name}"
        );
    }
}

#[test]
fn frame_js_sets_attributes_and_never_writes_markup() {
    assert!(FRAME_JS.contains("setAttribute(name, params.get(name))"));
    for sink in [
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
        "eval(",
    ] {
        assert!(!FRAME_JS.contains(sink), "frame.js uses {sink}");
    }
}

#[test]
fn the_frame_page_has_no_inline_script_or_style() {
    assert!(!FRAME_HTML.contains("<style"));
    assert!(!FRAME_HTML.contains("style="));
    for script in FRAME_HTML
        .match_indices("<script")
        .map(|(at, _)| &FRAME_HTML[at..])
    {
        let tag = &script[..script.find('>').expect("tag end")];
        assert!(tag.contains(" src="), "inline script: {tag}");
    }
}

/// The string literals of frame.js's `var EVENTS = [...]` line, prefixed as the widget names them.
fn frame_js_events() -> Vec<String> {
    let line = FRAME_JS
        .lines()
        .find(|line| line.trim_start().starts_with("var EVENTS = ["))
        .expect("frame.js declares var EVENTS = [...] on one line");
    let list = &line[line.find('[').expect("[") + 1..line.rfind(']').expect("]")];
    list.split(',')
        .map(|item| format!("cto-cio-quiz:{}", item.trim().trim_matches('"')))
        .collect()
}

#[test]
fn frame_js_forwards_every_event_the_widget_emits() {
    const EVENTS_RS: &str = include_str!("../src/web/events.rs");
    let emitted: Vec<String> = EVENTS_RS
        .match_indices("=> \"cto-cio-quiz:")
        .map(|(at, _)| {
            let name = &EVENTS_RS[at + 4..];
            name[..name.find('"').expect("closing quote")].to_string()
        })
        .collect();
    assert_eq!(emitted.len(), 4, "events.rs names: {emitted:?}");
    assert_eq!(frame_js_events(), emitted);
    assert!(FRAME_JS.contains("postMessage({ type: event.type, detail: event.detail }"));
}
