//! The release bundle's size budget, asserted by `cargo xtask test`: bytes do not vary from run to
//! run, so unlike timings (printed by `bench`, never asserted) they can fail a test.
//!
//! Two limits fail the step:
//! - what a page pays before the widget nears the viewport (embed.js): 2 KB brotli;
//! - everything the widget loads (js + wasm + css), with serde and gloo-storage in: 92,000 B
//!   brotli (docs/performance.md has the figures and the steps that got there). The report also
//!   says how much room is left, so a change that spends it shows up before one that breaks it.

use crate::sizes::{grouped, FileSize};

/// The limit for the eager part, in brotli bytes.
pub const EAGER_LIMIT: u64 = 2_000;
/// The file a page loads eagerly; everything else waits until the widget nears the viewport.
pub const EAGER_FILE: &str = "embed.js";
/// The limit for everything the widget loads, in brotli bytes.
pub const TOTAL_LIMIT: u64 = 92_000;

/// The report lines, or the same report as the error when a limit is exceeded.
pub fn check(rows: &[FileSize]) -> Result<String, String> {
    let (report, within) = report(rows)?;
    if within {
        Ok(report)
    } else {
        Err(format!(
            "the release bundle is over its size budget:\n{report}(`cargo xtask bloat` shows \
             where the bytes went; find them before raising a limit)"
        ))
    }
}

/// The two budget lines (each marked ✓ or ✗ OVER) and whether both are within their limits.
/// Errors only when the eager file is missing from `rows`.
pub fn report(rows: &[FileSize]) -> Result<(String, bool), String> {
    let total: u64 = rows.iter().map(|r| r.brotli).sum();
    let eager = rows
        .iter()
        .find(|r| r.name == EAGER_FILE)
        .ok_or_else(|| format!("the size table has no {EAGER_FILE} row"))?
        .brotli;
    let eager_ok = eager <= EAGER_LIMIT;
    let total_ok = total <= TOTAL_LIMIT;
    let mark = |ok: bool| if ok { "✓" } else { "✗ OVER" };
    let room = if total_ok {
        format!("{} B to spare", grouped(TOTAL_LIMIT - total))
    } else {
        format!("{} B too many", grouped(total - TOTAL_LIMIT))
    };
    let report = format!(
        "{} before the widget nears the viewport ({EAGER_FILE}): {} B brotli, limit {} B\n\
         {} everything the widget loads: {} B brotli, limit {} B ({room})\n",
        mark(eager_ok),
        grouped(eager),
        grouped(EAGER_LIMIT),
        mark(total_ok),
        grouped(total),
        grouped(TOTAL_LIMIT),
    );
    Ok((report, eager_ok && total_ok))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(name: &str, brotli: u64) -> FileSize {
        FileSize {
            name: name.into(),
            raw: brotli * 3,
            gzip: brotli * 2,
            brotli,
        }
    }

    fn bundle(eager: u64, wasm: u64) -> Vec<FileSize> {
        vec![
            row("embed.js", eager),
            row("cto-cio-quiz.js", 5_000),
            row("cto-cio-quiz_bg.wasm", wasm),
            row("widget.css", 2_000),
        ]
    }

    #[test]
    fn within_budget_reports_both_lines() {
        let report = check(&bundle(1_095, 82_000)).unwrap();
        assert!(
            report.contains(
                "✓ before the widget nears the viewport (embed.js): 1,095 B brotli, limit 2,000 B"
            ),
            "{report}"
        );
        assert!(
            report.contains(
                "✓ everything the widget loads: 90,095 B brotli, limit 92,000 B (1,905 B to spare)"
            ),
            "{report}"
        );
    }

    #[test]
    fn a_heavy_loader_fails() {
        let error = check(&bundle(2_001, 100_000)).unwrap_err();
        assert!(
            error.contains("✗ OVER before the widget nears the viewport"),
            "{error}"
        );
    }

    #[test]
    fn a_bigger_bundle_fails() {
        // One byte over the limit fails; the limit itself passes.
        let error = check(&bundle(1_000, 84_001)).unwrap_err();
        assert!(
            error.contains(
                "✗ OVER everything the widget loads: 92,001 B brotli, limit 92,000 B (1 B too many)"
            ),
            "{error}"
        );
        assert!(check(&bundle(1_000, 84_000))
            .unwrap()
            .contains("92,000 B brotli, limit 92,000 B (0 B to spare)"));
    }

    #[test]
    fn the_loader_row_is_required() {
        assert!(check(&[row("widget.css", 1)])
            .unwrap_err()
            .contains("embed.js"));
    }
}
