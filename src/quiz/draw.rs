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
    /// Every question of the bank that one attempt can hold: never two resting on one sentence.
    All,
    /// This many, or the whole bank if it is smaller; fewer only where two would rest on one
    /// article sentence (see `draw`).
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
/// `rng`), each giving its next question (also drawn from `rng`) that shares no article sentence
/// with one already chosen, until `count` are chosen or none is left; then the chosen ones are
/// shuffled so the order does not cycle through the topics. The attempt is shorter than `count`
/// only when the sentence rule leaves no more (never below one question per group of questions
/// linked by shared sentences: every turn that finds nothing has emptied its topic).
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
    let mut chosen: Vec<usize> = Vec::with_capacity(wanted);
    let mut used = 0u32;
    while chosen.len() < wanted {
        let before = chosen.len();
        for group in &mut groups {
            if chosen.len() == wanted {
                break;
            }
            group.retain(|&i| bank.get(i).is_some_and(|q| q.rests_on & used == 0));
            if let Some(&index) = group.first() {
                group.remove(0);
                used |= bank.get(index).map_or(0, |q| q.rests_on);
                chosen.push(index);
            }
        }
        if chosen.len() == before {
            break;
        }
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

    /// Whether question `i` could still join `drawn`: it is not in it and shares no sentence.
    fn fits(bank: &[Question], drawn: &[usize], i: usize) -> bool {
        !drawn.contains(&i)
            && drawn
                .iter()
                .all(|&j| !bank[i].shares_a_sentence_with(&bank[j]))
    }

    /// The groups of questions linked, directly or through others, by shared sentences: one
    /// attempt can always hold one question of each, so this many is what every draw reaches.
    pub(crate) fn linked_groups(bank: &[Question]) -> usize {
        fn root(group: &[usize], mut i: usize) -> usize {
            while group[i] != i {
                i = group[i];
            }
            i
        }
        let mut group: Vec<usize> = (0..bank.len()).collect();
        for i in 0..bank.len() {
            for j in 0..i {
                if bank[i].shares_a_sentence_with(&bank[j]) {
                    let (a, b) = (root(&group, i), root(&group, j));
                    group[a] = b;
                }
            }
        }
        (0..bank.len()).filter(|&i| root(&group, i) == i).count()
    }

    #[test]
    fn no_attempt_holds_two_questions_resting_on_one_sentence() {
        for bank in [&BANK[..], QUESTIONS] {
            let floor = linked_groups(bank);
            let bank_topics = topics(bank, &(0..bank.len()).collect::<Vec<_>>());
            let counts = (1..=bank.len() + 2)
                .map(QuestionCount::Exactly)
                .chain([QuestionCount::All]);
            for count in counts {
                let wanted = count.of(bank.len());
                for seed in 0..200 {
                    let drawn = draw(bank, count, &mut SplitMix64::new(seed));
                    let mut unique = drawn.clone();
                    unique.sort_unstable();
                    unique.dedup();
                    assert_eq!(unique.len(), drawn.len(), "a question drawn twice");
                    for (n, &i) in drawn.iter().enumerate() {
                        for &j in &drawn[..n] {
                            assert!(
                                !bank[i].shares_a_sentence_with(&bank[j]),
                                "{count:?} (seed {seed}): \"{}\" and \"{}\" rest on one sentence",
                                bank[i].id,
                                bank[j].id
                            );
                        }
                    }
                    // As many as asked, unless the rule leaves nothing more to add.
                    assert!(drawn.len() <= wanted);
                    assert!(drawn.len() >= wanted.min(floor), "{count:?} (seed {seed})");
                    if drawn.len() < wanted {
                        assert!(
                            (0..bank.len()).all(|i| !fits(bank, &drawn, i)),
                            "{count:?} (seed {seed}): stopped at {} with room left",
                            drawn.len()
                        );
                    }
                    // Topics as even as the rule allows: a topic that gave fewer than `most - 1`
                    // had nothing left that fits.
                    let got = topics(bank, &drawn);
                    let most = got.values().copied().max().unwrap_or(0);
                    for topic in bank_topics.keys() {
                        let taken = got.get(topic).copied().unwrap_or(0);
                        let left = (0..bank.len())
                            .any(|i| bank[i].topic == *topic && fits(bank, &drawn, i));
                        assert!(
                            taken + 1 >= most || !left,
                            "{count:?} (seed {seed}): {topic:?} gave {taken} with questions \
                             left while another gave {most}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn the_default_attempt_always_fills() {
        let floor = linked_groups(QUESTIONS);
        assert!(
            floor >= DEFAULT_QUESTIONS + 2,
            "the sentence rule guarantees only {floor} questions an attempt"
        );
        let lengths: Vec<usize> = (0..500)
            .map(|seed| draw(QUESTIONS, QuestionCount::All, &mut SplitMix64::new(seed)).len())
            .collect();
        let least = lengths.iter().min().copied().unwrap_or(0);
        let most = lengths.iter().max().copied().unwrap_or(0);
        println!(
            "{} questions, {floor} linked groups; an attempt of all holds {least} to {most}",
            QUESTIONS.len()
        );
        assert!(least >= floor);
    }

    #[test]
    fn all_asks_every_question_once_when_none_share_a_sentence() {
        let mut drawn = draw(&BANK, QuestionCount::All, &mut SplitMix64::new(7));
        drawn.sort_unstable();
        assert_eq!(drawn, (0..BANK.len()).collect::<Vec<_>>());
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
