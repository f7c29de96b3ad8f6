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

// "CTO, CIO or both?" questions share these fixed option sets, so the three choices always read
// the same and keep their order (classification options are never shuffled).
static IS_CTO: &[AnswerOption] = &[
    right("cto", "CTO"),
    wrong("cio", "CIO"),
    wrong("both", "Both"),
];
static IS_CIO: &[AnswerOption] = &[
    wrong("cto", "CTO"),
    right("cio", "CIO"),
    wrong("both", "Both"),
];
static IS_BOTH: &[AnswerOption] = &[
    wrong("cto", "CTO"),
    wrong("cio", "CIO"),
    right("both", "Both"),
];

/// Every question, grouped in the article's order; the quiz engine decides the order it asks them in.
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
        explanation: "The CTO is the engineer, focused on innovation and making the car faster, smarter and more competitive; the mechanic is the CIO.",
    },
    Question {
        id: "analogy-race-day",
        kind: QuestionKind::Classification,
        topic: Topic::Analogy,
        section: "analogy",
        prompt: "In the race-car analogy: ensures the car runs smoothly, reliably and securely on race day.",
        options: IS_CIO,
        explanation: "That is the mechanic, and the article casts the CIO as the mechanic; the CTO is the engineer making the car faster.",
    },
    Question {
        id: "analogy-winning",
        kind: QuestionKind::Classification,
        topic: Topic::Analogy,
        section: "analogy",
        prompt: "In the race-car analogy: vital for winning the race.",
        options: IS_BOTH,
        explanation: "“Both roles are vital for winning the race,” says the article; they just tackle different aspects of the challenge.",
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
        explanation: "The article’s first risk of unclear roles is overloading one position with conflicting responsibilities: here the CTO’s innovation work and the CIO’s operations share one desk.",
    },
    Question {
        id: "impact-who-drives-what",
        kind: QuestionKind::MultipleChoice,
        topic: Topic::Impact,
        section: "impact",
        prompt: "Without clear roles, the article warns, a business may neglect either innovation or operational excellence. Which role does it tie to each?",
        options: &[
            right("a", "CTO: innovation. CIO: operational excellence."),
            wrong("b", "CIO: innovation. CTO: operational excellence."),
            wrong("c", "CTO: both of them. CIO: the IT budget."),
            wrong("d", "Neither: both roles share each equally."),
        ],
        explanation: "The article speaks of innovation “driven by the CTO” and operational excellence “managed by the CIO”.",
    },
    Question {
        id: "impact-today-tomorrow",
        kind: QuestionKind::MultipleChoice,
        topic: Topic::Impact,
        section: "impact",
        prompt: "Getting these roles right, says the article, ensures technology serves…",
        options: &[
            wrong("a", "today’s needs before tomorrow’s ambitions"),
            wrong("b", "tomorrow’s ambitions ahead of today’s needs"),
            right("c", "both today’s needs and tomorrow’s ambitions"),
            wrong("d", "the IT department’s own long-term roadmap"),
        ],
        explanation: "Getting the roles right “ensures technology serves both today’s needs and tomorrow’s ambitions”: neither comes first.",
    },
    // Focus areas.
    Question {
        id: "focus-inward",
        kind: QuestionKind::Classification,
        topic: Topic::Focus,
        section: "focus",
        prompt: "Looks inward, making sure the company’s internal systems, infrastructure and IT services run efficiently.",
        options: IS_CIO,
        explanation: "The article’s CIO looks inward at internal systems, infrastructure and IT services; the CTO looks outward.",
    },
    Question {
        id: "focus-rival-feature",
        kind: QuestionKind::Scenario,
        topic: Topic::Focus,
        section: "focus",
        prompt: "A competitor ships a feature your customers love, and the board wants a technology answer that puts you back ahead. Whose focus area is that, by the article?",
        options: &[
            right("a", "The CTO’s"),
            wrong("b", "The CIO’s"),
            wrong("c", "Both, equally"),
        ],
        explanation: "The CTO looks outward, driving innovation and creating technology solutions that give the company a competitive edge.",
    },
    // Strategic priorities.
    Question {
        id: "priorities-emerging-tech",
        kind: QuestionKind::Classification,
        topic: Topic::Priorities,
        section: "priorities",
        prompt: "Prioritises R&D and emerging technologies.",
        options: IS_CTO,
        explanation: "R&D and emerging technologies are among the CTO’s future-facing initiatives, next to product development.",
    },
    Question {
        id: "priorities-pen-test",
        kind: QuestionKind::Scenario,
        topic: Topic::Priorities,
        section: "priorities",
        prompt: "A penetration test finds weak spots in the company’s internal systems. Ensuring cybersecurity is among whose priorities, according to the article?",
        options: &[
            wrong("a", "The CTO’s"),
            right("b", "The CIO’s"),
            wrong("c", "Both, equally"),
        ],
        explanation: "The article lists ensuring cybersecurity among the CIO’s current operations, with system performance and IT budgets.",
    },
    Question {
        id: "priorities-cto-list",
        kind: QuestionKind::MultipleChoice,
        topic: Topic::Priorities,
        section: "priorities",
        prompt: "Which of these does the article list as a CTO priority?",
        options: &[
            wrong("a", "Improving system performance"),
            wrong("b", "Managing IT budgets"),
            wrong("c", "Ensuring cybersecurity"),
            right("d", "Product development"),
        ],
        explanation: "CTOs prioritise future-facing initiatives like product development; the other three are the CIO’s current operations.",
    },
    // Key stakeholders.
    Question {
        id: "stakeholders-external",
        kind: QuestionKind::Classification,
        topic: Topic::Stakeholders,
        section: "stakeholders",
        prompt: "Works closely with customers, investors and product managers.",
        options: IS_CTO,
        explanation: "These are the external teams the article pairs with CTOs, to align tech strategy with market needs.",
    },
    Question {
        id: "stakeholders-month-end-crash",
        kind: QuestionKind::Scenario,
        topic: Topic::Stakeholders,
        section: "stakeholders",
        prompt: "It’s month-end close and the finance system keeps crashing. Whose desk does it land on?",
        options: &[
            wrong("a", "The CTO’s"),
            right("b", "The CIO’s"),
            wrong("c", "Both, equally"),
        ],
        explanation: "Finance is one of the internal teams the CIO works with to support business processes, and the CIO is the one gauged by system reliability.",
    },
    Question {
        id: "stakeholders-cio-why",
        kind: QuestionKind::MultipleChoice,
        topic: Topic::Stakeholders,
        section: "stakeholders",
        prompt: "Why, according to the article, does the CIO collaborate with HR, finance and operations?",
        options: &[
            wrong("a", "To align tech strategy with market needs"),
            right("b", "To support business processes and employee productivity"),
            wrong("c", "To cut the time-to-market for the company’s new products"),
            wrong("d", "To explore the art of the possible"),
        ],
        explanation: "CIOs work with internal teams “to support business processes and employee productivity”; aligning with market needs is why CTOs work with external teams.",
    },
    // Success metrics.
    Question {
        id: "metrics-cost-efficiency",
        kind: QuestionKind::Classification,
        topic: Topic::Metrics,
        section: "metrics",
        prompt: "Success is gauged by cost efficiency.",
        options: IS_CIO,
        explanation: "The article gauges CIO success by system reliability, cost efficiency and operational performance.",
    },
    Question {
        id: "metrics-cto-scorecard",
        kind: QuestionKind::Scenario,
        topic: Topic::Metrics,
        section: "metrics",
        prompt: "The board is drawing up a scorecard for its CTO. Which set of measures matches the article?",
        options: &[
            wrong("a", "System reliability, cost efficiency and operational performance"),
            right("b", "Innovation, time-to-market and the ability to adapt"),
            wrong("c", "Customer count, investor interest and the size of the R&D budget"),
        ],
        explanation: "CTO success is measured by innovation, time-to-market for new products and the business’s ability to adapt to change; the first set is the CIO’s.",
    },
    // Leadership style.
    Question {
        id: "leadership-art-of-possible",
        kind: QuestionKind::Classification,
        topic: Topic::Leadership,
        section: "leadership",
        prompt: "Inspires teams to explore the art of the possible.",
        options: IS_CTO,
        explanation: "The article asks you to think of the CTO as a visionary who inspires teams to explore the art of the possible.",
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
        explanation: "The CIO is “the steady hand, focused on delivering consistent, reliable results”; the visionary is the CTO.",
    },
    // Why both roles matter together.
    Question {
        id: "together-balance",
        kind: QuestionKind::MultipleChoice,
        topic: Topic::Together,
        section: "why",
        prompt: "Understanding the two roles helps a business strike the right balance between…",
        options: &[
            wrong("a", "speed to market and cost control"),
            right("b", "innovation and operational excellence"),
            wrong("c", "customer needs and investor demands"),
            wrong("d", "security and ease of use for employees"),
        ],
        explanation: "The article’s closing point: understanding the distinct roles helps your business strike the right balance between innovation and operational excellence.",
    },
    Question {
        id: "together-seamless-systems",
        kind: QuestionKind::Classification,
        topic: Topic::Together,
        section: "why",
        prompt: "Brings seamless, secure systems that support your day-to-day needs.",
        options: IS_CIO,
        explanation: "Of the best of both worlds, the article credits seamless, secure systems to the CIO and cutting-edge solutions to the CTO.",
    },
    Question {
        id: "together-powerhouse",
        kind: QuestionKind::Classification,
        topic: Topic::Together,
        section: "why",
        prompt: "Creates a technology leadership powerhouse that drives growth, efficiency and resilience.",
        options: IS_BOTH,
        explanation: "“Together, they create a technology leadership powerhouse”: the article gives this to the two roles combined, not to either alone.",
    },
];
