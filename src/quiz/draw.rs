//! Which questions one attempt asks: the blog owner's `questions` count, drawn from the bank so
//! that the article's topics are covered as evenly as the count allows (never a second question
//! from one topic while another has none).

use crate::content::Question;

use super::shuffle::{permutation, SplitMix64};

/// The fewest questions an attempt may ask (the `questions` attribute's lower bound).
pub const MIN_QUESTIONS: usize = 5;
/// The `questions` attribute's default: about five minutes.
pub const DEFAULT_QUESTIONS: usize = 10;

/// How many questions one attempt asks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuestionCount {
    /// Every question of the bank.
    All,
    /// This many, or the whole bank if it is smaller.
    Exactly(usize),
}

impl Default for QuestionCount {
    fn default() -> Self {
        QuestionCount::Exactly(DEFAULT_QUESTIONS)
    }
}

impl QuestionCount {
    /// The number of questions an attempt on a bank of `bank_size` asks.
    pub fn of(self, bank_size: usize) -> usize {
        match self {
            QuestionCount::All => bank_size,
            QuestionCount::Exactly(n) => n.min(bank_size),
        }
    }
}

/// About how long an attempt of `count` questions takes, in whole minutes (at least one): half a
/// minute a question, reading the explanation included.
pub fn minutes_for(count: usize) -> usize {
    count.div_ceil(2).max(1)
}

/// The bank indices of one attempt, in the order asked: topics take turns (in an order drawn from
/// `rng`), each giving its next question (also drawn from `rng`), until `count` are chosen; then
/// the chosen ones are shuffled so the order does not cycle through the topics.
pub(crate) fn draw(bank: &[Question], count: QuestionCount, rng: &mut SplitMix64) -> Vec<usize> {
    let wanted = count.of(bank.len());
    // Grouped by topic, in the order the shuffle first meets each topic.
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for index in permutation(bank.len(), rng) {
        let Some(question) = bank.get(index) else {
            continue;
        };
        let same_topic = groups.iter_mut().find(|group| {
            group
                .first()
                .and_then(|&first| bank.get(first))
                .is_some_and(|other| other.topic == question.topic)
        });
        match same_topic {
            Some(group) => group.push(index),
            None => groups.push(vec![index]),
        }
    }
    let mut chosen = Vec::with_capacity(wanted);
    let mut round = 0;
    while chosen.len() < wanted {
        let before = chosen.len();
        for group in &groups {
            if chosen.len() == wanted {
                break;
            }
            if let Some(&index) = group.get(round) {
                chosen.push(index);
            }
        }
        if chosen.len() == before {
            break;
        }
        round += 1;
    }
    permutation(chosen.len(), rng)
        .into_iter()
        .filter_map(|i| chosen.get(i).copied())
        .collect()
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;
    use crate::content::{Topic, QUESTIONS};
    use crate::quiz::testing::BANK;

    fn topics(bank: &[Question], indices: &[usize]) -> HashMap<Topic, usize> {
        let mut counts = HashMap::new();
        for &i in indices {
            *counts.entry(bank[i].topic).or_insert(0) += 1;
        }
        counts
    }

    #[test]
    fn counts_resolve_against_the_bank() {
        assert_eq!(QuestionCount::All.of(21), 21);
        assert_eq!(QuestionCount::Exactly(10).of(21), 10);
        assert_eq!(QuestionCount::Exactly(30).of(21), 21);
        assert_eq!(QuestionCount::default(), QuestionCount::Exactly(10));
    }

    #[test]
    fn about_half_a_minute_a_question() {
        assert_eq!([1, 5, 10, 11, 24].map(minutes_for), [1, 3, 5, 6, 12]);
        assert_eq!(minutes_for(0), 1);
    }

    #[test]
    fn topics_are_covered_evenly_for_every_count_and_seed() {
        for bank in [&BANK[..], QUESTIONS] {
            let bank_topics = topics(bank, &(0..bank.len()).collect::<Vec<_>>());
            for wanted in 1..=bank.len() {
                for seed in 0..40 {
                    let drawn = draw(
                        bank,
                        QuestionCount::Exactly(wanted),
                        &mut SplitMix64::new(seed),
                    );
                    assert_eq!(drawn.len(), wanted);
                    let mut unique = drawn.clone();
                    unique.sort_unstable();
                    unique.dedup();
                    assert_eq!(unique.len(), wanted, "a question drawn twice");
                    let got = topics(bank, &drawn);
                    let most = got.values().copied().max().unwrap_or(0);
                    // A topic with fewer questions than `most - 1` must have given all it has.
                    for (topic, available) in &bank_topics {
                        let taken = got.get(topic).copied().unwrap_or(0);
                        assert!(
                            taken + 1 >= most || taken == *available,
                            "{wanted} of {} (seed {seed}): {topic:?} gave {taken} of {available} \
                             while another gave {most}",
                            bank.len()
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn all_asks_every_question_once() {
        let mut drawn = draw(QUESTIONS, QuestionCount::All, &mut SplitMix64::new(7));
        drawn.sort_unstable();
        assert_eq!(drawn, (0..QUESTIONS.len()).collect::<Vec<_>>());
    }

    #[test]
    fn seeds_vary_the_questions_and_their_order() {
        let draws: Vec<Vec<usize>> = (0..20)
            .map(|seed| {
                draw(
                    QUESTIONS,
                    QuestionCount::Exactly(10),
                    &mut SplitMix64::new(seed),
                )
            })
            .collect();
        let mut sets: Vec<Vec<usize>> = draws
            .iter()
            .map(|d| {
                let mut s = d.clone();
                s.sort_unstable();
                s
            })
            .collect();
        sets.dedup();
        assert!(sets.len() > 1, "every seed drew the same questions");
        assert!(draws.windows(2).any(|w| w[0] != w[1]));
    }
}
