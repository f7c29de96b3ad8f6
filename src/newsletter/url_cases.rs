// The test strings of `url.rs`'s check, shared (by `include!`, so this file has no module doc)
// between its native unit tests and tests/components.rs, which holds each one against the
// browser's own parser (`new URL()`). A string added here is checked in both places.

/// Accepted: the input, whether it is `https`, and the host as written.
pub const ACCEPTED: &[(&str, bool, &str)] = &[
    ("https://example.com", true, "example.com"),
    ("HTTPS://Example.COM/x", true, "Example.COM"),
    ("http://localhost:8080/x?y#z", false, "localhost"),
    ("http://127.0.0.1:8080/subscribe", false, "127.0.0.1"),
    ("https://a.b?c=d", true, "a.b"),
    ("https://a.b#frag", true, "a.b"),
    ("https://example.com./", true, "example.com."),
    ("https://xn--bcher-kva.example", true, "xn--bcher-kva.example"),
    ("https://a.b:65535", true, "a.b"),
    ("https://us21.list-manage.com/subscribe/post?u=abc&id=def", true, "us21.list-manage.com"),
];

/// Refused: not `http://` or `https://`.
pub const REFUSED_SCHEME: &[&str] = &[
    "ftp://x",
    "//x.com/a",
    "/path",
    "x.com",
    "javascript:alert(1)",
    "data:,x",
    "https:x.com",
    "https:/x.com",
];

/// Refused: whitespace, a control character or a backslash inside.
pub const REFUSED_CHARACTER: &[&str] = &[
    "https://a b",
    "java\tscript:x",
    "https://x\n.com",
    "https://x.com/\u{7f}",
    "https://evil.com\\@good.com",
    "https://x.com/\u{a0}",
];

/// Refused: credentials before the host.
pub const REFUSED_CREDENTIALS: &[&str] = &[
    "https://user:pw@x.com",
    "https://user@x.com",
    "https://@x.com",
    "https://x.com:1@y.com",
];

/// Refused: an empty or malformed host, an IPv6 literal or a bad port. The browser takes some of
/// these (`[::1]`, `a..b`); refusing them is this widget's policy, not a disagreement.
pub const REFUSED_HOST: &[&str] = &[
    "https://",
    "https:///x",
    "https://:443",
    "https://x:",
    "https://x:+80",
    "https://x:65536",
    "https://x:1a",
    "https://[::1]/",
    "https://.x",
    "https://a..b",
    "https://b\u{fc}cher.example",
    "https://x%2e.com",
    "https://x:1:2",
];
