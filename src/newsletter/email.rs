//! E-mail address checks, exactly as a browser's `<input type=email>` does them.
//!
//! The rule is the WHATWG HTML "valid e-mail address" production (a "willful violation" of RFC 5322
//! that browsers ship), as a regular expression:
//!
//! ```text
//! ^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$
//! ```
//!
//! It is hand-written here (no regex crate: the wasm size budget) so that the widget never accepts an
//! address the browser would reject, nor the reverse.

/// Strips what a browser strips from an `<input type=email>` value: leading and trailing ASCII
/// whitespace (tab, line feed, form feed, carriage return, space). Other Unicode spaces are kept, so an
/// address padded with, say, a no-break space stays invalid, as it is in the browser.
pub fn normalize_email(s: &str) -> &str {
    s.trim_ascii()
}

/// True when `s` is a valid e-mail address by the WHATWG rule (see the module doc). `s` is checked as
/// given: call [`normalize_email`] first.
pub fn is_valid_email(s: &str) -> bool {
    // No local-part character is '@', so the first '@' is the only one a valid address can have; a
    // second one lands in the domain, where it is refused.
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty() && local.bytes().all(is_local_byte) && is_valid_domain(domain)
}

/// The characters the local part (before the '@') may use: ASCII letters and digits and
/// ``.!#$%&'*+/=?^_`{|}~-``. Note that dots may lead, trail or repeat: the rule allows it.
fn is_local_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+/=?^_`{|}~.-".contains(&b)
}

/// One or more labels separated by single dots; no trailing dot.
fn is_valid_domain(domain: &str) -> bool {
    // `split` on an empty string yields one empty label, so an empty domain is refused below too.
    domain.split('.').all(is_valid_label)
}

/// 1 to 63 ASCII letters, digits or hyphens, starting and ending with a letter or digit.
fn is_valid_label(label: &str) -> bool {
    let bytes = label.as_bytes();
    match (bytes.first(), bytes.last()) {
        (Some(first), Some(last)) => {
            bytes.len() <= 63
                && first.is_ascii_alphanumeric()
                && last.is_ascii_alphanumeric()
                && bytes
                    .iter()
                    .all(|b| b.is_ascii_alphanumeric() || *b == b'-')
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_valid_addresses() {
        let label63 = "a".repeat(63);
        let long_label = format!("x@{label63}.com");
        let valid = [
            "name@example.com",
            "a@b",
            "a..b@c.d",
            ".a@b.c",
            "a.@b.c",
            "...@b",
            "first.last+tag@sub.example.co.uk",
            "UPPER@EXAMPLE.COM",
            "0@0",
            "a@1.2.3.4",
            "a@b-c.d",
            "a@b--c.d",
            "a@x1-2y.z",
            "!#$%&'*+/=?^_`{|}~-@example.com",
            "user/dept=shipping@example.com",
            "a@a.b.c.d.e.f.g",
            long_label.as_str(),
        ];
        for s in valid {
            assert!(is_valid_email(s), "should be valid: {s:?}");
        }
    }

    #[test]
    fn refuses_invalid_addresses() {
        let label64 = "a".repeat(64);
        let long_label = format!("x@{label64}.com");
        let long_last_label = format!("x@example.{label64}");
        let invalid = [
            "",
            "@",
            "a",
            "a@",
            "@b.c",
            "a@@b.c",
            "a@b@c.d",
            "a@-b.c",
            "a@b-.c",
            "a@b.c-",
            "a@b.-c",
            "a@b.",
            "a@.b",
            "a@b..c",
            "a@b_c.d",
            "a b@c.d",
            " a@b.c",
            "a@b.c ",
            "a@b .c",
            "a\t@b.c",
            "a@b.c\n",
            "\"quoted\"@example.com",
            "a(comment)@b.c",
            "a,b@c.d",
            "a;b@c.d",
            "a<b>@c.d",
            "a[b]@c.d",
            "a\\b@c.d",
            "a:b@c.d",
            "a@[127.0.0.1]",
            "a@b:25",
            "a@b/c",
            "jos\u{e9}@example.com",
            "a@exampl\u{e9}.com",
            "a@\u{4f8b}\u{3048}.jp",
            "a\u{a0}@b.c",
            long_label.as_str(),
            long_last_label.as_str(),
        ];
        for s in invalid {
            assert!(!is_valid_email(s), "should be invalid: {s:?}");
        }
    }

    #[test]
    fn label_length_limit_is_63_for_every_label() {
        let ok = format!("a@{}", "b".repeat(63));
        let too_long = format!("a@{}", "b".repeat(64));
        assert!(is_valid_email(&ok));
        assert!(!is_valid_email(&too_long));
        // The rule limits labels, not the whole address or the local part.
        let long_local = format!("{}@b.c", "a".repeat(300));
        assert!(is_valid_email(&long_local));
    }

    #[test]
    fn single_character_labels_are_fine_but_not_a_lone_hyphen() {
        assert!(is_valid_email("a@b.c.d"));
        assert!(!is_valid_email("a@b.-.d"));
        assert!(!is_valid_email("a@-"));
    }

    #[test]
    fn normalize_trims_ascii_whitespace_only() {
        assert_eq!(
            normalize_email("  name@example.com\t\r\n"),
            "name@example.com"
        );
        assert_eq!(normalize_email("\u{c}a@b\u{c}"), "a@b");
        assert_eq!(normalize_email("a@b"), "a@b");
        assert_eq!(normalize_email("   "), "");
        // A no-break space is not ASCII whitespace: the browser keeps it, and so do we.
        assert_eq!(normalize_email("\u{a0}a@b"), "\u{a0}a@b");
        assert!(!is_valid_email(normalize_email("\u{a0}a@b")));
    }

    #[test]
    fn normalized_then_validated_matches_the_browser_flow() {
        assert!(is_valid_email(normalize_email("  reader@blog.example  ")));
        assert!(!is_valid_email(normalize_email("  reader @blog.example  ")));
    }
}
