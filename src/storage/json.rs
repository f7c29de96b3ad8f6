//! The little JSON this widget stores: a value tree, a strict parser and a writer.
//!
//! Hand-written instead of serde_json because the saved state is a handful of small, fixed shapes,
//! and serde_json with its derives cost about a tenth of the whole bundle. Numbers are the one
//! simplification: only a non-negative integer literal (no fraction, no exponent) keeps its value,
//! because every number we store is a count, a version or whole milliseconds; any other valid
//! number parses as [`Json::OtherNumber`], which every reader treats as the wrong type.

/// A parsed JSON value.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    /// A non-negative integer literal that fits in a `u64`.
    Int(u64),
    /// Any other valid number (negative, fractional, with an exponent, or too large).
    OtherNumber,
    String(String),
    Array(Vec<Json>),
    /// Members in document order; [`Json::get`] takes the last of duplicate keys, as browsers do.
    Object(Vec<(String, Json)>),
}

/// Nesting deeper than this is refused: nothing we write comes close, and a recursive parser must
/// not let a stored value exhaust the stack.
const MAX_DEPTH: usize = 64;

impl Json {
    /// The member `key` of an object.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(members) => members.iter().rev().find(|(k, _)| k == key).map(|m| &m.1),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Json::Int(n) => Some(*n),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Json::Bool(b) => Some(*b),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Json]> {
        match self {
            Json::Array(items) => Some(items),
            _ => None,
        }
    }

    /// An object from `(key, value)` pairs, for writing.
    pub fn object<const N: usize>(members: [(&str, Json); N]) -> Json {
        Json::Object(members.map(|(k, v)| (k.to_owned(), v)).into())
    }

    /// `Some(text)` as a string, `None` as `null`.
    pub fn opt_string(text: Option<&str>) -> Json {
        text.map_or(Json::Null, |s| Json::String(s.to_owned()))
    }
}

/// Parses a whole document; `None` when `text` is not exactly one valid JSON value (surrounding
/// whitespace allowed).
pub fn parse(text: &str) -> Option<Json> {
    let mut parser = Parser {
        bytes: text.as_bytes(),
        at: 0,
    };
    let value = parser.value(0)?;
    parser.skip_space();
    (parser.at == parser.bytes.len()).then_some(value)
}

/// Writes `value` compactly, escaping as serde_json does, so values saved by earlier releases and
/// by this one look the same.
pub fn write(value: &Json) -> String {
    let mut out = String::new();
    write_into(&mut out, value);
    out
}

fn write_into(out: &mut String, value: &Json) {
    match value {
        // `OtherNumber` has no value to write; it never comes from our own encoders.
        Json::Null | Json::OtherNumber => out.push_str("null"),
        Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Json::Int(n) => out.push_str(&n.to_string()),
        Json::String(s) => write_string(out, s),
        Json::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_into(out, item);
            }
            out.push(']');
        }
        Json::Object(members) => {
            out.push('{');
            for (i, (key, item)) in members.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_string(out, key);
                out.push(':');
                write_into(out, item);
            }
            out.push('}');
        }
    }
}

fn write_string(out: &mut String, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => {
                out.push_str("\\u00");
                out.push(char::from(HEX[(c as usize) >> 4]));
                out.push(char::from(HEX[(c as usize) & 0xf]));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

struct Parser<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn bump(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.at += 1;
        Some(b)
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn eat(&mut self, word: &[u8]) -> Option<()> {
        let end = self.at.checked_add(word.len())?;
        (self.bytes.get(self.at..end)? == word).then(|| self.at = end)
    }

    fn value(&mut self, depth: usize) -> Option<Json> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.skip_space();
        match self.peek()? {
            b'n' => self.eat(b"null").map(|()| Json::Null),
            b't' => self.eat(b"true").map(|()| Json::Bool(true)),
            b'f' => self.eat(b"false").map(|()| Json::Bool(false)),
            b'"' => self.string().map(Json::String),
            b'[' => self.array(depth),
            b'{' => self.object(depth),
            b'-' | b'0'..=b'9' => self.number(),
            _ => None,
        }
    }

    fn array(&mut self, depth: usize) -> Option<Json> {
        self.at += 1;
        let mut items = Vec::new();
        self.skip_space();
        if self.peek() == Some(b']') {
            self.at += 1;
            return Some(Json::Array(items));
        }
        loop {
            items.push(self.value(depth + 1)?);
            self.skip_space();
            match self.bump()? {
                b',' => {}
                b']' => return Some(Json::Array(items)),
                _ => return None,
            }
        }
    }

    fn object(&mut self, depth: usize) -> Option<Json> {
        self.at += 1;
        let mut members = Vec::new();
        self.skip_space();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Some(Json::Object(members));
        }
        loop {
            self.skip_space();
            if self.peek() != Some(b'"') {
                return None;
            }
            let key = self.string()?;
            self.skip_space();
            if self.bump()? != b':' {
                return None;
            }
            members.push((key, self.value(depth + 1)?));
            self.skip_space();
            match self.bump()? {
                b',' => {}
                b'}' => return Some(Json::Object(members)),
                _ => return None,
            }
        }
    }

    /// RFC 8259 number grammar; the value is kept only for plain non-negative integers.
    fn number(&mut self) -> Option<Json> {
        let negative = self.peek() == Some(b'-');
        if negative {
            self.at += 1;
        }
        let int_start = self.at;
        match self.bump()? {
            b'0' => {}
            b'1'..=b'9' => self.digits(),
            _ => return None,
        }
        let int_end = self.at;
        let mut plain = !negative;
        if self.peek() == Some(b'.') {
            self.at += 1;
            self.one_or_more_digits()?;
            plain = false;
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            self.one_or_more_digits()?;
            plain = false;
        }
        if !plain {
            return Some(Json::OtherNumber);
        }
        let mut n: u64 = 0;
        for &b in self.bytes.get(int_start..int_end)? {
            match n
                .checked_mul(10)
                .and_then(|n| n.checked_add(u64::from(b - b'0')))
            {
                Some(next) => n = next,
                None => return Some(Json::OtherNumber),
            }
        }
        Some(Json::Int(n))
    }

    fn digits(&mut self) {
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.at += 1;
        }
    }

    fn one_or_more_digits(&mut self) -> Option<()> {
        let start = self.at;
        self.digits();
        (self.at > start).then_some(())
    }

    /// A string literal, escapes decoded; lone surrogates and raw control characters are invalid.
    fn string(&mut self) -> Option<String> {
        self.at += 1;
        let mut out = String::new();
        loop {
            let start = self.at;
            while let Some(b) = self.peek() {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.at += 1;
            }
            // The input is a `&str` and we stopped at an ASCII byte, so this slice is whole UTF-8.
            out.push_str(core::str::from_utf8(self.bytes.get(start..self.at)?).ok()?);
            match self.bump()? {
                b'"' => return Some(out),
                b'\\' => out.push(self.escape()?),
                _ => return None,
            }
        }
    }

    fn escape(&mut self) -> Option<char> {
        Some(match self.bump()? {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let high = self.hex4()?;
                if !(0xD800..0xDC00).contains(&high) {
                    return char::from_u32(high);
                }
                self.eat(b"\\u")?;
                let low = self.hex4()?;
                if !(0xDC00..0xE000).contains(&low) {
                    return None;
                }
                return char::from_u32(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00));
            }
            _ => return None,
        })
    }

    fn hex4(&mut self) -> Option<u32> {
        let mut n = 0;
        for _ in 0..4 {
            n = n * 16 + char::from(self.bump()?).to_digit(16)?;
        }
        Some(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(text: &str) -> Json {
        Json::String(text.to_owned())
    }

    #[test]
    fn parses_every_kind_of_value() {
        assert_eq!(
            parse(r#" {"a":[1,true,false,null,"x"],"b":{},"c":[]} "#),
            Some(Json::Object(vec![
                (
                    "a".into(),
                    Json::Array(vec![
                        Json::Int(1),
                        Json::Bool(true),
                        Json::Bool(false),
                        Json::Null,
                        s("x")
                    ])
                ),
                ("b".into(), Json::Object(vec![])),
                ("c".into(), Json::Array(vec![])),
            ]))
        );
    }

    #[test]
    fn only_plain_non_negative_integers_keep_their_value() {
        assert_eq!(parse("0"), Some(Json::Int(0)));
        assert_eq!(parse("1764288000000"), Some(Json::Int(1_764_288_000_000)));
        assert_eq!(parse("18446744073709551615"), Some(Json::Int(u64::MAX)));
        for other in [
            "-1",
            "-0",
            "1.5",
            "1.0",
            "1e3",
            "1E+3",
            "2e-1",
            "1e400",
            "18446744073709551616",
        ] {
            assert_eq!(parse(other), Some(Json::OtherNumber), "{other}");
        }
    }

    #[test]
    fn refuses_what_is_not_json() {
        for bad in [
            "",
            " ",
            "hello",
            "{'v':1}",
            "{\"v\":1,}",
            "[1,]",
            "[1 2]",
            "{\"v\" 1}",
            "{v:1}",
            "01",
            "1.",
            ".5",
            "-",
            "1e",
            "+1",
            "\"abc",
            "\"a\nb\"",
            "\"\\x\"",
            "\"\\ud800\"",
            "\"\\udc00\"",
            "\"\\u12\"",
            "nul",
            "truex",
            "[] []",
            "NaN",
            "{\"v\":1",
        ] {
            assert_eq!(parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn decodes_escapes() {
        assert_eq!(
            parse(r#""a\"b\\c\/d\b\f\n\r\t\u00e9\ud83d\ude00""#),
            Some(s("a\"b\\c/d\u{8}\u{c}\n\r\té😀"))
        );
        assert_eq!(parse("\"héllo ✓\""), Some(s("héllo ✓")));
    }

    #[test]
    fn deep_nesting_is_refused_not_a_crash() {
        let deep = ["[".repeat(100_000), "]".repeat(100_000)].concat();
        assert_eq!(parse(&deep), None);
        let fine = ["[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH)].concat();
        assert!(parse(&fine).is_some());
    }

    #[test]
    fn get_takes_the_last_duplicate() {
        let value = parse(r#"{"k":1,"k":2}"#).unwrap();
        assert_eq!(value.get("k"), Some(&Json::Int(2)));
        assert_eq!(value.get("missing"), None);
        assert_eq!(Json::Int(1).get("k"), None);
    }

    #[test]
    fn writes_compactly_and_escapes_like_serde_json() {
        let value = Json::object([
            ("v", Json::Int(1)),
            ("s", s("a\"b\\c\n\u{1}é/")),
            ("n", Json::Null),
            ("l", Json::Array(vec![Json::Bool(true), Json::Bool(false)])),
        ]);
        let text = write(&value);
        assert_eq!(
            text,
            r#"{"v":1,"s":"a\"b\\c\n\u0001é/","n":null,"l":[true,false]}"#
        );
        assert_eq!(parse(&text), Some(value));
    }

    #[test]
    fn every_string_round_trips() {
        let all: String = (0u32..0x800).filter_map(char::from_u32).collect();
        for text in [all.as_str(), "", "😀 \u{7f} \u{2028}"] {
            assert_eq!(parse(&write(&s(text))), Some(s(text)));
        }
    }
}
