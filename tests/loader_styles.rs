//! `src/embed.js` keeps the fallback's own text styles on its slot until the swap, for exactly the
//! inherited properties `style/widget.css` pins on `:host`: one missing there would let the
//! fallback's text move (or change colour) in the frames before the widget is shown.
#![cfg(not(target_arch = "wasm32"))]

const EMBED_JS: &str = include_str!("../src/embed.js");
const WIDGET_CSS: &str = include_str!("../style/widget.css");

/// The string literals of embed.js's `const PINNED = [...];`, in order.
fn loader_list() -> Vec<String> {
    let start = EMBED_JS
        .find("const PINNED = [")
        .expect("embed.js declares const PINNED = [...]");
    let rest = &EMBED_JS[start + "const PINNED = [".len()..];
    let list = &rest[..rest.find("];").expect("PINNED ends with ];")];
    list.split(',')
        .map(|item| item.trim().trim_matches('"').to_string())
        .filter(|item| !item.is_empty())
        .collect()
}

/// The properties of widget.css's first `:host { … }` rule that carry `!important`, except
/// `display` (not inherited: the fallback has its own box), in order.
fn pinned_on_host() -> Vec<String> {
    let start = WIDGET_CSS
        .find(":host {")
        .expect("widget.css has a :host rule");
    let rule = &WIDGET_CSS[start..];
    let body = &rule[..rule.find('}').expect("the :host rule ends")];
    body.lines()
        .filter(|line| line.contains("!important"))
        .filter_map(|line| line.trim().split(':').next())
        .filter(|name| *name != "display")
        .map(str::to_string)
        .collect()
}

#[test]
fn the_loader_keeps_exactly_the_properties_the_stylesheet_pins() {
    let pinned = pinned_on_host();
    assert!(
        pinned.len() >= 10,
        "found only {pinned:?} in widget.css's :host rule"
    );
    assert_eq!(
        loader_list(),
        pinned,
        "src/embed.js PINNED and the !important properties of :host in style/widget.css differ"
    );
}
