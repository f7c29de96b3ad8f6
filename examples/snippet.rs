//! Writes the article as static HTML from `src/content` (see `src/snippet.rs`).
//!
//! - `cargo run --example snippet -- OUT [EMBED_SRC]`: the blog owner's snippet into OUT (what
//!   `cargo xtask dist` runs for `dist/snippet.html`).
//! - `cargo run --example snippet -- --demo PAGE…`: refreshes the article inside each demo page's
//!   `<cto-cio-quiz>` after the content changed (a unit test fails until it is run).
//!
//! An example rather than a library call from xtask: xtask then needs no native build of the
//! widget crate (Leptos included) for its other commands, and this builds only for `dist`.

use std::process::ExitCode;

use cto_cio_quiz::content::ARTICLE;
use cto_cio_quiz::snippet::{snippet, with_article, DEFAULT_EMBED_SRC};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.split_first() {
        Some((flag, pages)) if flag == "--demo" && !pages.is_empty() => {
            pages.iter().try_for_each(|page| demo(page))
        }
        Some((out, rest)) if rest.len() <= 1 && !out.starts_with('-') => {
            let src = rest.first().map_or(DEFAULT_EMBED_SRC, String::as_str);
            write(out, &snippet(&ARTICLE, src))
        }
        _ => Err("usage: snippet OUT [EMBED_SRC] | snippet --demo PAGE…".to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("snippet: {message}");
            ExitCode::FAILURE
        }
    }
}

fn demo(page: &str) -> Result<(), String> {
    let html = std::fs::read_to_string(page).map_err(|e| format!("cannot read {page}: {e}"))?;
    let updated =
        with_article(&html, &ARTICLE).ok_or_else(|| format!("{page} has no <cto-cio-quiz>"))?;
    if updated != html {
        write(page, &updated)?;
        println!("updated the article in {page}");
    }
    Ok(())
}

fn write(path: &str, html: &str) -> Result<(), String> {
    std::fs::write(path, html).map_err(|e| format!("cannot write {path}: {e}"))
}
