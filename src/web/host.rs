//! The host element: its attributes become the widget's configuration, its shadow root is where
//! in-widget links find their targets, and its loader (embed.js) is told when the widget is built.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlElement, ScrollIntoViewOptions, ScrollLogicalPosition};

use crate::config::Config;
use crate::web::console;

/// Reads the configuration from `host`'s attributes; every invalid value is reported once.
pub fn read_config(host: &Element) -> Config {
    let (config, errors) = Config::from_attributes(|name| host.get_attribute(name));
    for error in &errors {
        console::error_line(&error.to_string());
    }
    config
}

/// Scrolls to the element with `id` inside the widget that contains `from`, and focuses it so a
/// keyboard or screen-reader user continues reading there. Ids are scoped to each shadow root, so
/// two widgets on a page never steal each other's anchors.
pub fn reveal(from: &Element, id: &str) {
    let root = from.get_root_node();
    let by_id = |id: &str| match root.dyn_ref::<web_sys::ShadowRoot>() {
        Some(shadow) => shadow.get_element_by_id(id),
        None => root
            .dyn_ref::<web_sys::Document>()
            .and_then(|document| document.get_element_by_id(id)),
    };
    let Some(target) = by_id(id) else { return };
    let options = ScrollIntoViewOptions::new();
    options.set_block(ScrollLogicalPosition::Start);
    target.scroll_into_view_with_scroll_into_view_options(&options);
    // Sections are not focusable; their headings are (tabindex="-1"), and a screen reader then
    // announces where the reader landed.
    let heading = by_id(&[id, "-title"].concat()).unwrap_or(target);
    if let Some(heading) = heading.dyn_ref::<HtmlElement>() {
        let _ = heading.focus();
    }
}

/// The loader's callback for "every part is built": embed.js reveals the widget then.
pub struct Built(js_sys::Function);

impl Built {
    pub fn new(callback: js_sys::Function) -> Built {
        Built(callback)
    }

    /// Tells the loader. A callback that throws changes nothing here: the loader reports its own.
    pub fn tell(self) {
        let _ = self.0.call0(&JsValue::NULL);
    }
}
