//! The npm package (`cargo xtask package`, `target/package/cto-cio-quiz-<version>.tgz`) as its two
//! kinds of users get it, in every engine:
//!
//! - **A Vite + TypeScript project**: a fresh project in a temp dir installs the `.tgz` with npm,
//!   its only code is `import "cto-cio-quiz"` and typed event listeners (`tsc --noEmit` checks
//!   `e.detail.score` is a number and that a field the detail lacks is an error), `vite build`
//!   bundles the loader and emits the glue, the wasm and the stylesheet as assets with no plugin
//!   and no configuration; the built site, served under the strict CSP, plays to the results.
//! - **A CDN**: the unpacked package served from a second origin (another port, with
//!   `Access-Control-Allow-Origin: *`, as a CDN that mirrors npm answers) and embedded by a page
//!   under the strict CSP with only that origin added; every file comes from the CDN, once.
//!
//! - **Vite's dev server**, on the same project unbuilt: the widget is ready and answers.
//!
//! Vite and TypeScript are the versions `tests/e2e/package.json` pins (`cargo xtask test` installs
//! them with `npm ci`). `CCQ_PACKAGE` names the `.tgz` (`cargo xtask test` sets it); without it the
//! one in `target/package/` is used.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;

use anyhow::{anyhow, bail, ensure, Context};
use e2e::driver::TempDir;
use e2e::widget::HOST;
use e2e::{Scenario, Server, ServerConfig};
use serde_json::json;

/// The package archive: `CCQ_PACKAGE`, or the one `cto-cio-quiz-*.tgz` in `target/package/`.
fn package_archive() -> e2e::Result<PathBuf> {
    if let Some(path) = std::env::var_os("CCQ_PACKAGE").filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(path));
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/package");
    let found: Vec<PathBuf> = std::fs::read_dir(&dir)
        .with_context(|| {
            format!(
                "{} is missing: run `cargo xtask package` first (or set CCQ_PACKAGE)",
                dir.display()
            )
        })?
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("cto-cio-quiz-") && n.ends_with(".tgz"))
        })
        .collect();
    match found.as_slice() {
        [one] => Ok(one.clone()),
        _ => bail!(
            "{} has {} cto-cio-quiz-*.tgz, not one: run `cargo xtask package` (or set CCQ_PACKAGE)",
            dir.display(),
            found.len()
        ),
    }
}

/// A binary of the pinned npm tools (`tests/e2e/node_modules/.bin`).
fn npm_tool(name: &str) -> e2e::Result<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("node_modules/.bin")
        .join(name);
    ensure!(
        path.exists(),
        "{} is missing: the npm tools of tests/e2e/package.json are not installed; {}",
        path.display(),
        e2e::INSTALL_HINT
    );
    Ok(path)
}

/// Runs `cmd` in `dir`; fails with its output.
fn run(cmd: &mut Command, dir: &Path, what: &str) -> e2e::Result<String> {
    let output = cmd
        .current_dir(dir)
        .output()
        .with_context(|| format!("starting {what}"))?;
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    ensure!(output.status.success(), "{what} failed:\n{text}");
    Ok(text)
}

const VITE_MAIN: &str = r#"import "cto-cio-quiz";

// Only the package's types make these compile: `e` is a CustomEvent with the element's detail.
const completed: number[] = [];
document.addEventListener("cto-cio-quiz:complete", (e) => {
  const score: number = e.detail.score;
  const tier: string = e.detail.tier;
  completed.push(score);
  void tier;
});
// @ts-expect-error the complete event's detail has no such field
document.addEventListener("cto-cio-quiz:complete", (e) => e.detail.nope);
const quiz = document.querySelector("cto-cio-quiz");
quiz?.addEventListener("cto-cio-quiz:answer", (e) => {
  const right: boolean = e.detail.correct;
  void right;
});
(window as unknown as { __completed: number[] }).__completed = completed;
"#;

const VITE_PAGE: &str = r#"<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<script src="/pages/probe.js"></script>
<title>A Vite blog</title>
<link rel="icon" href="data:,">
</head>
<body>
<cto-cio-quiz id="quiz" storage-key="e2e-vite">
  <p>The article: CTO vs CIO</p>
</cto-cio-quiz>
<script type="module" src="/src/main.ts"></script>
</body>
</html>
"#;

const TSCONFIG: &str = r#"{
  "compilerOptions": {
    "target": "ES2022",
    "module": "ESNext",
    "moduleResolution": "bundler",
    "lib": ["ES2022", "DOM", "DOM.Iterable"],
    "types": [],
    "strict": true,
    "noEmit": true
  },
  "include": ["src"]
}
"#;

/// Creates the Vite project in `dir`, installs the package and type-checks it.
fn create_vite_project(dir: &Path, archive: &Path) -> e2e::Result<()> {
    let manifest = json!({
        "name": "a-vite-blog",
        "private": true,
        "type": "module",
        "dependencies": { "cto-cio-quiz": format!("file:{}", archive.display()) },
    });
    std::fs::create_dir_all(dir.join("src"))?;
    std::fs::write(
        dir.join("package.json"),
        serde_json::to_string_pretty(&manifest)?,
    )?;
    std::fs::write(dir.join("tsconfig.json"), TSCONFIG)?;
    std::fs::write(dir.join("index.html"), VITE_PAGE)?;
    std::fs::write(dir.join("src/main.ts"), VITE_MAIN)?;
    // A local archive without dependencies: npm needs no registry for it.
    run(
        Command::new("npm").args(["install", "--offline", "--no-audit", "--no-fund"]),
        dir,
        "npm install of the package",
    )?;
    run(
        Command::new(npm_tool("tsc")?).args(["-p", "."]),
        dir,
        "tsc --noEmit (the package's types)",
    )?;
    Ok(())
}

/// [`create_vite_project`], then `vite build`; returns the built site's directory.
fn build_vite_project(dir: &Path, archive: &Path) -> e2e::Result<PathBuf> {
    create_vite_project(dir, archive)?;
    let log = run(
        Command::new(npm_tool("vite")?).args(["build", "--logLevel", "info"]),
        dir,
        "vite build",
    )?;
    let site = dir.join("dist");
    let assets: Vec<String> = std::fs::read_dir(site.join("assets"))
        .with_context(|| format!("vite build wrote no assets:\n{log}"))?
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    for ext in [".wasm", ".css"] {
        ensure!(
            assets.iter().filter(|a| a.ends_with(ext)).count() == 1,
            "vite emitted not one {ext} asset: {assets:?}\n{log}"
        );
    }
    ensure!(
        assets.iter().filter(|a| a.ends_with(".js")).count() == 2,
        "vite emitted not two scripts (the page's bundle and the glue): {assets:?}\n{log}"
    );
    Ok(site)
}

#[tokio::test]
async fn a_vite_typescript_project_installs_bundles_and_plays_it() {
    let work = TempDir::new("vite").expect("temp dir");
    let site = build_vite_project(work.path(), &package_archive().expect("the package"))
        .unwrap_or_else(|e| panic!("{e:#}"));
    Scenario::new("package: a Vite + TypeScript project")
        .without_dist()
        .site(&site)
        .run(|ctx| async move {
            ctx.open("/index.html").await?;
            ctx.wait_ready(HOST).await?;
            let quiz = ctx.widget(HOST);
            quiz.wait_screen("the start screen", |s| s.kind == "start")
                .await?;
            quiz.start().await?;
            let played = quiz.play_to_results(|i| i % 2 == 0).await?;
            ensure!(played.results.kind == "results", "{played:?}");
            let right = played.answers.iter().filter(|a| a.correct).count();
            let completed: Vec<u64> = ctx
                .wait_eval(
                    "the page's typed complete listener",
                    e2e::widget::STEP,
                    "return window.__completed || [];",
                    vec![],
                    |seen: &Vec<u64>| !seen.is_empty(),
                )
                .await?;
            ensure!(
                completed == vec![right as u64],
                "the listener saw scores {completed:?}, the reader got {right} right"
            );
            let log = ctx.server.request_log();
            ensure!(
                log.iter()
                    .any(|l| l.starts_with("GET /assets/") && l.contains(".wasm 200")),
                "the wasm did not come from the bundle's assets: {log:?}"
            );
            ctx.assert_probe_clean().await
        })
        .await;
}

/// A running `vite` dev server, stopped (by its process id) when dropped.
struct DevServer(std::process::Child);

impl Drop for DevServer {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[tokio::test]
async fn vite_s_dev_server_serves_the_package_with_no_configuration() {
    let work = TempDir::new("vite-dev").expect("temp dir");
    let dir = work.path().to_path_buf();
    create_vite_project(&dir, &package_archive().expect("the package"))
        .unwrap_or_else(|e| panic!("{e:#}"));
    // The probe from public/, as the built site has it from the harness's /pages/.
    std::fs::create_dir_all(dir.join("public/pages")).expect("public dir");
    std::fs::copy(
        e2e::server::pages_dir().join("probe.js"),
        dir.join("public/pages/probe.js"),
    )
    .expect("copy the probe");
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port();
    let child = Command::new(npm_tool("vite").expect("vite"))
        .args([
            "--host",
            "127.0.0.1",
            "--strictPort",
            "--port",
            &port.to_string(),
        ])
        .current_dir(&dir)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("start vite");
    let _dev = DevServer(child);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while !e2e::http::get(port, "/")
        .await
        .is_ok_and(|reply| reply.status == 200)
    {
        assert!(
            std::time::Instant::now() < deadline,
            "vite's dev server did not answer on port {port} within a minute"
        );
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    let url = format!("http://127.0.0.1:{port}/index.html");
    Scenario::new("package: Vite's dev server")
        .without_dist()
        .run(|ctx| {
            let url = url.clone();
            async move {
                ctx.client.goto(&url).await?;
                ctx.wait_ready(HOST).await?;
                let quiz = ctx.widget(HOST);
                quiz.wait_screen("the start screen", |s| s.kind == "start")
                    .await?;
                quiz.start().await?;
                quiz.answer(true).await?;
                ctx.assert_probe_clean().await
            }
        })
        .await;
}

/// [`e2e::STRICT_CSP`] with `origin` added where the widget's files come from.
fn csp_with(origin: &str) -> String {
    format!(
        "default-src 'none'; script-src 'self' 'wasm-unsafe-eval' {origin}; style-src 'self' \
         {origin}; connect-src 'self' {origin}; img-src 'self' data:; base-uri 'none'; \
         form-action 'self'"
    )
}

#[tokio::test]
async fn the_unpacked_package_works_from_a_cdn_origin() {
    let work = TempDir::new("cdn").expect("temp dir");
    let archive = package_archive().expect("the package");
    run(
        Command::new("tar").arg("-xzf").arg(&archive),
        work.path(),
        "tar -xzf of the package",
    )
    .unwrap_or_else(|e| panic!("{e:#}"));
    let package = work.path().join("package");
    let wasm =
        e2e::server::bundle_name_in(&package, "cto-cio-quiz_bg.wasm").expect("the package's wasm");
    let cdn = Arc::new(
        Server::start(ServerConfig {
            dist: package,
            csp: None,
            cdn: true,
            ..ServerConfig::default()
        })
        .expect("start the CDN"),
    );
    let base = cdn.url("/dist");
    let policy = csp_with(&cdn.origin());
    Scenario::new("package: from a CDN origin")
        .without_dist()
        .csp(Some(&policy))
        .run(|ctx| {
            let (cdn, base, wasm) = (cdn.clone(), base.clone(), wasm.clone());
            async move {
                let before = cdn.request_log().len();
                let page = format!("/pages/cdn.html?cdn={base}");
                ctx.open(&page).await?;
                ctx.wait_ready(HOST).await?;
                let quiz = ctx.widget(HOST);
                quiz.wait_screen("the start screen", |s| s.kind == "start")
                    .await?;
                quiz.start().await?;
                quiz.answer(true).await?;
                let served = cdn.request_log().split_off(before);
                for file in ["/dist/embed.js", &format!("/dist/{wasm}")] {
                    let line = format!("GET {file} 200");
                    let count = served.iter().filter(|l| **l == line).count();
                    ensure!(count == 1, "{file} served {count} times: {served:?}");
                }
                ensure!(
                    served.iter().any(|l| l.contains(".css 200"))
                        && served
                            .iter()
                            .any(|l| l.starts_with("GET /dist/cto-cio-quiz-")),
                    "the glue and the stylesheet did not come from the CDN: {served:?}"
                );
                let own = ctx.server.request_log();
                ensure!(
                    !own.iter().any(|l| l.contains("/dist/")),
                    "the page's origin was asked for the widget's files: {own:?}"
                );
                ctx.assert_probe_clean().await.map_err(|e| anyhow!("{e:#}"))
            }
        })
        .await;
}
