//! The blog owner's article as data: every sentence word for word, arranged into the sections the
//! explainer renders and the quiz links to (section ids and dimension ids are the anchors).
//!
//! Wording is the owner's and must not drift: keep the typographic apostrophes (’) and dashes (—).
//! Headings drop the article's trailing colons, which read oddly as standalone headings, and are
//! all in sentence case (the article mixes Title Case in; the breakdown lists them side by side).

use super::types::{Article, Block, Dimension, RolePair, Section};

/// The quiz section's heading: it names all three answers a role choice offers.
pub const QUIZ_TITLE: &str = "Test yourself: CTO, CIO, or both?";

/// The whole article, in reading order.
pub static ARTICLE: Article = Article {
    title: "CTO vs CIO: who does what?",
    sections: &[
        Section {
            id: "intro",
            heading: "Introduction",
            blocks: &[Block::Paragraph(
                "You’ve probably heard the titles CTO (Chief Technology Officer) and CIO (Chief Information Officer) used in the same breath. \
                 But while these roles both involve technology leadership, they focus on very different priorities. \
                 Let’s break it down so you can see exactly how they work—and how they complement each other.",
            )],
        },
        Section {
            id: "analogy",
            heading: "Let’s set the scene",
            blocks: &[
                Block::Paragraph("Imagine your company as a high-performance race car."),
                Block::RolePair(RolePair {
                    cto_label: "The engineer",
                    cto: "The CTO is the engineer, focused on innovation and making the car faster, smarter, and more competitive.",
                    cio_label: "The mechanic",
                    cio: "The CIO is the mechanic, ensuring the car runs smoothly, reliably, and securely on race day.",
                }),
                Block::Paragraph(
                    "Both roles are vital for winning the race, but they tackle different aspects of the challenge.",
                ),
            ],
        },
        Section {
            id: "impact",
            heading: "The possible impact",
            // The article bullets its closing sentence with the risks; it is a conclusion, not a
            // risk ("businesses risk: getting these roles right…" reads wrongly), so it closes the
            // section as a paragraph instead.
            blocks: &[
                Block::Paragraph("Without clarity on these roles, businesses risk:"),
                Block::Bullets(&[
                    "Overloading one position with conflicting responsibilities.",
                    "Neglecting either innovation (driven by the CTO) or operational excellence (managed by the CIO).",
                    "Failing to align tech strategy with business goals due to miscommunication or gaps in leadership.",
                ]),
                Block::Paragraph(
                    "Getting these roles right ensures technology serves both today’s needs and tomorrow’s ambitions.",
                ),
            ],
        },
        Section {
            id: "differences",
            heading: "Let’s make this super simple",
            blocks: &[
                Block::Paragraph(
                    "Here’s how to understand the core differences between a CTO and a CIO:",
                ),
                Block::Comparison(&[
                    Dimension {
                        id: "focus",
                        heading: "Focus areas",
                        cto: "The CTO looks outward, driving innovation and creating technology solutions that give the company a competitive edge.",
                        cio: "The CIO looks inward, ensuring that the company’s internal systems, infrastructure, and IT services run efficiently.",
                    },
                    Dimension {
                        id: "priorities",
                        heading: "Strategic priorities",
                        cto: "CTOs prioritise future-facing initiatives, like product development, R&D, and emerging technologies.",
                        cio: "CIOs focus on current operations, like improving system performance, managing IT budgets, and ensuring cybersecurity.",
                    },
                    Dimension {
                        id: "stakeholders",
                        heading: "Key stakeholders",
                        cto: "CTOs often work closely with external teams—customers, investors, and product managers—to align tech strategy with market needs.",
                        cio: "CIOs collaborate with internal teams—HR, finance, and operations—to support business processes and employee productivity.",
                    },
                    Dimension {
                        id: "metrics",
                        heading: "Success metrics",
                        cto: "CTO success is measured by innovation, time-to-market for new products, and the business’s ability to adapt to change.",
                        cio: "CIO success is gauged by system reliability, cost efficiency, and operational performance.",
                    },
                    Dimension {
                        id: "leadership",
                        heading: "Leadership style",
                        cto: "Think of the CTO as a visionary, inspiring teams to explore the art of the possible.",
                        cio: "The CIO, meanwhile, is the steady hand, focused on delivering consistent, reliable results.",
                    },
                ]),
            ],
        },
        Section {
            id: "why",
            heading: "Why this will make you and your business tech savvy",
            // As in the impact section, the article's last bullet is the conclusion rather than a
            // third "world", so it follows the two-item list as a paragraph.
            blocks: &[
                Block::Paragraph(
                    "Understanding the distinct roles of a CTO and a CIO helps your business strike the right balance between innovation and operational excellence.",
                ),
                Block::Paragraph(
                    "When these roles are clearly defined, you get the best of both worlds:",
                ),
                Block::Bullets(&[
                    "Cutting-edge solutions from the CTO that keep you competitive.",
                    "Seamless, secure systems from the CIO that support your day-to-day needs.",
                ]),
                Block::Paragraph(
                    "Together, they create a technology leadership powerhouse that drives growth, efficiency, and resilience.",
                ),
            ],
        },
        Section {
            id: "newsletter",
            heading: "Want to learn more?",
            blocks: &[Block::Paragraph(
                "Subscribe to our newsletter below and keep your company’s cyber resilience strong.",
            )],
        },
    ],
};
