//! `parley channels A B`: the last known state of each communication channel between
//! two states.

use std::io::Write;
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use parley_relations::{speaker_name, LedgerEntry};

use super::database::{parse_date, parse_key, DbArgs};

/// Output format of the ledger and of claims.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LedgerFormat {
    /// Readable text.
    Table,
    /// JSON.
    Json,
}

/// For each channel — embassies, leaders, foreign ministers, diplomats, consultations,
/// intergovernmental groups, military, parliamentary, cultural, economic, political —
/// its last known state (active, reduced, suspended, ended, restored), since when, and
/// the sentences and speakers that say so.
///
/// Example: `parley channels RUS FRA --as-of 2023-06-01`.
#[derive(Debug, Args)]
pub struct ChannelsArgs {
    /// First state (ISO-3 code).
    #[arg(value_parser = parse_key)]
    pub a: String,
    /// Second state.
    #[arg(value_parser = parse_key)]
    pub b: String,
    /// Only what was known on this day (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    pub as_of: Option<parley_types::Date>,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: LedgerFormat,
    #[command(flatten)]
    pub db: DbArgs,
}

/// Runs `parley channels`.
pub fn run(args: ChannelsArgs) -> anyhow::Result<ExitCode> {
    let store = args.db.open_existing()?;
    let ledger = store.channels(&args.a, &args.b, args.as_of)?;
    let mut out = std::io::stdout().lock();
    let r = match args.format {
        LedgerFormat::Json => writeln!(out, "{}", serde_json::to_string_pretty(&ledger)?),
        LedgerFormat::Table => table(&mut out, &args.a, &args.b, &ledger),
    };
    match r {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(ExitCode::SUCCESS),
    }
}

fn table(out: &mut impl Write, a: &str, b: &str, ledger: &[LedgerEntry]) -> std::io::Result<()> {
    if ledger.is_empty() {
        return writeln!(out, "no channel statements between {a} and {b}");
    }
    writeln!(out, "channels between {a} and {b}")?;
    for e in ledger {
        writeln!(
            out,
            "{:<50} {:<10} since {}",
            e.kind.label(),
            e.state.name(),
            e.since.map_or_else(|| "?".into(), |d| d.to_string())
        )?;
        for s in &e.evidence {
            writeln!(
                out,
                "    {} {} [{} … {}]: «{}»",
                s.date.map_or_else(|| "?".into(), |d| d.to_string()),
                s.speaker.as_ref().map_or("(narrator)", speaker_name),
                s.marker,
                s.cue,
                s.sentence.trim()
            )?;
        }
    }
    Ok(())
}
