//! Time and randomness from the browser: when an attempt finished, the reader's calendar date of a
//! moment, and the seed of a shuffle.

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

/// The day `ms` (since the epoch) falls on in the reader's time zone: (year, month 1-12, day).
pub fn local_date(ms: u64) -> (u32, u32, u32) {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    (date.get_full_year(), date.get_month() + 1, date.get_date())
}
