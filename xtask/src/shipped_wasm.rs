//! The shipped wasm's last pass, after wasm-opt and Trunk's minifier: short names for what it
//! imports from its wasm-bindgen glue and exports to it, and no custom sections.
//!
//! wasm-bindgen names each import after the JS it calls plus a 16-digit hash
//! (`__wbg_createElement_de4a31ed2fb252be`), and files every import under the glue's module name
//! (`./cto-cio-quiz_bg.js`). Each name is written twice, in the wasm's import section and as a
//! key of the glue's import object, and the hashes do not compress: measured, about 2.5 KB brotli
//! of the bundle were import names. Exports are alike: the glue calls
//! `wasm.wasm_bindgen__convert__closures_____invoke__h6a07ff70d0710a33`. `shorten` renames both
//! in both files at once (`a`, `b`, …) and leaves every other byte as it was, except the custom
//! sections (`producers`,
//! `target_features`, Leptos's `__wasm_split_unstable`): tooling metadata no browser reads,
//! about 200 B brotli.
//!
//! The guard: an import is renamed only where the glue has its name exactly once, as a whole
//! identifier (or quoted, for the module) followed by `:`, i.e. as the key the wasm is linked by;
//! an export only where the glue has its name as a whole identifier always after `wasm.`, the
//! exports object, and at least once, or also as the name of one JS function of the glue that
//! wraps it (wasm-bindgen's closure shims; that function is renamed `$e0`, … with its uses, see
//! `rename_wrapped`). Anything
//! else, say a later wasm-bindgen that writes its glue differently, keeps its long name, and
//! `kept` says how many were not, so a change shows in the build output instead of breaking
//! the widget. The e2e suites load the result in three engines.

use wasmparser::{BinaryReader, TypeRef};

/// The two rewritten files, and how many names were shortened and how many kept.
pub struct Shortened {
    pub wasm: Vec<u8>,
    pub glue: String,
    pub renamed: usize,
    pub kept: usize,
}

/// `wasm` and `glue` with every import renamed that can be, and `wasm` without custom sections
/// (see the module doc).
pub fn shorten(wasm: &[u8], glue: &str) -> Result<Shortened, String> {
    const HEADER: usize = 8;
    if wasm.len() < HEADER || &wasm[..4] != b"\0asm" {
        return Err("not a wasm module".to_string());
    }
    let mut out = wasm[..HEADER].to_vec();
    let mut glue = glue.to_string();
    let (mut renamed, mut kept) = (0, 0);
    let mut at = HEADER;
    while at < wasm.len() {
        let id = wasm[at];
        let mut reader = BinaryReader::new(&wasm[at + 1..], at + 1);
        let size = reader.read_var_u32().map_err(|e| e.to_string())? as usize;
        let start = reader.original_position();
        let end = start
            .checked_add(size)
            .filter(|&end| end <= wasm.len())
            .ok_or_else(|| format!("section {id} at byte {at} runs past the end"))?;
        const CUSTOM_SECTION: u8 = 0;
        const IMPORT_SECTION: u8 = 2;
        const EXPORT_SECTION: u8 = 7;
        let renamed_section = match id {
            CUSTOM_SECTION => Some((Vec::new(), (0, 0))),
            IMPORT_SECTION => Some(rename_imports(&wasm[start..end], start, &mut glue)?),
            EXPORT_SECTION => Some(rename_exports(&wasm[start..end], start, &mut glue)?),
            _ => None,
        };
        if let Some((section, (short, long))) = renamed_section {
            renamed += short;
            kept += long;
            if id != CUSTOM_SECTION {
                out.push(id);
                push_u32(&mut out, section.len());
                out.extend_from_slice(&section);
            }
        } else {
            out.extend_from_slice(&wasm[at..end]);
        }
        at = end;
    }
    Ok(Shortened {
        wasm: out,
        glue,
        renamed,
        kept,
    })
}

/// The import section `body` (which starts at byte `offset` of the module) with short names,
/// renaming the same keys in `glue`; also returns (renamed, kept).
fn rename_imports(
    body: &[u8],
    offset: usize,
    glue: &mut String,
) -> Result<(Vec<u8>, (usize, usize)), String> {
    let fail = |e: wasmparser::BinaryReaderError| format!("import section: {e}");
    let (mut reader, count, mut section) = open_section(body, offset).map_err(fail)?;
    let mut modules: Vec<(String, String)> = Vec::new();
    let (mut renamed, mut kept) = (0, 0);
    for _ in 0..count {
        let module = reader.read_string().map_err(fail)?.to_string();
        let name = reader.read_string().map_err(fail)?.to_string();
        let described_at = reader.current_position();
        reader.read::<TypeRef>().map_err(fail)?;
        let description = &body[described_at..reader.current_position()];

        let module = match modules.iter().find(|(old, _)| *old == module) {
            Some((_, new)) => new.clone(),
            None => {
                let quoted = format!("\"{module}\"");
                let new = short_name(modules.len());
                let new = if rename_key(glue, &quoted, &format!("\"{new}\"")) {
                    new
                } else {
                    module.clone()
                };
                modules.push((module, new.clone()));
                new
            }
        };
        let short = short_name(renamed);
        let name = if rename_key(glue, &name, &short) {
            renamed += 1;
            short
        } else {
            kept += 1;
            name
        };
        push_name(&mut section, &module);
        push_name(&mut section, &name);
        section.extend_from_slice(description);
    }
    if !reader.eof() {
        return Err("import section: bytes after the last import".to_string());
    }
    Ok((section, (renamed, kept)))
}

/// A reader over a vector section's `body` (at byte `offset` of the module) past its entry count,
/// the count, and the rewritten section's bytes so far (the same count).
fn open_section(
    body: &[u8],
    offset: usize,
) -> Result<(BinaryReader<'_>, u32, Vec<u8>), wasmparser::BinaryReaderError> {
    let mut reader = BinaryReader::new(body, offset);
    let count = reader.read_var_u32()?;
    let mut section = Vec::with_capacity(body.len());
    push_u32(&mut section, count as usize);
    Ok((reader, count, section))
}

/// The export section `body` (at byte `offset` of the module) with short names, renaming the
/// glue's `wasm.` references to them alike; also returns (renamed, kept).
fn rename_exports(
    body: &[u8],
    offset: usize,
    glue: &mut String,
) -> Result<(Vec<u8>, (usize, usize)), String> {
    let fail = |e: wasmparser::BinaryReaderError| format!("export section: {e}");
    let (mut reader, count, mut section) = open_section(body, offset).map_err(fail)?;
    let mut exports = Vec::new();
    for _ in 0..count {
        let name = reader.read_string().map_err(fail)?;
        let described_at = reader.current_position();
        reader.read_u8().map_err(fail)?;
        reader.read_var_u32().map_err(fail)?;
        exports.push((name, &body[described_at..reader.current_position()]));
    }
    if !reader.eof() {
        return Err("export section: bytes after the last export".to_string());
    }
    let taken = |short: &str| exports.iter().any(|(name, _)| *name == short);
    let (mut renamed, mut kept) = (0, 0);
    for &(name, description) in &exports {
        let short = format!("e{renamed}");
        let name = if short.len() < name.len()
            && !taken(&short)
            && (rename_member(glue, "wasm.", name, &short)
                || rename_wrapped(glue, name, &short, &format!("${short}")))
        {
            renamed += 1;
            short
        } else {
            kept += 1;
            name.to_string()
        };
        push_name(&mut section, &name);
        section.extend_from_slice(description);
    }
    Ok((section, (renamed, kept)))
}

/// Replaces every `{object}{old}` by `{object}{new}` in `glue` if `old` occurs there at least
/// once as a whole word and always right after `object`. Says whether it did.
fn rename_member(glue: &mut String, object: &str, old: &str, new: &str) -> bool {
    let words = whole_words(glue, old);
    if words.is_empty() || !words.iter().all(|&at| glue[..at].ends_with(object)) {
        return false;
    }
    for &at in words.iter().rev() {
        glue.replace_range(at..at + old.len(), new);
    }
    true
}

/// Renames an export that the glue also wraps in a JS function of the same name, as wasm-bindgen
/// does for the closure shims (`function NAME(e,t){wasm.NAME(e,t)}`, handed around as `NAME`):
/// `wasm.NAME` becomes `wasm.{member}`, the function and every use of it `{function}`. Only where
/// the glue declares the function once, not as an export of its own (`export function NAME`, or
/// listed in an `export{…}`), never names it after another `.`, as a key or in quotes, and does
/// not use `function` as a name already. Says whether it did.
fn rename_wrapped(glue: &mut String, old: &str, member: &str, function: &str) -> bool {
    let words = whole_words(glue, old);
    let exported: Vec<(usize, usize)> = glue
        .match_indices("export{")
        .filter_map(|(at, _)| glue[at..].find('}').map(|len| (at, at + len)))
        .collect();
    let plain_use = |at: usize| {
        let before = &glue[..at];
        !(before.ends_with('.')
            || before.ends_with("export function ")
            || before.ends_with(['"', '\'', '`'])
            || glue[at + old.len()..].starts_with(':')
            || exported.iter().any(|&(from, to)| (from..to).contains(&at)))
    };
    let declared = words
        .iter()
        .filter(|&&at| glue[..at].ends_with("function "))
        .count();
    let fits = declared == 1
        && whole_words(glue, function).is_empty()
        && words
            .iter()
            .all(|&at| glue[..at].ends_with("wasm.") || plain_use(at));
    if !fits {
        return false;
    }
    for &at in words.iter().rev() {
        let new = if glue[..at].ends_with("wasm.") {
            member
        } else {
            function
        };
        glue.replace_range(at..at + old.len(), new);
    }
    true
}

/// Where `word` occurs in `glue` as a whole identifier.
fn whole_words(glue: &str, word: &str) -> Vec<usize> {
    let is_word = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '$';
    glue.match_indices(word)
        .map(|(at, _)| at)
        .filter(|&at| {
            let before = glue[..at].chars().next_back();
            let after = glue[at + word.len()..].chars().next();
            !before.is_some_and(is_word) && !after.is_some_and(is_word)
        })
        .collect()
}

/// Replaces `old` by `new` in `glue` if `old` occurs there exactly once, as a whole word that is
/// an object key (followed by `:`). Says whether it did.
fn rename_key(glue: &mut String, old: &str, new: &str) -> bool {
    match whole_words(glue, old)[..] {
        [at] if glue[at + old.len()..].starts_with(':') => {
            glue.replace_range(at..at + old.len(), new);
            true
        }
        _ => false,
    }
}

/// The `n`th short name: `a` … `z`, `A` … `Z`, then `aa`, `ab`, …: valid JS identifiers.
fn short_name(n: usize) -> String {
    const FIRST: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    const NEXT: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    let mut name = vec![FIRST[n % FIRST.len()]];
    let mut rest = n / FIRST.len();
    while rest > 0 {
        rest -= 1;
        name.push(NEXT[rest % NEXT.len()]);
        rest /= NEXT.len();
    }
    String::from_utf8_lossy(&name).into_owned()
}

fn push_name(out: &mut Vec<u8>, name: &str) {
    push_u32(out, name.len());
    out.extend_from_slice(name.as_bytes());
}

/// Unsigned LEB128, as wasm writes lengths and counts.
fn push_u32(out: &mut Vec<u8>, mut value: usize) {
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A module importing `names` as functions of type 0 from module `m`, then a custom section.
    fn module(m: &str, names: &[&str]) -> Vec<u8> {
        let mut imports = Vec::new();
        push_u32(&mut imports, names.len());
        for name in names {
            push_name(&mut imports, m);
            push_name(&mut imports, name);
            imports.extend_from_slice(&[0x00, 0x00]);
        }
        let mut wasm = b"\0asm\x01\0\0\0".to_vec();
        // A type section with `() -> ()`, so the function imports are valid.
        wasm.extend_from_slice(&[0x01, 0x04, 0x01, 0x60, 0x00, 0x00]);
        wasm.push(0x02);
        push_u32(&mut wasm, imports.len());
        wasm.extend_from_slice(&imports);
        wasm.extend_from_slice(&[0x00, 0x03, 0x02, b'h', b'i']);
        wasm
    }

    fn imports_of(wasm: &[u8]) -> Vec<(String, String)> {
        wasmparser::Parser::new(0)
            .parse_all(wasm)
            .filter_map(|payload| match payload.unwrap() {
                wasmparser::Payload::ImportSection(section) => Some(section),
                _ => None,
            })
            .flat_map(|section| section.into_imports())
            .map(|import| {
                let import = import.unwrap();
                (import.module.to_string(), import.name.to_string())
            })
            .collect()
    }

    const GLUE: &str = "function g(){return{__proto__:null,\"./x_bg.js\":{__proto__:null,\
        __wbg_f_0123456789abcdef:function(){return 1},__wbg_h_fedcba9876543210:function(){}}}}";

    #[test]
    fn renames_imports_in_both_files_and_nothing_else() {
        let names = ["__wbg_f_0123456789abcdef", "__wbg_h_fedcba9876543210"];
        let wasm = module("./x_bg.js", &names);
        let out = shorten(&wasm, GLUE).unwrap();
        let a = ("a".to_string(), "a".to_string());
        let b = ("a".to_string(), "b".to_string());
        assert_eq!(imports_of(&out.wasm), [a, b]);
        assert_eq!(
            out.glue,
            "function g(){return{__proto__:null,\"a\":{__proto__:null,\
             a:function(){return 1},b:function(){}}}}"
        );
        assert_eq!((out.renamed, out.kept), (2, 0));
        // The other sections are byte for byte the same, the custom one is gone, and the whole
        // still validates.
        assert_eq!(out.wasm[..14], wasm[..14]);
        // Each import: module "a", its name, then the 2-byte description.
        assert_eq!(out.wasm.len(), 14 + 3 + 2 * (2 + 2 + 2));
        assert!(!out.wasm.ends_with(b"hi"));
        wasmparser::Validator::new()
            .validate_all(&out.wasm)
            .unwrap();
    }

    #[test]
    fn a_name_the_glue_has_twice_or_not_as_a_key_keeps_its_name() {
        let twice = format!("{GLUE}__wbg_f_0123456789abcdef");
        let wasm = module("./x_bg.js", &["__wbg_f_0123456789abcdef"]);
        let out = shorten(&wasm, &twice).unwrap();
        assert_eq!(imports_of(&out.wasm)[0].1, "__wbg_f_0123456789abcdef");
        assert_eq!((out.renamed, out.kept), (0, 1));
        // A longer identifier that starts with the name is not the name.
        let longer = GLUE.replace("__wbg_h_fedcba9876543210:", "__wbg_h_fedcba9876543210x:");
        let wasm = module("./x_bg.js", &["__wbg_h_fedcba9876543210"]);
        let out = shorten(&wasm, &longer).unwrap();
        assert_eq!(out.glue, longer.replace("\"./x_bg.js\"", "\"a\""));
        assert_eq!(out.kept, 1);
    }

    #[test]
    fn exports_are_renamed_where_the_glue_only_calls_them_on_wasm() {
        let mut wasm = module("./x_bg.js", &["__wbg_f_0123456789abcdef"]);
        wasm.truncate(wasm.len() - 5); // without the custom section
        let mut exports = Vec::new();
        push_u32(&mut exports, 3);
        for name in ["wasm_bindgen__invoke__h0123456789abcdef", "mount", "e0"] {
            push_name(&mut exports, name);
            exports.extend_from_slice(&[0x00, 0x00]); // the imported function
        }
        wasm.push(0x07);
        push_u32(&mut wasm, exports.len());
        wasm.extend_from_slice(&exports);
        let glue = format!(
            "{GLUE}function i(){{wasm.wasm_bindgen__invoke__h0123456789abcdef(1);\
             wasm.wasm_bindgen__invoke__h0123456789abcdef(2)}}\
             export function mount(){{return wasm.mount()}}function z(){{wasm.e0()}}"
        );
        let out = shorten(&wasm, &glue).unwrap();
        // `mount` is also a JS function of the glue and `e0` is already short: both keep their
        // names. The long one would be `e0`, which is taken: it keeps its name rather than clash.
        let names: Vec<String> = wasmparser::Parser::new(0)
            .parse_all(&out.wasm)
            .filter_map(|payload| match payload.unwrap() {
                wasmparser::Payload::ExportSection(section) => Some(section),
                _ => None,
            })
            .flatten()
            .map(|export| export.unwrap().name.to_string())
            .collect();
        assert_eq!(
            names,
            ["wasm_bindgen__invoke__h0123456789abcdef", "mount", "e0"]
        );
        assert_eq!((out.renamed, out.kept), (1, 3));
        wasmparser::Validator::new()
            .validate_all(&out.wasm)
            .unwrap();

        // Without the clash, the long name becomes `e0` in both files, at every call.
        let wasm = {
            let at = wasm.len() - exports.len();
            let mut cut = wasm[..at - 2].to_vec();
            let mut exports = Vec::new();
            push_u32(&mut exports, 2);
            for name in ["wasm_bindgen__invoke__h0123456789abcdef", "mount"] {
                push_name(&mut exports, name);
                exports.extend_from_slice(&[0x00, 0x00]);
            }
            cut.push(0x07);
            push_u32(&mut cut, exports.len());
            cut.extend_from_slice(&exports);
            cut
        };
        let glue = glue.replace("function z(){wasm.e0()}", "");
        let out = shorten(&wasm, &glue).unwrap();
        assert!(out.glue.contains("{wasm.e0(1);wasm.e0(2)}"), "{}", out.glue);
        assert!(out
            .glue
            .ends_with("export function mount(){return wasm.mount()}"));
        assert_eq!((out.renamed, out.kept), (2, 1));
        wasmparser::Validator::new()
            .validate_all(&out.wasm)
            .unwrap();
    }

    #[test]
    fn an_export_the_glue_wraps_in_a_function_of_its_name_is_renamed_in_both() {
        let mut wasm = module("./x_bg.js", &["__wbg_f_0123456789abcdef"]);
        wasm.truncate(wasm.len() - 5);
        let mut exports = Vec::new();
        push_u32(&mut exports, 3);
        for name in [
            "closure_invoke_h0123456789abcdef",
            "mount",
            "initSync_long_name",
        ] {
            push_name(&mut exports, name);
            exports.extend_from_slice(&[0x00, 0x00]);
        }
        wasm.push(0x07);
        push_u32(&mut wasm, exports.len());
        wasm.extend_from_slice(&exports);
        let glue = format!(
            "{GLUE}function closure_invoke_h0123456789abcdef(e,t){{wasm.closure_invoke_h0123456789abcdef(e,t)}}\
             function g(e){{return make(e,closure_invoke_h0123456789abcdef)}}\
             export function mount(){{return wasm.mount()}}\
             function initSync_long_name(){{wasm.initSync_long_name()}}export{{initSync_long_name}}"
        );
        let out = shorten(&wasm, &glue).unwrap();
        assert!(
            out.glue
                .contains("function $e0(e,t){wasm.e0(e,t)}function g(e){return make(e,$e0)}"),
            "{}",
            out.glue
        );
        // An exported JS function of the glue is its API: it keeps its name, as does `mount`.
        assert!(out.glue.ends_with(
            "function initSync_long_name(){wasm.initSync_long_name()}export{initSync_long_name}"
        ));
        assert_eq!((out.renamed, out.kept), (2, 2));
        wasmparser::Validator::new()
            .validate_all(&out.wasm)
            .unwrap();

        // A name the glue already uses for something else is never taken for the function.
        let taken = glue.replace("function g(e)", "function g($e0)");
        let out = shorten(&wasm, &taken).unwrap();
        assert!(out
            .glue
            .contains("function closure_invoke_h0123456789abcdef(e,t)"));
    }

    #[test]
    fn malformed_modules_are_errors_not_panics() {
        assert!(shorten(b"nope", GLUE).is_err());
        let mut cut = module("./x_bg.js", &["__wbg_f_0123456789abcdef"]);
        cut.truncate(cut.len() - 8);
        assert!(shorten(&cut, GLUE).is_err());
    }

    #[test]
    fn short_names_are_distinct_identifiers() {
        let names: Vec<String> = (0..4000).map(short_name).collect();
        assert_eq!(names[..3], ["a", "b", "c"]);
        assert_eq!(names[52], "aa");
        let unique: std::collections::HashSet<&String> = names.iter().collect();
        assert_eq!(unique.len(), names.len());
        assert!(names
            .iter()
            .all(|n| !n.as_bytes()[0].is_ascii_digit()
                && n.bytes().all(|b| b.is_ascii_alphanumeric())));
    }
}
