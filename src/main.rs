//! `parley`: political event data from raw news.
//!
//! A thin binary: each subcommand lives in its own module under `src/cmd/` and calls
//! into the pipeline crates. To add one: a variant in [`Command`], a match arm in
//! [`main`], and a module in `src/cmd/mod.rs`.

mod cmd;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Political event data from raw news: who did or said what to whom, when —
/// coded in CAMEO (with Goldstein scale and QuadClass) and PLOVER.
#[derive(Parser)]
#[command(name = "parley", version, about, long_about = None, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print version information.
    Version,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result: anyhow::Result<ExitCode> = match cli.command {
        Command::Version => {
            println!("parley {}", env!("CARGO_PKG_VERSION"));
            Ok(ExitCode::SUCCESS)
        }
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("parley: error: {err:#}");
            ExitCode::from(2)
        }
    }
}
