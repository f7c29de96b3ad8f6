//! The three browser engines: names, binary discovery (env overrides, then Debian paths, then PATH)
//! and the WebDriver capabilities that were tested on this machine (GUIDE section 2).

use std::fmt;
use std::path::{Path, PathBuf};

use serde_json::{json, Map, Value};

use crate::INSTALL_HINT;

/// A browser engine the widget must work in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Engine {
    /// Chromium + chromedriver (Blink).
    Chromium,
    /// Firefox ESR + geckodriver (Gecko).
    Firefox,
    /// WebKitGTK's MiniBrowser + WebKitWebDriver under Xvfb (Safari's engine).
    WebKit,
}

impl Engine {
    /// Every engine, in the order scenarios run them.
    pub const ALL: [Engine; 3] = [Engine::Chromium, Engine::Firefox, Engine::WebKit];

    /// Lower-case name as used in `CCQ_ENGINES` and in reports.
    pub fn name(self) -> &'static str {
        match self {
            Engine::Chromium => "chromium",
            Engine::Firefox => "firefox",
            Engine::WebKit => "webkit",
        }
    }

    /// Parses a name from `CCQ_ENGINES` (a few aliases so `chrome` or `safari` also work).
    pub fn from_name(name: &str) -> Option<Engine> {
        match name.trim().to_ascii_lowercase().as_str() {
            "chromium" | "chrome" => Some(Engine::Chromium),
            "firefox" | "gecko" | "firefox-esr" => Some(Engine::Firefox),
            "webkit" | "webkitgtk" | "safari" => Some(Engine::WebKit),
            _ => None,
        }
    }

    /// The engines to run: `CCQ_ENGINES=chromium,firefox` restricts them for local debugging;
    /// unset or empty means all three. An unknown name is an error, not a silent skip.
    pub fn selected() -> Result<Vec<Engine>, String> {
        let raw = std::env::var("CCQ_ENGINES").unwrap_or_default();
        if raw.trim().is_empty() {
            return Ok(Engine::ALL.to_vec());
        }
        let mut engines = Vec::new();
        for part in raw.split(',').filter(|p| !p.trim().is_empty()) {
            let engine = Engine::from_name(part).ok_or_else(|| {
                format!("CCQ_ENGINES: unknown engine `{part}` (known: chromium, firefox, webkit)")
            })?;
            if !engines.contains(&engine) {
                engines.push(engine);
            }
        }
        Ok(engines)
    }

    /// Locates this engine's WebDriver executable.
    pub fn driver_binary(self) -> Result<PathBuf, String> {
        match self {
            Engine::Chromium => locate(
                "CHROMEDRIVER",
                &["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"],
                "chromedriver",
            ),
            Engine::Firefox => {
                // `cargo install geckodriver` puts it in ~/.cargo/bin, which may not be on PATH.
                let cargo_bin = cargo_home().join("bin/geckodriver");
                let cargo_bin = cargo_bin.to_string_lossy().into_owned();
                locate(
                    "GECKODRIVER",
                    &[cargo_bin.as_str(), "/usr/local/bin/geckodriver"],
                    "geckodriver",
                )
            }
            Engine::WebKit => locate(
                "WEBKIT_DRIVER",
                &["/usr/bin/WebKitWebDriver"],
                "WebKitWebDriver",
            ),
        }
    }

    /// Locates the browser executable the driver is told to launch.
    pub fn browser_binary(self) -> Result<PathBuf, String> {
        match self {
            Engine::Chromium => locate("CHROMIUM_BIN", &["/usr/bin/chromium"], "chromium"),
            Engine::Firefox => locate("FIREFOX_BIN", &["/usr/bin/firefox-esr"], "firefox-esr"),
            Engine::WebKit => locate(
                "MINIBROWSER_BIN",
                &[
                    "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser",
                    "/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser",
                    "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.0/MiniBrowser",
                    "/usr/lib/aarch64-linux-gnu/webkit2gtk-4.0/MiniBrowser",
                ],
                "MiniBrowser",
            ),
        }
    }

    /// Extra executables the driver command needs (WebKitWebDriver needs a display: xvfb-run).
    pub fn helper_binaries(self) -> Result<Vec<PathBuf>, String> {
        match self {
            Engine::WebKit => Ok(vec![locate(
                "XVFB_RUN",
                &["/usr/bin/xvfb-run"],
                "xvfb-run",
            )?]),
            _ => Ok(Vec::new()),
        }
    }

    /// Fails with the first missing binary (driver, browser, helper), before any waiting.
    pub fn check_installed(self) -> Result<(), String> {
        self.driver_binary()?;
        self.browser_binary()?;
        self.helper_binaries()?;
        Ok(())
    }

    /// W3C capabilities, exactly as tested in GUIDE section 2. `profile_dir` is a fresh, empty
    /// directory: Chromium otherwise carries localStorage over between sessions.
    pub fn capabilities(self, browser: &Path, profile_dir: &Path) -> Map<String, Value> {
        let browser = browser.to_string_lossy();
        let caps = match self {
            Engine::Chromium => json!({
                "browserName": "chrome",
                "goog:chromeOptions": {
                    "binary": browser,
                    "args": [
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-quic",
                        "--no-first-run",
                        // Without these Chromium opens many background connections that the closed
                        // network refuses, slowing every page load.
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        format!("--user-data-dir={}", profile_dir.display()),
                    ],
                },
            }),
            Engine::Firefox => json!({
                "browserName": "firefox",
                // geckodriver ignores moz:firefoxOptions.env, so headless must be an argument.
                "moz:firefoxOptions": { "binary": browser, "args": ["-headless"] },
            }),
            Engine::WebKit => json!({
                "browserName": "MiniBrowser",
                // Without --automation the new-session request hangs forever.
                "webkitgtk:browserOptions": { "binary": browser, "args": ["--automation"] },
            }),
        };
        match caps {
            Value::Object(map) => map,
            _ => unreachable!("capabilities are built as a JSON object"),
        }
    }
}

impl fmt::Display for Engine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

fn cargo_home() -> PathBuf {
    std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from("/root/.cargo"))
}

/// Finds an executable: the env override wins (a path, or a bare name looked up on PATH), then the
/// usual install locations, then PATH. The error names the binary and how to install it.
fn locate(env: &str, candidates: &[&str], name: &str) -> Result<PathBuf, String> {
    if let Some(value) = std::env::var_os(env).filter(|v| !v.is_empty()) {
        let path = PathBuf::from(&value);
        let found = if path.components().count() > 1 {
            is_executable(&path).then_some(path)
        } else {
            search_path(&value.to_string_lossy())
        };
        return found.ok_or_else(|| {
            format!(
                "missing `{name}`: ${env}={} is not an executable file; {INSTALL_HINT}",
                value.to_string_lossy()
            )
        });
    }
    candidates
        .iter()
        .map(PathBuf::from)
        .find(|p| is_executable(p))
        .or_else(|| search_path(name))
        .ok_or_else(|| {
            format!(
                "missing `{name}` (looked at ${env}, {}, and PATH); {INSTALL_HINT}",
                candidates.join(", ")
            )
        })
}

fn search_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|p| is_executable(p))
}

fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    path.metadata()
        .map(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
        .unwrap_or(false)
}
