//! Quiz scenarios, each in Chromium, Firefox and WebKit with a fresh profile: a full playthrough
//! with the host page's event listener and a retake, a reload that resumes mid-quiz followed by
//! "Forget my data", damaged saved state, a browser that will not store anything, two tabs of the
//! same post, and the "Read more" links of the feedback.
//!
//! The tests read the question bank (`cto_cio_quiz::content::QUESTIONS`) to know the right answers,
//! recognise the question on screen by its prompt (the fieldset's legend), and click like a reader
//! (real WebDriver clicks inside the shadow root). Host pages: `pages/quiz-*.html`.
//!
//! They need the release bundle: `cargo xtask dist` first (or `CCQ_DIST=<dir>`).

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use anyhow::{anyhow, ensure, Context};
use cto_cio_quiz::config::CONSOLE_PREFIX;
use cto_cio_quiz::content::tiers::tier_for;
use cto_cio_quiz::quiz::percent;
use e2e::bank::{collapse, dimension_ids, progress_text, question_for, total};
use e2e::page::{sleep_ms, HostEvent};
use e2e::widget::{verdict, Answered, Screen, HOST, READ_MORE};
use e2e::{in_every_engine, Ctx, Scenario};
use serde::Deserialize;
use serde_json::{json, Value};

/// One widget and a listener recording its events in `window.__quizEvents`.
const PAGE: &str = "/pages/quiz-events.html";
/// The `storage-key` of the quiz pages; the widget's keys are `e2e-quiz:progress` etc.
const KEY: &str = "e2e-quiz";
/// Scenarios that click through all the questions get more than the default 120 s per engine.
const LONG: Duration = Duration::from_secs(240);
/// The quiz section's heading, from the crate so a wording change cannot leave the test behind.
const TITLE: &str = cto_cio_quiz::content::QUIZ_TITLE;
/// What the widget says when it cannot save.
const NOTE: &str = "This browser isn’t letting the page save your progress, so it will be lost if you leave or reload.";

/// The storage key `K:<suffix>` of the quiz pages.
fn key(suffix: &str) -> String {
    format!("{KEY}:{suffix}")
}

/// Opens `path`, waits for the widget, and returns its first screen.
async fn open_ready(ctx: &Ctx, path: &str) -> e2e::Result<Screen> {
    ctx.open(path).await?;
    ctx.wait_ready(HOST).await?;
    ctx.widget(HOST)
        .wait_screen("the quiz section", |_| true)
        .await
}

/// Answers the question on screen through the driver ([`e2e::widget::Widget::answer`]) and checks
/// the feedback as a reader sees it: the bank's options on screen, the verdict, the same
/// question, the radios disabled, the button's new label and the "Read more" link.
async fn answer(ctx: &Ctx, right: bool) -> e2e::Result<Answered> {
    let answered = ctx.widget(HOST).answer(right).await?;
    check_feedback(&answered)?;
    Ok(answered)
}

/// The checks of [`answer`] on an answer the driver gave.
fn check_feedback(answered: &Answered) -> e2e::Result<()> {
    let Answered {
        question,
        option,
        correct,
        before,
        shown: after,
    } = answered;
    let mut shown_ids = before.options.clone();
    let mut bank_ids: Vec<String> = question.options.iter().map(|o| o.id.to_string()).collect();
    shown_ids.sort();
    bank_ids.sort();
    ensure!(
        shown_ids == bank_ids,
        "{}: options on screen {:?} are not the bank's {bank_ids:?}",
        question.id,
        before.options
    );
    let verdict = verdict(*correct);
    let last = before.progress.as_deref() == Some(progress_text(total()).as_str());
    let action = if last {
        "See my results"
    } else {
        "Next question"
    };
    ensure!(
        after.verdict.as_deref() == Some(verdict)
            && after.progress == before.progress
            && after.legend == before.legend
            && after.checked.as_deref() == Some(*option)
            && after.disabled
            && after.action.as_deref() == Some(action)
            && after.read_more.as_deref() == Some(question.section),
        "{}: after checking {:?} expected verdict {verdict:?}, the same question, the radios disabled, \
         the button {action:?} and a \"Read more\" link to #{}; the quiz shows {after:?}",
        question.id,
        option,
        question.section
    );
    Ok(())
}

/// Answers every remaining question through the driver, `right(i)` deciding for the 0-based index
/// `i` of the run, and checks each answer's feedback; returns the answers in order and the results
/// screen.
async fn play_to_the_end(
    ctx: &Ctx,
    right: impl Fn(usize) -> bool,
) -> e2e::Result<(Vec<Answered>, Screen)> {
    let played = ctx.widget(HOST).play_to_results(right).await?;
    ensure!(!played.answers.is_empty(), "nothing left to play");
    for (answered, i) in played.answers.iter().zip(1..) {
        check_feedback(answered).with_context(|| format!("answer {i} of the run's rest"))?;
    }
    Ok((played.answers, played.results))
}

/// Checks the results screen against the answers of the whole run (in order): the score line,
/// the tier, a review item per answer with the right verdict, and the per-topic tallies.
fn check_results(shown: &Screen, answers: &[Answered]) -> e2e::Result<(usize, u8)> {
    let n = total();
    ensure!(
        answers.len() == n,
        "{} answers for {n} questions",
        answers.len()
    );
    let score = answers.iter().filter(|a| a.correct).count();
    let p = percent(score, n);
    let score_line = shown.score.clone().unwrap_or_default();
    ensure!(
        score_line.starts_with(&format!("{score} / {n}"))
            && score_line.contains(&format!("({p}%)")),
        "score line {score_line:?}, expected \"{score} / {n} … ({p}%)\""
    );
    let tier = shown.tier.clone().unwrap_or_default();
    ensure!(
        !tier.is_empty() && tier == tier_for(p).title,
        "tier {tier:?}, expected {:?} for {p}%",
        tier_for(p).title
    );
    // The line a reader sees, spelt out here rather than taken from the crate: the chosen option
    // quoted, without a full stop of its own, and the right one after it when the answer was wrong.
    let expected: Vec<(String, String, String)> = answers
        .iter()
        .map(|a| {
            let verdict = if a.correct { "Right:" } else { "Wrong:" };
            let text_of = |right: bool| {
                a.question
                    .options
                    .iter()
                    .find(|o| if right { o.correct } else { o.id == a.option })
                    .map(|o| format!("“{}”", o.text.trim_end_matches('.')))
                    .unwrap_or_default()
            };
            let line = if a.correct {
                format!("{verdict} you answered {}.", text_of(false))
            } else {
                format!(
                    "{verdict} you answered {}. The right answer is {}.",
                    text_of(false),
                    text_of(true)
                )
            };
            (collapse(a.question.prompt), verdict.to_string(), line)
        })
        .collect();
    ensure!(
        shown.review == expected,
        "the review does not list every answer in order with its verdict:\nshown    {:?}\nexpected {expected:?}",
        shown.review
    );
    let (mut right, mut asked) = (0, 0);
    for item in &shown.breakdown {
        let tally = item.last().cloned().unwrap_or_default();
        let (c, t) = tally
            .split_once(" / ")
            .and_then(|(c, t)| Some((c.parse::<usize>().ok()?, t.parse::<usize>().ok()?)))
            .ok_or_else(|| anyhow!("breakdown item {item:?} has no \"c / t\" tally"))?;
        right += c;
        asked += t;
    }
    ensure!(
        !shown.breakdown.is_empty() && right == score && asked == n,
        "the per-topic breakdown adds up to {right} / {asked}, not {score} / {n}: {:?}",
        shown.breakdown
    );
    Ok((score, p))
}

/// The best score line for one finished attempt.
fn best_line(score: usize, n: usize, attempts: usize) -> String {
    let p = percent(score, n);
    let unit = if attempts == 1 { "attempt" } else { "attempts" };
    format!("Your best so far: {score} / {n} ({p}%) · {attempts} {unit}")
}

/// Checks the events of a run: `starts` start events first, an answer event per answer in order
/// with its question id and flag, and one complete event last with the final score and tier.
fn check_events(
    events: &[HostEvent],
    starts: usize,
    answers: &[Answered],
    score: usize,
) -> e2e::Result<()> {
    let n = total();
    let tier = tier_for(percent(score, n)).id;
    let mut expected = vec![("start".to_string(), json!({})); starts];
    expected.extend(answers.iter().map(|a| {
        (
            "answer".to_string(),
            json!({"questionId": a.question.id, "correct": a.correct}),
        )
    }));
    expected.push((
        "complete".to_string(),
        json!({"score": score, "total": n, "tier": tier}),
    ));
    let seen: Vec<(String, Value)> = events
        .iter()
        .map(|e| (e.name.clone(), e.detail.clone()))
        .collect();
    ensure!(
        seen == expected,
        "the host page's listener saw\n{seen:?}\nexpected\n{expected:?}"
    );
    let odd: Vec<&HostEvent> = events
        .iter()
        .filter(|e| !e.bubbles || !e.composed || e.target != "quiz")
        .collect();
    ensure!(
        odd.is_empty(),
        "events must bubble, be composed and target the host #quiz: {odd:?}"
    );
    Ok(())
}

/// The page's localStorage entries whose key starts with `prefix`.
async fn stored(ctx: &Ctx, prefix: &str) -> e2e::Result<BTreeMap<String, String>> {
    ctx.eval(
        "const out = {}; \
         for (let i = 0; i < localStorage.length; i++) { \
           const k = localStorage.key(i); \
           if (k.startsWith(arguments[0])) out[k] = localStorage.getItem(k); \
         } \
         return out;",
        vec![json!(prefix)],
    )
    .await
}

/// Empties the origin's localStorage and writes `entries` (from the current page).
async fn set_storage(ctx: &Ctx, entries: &[(String, String)]) -> e2e::Result<()> {
    let map: BTreeMap<&str, &str> = entries
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    ctx.eval::<()>(
        "localStorage.clear(); \
         for (const [k, v] of Object.entries(arguments[0])) localStorage.setItem(k, v);",
        vec![json!(map)],
    )
    .await
}

/// A stored value parsed as JSON, with its `"v": 1` envelope checked.
async fn stored_json(ctx: &Ctx, suffix: &str) -> e2e::Result<Value> {
    let raw = ctx
        .local_storage(&key(suffix))
        .await?
        .ok_or_else(|| anyhow!("nothing stored under {}", key(suffix)))?;
    let value: Value = serde_json::from_str(&raw)
        .with_context(|| format!("{} is not JSON: {raw}", key(suffix)))?;
    ensure!(
        value["v"] == json!(1),
        "{} is not a version 1 envelope: {raw}",
        key(suffix)
    );
    Ok(value)
}

/// The run's plan as stored in `K:progress`: each slot's question id and option order.
fn stored_plan(progress: &Value) -> Vec<(String, Vec<String>)> {
    progress["quiz"]["slots"]
        .as_array()
        .map(|slots| {
            slots
                .iter()
                .map(|slot| {
                    let id = slot["question"].as_str().unwrap_or_default().to_string();
                    let options = slot["options"]
                        .as_array()
                        .map(|o| {
                            o.iter()
                                .map(|v| v.as_str().unwrap_or_default().to_string())
                                .collect()
                        })
                        .unwrap_or_default();
                    (id, options)
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The start screen as a reader with no saved results sees it.
fn check_fresh_start(shown: &Screen, what: &str) -> e2e::Result<()> {
    ensure!(
        shown.kind == "start"
            && shown.title.as_deref() == Some(TITLE)
            && shown.history.is_none()
            && shown.note.is_none(),
        "{what}: expected the start screen without a best score or a note, got {shown:?}"
    );
    Ok(())
}

#[tokio::test]
async fn playthrough_events_and_retake() {
    Scenario::new("quiz playthrough, events and retake")
        .timeout(LONG)
        .run(|ctx| async move {
            let first = open_ready(&ctx, PAGE).await?;
            check_fresh_start(&first, "a fresh profile")?;
            ensure!(
                !first.buttons.iter().any(|b| b == "Forget my data"),
                "\"Forget my data\" offered with nothing saved: {first:?}"
            );
            let q1 = ctx.widget(HOST).start().await?;
            ensure!(
                q1.buttons.iter().any(|b| b == "Start over"),
                "no \"Start over\" on a question: {q1:?}"
            );

            // Every third question wrong on purpose, starting with the second.
            let (answers, results) = play_to_the_end(&ctx, |i| i % 3 != 1).await?;
            let (score, p) = check_results(&results, &answers)?;
            ensure!(
                0 < score && score < total(),
                "the run should mix right and wrong answers"
            );
            ensure!(
                results.history.as_deref() == Some(best_line(score, total(), 1).as_str()),
                "best score line on the results {:?}, expected {:?}",
                results.history,
                best_line(score, total(), 1)
            );
            for label in ["Retake the quiz", "Forget my data"] {
                ensure!(
                    results.buttons.iter().any(|b| b == label),
                    "no {label:?} on the results: {:?}",
                    results.buttons
                );
            }
            check_events(&ctx.host_events().await?, 1, &answers, score)?;

            // What is stored: one history entry with this score, and the finished run.
            let history = stored_json(&ctx, "history").await?;
            let entries = history["entries"].as_array().cloned().unwrap_or_default();
            ensure!(
                entries.len() == 1
                    && entries[0]["score"] == json!(score)
                    && entries[0]["total"] == json!(total()),
                "stored history {history} should hold one entry of {score} / {} ({p}%)",
                total()
            );
            let progress = stored_json(&ctx, "progress").await?;
            let first_plan = stored_plan(&progress);
            let played: Vec<(String, Vec<String>)> = answers
                .iter()
                .map(|a| (a.question.id.to_string(), a.shown.options.clone()))
                .collect();
            ensure!(
                first_plan == played,
                "the stored plan is not the order the questions and options were shown in:\nstored {first_plan:?}\nshown  {played:?}"
            );
            ctx.assert_probe_clean().await?;

            // Retake: question 1 again, in a new order.
            ctx.widget(HOST).click_button("Retake the quiz").await?;
            let again = ctx.widget(HOST).wait_screen("question 1 after \"Retake the quiz\"", |s| {
                s.progress.as_deref() == Some(progress_text(1).as_str()) && s.verdict.is_none()
            })
            .await?;
            let retake_plan = stored_plan(&stored_json(&ctx, "progress").await?);
            ensure!(
                retake_plan.len() == total(),
                "the retake's stored plan has {} questions",
                retake_plan.len()
            );
            let shown_first = question_for(again.legend.as_deref().unwrap_or_default())?;
            ensure!(
                retake_plan[0].0 == shown_first.id && retake_plan[0].1 == again.options,
                "the retake shows {} {:?} but stored {:?} first",
                shown_first.id,
                again.options,
                retake_plan[0]
            );
            ensure!(
                retake_plan != first_plan,
                "the retake asks the questions and options in exactly the first attempt's order"
            );
            let starts = ctx.host_events()
                .await?
                .iter()
                .filter(|e| e.name == "start")
                .count();
            ensure!(starts == 2, "{starts} start events after a retake, expected 2");

            // Start over goes back to the start screen, which shows the one finished attempt.
            ctx.widget(HOST).click_button("Start over").await?;
            let home = ctx.widget(HOST).wait_screen("the start screen after \"Start over\"", |s| {
                s.kind == "start"
            })
            .await?;
            ensure!(
                home.history.as_deref() == Some(best_line(score, total(), 1).as_str()),
                "best score line on the start screen {:?}, expected {:?}",
                home.history,
                best_line(score, total(), 1)
            );
            ctx.assert_probe_clean().await
        })
        .await;
}

#[tokio::test]
async fn reload_resumes_mid_quiz_then_forget_my_data() {
    Scenario::new("quiz reload resumes, then forget my data")
        .timeout(LONG)
        .run(|ctx| async move {
            // Saved state the widget must also forget, and neighbours it must leave alone.
            ctx.open("/pages/blank.html").await?;
            set_storage(
                &ctx,
                &[
                    (key("newsletter"), r#"{"v":1,"state":"dismissed"}"#.into()),
                    (format!("{KEY}-other:history"), "not the quiz's".into()),
                    ("host-theme".into(), "dark".into()),
                ],
            )
            .await?;

            open_ready(&ctx, PAGE).await?;
            ctx.widget(HOST).start().await?;
            let mut answers = vec![answer(&ctx, true).await?];
            ctx.widget(HOST).next().await?;
            answers.push(answer(&ctx, false).await?);
            ctx.widget(HOST).next().await?;
            answers.push(answer(&ctx, false).await?);
            let before = answers[2].shown.clone();
            ensure!(
                before.progress.as_deref() == Some(progress_text(3).as_str()),
                "expected question 3 before the reload: {before:?}"
            );
            let progress = stored_json(&ctx, "progress").await?;
            let slots = progress["quiz"]["slots"].as_array().cloned().unwrap_or_default();
            let saved: Vec<Value> = slots.iter().take(4).map(|s| s["answer"].clone()).collect();
            let expected: Vec<Value> = answers
                .iter()
                .map(|a| json!(a.option))
                .chain([Value::Null])
                .collect();
            ensure!(
                saved == expected && progress["quiz"]["feedback"] == json!(true),
                "stored progress should hold the 3 answers {expected:?} with the feedback open: {progress}"
            );

            ctx.client.refresh().await.context("reloading the page")?;
            ctx.wait_ready(HOST).await?;
            let after = ctx.widget(HOST).wait_screen("the restored question 3", |s| s.kind == "question")
                .await?;
            let same = |a: &Screen, b: &Screen| {
                a.progress == b.progress
                    && a.legend == b.legend
                    && a.options == b.options
                    && a.checked == b.checked
                    && a.disabled == b.disabled
                    && a.verdict == b.verdict
                    && a.read_more == b.read_more
                    && a.action == b.action
            };
            ensure!(
                same(&before, &after),
                "after the reload the quiz shows\n{after:?}\nbut before it showed\n{before:?}"
            );
            ctx.assert_probe_clean().await?;

            ctx.widget(HOST).next().await?;
            let (rest, results) = play_to_the_end(&ctx, |_| true).await?;
            answers.extend(rest);
            let (score, _) = check_results(&results, &answers)?;
            ensure!(
                score == total() - 2,
                "score {score}: the run had 2 wrong answers, both before the reload"
            );
            // This page load saw no start, only the answers after the reload.
            check_events(&ctx.host_events().await?, 0, &answers[3..], score)?;

            // Forget my data: every key of this widget goes, nothing else does.
            ctx.widget(HOST).click_button("Forget my data").await?;
            let home = ctx.widget(HOST).wait_screen("the start screen after \"Forget my data\"", |s| {
                s.kind == "start"
            })
            .await?;
            check_fresh_start(&home, "after \"Forget my data\"")?;
            ensure!(
                home.notice.as_deref()
                    == Some("Your saved progress, scores, and choices were removed from this browser."),
                "no confirmation announced after \"Forget my data\": {:?}",
                home.notice
            );
            ensure!(
                !home.buttons.iter().any(|b| b == "Forget my data"),
                "\"Forget my data\" still offered after forgetting: {:?}",
                home.buttons
            );
            let left = stored(&ctx, &format!("{KEY}:")).await?;
            ensure!(left.is_empty(), "keys left after \"Forget my data\": {left:?}");
            let others = stored(&ctx, "").await?;
            ensure!(
                others.get(&format!("{KEY}-other:history")).map(String::as_str)
                    == Some("not the quiz's")
                    && others.get("host-theme").map(String::as_str) == Some("dark"),
                "\"Forget my data\" touched keys that are not the widget's: {others:?}"
            );
            ctx.client.refresh().await.context("reloading the page")?;
            ctx.wait_ready(HOST).await?;
            let reloaded = ctx.widget(HOST).wait_screen("the quiz section after reloading", |_| true).await?;
            check_fresh_start(&reloaded, "a reload after \"Forget my data\"")?;
            ctx.assert_probe_clean().await
        })
        .await;
}

/// One damaged-storage case: what is put into the widget's keys before it loads.
struct Fault {
    name: &'static str,
    progress: Option<String>,
    history: Option<String>,
    /// The best score line expected from the valid part of the history, if any.
    best: Option<String>,
}

impl Fault {
    fn progress(name: &'static str, raw: &str) -> Fault {
        Fault {
            name,
            progress: Some(raw.into()),
            history: None,
            best: None,
        }
    }

    fn history(name: &'static str, raw: &str) -> Fault {
        Fault {
            name,
            progress: None,
            history: Some(raw.into()),
            best: None,
        }
    }
}

#[tokio::test]
async fn damaged_saved_state_starts_fresh_with_one_warning() {
    Scenario::new("quiz damaged saved state")
        .timeout(LONG)
        .run(|ctx| async move {
            // A real save, cut in half: what a crash in the middle of a write leaves behind.
            open_ready(&ctx, PAGE).await?;
            ctx.widget(HOST).start().await?;
            answer(&ctx, true).await?;
            let real = ctx
                .local_storage(&key("progress"))
                .await?
                .ok_or_else(|| anyhow!("no progress saved after an answer"))?;
            let cut = real[..real.len() / 2].to_string();

            let faults = vec![
                Fault::progress("progress: a real save truncated", &cut),
                Fault::progress(
                    "progress: wrong types",
                    r#"{"v":1,"quiz":{"mode":"Instant","started":"yes","feedback":0,"slots":{},"selected":7}}"#,
                ),
                Fault::progress("progress: a foreign string", r#""hello""#),
                Fault::progress("progress: a foreign array", "[]"),
                Fault::history("history: truncated", r#"{"v":1,"entries":[{"score":3,"#),
                Fault::history("history: an older version", r#"{"v":0,"entries":[]}"#),
                Fault::history("history: wrong types", r#"{"v":1,"entries":{"score":3}}"#),
                Fault::history("history: a foreign number", "42"),
                Fault {
                    name: "both damaged at once",
                    progress: Some("hello".into()),
                    history: Some("[]".into()),
                    best: None,
                },
                Fault {
                    name: "history: one valid entry among invalid ones",
                    progress: None,
                    history: Some(
                        r#"{"v":1,"entries":[{"score":7,"total":10,"finished_at_ms":1764288000000},{"score":12,"total":10,"finished_at_ms":1764288060000},"hello"]}"#
                            .into(),
                    ),
                    best: Some(best_line(7, 10, 1)),
                },
            ];
            let mut failures = Vec::new();
            for fault in &faults {
                if let Err(e) = check_fault(&ctx, fault).await {
                    failures.push(format!("{}: {e:#}", fault.name));
                }
            }
            ensure!(
                failures.is_empty(),
                "{} of {} damaged values mishandled:\n  {}",
                failures.len(),
                faults.len(),
                failures.join("\n  ")
            );
            Ok(())
        })
        .await;
}

/// Puts `fault` into storage, reloads, and checks: ready, start screen (with the valid history's
/// best score, if any), exactly one `<cto-cio-quiz>: ` warning and nothing else in the console,
/// and a quiz that still starts.
async fn check_fault(ctx: &Ctx, fault: &Fault) -> e2e::Result<()> {
    let mut entries = Vec::new();
    if let Some(raw) = &fault.progress {
        entries.push((key("progress"), raw.clone()));
    }
    if let Some(raw) = &fault.history {
        entries.push((key("history"), raw.clone()));
    }
    set_storage(ctx, &entries).await?;
    let shown = open_ready(ctx, PAGE).await?;
    ensure!(
        shown.kind == "start" && shown.history == fault.best && shown.note.is_none(),
        "expected the start screen with best score line {:?}, got {shown:?}",
        fault.best
    );
    ctx.assert_only_logged("console.warn", "starting with the widget's prefix", |m| {
        m.starts_with(CONSOLE_PREFIX)
    })
    .await?;
    ctx.widget(HOST)
        .start()
        .await
        .context("the quiz no longer starts")?;
    Ok(())
}

/// What a newer release of the widget might have saved: shapes this release does not know, with
/// odd spacing, so that any rewrite would show.
fn newer_release_saves() -> Vec<(String, String)> {
    vec![
        (
            key("progress"),
            r#"{"v":2, "quiz":{"rounds":[{"question":"q01","answer":"cto"}]}, "by":"release 9"}"#.into(),
        ),
        (
            key("history"),
            r#"{"v":2,"entries":[{"score":9,"total":10,"finished_at_ms":1764288000000,"badge":"gold"}]}"#.into(),
        ),
        (key("newsletter"), r#"{"v":3,"state":"weekly_digest"}"#.into()),
    ]
}

#[tokio::test]
async fn a_newer_release_s_data_survives_a_full_playthrough_untouched() {
    Scenario::new("quiz keeps a newer release's data")
        .timeout(LONG)
        .run(|ctx| async move {
            ctx.open("/pages/blank.html").await?;
            let newer = newer_release_saves();
            set_storage(&ctx, &newer).await?;
            let expected: BTreeMap<String, String> = newer.iter().cloned().collect();

            let first = open_ready(&ctx, PAGE).await?;
            ensure!(
                first.kind == "start" && first.note.as_deref() == Some(NOTE),
                "expected the start screen with the cannot-save note, got {first:?}"
            );
            ensure!(
                first.buttons.iter().any(|b| b == "Forget my data"),
                "\"Forget my data\" is not offered for the newer release's data: {:?}",
                first.buttons
            );
            ctx.assert_only_logged("console.warn", "naming the newer version", |m| {
                m.starts_with(CONSOLE_PREFIX) && m.contains("newer version")
            })
            .await?;

            ctx.widget(HOST).start().await?;
            let (_, results) = play_to_the_end(&ctx, |i| i % 2 == 0).await?;
            ensure!(results.kind == "results", "no results: {results:?}");
            // The attempt is kept in memory for this page: the best score shows.
            ensure!(
                results.note.as_deref() == Some(NOTE),
                "the cannot-save note went away: {results:?}"
            );
            let now = stored(&ctx, &format!("{KEY}:")).await?;
            ensure!(
                now == expected,
                "a full playthrough changed the newer release's data:\n{now:#?}\nexpected\n{expected:#?}"
            );

            // A reload is still hands-off, and the data is still there to forget.
            ctx.client.refresh().await.context("reloading the page")?;
            ctx.wait_ready(HOST).await?;
            ctx.widget(HOST).wait_screen("the start screen after the reload", |s| s.kind == "start").await?;
            ctx.widget(HOST).click_button("Forget my data").await?;
            let home = ctx.widget(HOST).wait_screen("the start screen after \"Forget my data\"", |s| {
                s.notice.is_some()
            })
            .await?;
            check_fresh_start(&home, "after forgetting the newer release's data")?;
            let left = stored(&ctx, &format!("{KEY}:")).await?;
            ensure!(left.is_empty(), "keys left after \"Forget my data\": {left:?}");
            Ok(())
        })
        .await;
}

#[tokio::test]
async fn works_in_memory_when_storage_fails() {
    in_every_engine("quiz without storage", |ctx| async move {
        let pages = [
            ("/pages/quiz-no-storage.html", true),
            ("/pages/quiz-quota.html", true),
            // A nearly full store: the start-up probe fits, the first real save does not.
            ("/pages/quiz-quota.html?over=16", false),
        ];
        let mut failures = Vec::new();
        for (page, note_at_load) in pages {
            if let Err(e) = check_without_storage(&ctx, page, note_at_load).await {
                failures.push(format!("{page}: {e:#}"));
            }
        }
        ensure!(failures.is_empty(), "{}", failures.join("\n  "));
        Ok(())
    })
    .await;
}

/// On a page whose localStorage fails: the widget is ready, says it cannot save (at load, or once
/// a save fails), and a question can be answered and left; nothing reaches the console.
async fn check_without_storage(ctx: &Ctx, page: &str, note_at_load: bool) -> e2e::Result<()> {
    let first = open_ready(ctx, page).await?;
    ensure!(
        first.kind == "start",
        "expected the start screen, got {first:?}"
    );
    let expected_note = note_at_load.then(|| NOTE.to_string());
    ensure!(
        first.note == expected_note,
        "note at load {:?}, expected {expected_note:?}",
        first.note
    );
    ctx.widget(HOST).start().await?;
    let right = answer(ctx, true).await?;
    ensure!(
        right.shown.note.as_deref() == Some(NOTE),
        "the cannot-save note is missing after saving failed: {:?}",
        right.shown
    );
    ctx.widget(HOST).next().await?;
    let wrong = answer(ctx, false).await?;
    ensure!(
        wrong.shown.note.as_deref() == Some(NOTE),
        "the note went away: {:?}",
        wrong.shown
    );
    ctx.widget(HOST).next().await?;
    ctx.assert_probe_clean().await?;
    if !note_at_load {
        // Reads work on this page: nothing of the quiz may have been stored.
        let saved = stored(ctx, &format!("{KEY}:")).await?;
        ensure!(saved.is_empty(), "stored despite the quota: {saved:?}");
    }
    Ok(())
}

#[tokio::test]
async fn a_second_tab_follows_without_a_reload() {
    in_every_engine("quiz in two tabs", |ctx| async move {
        open_ready(&ctx, PAGE).await?;
        let tab_a = ctx.client.window().await?;
        // A window, not a tab: WebKitGTK keeps a new tab in the background (visibilityState
        // "hidden"), where the lazy loader rightly never starts the widget.
        let tab_b = ctx
            .client
            .new_window(false)
            .await
            .context("opening a second window")?
            .handle;
        ctx.client.switch_to_window(tab_b.clone()).await?;
        open_ready(&ctx, PAGE).await?;

        // B starts and answers; A shows the same question with the same feedback.
        ctx.widget(HOST).start().await?;
        let answered = answer(&ctx, false).await?;
        let in_b = answered.shown.clone();
        ctx.client.switch_to_window(tab_a.clone()).await?;
        let in_a = ctx
            .widget(HOST)
            .wait_screen("tab A to show tab B's answered question 1", |s| {
                s.progress == in_b.progress
                    && s.legend == in_b.legend
                    && s.options == in_b.options
                    && s.checked == in_b.checked
                    && s.verdict == in_b.verdict
            })
            .await?;
        ctx.assert_probe_clean().await?;

        // A moves on; B follows.
        ctx.widget(HOST).next().await?;
        let q2 = ctx.widget(HOST).screen().await?.unwrap_or_default();
        ctx.client.switch_to_window(tab_b).await?;
        ctx.widget(HOST)
            .wait_screen("tab B to show tab A's question 2", |s| {
                s.progress.as_deref() == Some(progress_text(2).as_str())
                    && s.legend == q2.legend
                    && s.options == q2.options
                    && s.verdict.is_none()
            })
            .await?;
        ensure!(in_a.disabled, "tab A's radios are not disabled: {in_a:?}");
        ctx.assert_probe_clean().await
    })
    .await;
}

/// Where focus is inside the widget after a "Read more" click, and what the host page saw.
#[derive(Debug, Deserialize)]
struct Revealed {
    /// `shadowRoot.activeElement` is inside `#<anchor>`.
    inside: bool,
    /// A short description of `shadowRoot.activeElement`.
    active: String,
    /// Whether `#<anchor>` itself can take focus (a tabindex, or natively focusable).
    focusable: bool,
    /// The target's top edge relative to the viewport, and the viewport height.
    top: f64,
    viewport: f64,
    hash: String,
    href: String,
}

const REVEALED_JS: &str = r#"
const root = document.querySelector(arguments[0]).shadowRoot;
const target = root.getElementById(arguments[1]);
const active = root.activeElement;
const describe = (el) => el ? el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
  (el.className ? '.' + String(el.className).split(/\s+/).join('.') : '') +
  ' "' + el.textContent.replace(/\s+/g, ' ').trim().slice(0, 40) + '"' : 'none';
return {
  inside: !!(target && active && target.contains(active)),
  active: describe(active),
  focusable: !!target && (target.hasAttribute('tabindex') || target.tabIndex >= 0),
  top: target ? target.getBoundingClientRect().top : -1e9,
  viewport: window.innerHeight,
  hash: location.hash,
  href: location.href,
};
"#;

#[tokio::test]
async fn read_more_focuses_the_explainer_without_navigating() {
    in_every_engine("quiz read more", |ctx| async move {
        open_ready(&ctx, PAGE).await?;
        let href: String = ctx.eval("return location.href;", vec![]).await?;
        ctx.widget(HOST).start().await?;
        // Answer until one link to a whole section and one to a dimension have been followed.
        let (mut section_done, mut dimension_done) = (false, false);
        let mut failures = Vec::new();
        let mut followed = Vec::new();
        for i in 0..total() {
            let answered = answer(&ctx, i % 2 == 0).await?;
            let anchor = answered.question.section;
            let is_dimension = dimension_ids().contains(&anchor);
            let done = if is_dimension {
                &mut dimension_done
            } else {
                &mut section_done
            };
            if !*done {
                *done = true;
                ctx.shadow_click(HOST, READ_MORE).await?;
                // Focus moves synchronously in the click handler; allow a few frames anyway.
                let deadline = Instant::now() + Duration::from_millis(1500);
                let revealed = loop {
                    let r: Revealed = ctx
                        .eval(REVEALED_JS, vec![json!(HOST), json!(anchor)])
                        .await?;
                    if r.inside || Instant::now() > deadline {
                        break r;
                    }
                    sleep_ms(50).await;
                };
                let kind = if is_dimension { "dimension" } else { "section" };
                followed.push(format!("#{anchor}: focus on {}", revealed.active));
                if !revealed.inside {
                    let why = if revealed.focusable {
                        ""
                    } else {
                        " (WIDGET BUG: the link's target element is not focusable, it has no \
                         tabindex, so focusing it does nothing; its tabindex=-1 heading is)"
                    };
                    failures.push(format!(
                        "\"Read more\" to the {kind} #{anchor} (question {}): focus stayed on \
                         {} instead of moving into #{anchor}{why}",
                        answered.question.id, revealed.active
                    ));
                }
                if !revealed.hash.is_empty() || revealed.href != href {
                    failures.push(format!(
                        "\"Read more\" to #{anchor} navigated the host page: {} (hash {:?})",
                        revealed.href, revealed.hash
                    ));
                }
                if !(0.0..revealed.viewport).contains(&revealed.top) {
                    failures.push(format!(
                        "\"Read more\" did not scroll #{anchor} into view: its top is at {} of {}",
                        revealed.top, revealed.viewport
                    ));
                }
            }
            if section_done && dimension_done {
                break;
            }
            ctx.widget(HOST).next().await?;
        }
        ensure!(
            section_done && dimension_done,
            "the run never linked to both a section and a dimension"
        );
        ensure!(
            failures.is_empty(),
            "{}\n  (links followed: {})",
            failures.join("\n  "),
            followed.join("; ")
        );
        ctx.assert_probe_clean().await
    })
    .await;
}

/// A double click on "Check answer": the button says "Next question" by the second click, which
/// is not a press of its own, so the feedback stays on screen with nothing skipped; a click of
/// its own (the same dispatch, whose effect shows by the time it returns) moves on.
#[tokio::test]
async fn the_second_click_of_a_double_click_skips_no_feedback() {
    in_every_engine("quiz: a double click's second click", |ctx| async move {
        open_ready(&ctx, PAGE).await?;
        ctx.widget(HOST).start().await?;
        let answered = answer(&ctx, true).await?;
        let progress = key("progress");
        let saved = ctx.local_storage(&progress).await?;
        ctx.shadow_click_numbered(HOST, e2e::widget::QUESTION_BUTTON, 2)
            .await?;
        let after = ctx.widget(HOST).screen().await?;
        let stayed = after.as_ref().is_some_and(|s| {
            s.progress == answered.shown.progress && s.verdict == answered.shown.verdict
        });
        ensure!(
            stayed,
            "a double click's second click on \"Next question\" left {after:?}, expected the \
             feedback on {}",
            answered.question.id
        );
        let kept = ctx.local_storage(&progress).await?;
        ensure!(kept == saved, "{progress} went from {saved:?} to {kept:?}");
        ctx.shadow_click_numbered(HOST, e2e::widget::QUESTION_BUTTON, 1)
            .await?;
        let second = progress_text(2);
        let moved = ctx.widget(HOST).screen().await?;
        ensure!(
            moved
                .as_ref()
                .is_some_and(|s| s.progress.as_deref() == Some(second.as_str())),
            "a single click on \"Next question\" left {moved:?}"
        );
        ctx.assert_probe_clean().await?;
        Ok(())
    })
    .await;
}
