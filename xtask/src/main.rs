//! `cargo xtask <command>`: the project's tooling (the alias lives in .cargo/config.toml).
//! Each command first installs what it lacks (and reuses what is there), then runs:
//! `serve` the demo with live reload, `test` every check, `dist` the release bundle with its
//! sizes, `package` the npm package and zip, `bench` sizes, load timings and a Lighthouse audit of the demo, `bloat` the wasm's code
//! by crate. Errors say what failed and what to do; the exit code is 1 on failure and 2 on a
//! usage error.

mod bench;
mod bloat;
mod browsers;
mod budget;
mod context;
mod crate_file;
mod dist;
mod element;
mod figures;
mod hashed;
mod kits;
mod npm;
mod package;
mod patches;
mod release;
mod serve;
mod shipped_wasm;
mod sizes;
mod test_all;
mod tools;
mod unidiff;
mod versions;
mod wordpress;
mod zip;

use std::process::ExitCode;

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  serve   serve the demo page with live reload at http://127.0.0.1:8080/
  test    run every check: fmt, clippy, unit, wasm component (Chromium), release
          bundle, size budget, npm package, end-to-end (Chromium, Firefox ESR, WebKitGTK)
  dist    build the release bundle into dist/ and print its sizes
  package the release bundle as an npm package (.tgz, with custom-elements.json and
          TypeScript types) and a zip for self-hosting, in target/package/
  bench   bundle sizes, load time and longest task in headless Chromium (4x CPU slowdown),
          and Lighthouse's scores and metrics for the demo post (mobile preset)
  bloat   where the wasm's bytes go: code size by crate and the largest functions
  repatch <crate> [<version> | --diff] | --check
          re-create patches/<crate> from the registry's .crate plus its PATCH.md's diff
          (moving to <version>), record the vendored copy's changes as that diff, or only
          check every patched crate (the first step of `test`)
  kits    the WordPress plugin's zip from the bundle in dist/, into target/package/

Each command installs the tools it lacks first (trunk, wasm-bindgen-cli, wasm-opt,
and for `test` the browsers and drivers) and reuses what is already installed.
With CI=true, `test` fails on anything it cannot install instead of skipping it.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Some(("repatch", rest)) = args.split_first().map(|(c, r)| (c.as_str(), r)) {
        let command = match patches::parse_args(rest) {
            Ok(command) => command,
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::from(2);
            }
        };
        return finish(context::Ctx::new().and_then(|ctx| patches::repatch(&ctx, &command)));
    }
    let command = match args.as_slice() {
        [one] => one.as_str(),
        [] => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
        [command, extra @ ..] => {
            eprintln!(
                "error: `{command}` takes no arguments (got `{}`)\n\n{USAGE}",
                extra.join(" ")
            );
            return ExitCode::from(2);
        }
    };
    let run: fn(&context::Ctx) -> Result<(), String> = match command {
        "serve" => serve::run,
        "test" => test_all::run,
        "dist" => dist::run,
        "package" => package::run,
        "bench" => bench::run,
        "bloat" => bloat::run,
        "kits" => kits::run,
        "help" | "-h" | "--help" => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        other => {
            eprintln!("error: unknown command `{other}`\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    finish(context::Ctx::new().and_then(|ctx| run(&ctx)))
}

fn finish(result: Result<(), String>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("\nerror: {e}");
            ExitCode::FAILURE
        }
    }
}
