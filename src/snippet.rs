//! The article as static HTML: the snippet a blog owner pastes (`dist/snippet.html`, written by
//! `cargo xtask dist` through `examples/snippet.rs`). Its `<cto-cio-quiz>` element holds the whole
//! article as plain semantic HTML, so crawlers, RSS and reader modes, readers without JavaScript and
//! readers whose browser cannot run the widget get the article itself; once the widget is ready its
//! shadow root (which has no `<slot>` then) takes the element's place, so nobody sees it twice.
//!
//! Rendered from `content::ARTICLE` by plain Rust rather than the Leptos views: it needs no
//! browser, and every text goes through [`crate::html::escape`]. Headings follow the widget's:
//! the title is an `h2` (inside the host post), sections are `h3`; the race-car pair and the five
//! differences are definition lists, which read well unstyled, in a feed or in reader mode.

use crate::content::{Article, Block, Section};
use crate::html::escape;

/// Where the README tells blog owners to put the bundle; the snippet's comment says to adjust it.
pub const DEFAULT_EMBED_SRC: &str = "/widgets/cto-cio-quiz/embed.js";

/// The whole snippet: a comment, the element with the article inside and the loader's script tag.
pub fn snippet(article: &Article, embed_src: &str) -> String {
    let mut out = String::from(
        "<!-- cto-cio-quiz: paste this where the widget belongs. The element’s content is the article\n     \
         itself, for search engines, feeds and readers whose browser cannot run the widget; the widget\n     \
         replaces it once ready. Point src at the folder you copied dist/ to. -->\n",
    );
    out.push_str("<cto-cio-quiz storage-key=\"cto-cio-quiz\">\n");
    out.push_str(&article_html(article, "  "));
    out.push_str("</cto-cio-quiz>\n<script type=\"module\" src=\"");
    out.push_str(&escape(embed_src));
    out.push_str("\"></script>\n");
    out
}

/// The article as the element's light-DOM children, one tag per line, each line starting with
/// `indent`.
pub fn article_html(article: &Article, indent: &str) -> String {
    let mut out = Out {
        html: String::new(),
        indent,
    };
    out.line(1, "h2", article.title);
    for section in article.sections {
        render_section(&mut out, section);
    }
    out.html
}

fn render_section(out: &mut Out, section: &Section) {
    out.line(1, "h3", section.heading);
    for block in section.blocks {
        match block {
            Block::Paragraph(text) => out.line(1, "p", text),
            Block::Bullets(items) => {
                out.open(1, "ul");
                for item in *items {
                    out.line(2, "li", item);
                }
                out.close(1, "ul");
            }
            Block::RolePair(pair) => {
                out.open(1, "dl");
                out.line(2, "dt", pair.cto_label);
                out.line(2, "dd", pair.cto);
                out.line(2, "dt", pair.cio_label);
                out.line(2, "dd", pair.cio);
                out.close(1, "dl");
            }
            Block::Comparison(dimensions) => {
                out.open(1, "dl");
                for dimension in *dimensions {
                    out.line(2, "dt", dimension.heading);
                    out.line(2, "dd", dimension.cto);
                    out.line(2, "dd", dimension.cio);
                }
                out.close(1, "dl");
            }
        }
    }
}

/// The HTML being written. Tags are crate constants; only text is escaped.
struct Out<'a> {
    html: String,
    indent: &'a str,
}

impl Out<'_> {
    fn pad(&mut self, depth: usize) {
        self.html.push_str(self.indent);
        for _ in 1..depth {
            self.html.push_str("  ");
        }
    }

    /// `<tag>text</tag>` on a line of its own.
    fn line(&mut self, depth: usize, tag: &str, text: &str) {
        self.pad(depth);
        self.html
            .push_str(&["<", tag, ">", &escape(text), "</", tag, ">\n"].concat());
    }

    fn open(&mut self, depth: usize, tag: &str) {
        self.pad(depth);
        self.html.push_str(&["<", tag, ">\n"].concat());
    }

    fn close(&mut self, depth: usize, tag: &str) {
        self.pad(depth);
        self.html.push_str(&["</", tag, ">\n"].concat());
    }
}

/// `page` with the children of its first `<cto-cio-quiz …>` element replaced by `article`, indented
/// one step deeper than the element, or `None` if it has no such element. Keeps the demo posts' copy
/// of the article in step with the content (`cargo run --example snippet -- --demo index.html`; a
/// test fails when it drifts).
pub fn with_article(page: &str, article: &Article) -> Option<String> {
    let open = page.find("<cto-cio-quiz")?;
    let body = open + page[open..].find('>')? + 1;
    let close = body + page[body..].find("</cto-cio-quiz>")?;
    let open_line = page[..open].rfind('\n').map_or(0, |at| at + 1);
    let leading = page[open_line..open].len() - page[open_line..open].trim_start().len();
    let indent = [&page[open_line..open_line + leading], "  "].concat();
    // The closing tag keeps its own line and indentation when it has one.
    let close_line = page[..close].rfind('\n').map_or(close, |at| at + 1);
    let close_at = if page[close_line..close].trim().is_empty() {
        close_line
    } else {
        close
    };
    let children = article_html(article, &indent);
    Some([&page[..body], "\n", &children, &page[close_at..]].concat())
}

#[cfg(test)]
mod tests;
