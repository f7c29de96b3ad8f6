//! Pure parsers for the versions this project pins: a package's version in Cargo.lock, string
//! keys of Trunk.toml (a tiny TOML subset: sections and `key = "string"`), and the `--version`
//! lines that trunk, wasm-bindgen and wasm-opt print. No I/O here: everything is unit-tested.

/// The binaryen release that Trunk.toml pins (`wasm_opt = "version_116"`). Debian's binaryen 108
/// produces wasm that validates but crashes in the browser, so no other version is accepted.
pub const BINARYEN_VERSION: u32 = 116;

/// The version of package `name` recorded in a Cargo.lock text.
///
/// Fails if the package is missing or locked at more than one version (then a single pin for
/// wasm-bindgen-cli is impossible).
pub fn lock_version(lock: &str, name: &str) -> Result<String, String> {
    let mut versions: Vec<String> = Vec::new();
    let mut block_name: Option<String> = None;
    let mut block_version: Option<String> = None;
    let mut flush = |n: &mut Option<String>, v: &mut Option<String>| {
        if let (Some(n), Some(v)) = (n.take(), v.take()) {
            if n == name && !versions.contains(&v) {
                versions.push(v);
            }
        }
    };
    for line in lock.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            flush(&mut block_name, &mut block_version);
            continue;
        }
        if let Some((key, value)) = key_value(line) {
            match key.as_str() {
                "name" => block_name = Some(value),
                "version" => block_version = Some(value),
                _ => {}
            }
        }
    }
    flush(&mut block_name, &mut block_version);
    match versions.as_slice() {
        [one] => Ok(one.clone()),
        [] => Err(format!(
            "Cargo.lock has no package `{name}`: run `cargo generate-lockfile` or add the dependency"
        )),
        many => Err(format!(
            "Cargo.lock locks `{name}` at several versions ({}): make every crate use one version",
            many.join(", ")
        )),
    }
}

/// The string value of `key` in table `[section]` of a TOML text (`section` "" means the top
/// level; a top-level dotted key `section.key = "…"` also counts). `None` if absent or not a
/// plain string.
pub fn toml_string(text: &str, section: &str, key: &str) -> Option<String> {
    let mut current = String::new();
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with("[[") {
            // An array of tables: never one of the plain sections we look up.
            current = String::from("[[array]]");
            continue;
        }
        if let Some(rest) = line.strip_prefix('[') {
            let end = rest.find(']').unwrap_or(rest.len());
            current = rest[..end].trim().to_string();
            continue;
        }
        let Some((k, value)) = key_value(line) else {
            continue;
        };
        if current == section && k == key {
            return Some(value);
        }
        if current.is_empty() && !section.is_empty() && k == format!("{section}.{key}") {
            return Some(value);
        }
    }
    None
}

/// Parses one `key = "value"` (or `'value'`) line, ignoring a trailing `# comment`.
fn key_value(line: &str) -> Option<(String, String)> {
    if line.starts_with('#') {
        return None;
    }
    let (key, rest) = line.split_once('=')?;
    let key: String = key
        .trim()
        .split('.')
        .map(|part| part.trim().trim_matches('"').trim_matches('\''))
        .collect::<Vec<_>>()
        .join(".");
    let rest = rest.trim();
    let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let body = &rest[1..];
    let end = body.find(quote)?;
    Some((key, body[..end].to_string()))
}

/// The version word of a `NAME X.Y.Z …` line, as `trunk --version`, `wasm-bindgen --version` and
/// `geckodriver --version` print (first line only, a leading `v` dropped).
pub fn tool_version(output: &str) -> Option<String> {
    let word = output.lines().next()?.split_whitespace().nth(1)?;
    let word = word.strip_prefix('v').unwrap_or(word);
    word.chars()
        .next()
        .filter(char::is_ascii_digit)
        .map(|_| word.to_string())
}

/// Whether `version` (e.g. "0.22.1") is in the series `series` (e.g. "0.22").
pub fn in_series(version: &str, series: &str) -> bool {
    version == series
        || version
            .strip_prefix(series)
            .is_some_and(|rest| rest.starts_with('.'))
}

/// The binaryen release number in `wasm-opt --version` output, e.g. 116 from
/// "wasm-opt version 116 (version_116)".
pub fn binaryen_version(output: &str) -> Option<u32> {
    let mut words = output.split_whitespace();
    while let Some(word) = words.next() {
        if word == "version" {
            let number: String = words
                .next()?
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            return number.parse().ok();
        }
    }
    None
}

/// The pin Trunk.toml must carry for wasm-opt (`[tools] wasm_opt`): what trunk derives from
/// `wasm-opt --version`.
pub fn trunk_wasm_opt_pin(binaryen: u32) -> String {
    format!("version_{binaryen}")
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOCK: &str = r#"
# This file is automatically @generated by Cargo.
version = 4

[[package]]
name = "wasm-bindgen"
version = "0.2.130"
source = "registry+https://github.com/rust-lang/crates.io-index"
dependencies = [
 "cfg-if",
]

[[package]]
name = "wasm-bindgen-backend"
version = "0.2.999"

[[package]]
name = "web-sys"
version = "0.3.107"
"#;

    #[test]
    fn lock_version_finds_the_exact_package() {
        assert_eq!(lock_version(LOCK, "wasm-bindgen"), Ok("0.2.130".into()));
        assert_eq!(lock_version(LOCK, "web-sys"), Ok("0.3.107".into()));
    }

    #[test]
    fn lock_version_ignores_the_lockfile_format_version() {
        let lock = "version = 4\n\n[[package]]\nname = \"a\"\nversion = \"1.0.0\"\n";
        assert_eq!(lock_version(lock, "a"), Ok("1.0.0".into()));
    }

    #[test]
    fn lock_version_reports_missing_and_duplicate_packages() {
        let missing = lock_version(LOCK, "leptos");
        assert!(
            matches!(&missing, Err(e) if e.contains("no package `leptos`")),
            "{missing:?}"
        );
        let twice =
            format!("{LOCK}\n[[package]]\nname = \"wasm-bindgen\"\nversion = \"0.2.100\"\n");
        let err = lock_version(&twice, "wasm-bindgen");
        assert!(
            matches!(&err, Err(e) if e.contains("0.2.130, 0.2.100")),
            "{err:?}"
        );
    }

    const TRUNK: &str = r#"
[build]
target = "index.html"
dist = "dist"   # deployable bundle
filehash = false
offline = true

[tools]
# keep equal to Cargo.lock
wasm_bindgen = "0.2.130"
wasm_opt = 'version_116'

[[hooks]]
stage = "post_build"
"#;

    #[test]
    fn toml_string_reads_sections_quotes_and_comments() {
        assert_eq!(
            toml_string(TRUNK, "tools", "wasm_bindgen"),
            Some("0.2.130".into())
        );
        assert_eq!(
            toml_string(TRUNK, "tools", "wasm_opt"),
            Some("version_116".into())
        );
        assert_eq!(toml_string(TRUNK, "build", "dist"), Some("dist".into()));
        // Not a string, wrong section, absent.
        assert_eq!(toml_string(TRUNK, "build", "filehash"), None);
        assert_eq!(toml_string(TRUNK, "build", "wasm_bindgen"), None);
        assert_eq!(toml_string(TRUNK, "tools", "sass"), None);
        assert_eq!(toml_string(TRUNK, "hooks", "stage"), None);
    }

    #[test]
    fn toml_string_accepts_top_level_dotted_keys() {
        let text = "tools.wasm_bindgen = \"0.2.130\"\n";
        assert_eq!(
            toml_string(text, "tools", "wasm_bindgen"),
            Some("0.2.130".into())
        );
    }

    #[test]
    fn tool_version_reads_the_second_word() {
        assert_eq!(tool_version("trunk 0.22.1\n"), Some("0.22.1".into()));
        assert_eq!(tool_version("wasm-bindgen 0.2.130"), Some("0.2.130".into()));
        assert_eq!(
            tool_version("geckodriver 0.36.0 (abc 2025-02-24)\n\nThis program …"),
            Some("0.36.0".into())
        );
        assert_eq!(tool_version("error: unknown flag"), None);
        assert_eq!(tool_version(""), None);
    }

    #[test]
    fn in_series_matches_whole_components_only() {
        assert!(in_series("0.22.1", "0.22"));
        assert!(in_series("0.22", "0.22"));
        assert!(!in_series("0.221.0", "0.22"));
        assert!(!in_series("0.21.9", "0.22"));
    }

    #[test]
    fn binaryen_version_parses_wasm_opt_output() {
        assert_eq!(
            binaryen_version("wasm-opt version 116 (version_116)"),
            Some(116)
        );
        assert_eq!(binaryen_version("wasm-opt version 108\n"), Some(108));
        assert_eq!(binaryen_version("wasm-opt: unknown"), None);
        assert_eq!(
            trunk_wasm_opt_pin(BINARYEN_VERSION),
            String::from("version_116")
        );
    }
}
