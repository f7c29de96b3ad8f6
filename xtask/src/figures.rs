//! The "Current figures" table of docs/performance.md, rewritten by `cargo xtask bench` from what
//! it measured: the sizes (sizes.rs), the load benchmark's per-page summary
//! (`tests/e2e/examples/bench.rs` writes it to `CCQ_BENCH_SUMMARY`) and the Lighthouse reports
//! (`target/lighthouse/demo-*.json`). The table sits between two marker comments; everything else
//! in the document is left as it is.

use std::path::Path;

use serde_json::Value;

use crate::budget::TOTAL_LIMIT;
use crate::sizes::{grouped, FileSize};

/// The marker lines around the generated table.
pub const START: &str = "<!-- figures: written by `cargo xtask bench`; edits are overwritten -->";
pub const END: &str = "<!-- /figures -->";

/// Lighthouse's categories in the order the table gives them.
const CATEGORIES: [&str; 4] = ["performance", "accessibility", "best-practices", "seo"];

/// One page of the load benchmark, as bench.rs writes it.
#[derive(Debug, serde::Deserialize)]
pub struct LoadPage {
    pub name: String,
    /// `embed.js` start → ready, ms: none for the page without the widget (the control).
    pub median: Option<f64>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub loads: usize,
    pub long: usize,
    pub longest: f64,
}

/// The load benchmark's summary file.
#[derive(Debug, serde::Deserialize)]
pub struct Load {
    pub browser: String,
    pub pages: Vec<LoadPage>,
}

/// Reads the load summary bench.rs wrote.
pub fn read_load(path: &Path) -> Result<Load, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// Reads every `demo-*.json` Lighthouse report in `dir`, in name order.
pub fn read_lighthouse(dir: &Path) -> Result<Vec<Value>, String> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
        .flatten()
        .map(|entry| entry.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("demo-") && n.ends_with(".json"))
        })
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let text = std::fs::read_to_string(p)
                .map_err(|e| format!("cannot read {}: {e}", p.display()))?;
            serde_json::from_str(&text).map_err(|e| format!("{}: {e}", p.display()))
        })
        .collect()
}

/// What a widget file is, for its row.
fn file_label(name: &str) -> &'static str {
    if name == "embed.js" {
        "`embed.js` (all a page pays before the widget nears the viewport)"
    } else if name.ends_with(".wasm") {
        "the wasm (pinned nightly, build-std, `panic=immediate-abort`)"
    } else if name.ends_with(".js") {
        "the wasm-bindgen glue (minified, short import and export names)"
    } else if name.ends_with(".css") {
        "`widget.css` (minified)"
    } else {
        "another file"
    }
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    match values.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => values[n / 2],
        n => (values[n / 2 - 1] + values[n / 2]) / 2.0,
    }
}

/// The median over `reports` of the number at `pointer` (a JSON pointer), `None` if any lacks it.
fn lighthouse_median(reports: &[Value], pointer: &str) -> Option<f64> {
    let values: Option<Vec<f64>> = reports
        .iter()
        .map(|r| r.pointer(pointer).and_then(Value::as_f64))
        .collect();
    values.filter(|v| !v.is_empty()).map(median)
}

/// The table, markers included.
pub fn table(sizes: &[FileSize], load: &Load, lighthouse: &[Value]) -> String {
    let mut rows: Vec<(String, String)> = Vec::new();
    for file in sizes {
        rows.push((
            format!("{}, brotli", file_label(&file.name)),
            format!("{} B", grouped(file.brotli)),
        ));
    }
    let total: u64 = sizes.iter().map(|f| f.brotli).sum();
    rows.push((
        format!(
            "**everything the widget loads, brotli** (budget {} B)",
            grouped(TOTAL_LIMIT)
        ),
        format!("**{} B**", grouped(total)),
    ));
    for page in &load.pages {
        if let (Some(median), Some(min), Some(max)) = (page.median, page.min, page.max) {
            rows.push((
                format!(
                    "{}: `embed.js` start → widget interactive, 4x CPU slowdown, median of {}",
                    page.name, page.loads
                ),
                format!("{median:.0} ms (min {min:.0}, max {max:.0})"),
            ));
        }
        rows.push((
            format!("{}: loads with a main-thread task over 50 ms", page.name),
            if page.long == 0 {
                format!("0 of {}", page.loads)
            } else {
                format!(
                    "{} of {} (longest {:.0} ms)",
                    page.long, page.loads, page.longest
                )
            },
        ));
    }
    let scores: Vec<String> = CATEGORIES
        .iter()
        .map(|id| {
            lighthouse_median(lighthouse, &format!("/categories/{id}/score"))
                .map_or_else(|| "?".to_string(), |s| format!("{:.0}", s * 100.0))
        })
        .collect();
    let metric = |id: &str, show: &dyn Fn(f64) -> String| {
        lighthouse_median(lighthouse, &format!("/audits/{id}/numericValue"))
            .map_or_else(|| "?".to_string(), show)
    };
    let seconds = |ms: f64| format!("{:.2} s", ms / 1000.0);
    rows.push((
        format!(
            "Lighthouse, demo post, mobile preset, median of {}: Performance / Accessibility / Best Practices / SEO",
            lighthouse.len()
        ),
        scores.join(" / "),
    ));
    rows.push((
        "Lighthouse: FCP / LCP / TBT / CLS".to_string(),
        [
            metric("first-contentful-paint", &seconds),
            metric("largest-contentful-paint", &seconds),
            metric("total-blocking-time", &|ms| format!("{ms:.0} ms")),
            metric("cumulative-layout-shift", &|v| format!("{v:.3}")),
        ]
        .join(" / "),
    ));
    let mut out = format!(
        "{START}\nMeasured in {} on this machine's last `cargo xtask bench`.\n\n| what | figure |\n|---|---|\n",
        load.browser
    );
    for (what, figure) in rows {
        out.push_str(&format!("| {what} | {figure} |\n"));
    }
    out.push_str(END);
    out
}

/// `doc` with the text from [`START`] to [`END`] replaced by `table`; fails when the markers are
/// missing or out of order, so a moved table is never silently duplicated.
pub fn rewrite(doc: &str, table: &str) -> Result<String, String> {
    let start = doc
        .find(START)
        .ok_or("docs/performance.md has no figures start marker")?;
    let end = doc[start..]
        .find(END)
        .map(|at| start + at + END.len())
        .ok_or("docs/performance.md has no figures end marker after its start marker")?;
    Ok(format!("{}{table}{}", &doc[..start], &doc[end..]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn load() -> Load {
        Load {
            browser: "Chromium 1".into(),
            pages: vec![LoadPage {
                name: "demo post".into(),
                median: Some(404.4),
                min: Some(374.0),
                max: Some(526.0),
                loads: 10,
                long: 2,
                longest: 58.0,
            }],
        }
    }

    fn report(lcp: f64) -> Value {
        json!({
            "categories": {
                "performance": {"score": 1.0}, "accessibility": {"score": 1.0},
                "best-practices": {"score": 0.96}, "seo": {"score": 1.0}
            },
            "audits": {
                "first-contentful-paint": {"numericValue": 950.0},
                "largest-contentful-paint": {"numericValue": lcp},
                "total-blocking-time": {"numericValue": 0.0},
                "cumulative-layout-shift": {"numericValue": 0.016}
            }
        })
    }

    #[test]
    fn the_table_names_every_figure() {
        let sizes = vec![
            FileSize {
                name: "embed.js".into(),
                raw: 1,
                gzip: 1,
                brotli: 1_740,
            },
            FileSize {
                name: "cto-cio-quiz_bg-0123456789abcdef.wasm".into(),
                raw: 1,
                gzip: 1,
                brotli: 84_098,
            },
        ];
        let reports = [report(990.0), report(1_120.0), report(950.0)];
        let table = table(&sizes, &load(), &reports);
        for expected in [
            "| `embed.js` (all a page pays before the widget nears the viewport), brotli | 1,740 B |",
            "| the wasm (pinned nightly, build-std, `panic=immediate-abort`), brotli | 84,098 B |",
            "(budget 92,000 B) | **85,838 B** |",
            "| demo post: `embed.js` start → widget interactive, 4x CPU slowdown, median of 10 | 404 ms (min 374, max 526) |",
            "| demo post: loads with a main-thread task over 50 ms | 2 of 10 (longest 58 ms) |",
            "median of 3: Performance / Accessibility / Best Practices / SEO | 100 / 100 / 96 / 100 |",
            "| Lighthouse: FCP / LCP / TBT / CLS | 0.95 s / 0.99 s / 0 ms / 0.016 |",
        ] {
            assert!(table.contains(expected), "{expected}\nnot in\n{table}");
        }
        assert!(table.starts_with(START) && table.ends_with(END));
    }

    #[test]
    fn the_control_page_has_no_ready_row() {
        let control = Load {
            browser: "Chromium 1".into(),
            pages: vec![LoadPage {
                name: "demo post without the widget".into(),
                median: None,
                min: None,
                max: None,
                loads: 10,
                long: 0,
                longest: 0.0,
            }],
        };
        let table = table(&[], &control, &[]);
        assert!(
            !table.contains("demo post without the widget: `embed.js`"),
            "{table}"
        );
        assert!(
            table.contains(
                "| demo post without the widget: loads with a main-thread task over 50 ms | 0 of 10 |"
            ),
            "{table}"
        );
    }

    #[test]
    fn rewrite_replaces_only_between_the_markers() {
        let doc = format!("a\n{START}\nold\n{END}\nb\n");
        assert_eq!(
            rewrite(&doc, &format!("{START}\nnew\n{END}")).unwrap(),
            format!("a\n{START}\nnew\n{END}\nb\n")
        );
        assert!(rewrite("a\nb\n", "x").unwrap_err().contains("start marker"));
        assert!(rewrite(&format!("{END}\n{START}\n"), "x")
            .unwrap_err()
            .contains("end marker"));
    }

    #[test]
    fn the_performance_doc_has_the_markers() {
        let doc = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/performance.md"),
        )
        .unwrap();
        assert!(rewrite(&doc, "x").is_ok());
    }
}
