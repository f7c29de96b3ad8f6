//! Lighthouse audit of the demo blog post: a program, not a test. The figures are measured and
//! printed, never asserted (`cargo xtask bench` runs it after the load benchmark;
//! `cargo run -p e2e --release --example lighthouse` runs it against an existing `dist/`,
//! honouring `CCQ_DIST`, `CHROMIUM_BIN` and `CCQ_SESSIONS` like the tests).
//!
//! The harness's HTTP server serves `dist/index.html` (the demo post, embed snippet included) on
//! 127.0.0.1 with the strict CSP header the tests use, so Lighthouse audits the page the way a
//! careful blog owner would serve it. Lighthouse 12 (pinned in `tests/e2e/package.json`, installed
//! by `npm ci`; 13 needs Node 22) runs [`RUNS`] times with its default mobile preset (a Moto
//! G-class phone: simulated slow 4G and 4x CPU slowdown), each in a fresh headless Chromium that
//! it launches itself (`CHROME_PATH`) with the same flags as the harness's sessions.
//!
//! Printed: the four category scores (Performance, Accessibility, Best Practices, SEO) and FCP,
//! LCP, TBT, CLS and Speed Index for every run and their median, then every weighted audit that
//! cost points in the last run. Each run's full report is written as JSON to
//! `CCQ_LIGHTHOUSE_DIR` (default `<workspace>/target/lighthouse`).

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

use anyhow::{anyhow, bail, Context};
use e2e::{Engine, Server, ServerConfig};
use serde_json::Value;

/// Lighthouse runs; their figures vary (TBT most), so the median is printed too.
const RUNS: usize = 3;
/// The demo blog post in the bundle.
const PAGE: &str = "/dist/index.html";
/// A hang is an error, not a figure.
const RUN_TIMEOUT: Duration = Duration::from_secs(180);
/// The harness's Chromium flags (see `e2e::engines`) with the new headless mode Lighthouse needs.
const CHROME_FLAGS: &str = "--headless=new --no-sandbox --disable-gpu --disable-quic \
--no-first-run --disable-background-networking --disable-component-update --disable-sync";

/// Lighthouse's category ids and the names it prints.
const CATEGORIES: [(&str, &str); 4] = [
    ("performance", "Performance"),
    ("accessibility", "Accessibility"),
    ("best-practices", "Best Practices"),
    ("seo", "SEO"),
];

/// A printed metric: the audit id, its label, and how its `numericValue` is shown.
struct Metric {
    id: &'static str,
    label: &'static str,
    unit: Unit,
}

#[derive(Clone, Copy)]
enum Unit {
    /// `numericValue` is in ms, printed in seconds.
    Seconds,
    /// `numericValue` is in ms, printed in ms.
    Millis,
    /// Unitless (CLS).
    Score,
}

const METRICS: [Metric; 5] = [
    Metric {
        id: "first-contentful-paint",
        label: "FCP (s)",
        unit: Unit::Seconds,
    },
    Metric {
        id: "largest-contentful-paint",
        label: "LCP (s)",
        unit: Unit::Seconds,
    },
    Metric {
        id: "total-blocking-time",
        label: "TBT (ms)",
        unit: Unit::Millis,
    },
    Metric {
        id: "cumulative-layout-shift",
        label: "CLS",
        unit: Unit::Score,
    },
    Metric {
        id: "speed-index",
        label: "Speed Index (s)",
        unit: Unit::Seconds,
    },
];

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    match run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("lighthouse: error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

async fn run() -> anyhow::Result<()> {
    let config = ServerConfig::default();
    e2e::server::require_dist(&config.dist)?;
    let cli = lighthouse_cli()?;
    let chromium = Engine::Chromium
        .browser_binary()
        .map_err(|e| anyhow!("{e}"))?;
    let out_dir = out_dir();
    std::fs::create_dir_all(&out_dir).with_context(|| format!("creating {}", out_dir.display()))?;
    // Printed, so without the `tests/e2e/../..` of the default.
    let out_dir = out_dir.canonicalize().unwrap_or(out_dir);
    // Lighthouse starts its own Chromium: it takes one of the machine-wide browser slots the
    // e2e tests share, like any session.
    let _slot = e2e::slots::acquire()
        .await
        .context("waiting for a browser session slot")?;
    let server = Server::start(config).context("starting the HTTP server")?;
    let url = server.url(PAGE);

    let mut reports = Vec::new();
    for i in 1..=RUNS {
        let path = out_dir.join(format!("demo-{i}.json"));
        eprintln!("lighthouse: run {i}/{RUNS} on {url}");
        audit(&cli, &chromium, &url, &path).await?;
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("reading {}", path.display()))?;
        let report: Value = serde_json::from_str(&text)
            .with_context(|| format!("{} is not JSON", path.display()))?;
        reports.push(Figures::from_report(&report)?);
        if i == RUNS {
            print!("{}", header(&report, &url, &out_dir));
            print!("{}", format_table(&reports));
            print!("{}", lost_points(&report));
        }
    }
    Ok(())
}

/// `tests/e2e/node_modules/lighthouse/cli/index.js`, or an error naming the fix.
fn lighthouse_cli() -> anyhow::Result<PathBuf> {
    let cli = Path::new(env!("CARGO_MANIFEST_DIR")).join("node_modules/lighthouse/cli/index.js");
    if cli.is_file() {
        Ok(cli)
    } else {
        bail!(
            "{} is missing: run `npm ci` in tests/e2e (cargo xtask bench does)",
            cli.display()
        )
    }
}

/// `CCQ_LIGHTHOUSE_DIR`, or `<workspace>/target/lighthouse`.
fn out_dir() -> PathBuf {
    match std::env::var_os("CCQ_LIGHTHOUSE_DIR").filter(|v| !v.is_empty()) {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/lighthouse"),
    }
}

/// One Lighthouse run writing its JSON report to `path`; its own output goes to our stderr.
/// A std child polled with `try_wait`: the e2e crate's tokio has no `process` feature, and
/// adding one would change the workspace lockfile for this one call.
async fn audit(cli: &Path, chromium: &Path, url: &str, path: &Path) -> anyhow::Result<()> {
    let mut child = Command::new("node")
        .arg(cli)
        .arg(url)
        .args(["--quiet", "--output=json"])
        .arg(format!("--output-path={}", path.display()))
        .arg(format!("--chrome-flags={CHROME_FLAGS}"))
        .env("CHROME_PATH", chromium)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .spawn()
        .context("starting `node` (install Node.js 18.20 or newer: apt-get install -y nodejs)")?;
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().context("waiting for Lighthouse")? {
            break status;
        }
        if started.elapsed() > RUN_TIMEOUT {
            // Lighthouse's launcher kills its Chromium when node exits.
            let _ = child.kill();
            let _ = child.wait();
            bail!("Lighthouse did not finish within {RUN_TIMEOUT:?}");
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    };
    if !status.success() {
        bail!("Lighthouse failed ({status}); its output is above");
    }
    Ok(())
}

/// What one report says: category scores (0-100) and metric values (as Lighthouse measures them).
#[derive(Clone, Debug, PartialEq)]
struct Figures {
    scores: Vec<f64>,
    metrics: Vec<f64>,
}

impl Figures {
    fn from_report(report: &Value) -> anyhow::Result<Figures> {
        if let Some(error) = report
            .pointer("/runtimeError/message")
            .and_then(Value::as_str)
        {
            bail!("Lighthouse reported a runtime error: {error}");
        }
        let scores = CATEGORIES
            .iter()
            .map(|(id, _)| {
                report
                    .pointer(&format!("/categories/{id}/score"))
                    .and_then(Value::as_f64)
                    .map(|s| (s * 100.0).round())
                    .ok_or_else(|| anyhow!("the report has no score for the `{id}` category"))
            })
            .collect::<anyhow::Result<_>>()?;
        let metrics = METRICS
            .iter()
            .map(|m| {
                report
                    .pointer(&format!("/audits/{}/numericValue", m.id))
                    .and_then(Value::as_f64)
                    .ok_or_else(|| anyhow!("the report has no value for `{}`", m.id))
            })
            .collect::<anyhow::Result<_>>()?;
        Ok(Figures { scores, metrics })
    }
}

/// The setup line: Lighthouse and Chromium versions, preset, page, where the reports are.
fn header(report: &Value, url: &str, out_dir: &Path) -> String {
    let text = |ptr: &str| {
        report
            .pointer(ptr)
            .and_then(Value::as_str)
            .unwrap_or("?")
            .to_string()
    };
    let user_agent = text("/environment/hostUserAgent");
    let chromium = user_agent
        .split_whitespace()
        .find_map(|part| {
            part.strip_prefix("HeadlessChrome/")
                .or(part.strip_prefix("Chrome/"))
        })
        .unwrap_or("?");
    format!(
        "\nLighthouse {}, {} preset (throttling: {}), Chromium {chromium}, {url} under the strict \
         CSP;\n{RUNS} runs, each in a fresh headless Chromium; JSON reports in {}\n\n",
        text("/lighthouseVersion"),
        text("/configSettings/formFactor"),
        text("/configSettings/throttlingMethod"),
        out_dir.display()
    )
}

/// One row per category and metric, one column per run, then the median.
fn format_table(runs: &[Figures]) -> String {
    let mut out = format!("{:<16}", "");
    for i in 1..=runs.len() {
        out.push_str(&format!("  {:>7}", format!("run {i}")));
    }
    out.push_str(&format!("  {:>7}\n", "median"));
    let row = |label: &str, values: Vec<f64>, show: &dyn Fn(f64) -> String| {
        let mut line = format!("{label:<16}");
        for v in &values {
            line.push_str(&format!("  {:>7}", show(*v)));
        }
        line.push_str(&format!("  {:>7}\n", show(median(&values))));
        line
    };
    for (i, (_, name)) in CATEGORIES.iter().enumerate() {
        let values = runs.iter().map(|r| r.scores[i]).collect();
        out.push_str(&row(name, values, &|v| format!("{v:.0}")));
    }
    for (i, metric) in METRICS.iter().enumerate() {
        let values = runs.iter().map(|r| r.metrics[i]).collect();
        let unit = metric.unit;
        out.push_str(&row(metric.label, values, &move |v| show_metric(unit, v)));
    }
    out
}

fn show_metric(unit: Unit, value: f64) -> String {
    match unit {
        Unit::Seconds => format!("{:.2}", value / 1000.0),
        Unit::Millis => format!("{value:.0}"),
        Unit::Score => format!("{value:.3}"),
    }
}

/// The median (the mean of the two middle values for an even count); NaN for none.
fn median(values: &[f64]) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let n = sorted.len();
    match n {
        0 => f64::NAN,
        _ if n % 2 == 1 => sorted[n / 2],
        _ => (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0,
    }
}

/// Every audit that counts towards a category score and did not score full marks, with its
/// displayed value: what to fix to reach 100.
fn lost_points(report: &Value) -> String {
    let mut lines = Vec::new();
    for (id, name) in CATEGORIES {
        let refs = report
            .pointer(&format!("/categories/{id}/auditRefs"))
            .and_then(Value::as_array)
            .map(Vec::as_slice)
            .unwrap_or_default();
        for audit_ref in refs {
            let weight = audit_ref
                .get("weight")
                .and_then(Value::as_f64)
                .unwrap_or(0.0);
            let Some(audit_id) = audit_ref.get("id").and_then(Value::as_str) else {
                continue;
            };
            let audit = report.pointer(&format!("/audits/{audit_id}"));
            let score = audit.and_then(|a| a.get("score")).and_then(Value::as_f64);
            if weight > 0.0 && score.is_some_and(|s| s < 1.0) {
                let title = audit
                    .and_then(|a| a.get("title"))
                    .and_then(Value::as_str)
                    .unwrap_or(audit_id);
                let shown = audit
                    .and_then(|a| a.get("displayValue"))
                    .and_then(Value::as_str)
                    .unwrap_or("");
                lines.push(format!(
                    "  {name}: {title} ({audit_id}) scored {:.2} {shown}\n",
                    score.unwrap_or(0.0)
                ));
            }
        }
    }
    if lines.is_empty() {
        "\nEvery weighted audit scored full marks in the last run.\n".to_string()
    } else {
        format!(
            "\nWeighted audits below full marks in the last run:\n{}",
            lines.concat()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn report(perf: f64, cls: f64) -> Value {
        let audits: serde_json::Map<String, Value> = METRICS
            .iter()
            .map(|m| {
                let value = if m.id == "cumulative-layout-shift" {
                    cls
                } else {
                    1000.0
                };
                (
                    m.id.to_string(),
                    json!({ "numericValue": value, "score": 1 }),
                )
            })
            .collect();
        json!({
            "categories": {
                "performance": { "score": perf, "auditRefs": [] },
                "accessibility": { "score": 1 },
                "best-practices": { "score": 1 },
                "seo": { "score": 1 },
            },
            "audits": audits,
        })
    }

    #[test]
    fn figures_read_scores_as_percent_and_metrics_raw() {
        let figures = Figures::from_report(&report(0.98, 0.076)).unwrap();
        assert_eq!(figures.scores, vec![98.0, 100.0, 100.0, 100.0]);
        assert_eq!(figures.metrics, vec![1000.0, 1000.0, 1000.0, 0.076, 1000.0]);
    }

    #[test]
    fn a_runtime_error_is_an_error() {
        let mut r = report(1.0, 0.0);
        r["runtimeError"] = json!({ "code": "NO_FCP", "message": "no paint" });
        assert!(Figures::from_report(&r).is_err());
    }

    #[test]
    fn table_prints_every_run_and_the_median() {
        let runs = [
            Figures::from_report(&report(0.97, 0.01)).unwrap(),
            Figures::from_report(&report(1.0, 0.0)).unwrap(),
            Figures::from_report(&report(0.99, 0.076)).unwrap(),
        ];
        let table = format_table(&runs);
        assert!(
            table.contains("\nPerformance            97      100       99       99\n"),
            "{table}"
        );
        assert!(
            table.contains("\nCLS                 0.010    0.000    0.076    0.010\n"),
            "{table}"
        );
        assert!(table.contains("\nFCP (s)              1.00"), "{table}");
    }
}
