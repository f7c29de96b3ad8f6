//! CustomEvents to the host page, so a blog owner can wire their own analytics; the widget itself
//! tracks no one. Every event bubbles and is composed, so it crosses the shadow boundary.

use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement};

/// What the widget tells the page, with the event's detail.
pub enum HostEvent<'a> {
    /// The reader started (or retook) the quiz.
    Start,
    /// The reader checked an answer.
    Answer { question_id: &'a str, correct: bool },
    /// The reader finished the quiz.
    Complete {
        score: usize,
        total: usize,
        tier: &'a str,
    },
    /// The reader shared their result (`method`: `share`, `clipboard` or `manual`).
    Share {
        method: &'a str,
        score: usize,
        total: usize,
        tier: &'a str,
    },
}

impl HostEvent<'_> {
    fn name(&self) -> &'static str {
        match self {
            HostEvent::Start => "cto-cio-quiz:start",
            HostEvent::Answer { .. } => "cto-cio-quiz:answer",
            HostEvent::Complete { .. } => "cto-cio-quiz:complete",
            HostEvent::Share { .. } => "cto-cio-quiz:share",
        }
    }

    fn detail(&self) -> JsValue {
        let detail = js_sys::Object::new();
        let set = |key: &str, value: JsValue| {
            // Reflect.set only fails on frozen objects; this one is fresh.
            let _ = js_sys::Reflect::set(&detail, &JsValue::from_str(key), &value);
        };
        match self {
            HostEvent::Start => {}
            HostEvent::Answer {
                question_id,
                correct,
            } => {
                set("questionId", JsValue::from_str(question_id));
                set("correct", JsValue::from_bool(*correct));
            }
            HostEvent::Complete { score, total, tier } => {
                set("score", JsValue::from_f64(*score as f64));
                set("total", JsValue::from_f64(*total as f64));
                set("tier", JsValue::from_str(tier));
            }
            HostEvent::Share {
                method,
                score,
                total,
                tier,
            } => {
                set("method", JsValue::from_str(method));
                set("score", JsValue::from_f64(*score as f64));
                set("total", JsValue::from_f64(*total as f64));
                set("tier", JsValue::from_str(tier));
            }
        }
        detail.into()
    }
}

/// Dispatches `event` on the host element. A page listener that throws cannot break the widget.
pub fn emit(host: &HtmlElement, event: HostEvent) {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&event.detail());
    if let Ok(custom) = CustomEvent::new_with_event_init_dict(event.name(), &init) {
        let _ = host.dispatch_event(&custom);
    }
}
