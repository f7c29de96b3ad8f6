//! Last-resort cleanup when the test process is interrupted (Ctrl-C, SIGTERM, SIGHUP).
//!
//! Every driver runs in its own process group (so xvfb-run's Xvfb and the browsers can be killed
//! together), which also means a Ctrl-C on the terminal no longer reaches them. Drop guards cover
//! normal exits and panics; this covers signals. The registry is a fixed array of atomics because a
//! signal handler may only do async-signal-safe work: read atomics, `kill`, `signal`, `raise`.

use std::sync::atomic::{AtomicI32, Ordering};
use std::sync::Once;

const SLOTS: usize = 64;

#[allow(clippy::declare_interior_mutable_const)] // only used to initialise the array below
const EMPTY: AtomicI32 = AtomicI32::new(0);
static GROUPS: [AtomicI32; SLOTS] = [EMPTY; SLOTS];
static INSTALL: Once = Once::new();

/// Remembers a process group to kill if the process is interrupted; installs the handler once.
pub fn register(pgid: i32) {
    INSTALL.call_once(install_handlers);
    for slot in &GROUPS {
        if slot
            .compare_exchange(0, pgid, Ordering::SeqCst, Ordering::SeqCst)
            .is_ok()
        {
            return;
        }
    }
    // More than SLOTS live drivers would mean a leak elsewhere; the Drop guard still kills this one.
    eprintln!(
        "[e2e] cleanup registry full; process group {pgid} is covered by its Drop guard only"
    );
}

/// Forgets a process group once its Drop guard has killed it.
pub fn unregister(pgid: i32) {
    for slot in &GROUPS {
        if slot
            .compare_exchange(pgid, 0, Ordering::SeqCst, Ordering::SeqCst)
            .is_ok()
        {
            return;
        }
    }
}

fn install_handlers() {
    for signal in [libc::SIGINT, libc::SIGTERM, libc::SIGHUP] {
        // SAFETY: `on_signal` only performs async-signal-safe calls (atomic loads, kill, signal,
        // raise), and a plain handler without SA_SIGINFO matches the `sighandler_t` ABI.
        unsafe {
            let mut action: libc::sigaction = std::mem::zeroed();
            action.sa_sigaction = on_signal as extern "C" fn(libc::c_int) as libc::sighandler_t;
            libc::sigemptyset(&mut action.sa_mask);
            libc::sigaction(signal, &action, std::ptr::null_mut());
        }
    }
}

extern "C" fn on_signal(signal: libc::c_int) {
    for slot in &GROUPS {
        let pgid = slot.load(Ordering::SeqCst);
        if pgid > 0 {
            // SAFETY: kill is async-signal-safe; a negative pid addresses the whole group.
            unsafe {
                libc::kill(-pgid, libc::SIGTERM);
            }
        }
    }
    // Re-raise with the default action so the exit status still says "killed by SIGINT".
    // SAFETY: signal and raise are async-signal-safe.
    unsafe {
        libc::signal(signal, libc::SIG_DFL);
        libc::raise(signal);
    }
}
