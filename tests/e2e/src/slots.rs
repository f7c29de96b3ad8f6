//! A machine-wide cap on concurrent browser sessions (`CCQ_SESSIONS`, default 2).
//!
//! Several engineers (and cargo's parallel test threads) run these tests at once on a 2-core
//! machine; ten browsers starting together thrash the CPU until timeouts fire. Each session holds
//! an exclusive `flock` on one of N slot files in the temp dir. The kernel releases the lock when
//! the file is closed or the process dies, so an interrupted run can never leave a slot taken.

use std::fs::{File, OpenOptions};
use std::os::unix::io::AsRawFd;
use std::path::PathBuf;
use std::time::Duration;

/// A held slot; dropping it (closing the file) frees it.
#[derive(Debug)]
pub struct Slot {
    _file: File,
}

/// How many sessions may run at once on this machine.
pub fn capacity() -> usize {
    std::env::var("CCQ_SESSIONS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2usize)
        .max(1)
}

/// Waits until one of the slots is free and takes it.
pub async fn acquire() -> std::io::Result<Slot> {
    let dir = dir();
    std::fs::create_dir_all(&dir)?;
    let count = capacity();
    loop {
        for i in 0..count {
            let file = OpenOptions::new()
                .create(true)
                .truncate(false)
                .write(true)
                .open(dir.join(format!("slot-{i}.lock")))?;
            // SAFETY: flock on a file descriptor we own; LOCK_NB makes it return instead of block.
            let locked =
                unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) } == 0;
            if locked {
                return Ok(Slot { _file: file });
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

fn dir() -> PathBuf {
    std::env::temp_dir().join("ccq-e2e-slots")
}
