//! The `--db` option shared by the commands that read or write the event store.

use std::path::PathBuf;

use anyhow::Context;
use clap::Args;
use parley_store::Store;

/// Where the event store lives.
#[derive(Debug, Clone, Args)]
pub struct DbArgs {
    /// The SQLite event store (created by `parley ingest`).
    #[arg(long, value_name = "FILE", default_value = "parley.db")]
    pub db: PathBuf,
}

impl DbArgs {
    /// Opens an existing store; a missing file is an error, not a new empty store.
    pub fn open_existing(&self) -> anyhow::Result<Store> {
        anyhow::ensure!(
            self.db.exists(),
            "{}: no such event store (run `parley ingest` first)",
            self.db.display()
        );
        Store::open(&self.db).with_context(|| format!("opening {}", self.db.display()))
    }
}

/// Parses `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Result<parley_types::Date, String> {
    s.parse()
        .map_err(|_| format!("`{s}` is not a date (YYYY-MM-DD)"))
}

/// Upper-cases an actor key (`rus` → `RUS`).
pub fn parse_key(s: &str) -> Result<String, String> {
    let k = s.trim().to_uppercase();
    if k.is_empty() || !k.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(format!("`{s}` is not an actor key (e.g. RUS, FRA, IGO)"));
    }
    Ok(k)
}
