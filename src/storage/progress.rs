//! The saved run: `{"v":1,"quiz":{...}}`, where the quiz is the engine's own serialized form
//! (ids only). Decoding re-attaches it to the bank through `Quiz::restore`.

use crate::content::Question;
use crate::quiz::{Quiz, Restored};

use super::envelope::{discarded, open};
use super::json::{self, Json};
use super::quiz_form::{quiz_from_json, quiz_to_json};
use super::{Loaded, SCHEMA_VERSION};

const WHAT: &str = "Saved progress";

pub fn encode_progress(quiz: &Quiz) -> String {
    json::write(&Json::object([
        ("v", Json::Int(SCHEMA_VERSION.into())),
        ("quiz", quiz_to_json(quiz)),
    ]))
}

/// The saved run, restored against `bank`. `None` means start fresh; the warning says why, or
/// what was dropped when the run survived in part.
pub fn decode_progress(raw: &str, bank: &'static [Question]) -> Loaded<Option<Quiz>> {
    let payload = match open(raw, WHAT, "quiz") {
        Ok(payload) => payload,
        Err(warning) => return Loaded::warn(None, warning),
    };
    let Some(saved) = quiz_from_json(&payload) else {
        return Loaded::warn(None, discarded(WHAT, "it is damaged"));
    };
    match Quiz::restore(saved, bank) {
        Err(_) => Loaded::warn(
            None,
            discarded(WHAT, "none of its questions are in the quiz any more"),
        ),
        Ok(Restored {
            quiz,
            dropped_questions: 0,
            dropped_answers: 0,
        }) => Loaded::clean(Some(quiz)),
        Ok(Restored {
            quiz,
            dropped_questions,
            dropped_answers,
        }) => Loaded::warn(
            Some(quiz),
            [
                WHAT,
                ": dropped ",
                &dropped_questions.to_string(),
                " question(s) and ",
                &dropped_answers.to_string(),
                " answer(s) that no longer match the quiz.",
            ]
            .concat(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::testing::{finish, fresh, played, BANK, EDITED_BANK};
    use crate::quiz::{FeedbackMode, Phase};

    fn decode(raw: &str) -> Loaded<Option<Quiz>> {
        decode_progress(raw, &BANK)
    }

    fn fresh_with_warning(raw: &str) -> String {
        let loaded = decode(raw);
        assert!(loaded.value.is_none(), "{raw}");
        loaded.warning.unwrap()
    }

    #[test]
    fn envelope_shape() {
        let raw = encode_progress(&fresh(1, FeedbackMode::Instant));
        assert!(raw.starts_with(r#"{"v":1,"quiz":{"mode":"Instant","started":false,"#));
        let json = json::parse(&raw).unwrap();
        let quiz = json.get("quiz").unwrap();
        assert_eq!(quiz.get("slots").unwrap().as_array().unwrap().len(), 12);
        assert_eq!(quiz.get("selected"), Some(&Json::Null));
    }

    #[test]
    fn round_trips_every_phase() {
        let mut finished = fresh(3, FeedbackMode::AtEnd);
        finish(&mut finished, |id| id < "q07");
        for quiz in [
            fresh(1, FeedbackMode::Instant),
            played(2, FeedbackMode::Instant, 3, 0b1011),
            played(2, FeedbackMode::AtEnd, 5, 0b0110),
            finished,
        ] {
            let loaded = decode(&encode_progress(&quiz));
            assert_eq!(loaded.warning, None);
            assert_eq!(loaded.value, Some(quiz));
        }
    }

    #[test]
    fn foreign_values_start_fresh() {
        for raw in ["\"hello\"", "42", "null", "[]", "{}", "true"] {
            assert!(fresh_with_warning(raw).starts_with("Saved progress was discarded"));
        }
    }

    #[test]
    fn truncated_json_starts_fresh() {
        let raw = encode_progress(&played(2, FeedbackMode::Instant, 3, 7));
        for cut in [0, 1, raw.len() / 2, raw.len() - 1] {
            assert!(fresh_with_warning(&raw[..cut]).contains("not valid JSON"));
        }
    }

    #[test]
    fn other_versions_start_fresh() {
        let raw = encode_progress(&fresh(1, FeedbackMode::Instant));
        assert!(fresh_with_warning(&raw.replacen("\"v\":1", "\"v\":2", 1)).contains("newer"));
        assert!(fresh_with_warning(&raw.replacen("\"v\":1", "\"v\":0", 1)).contains("older"));
    }

    #[test]
    fn wrong_types_start_fresh() {
        for quiz in [
            r#""quiz""#,
            "[]",
            "null",
            r#"{"mode":"Instant","started":true,"feedback":false,"slots":{}}"#,
            r#"{"mode":"Sometimes","started":true,"feedback":false,"slots":[]}"#,
            r#"{"mode":"In\nstant","started":true,"feedback":false,"slots":[]}"#,
            r#"{"mode":"Instant","started":1,"feedback":false,"slots":[]}"#,
            r#"{"mode":"Instant","started":true,"feedback":false,"slots":[{"question":7,"options":[]}]}"#,
            r#"{"mode":"Instant","started":true,"feedback":false}"#,
        ] {
            let warning = fresh_with_warning(&[r#"{"v":1,"quiz":"#, quiz, "}"].concat());
            assert_eq!(warning, "Saved progress was discarded: it is damaged.");
        }
    }

    #[test]
    fn unknown_questions_only_start_fresh() {
        let raw = r#"{"v":1,"quiz":{"mode":"Instant","started":true,"feedback":false,
            "slots":[{"question":"nope","options":["a"],"answer":"a"}],"selected":null}}"#;
        assert!(fresh_with_warning(raw).contains("none of its questions"));
        let raw =
            r#"{"v":1,"quiz":{"mode":"Instant","started":false,"feedback":false,"slots":[]}}"#;
        assert!(fresh_with_warning(raw).contains("none of its questions"));
    }

    #[test]
    fn edited_bank_keeps_what_still_matches() {
        let mut quiz = fresh(8, FeedbackMode::AtEnd);
        finish(&mut quiz, |_| true);
        let loaded = decode_progress(&encode_progress(&quiz), &EDITED_BANK);
        let restored = loaded.value.unwrap();
        // q03 and q10 are gone; q05's right answer "b" no longer exists, so it is asked again.
        assert_eq!(restored.total(), 10);
        assert_eq!(restored.phase(), Phase::Asking { index: 9 });
        assert_eq!(
            loaded.warning.as_deref(),
            Some("Saved progress: dropped 2 question(s) and 1 answer(s) that no longer match the quiz.")
        );
    }

    #[test]
    fn the_real_bank_round_trips() {
        let bank = crate::content::QUESTIONS;
        let mut quiz = Quiz::new(bank, 5, FeedbackMode::Instant);
        finish(&mut quiz, |id| id.len() % 2 == 0);
        let loaded = decode_progress(&encode_progress(&quiz), bank);
        assert_eq!(loaded, Loaded::clean(Some(quiz)));
    }

    #[test]
    fn a_save_from_the_first_release_loads() {
        // Written by release 1 (serde_json), members in another order, `answer` left out once.
        let raw = r#"{"quiz":{"selected":"b","slots":[
            {"question":"q01","options":["cto","cio","both"],"answer":"cto"},
            {"options":["b","a","d","c"],"question":"q05"}],
            "feedback":false,"started":true,"mode":"AtEnd"},"v":1}"#;
        let loaded = decode(raw);
        assert_eq!(loaded.warning, None);
        let quiz = loaded.value.unwrap();
        assert_eq!(
            (quiz.mode(), quiz.answered(), quiz.score()),
            (FeedbackMode::AtEnd, 1, 1)
        );
        let current = quiz.current().unwrap();
        assert_eq!((current.question.id, current.selected), ("q05", Some("b")));
        assert_eq!(
            encode_progress(&quiz),
            r#"{"v":1,"quiz":{"mode":"AtEnd","started":true,"feedback":false,"slots":[{"question":"q01","options":["cto","cio","both"],"answer":"cto"},{"question":"q05","options":["b","a","d","c"],"answer":null}],"selected":"b"}}"#
        );
    }

    #[test]
    fn extra_fields_are_ignored() {
        let raw = encode_progress(&fresh(1, FeedbackMode::Instant)).replacen(
            "{\"v\":1,",
            "{\"v\":1,\"later\":[1,2],",
            1,
        );
        assert_eq!(decode(&raw).warning, None);
    }
}
