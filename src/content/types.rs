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
    /// Every text the article shows, in order: the title, then each section's heading and its
    /// paragraphs, list items, role labels and both sides of each pair. For word-for-word checks.
    pub fn texts(&self) -> Vec<&'static str> {
        let mut texts = vec![self.title];
        for section in self.sections {
            texts.extend(section.texts());
        }
        texts
    }

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

impl Section {
    /// The section's heading, then its paragraphs, list items, role labels and both sides of
    /// each pair, in order.
    pub fn texts(&self) -> Vec<&'static str> {
        let mut texts = vec![self.heading];
        for block in self.blocks {
            match block {
                Block::Paragraph(text) => texts.push(text),
                Block::Bullets(items) => texts.extend(items.iter().copied()),
                Block::RolePair(pair) => {
                    texts.extend([pair.cto_label, pair.cto, pair.cio_label, pair.cio])
                }
                Block::Comparison(dimensions) => {
                    for dimension in dimensions.iter() {
                        texts.extend([dimension.heading, dimension.cto, dimension.cio]);
                    }
                }
            }
        }
        texts
    }
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

    /// The name a reader sees for this topic (breakdown, "Read more", advice): the heading of its
    /// section in the explainer, so one part of the article has one name everywhere. A test holds
    /// it equal to `ARTICLE.heading_of(self.section())`; a `match` keeps the lookup out of the view.
    pub fn label(self) -> &'static str {
        match self {
            Topic::Analogy => "Let’s set the scene",
            Topic::Impact => "The possible impact",
            Topic::Focus => "Focus areas",
            Topic::Priorities => "Strategic priorities",
            Topic::Stakeholders => "Key stakeholders",
            Topic::Metrics => "Success metrics",
            Topic::Leadership => "Leadership style",
            Topic::Together => "Why this will make you and your business tech savvy",
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

/// The form a question takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuestionKind {
    /// Recall of one attribute: "who …: the CTO, the CIO, or both?" ([`ROLE_OPTION_IDS`]).
    Classification,
    /// A new situation the reader settles with a distinction the article draws.
    Scenario,
    /// Three or four plausible options.
    MultipleChoice,
}

/// The ids, in their one fixed order, of the three-way "the CTO, the CIO, or both?" choice.
pub const ROLE_OPTION_IDS: [&str; 3] = ["cto", "cio", "both"];

impl Question {
    /// Whether this is the three-way role choice (the options are exactly [`ROLE_OPTION_IDS`]),
    /// whatever its kind: a classification or a scenario asking "who".
    pub fn is_role_choice(&self) -> bool {
        self.options.len() == ROLE_OPTION_IDS.len()
            && self
                .options
                .iter()
                .zip(ROLE_OPTION_IDS)
                .all(|(option, id)| option.id == id)
    }

    /// Whether this and `other` rest on a common sentence, so one attempt must not ask both.
    pub fn shares_a_sentence_with(&self, other: &Question) -> bool {
        self.rests_on & other.rests_on != 0
    }

    /// Whether the options may be shown in a shuffled order: all but the role choice, which reads
    /// and sits the same way in every question so a reader never hunts for "The CIO".
    pub fn shuffles_options(&self) -> bool {
        !self.is_role_choice()
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
    /// The article sentences the keyed answer and the explanation rest on, one bit each (see
    /// [`super::sentences`]). Two questions sharing a sentence never go into one attempt: the
    /// first would give the second away. 0 rests on nothing (test fixtures only).
    pub rests_on: u32,
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
