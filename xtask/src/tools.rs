//! The Rust-side prerequisites: the wasm32 target, rustfmt/clippy, the release build's pinned
//! nightly with rust-src, trunk 0.22, wasm-bindgen-cli
//! at Cargo.lock's wasm-bindgen version, and wasm-opt from binaryen 116; plus the check that
//! Trunk.toml pins the same versions. Each is reused when present (one "✓" line) and installed
//! with `cargo install` / `rustup` otherwise ("→ installing …"), so every run is idempotent.

use std::process::Command;

use crate::context::Ctx;
use crate::release;
use crate::versions::{self, BINARYEN_VERSION};

/// The target the widget compiles to.
pub const WASM_TARGET: &str = "wasm32-unknown-unknown";
/// The trunk release series the project's Trunk.toml is written for.
const TRUNK_SERIES: &str = "0.22";

/// What a command is about to do, which decides what it needs.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// `trunk serve`: a debug build (trunk skips wasm-opt in debug builds).
    Serve,
    /// `trunk build --release`: also wasm-opt.
    Release,
    /// Everything in `cargo xtask test`: also rustfmt and clippy (browsers: see browsers.rs).
    Test,
}

/// Checks the version pins, then makes sure every tool `purpose` needs is installed.
pub fn ensure(ctx: &Ctx, purpose: Purpose) -> Result<(), String> {
    let wasm_bindgen = check_pins(ctx)?;
    ensure_wasm_target(ctx)?;
    if purpose == Purpose::Test {
        ensure_rust_components(ctx)?;
    }
    if purpose != Purpose::Serve {
        ensure_nightly(ctx)?;
    }
    ensure_trunk(ctx)?;
    ensure_wasm_bindgen(ctx, &wasm_bindgen)?;
    if purpose != Purpose::Serve {
        ensure_wasm_opt(ctx)?;
    }
    Ok(())
}

/// Reads Cargo.lock's wasm-bindgen version and checks Trunk.toml's `[tools]` pins against it
/// (and wasm-opt's against binaryen 116). Returns the wasm-bindgen version.
pub fn check_pins(ctx: &Ctx) -> Result<String, String> {
    let lock_path = ctx.root.join("Cargo.lock");
    let lock = std::fs::read_to_string(&lock_path).map_err(|e| {
        format!(
            "cannot read {}: {e} (run `cargo generate-lockfile`)",
            lock_path.display()
        )
    })?;
    let wasm_bindgen = versions::lock_version(&lock, "wasm-bindgen")?;

    let trunk_path = ctx.root.join("Trunk.toml");
    let trunk = std::fs::read_to_string(&trunk_path)
        .map_err(|e| format!("cannot read {}: {e}", trunk_path.display()))?;
    let pins = versions::trunk_toml(&trunk)?.tools;
    match pins.wasm_bindgen {
        Some(pin) if pin == wasm_bindgen => {}
        Some(pin) => {
            return Err(format!(
                "Trunk.toml pins [tools] wasm_bindgen = \"{pin}\" but Cargo.lock has wasm-bindgen \
                 {wasm_bindgen}: set wasm_bindgen = \"{wasm_bindgen}\" in Trunk.toml (they must be equal)"
            ))
        }
        None => {
            return Err(format!(
                "Trunk.toml has no [tools] wasm_bindgen pin: add wasm_bindgen = \"{wasm_bindgen}\" \
                 (Cargo.lock's version) under [tools]"
            ))
        }
    }
    let wanted_opt = versions::trunk_wasm_opt_pin(BINARYEN_VERSION);
    let opt_pin = pins.wasm_opt;
    if let Some(pin) = &opt_pin {
        if *pin != wanted_opt {
            return Err(format!(
                "Trunk.toml pins [tools] wasm_opt = \"{pin}\" but this project uses binaryen \
                 {BINARYEN_VERSION}: set wasm_opt = \"{wanted_opt}\""
            ));
        }
    }
    println!(
        "✓ Trunk.toml pins wasm-bindgen {wasm_bindgen} (= Cargo.lock){}",
        if opt_pin.is_some() {
            format!(" and wasm-opt {wanted_opt}")
        } else {
            String::new()
        }
    );
    Ok(wasm_bindgen)
}

/// `rustup target add wasm32-unknown-unknown` unless it is installed.
fn ensure_wasm_target(ctx: &Ctx) -> Result<(), String> {
    let installed = ctx
        .probe("rustup", &["target", "list", "--installed"])
        .ok_or_else(|| {
            format!(
                "`rustup target list --installed` failed: install Rust with rustup \
                 (https://rustup.rs), or add the {WASM_TARGET} target to your toolchain"
            )
        })?;
    if installed.lines().any(|l| l.trim() == WASM_TARGET) {
        println!("✓ rust target {WASM_TARGET} (already installed)");
        return Ok(());
    }
    println!("→ installing rust target {WASM_TARGET}");
    ctx.run(ctx.cmd("rustup").args(["target", "add", WASM_TARGET]))
}

/// `rustup component add rustfmt clippy` unless `cargo fmt` and `cargo clippy` work.
fn ensure_rust_components(ctx: &Ctx) -> Result<(), String> {
    let fmt = ctx.probe("cargo", &["fmt", "--version"]);
    let clippy = ctx.probe("cargo", &["clippy", "--version"]);
    if let (Some(_), Some(_)) = (&fmt, &clippy) {
        println!("✓ rustfmt and clippy (already installed)");
        return Ok(());
    }
    println!("→ installing rustfmt and clippy");
    ctx.run(
        ctx.cmd("rustup")
            .args(["component", "add", "rustfmt", "clippy"]),
    )
}

/// The pinned nightly that builds the release wasm ([`release::NIGHTLY`]), with `rust-src` for
/// build-std; installed with rustup's minimal profile unless both are there.
fn ensure_nightly(ctx: &Ctx) -> Result<(), String> {
    let nightly = release::NIGHTLY;
    let toolchain = format!("+{nightly}");
    let version = ctx.probe("rustc", &[&toolchain, "--version"]);
    let components = ctx.probe(
        "rustup",
        &["component", "list", "--installed", "--toolchain", nightly],
    );
    let has_src = components
        .as_deref()
        .is_some_and(|list| list.lines().any(|l| l.trim() == "rust-src"));
    if let (Some(version), true) = (&version, has_src) {
        println!(
            "✓ {nightly} with rust-src for the release wasm ({}, already installed)",
            version.trim()
        );
        return Ok(());
    }
    println!("→ installing {nightly} with rust-src for the release wasm (about 1 min)");
    ctx.run(ctx.cmd("rustup").args([
        "toolchain",
        "install",
        nightly,
        "--profile",
        "minimal",
        "--component",
        "rust-src",
    ]))
    .map_err(|e| format!("installing {nightly} failed: {e}"))
}

/// trunk 0.22.x: reused if present, else `cargo install trunk` (it declares a newer
/// rust-version than it needs, hence `--ignore-rust-version`).
fn ensure_trunk(ctx: &Ctx) -> Result<(), String> {
    let found = ctx
        .probe("trunk", &["--version"])
        .and_then(|out| versions::tool_version(&out));
    if let Some(version) = &found {
        if versions::in_series(version, TRUNK_SERIES) {
            println!("✓ trunk {version} (already installed)");
            return Ok(());
        }
    }
    let req = format!("~{TRUNK_SERIES}");
    install(
        ctx,
        &format!("trunk {TRUNK_SERIES}.x"),
        found.as_deref(),
        "about 18 min on 2 cores",
        ctx.cmd("cargo").args([
            "install",
            "trunk",
            "--locked",
            "--ignore-rust-version",
            "--version",
            &req,
        ]),
    )?;
    match ctx
        .probe("trunk", &["--version"])
        .and_then(|out| versions::tool_version(&out))
    {
        Some(v) if versions::in_series(&v, TRUNK_SERIES) => {
            println!("✓ trunk {v} (installed)");
            Ok(())
        }
        other => Err(format!(
            "after installing, `trunk --version` gives {}, not {TRUNK_SERIES}.x: check that {} \
             is the first trunk on PATH",
            shown(other.as_deref()),
            ctx.cargo_bin.display()
        )),
    }
}

/// wasm-bindgen-cli at exactly Cargo.lock's version (it also provides
/// wasm-bindgen-test-runner). Its own lockfile does not resolve on every registry mirror, so
/// no `--locked` here.
fn ensure_wasm_bindgen(ctx: &Ctx, version: &str) -> Result<(), String> {
    let found = ctx
        .probe("wasm-bindgen", &["--version"])
        .and_then(|out| versions::tool_version(&out));
    let runner = ctx.which("wasm-bindgen-test-runner").is_some();
    if found.as_deref() == Some(version) && runner {
        println!("✓ wasm-bindgen {version} and wasm-bindgen-test-runner (already installed)");
        return Ok(());
    }
    let exact = format!("={version}");
    let mut cmd = ctx.cmd("cargo");
    cmd.args(["install", "wasm-bindgen-cli", "--version", &exact]);
    if found.as_deref() == Some(version) {
        // Same version recorded as installed but the runner binary is gone: reinstall.
        cmd.arg("--force");
    }
    install(
        ctx,
        &format!("wasm-bindgen-cli {version}"),
        found.as_deref(),
        "about 2 min",
        &mut cmd,
    )?;
    let now = ctx
        .probe("wasm-bindgen", &["--version"])
        .and_then(|out| versions::tool_version(&out));
    if now.as_deref() == Some(version) && ctx.which("wasm-bindgen-test-runner").is_some() {
        println!("✓ wasm-bindgen {version} and wasm-bindgen-test-runner (installed)");
        Ok(())
    } else {
        Err(format!(
            "after installing, `wasm-bindgen --version` gives {}, not {version} (or \
             wasm-bindgen-test-runner is missing): check that {} comes first on PATH",
            shown(now.as_deref()),
            ctx.cargo_bin.display()
        ))
    }
}

/// wasm-opt from binaryen 116, natively built by the `wasm-opt` crate into cargo's bin
/// directory (first on our PATH). Any other version, Debian's 108 above all, is not used.
fn ensure_wasm_opt(ctx: &Ctx) -> Result<(), String> {
    let found = ctx
        .probe("wasm-opt", &["--version"])
        .and_then(|out| versions::binaryen_version(&out));
    if found == Some(BINARYEN_VERSION) {
        println!("✓ wasm-opt (binaryen {BINARYEN_VERSION}, already installed)");
        return Ok(());
    }
    if let (Some(other), Some(path)) = (found, ctx.which("wasm-opt")) {
        println!(
            "  wasm-opt at {} is binaryen {other}, not {BINARYEN_VERSION}: not used; installing \
             ours into {}",
            path.display(),
            ctx.cargo_bin.display()
        );
    }
    let req = format!("~0.{BINARYEN_VERSION}");
    install(
        ctx,
        &format!("wasm-opt (binaryen {BINARYEN_VERSION})"),
        found.map(|v| format!("binaryen {v}")).as_deref(),
        "about 8 min on 2 cores",
        ctx.cmd("cargo")
            .args(["install", "wasm-opt", "--locked", "--version", &req]),
    )?;
    match ctx
        .probe("wasm-opt", &["--version"])
        .and_then(|out| versions::binaryen_version(&out))
    {
        Some(BINARYEN_VERSION) => {
            println!("✓ wasm-opt (binaryen {BINARYEN_VERSION}, installed)");
            Ok(())
        }
        other => Err(format!(
            "after installing, `wasm-opt --version` gives {}, not binaryen {BINARYEN_VERSION}: \
             check that {} comes first on PATH",
            shown(other.map(|v| format!("binaryen {v}")).as_deref()),
            ctx.cargo_bin.display()
        )),
    }
}

/// geckodriver (Firefox's WebDriver server) from crates.io; returns its path.
pub fn ensure_geckodriver(ctx: &Ctx) -> Result<std::path::PathBuf, String> {
    if let Some(version) = ctx
        .probe("geckodriver", &["--version"])
        .and_then(|out| versions::tool_version(&out))
    {
        if let Some(path) = ctx.which("geckodriver") {
            println!("✓ geckodriver {version} (already installed)");
            return Ok(path);
        }
    }
    install(
        ctx,
        "geckodriver",
        None,
        "about 8 min on 2 cores",
        ctx.cmd("cargo")
            .args(["install", "geckodriver", "--locked"]),
    )?;
    let version = ctx
        .probe("geckodriver", &["--version"])
        .and_then(|out| versions::tool_version(&out));
    match (version, ctx.which("geckodriver")) {
        (Some(version), Some(path)) => {
            println!("✓ geckodriver {version} (installed)");
            Ok(path)
        }
        _ => Err(format!(
            "geckodriver still not runnable after installing: check {}",
            ctx.cargo_bin.display()
        )),
    }
}

/// Prints the "→ installing" line and runs the install command.
fn install(
    ctx: &Ctx,
    what: &str,
    replacing: Option<&str>,
    cost: &str,
    cmd: &mut Command,
) -> Result<(), String> {
    match replacing {
        Some(old) => println!("→ installing {what}, replacing {old} ({cost})"),
        None => println!("→ installing {what} ({cost})"),
    }
    ctx.run(cmd)
        .map_err(|e| format!("installing {what} failed: {e}"))
}

/// A probed version for a message: the version, or "nothing usable".
fn shown(version: Option<&str>) -> &str {
    version.unwrap_or("nothing usable")
}
