//! Per-scenario reader preferences (CSS media features such as `prefers-reduced-motion: reduce`
//! or `prefers-color-scheme: dark`), given to each engine the way it supports them, so the page
//! sees a real preference (`matchMedia` matches) rather than one forced by script:
//!
//! - Chromium: CDP `Emulation.setEmulatedMedia` with `features`, sent once after the session
//!   starts; it stays in effect for every navigation of that page.
//! - Firefox: user preferences in `moz:firefoxOptions.prefs` when the session is created.
//! - WebKitGTK: neither its WebDriver nor MiniBrowser can set them; [`unsupported_reason`] says so,
//!   and scenarios skip that engine with the reason printed.

use serde_json::{json, Map, Value};

use crate::cdp::Cdp;
use crate::Engine;

/// One media feature and the value the reader prefers, e.g. `("prefers-color-scheme", "dark")`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MediaPref {
    /// The media feature's name.
    pub name: String,
    /// The preferred value.
    pub value: String,
}

/// Why `engine` cannot be given these preferences (`None` when it can, or there are none).
pub fn unsupported_reason(engine: Engine, prefs: &[MediaPref]) -> Option<String> {
    if prefs.is_empty() {
        return None;
    }
    if engine == Engine::WebKit {
        return Some(
            "WebKitGTK cannot emulate media features: WebKitWebDriver has no command or \
             capability for them and MiniBrowser no setting"
                .to_string(),
        );
    }
    let unknown: Vec<String> = prefs
        .iter()
        .filter(|p| engine == Engine::Firefox && firefox_pref(p).is_none())
        .map(|p| format!("{}: {}", p.name, p.value))
        .collect();
    (!unknown.is_empty()).then(|| format!("no Firefox preference known for {unknown:?}"))
}

/// The Firefox user preference (name, value) giving one media feature value.
fn firefox_pref(pref: &MediaPref) -> Option<(&'static str, Value)> {
    match (pref.name.as_str(), pref.value.as_str()) {
        ("prefers-reduced-motion", "reduce") => Some(("ui.prefersReducedMotion", json!(1))),
        ("prefers-reduced-motion", "no-preference") => Some(("ui.prefersReducedMotion", json!(0))),
        // 0 dark, 1 light, 2 follow the browser theme.
        ("prefers-color-scheme", "dark") => {
            Some(("layout.css.prefers-color-scheme.content-override", json!(0)))
        }
        ("prefers-color-scheme", "light") => {
            Some(("layout.css.prefers-color-scheme.content-override", json!(1)))
        }
        _ => None,
    }
}

/// Adds the Firefox preferences for `prefs` to `moz:firefoxOptions.prefs` of `caps`; other
/// engines' capabilities are left alone.
pub fn add_to_capabilities(engine: Engine, caps: &mut Map<String, Value>, prefs: &[MediaPref]) {
    if engine != Engine::Firefox || prefs.is_empty() {
        return;
    }
    let Some(Value::Object(options)) = caps.get_mut("moz:firefoxOptions") else {
        return;
    };
    let entry = options
        .entry("prefs")
        .or_insert_with(|| Value::Object(Map::new()));
    if let Value::Object(map) = entry {
        for (name, value) in prefs.iter().filter_map(firefox_pref) {
            map.insert(name.to_string(), value);
        }
    }
}

/// Chromium: emulates `prefs` on the session's page through CDP.
pub async fn apply_chromium(cdp: &Cdp, prefs: &[MediaPref]) -> crate::Result<()> {
    let features: Vec<Value> = prefs
        .iter()
        .map(|p| json!({ "name": p.name, "value": p.value }))
        .collect();
    cdp.send(
        "Emulation.setEmulatedMedia",
        json!({ "features": features }),
    )
    .await
    .map(drop)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn pref(name: &str, value: &str) -> MediaPref {
        MediaPref {
            name: name.into(),
            value: value.into(),
        }
    }

    #[test]
    fn firefox_gets_its_prefs_in_the_capabilities() {
        let prefs = [
            pref("prefers-reduced-motion", "reduce"),
            pref("prefers-color-scheme", "dark"),
        ];
        let mut caps = Engine::Firefox.capabilities(Path::new("/ff"), Path::new("/p"));
        add_to_capabilities(Engine::Firefox, &mut caps, &prefs);
        assert_eq!(
            caps["moz:firefoxOptions"]["prefs"],
            json!({
                "ui.prefersReducedMotion": 1,
                "layout.css.prefers-color-scheme.content-override": 0,
            })
        );
        assert_eq!(caps["moz:firefoxOptions"]["args"], json!(["-headless"]));
    }

    #[test]
    fn other_engines_capabilities_are_untouched() {
        let prefs = [pref("prefers-color-scheme", "dark")];
        let before = Engine::Chromium.capabilities(Path::new("/c"), Path::new("/p"));
        let mut caps = before.clone();
        add_to_capabilities(Engine::Chromium, &mut caps, &prefs);
        assert_eq!(caps, before);
    }

    #[test]
    fn webkit_and_unknown_features_are_unsupported_with_a_reason() {
        let dark = [pref("prefers-color-scheme", "dark")];
        assert!(unsupported_reason(Engine::WebKit, &dark).is_some());
        assert!(unsupported_reason(Engine::WebKit, &[]).is_none());
        assert!(unsupported_reason(Engine::Firefox, &dark).is_none());
        assert!(unsupported_reason(Engine::Chromium, &dark).is_none());
        let contrast = [pref("prefers-contrast", "more")];
        assert!(unsupported_reason(Engine::Firefox, &contrast).is_some());
    }
}
