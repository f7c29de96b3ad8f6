//! `cargo xtask bloat`: where the wasm's bytes go, by crate and by function.
//!
//! Builds the release wasm (the cargo build Trunk runs, usually cached), passes it through
//! wasm-bindgen and `wasm-opt -Oz` as Trunk does but keeping the `name` section (`-g`), then sums
//! the code section's body sizes by the crate of each demangled function name. The figures are
//! the shipped wasm's code before compression, so the shares say what to cut.

use std::collections::HashMap;
use std::path::Path;

use crate::context::Ctx;
use crate::release;
use crate::sizes::grouped;
use crate::tools::{self, Purpose};

const RUSTC_WASM: &str = "target/wasm32-unknown-unknown/release/cto-cio-quiz.wasm";
const OUT_DIR: &str = "target/bloat";
/// The features rustc's wasm32 output uses, which wasm-opt must be told about.
const WASM_OPT_FEATURES: [&str; 4] = [
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
];
const TOP_CRATES: usize = 15;
const TOP_FUNCTIONS: usize = 20;

/// Builds, optimises with names kept, and prints the report.
pub fn run(ctx: &Ctx) -> Result<(), String> {
    tools::ensure(ctx, Purpose::Release)?;
    let mut build = ctx.cmd("cargo");
    build.args([
        "build",
        "--release",
        "--target",
        "wasm32-unknown-unknown",
        "--bin",
        "cto-cio-quiz",
    ]);
    build.envs(release::env(ctx));
    ctx.run(&mut build)
        .map_err(|e| format!("building the release wasm failed: {e}"))?;
    let out = ctx.root.join(OUT_DIR);
    let mut bindgen = ctx.cmd("wasm-bindgen");
    bindgen
        .args(["--target", "web", "--out-dir"])
        .arg(&out)
        .arg(ctx.root.join(RUSTC_WASM));
    ctx.run(&mut bindgen)
        .map_err(|e| format!("wasm-bindgen failed: {e}"))?;
    let named = out.join("named.wasm");
    let page = ctx.root.join("index.html");
    let page = std::fs::read_to_string(&page)
        .map_err(|e| format!("cannot read {}: {e}", page.display()))?;
    let mut opt = ctx.cmd("wasm-opt");
    // The passes index.html's Trunk link asks for, in Trunk's order, plus -g to keep the names.
    opt.args(["-Oz", "-g"])
        .args(trunk_wasm_opt_params(&page)?)
        .args(WASM_OPT_FEATURES)
        .arg(out.join("cto-cio-quiz_bg.wasm"))
        .arg("-o")
        .arg(&named);
    ctx.run(&mut opt)
        .map_err(|e| format!("wasm-opt failed: {e}"))?;
    let bytes =
        std::fs::read(&named).map_err(|e| format!("cannot read {}: {e}", named.display()))?;
    let module = parse(&bytes).map_err(|e| format!("{}: {e}", named.display()))?;
    print!("{}", report(&module, &named));
    Ok(())
}

/// The `data-wasm-opt-params` of `page`'s Trunk rust link, which Trunk passes to wasm-opt after
/// `-Oz`.
fn trunk_wasm_opt_params(page: &str) -> Result<Vec<&str>, String> {
    const ATTRIBUTE: &str = "data-wasm-opt-params=\"";
    let start = page
        .find(ATTRIBUTE)
        .ok_or("index.html's Trunk link has no data-wasm-opt-params")?
        + ATTRIBUTE.len();
    let len = page[start..]
        .find('"')
        .ok_or("index.html: data-wasm-opt-params is not closed")?;
    Ok(page[start..start + len].split_whitespace().collect())
}

/// What the report needs from a module.
#[derive(Debug, Default, PartialEq)]
struct Module {
    /// (demangled name without hash, body bytes) per defined function.
    functions: Vec<(String, u64)>,
    data_bytes: u64,
}

fn report(module: &Module, path: &Path) -> String {
    let code: u64 = module.functions.iter().map(|(_, size)| size).sum();
    let mut by_crate: HashMap<String, u64> = HashMap::new();
    for (name, size) in &module.functions {
        *by_crate.entry(crate_of(name)).or_default() += size;
    }
    let mut crates: Vec<(String, u64)> = by_crate.into_iter().collect();
    crates.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let mut functions: Vec<&(String, u64)> = module.functions.iter().collect();
    functions.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));

    let percent = |n: u64| n as f64 * 100.0 / code.max(1) as f64;
    let mut out = format!(
        "\n{} (wasm-opt -Oz, names kept): code {} B in {} functions, data {} B\n\n\
         code by crate:\n",
        path.display(),
        grouped(code),
        module.functions.len(),
        grouped(module.data_bytes)
    );
    for (name, size) in crates.iter().take(TOP_CRATES) {
        out += &format!(
            "{:>10} B {:>5.1}%  {name}\n",
            grouped(*size),
            percent(*size)
        );
    }
    out += "\nlargest functions:\n";
    for (name, size) in functions.iter().take(TOP_FUNCTIONS) {
        let short: String = name.chars().take(110).collect();
        out += &format!("{:>10} B  {short}\n", grouped(*size));
    }
    out
}

/// A function's name as the report shows it: demangled, without rustc's hash suffix and crate
/// disambiguators (wasm-bindgen has usually demangled the names already), and without the prefix
/// wasm-opt gives functions it merged.
fn clean_name(raw: &str) -> String {
    let demangled = format!("{:#}", rustc_demangle::demangle(raw));
    let mut name = demangled.trim_start_matches("byn$mgfn-shared$").to_string();
    while let Some(start) = name.find('[') {
        let hex = name[start + 1..].find(']').filter(|&len| {
            len == 16
                && name[start + 1..start + 1 + len]
                    .bytes()
                    .all(|b| b.is_ascii_hexdigit())
        });
        match hex {
            Some(len) => name.replace_range(start..start + len + 2, ""),
            None => break,
        }
    }
    if let Some(at) = name.rfind("::h") {
        let hash = &name[at + 3..];
        if hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()) {
            name.truncate(at);
        }
    }
    name
}

/// The crate a function belongs to: the first path segment, or for an impl (`<T as Trait>::f`)
/// the crate of the first concrete path inside the angle brackets, else the trait's crate.
/// Methods on primitives count as `core`; names without a path are exports and shims.
fn crate_of(name: &str) -> String {
    const PRIMITIVES: [&str; 8] = ["char", "str", "bool", "usize", "u8", "u32", "u64", "f64"];
    // Drop glue is generated for the dropped type: it is that crate's cost.
    if let Some(dropped) = name.strip_prefix("core::ptr::drop_in_place<") {
        return crate_of(dropped);
    }
    let name = name.trim_start_matches('_');
    let inner = name.strip_prefix('<').unwrap_or(name);
    let inner = inner
        .trim_start_matches("impl ")
        .trim_start_matches(['&', '*', '(', '[']);
    let inner = inner
        .strip_prefix("mut ")
        .or_else(|| inner.strip_prefix("const "))
        .unwrap_or(inner);
    let word_end = inner
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(inner.len());
    let word = &inner[..word_end];
    if inner[word_end..].starts_with("::") && !word.is_empty() {
        return word.to_string();
    }
    if PRIMITIVES.contains(&word) {
        return "core".to_string();
    }
    if let Some(at) = name.find(" as ") {
        let rest = &name[at + 4..];
        if let Some(end) = rest.find("::") {
            return rest[..end].to_string();
        }
    }
    if !name.contains("::") {
        return "(exports and shims)".to_string();
    }
    "(other)".to_string()
}

/// Reads what the report needs through wasmparser: the count of imported functions (they come
/// first in the function index space), each defined function's body size, the `name` section's
/// function names and the data section's size. Errors name what is malformed.
fn parse(bytes: &[u8]) -> Result<Module, String> {
    use wasmparser::{KnownCustom, Name, Payload, TypeRef};

    let mut imported_functions = 0u32;
    let mut bodies: Vec<u64> = Vec::new();
    let mut names: HashMap<u32, String> = HashMap::new();
    let mut data_bytes = 0;
    let fail = |e: wasmparser::BinaryReaderError| e.to_string();
    for payload in wasmparser::Parser::new(0).parse_all(bytes) {
        match payload.map_err(fail)? {
            Payload::ImportSection(imports) => {
                for import in imports.into_imports() {
                    if matches!(import.map_err(fail)?.ty, TypeRef::Func(_)) {
                        imported_functions += 1;
                    }
                }
            }
            Payload::CodeSectionEntry(body) => bodies.push(body.range().len() as u64),
            Payload::DataSection(data) => data_bytes = data.range().len() as u64,
            Payload::CustomSection(custom) => {
                if let KnownCustom::Name(subsections) = custom.as_known() {
                    for subsection in subsections {
                        if let Name::Function(map) = subsection.map_err(fail)? {
                            for naming in map {
                                let naming = naming.map_err(fail)?;
                                names.insert(naming.index, naming.name.to_string());
                            }
                        }
                    }
                }
            }
            _ => {}
        }
    }
    let functions = bodies
        .into_iter()
        .enumerate()
        .map(|(i, size)| {
            let index = imported_functions + i as u32;
            let name = names
                .get(&index)
                .map(|raw| clean_name(raw))
                .unwrap_or_else(|| format!("(function {index})"));
            (name, size)
        })
        .collect();
    Ok(Module {
        functions,
        data_bytes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn section(id: u8, body: &[u8]) -> Vec<u8> {
        let mut out = vec![id, body.len() as u8];
        out.extend_from_slice(body);
        out
    }

    fn name(s: &str) -> Vec<u8> {
        let mut out = vec![s.len() as u8];
        out.extend_from_slice(s.as_bytes());
        out
    }

    /// One function type, one imported function, two defined ones (bodies of 3 and 2 bytes), names
    /// for both, data.
    fn tiny_module() -> Vec<u8> {
        let mut wasm = b"\0asm\x01\0\0\0".to_vec();
        wasm.extend(section(1, &[1, 0x60, 0, 0]));
        let import = [vec![1], name("env"), name("f"), vec![0, 0]].concat();
        wasm.extend(section(2, &import));
        wasm.extend(section(3, &[2, 0, 0]));
        wasm.extend(section(10, &[2, 3, 0, 0, 0x0b, 2, 0, 0x0b]));
        wasm.extend(section(11, &[0; 5]));
        let mangled_a = "_ZN8my_crate4main17h0123456789abcdefE";
        let mangled_b = "_ZN4core3fmt5write17h0123456789abcdefE";
        let names = [vec![2, 1], name(mangled_a), vec![2], name(mangled_b)].concat();
        let sub = [vec![1, names.len() as u8], names].concat();
        wasm.extend(section(0, &[name("name"), sub].concat()));
        wasm
    }

    #[test]
    fn reads_sizes_and_demangled_names() {
        let module = parse(&tiny_module()).unwrap();
        assert_eq!(
            module,
            Module {
                functions: vec![("my_crate::main".into(), 3), ("core::fmt::write".into(), 2)],
                data_bytes: 5,
            }
        );
        let report = report(&module, Path::new("x.wasm"));
        assert!(
            report.contains("code 5 B in 2 functions, data 5 B"),
            "{report}"
        );
        assert!(report.contains("3 B  60.0%  my_crate"), "{report}");
    }

    #[test]
    fn reads_the_wasm_opt_passes_trunk_runs() {
        let link =
            r#"<link data-trunk rel="rust" data-wasm-opt="z" data-wasm-opt-params="--a  -Oz">"#;
        assert_eq!(trunk_wasm_opt_params(link), Ok(vec!["--a", "-Oz"]));
        assert!(trunk_wasm_opt_params("<link data-trunk>").is_err());
        let page = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../index.html"));
        assert!(trunk_wasm_opt_params(&page.unwrap()).is_ok_and(|params| !params.is_empty()));
    }

    #[test]
    fn malformed_modules_are_errors_not_panics() {
        assert!(parse(b"hello").is_err());
        let wasm = tiny_module();
        for cut in 9..wasm.len() {
            let _ = parse(&wasm[..cut]);
        }
    }

    #[test]
    fn names_lose_hashes_disambiguators_and_merge_prefixes() {
        for (raw, expected) in [
            ("_ZN8my_crate4main17h0123456789abcdefE", "my_crate::main"),
            (
                "tachys::view::build::hd7a785bf8a8376b2",
                "tachys::view::build",
            ),
            ("core[c5930c85a12de822]::str::count", "core::str::count"),
            (
                "byn$mgfn-shared$tachys::html::On::attach",
                "tachys::html::On::attach",
            ),
            (
                "<[T] as core::fmt::Debug>::fmt",
                "<[T] as core::fmt::Debug>::fmt",
            ),
        ] {
            assert_eq!(clean_name(raw), expected, "{raw}");
        }
    }

    #[test]
    fn functions_belong_to_their_crate() {
        for (name, expected) in [
            ("tachys::view::Render::build", "tachys"),
            (
                "<tachys::html::element::HtmlElement<E> as tachys::view::Render>::build",
                "tachys",
            ),
            ("<T as tachys::view::any_view::IntoAny>::into_any", "tachys"),
            ("<&str as core::fmt::Display>::fmt", "core"),
            ("core::ptr::drop_in_place<alloc::string::String>", "alloc"),
            ("core::ptr::drop_in_place<tachys::view::State<T>>", "tachys"),
            ("_<impl cto_cio_quiz::quiz::Quiz>::total", "cto_cio_quiz"),
            ("<char>::is_whitespace", "core"),
            ("mount externref shim", "(exports and shims)"),
        ] {
            assert_eq!(crate_of(name), expected, "{name}");
        }
    }
}
