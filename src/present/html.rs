//! Inert HTML for content that never changes once mounted: the article's sections. One string per
//! section costs the wasm a few string pushes instead of the build code of every element type
//! (about 7 KB brotli of view code), and the browser parses it in one step.
//!
//! Only the crate's own constants (`content::ARTICLE`) go through here, and every piece of text or
//! attribute value passes [`crate::html::escape`], the one escaping function; attribute values, saved state and
//! network replies are always rendered by the views as text, never as HTML.

use crate::content::{Block, Dimension, RolePair, Section};
use crate::html::escape;

fn push_escaped(out: &mut String, text: &str) {
    out.push_str(&escape(text));
}

/// The id of the heading that names the element with id `id` (its `aria-labelledby`).
pub fn heading_id(id: &str) -> String {
    [id, "-title"].concat()
}

/// Everything inside a section's `<section>` element: its focusable `h3` (the widget's title is the
/// `h2`), then its blocks.
pub fn section_body(section: &Section) -> String {
    let mut out = String::with_capacity(2048);
    let mut html = Html(&mut out);
    html.open("h3", &[("id", &heading_id(section.id)), ("tabindex", "-1")]);
    html.text(section.heading);
    html.close("h3");
    for block in section.blocks {
        html.block(block);
    }
    out
}

/// Writes elements with escaped text and attribute values.
struct Html<'a>(&'a mut String);

impl Html<'_> {
    fn open(&mut self, tag: &str, attributes: &[(&str, &str)]) {
        self.0.push('<');
        self.0.push_str(tag);
        for (name, value) in attributes {
            self.0.push(' ');
            self.0.push_str(name);
            self.0.push_str("=\"");
            push_escaped(self.0, value);
            self.0.push('"');
        }
        self.0.push('>');
    }

    fn close(&mut self, tag: &str) {
        self.0.push_str("</");
        self.0.push_str(tag);
        self.0.push('>');
    }

    fn text(&mut self, text: &str) {
        push_escaped(self.0, text);
    }

    /// `<tag attributes>text</tag>`.
    fn element(&mut self, tag: &str, attributes: &[(&str, &str)], text: &str) {
        self.open(tag, attributes);
        self.text(text);
        self.close(tag);
    }

    fn block(&mut self, block: &Block) {
        match block {
            Block::Paragraph(text) => self.element("p", &[], text),
            Block::Bullets(items) => {
                self.open("ul", &[("class", "ccq-bullets")]);
                for item in *items {
                    self.element("li", &[], item);
                }
                self.close("ul");
            }
            Block::RolePair(pair) => self.role_pair(pair),
            Block::Comparison(dimensions) => self.comparison(dimensions),
        }
    }

    /// The analogy's two roles as two cards, CTO first.
    fn role_pair(&mut self, pair: &RolePair) {
        self.open("div", &[("class", "ccq-pair")]);
        self.role_card("cto", pair.cto_label, pair.cto);
        self.role_card("cio", pair.cio_label, pair.cio);
        self.close("div");
    }

    /// One role's side of a pair, marked by colour AND by its label (never colour alone).
    fn role_card(&mut self, role: &str, label: &str, text: &str) {
        self.open("div", &[("class", &["ccq-role ccq-role-", role].concat())]);
        self.element("p", &[("class", "ccq-role-label")], label);
        self.element("p", &[], text);
        self.close("div");
    }

    /// The five differences: a chip nav of in-widget links (`data-reveal`, resolved by the app's one
    /// click handler), then a row per dimension, each readable on its own (a heading and both sides).
    fn comparison(&mut self, dimensions: &[Dimension]) {
        self.open(
            "nav",
            &[
                ("class", "ccq-dims-nav"),
                ("aria-label", "The five differences"),
            ],
        );
        self.open("ul", &[]);
        for dimension in dimensions {
            self.open("li", &[]);
            let href = ["#", dimension.id].concat();
            self.element(
                "a",
                &[("href", &href), ("data-reveal", dimension.id)],
                dimension.heading,
            );
            self.close("li");
        }
        self.close("ul");
        self.close("nav");
        self.open("div", &[("class", "ccq-dims")]);
        for dimension in dimensions {
            let heading = heading_id(dimension.id);
            self.open(
                "div",
                &[
                    ("class", "ccq-dim"),
                    ("id", dimension.id),
                    ("role", "group"),
                    ("aria-labelledby", &heading),
                ],
            );
            self.element(
                "h4",
                &[("id", &heading), ("tabindex", "-1")],
                dimension.heading,
            );
            self.open("div", &[("class", "ccq-pair")]);
            self.role_card("cto", "CTO", dimension.cto);
            self.role_card("cio", "CIO", dimension.cio);
            self.close("div");
            self.close("div");
        }
        self.close("div");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::ARTICLE;

    static HOSTILE: Section = Section {
        id: "x\"><script>",
        heading: "<img src=x onerror=alert(1)>",
        blocks: &[
            Block::Paragraph("a < b & c"),
            Block::Bullets(&["</li><li>"]),
            Block::RolePair(RolePair {
                cto_label: "'",
                cto: "\"",
                cio_label: "<",
                cio: ">",
            }),
            Block::Comparison(&[Dimension {
                id: "d'",
                heading: "<b>",
                cto: "&",
                cio: "&amp;",
            }]),
        ],
    };

    #[test]
    fn no_content_text_can_open_an_element_or_leave_an_attribute() {
        let html = section_body(&HOSTILE);
        assert!(!html.contains("<img"), "{html}");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<b>"), "{html}");
        assert!(!html.contains("</li><li>"), "{html}");
        assert!(
            html.contains(r#"<h3 id="x&quot;&gt;&lt;script&gt;-title" tabindex="-1">"#),
            "{html}"
        );
        assert!(html.contains("<p>a &lt; b &amp; c</p>"), "{html}");
        assert!(html.contains(r#"data-reveal="d&#39;""#), "{html}");
        assert!(html.contains("<p>&amp;amp;</p>"), "{html}");
    }

    #[test]
    fn a_section_renders_its_heading_and_blocks_in_order() {
        static SECTION: Section = Section {
            id: "s",
            heading: "Heading",
            blocks: &[
                Block::Paragraph("First."),
                Block::Bullets(&["one", "two"]),
                Block::RolePair(RolePair {
                    cto_label: "The engineer",
                    cto: "Builds.",
                    cio_label: "The mechanic",
                    cio: "Runs.",
                }),
            ],
        };
        assert_eq!(
            section_body(&SECTION),
            concat!(
                r#"<h3 id="s-title" tabindex="-1">Heading</h3>"#,
                "<p>First.</p>",
                r#"<ul class="ccq-bullets"><li>one</li><li>two</li></ul>"#,
                r#"<div class="ccq-pair">"#,
                r#"<div class="ccq-role ccq-role-cto"><p class="ccq-role-label">The engineer</p><p>Builds.</p></div>"#,
                r#"<div class="ccq-role ccq-role-cio"><p class="ccq-role-label">The mechanic</p><p>Runs.</p></div>"#,
                "</div>",
            )
        );
    }

    #[test]
    fn the_comparison_has_a_link_and_a_labelled_group_per_dimension() {
        static SECTION: Section = Section {
            id: "d",
            heading: "Differences",
            blocks: &[Block::Comparison(&[Dimension {
                id: "focus",
                heading: "Focus areas",
                cto: "Product.",
                cio: "Operations.",
            }])],
        };
        let html = section_body(&SECTION);
        assert!(
            html.contains(concat!(
                r#"<nav class="ccq-dims-nav" aria-label="The five differences"><ul>"#,
                r##"<li><a href="#focus" data-reveal="focus">Focus areas</a></li></ul></nav>"##
            )),
            "{html}"
        );
        assert!(html.contains(concat!(
            r#"<div class="ccq-dim" id="focus" role="group" aria-labelledby="focus-title">"#,
            r#"<h4 id="focus-title" tabindex="-1">Focus areas</h4><div class="ccq-pair">"#,
            r#"<div class="ccq-role ccq-role-cto"><p class="ccq-role-label">CTO</p><p>Product.</p></div>"#
        )), "{html}");
    }

    #[test]
    fn every_article_section_keeps_its_words() {
        for section in ARTICLE.sections {
            let html = section_body(section);
            assert!(html.contains(&escape(section.heading)), "{}", section.id);
            for block in section.blocks {
                if let Block::Paragraph(text) = block {
                    assert!(html.contains(&escape(text)), "{}: {text}", section.id);
                }
            }
        }
    }
}
