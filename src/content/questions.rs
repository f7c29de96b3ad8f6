//! The quiz's question bank, drawn strictly from the article: every correct answer and every
//! explanation rests on a sentence in [`super::ARTICLE`], and every distractor is wrong by it.
//!
//! Ids are stored in readers' saved progress: never reuse an id for a different question, and
//! retire an id rather than rewriting its question into another one.

use super::types::{AnswerOption, Question, QuestionKind, Topic};

const fn right(id: &'static str, text: &'static str) -> AnswerOption {
    AnswerOption {
        id,
        text,
        correct: true,
    }
}

const fn wrong(id: &'static str, text: &'static str) -> AnswerOption {
    AnswerOption {
        id,
        text,
        correct: false,
    }
}

// Every "the CTO, the CIO, or both?" choice, classification or scenario, shares these option sets,
// so the three choices read the same and sit in the same order everywhere (the engine never
// shuffles a role choice; `validate` holds the texts and the prompt's ending to this).
static IS_CTO: &[AnswerOption] = &[
    right("cto", "The CTO"),
    wrong("cio", "The CIO"),
    wrong("both", "Both"),
];
static IS_CIO: &[AnswerOption] = &[
    wrong("cto", "The CTO"),
    right("cio", "The CIO"),
    wrong("both", "Both"),
];
static IS_BOTH: &[AnswerOption] = &[
    wrong("cto", "The CTO"),
    wrong("cio", "The CIO"),
    right("both", "Both"),
];

/// Every question, grouped in the article's order; the quiz engine decides the order it asks them in.
///
/// Each explanation quotes only the words its own answer rests on, never a fact another question
/// asks about (the content style tests hold every pair to that).
pub static QUESTIONS: &[Question] = &[
    // The race-car analogy.
    Question {
        id: "analogy-engineer",
        kind: QuestionKind::MultipleChoice,
        topic: Topic::Analogy,
        section: "analogy",
        prompt: "The article imagines your company as a high-performance race car. Who is the CTO in that picture?",
        options: &[
            wrong("a", "The driver"),
            wrong("b", "The mechanic"),
            right("c", "The engineer"),
            wrong("d", "The team owner"),
        ],
        explanation: "“The CTO is the engineer,” says the article, in its picture of your company as a race car.",
    },
    Question {
        id: "analogy-race-day",
        kind: QuestionKind::Classification,
        topic: Topic::Analogy,
        section: "analogy",
        prompt: "In the race-car analogy, who ensures the car runs smoothly, reliably, and securely on race day: the CTO, the CIO, or both?",
        options: IS_CIO,
        explanation: "The article casts the CIO as the one “ensuring the car runs smoothly, reliably, and securely on race day.”",
    },
    Question {
        id: "analogy-winning",
        kind: QuestionKind::Classification,
        topic: Topic::Analogy,
        section: "analogy",
        prompt: "In the race-car analogy, who is vital for winning the race: the CTO, the CIO, or both?",
        options: IS_BOTH,
        explanation: "The article: “Both roles are vital for winning the race, but they tackle different aspects of the challenge.”",
    },
    Question {
        id: "analogy-aero-upgrade",
        kind: QuestionKind::Scenario,
        topic: Topic::Analogy,
        section: "analogy",
        prompt: "In the article’s race-car picture, the team designs a new aerodynamic package so the car can outpace its rivals. Who in the analogy is behind that change: the CTO, the CIO, or both?",
        options: IS_CTO,
        explanation: "The article’s CTO is focused on “making the car faster, smarter, and more competitive.”",
    },
    // The possible impact.
    Question {
        id: "impact-one-exec-torn",
        kind: QuestionKind::Scenario,
        topic: Topic::Impact,
        section: "impact",
        prompt: "A growing company hands one executive both the new-product roadmap and the day-to-day running of internal IT, and they are constantly torn between the two. Which risk from the article is this?",
        options: &[
            wrong("a", "Failing to align tech strategy with business goals"),
            right("b", "Overloading one position with conflicting responsibilities"),
            wrong("c", "Miscommunication between two separate technology leaders"),
        ],
        explanation: "The article’s first risk of unclear roles: “Overloading one position with conflicting responsibilities.” Here the work of two roles shares one desk.",
    },
    Question {
        id: "impact-who-drives-what",
        kind: QuestionKind::MultipleChoice,
        topic: Topic::Impact,
        section: "impact",
        prompt: "Without clear roles, the article warns, a business may neglect one of two things. How does it divide them between the roles?",
        options: &[
            right("a", "The CTO drives innovation; the CIO manages operational excellence"),
            wrong("b", "The CIO drives innovation; the CTO manages operational excellence"),
            wrong("c", "Both share innovation; the CIO alone manages operational excellence"),
            wrong("d", "Both share operational excellence; the CTO alone drives innovation"),
        ],
        explanation: "The article speaks of neglecting “innovation (driven by the CTO)” or “operational excellence (managed by the CIO).”",
    },
    Question {
        id: "impact-today-tomorrow",
        kind: QuestionKind::MultipleChoice,
        topic: Topic::Impact,
        section: "impact",
        prompt: "Getting these roles right, says the article, ensures technology serves what?",
        options: &[
            wrong("a", "Today’s needs first, then tomorrow’s ambitions"),
            wrong("b", "Tomorrow’s ambitions ahead of today’s needs"),
            right("c", "Both today’s needs and tomorrow’s ambitions"),
            wrong("d", "Customers’ needs and investors’ ambitions"),
        ],
        explanation: "The article: “Getting these roles right ensures technology serves both today’s needs and tomorrow’s ambitions.”",
    },
    Question {
        id: "impact-leaders-not-talking",
        kind: QuestionKind::Scenario,
        topic: Topic::Impact,
        section: "impact",
        prompt: "A company has both a CTO and a CIO, but they rarely talk, and its technology plans drift away from what the business is trying to achieve. Which risk from the article is this?",
        options: &[
            right("a", "Failing to align tech strategy with business goals"),
            wrong("b", "Overloading one position with conflicting responsibilities"),
            wrong("c", "Neglecting operational excellence in favour of innovation"),
        ],
        explanation: "The article’s third risk: “Failing to align tech strategy with business goals due to miscommunication or gaps in leadership.”",
    },
    // Focus areas.
    Question {
        id: "focus-inward",
        kind: QuestionKind::Classification,
        topic: Topic::Focus,
        section: "focus",
        prompt: "Who looks inward, ensuring the company’s internal systems, infrastructure, and IT services run efficiently: the CTO, the CIO, or both?",
        options: IS_CIO,
        explanation: "The article: “The CIO looks inward, ensuring that the company’s internal systems, infrastructure, and IT services run efficiently.”",
    },
    Question {
        id: "focus-rival-feature",
        kind: QuestionKind::Scenario,
        topic: Topic::Focus,
        section: "focus",
        prompt: "A competitor ships a feature your customers love, and the board wants a technology answer that puts you back ahead. By the article’s focus areas, who leads that: the CTO, the CIO, or both?",
        options: IS_CTO,
        explanation: "The article: “The CTO looks outward, … creating technology solutions that give the company a competitive edge.”",
    },
    // Strategic priorities.
    Question {
        id: "priorities-emerging-tech",
        kind: QuestionKind::Classification,
        topic: Topic::Priorities,
        section: "priorities",
        prompt: "Who prioritises emerging technologies as a future-facing initiative: the CTO, the CIO, or both?",
        options: IS_CTO,
        explanation: "The article: “CTOs prioritise future-facing initiatives, like … emerging technologies.”",
    },
    Question {
        id: "priorities-pen-test",
        kind: QuestionKind::Scenario,
        topic: Topic::Priorities,
        section: "priorities",
        prompt: "A penetration test shows that attackers could break into the company’s network. By the article’s strategic priorities, who sees to closing the gaps: the CTO, the CIO, or both?",
        options: IS_CIO,
        explanation: "The article lists “ensuring cybersecurity” among the current operations CIOs focus on.",
    },
    Question {
        id: "priorities-cto-list",
        kind: QuestionKind::MultipleChoice,
        topic: Topic::Priorities,
        section: "priorities",
        prompt: "Which of these does the article list as a CTO priority?",
        options: &[
            wrong("a", "Running the IT service desk"),
            wrong("b", "Negotiating supplier contracts"),
            wrong("c", "Improving system performance"),
            right("d", "Product development"),
        ],
        explanation: "The article: “CTOs prioritise future-facing initiatives, like product development…”",
    },
    Question {
        id: "priorities-research-lab",
        kind: QuestionKind::Scenario,
        topic: Topic::Priorities,
        section: "priorities",
        prompt: "The company sets up a small lab to research technology it may not use for years. By the article’s strategic priorities, who drives that: the CTO, the CIO, or both?",
        options: IS_CTO,
        explanation: "Research is “R&D”, one of the future-facing initiatives the article says CTOs prioritise.",
    },
    // Key stakeholders.
    Question {
        id: "stakeholders-external",
        kind: QuestionKind::Classification,
        topic: Topic::Stakeholders,
        section: "stakeholders",
        prompt: "Who often works closely with customers, investors, and product managers: the CTO, the CIO, or both?",
        options: IS_CTO,
        explanation: "The article says “CTOs often work closely with external teams”: customers, investors, and product managers.",
    },
    Question {
        id: "stakeholders-month-end-crash",
        kind: QuestionKind::Scenario,
        topic: Topic::Stakeholders,
        section: "stakeholders",
        prompt: "It’s month-end close, and the finance team wants a technology leader at its side to keep its processes running. According to the article’s key stakeholders, who works with teams like that: the CTO, the CIO, or both?",
        options: IS_CIO,
        explanation: "The article says “CIOs collaborate with internal teams” and names finance among them.",
    },
    Question {
        id: "stakeholders-cio-why",
        kind: QuestionKind::MultipleChoice,
        topic: Topic::Stakeholders,
        section: "stakeholders",
        prompt: "The article names HR, finance, and operations as one role’s partners. What, according to it, is that collaboration for?",
        options: &[
            wrong("a", "To align tech strategy with market needs"),
            right("b", "To support business processes and employee productivity"),
            wrong("c", "To cut the time-to-market for the company’s new products"),
            wrong("d", "To explore the art of the possible"),
        ],
        explanation: "The article: that collaboration is “to support business processes and employee productivity.”",
    },
    // Success metrics.
    Question {
        id: "metrics-cost-efficiency",
        kind: QuestionKind::Classification,
        topic: Topic::Metrics,
        section: "metrics",
        prompt: "By the article, who has their success gauged by cost efficiency: the CTO, the CIO, or both?",
        options: IS_CIO,
        explanation: "The article gauges CIO success by, among other things, “cost efficiency”.",
    },
    Question {
        id: "metrics-cto-scorecard",
        kind: QuestionKind::Scenario,
        topic: Topic::Metrics,
        section: "metrics",
        prompt: "The board is drawing up a scorecard for its CTO. Which set of measures matches the article?",
        options: &[
            wrong("a", "Profit margin, share price, and market share"),
            right("b", "Innovation, time-to-market, and the ability to adapt"),
            wrong("c", "Customer count, investor interest, and R&D budget size"),
        ],
        explanation: "The article: “CTO success is measured by innovation, time-to-market for new products, and the business’s ability to adapt to change.”",
    },
    Question {
        id: "metrics-outage-free-year",
        kind: QuestionKind::Scenario,
        topic: Topic::Metrics,
        section: "metrics",
        prompt: "After a year in which the company’s systems almost never went down, the board reviews its technology leaders. By the article’s success metrics, who can claim that record: the CTO, the CIO, or both?",
        options: IS_CIO,
        explanation: "The article gauges CIO success by “system reliability” first of all.",
    },
    // Leadership style.
    Question {
        id: "leadership-art-of-possible",
        kind: QuestionKind::Classification,
        topic: Topic::Leadership,
        section: "leadership",
        prompt: "Who inspires teams to explore the art of the possible: the CTO, the CIO, or both?",
        options: IS_CTO,
        explanation: "The article’s CTO is the one “inspiring teams to explore the art of the possible.”",
    },
    Question {
        id: "leadership-cio-style",
        kind: QuestionKind::MultipleChoice,
        topic: Topic::Leadership,
        section: "leadership",
        prompt: "How does the article describe the CIO’s leadership style?",
        options: &[
            wrong("a", "The visionary"),
            right("b", "The steady hand"),
            wrong("c", "The gatekeeper"),
            wrong("d", "The disruptor"),
        ],
        explanation: "The article: “The CIO, meanwhile, is the steady hand…”",
    },
    Question {
        id: "leadership-bold-pitch",
        kind: QuestionKind::Scenario,
        topic: Topic::Leadership,
        section: "leadership",
        prompt: "A start-up wants a leader who paints a bold picture of what its technology could become and fires teams up to chase it. By the article’s leadership styles, who fits: the CTO, the CIO, or both?",
        options: IS_CTO,
        explanation: "The article asks you to “think of the CTO as a visionary”.",
    },
    // Why both roles matter together.
    Question {
        id: "together-balance",
        kind: QuestionKind::MultipleChoice,
        topic: Topic::Together,
        section: "why",
        prompt: "According to the article, understanding the two roles helps a business strike the right balance between what?",
        options: &[
            wrong("a", "Short-term savings and long-term investment"),
            right("b", "Innovation and operational excellence"),
            wrong("c", "Customer needs and investor demands"),
            wrong("d", "Security and ease of use for employees"),
        ],
        explanation: "The article’s last section opens: “Understanding the distinct roles of a CTO and a CIO helps your business strike the right balance between innovation and operational excellence.”",
    },
    Question {
        id: "together-seamless-systems",
        kind: QuestionKind::Classification,
        topic: Topic::Together,
        section: "why",
        prompt: "Who brings the seamless, secure systems that support your day-to-day needs: the CTO, the CIO, or both?",
        options: IS_CIO,
        explanation: "Of the best of both worlds, the article credits “seamless, secure systems” to the CIO.",
    },
    Question {
        id: "together-powerhouse",
        kind: QuestionKind::Classification,
        topic: Topic::Together,
        section: "why",
        prompt: "Who creates a technology leadership powerhouse that drives growth, efficiency, and resilience: the CTO, the CIO, or both?",
        options: IS_BOTH,
        explanation: "The article: “Together, they create a technology leadership powerhouse that drives growth, efficiency, and resilience.”",
    },
];
