//! Helpers shared by the integration tests.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The workspace root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The shared data folder, or `None` on a user's machine without it. Under CI its
/// absence is a failure.
pub fn shared() -> Option<PathBuf> {
    let dir = std::env::var_os("PARLEY_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("../shared"));
    if dir.join("DESIGN.md").is_file() {
        return Some(dir);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "CI is set but the shared folder {} is missing",
        dir.display()
    );
    eprintln!("skipping: no shared folder at {}", dir.display());
    None
}

/// A `parley` command.
pub fn parley() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_parley"));
    cmd.current_dir(root()).stdin(Stdio::null());
    cmd
}

/// Runs `parley` with `args`.
pub fn run(args: &[&str]) -> Output {
    parley().args(args).output().expect("parley runs")
}

/// Parses JSON Lines.
pub fn json_lines(bytes: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(bytes)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad JSON line {l}: {e}")))
        .collect()
}

/// Path as a `&str` for command arguments.
pub fn arg(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}
