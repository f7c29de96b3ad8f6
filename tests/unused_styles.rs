//! Every class `style/widget.css` styles is one the widget can put on an element: a rule nothing
//! uses is bytes every reader downloads for nothing (two such rules had shipped since the first
//! commit). A class counts as used when some source file in `src/` names it whole, or names the
//! prefix it is built from (`"ccq-role-"` for `ccq-role-cto`).
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

const WIDGET_CSS: &str = include_str!("../style/widget.css");

/// `css` without its `/* … */` comments.
fn without_comments(css: &str) -> String {
    let mut bare = String::new();
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        bare.push_str(&rest[..start]);
        rest = rest[start..]
            .find("*/")
            .map_or("", |end| &rest[start + end + 2..]);
    }
    bare + rest
}

/// The distinct `ccq-…` class names the stylesheet's selectors name.
fn styled_classes(css: &str) -> Vec<String> {
    let css = without_comments(css);
    let mut classes: Vec<String> = css
        .match_indices(".ccq-")
        .map(|(at, _)| {
            css[at + 1..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                .collect()
        })
        .collect();
    classes.sort();
    classes.dedup();
    classes
}

/// The text of every `.rs` and `.js` file under `dir`.
fn sources(dir: &Path, out: &mut String) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            sources(&path, out);
        } else if path
            .extension()
            .is_some_and(|ext| ext == "rs" || ext == "js")
        {
            out.push_str(&std::fs::read_to_string(&path).expect("a source file"));
        }
    }
}

fn is_used(class: &str, code: &str) -> bool {
    code.contains(class)
        || class
            .match_indices('-')
            .skip(1)
            .any(|(at, _)| code.contains(&format!("\"{}", &class[..=at])))
}

#[test]
fn every_styled_class_is_used_by_the_widget() {
    let mut code = String::new();
    sources(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut code,
    );
    let classes = styled_classes(WIDGET_CSS);
    assert!(
        classes.len() > 20,
        "found only {classes:?} in style/widget.css"
    );
    let unused: Vec<&String> = classes.iter().filter(|c| !is_used(c, &code)).collect();
    assert!(
        unused.is_empty(),
        "style/widget.css styles classes no source in src/ uses: {unused:?}"
    );
}

#[test]
fn a_class_is_used_whole_or_through_its_prefix_only() {
    let code = r#"let a = "ccq-btn"; let b = ["ccq-role-", kind].concat();"#;
    assert!(is_used("ccq-btn", code));
    assert!(is_used("ccq-role-cto", code));
    assert!(!is_used("ccq-lede", code));
    // "ccq-" alone is everyone's prefix, not a use.
    assert!(!is_used("ccq-x", r#"let p = "ccq-";"#));
    assert_eq!(
        styled_classes("/* .ccq-old */ .ccq-a:hover, .ccq-b > .ccq-a { }"),
        ["ccq-a", "ccq-b"]
    );
}
