//! `parley claims A B`: who says what about the channels between two states, and who
//! contradicts whom.

use std::io::Write;
use std::process::ExitCode;

use clap::Args;
use parley_store::ClaimReport;

use super::channels::LedgerFormat;
use super::database::{parse_date, parse_key, DbArgs};

/// Lists statements with speaker, date and proposition, then pairs speakers who say
/// opposite things about the same channel between the same states (one says it works,
/// the other that it is cut); claims about different channels are never paired.
///
/// Example: `parley claims RUS FRA --format json`.
#[derive(Debug, Args)]
pub struct ClaimsArgs {
    /// First state (ISO-3 code).
    #[arg(value_parser = parse_key)]
    pub a: String,
    /// Second state.
    #[arg(value_parser = parse_key)]
    pub b: String,
    /// Only claims made on or before this day (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    pub as_of: Option<parley_types::Date>,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: LedgerFormat,
    #[command(flatten)]
    pub db: DbArgs,
}

/// Runs `parley claims`.
pub fn run(args: ClaimsArgs) -> anyhow::Result<ExitCode> {
    let store = args.db.open_existing()?;
    let report = store.claims(&args.a, &args.b, args.as_of)?;
    let mut out = std::io::stdout().lock();
    let r = match args.format {
        LedgerFormat::Json => writeln!(out, "{}", serde_json::to_string_pretty(&report)?),
        LedgerFormat::Table => table(&mut out, &report),
    };
    match r {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(ExitCode::SUCCESS),
    }
}

fn table(out: &mut impl Write, r: &ClaimReport) -> std::io::Result<()> {
    writeln!(out, "claims ({})", r.claims.len())?;
    for c in &r.claims {
        writeln!(
            out,
            "  {} {}: {} «{}»",
            c.date.map_or_else(|| "?".into(), |d| d.to_string()),
            c.speaker_name(),
            c.proposition,
            c.statement.sentence.trim()
        )?;
    }
    writeln!(out, "contradictions ({})", r.contradictions.len())?;
    for x in &r.contradictions {
        writeln!(out, "  {}", x.topic)?;
        for c in &x.open {
            writeln!(
                out,
                "    works:     {} ({}) «{}»",
                c.speaker_name(),
                c.date.map_or_else(|| "?".into(), |d| d.to_string()),
                c.statement.sentence.trim()
            )?;
        }
        for c in &x.closed {
            writeln!(
                out,
                "    cut:       {} ({}) «{}»",
                c.speaker_name(),
                c.date.map_or_else(|| "?".into(), |d| d.to_string()),
                c.statement.sentence.trim()
            )?;
        }
    }
    Ok(())
}
