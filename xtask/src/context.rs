//! The environment every xtask command works in: the workspace root, the cargo install
//! directory, and one explicit PATH (cargo's bin directory first) given to every subprocess, so
//! the tools we installed win over others on the machine (e.g. Debian's binaryen 108 wasm-opt).
//! Also the helpers that run a command with streaming output or capture a version line.

use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Paths and settings shared by all commands.
pub struct Ctx {
    /// The workspace root (where Cargo.lock and Trunk.toml live).
    pub root: PathBuf,
    /// Where `cargo install` puts binaries (`$CARGO_INSTALL_ROOT/bin`, `$CARGO_HOME/bin` or
    /// `~/.cargo/bin`).
    pub cargo_bin: PathBuf,
    /// `CI` is set (to anything but "" / "0" / "false"): missing prerequisites are failures.
    pub ci: bool,
    path: OsString,
}

impl Ctx {
    /// Finds the workspace root and builds the PATH for subprocesses.
    pub fn new() -> Result<Ctx, String> {
        let manifest_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
        let root = manifest_dir
            .parent()
            .ok_or_else(|| format!("{} has no parent directory", manifest_dir.display()))?
            .to_path_buf();
        if !root.join("Cargo.toml").is_file() {
            return Err(format!(
                "no Cargo.toml in {}: run xtask from the project's workspace",
                root.display()
            ));
        }
        let cargo_bin = cargo_bin_dir()?;
        let path = child_path(&cargo_bin, std::env::var_os("PATH"))?;
        let ci = std::env::var("CI")
            .map(|v| !matches!(v.trim(), "" | "0" | "false"))
            .unwrap_or(false);
        Ok(Ctx {
            root,
            cargo_bin,
            ci,
            path,
        })
    }

    /// Cargo's target directory: `CARGO_TARGET_DIR`, or target/ in the workspace root.
    pub fn target_dir(&self) -> PathBuf {
        std::env::var_os("CARGO_TARGET_DIR")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
            .unwrap_or_else(|| self.root.join("target"))
    }

    /// A command for `program`, run in the workspace root with our PATH.
    pub fn cmd(&self, program: impl AsRef<OsStr>) -> Command {
        let mut cmd = Command::new(program);
        cmd.current_dir(&self.root).env("PATH", &self.path);
        cmd
    }

    /// The first executable `name` on our PATH.
    pub fn which(&self, name: &str) -> Option<PathBuf> {
        std::env::split_paths(&self.path)
            .map(|dir| dir.join(name))
            .find(|candidate| is_executable(candidate))
    }

    /// Runs `program args…` quietly and returns its trimmed stdout (or stderr when stdout is
    /// empty) if it exits successfully; `None` if it is missing or fails.
    pub fn probe(&self, program: impl AsRef<OsStr>, args: &[&str]) -> Option<String> {
        let output = self
            .cmd(program)
            .args(args)
            .stdin(Stdio::null())
            .output()
            .ok()?;
        if !output.status.success() {
            return None;
        }
        let stdout = String::from_utf8_lossy(&output.stdout).trim().to_string();
        if stdout.is_empty() {
            Some(String::from_utf8_lossy(&output.stderr).trim().to_string())
        } else {
            Some(stdout)
        }
    }

    /// Runs a command with inherited stdio (output streams live), echoing it first.
    pub fn run(&self, cmd: &mut Command) -> Result<(), String> {
        let line = describe(cmd);
        println!("$ {line}");
        let status = cmd
            .status()
            .map_err(|e| format!("could not start `{line}`: {e}"))?;
        if status.success() {
            Ok(())
        } else {
            Err(format!("`{line}` failed ({status})"))
        }
    }
}

/// A command line as a shell would show it: the environment it sets (except PATH), the
/// program and its arguments.
pub fn describe(cmd: &Command) -> String {
    let mut parts: Vec<String> = cmd
        .get_envs()
        .filter(|(key, _)| *key != "PATH")
        .filter_map(|(key, value)| {
            value.map(|v| format!("{}={}", key.to_string_lossy(), v.to_string_lossy()))
        })
        .collect();
    parts.push(cmd.get_program().to_string_lossy().into_owned());
    parts.extend(cmd.get_args().map(|a| {
        let a = a.to_string_lossy();
        if a.contains(' ') {
            format!("'{a}'")
        } else {
            a.into_owned()
        }
    }));
    parts.join(" ")
}

/// Whether `path` is a file with an execute bit.
pub fn is_executable(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        path.metadata()
            .map(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
            .unwrap_or(false)
    }
    #[cfg(not(unix))]
    {
        path.is_file()
    }
}

/// Where `cargo install` puts binaries.
fn cargo_bin_dir() -> Result<PathBuf, String> {
    if let Some(root) = std::env::var_os("CARGO_INSTALL_ROOT").filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(root).join("bin"));
    }
    if let Some(home) = std::env::var_os("CARGO_HOME").filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(home).join("bin"));
    }
    std::env::var_os("HOME")
        .filter(|v| !v.is_empty())
        .map(|home| PathBuf::from(home).join(".cargo").join("bin"))
        .ok_or_else(|| {
            String::from("neither CARGO_HOME nor HOME is set: cannot find cargo's bin directory")
        })
}

/// `first` followed by the entries of `path` (without duplicates of `first`).
fn child_path(first: &Path, path: Option<OsString>) -> Result<OsString, String> {
    let rest: Vec<PathBuf> = path
        .map(|p| std::env::split_paths(&p).collect())
        .unwrap_or_default();
    let entries = std::iter::once(first.to_path_buf()).chain(
        rest.into_iter()
            .filter(|dir| dir.as_path() != first && !dir.as_os_str().is_empty()),
    );
    std::env::join_paths(entries).map_err(|e| format!("cannot build PATH: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn child_path_puts_cargo_bin_first_once() {
        let first = Path::new("/root/.cargo/bin");
        let joined = child_path(
            first,
            Some(OsString::from("/usr/bin:/root/.cargo/bin:/bin:")),
        );
        assert_eq!(joined, Ok(OsString::from("/root/.cargo/bin:/usr/bin:/bin")));
        assert_eq!(
            child_path(first, None),
            Ok(OsString::from("/root/.cargo/bin"))
        );
    }

    #[test]
    fn describe_shows_env_program_and_args() {
        let mut cmd = Command::new("cargo");
        cmd.env("PATH", "/x")
            .env("CHROMEDRIVER", "/usr/bin/chromedriver")
            .env_remove("GECKODRIVER")
            .args(["test", "--target", "wasm32-unknown-unknown", "a b"]);
        assert_eq!(
            describe(&cmd),
            "CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown 'a b'"
        );
    }
}
