//! Time and randomness from the browser: the date of a finished attempt and the seed of a shuffle.

/// Milliseconds since the Unix epoch, as JavaScript's `Date.now()`.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// A fresh seed for the quiz's shuffle.
pub fn fresh_seed() -> u64 {
    // Math.random() has 52 bits of entropy at most; two draws fill the 64 bits.
    let high = (js_sys::Math::random() * 4_294_967_296.0) as u64;
    let low = (js_sys::Math::random() * 4_294_967_296.0) as u64;
    (high << 32) | low
}

/// A short local date for the attempt history, e.g. "28 Nov 2026", in the reader's locale.
pub fn local_date(ms: f64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms));
    String::from(date.to_locale_date_string("default", &wasm_bindgen::JsValue::UNDEFINED))
}
