//! The shapes of the widget's content: the article, the question bank and the result tiers.
//!
//! Everything is `&'static` data so the content costs no parsing at start-up and no allocation;
//! the data itself lives in the sibling modules and is checked by `validate`.

/// The article the explainer renders, in reading order.
#[derive(Debug)]
pub struct Article {
    /// The widget's own heading (an `h2` inside the host post).
    pub title: &'static str,
    pub sections: &'static [Section],
}

impl Article {
    /// The heading of the section or dimension with this anchor, for "Read more" links.
    pub fn heading_of(&self, anchor: &str) -> Option<&'static str> {
        for section in self.sections {
            if section.id == anchor {
                return Some(section.heading);
            }
            for block in section.blocks {
                if let Block::Comparison(dimensions) = block {
                    if let Some(dimension) = dimensions.iter().find(|d| d.id == anchor) {
                        return Some(dimension.heading);
                    }
                }
            }
        }
        None
    }
}

/// One section of the article; `id` is the in-widget anchor the quiz links to.
#[derive(Debug)]
pub struct Section {
    pub id: &'static str,
    pub heading: &'static str,
    pub blocks: &'static [Block],
}

/// A piece of a section's body. Text is always rendered as text, never as HTML.
#[derive(Debug)]
pub enum Block {
    Paragraph(&'static str),
    Bullets(&'static [&'static str]),
    /// The same idea seen from each role, shown side by side (the race-car analogy).
    RolePair(RolePair),
    /// The core differences, one row per dimension, each with its own anchor.
    Comparison(&'static [Dimension]),
}

/// What the CTO and the CIO each stand for on one idea, in the article's words.
#[derive(Debug)]
pub struct RolePair {
    /// A short label for the CTO side, e.g. "The engineer".
    pub cto_label: &'static str,
    pub cto: &'static str,
    /// A short label for the CIO side, e.g. "The mechanic".
    pub cio_label: &'static str,
    pub cio: &'static str,
}

/// One of the five core differences between the roles.
#[derive(Debug)]
pub struct Dimension {
    /// In-widget anchor, e.g. `focus`.
    pub id: &'static str,
    pub heading: &'static str,
    pub cto: &'static str,
    pub cio: &'static str,
}

/// What part of the article a question tests; the results break the score down by topic.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Topic {
    Analogy,
    Impact,
    Focus,
    Priorities,
    Stakeholders,
    Metrics,
    Leadership,
    Together,
}

impl Topic {
    /// Every topic, in the article's order.
    pub const ALL: [Topic; 8] = [
        Topic::Analogy,
        Topic::Impact,
        Topic::Focus,
        Topic::Priorities,
        Topic::Stakeholders,
        Topic::Metrics,
        Topic::Leadership,
        Topic::Together,
    ];

    /// The name a reader sees in the per-topic breakdown.
    pub fn label(self) -> &'static str {
        match self {
            Topic::Analogy => "The race-car analogy",
            Topic::Impact => "The possible impact",
            Topic::Focus => "Focus areas",
            Topic::Priorities => "Strategic priorities",
            Topic::Stakeholders => "Key stakeholders",
            Topic::Metrics => "Success metrics",
            Topic::Leadership => "Leadership style",
            Topic::Together => "Why both roles matter together",
        }
    }

    /// The explainer anchor to re-read for this topic.
    pub fn section(self) -> &'static str {
        match self {
            Topic::Analogy => "analogy",
            Topic::Impact => "impact",
            Topic::Focus => "focus",
            Topic::Priorities => "priorities",
            Topic::Stakeholders => "stakeholders",
            Topic::Metrics => "metrics",
            Topic::Leadership => "leadership",
            Topic::Together => "why",
        }
    }
}

/// The form a question takes; it decides whether option order may be shuffled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuestionKind {
    /// "CTO, CIO or both?": the options keep their fixed order.
    Classification,
    /// A workplace situation whose answer follows from the article.
    Scenario,
    /// Three or four plausible options.
    MultipleChoice,
}

impl QuestionKind {
    /// Whether the options may be shown in a shuffled order.
    pub fn shuffles_options(self) -> bool {
        !matches!(self, QuestionKind::Classification)
    }
}

/// One quiz question with its answer and its link back to the article.
#[derive(Debug)]
pub struct Question {
    /// Stable id, stored in the reader's saved progress: never reuse one for a different question.
    pub id: &'static str,
    pub kind: QuestionKind,
    pub topic: Topic,
    /// The explainer anchor the "Read more" link goes to.
    pub section: &'static str,
    pub prompt: &'static str,
    pub options: &'static [AnswerOption],
    /// One or two sentences, shown after the reader checks an answer.
    pub explanation: &'static str,
}

/// One choice of a question.
#[derive(Debug)]
pub struct AnswerOption {
    /// Stable within its question, stored in saved progress.
    pub id: &'static str,
    pub text: &'static str,
    pub correct: bool,
}

/// A result band: the reader's percentage picks the tier with the highest `min_percent` it reaches.
#[derive(Debug)]
pub struct Tier {
    /// Stable id, sent to the host page in the `complete` event and usable as a newsletter tag.
    pub id: &'static str,
    pub min_percent: u8,
    pub title: &'static str,
    /// One line of advice in the spirit of the race-car analogy.
    pub advice: &'static str,
}
