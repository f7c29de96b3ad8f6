//! The platform kits (`integrations/`) take from a post exactly the presentation attributes
//! `src/config.rs` names, and the site's settings (where sign-ups go, the privacy link, the
//! shared address) only from the site's configuration. Their end-to-end tests are in
//! `tests/e2e/tests/kits.rs`.
#![cfg(not(target_arch = "wasm32"))]

use cto_cio_quiz::config::{ATTRIBUTES, PRESENTATION_ATTRIBUTES};

const HUGO: &str = include_str!("../integrations/hugo/layouts/shortcodes/cto-cio-quiz.html");
const ELEVENTY: &str = include_str!("../integrations/eleventy/eleventy.js");
const WORDPRESS: &str = include_str!("../integrations/wordpress/cto-cio-quiz/includes/render.php");
const JEKYLL: &str = include_str!("../integrations/jekyll/_includes/cto-cio-quiz.html");

/// The site attributes: every attribute that is not a presentation one.
fn site_attributes() -> Vec<&'static str> {
    ATTRIBUTES
        .iter()
        .copied()
        .filter(|a| !PRESENTATION_ATTRIBUTES.contains(a))
        .collect()
}

/// The quoted names in the text between `start` and the next `end`.
fn names_between(text: &str, start: &str, end: &str) -> Vec<String> {
    let from = text.find(start).expect("start marker") + start.len();
    let block = &text[from..from + text[from..].find(end).expect("end marker")];
    block
        .lines()
        .filter_map(|line| {
            let line = line.trim();
            let quote = line.chars().next().filter(|c| matches!(c, '"' | '\''))?;
            let rest = &line[1..];
            Some(rest[..rest.find(quote)?].to_string())
        })
        .collect()
}

#[test]
fn hugo_checks_exactly_the_presentation_attributes() {
    let mut names = names_between(HUGO, "{{- $rules := dict", "-}}");
    names.sort();
    let mut want: Vec<String> = PRESENTATION_ATTRIBUTES
        .iter()
        .map(|s| s.to_string())
        .collect();
    want.sort();
    assert_eq!(names, want);
}

#[test]
fn eleventy_checks_exactly_the_presentation_attributes() {
    let mut names: Vec<String> = ELEVENTY[ELEVENTY.find("const RULES = {").unwrap()..]
        .lines()
        .skip(1)
        .take_while(|l| !l.starts_with("};"))
        .map(|l| {
            let key = l.trim().split(':').next().unwrap_or("");
            key.trim_matches('"').to_string()
        })
        .collect();
    names.sort();
    let mut want: Vec<String> = PRESENTATION_ATTRIBUTES
        .iter()
        .map(|s| s.to_string())
        .collect();
    want.sort();
    assert_eq!(names, want);
}

#[test]
fn wordpress_checks_exactly_the_presentation_attributes() {
    let mut names = names_between(WORDPRESS, "return array(", ");");
    names.sort();
    let mut want: Vec<String> = PRESENTATION_ATTRIBUTES
        .iter()
        .map(|s| s.to_string())
        .collect();
    want.sort();
    assert_eq!(names, want);
}

#[test]
fn the_site_attributes_come_from_the_site_s_configuration_in_every_kit() {
    for name in site_attributes() {
        for (kit, text) in [("hugo", HUGO), ("eleventy", ELEVENTY), ("jekyll", JEKYLL)] {
            assert!(
                text.contains(&format!("\"{name}\"")) || text.contains(&format!(" {name}=")),
                "{kit} does not set {name} from the site's settings"
            );
        }
    }
    // Jekyll's include reads the post's values from `include.`, the site's from `ccq.` only.
    for name in site_attributes() {
        let underscored = name.replace('-', "_");
        assert!(!JEKYLL.contains(&format!("include.{underscored}")));
        assert!(JEKYLL.contains(&format!("ccq.{underscored}")));
    }
    let settings = include_str!("../integrations/wordpress/cto-cio-quiz/includes/settings.php");
    for name in site_attributes() {
        assert!(
            settings.contains(&format!("'{name}'")),
            "WordPress has no setting for {name}"
        );
    }
}
