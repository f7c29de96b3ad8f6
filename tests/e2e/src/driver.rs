//! One WebDriver process per browser session: started on a free 127.0.0.1 port in its own process
//! group, awaited until `/status` says ready, and killed (the whole group, by the PID we started)
//! when the [`Driver`] is dropped, including during a panic.
//!
//! Why one driver per session rather than a shared one: geckodriver and WebKitWebDriver serve one
//! session at a time, a static shared driver would never be dropped (leaking processes at exit),
//! and starting a driver costs far less than starting its browser.

use std::fs::File;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use anyhow::{anyhow, bail, Context};

use crate::{cleanup, Engine};

/// How long a driver may take to answer `/status` (xvfb-run first starts an X server).
const STATUS_TIMEOUT: Duration = Duration::from_secs(30);

/// `xvfb-run -a` picks a display number by looking for lock files, which races when two sessions
/// start at once; starting WebKit drivers one at a time (until `/status` answers, by which time
/// Xvfb holds its lock) avoids the race. A tokio mutex works across the per-test runtimes.
static XVFB_START: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// A running WebDriver server; dropping it kills its process group.
#[derive(Debug)]
pub struct Driver {
    engine: Engine,
    child: Child,
    port: u16,
    log: PathBuf,
}

impl Driver {
    /// Starts `engine`'s driver, logging to `work_dir/driver.log`, and waits until it is ready.
    /// A missing binary or a driver that never becomes ready is an error naming the cause.
    pub async fn start(engine: Engine, work_dir: &Path) -> crate::Result<Driver> {
        let binary = engine.driver_binary().map_err(|e| anyhow!(e))?;
        let helpers = engine.helper_binaries().map_err(|e| anyhow!(e))?;
        let _serialise = match engine {
            Engine::WebKit => Some(XVFB_START.lock().await),
            _ => None,
        };
        // One retry: a free port can be taken between our probe and the driver's bind.
        let mut last_error = None;
        for attempt in 0..2 {
            let port = free_port()?;
            let log = work_dir.join(format!("driver-{attempt}.log"));
            let mut command = match engine {
                // No --allowed-ips: with it chromedriver listens on every interface (checked with
                // `ss -ltn`); without it, it binds to the loopback addresses only.
                Engine::Chromium => {
                    let mut c = Command::new(&binary);
                    c.arg(format!("--port={port}"));
                    c
                }
                Engine::Firefox => {
                    let mut c = Command::new(&binary);
                    c.args(["--port", &port.to_string(), "--host", "127.0.0.1"]);
                    // Its BiDi WebSocket port defaults to a fixed 9222, which parallel Firefox
                    // sessions would fight over.
                    c.args(["--websocket-port", &free_port()?.to_string()]);
                    c
                }
                Engine::WebKit => {
                    // Our own auth file: otherwise xvfb-run makes a temp dir that it only removes
                    // on a normal exit, and killing the group (below) would leak it every time.
                    let mut c = Command::new(&helpers[0]);
                    c.arg("-a")
                        .arg("-f")
                        .arg(work_dir.join(format!("Xauthority-{attempt}")))
                        .arg(&binary)
                        .arg(format!("--port={port}"))
                        .arg("--host=127.0.0.1");
                    c
                }
            };
            let log_file = File::create(&log).context("creating the driver log")?;
            command
                .stdin(Stdio::null())
                .stdout(log_file.try_clone()?)
                .stderr(log_file)
                // Own process group: xvfb-run's Xvfb and every browser process die with the group.
                .process_group(0);
            let child = command
                .spawn()
                .with_context(|| format!("{engine}: spawning {}", binary.display()))?;
            cleanup::register(child.id() as i32);
            let mut driver = Driver {
                engine,
                child,
                port,
                log,
            };
            match driver.wait_ready().await {
                Ok(()) => return Ok(driver),
                Err(e) => last_error = Some(e), // `driver` drops here and is killed
            }
        }
        Err(last_error.expect("two attempts ran"))
    }

    /// The WebDriver endpoint, e.g. `http://127.0.0.1:4444`.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// The CPU time the driver and the browser it started have used so far, in seconds (the
    /// processes of its group alive now; Linux's `/proc`).
    pub fn cpu_seconds(&self) -> f64 {
        // SAFETY: sysconf(3) only reads a system constant.
        let ticks_per_second = unsafe { libc::sysconf(libc::_SC_CLK_TCK) }.max(1) as f64;
        let ticks: u64 = group_stats(self.child.id() as i32)
            .map(|stat| stat.cpu_ticks)
            .sum();
        ticks as f64 / ticks_per_second
    }

    /// The last lines the driver wrote, for error messages.
    pub fn log_tail(&self) -> String {
        let text = std::fs::read_to_string(&self.log).unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        lines[lines.len().saturating_sub(15)..].join("\n")
    }

    async fn wait_ready(&mut self) -> crate::Result<()> {
        let deadline = Instant::now() + STATUS_TIMEOUT;
        loop {
            if let Some(status) = self.child.try_wait()? {
                bail!(
                    "{}: driver exited during start-up ({status}); its log:\n{}",
                    self.engine,
                    self.log_tail()
                );
            }
            if status_ready(self.port).await {
                return Ok(());
            }
            if Instant::now() > deadline {
                bail!(
                    "{}: driver did not answer /status within {STATUS_TIMEOUT:?}; its log:\n{}",
                    self.engine,
                    self.log_tail()
                );
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let pgid = self.child.id() as i32;
        // SAFETY: plain kill(2) on the process group we created (pgid == the child's pid).
        let signal_group = |signal| unsafe { libc::kill(-pgid, signal) };
        signal_group(libc::SIGTERM);
        // Give everything a moment to exit cleanly (Xvfb removes its lock file on SIGTERM), then
        // SIGKILL whatever is left of the group.
        let deadline = Instant::now() + Duration::from_secs(3);
        loop {
            let _ = self.child.try_wait(); // reap the leader as soon as it exits
            if !group_alive(pgid) || Instant::now() > deadline {
                break;
            }
            std::thread::sleep(Duration::from_millis(25));
        }
        signal_group(libc::SIGKILL);
        let _ = self.child.wait();
        cleanup::unregister(pgid);
    }
}

/// True while a live (not zombie) process is in the group. `kill(-pgid, 0)` would also count
/// zombies, which linger when the group's shell dies before reaping them and init reaps lazily.
fn group_alive(pgid: i32) -> bool {
    group_stats(pgid).any(|stat| stat.state != "Z" && stat.state != "X")
}

/// What `/proc/<pid>/stat` says of one process.
struct ProcStat {
    state: String,
    /// User plus system CPU time so far, in clock ticks.
    cpu_ticks: u64,
}

/// The processes of group `pgid`, from `/proc`.
fn group_stats(pgid: i32) -> impl Iterator<Item = ProcStat> {
    let entries = std::fs::read_dir("/proc").into_iter().flatten().flatten();
    entries.filter_map(move |entry| {
        let name = entry.file_name();
        if !name.to_string_lossy().bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let stat = std::fs::read_to_string(entry.path().join("stat")).ok()?;
        // Fields after the parenthesised command name: state ppid pgrp session tty_nr tpgid
        // flags minflt cminflt majflt cmajflt utime stime ...
        let (_, rest) = stat.rsplit_once(')')?;
        let fields: Vec<&str> = rest.split_whitespace().collect();
        let pgrp = fields.get(2)?.parse::<i32>().ok()?;
        let tick = |i: usize| {
            fields
                .get(i)
                .and_then(|f| f.parse::<u64>().ok())
                .unwrap_or(0)
        };
        (pgrp == pgid).then(|| ProcStat {
            state: fields[0].to_string(),
            cpu_ticks: tick(11) + tick(12),
        })
    })
}

/// A port that was free a moment ago on 127.0.0.1.
pub fn free_port() -> std::io::Result<u16> {
    Ok(std::net::TcpListener::bind("127.0.0.1:0")?
        .local_addr()?
        .port())
}

/// True once `GET /status` answers 200 and does not say `"ready": false`.
async fn status_ready(port: u16) -> bool {
    match tokio::time::timeout(Duration::from_secs(2), crate::http::get(port, "/status")).await {
        Ok(Ok(reply)) => {
            let ready = serde_json::from_slice::<serde_json::Value>(&reply.body)
                .ok()
                .and_then(|v| v.pointer("/value/ready").and_then(|r| r.as_bool()))
                .unwrap_or(true);
            reply.status == 200 && ready
        }
        _ => false,
    }
}

/// A fresh directory under the system temp dir, removed on drop (browser profile, driver logs).
#[derive(Debug)]
pub struct TempDir(PathBuf);

impl TempDir {
    /// Creates `$TMPDIR/ccq-e2e-<pid>-<n>-<label>`.
    pub fn new(label: &str) -> std::io::Result<TempDir> {
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        static SWEEP: std::sync::Once = std::sync::Once::new();
        SWEEP.call_once(remove_stale_dirs);
        let n = COUNTER.fetch_add(1, Ordering::SeqCst);
        let path = std::env::temp_dir().join(format!("ccq-e2e-{}-{n}-{label}", std::process::id()));
        std::fs::create_dir_all(&path)?;
        Ok(TempDir(path))
    }

    /// The directory.
    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Removes `ccq-e2e-<pid>-…` directories of test processes that no longer run: an interrupted
/// run (Ctrl-C) kills its drivers from a signal handler, which cannot safely delete directories.
fn remove_stale_dirs() {
    let Ok(entries) = std::fs::read_dir(std::env::temp_dir()) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(pid) = name
            .strip_prefix("ccq-e2e-")
            .and_then(|rest| rest.split('-').next())
            .and_then(|pid| pid.parse::<u32>().ok())
        else {
            continue;
        };
        if pid != std::process::id() && !Path::new(&format!("/proc/{pid}")).exists() {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}
