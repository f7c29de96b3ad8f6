//! Unified diffs of text files, made and applied without external tools: what `PATCH.md` of a
//! vendored crate records (see patches.rs). Making one is a line LCS between the changed middles
//! of two texts (3 lines of context, as `diff -u`); applying one is strict: every hunk's context
//! and removed lines must match exactly, at the stated line or the nearest place they do.

/// Lines of context around each change, as `diff -u`.
const CONTEXT: usize = 3;
/// Above this many cells the LCS table is skipped and the changed middle replaced as a whole.
const MAX_TABLE: usize = 40_000_000;

/// What a diff says about one file: its path (without `a/` / `b/`) and its hunks. `old_absent`
/// is a file the diff creates (`--- /dev/null`), `new_absent` one it deletes.
#[derive(Debug, PartialEq)]
pub struct FilePatch {
    pub path: String,
    pub old_absent: bool,
    pub new_absent: bool,
    hunks: Vec<Hunk>,
}

#[derive(Debug, PartialEq)]
struct Hunk {
    /// 1-based first old line, as in `@@ -start,len`.
    old_start: usize,
    /// The lines with their ' ' / '-' / '+' tag, each ending in '\n' unless the file's last line
    /// has none ("\ No newline at end of file").
    lines: Vec<(char, String)>,
}

/// The diff of `old` into `new` for `path`, empty when they are equal. `None` for a side means
/// the file is absent there.
pub fn diff(path: &str, old: Option<&str>, new: Option<&str>) -> String {
    if old == new {
        return String::new();
    }
    let a = split_lines(old.unwrap_or(""));
    let b = split_lines(new.unwrap_or(""));
    let ops = edit_script(&a, &b);
    let mut out = format!(
        "--- {}\n+++ {}\n",
        old.map_or("/dev/null".to_string(), |_| format!("a/{path}")),
        new.map_or("/dev/null".to_string(), |_| format!("b/{path}")),
    );
    for hunk in group(&ops) {
        let (mut old_len, mut new_len) = (0, 0);
        for op in &ops[hunk.clone()] {
            match op {
                Op::Same(..) => {
                    old_len += 1;
                    new_len += 1;
                }
                Op::Del(_) => old_len += 1,
                Op::Ins(_) => new_len += 1,
            }
        }
        let (old_first, new_first) = first_lines(&ops, hunk.start);
        out.push_str(&format!(
            "@@ -{} +{} @@\n",
            range(old_first, old_len),
            range(new_first, new_len)
        ));
        for op in &ops[hunk] {
            let (tag, line) = match *op {
                Op::Same(i) => (' ', a[i]),
                Op::Del(i) => ('-', a[i]),
                Op::Ins(j) => ('+', b[j]),
            };
            out.push(tag);
            out.push_str(line);
            if !line.ends_with('\n') {
                out.push_str("\n\\ No newline at end of file\n");
            }
        }
    }
    out
}

/// Reads a unified diff (as `diff -ru` or [`diff`] write it; text before the first `---` line and
/// `diff …`/`Only in …` lines are ignored).
pub fn parse(text: &str) -> Result<Vec<FilePatch>, String> {
    let lines: Vec<&str> = text.lines().collect();
    let mut files = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let Some(old) = lines[i].strip_prefix("--- ") else {
            i += 1;
            continue;
        };
        let new = lines
            .get(i + 1)
            .and_then(|l| l.strip_prefix("+++ "))
            .ok_or_else(|| format!("diff line {}: `--- ` without `+++ `", i + 1))?;
        let (old_path, new_path) = (header_path(old), header_path(new));
        let (old_absent, new_absent) = (old_path.is_none(), new_path.is_none());
        let path = match (old_path, new_path) {
            (_, Some(p)) | (Some(p), None) => p,
            (None, None) => return Err(format!("diff line {}: both sides /dev/null", i + 1)),
        };
        let mut file = FilePatch {
            path,
            old_absent,
            new_absent,
            hunks: Vec::new(),
        };
        i += 2;
        while let Some(header) = lines.get(i).and_then(|l| l.strip_prefix("@@ -")) {
            let (old_start, old_len, new_len) = hunk_header(header)
                .ok_or_else(|| format!("diff line {}: bad hunk header", i + 1))?;
            i += 1;
            let (mut seen_old, mut seen_new) = (0, 0);
            let mut body: Vec<(char, String)> = Vec::new();
            while seen_old < old_len || seen_new < new_len || next_is_no_newline(&lines, i) {
                let Some(line) = lines.get(i) else {
                    return Err(format!("diff for {}: a hunk ends early", file.path));
                };
                i += 1;
                if line.starts_with('\\') {
                    if let Some((_, last)) = body.last_mut() {
                        if last.ends_with('\n') {
                            last.pop();
                        }
                    }
                    continue;
                }
                // Some editors strip the one space of an empty context line.
                let (tag, rest) = match line.chars().next() {
                    Some(tag @ (' ' | '-' | '+')) => (tag, &line[1..]),
                    None => (' ', ""),
                    Some(_) => {
                        return Err(format!("diff line {i}: not a hunk line in {}", file.path))
                    }
                };
                match tag {
                    ' ' => {
                        seen_old += 1;
                        seen_new += 1;
                    }
                    '-' => seen_old += 1,
                    _ => seen_new += 1,
                }
                body.push((tag, format!("{rest}\n")));
            }
            if seen_old != old_len || seen_new != new_len {
                return Err(format!(
                    "diff for {}: a hunk's lines do not add up",
                    file.path
                ));
            }
            file.hunks.push(Hunk {
                old_start,
                lines: body,
            });
        }
        files.push(file);
    }
    Ok(files)
}

/// Applies one file's hunks to `old` (`None` when the file is absent). The result is `None` when
/// the diff deletes the file. Fails naming the first hunk that does not match.
pub fn apply(file: &FilePatch, old: Option<&str>) -> Result<Option<String>, String> {
    if file.old_absent != old.is_none() {
        return Err(if old.is_none() {
            format!("{}: the diff changes it, but it does not exist", file.path)
        } else {
            format!("{}: the diff creates it, but it already exists", file.path)
        });
    }
    let mut lines: Vec<String> = split_lines(old.unwrap_or(""))
        .into_iter()
        .map(str::to_string)
        .collect();
    // Lines added or removed by earlier hunks move later ones.
    let mut shift: isize = 0;
    for (index, hunk) in file.hunks.iter().enumerate() {
        let before: Vec<&str> = hunk
            .lines
            .iter()
            .filter(|(tag, _)| *tag != '+')
            .map(|(_, l)| l.as_str())
            .collect();
        let after: Vec<String> = hunk
            .lines
            .iter()
            .filter(|(tag, _)| *tag != '-')
            .map(|(_, l)| l.clone())
            .collect();
        let expected = (hunk.old_start.saturating_sub(1) as isize + shift).max(0) as usize;
        let at = find_block(&lines, &before, expected).ok_or_else(|| {
            format!(
                "{}: hunk {} of {} (@@ -{}) does not apply: its context or removed lines differ",
                file.path,
                index + 1,
                file.hunks.len(),
                hunk.old_start
            )
        })?;
        lines.splice(at..at + before.len(), after.iter().cloned());
        shift += after.len() as isize - before.len() as isize;
    }
    Ok((!file.new_absent).then(|| lines.concat()))
}

fn next_is_no_newline(lines: &[&str], i: usize) -> bool {
    lines.get(i).is_some_and(|l| l.starts_with('\\'))
}

/// `a/src/x.rs\t2026-…` → `Some("src/x.rs")`; `/dev/null` → `None`.
fn header_path(header: &str) -> Option<String> {
    let path = header.split('\t').next().unwrap_or(header).trim_end();
    if path == "/dev/null" {
        return None;
    }
    let path = path.split_once('/').map_or(path, |(_, rest)| rest);
    Some(path.to_string())
}

/// `"170,13 +170,17 @@"` → (170, 13, 17).
fn hunk_header(header: &str) -> Option<(usize, usize, usize)> {
    let (ranges, _) = header.split_once(" @@")?;
    let (old, new) = ranges.split_once(" +")?;
    let parse = |r: &str| -> Option<(usize, usize)> {
        match r.split_once(',') {
            Some((start, len)) => Some((start.parse().ok()?, len.parse().ok()?)),
            None => Some((r.parse().ok()?, 1)),
        }
    };
    let (old_start, old_len) = parse(old)?;
    let (_, new_len) = parse(new)?;
    Some((old_start, old_len, new_len))
}

/// Where `block` occurs in `lines`: at `expected` if it does, else the nearest place.
fn find_block(lines: &[String], block: &[&str], expected: usize) -> Option<usize> {
    let fits = |at: usize| {
        at + block.len() <= lines.len() && lines[at..at + block.len()].iter().eq(block.iter())
    };
    let last = lines.len().checked_sub(block.len())?;
    let expected = expected.min(last);
    (0..=last.max(expected))
        .flat_map(|d| [expected.checked_sub(d), Some(expected + d)])
        .flatten()
        .filter(|&at| at <= last)
        .find(|&at| fits(at))
}

fn split_lines(text: &str) -> Vec<&str> {
    text.split_inclusive('\n').collect()
}

#[derive(Clone, Copy, Debug)]
enum Op {
    Same(usize),
    Del(usize),
    Ins(usize),
}

/// An edit script from `a` to `b`: the common head and tail, an LCS of the middle.
fn edit_script(a: &[&str], b: &[&str]) -> Vec<Op> {
    let head = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let tail = a[head..]
        .iter()
        .rev()
        .zip(b[head..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (am, bm) = (&a[head..a.len() - tail], &b[head..b.len() - tail]);
    let mut ops: Vec<Op> = (0..head).map(Op::Same).collect();
    if (am.len() + 1) * (bm.len() + 1) > MAX_TABLE {
        ops.extend((0..am.len()).map(|i| Op::Del(head + i)));
        ops.extend((0..bm.len()).map(|j| Op::Ins(head + j)));
    } else {
        // lcs[i][j]: the LCS length of am[i..] and bm[j..].
        let width = bm.len() + 1;
        let mut lcs = vec![0u32; (am.len() + 1) * width];
        for i in (0..am.len()).rev() {
            for j in (0..bm.len()).rev() {
                lcs[i * width + j] = if am[i] == bm[j] {
                    lcs[(i + 1) * width + j + 1] + 1
                } else {
                    lcs[(i + 1) * width + j].max(lcs[i * width + j + 1])
                };
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < am.len() || j < bm.len() {
            if i < am.len() && j < bm.len() && am[i] == bm[j] {
                ops.push(Op::Same(head + i));
                i += 1;
                j += 1;
            } else if j < bm.len()
                && (i == am.len() || lcs[i * width + j + 1] > lcs[(i + 1) * width + j])
            {
                // On a tie the removal goes first, as `diff -u` prints them.
                ops.push(Op::Ins(head + j));
                j += 1;
            } else {
                ops.push(Op::Del(head + i));
                i += 1;
            }
        }
    }
    let a_tail = a.len() - tail;
    ops.extend((0..tail).map(|k| Op::Same(a_tail + k)));
    ops
}

/// The index ranges of `ops` that form hunks: each change with up to CONTEXT same lines around
/// it, changes closer than 2 × CONTEXT merged.
fn group(ops: &[Op]) -> Vec<std::ops::Range<usize>> {
    let changes: Vec<usize> = (0..ops.len())
        .filter(|&k| !matches!(ops[k], Op::Same(..)))
        .collect();
    let mut hunks: Vec<std::ops::Range<usize>> = Vec::new();
    for k in changes {
        let start = k.saturating_sub(CONTEXT);
        let end = (k + 1 + CONTEXT).min(ops.len());
        match hunks.last_mut() {
            Some(last) if start <= last.end => last.end = end,
            _ => hunks.push(start..end),
        }
    }
    hunks
}

/// The 1-based old and new line numbers of the op at `at`.
fn first_lines(ops: &[Op], at: usize) -> (usize, usize) {
    let (mut old, mut new) = (0, 0);
    for op in &ops[..at] {
        match op {
            Op::Same(..) => {
                old += 1;
                new += 1;
            }
            Op::Del(_) => old += 1,
            Op::Ins(_) => new += 1,
        }
    }
    (old + 1, new + 1)
}

/// `start,len` as `diff -u` writes a range (an empty range names the line before it).
fn range(first: usize, len: usize) -> String {
    if len == 0 {
        format!("{},0", first - 1)
    } else {
        format!("{first},{len}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roundtrip(old: Option<&str>, new: Option<&str>) {
        let text = diff("src/x.rs", old, new);
        let files = parse(&text).unwrap();
        assert_eq!(files.len(), 1, "{text}");
        assert_eq!(apply(&files[0], old).unwrap().as_deref(), new, "{text}");
    }

    #[test]
    fn equal_texts_have_no_diff() {
        assert_eq!(diff("x", Some("a\n"), Some("a\n")), "");
    }

    #[test]
    fn a_diff_applies_back() {
        let old: String = (1..=40).map(|n| format!("line {n}\n")).collect();
        let new = old
            .replace("line 5\n", "line five\n")
            .replace("line 30\n", "line 30\nline 30b\n")
            .replace("line 38\n", "");
        roundtrip(Some(&old), Some(&new));
        roundtrip(Some("a\nb"), Some("a\nc"));
        roundtrip(Some("a\nb\n"), Some("a\nb"));
        roundtrip(None, Some("new\nfile\n"));
        roundtrip(Some("gone\n"), None);
        roundtrip(Some(""), Some("x\n"));
    }

    #[test]
    fn the_diff_looks_like_diff_u() {
        let old = "1\n2\n3\n4\n5\n6\n7\n8\n";
        let new = "1\n2\n3\n4\nfive\n6\n7\n8\n";
        assert_eq!(
            diff("f", Some(old), Some(new)),
            "--- a/f\n+++ b/f\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n"
        );
    }

    #[test]
    fn hunks_apply_at_an_offset_and_fail_when_the_context_differs() {
        let old = "a\nb\nc\nd\ne\n";
        let text = diff("f", Some(old), Some("a\nb\nC\nd\ne\n"));
        let files = parse(&text).unwrap();
        assert_eq!(
            apply(&files[0], Some("x\ny\na\nb\nc\nd\ne\n"))
                .unwrap()
                .as_deref(),
            Some("x\ny\na\nb\nC\nd\ne\n")
        );
        let err = apply(&files[0], Some("a\nb\nc\nD\ne\n")).unwrap_err();
        assert!(err.contains("f: hunk 1 of 1"), "{err}");
    }

    #[test]
    fn parse_reads_diff_ru_output() {
        let text = "diff -ru a/src/e.rs b/src/e.rs\n--- a/src/e.rs\t2026-01-01 00:00:00\n+++ b/src/e.rs\t2026-01-01\n@@ -1,2 +1,2 @@\n keep\n-old\n+new\nOnly in b: PATCH.md\n";
        let files = parse(text).unwrap();
        assert_eq!(files[0].path, "src/e.rs");
        assert_eq!(
            apply(&files[0], Some("keep\nold\n")).unwrap().as_deref(),
            Some("keep\nnew\n")
        );
    }
}
