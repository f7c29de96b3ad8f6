//! The `newsletter-action` URL: where a reader's e-mail address is posted, checked before anything is
//! sent to it.
//!
//! Only `https://` is accepted, because the address travels in the request body; `http://` only for a
//! host that is exactly `localhost` or `127.0.0.1` (with an optional port), for local testing. Look-alikes
//! such as `http://localhost.evil.com` or `http://127.0.0.1.nip.io` are refused, as are credentials,
//! embedded whitespace and control characters, relative and scheme-relative URLs. Surrounding ASCII
//! whitespace is trimmed first, as browsers do for URL attributes.

use std::fmt;

use super::url::{split_web_url, write_quoted, UrlProblem};

/// A `newsletter-action` that passed [`parse_action_url`]: an `https://` URL (or `http://` on localhost)
/// with a host, no credentials and no whitespace. Holds the trimmed text as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActionUrl(String);

impl ActionUrl {
    /// The URL as written by the blog owner (trimmed), ready to be fetched or used as a form action.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The raw value of the first query parameter called exactly `name`, or `None` when there is none.
    ///
    /// Pairs are split on `&` and at the first `=`, as browsers do, and nothing is percent-decoded or
    /// `+`-decoded: the only callers look up Mailchimp's `u` and `id`, which are plain hexadecimal, and
    /// anything else in them is refused by the caller rather than decoded. `?u` (no `=`) gives `Some("")`.
    pub fn query_param(&self, name: &str) -> Option<&str> {
        let without_fragment = self.0.split('#').next().unwrap_or("");
        let (_, query) = without_fragment.split_once('?')?;
        for pair in query.split('&') {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            if key == name {
                return Some(value);
            }
        }
        None
    }
}

/// What is wrong with a `newsletter-action` value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ActionUrlProblem {
    /// The attribute is present but empty (or only whitespace).
    Empty,
    /// Not `https://`, or `http://` on a host other than `localhost`/`127.0.0.1`.
    NotHttps,
    /// Whitespace, a control character or a backslash inside the URL.
    BadCharacter,
    /// A user name or password before the host.
    Credentials,
    /// No host, a malformed host or port.
    BadHost,
    /// The provider is Mailchimp but the URL lacks a usable `u=` or `id=` query parameter, which its
    /// sign-up needs (they name the honeypot field the form must send).
    MailchimpIdsMissing,
}

impl ActionUrlProblem {
    /// What the value must be, worded to follow "newsletter-action" in a sentence.
    pub fn reason(self) -> &'static str {
        match self {
            Self::Empty => "must be an https:// URL, not empty",
            Self::NotHttps => "must be an https:// URL, or http:// for localhost only",
            Self::BadCharacter => "must not contain spaces, control characters or backslashes",
            Self::Credentials => "must not contain a user name or password",
            Self::BadHost => "must name a valid host, like https://example.com/subscribe",
            Self::MailchimpIdsMissing => {
                "must include the u= and id= parameters of Mailchimp’s embedded-form URL"
            }
        }
    }
}

/// A refused `newsletter-action`, with the value as given. Its `Display` is one sentence for the blog
/// owner, e.g. `newsletter-action must be an https:// URL, or http:// for localhost only; got "ftp://x"`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActionUrlError {
    problem: ActionUrlProblem,
    value: String,
}

impl ActionUrlError {
    pub(crate) fn new(problem: ActionUrlProblem, value: &str) -> Self {
        Self {
            problem,
            value: value.to_owned(),
        }
    }

    pub fn problem(&self) -> ActionUrlProblem {
        self.problem
    }
}

impl fmt::Display for ActionUrlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "newsletter-action {}; got ", self.problem.reason())?;
        write_quoted(f, &self.value)
    }
}

impl std::error::Error for ActionUrlError {}

/// Checks a `newsletter-action` value (see the module doc for the rules).
pub fn parse_action_url(s: &str) -> Result<ActionUrl, ActionUrlError> {
    let trimmed = s.trim_ascii();
    let problem = match split_web_url(trimmed) {
        Ok(url) if url.https || is_loopback(url.host) => {
            return Ok(ActionUrl(trimmed.to_owned()));
        }
        Ok(_) | Err(UrlProblem::Scheme) => ActionUrlProblem::NotHttps,
        Err(UrlProblem::Empty) => ActionUrlProblem::Empty,
        Err(UrlProblem::Character) => ActionUrlProblem::BadCharacter,
        Err(UrlProblem::Credentials) => ActionUrlProblem::Credentials,
        Err(UrlProblem::Host) => ActionUrlProblem::BadHost,
    };
    Err(ActionUrlError::new(problem, s))
}

/// Exactly `localhost` (any case, as hosts are case-insensitive) or `127.0.0.1`; nothing that merely
/// starts with them.
fn is_loopback(host: &str) -> bool {
    host.eq_ignore_ascii_case("localhost") || host == "127.0.0.1"
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(s: &str) -> Option<ActionUrlProblem> {
        parse_action_url(s).err().map(|e| e.problem())
    }

    #[test]
    fn accepts_https_and_local_http() {
        for s in [
            "https://buttondown.com/api/emails/embed-subscribe/someone",
            "https://example.us21.list-manage.com/subscribe/post?u=abc123&id=def456",
            "https://app.convertkit.com/forms/123/subscriptions",
            "HTTPS://EXAMPLE.COM",
            "https://example.com:8443/x",
            "https://localhost/x",
            "http://localhost",
            "http://localhost:8080/subscribe",
            "http://LocalHost:3000",
            "http://127.0.0.1",
            "http://127.0.0.1:9000/post?x=1",
            "https://example.com/a#frag",
        ] {
            assert!(parse_action_url(s).is_ok(), "should be accepted: {s:?}");
        }
    }

    #[test]
    fn trims_surrounding_whitespace_only() {
        let url = parse_action_url("  https://example.com/x \n");
        assert_eq!(
            url.map(|u| u.as_str().to_owned()),
            Ok("https://example.com/x".to_owned())
        );
        assert_eq!(
            problem("https://exa mple.com"),
            Some(ActionUrlProblem::BadCharacter)
        );
    }

    #[test]
    fn refuses_plain_http_elsewhere_and_other_schemes() {
        for s in [
            "http://example.com",
            "http://localhost.evil.com",
            "http://localhost.",
            "http://127.0.0.1.nip.io",
            "http://127.1",
            "http://0.0.0.0",
            "http://[::1]:8080",
            "ftp://x",
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "data:text/html,hi",
            "mailto:a@b.c",
            "/subscribe",
            "subscribe",
            "//example.com/subscribe",
            "https:example.com",
        ] {
            let p = problem(s);
            assert!(
                p == Some(ActionUrlProblem::NotHttps) || p == Some(ActionUrlProblem::BadHost),
                "{s:?} gave {p:?}"
            );
        }
        assert_eq!(
            problem("http://localhost.evil.com"),
            Some(ActionUrlProblem::NotHttps)
        );
        assert_eq!(
            problem("http://127.0.0.1.nip.io"),
            Some(ActionUrlProblem::NotHttps)
        );
        assert_eq!(
            problem("javascript:alert(1)"),
            Some(ActionUrlProblem::NotHttps)
        );
        assert_eq!(problem("//example.com"), Some(ActionUrlProblem::NotHttps));
    }

    #[test]
    fn refuses_credentials_characters_hosts_and_empty() {
        assert_eq!(problem(""), Some(ActionUrlProblem::Empty));
        assert_eq!(problem("   "), Some(ActionUrlProblem::Empty));
        assert_eq!(
            problem("https://user:pw@x.com"),
            Some(ActionUrlProblem::Credentials)
        );
        assert_eq!(
            problem("http://localhost@evil.com"),
            Some(ActionUrlProblem::Credentials)
        );
        assert_eq!(
            problem("http://evil.com@localhost"),
            Some(ActionUrlProblem::Credentials)
        );
        assert_eq!(
            problem("https://x.com/a\tb"),
            Some(ActionUrlProblem::BadCharacter)
        );
        assert_eq!(
            problem("java\nscript:alert(1)"),
            Some(ActionUrlProblem::BadCharacter)
        );
        assert_eq!(
            problem("https://x.com/\u{0}"),
            Some(ActionUrlProblem::BadCharacter)
        );
        assert_eq!(
            problem("https://evil.com\\@good.com"),
            Some(ActionUrlProblem::BadCharacter)
        );
        assert_eq!(problem("https://"), Some(ActionUrlProblem::BadHost));
        assert_eq!(problem("https:///path"), Some(ActionUrlProblem::BadHost));
        assert_eq!(
            problem("https://x.com:99999"),
            Some(ActionUrlProblem::BadHost)
        );
    }

    #[test]
    fn message_names_the_attribute_and_value() {
        let err = parse_action_url("ftp://x").err().map(|e| e.to_string());
        assert_eq!(
            err.as_deref(),
            Some("newsletter-action must be an https:// URL, or http:// for localhost only; got \"ftp://x\"")
        );
        let err = parse_action_url("https://a b").err().map(|e| e.to_string());
        assert_eq!(
            err.as_deref(),
            Some("newsletter-action must not contain spaces, control characters or backslashes; got \"https://a b\"")
        );
    }

    #[test]
    fn query_param_lookup() {
        let url = parse_action_url("https://x.com/p?u=abc&id=12&empty=&flag&id=99&a=b=c#id=frag")
            .map_err(|e| e.to_string());
        let Ok(url) = url else {
            panic!("should parse: {url:?}");
        };
        assert_eq!(url.query_param("u"), Some("abc"));
        assert_eq!(url.query_param("id"), Some("12"), "first occurrence wins");
        assert_eq!(url.query_param("empty"), Some(""));
        assert_eq!(url.query_param("flag"), Some(""));
        assert_eq!(url.query_param("a"), Some("b=c"));
        assert_eq!(url.query_param("U"), None, "names are case-sensitive");
        assert_eq!(url.query_param("frag"), None);
        assert_eq!(url.query_param("missing"), None);
    }

    #[test]
    fn query_param_ignores_fragment_and_missing_query() {
        let Ok(url) = parse_action_url("https://x.com/p#a?u=1") else {
            panic!("should parse");
        };
        assert_eq!(url.query_param("u"), None);
        let Ok(url) = parse_action_url("https://x.com/p") else {
            panic!("should parse");
        };
        assert_eq!(url.query_param("u"), None);
        let Ok(url) = parse_action_url("https://x.com?u=%41") else {
            panic!("should parse");
        };
        assert_eq!(url.query_param("u"), Some("%41"), "no percent-decoding");
    }
}
