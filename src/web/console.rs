//! Messages for the blog owner in the browser console, each starting with
//! [`CONSOLE_PREFIX`] (the element's name) so a page with several scripts makes clear who is speaking.

use wasm_bindgen::JsValue;

use crate::config::CONSOLE_PREFIX as PREFIX;

/// Something the blog owner must fix (e.g. an invalid attribute).
pub fn error(message: &str) {
    web_sys::console::error_1(&JsValue::from_str(&[PREFIX, message].concat()));
}

/// A complete line that already starts with the prefix (a `ConfigError`).
pub fn error_line(line: &str) {
    web_sys::console::error_1(&JsValue::from_str(line));
}

/// Something that went wrong and was recovered from (e.g. damaged saved progress).
pub fn warn(message: &str) {
    web_sys::console::warn_1(&JsValue::from_str(&[PREFIX, message].concat()));
}
