//! The results of a finished run: score, percentage, tier, per-topic breakdown and answer review.

use crate::content::tiers::{tier_for, tier_in};
use crate::content::{AnswerOption, Question, Tier, Topic};

use super::engine::{Phase, Quiz};

#[derive(Clone, Debug)]
pub struct QuizResults {
    pub score: usize,
    pub total: usize,
    /// Rounded half up: 1 of 8 is 13 %.
    pub percent: u8,
    pub tier: &'static Tier,
    /// In [`Topic::ALL`] order, only topics the run asked about.
    pub topics: Vec<TopicScore>,
    /// Topics with at least one wrong answer, in [`Topic::ALL`] order.
    pub topics_to_reread: Vec<Topic>,
    /// Every answer in the order asked.
    pub review: Vec<ReviewItem>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TopicScore {
    pub topic: Topic,
    pub correct: usize,
    pub total: usize,
}

#[derive(Clone, Copy, Debug)]
pub struct ReviewItem {
    pub question: &'static Question,
    pub chosen: &'static AnswerOption,
    /// `None` only if the bank marks no option correct, which `content::validate` rules out.
    pub correct_option: Option<&'static AnswerOption>,
    pub correct: bool,
}

/// `score` of `total` as a whole percentage, rounded half up; 0 for an empty quiz, at most 100.
pub fn percent(score: usize, total: usize) -> u8 {
    if total == 0 {
        return 0;
    }
    // Saturating at u32 keeps the integer arithmetic overflow-free; real quizzes are far smaller.
    let wide = |n: usize| u64::from(u32::try_from(n).unwrap_or(u32::MAX));
    let (score, total) = (wide(score.min(total)), wide(total));
    ((score * 200 + total) / (total * 2)) as u8
}

impl Quiz {
    /// The results, once the run is [`Phase::Finished`]; `tiers` is normally `content::TIERS`
    /// (tests pass their own), looked up with `content::tiers::tier_in`.
    pub fn results(&self, tiers: &'static [Tier]) -> Option<QuizResults> {
        if self.phase() != Phase::Finished {
            return None;
        }
        let review: Vec<ReviewItem> = self
            .answers()
            .map(|(question, chosen)| ReviewItem {
                question,
                chosen,
                correct_option: question.options.iter().find(|o| o.correct),
                correct: chosen.correct,
            })
            .collect();
        let topics: Vec<TopicScore> = Topic::ALL
            .iter()
            .map(|&topic| {
                let asked = review.iter().filter(|r| r.question.topic == topic);
                TopicScore {
                    topic,
                    correct: asked.clone().filter(|r| r.correct).count(),
                    total: asked.count(),
                }
            })
            .filter(|t| t.total > 0)
            .collect();
        let score = review.iter().filter(|r| r.correct).count();
        let total = self.total();
        let percent = percent(score, total);
        Some(QuizResults {
            score,
            total,
            percent,
            // An empty list (a test's, never the validated content) falls back to the real tiers.
            tier: tier_in(tiers, percent).unwrap_or_else(|| tier_for(percent)),
            topics_to_reread: topics
                .iter()
                .filter(|t| t.correct < t.total)
                .map(|t| t.topic)
                .collect(),
            topics,
            review,
        })
    }
}
