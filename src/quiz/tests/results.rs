//! Scoring, rounding, tiers, the per-topic breakdown and the review list.

use crate::content::Topic;
use crate::quiz::testing::{correct_id, finish, fresh, Play, TIERS};
use crate::quiz::{percent, FeedbackMode, Phase};

#[test]
fn percent_rounds_half_up() {
    assert_eq!(percent(0, 0), 0);
    assert_eq!(percent(0, 12), 0);
    assert_eq!(percent(1, 3), 33);
    assert_eq!(percent(2, 3), 67);
    assert_eq!(percent(1, 8), 13);
    assert_eq!(percent(7, 8), 88);
    assert_eq!(percent(1, 2), 50);
    assert_eq!(percent(5, 12), 42);
    assert_eq!(percent(12, 12), 100);
    assert_eq!(percent(usize::MAX, usize::MAX), 100);
}

#[test]
fn percent_never_exceeds_100() {
    assert_eq!(percent(13, 12), 100);
}

#[test]
fn no_results_before_the_end() {
    let mut quiz = fresh(1, FeedbackMode::Instant);
    assert!(quiz.results(&TIERS).is_none());
    quiz.start().unwrap();
    assert!(quiz.results(&TIERS).is_none());
    let q = quiz.current().unwrap().question;
    quiz.pick(correct_id(q)).unwrap();
    quiz.check_now().unwrap();
    assert!(quiz.results(&TIERS).is_none());
}

#[test]
fn all_right() {
    let mut quiz = fresh(2, FeedbackMode::Instant);
    finish(&mut quiz, |_| true);
    let r = quiz.results(&TIERS).unwrap();
    assert_eq!((r.score, r.total, r.percent), (12, 12, 100));
    assert_eq!(r.tier.id, "champion");
    assert!(r.topics_to_reread.is_empty());
    // Topic::ALL order, and Impact/Priorities are absent because the bank never asks about them.
    let topics: Vec<(Topic, usize, usize)> = r
        .topics
        .iter()
        .map(|t| (t.topic, t.correct, t.total))
        .collect();
    assert_eq!(
        topics,
        vec![
            (Topic::Analogy, 2, 2),
            (Topic::Focus, 3, 3),
            (Topic::Stakeholders, 2, 2),
            (Topic::Metrics, 2, 2),
            (Topic::Leadership, 2, 2),
            (Topic::Together, 1, 1),
        ]
    );
}

#[test]
fn some_wrong_breakdown_and_reread() {
    let mut quiz = fresh(3, FeedbackMode::AtEnd);
    finish(&mut quiz, |id| id != "q01" && id != "q06");
    let r = quiz.results(&TIERS).unwrap();
    assert_eq!((r.score, r.total, r.percent), (10, 12, 83));
    assert_eq!(r.tier.id, "champion");
    let focus = r.topics.iter().find(|t| t.topic == Topic::Focus).unwrap();
    assert_eq!((focus.correct, focus.total), (2, 3));
    let metrics = r.topics.iter().find(|t| t.topic == Topic::Metrics).unwrap();
    assert_eq!((metrics.correct, metrics.total), (1, 2));
    assert_eq!(r.topics_to_reread, vec![Topic::Focus, Topic::Metrics]);
}

#[test]
fn tiers_follow_the_percentage() {
    let mut quiz = fresh(4, FeedbackMode::AtEnd);
    finish(&mut quiz, |_| false);
    let r = quiz.results(&TIERS).unwrap();
    assert_eq!((r.score, r.percent, r.tier.id), (0, 0, "rookie"));
    assert_eq!(r.topics_to_reread.len(), r.topics.len());

    let mut quiz = fresh(4, FeedbackMode::AtEnd);
    // q01..q06 right: 6 of 12.
    finish(&mut quiz, |id| id <= "q06");
    let r = quiz.results(&TIERS).unwrap();
    assert_eq!((r.score, r.percent, r.tier.id), (6, 50, "pit-crew"));
}

#[test]
fn review_lists_answers_in_the_order_asked() {
    let mut quiz = fresh(5, FeedbackMode::Instant);
    let asked: Vec<String> = quiz.slots.iter().map(|s| s.question.clone()).collect();
    finish(&mut quiz, |id| id != "q04");
    assert_eq!(quiz.phase(), Phase::Finished);
    let r = quiz.results(&TIERS).unwrap();
    let reviewed: Vec<&str> = r.review.iter().map(|i| i.question.id).collect();
    assert_eq!(reviewed, asked);
    for item in &r.review {
        let right = item.correct_option.unwrap();
        assert!(right.correct);
        assert_eq!(item.correct, item.question.id != "q04");
        assert_eq!(item.correct, item.chosen.id == right.id);
    }
}

#[test]
fn tier_lookup_ignores_list_order_and_survives_an_empty_list() {
    use crate::content::Tier;
    static REVERSED: [Tier; 2] = [
        Tier {
            id: "high",
            min_percent: 60,
            title: "",
            advice: "",
        },
        Tier {
            id: "low",
            min_percent: 20,
            title: "",
            advice: "",
        },
    ];
    let mut quiz = fresh(6, FeedbackMode::AtEnd);
    finish(&mut quiz, |id| id <= "q09");
    assert_eq!(quiz.results(&REVERSED).unwrap().tier.id, "high");
    // 0 % is below every threshold: the lowest tier.
    let mut quiz = fresh(6, FeedbackMode::AtEnd);
    finish(&mut quiz, |_| false);
    assert_eq!(quiz.results(&REVERSED).unwrap().tier.id, "low");
    assert!(!quiz.results(&[]).unwrap().tier.id.is_empty());
}
