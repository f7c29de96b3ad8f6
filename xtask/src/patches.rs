//! The crates under patches/ that Cargo.toml's `[patch.crates-io]` puts in place of crates.io's,
//! and their guard. Each has a `PATCH.md` whose first line is `# NAME VERSION, …` and which is
//! one of two kinds:
//!
//! - a **patched copy** (tachys, send_wrapper): the registry's `NAME-VERSION.crate`, minus the
//!   files its "Left out of the `.crate`:" line names, plus the unified diff in its ```` ```diff ````
//!   block. The guard re-creates that and fails naming every file that differs from the vendored
//!   copy; `cargo xtask repatch NAME [VERSION]` writes it (moving to VERSION), `cargo xtask
//!   repatch NAME --diff` records the vendored copy's changes as the diff.
//! - a **stand-in** (`# NAME VERSION, a stand-in …`, wasm-streams): our own code in place of the
//!   crate. The guard checks that it exports nothing to JavaScript and that every `pub fn` it
//!   has exists in that release of the real crate (the API it stands in for).
//!
//! For both, the guard fails when a `[patch]` entry is unused: Cargo then only warns ("Patch …
//! was not used in the crate graph"), records the entry under `[[patch.unused]]` in Cargo.lock
//! and builds crates.io's copy, and the first sign would be a bundle over budget.
//! The `.crate` comes from Cargo's cache; when it is not there, `cargo fetch` of a scratch
//! manifest under target/repatch/ that depends on exactly that version downloads it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::context::Ctx;
use crate::crate_file::{self, Files};
use crate::unidiff;

/// The marker of the line in PATCH.md that lists what a copy leaves out of the `.crate`.
const LEFT_OUT: &str = "Left out of the `.crate`:";
/// Directories of a vendored copy that are never part of it (a build inside it).
const IGNORED_DIRS: [&str; 1] = ["target"];
/// Files of a vendored copy that are never part of it (left by a build inside it).
const IGNORED_FILES: [&str; 1] = ["Cargo.lock"];
/// How many lines of a differing file's diff the guard prints.
const SHOWN_DIFF_LINES: usize = 60;

/// `cargo xtask repatch …` as parsed from its arguments.
#[derive(Debug, PartialEq)]
pub enum Repatch {
    /// Re-create patches/NAME from the `.crate` (of `to`, or of PATCH.md's version) plus the diff.
    Write { name: String, to: Option<String> },
    /// Record patches/NAME's changes against its `.crate` as PATCH.md's diff.
    Diff { name: String },
    /// The guard alone (what `cargo xtask test` runs first).
    Check,
}

pub const USAGE: &str = "\
usage: cargo xtask repatch <crate> [<version>]   re-create patches/<crate> from the registry's
                                                 .crate plus PATCH.md's diff (moving to <version>)
       cargo xtask repatch <crate> --diff        write the vendored copy's changes into PATCH.md
       cargo xtask repatch --check               the guard alone: every [patch] used, every copy
                                                 equal to upstream plus its diff";

/// Reads `repatch`'s arguments (after the word `repatch`).
pub fn parse_args(args: &[String]) -> Result<Repatch, String> {
    match args {
        [flag] if flag == "--check" => Ok(Repatch::Check),
        [name] if !name.starts_with('-') => Ok(Repatch::Write {
            name: name.clone(),
            to: None,
        }),
        [name, flag] if flag == "--diff" => Ok(Repatch::Diff { name: name.clone() }),
        [name, version] if !version.starts_with('-') => Ok(Repatch::Write {
            name: name.clone(),
            to: Some(version.clone()),
        }),
        _ => Err(format!("bad arguments `{}`\n\n{USAGE}", args.join(" "))),
    }
}

/// What a PATCH.md declares.
#[derive(Debug, PartialEq)]
struct PatchDoc {
    name: String,
    version: String,
    stand_in: bool,
    left_out: Vec<String>,
    /// The text of the ```diff block (empty for a stand-in).
    diff: String,
}

/// One `[patch.crates-io]` entry with a path.
#[derive(Debug, PartialEq)]
struct Entry {
    name: String,
    dir: PathBuf,
}

/// The test step: every `[patch]` entry is used, and every vendored copy is upstream plus its
/// diff (every stand-in exports nothing and mirrors upstream's functions).
pub fn guard(ctx: &Ctx) -> Result<(), String> {
    let entries = entries(&read(&ctx.root.join("Cargo.toml"))?)?;
    let lock = read(&ctx.root.join("Cargo.lock"))?;
    let mut failures = Vec::new();
    for entry in &entries {
        let result = guard_one(ctx, entry, &lock);
        match result {
            Ok(what) => println!("✓ {}: {what}", rel(&entry.dir)),
            Err(e) => {
                println!("✗ {}: {e}", rel(&entry.dir));
                failures.push(format!("{}: {e}", rel(&entry.dir)));
            }
        }
    }
    if failures.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{} of {} patched crates failed their guard:\n{}",
            failures.len(),
            entries.len(),
            failures
                .iter()
                .map(|f| f.lines().next().unwrap_or_default())
                .collect::<Vec<_>>()
                .join("\n")
        ))
    }
}

fn guard_one(ctx: &Ctx, entry: &Entry, lock: &str) -> Result<String, String> {
    let dir = ctx.root.join(&entry.dir);
    let doc = patch_doc(&entry.name, &dir)?;
    let vendored_version = manifest_version(&dir)?;
    check_lock(lock, &entry.name, &vendored_version, &entry.dir)?;
    if vendored_version != doc.version {
        return Err(format!(
            "PATCH.md says {} {} but its Cargo.toml has version {vendored_version}",
            doc.name, doc.version
        ));
    }
    let upstream = upstream_files(ctx, &doc.name, &doc.version)?;
    if doc.stand_in {
        check_stand_in(&read_dir_files(&dir)?, &upstream, &doc)?;
        return Ok(format!(
            "used; a stand-in for {} {} that exports nothing and whose functions upstream has",
            doc.name, doc.version
        ));
    }
    let expected = recreate(&upstream, &doc).map_err(|errors| {
        format!(
            "PATCH.md's diff does not apply to {} {}:\n  {}",
            doc.name,
            doc.version,
            errors.join("\n  ")
        )
    })?;
    let vendored = read_dir_files(&dir)?;
    let differences = compare(&expected, &vendored);
    if differences.is_empty() {
        Ok(format!(
            "used; equals {} {} plus PATCH.md's diff ({} files)",
            doc.name,
            doc.version,
            vendored.len()
        ))
    } else {
        Err(format!(
            "{dir} differs from {name} {version}'s .crate plus PATCH.md's diff in: {files}\n\
             {shown}\
             Record the change with `cargo xtask repatch {name} --diff`, or restore the copy \
             with `cargo xtask repatch {name}`.",
            dir = rel(&entry.dir),
            name = doc.name,
            version = doc.version,
            files = differences
                .iter()
                .map(|d| d.describe())
                .collect::<Vec<_>>()
                .join(", "),
            shown = shown_diffs(&differences, &expected, &vendored),
        ))
    }
}

/// `cargo xtask repatch …`.
pub fn repatch(ctx: &Ctx, command: &Repatch) -> Result<(), String> {
    let name = match command {
        Repatch::Write { name, .. } | Repatch::Diff { name } => name,
        Repatch::Check => return guard(ctx),
    };
    let entries = entries(&read(&ctx.root.join("Cargo.toml"))?)?;
    let entry = entries.iter().find(|e| &e.name == name).ok_or_else(|| {
        format!(
            "Cargo.toml has no [patch.crates-io] entry `{name}` (it has {})",
            entries
                .iter()
                .map(|e| e.name.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        )
    })?;
    let dir = ctx.root.join(&entry.dir);
    let doc_path = dir.join("PATCH.md");
    let doc_text = read(&doc_path)?;
    let doc = parse_doc(&doc_text).map_err(|e| format!("{}: {e}", doc_path.display()))?;
    if doc.stand_in {
        return Err(format!(
            "{} is a stand-in, not a copy of {name}: there is nothing to re-create or diff (see \
             its PATCH.md)",
            rel(&entry.dir)
        ));
    }
    match command {
        Repatch::Diff { .. } => {
            let upstream = upstream_files(ctx, &doc.name, &doc.version)?;
            let base = without_left_out(&upstream, &doc.left_out);
            let vendored = read_dir_files(&dir)?;
            let diff = diff_files(&base, &vendored)?;
            let text = replace_diff_block(&doc_text, &diff)?;
            write(&doc_path, text.as_bytes())?;
            print!("{diff}");
            println!(
                "✓ {}: PATCH.md's diff now records the copy's changes against {} {} ({} files)",
                rel(&entry.dir),
                doc.name,
                doc.version,
                unidiff::parse(&diff).map(|f| f.len()).unwrap_or(0)
            );
            Ok(())
        }
        Repatch::Check => Ok(()),
        Repatch::Write { to, .. } => {
            let version = to.clone().unwrap_or_else(|| doc.version.clone());
            let upstream = upstream_files(ctx, &doc.name, &version)?;
            let base = without_left_out(&upstream, &doc.left_out);
            let patches = unidiff::parse(&doc.diff)
                .map_err(|e| format!("{}: the diff: {e}", doc_path.display()))?;
            let (files, errors) = apply_patches(&base, &patches);
            if !errors.is_empty() && to.is_none() {
                return Err(format!(
                    "PATCH.md's diff does not apply to {} {version}:\n  {}",
                    doc.name,
                    errors.join("\n  ")
                ));
            }
            replace_dir(&dir, &files)?;
            if to.is_some() {
                let retitled = retitle(&doc_text, &doc.name, &doc.version, &version)?;
                write(&doc_path, retitled.as_bytes())?;
            }
            if errors.is_empty() {
                println!(
                    "✓ {} is {} {version} plus PATCH.md's diff ({} files)",
                    rel(&entry.dir),
                    doc.name,
                    files.len()
                );
                Ok(())
            } else {
                Err(format!(
                    "{} is now {} {version}, but these changes of PATCH.md's diff did not apply \
                     and are missing:\n  {}\nRe-make them by hand in {}, then record them with \
                     `cargo xtask repatch {} --diff`.",
                    rel(&entry.dir),
                    doc.name,
                    errors.join("\n  "),
                    rel(&entry.dir),
                    doc.name
                ))
            }
        }
    }
}

// ---- Cargo.toml and Cargo.lock ----

#[derive(Deserialize)]
struct Manifest {
    #[serde(default)]
    patch: BTreeMap<String, BTreeMap<String, PatchSpec>>,
    package: Option<Package>,
}

#[derive(Deserialize)]
struct PatchSpec {
    path: Option<String>,
}

#[derive(Deserialize)]
struct Package {
    version: Option<toml::Value>,
}

#[derive(Deserialize)]
struct Lock {
    #[serde(default)]
    package: Vec<LockedPackage>,
    #[serde(default)]
    patch: LockPatch,
}

#[derive(Deserialize)]
struct LockedPackage {
    name: String,
    version: String,
    source: Option<String>,
}

#[derive(Default, Deserialize)]
struct LockPatch {
    #[serde(default)]
    unused: Vec<UnusedPatch>,
}

#[derive(Deserialize)]
struct UnusedPatch {
    name: String,
    version: String,
}

/// The `[patch.crates-io]` entries with a path, from the workspace's Cargo.toml text.
fn entries(manifest: &str) -> Result<Vec<Entry>, String> {
    let manifest: Manifest =
        toml::from_str(manifest).map_err(|e| format!("Cargo.toml is not valid: {e}"))?;
    let mut entries = Vec::new();
    for (registry, patches) in manifest.patch {
        for (name, spec) in patches {
            let path = spec.path.ok_or_else(|| {
                format!("Cargo.toml's [patch.{registry}] entry `{name}` has no path")
            })?;
            entries.push(Entry {
                name,
                dir: PathBuf::from(path),
            });
        }
    }
    Ok(entries)
}

/// The version in `dir`/Cargo.toml.
fn manifest_version(dir: &Path) -> Result<String, String> {
    let path = dir.join("Cargo.toml");
    let manifest: Manifest = toml::from_str(&read(&path)?)
        .map_err(|e| format!("{} is not valid: {e}", path.display()))?;
    match manifest.package.and_then(|p| p.version) {
        Some(toml::Value::String(v)) => Ok(v),
        _ => Err(format!("{} has no literal package.version", path.display())),
    }
}

/// Fails unless Cargo.lock resolves `name` to the path copy at `version` alone.
fn check_lock(lock: &str, name: &str, version: &str, dir: &Path) -> Result<(), String> {
    let lock: Lock = toml::from_str(lock).map_err(|e| format!("Cargo.lock is not valid: {e}"))?;
    let how = format!(
        "move the patch to that release (`cargo xtask repatch {name} <version>`, see {}/PATCH.md) \
         or remove the [patch] entry",
        rel(dir)
    );
    let registry: Vec<&LockedPackage> = lock
        .package
        .iter()
        .filter(|p| p.name == name && p.source.is_some())
        .collect();
    if let Some(unused) = lock.patch.unused.iter().find(|u| u.name == name) {
        let resolved = registry
            .iter()
            .map(|p| p.version.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        return Err(format!(
            "the [patch] entry is unused: Cargo.lock lists {name} {} under [[patch.unused]] and \
             resolves {name} {} from the registry instead; {how}",
            unused.version,
            if resolved.is_empty() { "?" } else { &resolved }
        ));
    }
    if let Some(p) = registry.first() {
        return Err(format!(
            "Cargo.lock also resolves {name} {} from the registry, beside the patched {version}: \
             some dependency needs another release; {how}",
            p.version
        ));
    }
    if !lock
        .package
        .iter()
        .any(|p| p.name == name && p.version == version && p.source.is_none())
    {
        return Err(format!(
            "Cargo.lock has no {name} {version} from {}: nothing depends on it any more; remove \
             the [patch] entry and the directory",
            rel(dir)
        ));
    }
    Ok(())
}

// ---- PATCH.md ----

fn patch_doc(name: &str, dir: &Path) -> Result<PatchDoc, String> {
    let path = dir.join("PATCH.md");
    let doc = parse_doc(&read(&path)?).map_err(|e| format!("{}: {e}", path.display()))?;
    if doc.name != name {
        return Err(format!(
            "{} is about `{}`, but the [patch] entry is `{name}`",
            path.display(),
            doc.name
        ));
    }
    Ok(doc)
}

fn parse_doc(text: &str) -> Result<PatchDoc, String> {
    let title = text
        .lines()
        .next()
        .and_then(|l| l.strip_prefix("# "))
        .ok_or("the first line must be `# NAME VERSION, …`")?;
    let mut words = title.split([' ', ',']).filter(|w| !w.is_empty());
    let (Some(name), Some(version)) = (words.next(), words.next()) else {
        return Err("the first line must be `# NAME VERSION, …`".into());
    };
    let stand_in = title.contains("stand-in");
    let left_out = text
        .lines()
        .find_map(|l| l.strip_prefix(LEFT_OUT))
        .map(|rest| {
            rest.split('`')
                .skip(1)
                .step_by(2)
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default();
    let diff = diff_block(text).map(|(start, end)| text[start..end].to_string());
    if !stand_in && diff.is_none() {
        return Err("a patched copy needs a ```diff block (or `stand-in` in its title)".into());
    }
    Ok(PatchDoc {
        name: name.to_string(),
        version: version.to_string(),
        stand_in,
        left_out,
        diff: diff.unwrap_or_default(),
    })
}

/// The byte range of the first ```diff block's contents.
fn diff_block(text: &str) -> Option<(usize, usize)> {
    let open = text.find("\n```diff\n")? + "\n```diff\n".len();
    let close = if text[open..].starts_with("```") {
        open
    } else {
        text[open..].find("\n```").map(|i| open + i + 1)?
    };
    Some((open, close))
}

fn replace_diff_block(text: &str, diff: &str) -> Result<String, String> {
    let (start, end) = diff_block(text).ok_or("PATCH.md has no ```diff block to replace")?;
    Ok(format!("{}{diff}{}", &text[..start], &text[end..]))
}

/// PATCH.md with its title's version moved from `old` to `new`.
fn retitle(text: &str, name: &str, old: &str, new: &str) -> Result<String, String> {
    let from = format!("# {name} {old}");
    if !text.starts_with(&from) {
        return Err(format!("PATCH.md does not start with `{from}`"));
    }
    Ok(format!("# {name} {new}{}", &text[from.len()..]))
}

// ---- the copies ----

/// The registry's files of `name` `version`, downloaded by Cargo if they are not cached.
fn upstream_files(ctx: &Ctx, name: &str, version: &str) -> Result<Files, String> {
    if let Some(path) = crate_file::cached(name, version)? {
        return crate_file::read(&path);
    }
    let scratch = ctx
        .target_dir()
        .join("repatch")
        .join(format!("{name}-{version}"));
    let manifest = format!(
        "# Written by `cargo xtask` to download {name} {version}'s .crate; never built.\n\
         [package]\nname = \"repatch-fetch\"\nversion = \"0.0.0\"\nedition = \"2021\"\n\
         publish = false\n\n[dependencies]\n{name} = {{ version = \"={version}\", \
         default-features = false }}\n\n[workspace]\n"
    );
    write(&scratch.join("Cargo.toml"), manifest.as_bytes())?;
    write(&scratch.join("src").join("lib.rs"), b"")?;
    ctx.run(
        ctx.cmd("cargo")
            .args(["fetch", "--quiet", "--manifest-path"])
            .arg(scratch.join("Cargo.toml")),
    )
    .map_err(|e| format!("cannot download {name} {version}'s .crate: {e}"))?;
    let path = crate_file::cached(name, version)?.ok_or_else(|| {
        format!("`cargo fetch` ran, but no {name}-{version}.crate is in Cargo's registry cache")
    })?;
    crate_file::read(&path)
}

fn without_left_out(files: &Files, left_out: &[String]) -> Files {
    files
        .iter()
        .filter(|(path, _)| {
            !left_out
                .iter()
                .any(|l| *path == l || (l.ends_with('/') && path.starts_with(l.as_str())))
        })
        .map(|(p, b)| (p.clone(), b.clone()))
        .collect()
}

/// Upstream minus the left-out files, plus the diff; errors name the hunks that do not apply.
fn recreate(upstream: &Files, doc: &PatchDoc) -> Result<Files, Vec<String>> {
    let patches = unidiff::parse(&doc.diff).map_err(|e| vec![format!("the diff: {e}")])?;
    let (files, errors) = apply_patches(&without_left_out(upstream, &doc.left_out), &patches);
    if errors.is_empty() {
        Ok(files)
    } else {
        Err(errors)
    }
}

/// Applies what applies; the files whose hunks fail stay as they were, named in the errors.
fn apply_patches(base: &Files, patches: &[unidiff::FilePatch]) -> (Files, Vec<String>) {
    let mut files = base.clone();
    let mut errors = Vec::new();
    for patch in patches {
        let old = match base.get(&patch.path).map(|b| String::from_utf8(b.clone())) {
            Some(Ok(text)) => Some(text),
            Some(Err(_)) => {
                errors.push(format!(
                    "{}: not UTF-8 text, a diff cannot change it",
                    patch.path
                ));
                continue;
            }
            None => None,
        };
        match unidiff::apply(patch, old.as_deref()) {
            Ok(Some(text)) => {
                files.insert(patch.path.clone(), text.into_bytes());
            }
            Ok(None) => {
                files.remove(&patch.path);
            }
            Err(e) => errors.push(e),
        }
    }
    (files, errors)
}

/// The diff from `base` to `vendored`, every file in path order.
fn diff_files(base: &Files, vendored: &Files) -> Result<String, String> {
    let mut paths: Vec<&String> = base.keys().chain(vendored.keys()).collect();
    paths.sort();
    paths.dedup();
    let mut out = String::new();
    for path in paths {
        let text = |files: &Files| -> Result<Option<String>, String> {
            files
                .get(path)
                .map(|b| {
                    String::from_utf8(b.clone())
                        .map_err(|_| format!("{path} differs and is not UTF-8 text"))
                })
                .transpose()
        };
        let (old, new) = (base.get(path), vendored.get(path));
        if old == new {
            continue;
        }
        out.push_str(&unidiff::diff(
            path,
            text(base)?.as_deref(),
            text(vendored)?.as_deref(),
        ));
    }
    Ok(out)
}

#[derive(Debug, PartialEq)]
enum Difference {
    Changed(String),
    OnlyVendored(String),
    Missing(String),
}

impl Difference {
    fn describe(&self) -> String {
        match self {
            Difference::Changed(p) => p.clone(),
            Difference::OnlyVendored(p) => format!("{p} (not in upstream plus the diff)"),
            Difference::Missing(p) => format!("{p} (missing from the copy)"),
        }
    }
}

fn compare(expected: &Files, vendored: &Files) -> Vec<Difference> {
    let mut out = Vec::new();
    for (path, bytes) in expected {
        match vendored.get(path) {
            None => out.push(Difference::Missing(path.clone())),
            Some(v) if v != bytes => out.push(Difference::Changed(path.clone())),
            Some(_) => {}
        }
    }
    for path in vendored.keys() {
        if !expected.contains_key(path) {
            out.push(Difference::OnlyVendored(path.clone()));
        }
    }
    out
}

/// The start of each changed file's diff (expected → vendored), for the guard's message.
fn shown_diffs(differences: &[Difference], expected: &Files, vendored: &Files) -> String {
    let mut out = String::new();
    for d in differences {
        let Difference::Changed(path) = d else {
            continue;
        };
        let text = |f: &Files| f.get(path).map(|b| String::from_utf8_lossy(b).into_owned());
        let diff = unidiff::diff(path, text(expected).as_deref(), text(vendored).as_deref());
        let lines: Vec<&str> = diff.lines().collect();
        for line in lines.iter().take(SHOWN_DIFF_LINES) {
            out.push_str("    ");
            out.push_str(line);
            out.push('\n');
        }
        if lines.len() > SHOWN_DIFF_LINES {
            out.push_str(&format!(
                "    … {} more lines\n",
                lines.len() - SHOWN_DIFF_LINES
            ));
        }
    }
    out
}

/// A stand-in exports nothing to JavaScript and names only functions the real crate has.
fn check_stand_in(ours: &Files, upstream: &Files, doc: &PatchDoc) -> Result<(), String> {
    let sources = |files: &Files| -> Vec<String> {
        files
            .iter()
            .filter(|(p, _)| p.starts_with("src/") && p.ends_with(".rs"))
            .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
            .collect()
    };
    let ours = sources(ours);
    let exports = |s: &String| {
        s.lines()
            .any(|l| l.trim_start().starts_with("#[wasm_bindgen"))
    };
    if ours.iter().any(exports) {
        return Err(format!(
            "the stand-in for {} has a #[wasm_bindgen] item: exports are never dead code, and \
             keeping them out of the bundle is what it is for",
            doc.name
        ));
    }
    let theirs = sources(upstream).concat();
    let missing: Vec<String> = ours
        .iter()
        .flat_map(|s| pub_fns(s))
        .filter(|f| !theirs.contains(&format!("pub fn {f}")))
        .collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "the stand-in has functions {} {} does not: {} (it must stand in for that \
             release's API; compare with the .crate and update the stand-in and its version)",
            doc.name,
            doc.version,
            missing.join(", ")
        ))
    }
}

/// The names of `pub fn`s in a Rust source text.
fn pub_fns(source: &str) -> Vec<String> {
    source
        .split("pub fn ")
        .skip(1)
        .filter_map(|rest| {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            (!name.is_empty()).then_some(name)
        })
        .collect()
}

// ---- files ----

/// Every file under `dir` (path relative to it, `/`-separated) but PATCH.md and build output
/// (`target/`, a `Cargo.lock` from running the copy's own tests).
fn read_dir_files(dir: &Path) -> Result<Files, String> {
    let mut files = Files::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(current) = pending.pop() {
        let entries = std::fs::read_dir(&current)
            .map_err(|e| format!("cannot list {}: {e}", current.display()))?;
        for entry in entries {
            let entry = entry.map_err(|e| format!("cannot list {}: {e}", current.display()))?;
            let path = entry.path();
            let relative = relative_path(dir, &path)?;
            if path.is_dir() {
                if !IGNORED_DIRS.contains(&relative.as_str()) {
                    pending.push(path);
                }
            } else if relative != "PATCH.md" && !IGNORED_FILES.contains(&relative.as_str()) {
                let bytes = std::fs::read(&path)
                    .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
                files.insert(relative, bytes);
            }
        }
    }
    Ok(files)
}

fn relative_path(dir: &Path, path: &Path) -> Result<String, String> {
    let relative = path
        .strip_prefix(dir)
        .map_err(|_| format!("{} is outside {}", path.display(), dir.display()))?;
    Ok(relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/"))
}

/// Makes `dir` hold exactly `files` (plus PATCH.md and ignored build output).
fn replace_dir(dir: &Path, files: &Files) -> Result<(), String> {
    for path in read_dir_files(dir)?.keys() {
        if !files.contains_key(path) {
            let full = dir.join(path);
            std::fs::remove_file(&full)
                .map_err(|e| format!("cannot remove {}: {e}", full.display()))?;
        }
    }
    for (path, bytes) in files {
        write(&dir.join(path), bytes)?;
    }
    remove_empty_dirs(dir)
}

fn remove_empty_dirs(dir: &Path) -> Result<(), String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        if path.is_dir() {
            remove_empty_dirs(&path)?;
            if std::fs::read_dir(&path)
                .map(|mut d| d.next().is_none())
                .unwrap_or(false)
            {
                std::fs::remove_dir(&path)
                    .map_err(|e| format!("cannot remove {}: {e}", path.display()))?;
            }
        }
    }
    Ok(())
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    }
    std::fs::write(path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

fn rel(dir: &Path) -> String {
    dir.to_string_lossy().into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "# demo 0.1.0, patched for the widget\n\nProse.\n\n\
        Left out of the `.crate`: `Cargo.lock`, `Cargo.toml.orig`, `.github/`.\n\n\
        ```diff\n--- a/src/lib.rs\n+++ b/src/lib.rs\n@@ -1,2 +1,2 @@\n keep\n-old\n+new\n```\n\nMore.\n";

    fn files(pairs: &[(&str, &str)]) -> Files {
        pairs
            .iter()
            .map(|(p, t)| (p.to_string(), t.as_bytes().to_vec()))
            .collect()
    }

    #[test]
    fn patch_md_declares_name_version_left_out_and_diff() {
        let doc = parse_doc(DOC).unwrap();
        assert_eq!(doc.name, "demo");
        assert_eq!(doc.version, "0.1.0");
        assert!(!doc.stand_in);
        assert_eq!(doc.left_out, ["Cargo.lock", "Cargo.toml.orig", ".github/"]);
        assert!(doc.diff.starts_with("--- a/src/lib.rs\n"));
        assert!(doc.diff.ends_with("+new\n"));
        let stand_in = parse_doc("# wasm-streams 0.5.0, a stand-in for the widget\n").unwrap();
        assert!(stand_in.stand_in);
        assert!(parse_doc("# demo 0.1.0, patched\nno diff\n").is_err());
        let empty = parse_doc("# demo 0.1.0, patched\n\n```diff\n```\n").unwrap();
        assert_eq!(empty.diff, "");
    }

    #[test]
    fn the_copy_is_upstream_minus_left_out_plus_the_diff() {
        let doc = parse_doc(DOC).unwrap();
        let upstream = files(&[
            ("Cargo.lock", "lock"),
            (".github/ci.yml", "ci"),
            ("Cargo.toml", "[package]\n"),
            ("src/lib.rs", "keep\nold\n"),
        ]);
        let expected = recreate(&upstream, &doc).unwrap();
        assert_eq!(
            expected,
            files(&[("Cargo.toml", "[package]\n"), ("src/lib.rs", "keep\nnew\n")])
        );
        assert!(compare(&expected, &expected).is_empty());
        let mut altered = expected.clone();
        altered.insert("src/lib.rs".into(), b"keep\nnewer\n".to_vec());
        altered.insert("src/extra.rs".into(), b"x".to_vec());
        altered.remove("Cargo.toml");
        assert_eq!(
            compare(&expected, &altered),
            [
                Difference::Missing("Cargo.toml".into()),
                Difference::Changed("src/lib.rs".into()),
                Difference::OnlyVendored("src/extra.rs".into()),
            ]
        );
        // --diff records the change, and the recorded diff re-creates the altered copy.
        let base = without_left_out(&upstream, &doc.left_out);
        let diff = diff_files(&base, &altered).unwrap();
        let redone = replace_diff_block(DOC, &diff).unwrap();
        assert!(redone.ends_with("```\n\nMore.\n"));
        assert_eq!(
            recreate(&upstream, &parse_doc(&redone).unwrap()).unwrap(),
            altered
        );
    }

    #[test]
    fn a_diff_that_no_longer_applies_is_named() {
        let doc = parse_doc(DOC).unwrap();
        let errors =
            recreate(&files(&[("src/lib.rs", "keep\nchanged upstream\n")]), &doc).unwrap_err();
        assert_eq!(errors.len(), 1);
        assert!(
            errors[0].starts_with("src/lib.rs: hunk 1 of 1"),
            "{}",
            errors[0]
        );
    }

    #[test]
    fn retitle_moves_the_version() {
        assert_eq!(
            retitle(DOC, "demo", "0.1.0", "0.1.1")
                .unwrap()
                .lines()
                .next(),
            Some("# demo 0.1.1, patched for the widget")
        );
    }

    const MANIFEST: &str = "[package]\nname = \"x\"\nversion = \"0.1.0\"\n\n\
        [patch.crates-io]\ntachys = { path = \"patches/tachys\" }\n";

    #[test]
    fn entries_are_the_patch_paths() {
        assert_eq!(
            entries(MANIFEST).unwrap(),
            [Entry {
                name: "tachys".into(),
                dir: "patches/tachys".into()
            }]
        );
    }

    const REGISTRY: &str = "registry+https://github.com/rust-lang/crates.io-index";

    #[test]
    fn the_lock_must_use_the_patch() {
        let dir = Path::new("patches/tachys");
        let used = "version = 4\n\n[[package]]\nname = \"tachys\"\nversion = \"0.2.19\"\n";
        assert_eq!(check_lock(used, "tachys", "0.2.19", dir), Ok(()));

        let unused = format!(
            "version = 4\n\n[[package]]\nname = \"tachys\"\nversion = \"0.2.20\"\n\
             source = \"{REGISTRY}\"\n\n[[patch.unused]]\nname = \"tachys\"\nversion = \"0.2.19\"\n"
        );
        let err = check_lock(&unused, "tachys", "0.2.19", dir).unwrap_err();
        assert!(err.contains("unused"), "{err}");
        assert!(err.contains("tachys 0.2.20 from the registry"), "{err}");

        let both = format!(
            "{used}\n[[package]]\nname = \"tachys\"\nversion = \"0.3.0\"\nsource = \"{REGISTRY}\"\n"
        );
        assert!(check_lock(&both, "tachys", "0.2.19", dir)
            .unwrap_err()
            .contains("beside the patched"));

        assert!(check_lock("version = 4\n", "tachys", "0.2.19", dir)
            .unwrap_err()
            .contains("nothing depends on it"));
    }

    #[test]
    fn a_stand_in_exports_nothing_and_mirrors_upstream() {
        let doc = parse_doc("# s 0.5.0, a stand-in\n").unwrap();
        let upstream = files(&[(
            "src/readable/mod.rs",
            "pub fn from_raw() {}\npub fn into_raw() {}",
        )]);
        let ours = files(&[(
            "src/lib.rs",
            "//! Not `#[wasm_bindgen]`.\npub fn from_raw() {}\n",
        )]);
        assert_eq!(check_stand_in(&ours, &upstream, &doc), Ok(()));
        let extra = files(&[("src/lib.rs", "pub fn from_raw() {}\npub fn invented() {}\n")]);
        assert!(check_stand_in(&extra, &upstream, &doc)
            .unwrap_err()
            .contains("invented"));
        let exporting = files(&[("src/lib.rs", "#[wasm_bindgen]\npub fn from_raw() {}\n")]);
        assert!(check_stand_in(&exporting, &upstream, &doc)
            .unwrap_err()
            .contains("#[wasm_bindgen]"));
    }

    #[test]
    fn repatch_arguments() {
        let args = |a: &[&str]| parse_args(&a.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(
            args(&["tachys"]),
            Ok(Repatch::Write {
                name: "tachys".into(),
                to: None
            })
        );
        assert_eq!(
            args(&["tachys", "0.2.20"]),
            Ok(Repatch::Write {
                name: "tachys".into(),
                to: Some("0.2.20".into())
            })
        );
        assert_eq!(
            args(&["tachys", "--diff"]),
            Ok(Repatch::Diff {
                name: "tachys".into()
            })
        );
        assert_eq!(args(&["--check"]), Ok(Repatch::Check));
        assert!(args(&[]).is_err());
        assert!(args(&["tachys", "--bogus"]).is_err());
    }
}
