//! The saved run: `{"v":1,"quiz":{...}}`, where the quiz is the engine's own serde form (ids
//! only). Decoding re-attaches it to the bank through `Quiz::restore`.

use serde::{Deserialize, Serialize};

use crate::content::Question;
use crate::quiz::{Quiz, Restored};

use super::file::{discarded, Opened};
use super::SCHEMA_VERSION;

pub(crate) const WHAT: &str = "Saved progress";

/// The stored shape of a run.
#[derive(Serialize, Deserialize)]
pub struct ProgressFile<Q> {
    v: u32,
    #[serde(
        deserialize_with = "crate::objects_only::read",
        bound(deserialize = "Q: Deserialize<'de>")
    )]
    quiz: Q,
}

/// What the progress key is written as.
pub fn progress_file(quiz: &Quiz) -> ProgressFile<&Quiz> {
    ProgressFile {
        v: SCHEMA_VERSION,
        quiz,
    }
}

/// The saved run, restored against `bank`, and the warning if it was dropped in whole or in part.
/// `None` means start fresh.
pub(crate) fn decode_progress(
    opened: Opened<ProgressFile<Quiz>>,
    bank: &'static [Question],
) -> (Option<Quiz>, Option<String>) {
    let saved = match opened {
        Opened::Current(file) => file.quiz,
        Opened::Discarded(warning) => return (None, Some(warning)),
        Opened::Missing | Opened::Newer => return (None, None),
    };
    match Quiz::restore(saved, bank) {
        Err(_) => (
            None,
            Some(discarded(
                WHAT,
                "none of its questions are in the quiz any more",
            )),
        ),
        Ok(Restored {
            quiz,
            dropped_questions: 0,
            dropped_answers: 0,
        }) => (Some(quiz), None),
        Ok(Restored {
            quiz,
            dropped_questions,
            dropped_answers,
        }) => (
            Some(quiz),
            Some(
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
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::testing::{finish, fresh, played, BANK, EDITED_BANK};
    use crate::quiz::{FeedbackMode, Phase};
    use crate::storage::file::open;

    fn encode(quiz: &Quiz) -> String {
        serde_json::to_string(&progress_file(quiz)).unwrap()
    }

    fn decode_in(raw: &str, bank: &'static [Question]) -> (Option<Quiz>, Option<String>) {
        let source = |_: &str| Some(raw.to_owned());
        decode_progress(open(&source, "k", WHAT), bank)
    }

    fn decode(raw: &str) -> (Option<Quiz>, Option<String>) {
        decode_in(raw, &BANK)
    }

    fn fresh_with_warning(raw: &str) -> String {
        let (quiz, warning) = decode(raw);
        assert!(quiz.is_none(), "{raw}");
        warning.unwrap()
    }

    #[test]
    fn file_shape() {
        let raw = encode(&fresh(1, FeedbackMode::Instant));
        assert!(raw.starts_with(r#"{"v":1,"quiz":{"mode":"Instant","started":false,"#));
        let json: serde_json::Value = serde_json::from_str(&raw).unwrap();
        assert_eq!(json["quiz"]["slots"].as_array().unwrap().len(), 12);
        assert_eq!(json["quiz"]["selected"], serde_json::Value::Null);
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
            assert_eq!(decode(&encode(&quiz)), (Some(quiz), None));
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
        let raw = encode(&played(2, FeedbackMode::Instant, 3, 7));
        for cut in [0, 1, raw.len() / 2, raw.len() - 1] {
            assert!(fresh_with_warning(&raw[..cut]).contains("not valid JSON"));
        }
    }

    #[test]
    fn older_versions_start_fresh_and_newer_ones_are_not_decoded() {
        let raw = encode(&fresh(1, FeedbackMode::Instant));
        assert!(fresh_with_warning(&raw.replacen("\"v\":1", "\"v\":0", 1)).contains("older"));
        assert_eq!(decode(&raw.replacen("\"v\":1", "\"v\":2", 1)), (None, None));
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
            r#"{"mode":"Instant","started":true,"feedback":false,"slots":[],"selected":7}"#,
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
        let (restored, warning) = decode_in(&encode(&quiz), &EDITED_BANK);
        let restored = restored.unwrap();
        // q03 and q10 are gone; q05's right answer "b" no longer exists, so it is asked again.
        assert_eq!(restored.total(), 10);
        assert_eq!(restored.phase(), Phase::Asking { index: 9 });
        assert_eq!(
            warning.as_deref(),
            Some("Saved progress: dropped 2 question(s) and 1 answer(s) that no longer match the quiz.")
        );
    }

    #[test]
    fn the_real_bank_round_trips() {
        let bank = crate::content::QUESTIONS;
        let mut quiz = Quiz::new(bank, 5, FeedbackMode::Instant);
        finish(&mut quiz, |id| id.len() % 2 == 0);
        assert_eq!(decode_in(&encode(&quiz), bank), (Some(quiz), None));
    }

    #[test]
    fn saves_from_earlier_releases_load_unchanged() {
        // Written by release 1 (serde_json), members in another order, `answer` left out once.
        let raw = r#"{"quiz":{"selected":"b","slots":[
            {"question":"q01","options":["cto","cio","both"],"answer":"cto"},
            {"options":["b","a","d","c"],"question":"q05"}],
            "feedback":false,"started":true,"mode":"AtEnd"},"v":1}"#;
        let (quiz, warning) = decode(raw);
        assert_eq!(warning, None);
        let quiz = quiz.unwrap();
        assert_eq!(
            (quiz.mode(), quiz.answered(), quiz.score()),
            (FeedbackMode::AtEnd, 1, 1)
        );
        let current = quiz.current().unwrap();
        assert_eq!((current.question.id, current.selected), ("q05", Some("b")));
        // Written by release 2 (the hand-written codec): this release writes the same bytes.
        let release_2 = r#"{"v":1,"quiz":{"mode":"AtEnd","started":true,"feedback":false,"slots":[{"question":"q01","options":["cto","cio","both"],"answer":"cto"},{"question":"q05","options":["b","a","d","c"],"answer":null}],"selected":"b"}}"#;
        assert_eq!(encode(&quiz), release_2);
        assert_eq!(decode(release_2), (Some(quiz), None));
    }

    #[test]
    fn extra_fields_are_ignored() {
        let raw = encode(&fresh(1, FeedbackMode::Instant)).replacen(
            "{\"v\":1,",
            "{\"v\":1,\"later\":[1,2],",
            1,
        );
        assert_eq!(decode(&raw).1, None);
    }
}
