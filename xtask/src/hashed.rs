//! Content-hashed file names for the release bundle, so a reader's cache can never pair one
//! release's loader with another's wasm: every file the widget or the frame page loads is renamed
//! `stem-<hash>.ext` (the first 16 hex digits of its SHA-256, as Trunk's `filehash` names files)
//! and the files that load it are rewritten to name it so. Only `embed.js`, `frame.html` and
//! `snippet.html` keep stable names: owners link to those.
//!
//! Done by xtask after every other step of `dist` (not by Trunk's `filehash`), because the wasm
//! and its glue are still rewritten after Trunk (`shipped_wasm`, the minifier): a name must be the
//! hash of the bytes that ship. In the order the references run: the wasm first, then the glue
//! that names it, then the stylesheets and the frame page's script, then the loader and the frame
//! page that name them. `trunk serve` keeps the stable names, which `src/embed.js` spells.
//!
//! `embed.js` names each file as `new URL("./name", import.meta.url)` with a literal name, so a
//! bundler (Vite, Rollup, webpack) finds and emits them; the rename keeps that form.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

/// Hex digits of the hash in a name (64 bits: collisions are not a concern for a cache key).
pub const HASH_LEN: usize = 16;

/// The wasm, as Trunk names it.
pub const WASM: &str = "cto-cio-quiz_bg.wasm";
/// The wasm-bindgen glue, which names the wasm (its default location).
pub const GLUE: &str = "cto-cio-quiz.js";
/// The widget's stylesheet, loaded by the loader into each shadow root.
pub const WIDGET_CSS: &str = "widget.css";
/// The frame page's stylesheet and script.
pub const FRAME_CSS: &str = "frame.css";
pub const FRAME_JS: &str = "frame.js";
/// The loader: a stable name.
pub const LOADER: &str = "embed.js";
/// The frame page: a stable name.
pub const FRAME_PAGE: &str = "frame.html";

/// The bundle's files that keep their names from release to release: owners link to them.
pub const STABLE_NAMES: [&str; 3] = [LOADER, FRAME_PAGE, "snippet.html"];

/// Which stable files name which hashed ones, in the order the renames run: a file is renamed
/// before any file that names it.
const PLAN: [(&str, &[&str]); 5] = [
    (WASM, &[]),
    (GLUE, &[WASM]),
    (WIDGET_CSS, &[]),
    (FRAME_CSS, &[]),
    (FRAME_JS, &[]),
];
/// The stable files and the hashed ones each must name.
const STABLE: [(&str, &[&str]); 2] = [
    (LOADER, &[GLUE, WASM, WIDGET_CSS]),
    (FRAME_PAGE, &[FRAME_CSS, FRAME_JS]),
];

/// The first [`HASH_LEN`] hex digits of the SHA-256 of `bytes`.
pub fn hash(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut hex = String::with_capacity(64);
    for byte in digest {
        hex.push_str(&format!("{byte:02x}"));
    }
    hex.truncate(HASH_LEN);
    hex
}

/// `widget.css` and a hash → `widget-<hash>.css`.
pub fn hashed_name(stable: &str, hash: &str) -> String {
    match stable.rsplit_once('.') {
        Some((stem, ext)) => format!("{stem}-{hash}.{ext}"),
        None => format!("{stable}-{hash}"),
    }
}

/// Whether `name` is `stable`'s hashed name for some hash (`widget-0123456789abcdef.css`), and
/// that hash.
pub fn hash_in_name<'a>(stable: &str, name: &'a str) -> Option<&'a str> {
    let (stem, ext) = stable.rsplit_once('.').unwrap_or((stable, ""));
    let rest = name.strip_prefix(stem)?.strip_prefix('-')?;
    let hash = if ext.is_empty() {
        rest
    } else {
        rest.strip_suffix(ext)?.strip_suffix('.')?
    };
    (hash.len() == HASH_LEN && hash.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')))
        .then_some(hash)
}

/// The hashed file of `stable` in `dir`: exactly one must be there.
pub fn find(dir: &Path, stable: &str) -> Result<PathBuf, String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
    let mut found = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if hash_in_name(stable, &name).is_some() {
            found.push(entry.path());
        }
    }
    match found.len() {
        1 => Ok(found.remove(0)),
        0 => Err(format!(
            "{} has no content-hashed {stable} (`{}`): build it with `cargo xtask dist`",
            dir.display(),
            hashed_name(stable, &"0".repeat(HASH_LEN))
        )),
        n => Err(format!(
            "{} has {n} content-hashed copies of {stable}: a stale file is left over",
            dir.display()
        )),
    }
}

/// The file name of [`find`]'s answer.
pub fn find_name(dir: &Path, stable: &str) -> Result<String, String> {
    let path = find(dir, stable)?;
    Ok(path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default())
}

/// `text` with every reference to the file `from` (the name in quotes, or after `/` inside
/// quotes: `"./widget.css"`, `'cto-cio-quiz_bg.wasm'`, `href="frame.css"`) changed to `to`, and
/// how many there were. Mentions in prose (`widget.css did not load`) are left alone.
pub fn replace_reference(text: &str, from: &str, to: &str) -> (String, usize) {
    if from.is_empty() {
        return (text.to_string(), 0);
    }
    let mut out = String::with_capacity(text.len());
    let mut count = 0;
    let mut rest = text;
    while let Some(at) = rest.find(from) {
        let before = rest[..at].chars().next_back();
        let after = rest[at + from.len()..].chars().next();
        let quoted_after = matches!(after, Some('"' | '\'' | '`'));
        let quoted_before = matches!(before, Some('"' | '\'' | '`' | '/'));
        out.push_str(&rest[..at]);
        if quoted_before && quoted_after {
            out.push_str(to);
            count += 1;
        } else {
            out.push_str(from);
        }
        rest = &rest[at + from.len()..];
    }
    out.push_str(rest);
    (out, count)
}

/// What [`apply`] renamed: `(stable name, hashed name)`, in [`PLAN`] order.
pub type Renamed = Vec<(&'static str, String)>;

/// Renames the loaded files of the bundle in `dist` to their content-hashed names and rewrites
/// the files that name them (see the module doc). Fails, changing nothing more, when a file is
/// missing or a loader does not name a file it must.
pub fn apply(dist: &Path) -> Result<Renamed, String> {
    remove_stale(dist)?;
    let mut renamed: Renamed = Vec::new();
    for (stable, names) in PLAN {
        let path = dist.join(stable);
        let mut bytes =
            std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        if !names.is_empty() {
            let mut text = String::from_utf8(bytes)
                .map_err(|_| format!("{} is not UTF-8 text", path.display()))?;
            for name in names {
                let to = new_name(&renamed, name)?;
                text = replace_reference(&text, name, &to).0;
            }
            bytes = text.into_bytes();
        }
        let name = hashed_name(stable, &hash(&bytes));
        let to = dist.join(&name);
        std::fs::write(&to, &bytes).map_err(|e| format!("cannot write {}: {e}", to.display()))?;
        std::fs::remove_file(&path)
            .map_err(|e| format!("cannot remove {}: {e}", path.display()))?;
        renamed.push((stable, name));
    }
    for (stable, names) in STABLE {
        let path = dist.join(stable);
        let mut text = std::fs::read_to_string(&path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        for name in names {
            let to = new_name(&renamed, name)?;
            let (changed, count) = replace_reference(&text, name, &to);
            if count == 0 {
                return Err(format!(
                    "{} does not name {name} as a quoted file name (as \
                     `new URL(\"./{name}\", import.meta.url)` or `href=\"{name}\"`), so it \
                     cannot be given its hashed name",
                    path.display()
                ));
            }
            text = changed;
        }
        std::fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    Ok(renamed)
}

/// Removes hashed files an earlier build left in `dist` (Trunk empties it, but a copy of an
/// older bundle may not be), so exactly one of each remains.
fn remove_stale(dist: &Path) -> Result<(), String> {
    let entries =
        std::fs::read_dir(dist).map_err(|e| format!("cannot list {}: {e}", dist.display()))?;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if PLAN
            .iter()
            .any(|(stable, _)| hash_in_name(stable, &name).is_some())
        {
            std::fs::remove_file(entry.path())
                .map_err(|e| format!("cannot remove {}: {e}", entry.path().display()))?;
        }
    }
    Ok(())
}

fn new_name(renamed: &Renamed, stable: &str) -> Result<String, String> {
    renamed
        .iter()
        .find(|(s, _)| *s == stable)
        .map(|(_, name)| name.clone())
        .ok_or_else(|| format!("{stable} is named before it is renamed"))
}

/// Checks the bundle in `dist` as a reader's cache relies on it: every file the widget and the
/// frame page load, but the loader and the frame page, is named by the hash of its bytes, and the
/// loader and the frame page (and the glue, for the wasm) name exactly those files. Returns one
/// line per checked file.
pub fn verify(dist: &Path) -> Result<Vec<String>, String> {
    let mut lines = Vec::new();
    let mut names = Vec::new();
    for (stable, _) in PLAN {
        let path = find(dist, stable)?;
        let bytes =
            std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let expected = hash(&bytes);
        if hash_in_name(stable, &name) != Some(expected.as_str()) {
            return Err(format!(
                "{} is not named by its content: its hash is {expected}",
                path.display()
            ));
        }
        lines.push(format!("{name}: named by its SHA-256"));
        names.push((stable, name));
    }
    let referrers = STABLE
        .iter()
        .copied()
        .chain(PLAN.iter().copied().filter(|(_, named)| !named.is_empty()));
    for (referrer, named) in referrers {
        let referrer_name = match names.iter().find(|(s, _)| *s == referrer) {
            Some((_, name)) => name.clone(),
            None => referrer.to_string(),
        };
        let path = dist.join(&referrer_name);
        let text = std::fs::read_to_string(&path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        for stable in named.iter() {
            let name = names
                .iter()
                .find(|(s, _)| s == stable)
                .map(|(_, n)| n.as_str())
                .unwrap_or_default();
            if replace_reference(&text, name, name).1 == 0 {
                return Err(format!("{} does not name {name}", path.display()));
            }
            if replace_reference(&text, stable, stable).1 != 0 {
                return Err(format!(
                    "{} still names {stable} by its stable name",
                    path.display()
                ));
            }
        }
        lines.push(format!(
            "{referrer_name}: names {}",
            named
                .iter()
                .filter_map(|s| names.iter().find(|(n, _)| n == s).map(|(_, h)| h.as_str()))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    Ok(lines)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_carry_sixteen_hex_digits_of_sha256() {
        // SHA-256("abc") = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
        assert_eq!(hash(b"abc"), "ba7816bf8f01cfea");
        assert_eq!(
            hashed_name("cto-cio-quiz_bg.wasm", "ba7816bf8f01cfea"),
            "cto-cio-quiz_bg-ba7816bf8f01cfea.wasm"
        );
        assert_eq!(
            hash_in_name("widget.css", "widget-ba7816bf8f01cfea.css"),
            Some("ba7816bf8f01cfea")
        );
        assert_eq!(hash_in_name("widget.css", "widget.css"), None);
        assert_eq!(
            hash_in_name("widget.css", "widget-BA7816BF8F01CFEA.css"),
            None
        );
        assert_eq!(hash_in_name("widget.css", "widget-ba7816bf.css"), None);
        assert_eq!(hash_in_name("frame.js", "frame-ba7816bf8f01cfea.css"), None);
    }

    #[test]
    fn only_quoted_file_names_are_references() {
        let js = r#"import(new URL("./widget.css",import.meta.url));e=Error("widget.css did not load");x='widget.css'"#;
        let (out, n) = replace_reference(js, "widget.css", "widget-1.css");
        assert_eq!(n, 2);
        assert_eq!(
            out,
            r#"import(new URL("./widget-1.css",import.meta.url));e=Error("widget.css did not load");x='widget-1.css'"#
        );
        // frame.css is not a reference inside xframe.css" (no quote or slash before it).
        assert_eq!(replace_reference("\"xframe.css\"", "frame.css", "f").1, 0);
    }

    /// A bundle directory with the files `apply` renames, as Trunk and the minifier leave them.
    fn fake_dist(label: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("xtask-hashed-{label}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        for (name, body) in [
            (WASM, "\0asm\u{1}\0\0\0"),
            (
                GLUE,
                "let u=new URL(\"cto-cio-quiz_bg.wasm\",import.meta.url);",
            ),
            (WIDGET_CSS, ":host{display:block}"),
            (FRAME_CSS, "body{margin:0}"),
            (FRAME_JS, "var ATTRIBUTES=[];"),
            (
                LOADER,
                "import(new URL(\"./cto-cio-quiz.js\",import.meta.url).href);\
                 new URL(\"./cto-cio-quiz_bg.wasm\",import.meta.url);\
                 s.href=new URL(\"./widget.css\",import.meta.url).href;\
                 Error(\"widget.css did not load\")",
            ),
            (
                FRAME_PAGE,
                "<link rel=\"stylesheet\" href=\"frame.css\"><script src=\"frame.js\"></script>\
                 <script type=\"module\" src=\"embed.js\"></script>",
            ),
        ] {
            std::fs::write(dir.join(name), body).unwrap();
        }
        dir
    }

    #[test]
    fn apply_renames_by_content_and_verify_agrees() {
        let dir = fake_dist("apply");
        let renamed = apply(&dir).unwrap();
        assert_eq!(renamed.len(), PLAN.len());
        for (stable, name) in &renamed {
            assert!(!dir.join(stable).exists(), "{stable} was left");
            assert!(dir.join(name).is_file(), "{name} is missing");
        }
        let loader = std::fs::read_to_string(dir.join(LOADER)).unwrap();
        let glue = find_name(&dir, GLUE).unwrap();
        assert!(
            loader.contains(&format!("new URL(\"./{glue}\",import.meta.url)")),
            "{loader}"
        );
        assert!(
            loader.contains("Error(\"widget.css did not load\")"),
            "{loader}"
        );
        let wasm = find_name(&dir, WASM).unwrap();
        let glue_text = std::fs::read_to_string(dir.join(&glue)).unwrap();
        assert!(glue_text.contains(&wasm), "{glue_text}");
        let page = std::fs::read_to_string(dir.join(FRAME_PAGE)).unwrap();
        assert!(page.contains("src=\"embed.js\""), "{page}");
        let lines = verify(&dir).unwrap();
        assert!(
            lines.iter().any(|l| l.starts_with("embed.js: names ")),
            "{lines:?}"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn verify_catches_a_changed_file_and_a_stale_reference() {
        let dir = fake_dist("verify");
        apply(&dir).unwrap();
        let css = find(&dir, WIDGET_CSS).unwrap();
        std::fs::write(&css, ":host{display:none}").unwrap();
        let error = verify(&dir).unwrap_err();
        assert!(error.contains("is not named by its content"), "{error}");
        let _ = std::fs::remove_dir_all(&dir);

        let dir = fake_dist("stale");
        apply(&dir).unwrap();
        let page = dir.join(FRAME_PAGE);
        let text = std::fs::read_to_string(&page).unwrap();
        std::fs::write(&page, format!("{text}<link href=\"frame.css\">")).unwrap();
        let error = verify(&dir).unwrap_err();
        assert!(error.contains("still names frame.css"), "{error}");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn apply_fails_when_the_loader_builds_a_name() {
        let dir = fake_dist("computed");
        std::fs::write(dir.join(LOADER), "import(new URL(TAG+\".js\",base).href)").unwrap();
        let error = apply(&dir).unwrap_err();
        assert!(error.contains("does not name cto-cio-quiz.js"), "{error}");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
