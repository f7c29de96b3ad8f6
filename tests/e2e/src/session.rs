//! Running one scenario in every engine: a fresh server, driver and browser session per engine,
//! engines one after another, every failure collected, and one panic at the end naming each engine
//! that failed and why (so a Firefox failure never hides a WebKit one). A scenario may ask for
//! reader preferences ([`Scenario::prefer`], see [`crate::prefs`]) or a phone's screen
//! ([`Scenario::phone`]); an engine that cannot give them is skipped with the reason printed.

use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{anyhow, Context};
use fantoccini::{Client, ClientBuilder};
use futures_util::FutureExt;
use hyper_util::client::legacy::connect::HttpConnector;

use crate::cdp::Cdp;
use crate::driver::{Driver, TempDir};
use crate::prefs::{self, MediaPref};
use crate::server::{require_dist, NewsletterReply, Server, ServerConfig};
use crate::Engine;

/// Window size of every session, so layouts are comparable between runs and pages.
pub const WINDOW: (u32, u32) = (1024, 900);

/// [`Scenario::phone`]'s screen, as CDP `Emulation.setDeviceMetricsOverride` takes it: Lighthouse
/// 12's mobile preset (a Moto G Power: 412 x 823 CSS px at 1.75 device pixels per px).
fn phone_metrics() -> serde_json::Value {
    serde_json::json!({ "width": 412, "height": 823, "deviceScaleFactor": 1.75, "mobile": true })
}

/// What a scenario closure gets: the engine, a live WebDriver client, and this run's server.
/// Helpers for the probe and the shadow root live in [`crate::page`].
#[derive(Clone, Debug)]
pub struct Ctx {
    /// The engine this run is in.
    pub engine: Engine,
    /// The WebDriver session (fantoccini); use it directly for anything the helpers lack.
    pub client: Client,
    /// The HTTP server of this run (fresh per engine, so its recordings are this engine's).
    pub server: Arc<Server>,
}

/// A scenario with options; [`in_every_engine`] is the shorthand with defaults.
#[derive(Clone, Debug)]
pub struct Scenario {
    name: String,
    needs_dist: bool,
    config: ServerConfig,
    timeout: Duration,
    prefs: Vec<MediaPref>,
    phone: bool,
}

impl Scenario {
    /// A scenario that needs the built bundle, served under [`crate::STRICT_CSP`].
    pub fn new(name: &str) -> Scenario {
        Scenario {
            name: name.to_string(),
            needs_dist: true,
            config: ServerConfig::default(),
            timeout: Duration::from_secs(120),
            prefs: Vec::new(),
            phone: false,
        }
    }

    /// A reader preference as a CSS media feature, e.g. `prefer("prefers-color-scheme", "dark")`:
    /// the page sees it as real (`matchMedia` matches). Engines that cannot emulate it are
    /// skipped with the reason printed (WebKitGTK: all of them); see [`crate::prefs`].
    pub fn prefer(mut self, feature: &str, value: &str) -> Scenario {
        self.prefs.push(MediaPref {
            name: feature.to_string(),
            value: value.to_string(),
        });
        self
    }

    /// A phone's screen instead of the [`WINDOW`]: the viewport, pixel ratio and mobile layout of
    /// Lighthouse's mobile preset, emulated through CDP, so Chromium only; the other
    /// engines are skipped with the reason printed.
    pub fn phone(mut self) -> Scenario {
        self.phone = true;
        self
    }

    /// Does not require `dist/` (harness self-tests).
    pub fn without_dist(mut self) -> Scenario {
        self.needs_dist = false;
        self
    }

    /// The newsletter recorder's reply (default: 200 with CORS).
    pub fn newsletter_reply(mut self, reply: NewsletterReply) -> Scenario {
        self.config.newsletter = reply;
        self
    }

    /// Another Content-Security-Policy for HTML responses (`None`: no header at all).
    pub fn csp(mut self, policy: Option<&str>) -> Scenario {
        self.config.csp = policy.map(str::to_string);
        self
    }

    /// Serves a built site (a static generator's output folder) at `/` (see [`ServerConfig::site`]).
    pub fn site(mut self, dir: &std::path::Path) -> Scenario {
        self.config.site = Some(dir.to_path_buf());
        self
    }

    /// Time limit per engine, start-up included (default 120 s); a hang becomes a failure.
    pub fn timeout(mut self, limit: Duration) -> Scenario {
        self.timeout = limit;
        self
    }

    /// Runs `scenario` in every selected engine (see `CCQ_ENGINES`), one engine after another,
    /// and panics at the end if any engine failed, with one line of reason per engine.
    /// The closure may return an error or panic (plain `assert!`s work); both are caught.
    pub async fn run<F, Fut>(self, scenario: F)
    where
        F: Fn(Ctx) -> Fut,
        Fut: Future<Output = crate::Result<()>>,
    {
        let engines = Engine::selected().unwrap_or_else(|e| panic!("{e}"));
        if self.needs_dist {
            if let Err(e) = require_dist(&self.config.dist) {
                panic!("scenario `{}`: {e:#}", self.name);
            }
        }
        let mut failures = Vec::new();
        for engine in engines {
            if let Some(reason) = self.unsupported_reason(engine) {
                eprintln!("[e2e] {} / {engine}: SKIPPED: {reason}", self.name);
                continue;
            }
            let mut times = Times::default();
            let outcome = self.run_one(engine, &scenario, &mut times).await;
            match outcome {
                Ok(()) => eprintln!("[e2e] {} / {engine}: ok {times}", self.name),
                Err(e) => {
                    eprintln!("[e2e] {} / {engine}: FAILED {times}: {e:#}", self.name);
                    failures.push(format!("{engine}: {e:#}"));
                }
            }
        }
        if !failures.is_empty() {
            panic!(
                "scenario `{}` failed in {} engine(s):\n- {}",
                self.name,
                failures.len(),
                failures.join("\n- ")
            );
        }
    }

    /// Why `engine` cannot run this scenario as asked (`None` when it can).
    fn unsupported_reason(&self, engine: Engine) -> Option<String> {
        if self.phone && engine != Engine::Chromium {
            return Some(
                "only Chromium can emulate a phone's screen (CDP); this engine's WebDriver has \
                 no command for it"
                    .to_string(),
            );
        }
        prefs::unsupported_reason(engine, &self.prefs)
    }

    async fn run_one<F, Fut>(
        &self,
        engine: Engine,
        scenario: &F,
        times: &mut Times,
    ) -> crate::Result<()>
    where
        F: Fn(Ctx) -> Fut,
        Fut: Future<Output = crate::Result<()>>,
    {
        let mut lap = Instant::now();
        let mut split = || std::mem::replace(&mut lap, Instant::now()).elapsed();
        // A missing binary must not wait in the queue first.
        engine.check_installed().map_err(|e| anyhow!(e))?;
        // Few cores: cap concurrent browsers machine-wide, however many test threads and test
        // processes run (see `slots`).
        let _slot = crate::slots::acquire()
            .await
            .context("waiting for a session slot")?;
        times.queued = split();
        let server =
            Arc::new(Server::start(self.config.clone()).context("starting the HTTP server")?);
        // Declared before the session so it is dropped after it: the browser must be gone before
        // its profile directory is removed.
        let work = TempDir::new(engine.name()).context("creating a temp dir")?;
        let deadline = tokio::time::Instant::now() + self.timeout;
        let session = tokio::time::timeout_at(
            deadline,
            Session::start(engine, &work, &self.prefs, self.phone),
        )
        .await
        .map_err(|_| anyhow!("browser session did not start within {:?}", self.timeout))??;
        times.start = split();
        let ctx = Ctx {
            engine,
            client: session.client.clone(),
            server,
        };
        let run = AssertUnwindSafe(scenario(ctx)).catch_unwind();
        let result = match tokio::time::timeout_at(deadline, run).await {
            Ok(Ok(result)) => result,
            Ok(Err(panic)) => Err(anyhow!("panicked: {}", panic_message(&*panic))),
            Err(_) => Err(anyhow!("timed out after {:?}", self.timeout)),
        };
        times.run = split();
        session.close().await;
        times.close = split();
        result
    }
}

/// Where one engine's run spent its time (printed with `--nocapture`).
#[derive(Default)]
struct Times {
    queued: Duration,
    start: Duration,
    run: Duration,
    close: Duration,
}

impl std::fmt::Display for Times {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "in {:.1?} (start {:.1?}, scenario {:.1?}, close {:.1?}; queued {:.1?})",
            self.start + self.run + self.close,
            self.start,
            self.run,
            self.close,
            self.queued
        )
    }
}

/// Runs `scenario` in Chromium, Firefox and WebKit with default options; see [`Scenario::run`].
pub async fn in_every_engine<F, Fut>(name: &str, scenario: F)
where
    F: Fn(Ctx) -> Fut,
    Fut: Future<Output = crate::Result<()>>,
{
    Scenario::new(name).run(scenario).await;
}

/// A driver plus a connected client. Dropping it without `close` still kills the driver's group.
struct Session {
    client: Client,
    driver: Driver,
}

impl Session {
    async fn start(
        engine: Engine,
        work: &TempDir,
        prefs: &[MediaPref],
        phone: bool,
    ) -> crate::Result<Session> {
        let browser = engine.browser_binary().map_err(|e| anyhow!(e))?;
        let profile = work.path().join("profile");
        std::fs::create_dir_all(&profile)?;
        let driver = Driver::start(engine, work.path()).await?;
        let mut caps = engine.capabilities(&browser, &profile);
        prefs::add_to_capabilities(engine, &mut caps, prefs);
        let client = ClientBuilder::new(HttpConnector::new())
            .capabilities(caps)
            .connect(&driver.url())
            .await
            .map_err(|e| {
                anyhow!(
                    "new session failed: {e}; driver log:\n{}",
                    driver.log_tail()
                )
            })?;
        client
            .set_window_size(WINDOW.0, WINDOW.1)
            .await
            .context("setting the window size")?;
        if engine == Engine::Chromium && (!prefs.is_empty() || phone) {
            let cdp = Cdp::for_session(&driver.url(), &client).await?;
            if !prefs.is_empty() {
                prefs::apply_chromium(&cdp, prefs)
                    .await
                    .context("emulating the scenario's media features")?;
            }
            if phone {
                cdp.send("Emulation.setDeviceMetricsOverride", phone_metrics())
                    .await
                    .context("emulating a phone's screen")?;
            }
        }
        Ok(Session { client, driver })
    }

    /// Ends the WebDriver session (the browser quits cleanly), then kills the driver.
    async fn close(self) {
        let _ = tokio::time::timeout(Duration::from_secs(10), self.client.close()).await;
        drop(self.driver);
    }
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        s.to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "non-string panic payload".to_string()
    }
}
