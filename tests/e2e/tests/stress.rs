//! Stress scenarios, each in Chromium, Firefox and WebKit with a fresh profile:
//!
//! - **Twenty widgets on one page**, each with its own `storage-key`: all become ready as they are
//!   scrolled near (the loader is lazy), from one wasm fetch; the first question answered
//!   differently in a few of them (right in #3, wrong in #7, right and moved on in #12, only
//!   started in #18) and every widget keeps exactly its own state, on screen and in its
//!   `stress-<i>:progress`, and the host page hears each event from the right element.
//! - **Rapid clicking**: on one widget, "Start the quiz", the radios and the main button
//!   ("Check answer" / "Next question" / "See my results") clicked many times in quick succession
//!   by one script (synchronous `.click()` loops inside the shadow root, first without letting the
//!   page render at all, then in bursts with a render in between), then "Retake the quiz" five
//!   times in a row. Nothing may be answered twice or skipped: the answered slots stay a prefix of
//!   the stored plan, the `cto-cio-quiz:answer` events (heard by the host page's listener) match
//!   the stored answers one to one and in order, no answer is recorded for a question that was
//!   never on screen, the screen agrees with storage after every render, one start, one complete
//!   and one history entry per run, and nothing reaches the console. The run's order is pinned (a
//!   saved, not yet started run in `stress-2:progress`, see `pinned_plan`) so every run clicks the
//!   same questions.
//!
//! Host page: `pages/stress-host.html` (`?n=` widgets, default 20, built by `stress-host.js`,
//! which also records the events). They need the release bundle: `cargo xtask dist` first.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use anyhow::{bail, ensure, Context};
use cto_cio_quiz::content::{Question, QUESTIONS};
use e2e::bank::{collapse, progress_text};
use e2e::page::sleep_ms;
use e2e::widget::selectors;
use e2e::{Ctx, Scenario};
use serde::Deserialize;
use serde_json::{json, Value};

/// How many widgets the big page has.
const WIDGETS: usize = 20;
/// Twenty widgets take a while to mount on two shared cores.
const LONG: Duration = Duration::from_secs(240);
/// The wasm module's path, as the server logs it.
/// The wasm's request line, by its content-hashed name in the bundle.
fn wasm_get() -> String {
    let wasm = e2e::server::bundle_name("cto-cio-quiz_bg.wasm").expect("the bundle's wasm");
    format!("GET /dist/{wasm} ")
}

fn host(i: usize) -> String {
    format!("#quiz-{i}")
}

fn storage_key(i: usize) -> String {
    format!("stress-{i}")
}

/// What one widget's quiz section shows, as the all-widgets snapshot ([`SCREENS_JS`]) reads it:
/// every widget at once, including the ones not mounted. One widget is read and driven through
/// [`e2e::widget`].
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(default)]
struct Screen {
    /// The host's `data-ccq-state`.
    state: Option<String>,
    /// `start`, `question`, `results`, `other`, or `none` (not mounted).
    kind: String,
    progress: Option<String>,
    legend: Option<String>,
    checked: Option<String>,
    verdict: Option<String>,
}

/// Every widget's screen, by element id, read in one script ([`selectors`] in `arguments[0]`).
const SCREENS_JS: &str = r#"
const S = arguments[0];
const text = (el) => el ? el.textContent.replace(/\s+/g, ' ').trim() : null;
const out = {};
for (const host of document.querySelectorAll('cto-cio-quiz')) {
  const quiz = host.shadowRoot && host.shadowRoot.querySelector(S.quiz);
  const form = quiz && quiz.querySelector(S.question);
  const checked = form && form.querySelector('input[type=radio]:checked');
  const start = quiz && Array.from(quiz.querySelectorAll('button')).some((b) => text(b) === 'Start the quiz');
  out[host.id] = {
    state: host.getAttribute('data-ccq-state'),
    kind: !quiz ? 'none' : form ? 'question' : quiz.querySelector(S.results) ? 'results'
      : start ? 'start' : 'other',
    progress: text(quiz && quiz.querySelector(S.progress)),
    legend: text(quiz && quiz.querySelector(S.legend)),
    checked: checked ? checked.value : null,
    verdict: text(quiz && quiz.querySelector(S.verdict)),
  };
}
return out;
"#;

async fn screens(ctx: &Ctx) -> e2e::Result<BTreeMap<String, Screen>> {
    ctx.eval(SCREENS_JS, vec![selectors()]).await
}

/// Answers widget `i`'s question on screen right or wrong through the driver; returns the
/// question and the option chosen.
async fn answer(
    ctx: &Ctx,
    i: usize,
    right: bool,
) -> e2e::Result<(&'static Question, &'static str)> {
    let answered = ctx.widget(&host(i)).answer(right).await?;
    Ok((answered.question, answered.option))
}

/// `K:progress` of widget `i`, parsed (`None` if nothing is stored).
async fn stored_progress(ctx: &Ctx, i: usize) -> e2e::Result<Option<Value>> {
    let key = format!("{}:progress", storage_key(i));
    match ctx.local_storage(&key).await? {
        None => Ok(None),
        Some(raw) => {
            let value: Value =
                serde_json::from_str(&raw).with_context(|| format!("{key} is not JSON: {raw}"))?;
            ensure!(
                value["v"] == json!(1),
                "{key} is not a version 1 save: {raw}"
            );
            Ok(Some(value["quiz"].clone()))
        }
    }
}

/// The stored answers of a saved quiz, slot by slot (`None` for unanswered).
fn stored_answers(quiz: &Value) -> Vec<Option<String>> {
    quiz["slots"]
        .as_array()
        .map(|slots| {
            slots
                .iter()
                .map(|s| s["answer"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// How many times the server sent the wasm module.
fn wasm_fetches(ctx: &Ctx) -> usize {
    let wasm = wasm_get();
    ctx.server
        .request_log()
        .iter()
        .filter(|line| line.starts_with(&wasm))
        .count()
}

/// What was done to a widget on the big page, and so what it must show and store.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Done {
    Nothing,
    Started,
    /// Question 1 answered (right or wrong), feedback on screen.
    Answered(bool),
    /// Question 1 answered right, then "Next question".
    MovedOn,
}

#[tokio::test]
async fn twenty_widgets_each_keep_their_own_state() {
    Scenario::new("stress: twenty widgets on one page")
        .timeout(LONG)
        .run(|ctx| async move {
            let started = Instant::now();
            ctx.open(&format!("/pages/stress-host.html?n={WIDGETS}"))
                .await?;
            let count: usize = ctx
                .eval(
                    "return document.querySelectorAll('cto-cio-quiz').length;",
                    vec![],
                )
                .await?;
            ensure!(
                count == WIDGETS,
                "the page has {count} widgets, not {WIDGETS}"
            );
            // The loader is lazy: the last one, far below the fold, has not started. It waits
            // (the positive signal); that it stays so cannot be a wait, hence half a second.
            ctx.wait_state(&host(WIDGETS), "waiting", e2e::widget::STEP)
                .await?;
            sleep_ms(500).await;
            let last = ctx.state(&host(WIDGETS)).await?;
            ensure!(
                last.as_deref() == Some("waiting"),
                "#quiz-{WIDGETS}, far below the fold, is {last:?} instead of waiting"
            );
            for i in 1..=WIDGETS {
                ctx.scroll_into_view(&host(i)).await?;
                ctx.wait_ready(&host(i))
                    .await
                    .with_context(|| format!("#quiz-{i} after scrolling to it"))?;
            }
            eprintln!(
                "[stress] {}: {WIDGETS} widgets ready in {:.1?}",
                ctx.engine,
                started.elapsed()
            );
            let all = screens(&ctx).await?;
            let not_ready: Vec<String> = all
                .iter()
                .filter(|(_, s)| s.state.as_deref() != Some("ready") || s.kind != "start")
                .map(|(id, s)| format!("{id}: {s:?}"))
                .collect();
            ensure!(
                not_ready.is_empty(),
                "not all on the start screen: {not_ready:?}"
            );
            ensure!(
                wasm_fetches(&ctx) == 1,
                "the wasm module was fetched {} times: {:?}",
                wasm_fetches(&ctx),
                ctx.server.request_log()
            );
            let wasm = ctx.resources(".wasm").await?;
            ensure!(wasm.len() == 1, "resource timing shows {wasm:?}");

            // Different things in a few of them.
            let mut plan = [Done::Nothing; WIDGETS + 1];
            let mut first = BTreeMap::new();
            for (i, done) in [
                (3, Done::Answered(true)),
                (7, Done::Answered(false)),
                (12, Done::MovedOn),
                (18, Done::Started),
            ] {
                plan[i] = done;
                ctx.widget(&host(i)).start().await?;
                match done {
                    Done::Answered(right) => {
                        first.insert(i, answer(&ctx, i, right).await?);
                    }
                    Done::MovedOn => {
                        first.insert(i, answer(&ctx, i, true).await?);
                        ctx.widget(&host(i)).next().await?;
                    }
                    Done::Started | Done::Nothing => {}
                }
            }

            // Each widget shows and stores exactly its own state.
            let all = screens(&ctx).await?;
            let mut failures = Vec::new();
            for (i, done) in plan.iter().enumerate().skip(1) {
                let id = format!("quiz-{i}");
                let shown = all.get(&id).cloned().unwrap_or_default();
                let stored = stored_progress(&ctx, i).await?;
                let answers = stored.as_ref().map(stored_answers).unwrap_or_default();
                let answered: Vec<&String> = answers.iter().flatten().collect();
                let started = stored.as_ref().is_some_and(|q| q["started"] == json!(true));
                let feedback = stored
                    .as_ref()
                    .is_some_and(|q| q["feedback"] == json!(true));
                let ok = match done {
                    Done::Nothing => shown.kind == "start" && !started && answered.is_empty(),
                    Done::Started => {
                        shown.progress.as_deref() == Some(progress_text(1).as_str())
                            && shown.checked.is_none()
                            && shown.verdict.is_none()
                            && started
                            && answered.is_empty()
                    }
                    Done::Answered(right) => {
                        let verdict = if *right { "Right!" } else { "Not quite." };
                        let (_, option) = first[&i];
                        shown.progress.as_deref() == Some(progress_text(1).as_str())
                            && shown.verdict.as_deref() == Some(verdict)
                            && shown.checked.as_deref() == Some(option)
                            && feedback
                            && answers.first().cloned().flatten().as_deref() == Some(option)
                            && answered.len() == 1
                    }
                    Done::MovedOn => {
                        let (_, option) = first[&i];
                        shown.progress.as_deref() == Some(progress_text(2).as_str())
                            && shown.verdict.is_none()
                            && !feedback
                            && answers.first().cloned().flatten().as_deref() == Some(option)
                            && answered.len() == 1
                    }
                };
                if !ok {
                    failures.push(format!(
                        "#{id} ({done:?}): shows {shown:?}; stores started={started} \
                         feedback={feedback} answers={answered:?}"
                    ));
                }
            }
            ensure!(
                failures.is_empty(),
                "widgets do not keep their own state:\n  {}",
                failures.join("\n  ")
            );

            // The host page heard each event once, from the right element.
            let events = ctx.host_events().await?;
            let starts: Vec<&str> = events
                .iter()
                .filter(|e| e.name == "start")
                .map(|e| e.target.as_str())
                .collect();
            ensure!(
                starts == ["quiz-3", "quiz-7", "quiz-12", "quiz-18"],
                "start events from {starts:?}"
            );
            let heard: Vec<(String, Value)> = events
                .iter()
                .filter(|e| e.name == "answer")
                .map(|e| (e.target.clone(), e.detail.clone()))
                .collect();
            let expected: Vec<(String, Value)> = [(3, true), (7, false), (12, true)]
                .iter()
                .map(|&(i, correct)| {
                    (
                        format!("quiz-{i}"),
                        json!({"questionId": first[&i].0.id, "correct": correct}),
                    )
                })
                .collect();
            ensure!(
                heard == expected,
                "answer events\n  {heard:?}\nexpected\n  {expected:?}"
            );
            ensure!(wasm_fetches(&ctx) == 1, "the wasm module was fetched again");
            ctx.assert_probe_clean().await
        })
        .await;
}

/// The questions of the pinned run, in order: first the ones whose options are `a`-`d`, then the
/// rest, leaving out any that rests on an article sentence an earlier one rests on (one attempt
/// never holds both, and the restore would drop the later one with a warning).
fn pinned_questions() -> Vec<&'static Question> {
    let abcd = |q: &&Question| q.options.iter().map(|o| o.id).eq(["a", "b", "c", "d"]);
    let (first, rest): (Vec<&Question>, Vec<&Question>) = QUESTIONS.iter().partition(abcd);
    let mut pinned: Vec<&'static Question> = Vec::new();
    for q in first.into_iter().chain(rest) {
        if pinned.iter().all(|p| !p.shares_a_sentence_with(q)) {
            pinned.push(q);
        }
    }
    pinned
}

/// A saved, not yet started run (`K:progress`) asking every question of [`pinned_questions`] (a
/// saved run keeps its questions whatever the page's `questions` count) in that fixed order, each
/// with its authored option order. Two questions in a row with the same option ids are what
/// makes a click on a radio of the previous question, still in the page, able to pick an option
/// of the current one.
fn pinned_plan() -> Value {
    let slots: Vec<Value> = pinned_questions()
        .iter()
        .map(|q| {
            json!({
                "question": q.id,
                "options": q.options.iter().map(|o| o.id).collect::<Vec<_>>(),
                "answer": null,
            })
        })
        .collect();
    json!({
        "v": 1,
        "quiz": {"mode": "Instant", "started": false, "feedback": false, "slots": slots, "selected": null},
    })
}

/// What the rapid-click script found.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Hammered {
    error: Option<String>,
    /// Every broken invariant, once, where it was first seen (and how often).
    problems: Vec<String>,
    clicks: usize,
    rounds: usize,
    /// Start events after "Start the quiz" was clicked ten times in a row.
    starts_after_start: usize,
    /// Answers stored right after the burst that never let the page render.
    answered_in_burst: usize,
    /// Start events after "Retake the quiz" was clicked five times in a row (0 if not reached).
    starts_after_retake: usize,
    /// Every question id that was ever on screen (seen by a MutationObserver and at each check).
    displayed: Vec<String>,
    results: bool,
}

/// Hammers one widget (see the module docs). Arguments: host selector, storage key, the number of
/// questions, a map prompt → question id, [`selectors`]; returns a [`Hammered`].
const HAMMER_JS: &str = r#"
const done = arguments[arguments.length - 1];
const [hostSel, key, total, prompts, S] = arguments;
const host = document.querySelector(hostSel);
const root = host.shadowRoot;
const text = (el) => el ? el.textContent.replace(/\s+/g, ' ').trim() : null;
const mine = (name) => window.__quizEvents.filter((e) => e.target === host.id && e.name === name);
const submit = () => root.querySelector(S.button);
const radios = () => Array.from(root.querySelectorAll(S.options));
const button = (label) => Array.from(root.querySelectorAll(S.quiz + ' button')).find((b) => text(b) === label);
let seed = 20251128;
const pick = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
// Each broken invariant once, where it was first seen, with how often it was seen.
const problems = new Map();
const problem = (kind, message) => {
  const seen = problems.get(kind);
  if (seen) seen.count++; else problems.set(kind, {message, count: 1});
};
const report = () => Array.from(problems.values(),
  (p) => p.message + (p.count > 1 ? ' (seen ' + p.count + ' times)' : ''));
const displayed = new Set();
const look = () => {
  const legend = text(root.querySelector(S.legend));
  if (legend) displayed.add(prompts[legend] || ('unknown prompt: ' + legend));
};
const observer = new MutationObserver(look);
observer.observe(root, {subtree: true, childList: true, characterData: true});
const stored = () => {
  const raw = localStorage.getItem(key + ':progress');
  return raw ? JSON.parse(raw).quiz : null;
};
// The invariants; `rendered` when the page has had the chance to render since the last click.
const check = (when, rendered) => {
  look();
  const quiz = stored();
  const slots = quiz ? quiz.slots : [];
  const answered = slots.filter((s) => s.answer != null).length;
  const gap = slots.findIndex((s) => s.answer == null);
  if (gap >= 0 && slots.slice(gap).some((s) => s.answer != null)) {
    problem('gap', when + ': the stored answers are not a prefix of the plan (a question was skipped)');
  }
  const answers = mine('answer');
  const heard = answers.map((e) => e.detail.questionId);
  const planned = slots.slice(0, answered).map((s) => s.question);
  if (JSON.stringify(heard) !== JSON.stringify(planned)) {
    problem('events', when + ': answer events for ' + JSON.stringify(heard) +
      ' but stored answers for ' + JSON.stringify(planned));
  }
  const unseen = planned.filter((id) => !displayed.has(id));
  if (unseen.length) {
    problem('unseen', when + ': ' + answered + ' stored answer(s), but ' + JSON.stringify(unseen) +
      ' never was on screen (on screen so far: ' + JSON.stringify(Array.from(displayed)) + ')');
  }
  if (rendered) {
    const form = root.querySelector(S.question);
    const feedback = !!(quiz && quiz.feedback);
    if (form) {
      const m = /^Question (\d+) of (\d+)$/.exec(text(root.querySelector(S.progress)) || '');
      const shown = m ? Number(m[1]) : -1;
      const open = !!form.querySelector('.ccq-feedback');
      const want = feedback ? answered : answered + 1;
      if (shown !== want || open !== feedback) {
        problem('screen', when + ': the screen shows question ' + shown + (open ? ' with' : ' without') +
          ' feedback, but storage holds ' + answered + ' answer(s) with feedback ' + feedback);
      }
    } else if (root.querySelector(S.results) && answered !== total) {
      problem('results', when + ': the results are shown after ' + answered + ' of ' + total + ' answers');
    }
  }
  return answered;
};
(async () => {
  let clicks = 0;
  const start = button('Start the quiz');
  if (!start) throw new Error('no "Start the quiz" button');
  for (let i = 0; i < 10; i++) { start.click(); clicks++; }
  await tick(); await tick();
  check('after ten clicks on "Start the quiz"', true);
  const startsAfterStart = mine('start').length;

  // One burst that never lets the page render: radios and the main button, 300 clicks.
  for (let i = 0; i < 100; i++) {
    const rs = radios();
    if (rs.length) { rs[pick(rs.length)].click(); clicks++; }
    const s = submit();
    if (s) { s.click(); s.click(); clicks += 2; }
  }
  // Storage has one writer per key, an effect: it catches up in the microtasks that follow the
  // burst's click handlers, before any other task can read it. One task later it must hold
  // exactly the answers the events announced.
  await tick();
  const answeredInBurst = check('right after the unrendered burst', false);
  await tick();
  check('after the unrendered burst, rendered', true);

  // Bursts with a render in between, until the results.
  let rounds = 0;
  while (!root.querySelector(S.results) && rounds < 600) {
    rounds++;
    for (let j = 0; j < 3; j++) {
      const rs = radios().filter((r) => !r.disabled);
      if (rs.length) { rs[pick(rs.length)].click(); clicks++; }
    }
    const s = submit();
    const times = 1 + pick(3);
    for (let j = 0; s && j < times; j++) { s.click(); clicks++; }
    await tick();
    check('round ' + rounds, true);
  }
  const results = !!root.querySelector(S.results);
  observer.disconnect();
  let startsAfterRetake = 0;
  if (results) {
    const retake = button('Retake the quiz');
    const before = mine('start').length;
    for (let i = 0; retake && i < 5; i++) { retake.click(); clicks++; }
    await tick(); await tick();
    startsAfterRetake = mine('start').length - before;
  }
  done({problems: report(), clicks, rounds, starts_after_start: startsAfterStart,
        answered_in_burst: answeredInBurst, starts_after_retake: startsAfterRetake,
        displayed: Array.from(displayed), results});
})().catch((e) => done({error: String(e && e.stack || e), problems: report()}));
"#;

#[tokio::test]
async fn rapid_clicks_never_answer_twice_or_skip() {
    Scenario::new("stress: rapid clicks")
        .timeout(LONG)
        .run(|ctx| async move {
            let target = 2;
            // A fixed plan instead of a random one, so every run asks the same questions in the
            // same order (see `pinned_plan`).
            ctx.open("/pages/blank.html").await?;
            ctx.eval::<()>(
                "localStorage.clear(); localStorage.setItem(arguments[0], arguments[1]);",
                vec![
                    json!(format!("{}:progress", storage_key(target))),
                    json!(pinned_plan().to_string()),
                ],
            )
            .await?;
            ctx.open("/pages/stress-host.html?n=3").await?;
            for i in 1..=3 {
                ctx.scroll_into_view(&host(i)).await?;
                ctx.wait_ready(&host(i)).await?;
            }
            ctx.scroll_into_view(&host(target)).await?;
            let pinned = pinned_questions().len();
            let prompts: BTreeMap<String, &str> = QUESTIONS
                .iter()
                .map(|q| (collapse(q.prompt), q.id))
                .collect();
            let started = Instant::now();
            let value = ctx
                .client
                .execute_async(
                    HAMMER_JS,
                    vec![
                        json!(host(target)),
                        json!(storage_key(target)),
                        json!(pinned),
                        json!(prompts),
                        selectors(),
                    ],
                )
                .await
                .context("running the rapid-click script")?;
            let hammered: Hammered = serde_json::from_value(value.clone())
                .with_context(|| format!("unexpected script result {value}"))?;
            eprintln!(
                "[stress] {}: {} clicks, {} rounds, {} answer(s) stored by the unrendered burst, \
                 in {:.1?}",
                ctx.engine,
                hammered.clicks,
                hammered.rounds,
                hammered.answered_in_burst,
                started.elapsed()
            );
            if let Some(error) = &hammered.error {
                bail!("the rapid-click script failed: {error}");
            }
            let mut failures = hammered.problems.clone();
            if hammered.starts_after_start != 1 {
                failures.push(format!(
                    "ten clicks on \"Start the quiz\" sent {} start events",
                    hammered.starts_after_start
                ));
            }
            if !hammered.results {
                failures.push(format!(
                    "the results never came after {} rounds",
                    hammered.rounds
                ));
            } else if hammered.starts_after_retake != 1 {
                failures.push(format!(
                    "five clicks in a row on \"Retake the quiz\" sent {} start events (one retake \
                     expected)",
                    hammered.starts_after_retake
                ));
            }

            // After it all: one run answered once per question, one complete, one history entry.
            let events = ctx.host_events().await?;
            let mine = |name: &str| {
                events
                    .iter()
                    .filter(|e| e.target == format!("quiz-{target}") && e.name == name)
                    .cloned()
                    .collect::<Vec<_>>()
            };
            let answers = mine("answer");
            let mut ids: Vec<&str> = answers
                .iter()
                .filter_map(|e| e.detail["questionId"].as_str())
                .collect();
            let heard = ids.len();
            ids.sort_unstable();
            ids.dedup();
            if heard != pinned || ids.len() != pinned {
                failures.push(format!(
                    "{heard} answer events for {} distinct questions; expected {pinned} of each",
                    ids.len(),
                ));
            }
            let completes = mine("complete");
            if completes.len() != 1 {
                failures.push(format!("{} complete events", completes.len()));
            }
            let score = answers
                .iter()
                .filter(|e| e.detail["correct"] == json!(true))
                .count();
            if let Some(complete) = completes.first() {
                if complete.detail["score"] != json!(score) {
                    failures.push(format!(
                        "the complete event says {} but {score} answers were right",
                        complete.detail
                    ));
                }
            }
            let history = ctx
                .local_storage(&format!("{}:history", storage_key(target)))
                .await?
                .unwrap_or_default();
            let entries = serde_json::from_str::<Value>(&history)
                .ok()
                .and_then(|h| h["entries"].as_array().map(Vec::len))
                .unwrap_or(0);
            if entries != 1 {
                failures.push(format!("{entries} history entries: {history}"));
            }
            // The neighbours were not touched.
            let all = screens(&ctx).await?;
            for i in [1, 3] {
                let shown = all.get(&format!("quiz-{i}")).cloned().unwrap_or_default();
                if shown.kind != "start" || stored_progress(&ctx, i).await?.is_some() {
                    failures.push(format!("#quiz-{i} changed: {shown:?}"));
                }
            }
            if events.iter().any(|e| e.target != format!("quiz-{target}")) {
                failures.push(format!("events from other widgets: {events:?}"));
            }
            let logged = ctx.probe().await?;
            if !logged.is_empty() {
                failures.push(format!("the page logged problems: {logged:?}"));
            }
            ensure!(
                failures.is_empty(),
                "{} problem(s) after rapid clicking ({} of {} questions were on screen):\n  {}",
                failures.len(),
                hammered.displayed.len(),
                pinned,
                failures.join("\n  ")
            );
            Ok(())
        })
        .await;
}
