//! A deliberately small check of absolute web URLs, shared by `newsletter-action` and `privacy-url`.
//!
//! Hand-rolled because the `url` crate costs too much wasm, and pure (not the browser's `URL` at
//! the web edge) so the attribute rules stay one native, unit-tested function. That it agrees with
//! the browser is tested, not assumed: tests/components.rs runs every string of `url_cases.rs`
//! through `new URL()` (an accepted URL must go to the scheme and host this check saw).
//!
//! It does not normalise or percent-decode anything. It only finds the scheme and the host, and refuses
//! the shapes where a browser's URL parser and a naive reader disagree about where a request goes:
//! embedded whitespace or control characters (browsers silently delete tabs and newlines, so
//! `java\nscript:` runs), backslashes (browsers read `\` as `/`, so `https://evil\@good` goes to `evil`),
//! credentials, and anything but a plain host name or IPv4 address with an optional port.

use std::fmt::{self, Write as _};

/// Why a string is not an acceptable absolute web URL.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum UrlProblem {
    Empty,
    /// Not `http://` or `https://` (relative, `//host`, `javascript:`, `data:`, `ftp:` ...).
    Scheme,
    /// Whitespace, a control character or a backslash somewhere inside.
    Character,
    /// `user:password@` before the host.
    Credentials,
    /// Empty or malformed host, IPv6 literal, or bad port.
    Host,
}

/// The parts of an accepted URL the callers need.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct WebUrl<'a> {
    pub(crate) https: bool,
    /// As written (not lowercased): compare with `eq_ignore_ascii_case`.
    pub(crate) host: &'a str,
}

/// True when `s` holds a character no URL we accept may contain.
pub(crate) fn has_bad_character(s: &str) -> bool {
    s.chars()
        .any(|c| c.is_control() || c.is_whitespace() || c == '\\')
}

/// Checks an absolute `http://` or `https://` URL; `s` must already be trimmed.
pub(crate) fn split_web_url(s: &str) -> Result<WebUrl<'_>, UrlProblem> {
    if s.is_empty() {
        return Err(UrlProblem::Empty);
    }
    // Characters first: "java\tscript:" must be refused as such, not judged by its scheme.
    if has_bad_character(s) {
        return Err(UrlProblem::Character);
    }
    let (https, after) = if let Some(rest) = strip_prefix_ignore_case(s, "https://") {
        (true, rest)
    } else if let Some(rest) = strip_prefix_ignore_case(s, "http://") {
        (false, rest)
    } else {
        return Err(UrlProblem::Scheme);
    };
    // The authority ends at the first '/', '?' or '#' (backslashes were refused above).
    let end = after.find(['/', '?', '#']).unwrap_or(after.len());
    let authority = after.get(..end).unwrap_or(after);
    if authority.contains('@') {
        return Err(UrlProblem::Credentials);
    }
    let host = match authority.split_once(':') {
        Some((host, port)) if is_valid_port(port) => host,
        Some(_) => return Err(UrlProblem::Host),
        None => authority,
    };
    if is_valid_host(host) {
        Ok(WebUrl { https, host })
    } else {
        Err(UrlProblem::Host)
    }
}

fn strip_prefix_ignore_case<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    match s.get(..prefix.len()) {
        Some(head) if head.eq_ignore_ascii_case(prefix) => s.get(prefix.len()..),
        _ => None,
    }
}

/// 1 to 5 ASCII digits, at most 65535. (`u16::from_str` alone would also take a leading '+'.)
fn is_valid_port(port: &str) -> bool {
    !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit()) && port.parse::<u16>().is_ok()
}

/// ASCII letters, digits, '-', '_' and '.', with no empty label except one trailing dot
/// (`example.com.` is a fully qualified name). Internationalised names must be given in their
/// `xn--` form; IPv6 literals are not supported (no newsletter service is addressed that way).
fn is_valid_host(host: &str) -> bool {
    let bytes = host.as_bytes();
    !bytes.is_empty()
        && bytes.first() != Some(&b'.')
        && !host.contains("..")
        && bytes
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

/// Writes `value` in double quotes with quotes, backslashes and control characters escaped (so a
/// console message stays on one line and cannot be mistaken for the text around it), shortened to
/// 80 characters so a pasted script cannot flood the console. Not `{:?}`: `Debug` for `str` also
/// escapes every non-printable Unicode character, which links Unicode's printable tables
/// (about 1.4 KB of wasm) for messages that only ever quote an attribute.
pub(crate) fn write_quoted(f: &mut fmt::Formatter<'_>, value: &str) -> fmt::Result {
    const MAX_CHARS: usize = 80;
    f.write_char('"')?;
    let mut chars = value.chars();
    for c in chars.by_ref().take(MAX_CHARS) {
        match c {
            '"' | '\\' => {
                f.write_char('\\')?;
                f.write_char(c)?;
            }
            '\n' => f.write_str("\\n")?,
            '\r' => f.write_str("\\r")?,
            '\t' => f.write_str("\\t")?,
            // Control characters, and the invisible and bidirectional formatting ones that
            // could make the quoted value read differently from what it is.
            c if c.is_control()
                || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}') =>
            {
                for escaped in c.escape_unicode() {
                    f.write_char(escaped)?;
                }
            }
            c => f.write_char(c)?,
        }
    }
    f.write_char('"')?;
    if chars.next().is_some() {
        f.write_char('…')?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn host_of(s: &str) -> Result<(bool, &str), UrlProblem> {
        split_web_url(s).map(|u| (u.https, u.host))
    }

    mod cases {
        include!("url_cases.rs");
    }

    #[test]
    fn splits_scheme_and_host() {
        for &(s, https, host) in cases::ACCEPTED {
            assert_eq!(host_of(s), Ok((https, host)), "{s:?}");
        }
    }

    #[test]
    fn refuses_bad_shapes() {
        assert_eq!(host_of(""), Err(UrlProblem::Empty));
        for (cases, problem) in [
            (cases::REFUSED_SCHEME, UrlProblem::Scheme),
            (cases::REFUSED_CHARACTER, UrlProblem::Character),
            (cases::REFUSED_CREDENTIALS, UrlProblem::Credentials),
            (cases::REFUSED_HOST, UrlProblem::Host),
        ] {
            for s in cases {
                assert_eq!(host_of(s), Err(problem), "{s:?}");
            }
        }
    }

    struct Quoted<'a>(&'a str);
    impl fmt::Display for Quoted<'_> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write_quoted(f, self.0)
        }
    }

    #[test]
    fn quotes_escape_and_shorten() {
        assert_eq!(Quoted("a\"b\nc").to_string(), "\"a\\\"b\\nc\"");
        assert_eq!(
            Quoted("\\ \t\r\u{7}é ✓").to_string(),
            "\"\\\\ \\t\\r\\u{7}é ✓\""
        );
        assert_eq!(Quoted("a\u{202e}b").to_string(), "\"a\\u{202e}b\"");
        let long = "é".repeat(100);
        let shown = Quoted(&long).to_string();
        assert_eq!(shown, format!("\"{}\"…", "é".repeat(80)));
        assert_eq!(
            Quoted(&"x".repeat(80)).to_string(),
            format!("\"{}\"", "x".repeat(80))
        );
    }
}
