//! The crate's one HTML escaping function. Every piece of text that ends up in markup written as a
//! string (the static snippet, any `inner_html` of constant crate content) goes through [`escape`],
//! so there is exactly one place to get right and one set of tests for it.

/// `text` safe to place in HTML text content and in a double- or single-quoted attribute value:
/// `&`, `<`, `>`, `"` and `'` become character references; everything else is kept as is (the
/// output is UTF-8, so typographic quotes and dashes need no escaping).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escapes_markup_characters() {
        assert_eq!(
            escape(r#"<a href="x" title='y'>R&D</a>"#),
            "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;R&amp;D&lt;/a&gt;"
        );
    }

    #[test]
    fn keeps_everything_else() {
        let text = "You’ve heard it—twice. 100 % sure? Ünïcödé ✓";
        assert_eq!(escape(text), text);
        assert_eq!(escape(""), "");
    }

    #[test]
    fn an_escaped_reference_is_escaped_again() {
        // Text is text: "&amp;" typed by an author must show as "&amp;", not as "&".
        assert_eq!(escape("&amp;"), "&amp;amp;");
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod props {
    use super::escape;
    use proptest::prelude::*;

    proptest! {
        /// Whatever the text, the output holds no markup character and decodes back to the text.
        #[test]
        fn output_is_inert_and_reversible(text in any::<String>()) {
            let out = escape(&text);
            prop_assert!(!out.contains(['<', '>', '"', '\'']));
            let decoded = out
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&");
            prop_assert_eq!(decoded, text);
        }
    }
}
