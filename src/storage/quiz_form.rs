//! A run's saved form: `{"mode":"Instant","started":true,"feedback":false,"slots":[{"question":
//! "q01","options":["a","b"],"answer":"a"}],"selected":null}`, ids only, never the bank. The shape
//! is the one earlier releases wrote, so their saves still load.

use crate::quiz::{FeedbackMode, Quiz, Slot};

use super::json::Json;

pub(crate) fn quiz_to_json(quiz: &Quiz) -> Json {
    let slots = quiz
        .slots
        .iter()
        .map(|slot| {
            Json::object([
                ("question", Json::String(slot.question.clone())),
                (
                    "options",
                    Json::Array(slot.options.iter().cloned().map(Json::String).collect()),
                ),
                ("answer", Json::opt_string(slot.answer.as_deref())),
            ])
        })
        .collect();
    Json::object([
        ("mode", Json::String(mode_name(quiz.mode).to_owned())),
        ("started", Json::Bool(quiz.started)),
        ("feedback", Json::Bool(quiz.feedback)),
        ("slots", Json::Array(slots)),
        ("selected", Json::opt_string(quiz.selected.as_deref())),
    ])
}

/// The run `value` describes, detached from any bank (pass it through `Quiz::restore`); `None`
/// when a field is missing or has the wrong type. Unknown fields are ignored; an absent optional
/// field (`selected`, a slot's `answer`) means none.
pub(crate) fn quiz_from_json(value: &Json) -> Option<Quiz> {
    let mode = match value.get("mode")?.as_str()? {
        "Instant" => FeedbackMode::Instant,
        "AtEnd" => FeedbackMode::AtEnd,
        _ => return None,
    };
    let slots = value
        .get("slots")?
        .as_array()?
        .iter()
        .map(slot_from_json)
        .collect::<Option<Vec<Slot>>>()?;
    Some(Quiz {
        bank: Default::default(),
        mode,
        started: value.get("started")?.as_bool()?,
        feedback: value.get("feedback")?.as_bool()?,
        slots,
        selected: optional_string(value.get("selected"))?,
    })
}

fn slot_from_json(value: &Json) -> Option<Slot> {
    Some(Slot {
        question: value.get("question")?.as_str()?.to_owned(),
        options: value
            .get("options")?
            .as_array()?
            .iter()
            .map(|id| id.as_str().map(str::to_owned))
            .collect::<Option<Vec<String>>>()?,
        answer: optional_string(value.get("answer"))?,
    })
}

/// A field that may be absent or `null` (`Some(None)`), or a string; anything else is damage.
fn optional_string(value: Option<&Json>) -> Option<Option<String>> {
    match value {
        None | Some(Json::Null) => Some(None),
        Some(Json::String(s)) => Some(Some(s.clone())),
        Some(_) => None,
    }
}

fn mode_name(mode: FeedbackMode) -> &'static str {
    match mode {
        FeedbackMode::Instant => "Instant",
        FeedbackMode::AtEnd => "AtEnd",
    }
}
