//! The snippet holds the whole article, is well formed, and the demo posts carry the same copy.

use super::{article_html, snippet, with_article, DEFAULT_EMBED_SRC};
use crate::content::ARTICLE;

/// The owner's article, a verbatim copy of the shared `article.md` kept beside this test so it runs
/// anywhere; `content::validate` checks the article data against the same sentences.
const ARTICLE_MD: &str = include_str!("article.md");

/// The demo post and the second demo page, which carry the article as their widget's fallback.
const DEMO_INDEX: &str = include_str!("../../index.html");
const DEMO_QUIZ_ONLY: &str = include_str!("../../quiz-only.html");

/// Every sentence of the markdown's body (from the first `## ` on), markdown removed: heading
/// markers, the `[anchor]` after a heading, a heading's trailing colon (the widget's headings drop
/// it), list markers and emphasis. Headings come in sentence case, as the widget writes them all
/// (the article mixes Title Case in): every word lowercase but the first and acronyms.
fn article_sentences() -> Vec<String> {
    let body = ARTICLE_MD
        .find("\n## ")
        .map_or(ARTICLE_MD, |at| &ARTICLE_MD[at..]);
    let mut sentences = Vec::new();
    for line in body.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let text = line.replace(['*', '_'], "");
        let text = if let Some(heading) = text.strip_prefix('#') {
            let heading = heading.trim_start_matches('#').trim();
            let heading = heading.rfind(" [").map_or(heading, |at| &heading[..at]);
            sentence_case(heading.strip_suffix(':').unwrap_or(heading))
        } else {
            text.strip_prefix("- ").unwrap_or(&text).to_string()
        };
        sentences.extend(split_sentences(&text));
    }
    sentences
}

fn sentence_case(heading: &str) -> String {
    heading
        .split(' ')
        .enumerate()
        .map(|(i, word)| {
            if i == 0 || word.chars().all(|c| !c.is_lowercase()) {
                word.to_string()
            } else {
                word.to_lowercase()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// `text` cut after each `.`, `?`, `!` or `:` that a space follows.
fn split_sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    let end_of_sentence = |rest: &str| {
        let bytes = rest.as_bytes();
        (1..bytes.len())
            .find(|&i| bytes[i] == b' ' && matches!(bytes[i - 1], b'.' | b'?' | b'!' | b':'))
    };
    while let Some(at) = end_of_sentence(rest) {
        out.push(rest[..at].trim().to_string());
        rest = &rest[at..];
    }
    if !rest.trim().is_empty() {
        out.push(rest.trim().to_string());
    }
    out
}

/// What a reader of `html` reads: tags and comments dropped, character references decoded,
/// whitespace collapsed to single spaces.
fn text_of(html: &str) -> String {
    let mut text = String::new();
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        text.push_str(&rest[..at]);
        text.push(' ');
        let end = if rest[at..].starts_with("<!--") {
            rest[at..].find("-->").map(|e| at + e + 3)
        } else {
            rest[at..].find('>').map(|e| at + e + 1)
        };
        rest = end.map_or("", |end| &rest[end..]);
    }
    text.push_str(rest);
    let text = text
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn every_sentence_of_the_article_is_in_the_snippet() {
    let sentences = article_sentences();
    // The body has 29 sentences and 12 headings: a parser that found nothing would pass vacuously.
    assert!(sentences.len() >= 40, "parsed only {sentences:?}");
    let text = text_of(&snippet(&ARTICLE, DEFAULT_EMBED_SRC));
    for sentence in &sentences {
        assert!(
            text.contains(sentence.as_str()),
            "the snippet lacks: {sentence}"
        );
    }
}

#[test]
fn the_five_differences_read_as_term_and_both_sides() {
    let html = article_html(&ARTICLE, "");
    assert!(html.contains(
        "<dt>Focus areas</dt>\n  <dd>The CTO looks outward, driving innovation and creating technology solutions that give the company a competitive edge.</dd>\n  <dd>The CIO looks inward"
    ));
    assert_eq!(
        html.matches("<dt>").count(),
        7,
        "two roles + five differences"
    );
    assert!(html.starts_with("<h2>CTO vs CIO: who does what?</h2>\n<h3>Introduction</h3>\n<p>"));
}

#[test]
fn text_is_escaped() {
    let html = article_html(&ARTICLE, "");
    assert!(html.contains("product development, R&amp;D, and"));
    assert!(!html.contains("R&D"));
}

#[test]
fn the_snippet_is_the_element_then_the_loader() {
    let html = snippet(&ARTICLE, "https://cdn.example/q/embed.js?v=\"1\"");
    let element = html
        .find("<cto-cio-quiz storage-key=\"cto-cio-quiz\">\n")
        .expect("open tag");
    let close = html.find("</cto-cio-quiz>\n").expect("close tag");
    assert!(element < close);
    assert!(html.ends_with(
        "</cto-cio-quiz>\n<script type=\"module\" src=\"https://cdn.example/q/embed.js?v=&quot;1&quot;\"></script>\n"
    ));
    assert_well_formed(&html);
}

/// The pages that ship the article inside their element, kept current by
/// `cargo run --example snippet -- --demo <page>`.
const PAGES_WITH_THE_ARTICLE: [(&str, &str); 2] = [
    ("index.html", DEMO_INDEX),
    ("frame.html", include_str!("../../frame.html")),
];

#[test]
fn every_page_carries_the_generated_article() {
    for (name, page) in PAGES_WITH_THE_ARTICLE {
        let expected =
            with_article(page, &ARTICLE).unwrap_or_else(|| panic!("{name} has no <cto-cio-quiz>"));
        assert!(
            expected == page,
            "{name}'s copy of the article drifted from src/content: run \
             `cargo run --example snippet -- --demo {name}`"
        );
    }
}

#[test]
fn with_article_replaces_only_the_children() {
    let page = "<p>before</p>\n    <cto-cio-quiz id=\"q\">\n      <p>stale fallback</p>\n    </cto-cio-quiz>\n<p>after</p>\n";
    let out = with_article(page, &ARTICLE).expect("element");
    assert!(out.starts_with("<p>before</p>\n    <cto-cio-quiz id=\"q\">\n      <h2>CTO vs CIO"));
    assert!(out.ends_with("</p>\n    </cto-cio-quiz>\n<p>after</p>\n"));
    assert!(!out.contains("stale fallback"));
    assert_eq!(with_article(&out, &ARTICLE).as_deref(), Some(out.as_str()));
    assert_eq!(with_article("<p>no widget</p>", &ARTICLE), None);
}

/// Elements that never have a closing tag.
const VOID: [&str; 6] = ["meta", "link", "br", "hr", "img", "input"];

/// Panics unless every tag of `html` is closed in order, attribute values are quoted, and every
/// `&` starts a character reference: a small checker for the markup this module writes (the Nu
/// HTML checker agrees on `dist/snippet.html`; see the report of issue 11).
fn assert_well_formed(html: &str) {
    let mut open: Vec<String> = Vec::new();
    let mut rest = html;
    let mut text = String::new();
    while let Some(at) = rest.find('<') {
        text.push_str(&rest[..at]);
        rest = &rest[at..];
        if let Some(after) = rest.strip_prefix("<!--") {
            let end = after.find("-->").expect("unclosed comment");
            rest = &after[end + 3..];
            continue;
        }
        let end = rest.find('>').expect("unclosed tag");
        let tag = &rest[1..end];
        rest = &rest[end + 1..];
        if tag.starts_with('!') {
            continue; // doctype
        }
        if let Some(name) = tag.strip_prefix('/') {
            let top = open.pop();
            assert_eq!(top.as_deref(), Some(name), "</{name}> closes {top:?}");
            continue;
        }
        assert!(!tag.contains('<'), "'<' inside the tag <{tag}>");
        let name = tag
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        assert!(
            !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'),
            "bad tag <{tag}>"
        );
        let attrs = &tag[name.len()..];
        assert_eq!(
            attrs.matches('"').count() % 2,
            0,
            "unbalanced quotes in <{tag}>"
        );
        for attr in attrs.split('"').step_by(2) {
            for part in attr.split_whitespace() {
                assert!(
                    part.ends_with('=') || !part.contains('='),
                    "unquoted attribute value in <{tag}>"
                );
            }
        }
        if !VOID.contains(&name.as_str()) {
            open.push(name);
        }
    }
    text.push_str(rest);
    assert!(open.is_empty(), "never closed: {open:?}");
    assert!(!text.contains('>'), "a raw '>' in text");
    for (at, _) in text.match_indices('&') {
        let reference = &text[at..];
        let end = reference.find(';').expect("'&' without ';'");
        assert!(
            reference[1..end]
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '#')
                && end > 1,
            "'&' that starts no character reference: {}",
            &reference[..end.min(12)]
        );
    }
}

#[test]
fn the_checker_rejects_broken_markup() {
    for broken in [
        "<p>open",
        "<p><b>x</p></b>",
        "<p class=x>y</p>",
        "<p>R&D</p>",
        "<p>a > b</p>",
        "</p>",
    ] {
        let result = std::panic::catch_unwind(|| assert_well_formed(broken));
        assert!(result.is_err(), "accepted: {broken}");
    }
    assert_well_formed("<!doctype html><p class=\"a\">R&amp;D <br> x</p><!-- <b> -->");
}

#[test]
fn the_demo_pages_are_well_formed() {
    assert_well_formed(DEMO_INDEX);
    assert_well_formed(DEMO_QUIZ_ONLY);
}
