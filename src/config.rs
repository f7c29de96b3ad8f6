//! The `<cto-cio-quiz>` element's attributes turned into a [`Config`] (pure: no DOM here).
//!
//! An absent attribute silently takes its default. A present attribute that is empty or invalid takes
//! its default too, and yields one [`ConfigError`] whose `Display` is a single console line naming the
//! attribute, the bad value and what is used instead. A bad `newsletter-action` also switches the
//! sign-up form off ([`NewsletterSetup::Misconfigured`]) rather than posting addresses somewhere wrong.

use std::borrow::Cow;
use std::fmt;

use crate::content::QUESTIONS;
use crate::newsletter::{
    has_bad_character, parse_action_url, split_web_url, write_quoted, Endpoint, Provider,
};
use crate::quiz::draw::MIN_QUESTIONS;
use crate::quiz::{FeedbackMode, QuestionCount};

/// The `storage-key` used when the attribute is absent or invalid.
pub const DEFAULT_STORAGE_KEY: &str = "cto-cio-quiz";

/// How every console message of the widget and of `embed.js` starts: the element's name, so a
/// blog owner's console, shared with the blog's other scripts, says who is speaking. A test holds
/// `embed.js` to the same words.
pub const CONSOLE_PREFIX: &str = "<cto-cio-quiz>: ";

/// Every attribute the element reads, in the order their errors are reported.
pub const ATTRIBUTES: &[&str] = &[
    "storage-key",
    "parts",
    "questions",
    "feedback",
    "newsletter-action",
    "newsletter-provider",
    "newsletter-tag",
    "privacy-url",
    "share-url",
];

/// The attributes that only change how the widget looks and behaves for the reader. The frame
/// page takes these, and only these, from its query string: where sign-ups go, the privacy link
/// and the shared address are the blog owner's to set on the element, never a link's.
pub const PRESENTATION_ATTRIBUTES: &[&str] = &["storage-key", "parts", "questions", "feedback"];

/// The widget's configuration, complete: every field has a usable value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// The localStorage key for saved progress: 1-64 of `A-Z a-z 0-9 . _ -`.
    pub storage_key: String,
    /// Which parts the widget shows (always in the article's order).
    pub parts: Parts,
    /// How many questions an attempt draws.
    pub questions: QuestionCount,
    pub feedback: FeedbackMode,
    pub newsletter: NewsletterSetup,
    /// Trimmed, 1-100 characters, no control characters. Sent only to providers that take a tag.
    pub newsletter_tag: Option<String>,
    /// An `https://` or `http://` URL, or a path starting with `/` (relative to the host page).
    pub privacy_url: Option<String>,
    /// The address Share uses instead of the page's: an absolute `https://` or `http://` URL.
    pub share_url: Option<String>,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            storage_key: DEFAULT_STORAGE_KEY.to_owned(),
            parts: Parts::default(),
            questions: QuestionCount::default(),
            feedback: FeedbackMode::default(),
            newsletter: NewsletterSetup::NotConnected,
            newsletter_tag: None,
            privacy_url: None,
            share_url: None,
        }
    }
}

/// The parts a post shows: the `parts` attribute, a space-separated subset of `explainer`, `quiz`
/// and `newsletter` (all three by default).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Parts {
    pub explainer: bool,
    pub quiz: bool,
    pub newsletter: bool,
}

impl Default for Parts {
    fn default() -> Self {
        Parts {
            explainer: true,
            quiz: true,
            newsletter: true,
        }
    }
}

/// Whether and where sign-ups are sent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NewsletterSetup {
    /// No `newsletter-action`: the call to action renders and says sign-up is not connected yet; it
    /// never pretends to subscribe anyone.
    NotConnected,
    Connected(Endpoint),
    /// `newsletter-action` is present but unusable: show this message in place of the form, so the
    /// owner sees why (it is also logged as a [`ConfigError`]).
    Misconfigured(String),
}

/// One refused attribute value. `Display`, e.g.:
/// `<cto-cio-quiz>: invalid storage-key="my key!" (use 1-64 letters, digits, '-', '_' or '.'); using "cto-cio-quiz".`
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    /// The attribute's name, one of [`ATTRIBUTES`].
    pub attribute: &'static str,
    /// The value as given (untrimmed).
    pub value: String,
    /// What a valid value looks like.
    rule: Cow<'static, str>,
    /// What is used instead, e.g. `using "instant"`.
    fallback: &'static str,
}

impl ConfigError {
    fn new(
        attribute: &'static str,
        value: String,
        rule: impl Into<Cow<'static, str>>,
        fallback: &'static str,
    ) -> Self {
        Self {
            attribute,
            value,
            rule: rule.into(),
            fallback,
        }
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{CONSOLE_PREFIX}invalid {}=", self.attribute)?;
        write_quoted(f, &self.value)?;
        write!(f, " ({}); {}.", self.rule, self.fallback)
    }
}

impl std::error::Error for ConfigError {}

const STORAGE_KEY_RULE: &str = "use 1-64 letters, digits, '-', '_' or '.'";
// Spelled out because `concat!` cannot take a const; a test checks it matches DEFAULT_STORAGE_KEY.
const STORAGE_KEY_FALLBACK: &str = "using \"cto-cio-quiz\"";
const PARTS_RULE: &str = "use one or more of explainer, quiz and newsletter, separated by spaces";
const PARTS_FALLBACK: &str = "showing all three";
const QUESTIONS_FALLBACK: &str = "using 10";
const FEEDBACK_RULE: &str = "use \"instant\" or \"end\"";
const FEEDBACK_FALLBACK: &str = "using \"instant\"";
const PROVIDER_RULE: &str = "use buttondown, mailchimp, kit or generic";
const PROVIDER_FALLBACK: &str = "using \"generic\"";
const ACTION_FALLBACK: &str = "the sign-up form is disabled";
const TAG_RULE: &str = "use 1-100 characters, without line breaks or other control characters";
const TAG_FALLBACK: &str = "sending no tag";
const PRIVACY_RULE: &str = "use an https:// or http:// URL, or a path starting with /";
const PRIVACY_FALLBACK: &str = "showing no privacy link";
const SHARE_URL_RULE: &str = "use an absolute https:// or http:// URL";
const SHARE_URL_FALLBACK: &str = "sharing the page’s own address";

impl Config {
    /// Reads every attribute through `get` (`None` = absent) and returns the configuration with the
    /// errors to log, in [`ATTRIBUTES`] order.
    pub fn from_attributes(get: impl Fn(&str) -> Option<String>) -> (Config, Vec<ConfigError>) {
        let mut config = Config::default();
        let mut errors = Vec::new();

        if let Some(value) = get("storage-key") {
            if is_valid_storage_key(&value) {
                config.storage_key = value;
            } else {
                errors.push(ConfigError::new(
                    "storage-key",
                    value,
                    STORAGE_KEY_RULE,
                    STORAGE_KEY_FALLBACK,
                ));
            }
        }

        if let Some(value) = get("parts") {
            match parse_parts(&value) {
                Some(parts) => config.parts = parts,
                None => errors.push(ConfigError::new("parts", value, PARTS_RULE, PARTS_FALLBACK)),
            }
        }

        if let Some(value) = get("questions") {
            match parse_questions(&value, QUESTIONS.len()) {
                Some(count) => config.questions = count,
                None => errors.push(ConfigError::new(
                    "questions",
                    value,
                    questions_rule(QUESTIONS.len()),
                    QUESTIONS_FALLBACK,
                )),
            }
        }

        if let Some(value) = get("feedback") {
            match parse_feedback(&value) {
                Some(mode) => config.feedback = mode,
                None => errors.push(ConfigError::new(
                    "feedback",
                    value,
                    FEEDBACK_RULE,
                    FEEDBACK_FALLBACK,
                )),
            }
        }

        // The provider is read before the action (though listed after it) because the action's check
        // depends on it; its error is pushed after the action's to keep ATTRIBUTES order.
        let mut provider_error = None;
        let provider = match get("newsletter-provider") {
            None => Provider::Generic,
            Some(value) => Provider::parse(&value).unwrap_or_else(|| {
                provider_error = Some(ConfigError::new(
                    "newsletter-provider",
                    value,
                    PROVIDER_RULE,
                    PROVIDER_FALLBACK,
                ));
                Provider::Generic
            }),
        };
        if let Some(value) = get("newsletter-action") {
            match parse_action_url(&value).and_then(|action| Endpoint::new(provider, action)) {
                Ok(endpoint) => config.newsletter = NewsletterSetup::Connected(endpoint),
                Err(err) => {
                    config.newsletter = NewsletterSetup::Misconfigured(format!(
                        "The newsletter sign-up is not set up correctly: {err}."
                    ));
                    errors.push(ConfigError::new(
                        "newsletter-action",
                        value,
                        err.problem().reason(),
                        ACTION_FALLBACK,
                    ));
                }
            }
        }
        errors.extend(provider_error);

        if let Some(value) = get("newsletter-tag") {
            match parse_tag(&value) {
                Some(tag) => config.newsletter_tag = Some(tag.to_owned()),
                None => errors.push(ConfigError::new(
                    "newsletter-tag",
                    value,
                    TAG_RULE,
                    TAG_FALLBACK,
                )),
            }
        }

        if let Some(value) = get("privacy-url") {
            match parse_privacy_url(&value) {
                Some(url) => config.privacy_url = Some(url.to_owned()),
                None => errors.push(ConfigError::new(
                    "privacy-url",
                    value,
                    PRIVACY_RULE,
                    PRIVACY_FALLBACK,
                )),
            }
        }

        if let Some(value) = get("share-url") {
            let url = value.trim_ascii();
            if split_web_url(url).is_ok() {
                config.share_url = Some(url.to_owned());
            } else {
                errors.push(ConfigError::new(
                    "share-url",
                    value,
                    SHARE_URL_RULE,
                    SHARE_URL_FALLBACK,
                ));
            }
        }

        (config, errors)
    }
}

/// 1-64 of `A-Z a-z 0-9 . _ -`, as given (not trimmed: a key is an identifier, and a stray space is
/// better reported than silently changed).
fn is_valid_storage_key(s: &str) -> bool {
    (1..=64).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
}

/// A space-separated subset of `explainer`, `quiz` and `newsletter`, case-insensitive, each at
/// most once, at least one. Order does not matter: the parts always show in the article's order.
fn parse_parts(s: &str) -> Option<Parts> {
    let mut parts = Parts {
        explainer: false,
        quiz: false,
        newsletter: false,
    };
    for word in s.split_ascii_whitespace() {
        let flag = if word.eq_ignore_ascii_case("explainer") {
            &mut parts.explainer
        } else if word.eq_ignore_ascii_case("quiz") {
            &mut parts.quiz
        } else if word.eq_ignore_ascii_case("newsletter") {
            &mut parts.newsletter
        } else {
            return None;
        };
        if *flag {
            return None;
        }
        *flag = true;
    }
    (parts.explainer || parts.quiz || parts.newsletter).then_some(parts)
}

/// `all`, or a whole number from [`MIN_QUESTIONS`] to `bank_size` in plain digits; surrounding
/// whitespace ignored.
fn parse_questions(s: &str, bank_size: usize) -> Option<QuestionCount> {
    let s = s.trim_ascii();
    if s.eq_ignore_ascii_case("all") {
        return Some(QuestionCount::All);
    }
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: usize = s.parse().ok()?;
    (MIN_QUESTIONS..=bank_size)
        .contains(&n)
        .then_some(QuestionCount::Exactly(n))
}

fn questions_rule(bank_size: usize) -> String {
    [
        "use a whole number from ",
        &MIN_QUESTIONS.to_string(),
        " to ",
        &bank_size.to_string(),
        ", or all",
    ]
    .concat()
}

/// `instant` or `end`, case-insensitive, surrounding whitespace ignored.
fn parse_feedback(s: &str) -> Option<FeedbackMode> {
    let s = s.trim_ascii();
    if s.eq_ignore_ascii_case("instant") {
        Some(FeedbackMode::Instant)
    } else if s.eq_ignore_ascii_case("end") {
        Some(FeedbackMode::AtEnd)
    } else {
        None
    }
}

/// Trimmed (any Unicode whitespace: it is free text), then 1-100 characters, none of them control
/// characters.
fn parse_tag(s: &str) -> Option<&str> {
    let tag = s.trim();
    let chars = tag.chars().count();
    ((1..=100).contains(&chars) && !tag.chars().any(char::is_control)).then_some(tag)
}

/// A link target that cannot run script or leave the web: an `http(s)://` URL with a host and no
/// credentials, or a path starting with a single `/` (`//host` would be another site). Surrounding
/// ASCII whitespace is trimmed; whitespace, control characters and backslashes inside are refused.
fn parse_privacy_url(s: &str) -> Option<&str> {
    let url = s.trim_ascii();
    let ok = if url.starts_with('/') {
        !url.starts_with("//") && !has_bad_character(url)
    } else {
        split_web_url(url).is_ok()
    };
    ok.then_some(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::newsletter::ActionUrlProblem;

    #[test]
    fn embed_js_speaks_with_the_same_prefix() {
        // Spelled out in embed.js: a literal costs fewer brotli bytes there than a constant.
        let loader = include_str!("embed.js");
        let calls = loader.matches("console.").count();
        let prefixed = loader
            .matches(&["console.error(`", CONSOLE_PREFIX].concat())
            .count();
        assert!(calls >= 3, "embed.js logs its three failures");
        assert_eq!(
            prefixed, calls,
            "every console message of embed.js starts with {CONSOLE_PREFIX:?}"
        );
    }

    /// Builds the config from `(name, value)` pairs; any other attribute is absent.
    fn config(attrs: &[(&str, &str)]) -> (Config, Vec<ConfigError>) {
        Config::from_attributes(|name| {
            attrs
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v).to_owned())
        })
    }

    fn only_error_names(errors: &[ConfigError], attribute: &str) {
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors.iter().all(|e| e.attribute == attribute),
            "{errors:?}"
        );
        let line = errors.iter().map(|e| e.to_string()).collect::<String>();
        assert!(
            line.starts_with(&format!("<cto-cio-quiz>: invalid {attribute}=")),
            "{line}"
        );
        assert!(!line.contains('\n'), "one console line: {line}");
    }

    #[test]
    fn no_attributes_give_defaults_silently() {
        let (c, errors) = config(&[]);
        assert!(errors.is_empty());
        assert_eq!(c, Config::default());
        assert_eq!(c.storage_key, DEFAULT_STORAGE_KEY);
        assert_eq!(c.feedback, FeedbackMode::Instant);
        assert_eq!(c.newsletter, NewsletterSetup::NotConnected);
        assert_eq!(c.newsletter_tag, None);
        assert_eq!(c.privacy_url, None);
    }

    #[test]
    fn each_attribute_absent_takes_its_default_silently() {
        let all = [
            ("storage-key", "k"),
            ("parts", "quiz"),
            ("questions", "all"),
            ("feedback", "end"),
            ("newsletter-action", "https://blog.example/sub"),
            ("newsletter-provider", "buttondown"),
            ("newsletter-tag", "t"),
            ("privacy-url", "/privacy"),
            ("share-url", "https://blog.example/post"),
        ];
        for absent in ATTRIBUTES {
            let present: Vec<(&str, &str)> =
                all.iter().copied().filter(|(n, _)| n != absent).collect();
            let (c, errors) = config(&present);
            assert!(errors.is_empty(), "{absent}: {errors:?}");
            let d = Config::default();
            match *absent {
                "storage-key" => assert_eq!(c.storage_key, d.storage_key),
                "parts" => assert_eq!(c.parts, d.parts),
                "questions" => assert_eq!(c.questions, d.questions),
                "feedback" => assert_eq!(c.feedback, d.feedback),
                "newsletter-action" => assert_eq!(c.newsletter, d.newsletter),
                "newsletter-provider" => assert!(
                    matches!(&c.newsletter, NewsletterSetup::Connected(e) if e.provider() == Provider::Generic)
                ),
                "newsletter-tag" => assert_eq!(c.newsletter_tag, d.newsletter_tag),
                "privacy-url" => assert_eq!(c.privacy_url, d.privacy_url),
                "share-url" => assert_eq!(c.share_url, d.share_url),
                other => panic!("untested attribute {other}"),
            }
        }
    }

    #[test]
    fn attributes_list_is_what_is_read() {
        let seen = std::cell::RefCell::new(Vec::new());
        let _ = Config::from_attributes(|name| {
            seen.borrow_mut().push(name.to_owned());
            None
        });
        let mut seen = seen.into_inner();
        seen.sort();
        let mut listed: Vec<String> = ATTRIBUTES.iter().map(|s| (*s).to_owned()).collect();
        listed.sort();
        assert_eq!(seen, listed);
    }

    // storage-key

    #[test]
    fn storage_key_valid() {
        for key in ["my-blog.quiz_2", "a", &"k".repeat(64)] {
            let (c, errors) = config(&[("storage-key", key)]);
            assert!(errors.is_empty(), "{key}");
            assert_eq!(c.storage_key, key);
        }
    }

    #[test]
    fn storage_key_empty_or_invalid() {
        let long = "k".repeat(65);
        for key in ["", "my key!", " key", "clé", "a/b", long.as_str()] {
            let (c, errors) = config(&[("storage-key", key)]);
            only_error_names(&errors, "storage-key");
            assert_eq!(c.storage_key, DEFAULT_STORAGE_KEY);
        }
        let (_, errors) = config(&[("storage-key", "my key!")]);
        assert_eq!(
            errors.first().map(|e| e.to_string()).as_deref(),
            Some("<cto-cio-quiz>: invalid storage-key=\"my key!\" (use 1-64 letters, digits, '-', '_' or '.'); using \"cto-cio-quiz\".")
        );
        assert_eq!(
            STORAGE_KEY_FALLBACK,
            format!("using \"{DEFAULT_STORAGE_KEY}\"")
        );
    }

    // feedback

    #[test]
    fn feedback_valid() {
        assert_eq!(
            config(&[("feedback", "instant")]).0.feedback,
            FeedbackMode::Instant
        );
        assert_eq!(
            config(&[("feedback", "end")]).0.feedback,
            FeedbackMode::AtEnd
        );
        let (c, errors) = config(&[("feedback", " END ")]);
        assert!(errors.is_empty());
        assert_eq!(c.feedback, FeedbackMode::AtEnd);
    }

    #[test]
    fn feedback_empty_or_invalid() {
        for value in ["", "at-end", "later", "instantly"] {
            let (c, errors) = config(&[("feedback", value)]);
            only_error_names(&errors, "feedback");
            assert_eq!(c.feedback, FeedbackMode::Instant);
        }
        let (_, errors) = config(&[("feedback", "later")]);
        assert_eq!(
            errors.first().map(|e| e.to_string()).as_deref(),
            Some("<cto-cio-quiz>: invalid feedback=\"later\" (use \"instant\" or \"end\"); using \"instant\".")
        );
    }

    // newsletter-provider

    #[test]
    fn provider_valid_and_absent() {
        let url = "https://buttondown.com/api/emails/embed-subscribe/me";
        let (c, errors) = config(&[
            ("newsletter-action", url),
            ("newsletter-provider", "Buttondown"),
        ]);
        assert!(errors.is_empty());
        let NewsletterSetup::Connected(e) = c.newsletter else {
            panic!("should connect");
        };
        assert_eq!(e.provider(), Provider::Buttondown);
        let (c, _) = config(&[("newsletter-action", url)]);
        let NewsletterSetup::Connected(e) = c.newsletter else {
            panic!("should connect");
        };
        assert_eq!(e.provider(), Provider::Generic, "default is generic");
        // A provider without an action is valid but has nothing to connect.
        let (c, errors) = config(&[("newsletter-provider", "kit")]);
        assert!(errors.is_empty());
        assert_eq!(c.newsletter, NewsletterSetup::NotConnected);
    }

    #[test]
    fn provider_empty_or_invalid_falls_back_to_generic() {
        for value in ["", "substack", "mail chimp"] {
            let (c, errors) = config(&[
                ("newsletter-action", "https://blog.example/subscribe"),
                ("newsletter-provider", value),
            ]);
            only_error_names(&errors, "newsletter-provider");
            let NewsletterSetup::Connected(e) = c.newsletter else {
                panic!("should still connect");
            };
            assert_eq!(e.provider(), Provider::Generic);
        }
        let (_, errors) = config(&[("newsletter-provider", "substack")]);
        assert_eq!(
            errors.first().map(|e| e.to_string()).as_deref(),
            Some("<cto-cio-quiz>: invalid newsletter-provider=\"substack\" (use buttondown, mailchimp, kit or generic); using \"generic\".")
        );
    }

    // newsletter-action

    #[test]
    fn action_valid() {
        let url = "https://x.us1.list-manage.com/subscribe/post?u=ab12&id=cd34";
        let (c, errors) = config(&[
            ("newsletter-action", url),
            ("newsletter-provider", "mailchimp"),
        ]);
        assert!(errors.is_empty());
        let NewsletterSetup::Connected(e) = c.newsletter else {
            panic!("should connect");
        };
        assert_eq!(e.url(), url);
        assert_eq!(e.provider(), Provider::Mailchimp);
        let (c, errors) = config(&[("newsletter-action", "http://localhost:8080/sub")]);
        assert!(errors.is_empty());
        assert!(matches!(c.newsletter, NewsletterSetup::Connected(_)));
    }

    #[test]
    fn action_empty_or_invalid_disables_the_form() {
        for value in [
            "",
            "  ",
            "ftp://x",
            "http://example.com/sub",
            "http://localhost.evil.com",
            "javascript:alert(1)",
            "/subscribe",
            "https://user:pw@x.com",
            "https://x .com",
        ] {
            let (c, errors) = config(&[("newsletter-action", value)]);
            only_error_names(&errors, "newsletter-action");
            assert!(
                matches!(c.newsletter, NewsletterSetup::Misconfigured(_)),
                "{value:?}: {:?}",
                c.newsletter
            );
        }
        let (c, errors) = config(&[("newsletter-action", "ftp://x")]);
        assert_eq!(
            errors.first().map(|e| e.to_string()).as_deref(),
            Some("<cto-cio-quiz>: invalid newsletter-action=\"ftp://x\" (must be an https:// URL, or http:// for localhost only); the sign-up form is disabled.")
        );
        assert_eq!(
            c.newsletter,
            NewsletterSetup::Misconfigured(
                "The newsletter sign-up is not set up correctly: newsletter-action must be an https:// URL, or http:// for localhost only; got \"ftp://x\".".to_owned()
            )
        );
    }

    #[test]
    fn mailchimp_action_without_ids_is_an_action_error() {
        let (c, errors) = config(&[
            (
                "newsletter-action",
                "https://x.us1.list-manage.com/subscribe/post",
            ),
            ("newsletter-provider", "mailchimp"),
        ]);
        only_error_names(&errors, "newsletter-action");
        assert_eq!(
            errors.first().map(|e| e.rule.as_ref()),
            Some(ActionUrlProblem::MailchimpIdsMissing.reason())
        );
        assert!(
            matches!(c.newsletter, NewsletterSetup::Misconfigured(m) if m.contains("u= and id="))
        );
    }

    #[test]
    fn errors_come_in_attribute_order() {
        let (_, errors) = config(&[
            ("privacy-url", "javascript:x"),
            ("newsletter-provider", "nope"),
            ("newsletter-action", "ftp://x"),
            ("storage-key", ""),
            ("questions", "4"),
            ("parts", "sidebar"),
            ("feedback", ""),
            ("newsletter-tag", ""),
            ("share-url", "/p"),
        ]);
        let names: Vec<&str> = errors.iter().map(|e| e.attribute).collect();
        assert_eq!(names, ATTRIBUTES);
    }

    #[test]
    fn the_questions_fallback_names_the_default() {
        assert_eq!(
            QUESTIONS_FALLBACK,
            ["using ", &crate::quiz::draw::DEFAULT_QUESTIONS.to_string()].concat()
        );
    }

    // parts

    #[test]
    fn parts_pick_a_subset_in_any_order() {
        let parts = |explainer, quiz, newsletter| Parts {
            explainer,
            quiz,
            newsletter,
        };
        for (value, expected) in [
            ("explainer quiz newsletter", parts(true, true, true)),
            ("quiz newsletter", parts(false, true, true)),
            ("  newsletter\tQuiz ", parts(false, true, true)),
            ("explainer", parts(true, false, false)),
            ("NEWSLETTER", parts(false, false, true)),
        ] {
            let (c, errors) = config(&[("parts", value)]);
            assert!(errors.is_empty(), "{value:?}: {errors:?}");
            assert_eq!(c.parts, expected, "{value:?}");
        }
    }

    #[test]
    fn parts_empty_or_invalid_show_everything() {
        for value in [
            "",
            "  ",
            "quiz,newsletter",
            "quiz quiz",
            "sidebar",
            "quiz article",
            "quizz",
        ] {
            let (c, errors) = config(&[("parts", value)]);
            only_error_names(&errors, "parts");
            assert_eq!(c.parts, Parts::default(), "{value:?}");
        }
        let (_, errors) = config(&[("parts", "quiz,newsletter")]);
        assert_eq!(
            errors[0].to_string(),
            "<cto-cio-quiz>: invalid parts=\"quiz,newsletter\" (use one or more of explainer, quiz and newsletter, separated by spaces); showing all three."
        );
    }

    // questions

    #[test]
    fn questions_take_a_count_or_all() {
        let bank = QUESTIONS.len();
        for (value, expected) in [
            ("5", QuestionCount::Exactly(5)),
            (" 12 ", QuestionCount::Exactly(12)),
            (&bank.to_string()[..], QuestionCount::Exactly(bank)),
            ("all", QuestionCount::All),
            ("ALL", QuestionCount::All),
        ] {
            let (c, errors) = config(&[("questions", value)]);
            assert!(errors.is_empty(), "{value:?}: {errors:?}");
            assert_eq!(c.questions, expected, "{value:?}");
        }
        assert_eq!(Config::default().questions, QuestionCount::Exactly(10));
    }

    #[test]
    fn questions_out_of_range_or_not_a_number_use_ten() {
        let too_many = (QUESTIONS.len() + 1).to_string();
        for value in [
            "",
            " ",
            "4",
            "0",
            "-5",
            "+7",
            "7.0",
            "1e1",
            "ten",
            "10 questions",
            &too_many,
            "99999999999999999999999",
        ] {
            let (c, errors) = config(&[("questions", value)]);
            only_error_names(&errors, "questions");
            assert_eq!(c.questions, QuestionCount::Exactly(10), "{value:?}");
        }
        let (_, errors) = config(&[("questions", "4")]);
        assert_eq!(
            errors[0].to_string(),
            format!(
                "<cto-cio-quiz>: invalid questions=\"4\" (use a whole number from 5 to {}, or all); using 10.",
                QUESTIONS.len()
            )
        );
    }

    // newsletter-tag

    #[test]
    fn tag_valid_is_trimmed() {
        let (c, errors) = config(&[("newsletter-tag", "  CTO vs CIO quiz ")]);
        assert!(errors.is_empty());
        assert_eq!(c.newsletter_tag.as_deref(), Some("CTO vs CIO quiz"));
        let hundred = "é".repeat(100);
        let (c, errors) = config(&[("newsletter-tag", &hundred)]);
        assert!(errors.is_empty());
        assert_eq!(c.newsletter_tag.as_deref(), Some(hundred.as_str()));
    }

    #[test]
    fn tag_empty_or_invalid() {
        let long = "t".repeat(101);
        for value in ["", "   ", "a\nb", "a\u{0}b", "tab\there", long.as_str()] {
            let (c, errors) = config(&[("newsletter-tag", value)]);
            only_error_names(&errors, "newsletter-tag");
            assert_eq!(c.newsletter_tag, None);
        }
        let (_, errors) = config(&[("newsletter-tag", "a\nb")]);
        assert_eq!(
            errors.first().map(|e| e.to_string()).as_deref(),
            Some("<cto-cio-quiz>: invalid newsletter-tag=\"a\\nb\" (use 1-100 characters, without line breaks or other control characters); sending no tag.")
        );
    }

    // privacy-url

    #[test]
    fn privacy_url_valid() {
        for (value, kept) in [
            (
                "https://blog.example/privacy",
                "https://blog.example/privacy",
            ),
            (
                "http://blog.example/privacy#newsletter",
                "http://blog.example/privacy#newsletter",
            ),
            ("/privacy", "/privacy"),
            ("/", "/"),
            (" /legal/privacy?x=1 ", "/legal/privacy?x=1"),
        ] {
            let (c, errors) = config(&[("privacy-url", value)]);
            assert!(errors.is_empty(), "{value:?}");
            assert_eq!(c.privacy_url.as_deref(), Some(kept));
        }
    }

    #[test]
    fn privacy_url_empty_or_invalid() {
        for value in [
            "",
            "javascript:alert(1)",
            "data:text/html,x",
            "JAVASCRIPT:alert(1)",
            "java\nscript:alert(1)",
            "//evil.example/privacy",
            "/\\evil.example",
            "privacy.html",
            "mailto:a@b.c",
            "https://user@blog.example/privacy",
            "https://",
            "/privacy policy",
        ] {
            let (c, errors) = config(&[("privacy-url", value)]);
            only_error_names(&errors, "privacy-url");
            assert_eq!(c.privacy_url, None, "{value:?}");
        }
        let (_, errors) = config(&[("privacy-url", "javascript:alert(1)")]);
        assert_eq!(
            errors.first().map(|e| e.to_string()).as_deref(),
            Some("<cto-cio-quiz>: invalid privacy-url=\"javascript:alert(1)\" (use an https:// or http:// URL, or a path starting with /); showing no privacy link.")
        );
    }

    // share-url

    #[test]
    fn share_url_is_an_absolute_web_address() {
        for (value, kept) in [
            (
                "https://blog.example/cto-vs-cio",
                "https://blog.example/cto-vs-cio",
            ),
            (
                " http://blog.example/p?x=1#q ",
                "http://blog.example/p?x=1#q",
            ),
        ] {
            let (c, errors) = config(&[("share-url", value)]);
            assert!(errors.is_empty(), "{value:?}");
            assert_eq!(c.share_url.as_deref(), Some(kept));
        }
        for value in [
            "",
            "/cto-vs-cio",
            "javascript:alert(1)",
            "data:text/html,x",
            "//blog.example/p",
            "https://user@blog.example/p",
            "https://blog.example/a b",
        ] {
            let (c, errors) = config(&[("share-url", value)]);
            only_error_names(&errors, "share-url");
            assert_eq!(c.share_url, None, "{value:?}");
        }
        let (_, errors) = config(&[("share-url", "/post")]);
        assert_eq!(
            errors.first().map(|e| e.to_string()).as_deref(),
            Some("<cto-cio-quiz>: invalid share-url=\"/post\" (use an absolute https:// or http:// URL); sharing the page’s own address.")
        );
    }

    #[test]
    fn presentation_attributes_are_attributes_and_never_say_where_data_goes() {
        for name in PRESENTATION_ATTRIBUTES {
            assert!(ATTRIBUTES.contains(name), "{name}");
        }
        for owner_only in [
            "newsletter-action",
            "newsletter-provider",
            "newsletter-tag",
            "privacy-url",
            "share-url",
        ] {
            assert!(ATTRIBUTES.contains(&owner_only));
            assert!(
                !PRESENTATION_ATTRIBUTES.contains(&owner_only),
                "{owner_only}"
            );
        }
    }

    #[test]
    fn long_bad_values_are_shortened_in_the_message() {
        let value = "x".repeat(500);
        let (_, errors) = config(&[("storage-key", &value)]);
        let line = errors.first().map(|e| e.to_string()).unwrap_or_default();
        assert!(line.len() < 250, "{line}");
        assert!(line.contains("\"…"));
        assert_eq!(
            errors.first().map(|e| e.value.len()),
            Some(500),
            "full value kept"
        );
    }
}
