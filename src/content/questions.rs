//! The quiz's question bank, drawn strictly from the article: every correct answer and every
//! explanation rests on a sentence in [`super::ARTICLE`], and every distractor is wrong by it.
//!
//! Ids are stored in readers' saved progress: never reuse an id for a different question, and
//! retire an id rather than rewriting its question into another one.

use super::sentences::*;
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
/// Each item tests an idea a reader who skipped the article could not settle from the two job
/// titles: the analogy's casting, the article's own lists and risks, and what the roles share.
/// `rests_on` names the sentences each keyed answer and explanation rest on; two questions sharing
/// one never go into one attempt, and questions that can meet never give each other away (the
/// content style tests hold every such pair to that).
pub static QUESTIONS: &[Question] = &[
    // The race-car analogy.
    Question {
        id: "analogy-mechanic",
        kind: QuestionKind::MultipleChoice,
        topic: Topic::Analogy,
        section: "analogy",
        prompt: "The article pictures your company as a high-performance race car. Who is the CIO in that picture?",
        options: &[
            wrong("a", "The engineer"),
            wrong("b", "The driver"),
            right("c", "The mechanic"),
            wrong("d", "The team owner"),
        ],
        explanation: "“The CIO is the mechanic”, says the article; the engineer is the CTO.",
        rests_on: MECHANIC | ENGINEER,
    },
    Question {
        id: "analogy-race-day",
        kind: QuestionKind::Scenario,
        topic: Topic::Analogy,
        section: "analogy",
        prompt: "Mid-race, a loose panel threatens to put the car out, and someone must get it to the flag. In the article’s race-car picture, whose job is that: the CTO, the CIO, or both?",
        options: IS_CIO,
        explanation: "The article’s CIO is the one “ensuring the car runs smoothly, reliably, and securely on race day”.",
        rests_on: MECHANIC,
    },
    Question {
        id: "analogy-aero-upgrade",
        kind: QuestionKind::Scenario,
        topic: Topic::Analogy,
        section: "analogy",
        prompt: "Between races, the team wants a new aerodynamic package so the car can outpace its rivals. In the article’s race-car picture, whose job is that: the CTO, the CIO, or both?",
        options: IS_CTO,
        explanation: "The article’s CTO is the engineer, “focused on innovation and making the car faster, smarter, and more competitive”.",
        rests_on: ENGINEER,
    },
    Question {
        id: "analogy-one-role-short",
        kind: QuestionKind::Scenario,
        topic: Topic::Analogy,
        section: "analogy",
        prompt: "A team owner short of money wants to keep just one of the two roles this season and still win races. By the article’s analogy, whom does the team need to win: the CTO, the CIO, or both?",
        options: IS_BOTH,
        explanation: "The article: “Both roles are vital for winning the race, but they tackle different aspects of the challenge”.",
        rests_on: BOTH_VITAL,
    },
    // The possible impact.
    Question {
        id: "impact-one-exec-torn",
        kind: QuestionKind::Scenario,
        topic: Topic::Impact,
        section: "impact",
        prompt: "A growing company gives a single executive the new-product roadmap and the running of internal IT, and they are forever torn between the two. Which risk from the article is this?",
        options: &[
            wrong("a", "Failing to align tech strategy with business goals"),
            right("b", "Overloading one position with conflicting responsibilities"),
            wrong("c", "Leaving security work without a clear owner"),
        ],
        explanation: "The article’s first risk: “Overloading one position with conflicting responsibilities”.",
        rests_on: OVERLOADING,
    },
    Question {
        id: "impact-leaders-not-talking",
        kind: QuestionKind::Scenario,
        topic: Topic::Impact,
        section: "impact",
        prompt: "A company’s CTO and CIO rarely speak, and the plans each of them makes drift away from what the company is trying to achieve. Which risk from the article is this?",
        options: &[
            right("a", "Failing to align tech strategy with business goals"),
            wrong("b", "Buying the same tools twice, once per role"),
            wrong("c", "Losing staff unsure which leader they report to"),
        ],
        explanation: "The article’s third risk: “Failing to align tech strategy with business goals due to miscommunication or gaps in leadership”.",
        rests_on: MISALIGNING,
    },
    Question {
        id: "impact-neglect",
        kind: QuestionKind::MultipleChoice,
        topic: Topic::Impact,
        section: "impact",
        prompt: "Without clarity on the two roles, the article warns, businesses risk three things. Which of these is one of them?",
        options: &[
            right("a", "Neglecting innovation or operational excellence"),
            wrong("b", "Hiring a third executive to settle disputes"),
            wrong("c", "Spending the IT budget on the wrong projects"),
            wrong("d", "Paying both leaders for the same work"),
        ],
        explanation: "The article’s second risk: “Neglecting either innovation … or operational excellence”.",
        rests_on: NEGLECTING,
    },
    Question {
        id: "impact-roles-right",
        kind: QuestionKind::Scenario,
        topic: Topic::Impact,
        section: "impact",
        prompt: "A CEO wants the company’s technology to serve today’s needs and tomorrow’s ambitions at once. By the article, which roles must the company get right for that: the CTO, the CIO, or both?",
        options: IS_BOTH,
        explanation: "The article: “Getting these roles right ensures technology serves both today’s needs and tomorrow’s ambitions”.",
        rests_on: TODAY_AND_TOMORROW,
    },
    // Focus areas.
    Question {
        id: "focus-inward",
        kind: QuestionKind::Scenario,
        topic: Topic::Focus,
        section: "focus",
        prompt: "Staff across the company lose hours because the shared drives, sign-in, and internal network keep failing. By the article’s focus areas, who sees to that: the CTO, the CIO, or both?",
        options: IS_CIO,
        explanation: "The article: “The CIO looks inward, ensuring that the company’s internal systems, infrastructure, and IT services run efficiently”.",
        rests_on: CIO_INWARD,
    },
    Question {
        id: "focus-edge",
        kind: QuestionKind::MultipleChoice,
        topic: Topic::Focus,
        section: "focus",
        prompt: "By the article’s focus areas, what do the CTO’s technology solutions give the company?",
        options: &[
            wrong("a", "A larger market share"),
            right("b", "A competitive edge"),
            wrong("c", "Stronger investor appeal"),
            wrong("d", "A wider product range"),
        ],
        explanation: "The article: “The CTO looks outward”, creating “technology solutions that give the company a competitive edge”.",
        rests_on: CTO_OUTWARD,
    },
    // Strategic priorities.
    Question {
        id: "priorities-research-lab",
        kind: QuestionKind::Scenario,
        topic: Topic::Priorities,
        section: "priorities",
        prompt: "The company sets up a small lab to research technology it may not use for years. By the article’s strategic priorities, who drives that: the CTO, the CIO, or both?",
        options: IS_CTO,
        explanation: "Research is “R&D”, one of the “future-facing initiatives” the article says CTOs prioritise.",
        rests_on: CTO_PRIORITIES,
    },
    Question {
        id: "priorities-it-budget",
        kind: QuestionKind::Scenario,
        topic: Topic::Priorities,
        section: "priorities",
        prompt: "The company’s bill for software licences and cloud services is running well over plan. By the article’s strategic priorities, whose task is bringing it back in line: the CTO, the CIO, or both?",
        options: IS_CIO,
        explanation: "The article lists “managing IT budgets” among the current operations CIOs focus on.",
        rests_on: CIO_PRIORITIES,
    },
    Question {
        id: "priorities-cio-now",
        kind: QuestionKind::MultipleChoice,
        topic: Topic::Priorities,
        section: "priorities",
        prompt: "By the article’s strategic priorities, what kind of work do CIOs focus on?",
        options: &[
            right("a", "Current operations"),
            wrong("b", "Future-facing initiatives"),
            wrong("c", "Supplier management"),
            wrong("d", "Risk and compliance"),
        ],
        explanation: "The article: “CIOs focus on current operations”, while CTOs prioritise “future-facing initiatives”.",
        rests_on: CIO_PRIORITIES | CTO_PRIORITIES,
    },
    // Key stakeholders.
    Question {
        id: "stakeholders-cto-why",
        kind: QuestionKind::MultipleChoice,
        topic: Topic::Stakeholders,
        section: "stakeholders",
        prompt: "The article says CTOs often work closely with customers, investors, and product managers. What is that for, in its words?",
        options: &[
            right("a", "To align tech strategy with market needs"),
            wrong("b", "To turn customer feedback into features"),
            wrong("c", "To win funding for the next product"),
            wrong("d", "To bring new products to market sooner"),
        ],
        explanation: "They work with those external teams “to align tech strategy with market needs”.",
        // The key's words “align tech strategy” are also the third risk's.
        rests_on: CTO_STAKEHOLDERS | MISALIGNING,
    },
    Question {
        id: "stakeholders-cio-why",
        kind: QuestionKind::MultipleChoice,
        topic: Topic::Stakeholders,
        section: "stakeholders",
        prompt: "The article says CIOs collaborate with HR, finance, and operations. What is that for, in its words?",
        options: &[
            wrong("a", "To keep staff records and payroll data secure"),
            right("b", "To support business processes and employee productivity"),
            wrong("c", "To hold operating and IT costs within budget"),
            wrong("d", "To keep internal systems running around the clock"),
        ],
        explanation: "They collaborate with those internal teams “to support business processes and employee productivity”.",
        rests_on: CIO_STAKEHOLDERS,
    },
    Question {
        id: "stakeholders-month-end-crash",
        kind: QuestionKind::Scenario,
        topic: Topic::Stakeholders,
        section: "stakeholders",
        prompt: "It’s month-end close, and the finance team’s processes keep stalling. By the article’s key stakeholders, who should finance call in: the CTO, the CIO, or both?",
        options: IS_CIO,
        explanation: "The article says “CIOs collaborate with internal teams” and names finance among them.",
        rests_on: CIO_STAKEHOLDERS,
    },
    // Success metrics.
    Question {
        id: "metrics-adapt",
        kind: QuestionKind::Scenario,
        topic: Topic::Metrics,
        section: "metrics",
        prompt: "A board wants to judge one of its leaders by how well the business adapts to change. By the article’s success metrics, whose measure is that: the CTO, the CIO, or both?",
        options: IS_CTO,
        explanation: "The article measures CTO success by, among other things, “the business’s ability to adapt to change”.",
        rests_on: CTO_METRICS,
    },
    Question {
        id: "metrics-cio-measures",
        kind: QuestionKind::MultipleChoice,
        topic: Topic::Metrics,
        section: "metrics",
        prompt: "Which set of measures does the article say CIO success is gauged by?",
        options: &[
            right("a", "System reliability, cost efficiency, and operational performance"),
            wrong("b", "System reliability, cost efficiency, and data security"),
            wrong("c", "Cost efficiency, operational performance, and user satisfaction"),
            wrong("d", "Operational performance, system reliability, and help-desk speed"),
        ],
        explanation: "The article: “CIO success is gauged by system reliability, cost efficiency, and operational performance”.",
        rests_on: CIO_METRICS,
    },
    Question {
        id: "metrics-outage-free-year",
        kind: QuestionKind::Scenario,
        topic: Topic::Metrics,
        section: "metrics",
        prompt: "After a year in which staff hardly ever lost their email, files, or internal tools, the board reviews its leaders. By the article’s success metrics, whose record is that: the CTO, the CIO, or both?",
        options: IS_CIO,
        explanation: "The article gauges CIO success by “system reliability” first of all.",
        rests_on: CIO_METRICS,
    },
    // Leadership style.
    Question {
        id: "leadership-art-of-possible",
        kind: QuestionKind::Classification,
        topic: Topic::Leadership,
        section: "leadership",
        prompt: "Who inspires teams to explore the art of the possible: the CTO, the CIO, or both?",
        options: IS_CTO,
        explanation: "The article’s CTO is the one “inspiring teams to explore the art of the possible”.",
        rests_on: CTO_VISIONARY,
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
        explanation: "“The CIO, meanwhile, is the steady hand”, says the article; the visionary is the CTO.",
        rests_on: CIO_STEADY_HAND | CTO_VISIONARY,
    },
    Question {
        id: "leadership-bold-pitch",
        kind: QuestionKind::Scenario,
        topic: Topic::Leadership,
        section: "leadership",
        prompt: "A start-up wants a leader who paints a bold picture of what its technology could become and fires teams up to chase it. By the article’s leadership styles, who fits: the CTO, the CIO, or both?",
        options: IS_CTO,
        explanation: "The article asks you to “think of the CTO as a visionary”.",
        rests_on: CTO_VISIONARY,
    },
    Question {
        id: "leadership-steady-results",
        kind: QuestionKind::Scenario,
        topic: Topic::Leadership,
        section: "leadership",
        prompt: "After two chaotic years, a company wants a leader whose teams deliver dependable results quarter after quarter. By the article’s leadership styles, who fits: the CTO, the CIO, or both?",
        options: IS_CIO,
        explanation: "The article’s CIO is the one “focused on delivering consistent, reliable results”.",
        rests_on: CIO_STEADY_HAND,
    },
    // Why both roles matter together.
    Question {
        id: "together-balance",
        kind: QuestionKind::MultipleChoice,
        topic: Topic::Together,
        section: "why",
        prompt: "According to the article, understanding the two roles helps a business strike the right balance between what?",
        options: &[
            wrong("a", "Product growth and cost control"),
            right("b", "Innovation and operational excellence"),
            wrong("c", "Customer needs and employee needs"),
            wrong("d", "Speed to market and security"),
        ],
        explanation: "The article: understanding the two roles “helps your business strike the right balance between innovation and operational excellence”.",
        // The key's words are also the second risk's.
        rests_on: BALANCE | NEGLECTING,
    },
    Question {
        id: "together-powerhouse",
        kind: QuestionKind::Scenario,
        topic: Topic::Together,
        section: "why",
        prompt: "A CEO wants the company’s technology to drive growth, efficiency, and resilience together. By the article’s closing section, who creates that: the CTO, the CIO, or both?",
        options: IS_BOTH,
        explanation: "The article: “Together, they create a technology leadership powerhouse that drives growth, efficiency, and resilience”.",
        rests_on: POWERHOUSE,
    },
];
