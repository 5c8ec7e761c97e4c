//! `parley events`: stored stories, filtered.

use std::io::Write;
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use parley_store::{EventFilter, EventRow};

use super::database::{parse_date, parse_key, DbArgs};

/// Filters shared by `parley events` and `parley export`.
#[derive(Debug, Clone, Args)]
pub struct FilterArgs {
    /// Both actors of a pair, either direction (`RUS-FRA`).
    #[arg(long, value_name = "A-B", value_parser = parse_dyad)]
    pub dyad: Option<(String, String)>,
    /// An actor key or code prefix on either side (`RUS`, `RUSGOV`).
    #[arg(long, value_name = "X", value_parser = parse_key)]
    pub actor: Option<String>,
    /// A CAMEO code or prefix (`16` for all of "reduce relations").
    #[arg(long, value_name = "CODE")]
    pub cameo: Option<String>,
    /// A PLOVER type (`SANCTION`).
    #[arg(long, value_name = "TYPE")]
    pub plover: Option<String>,
    /// First day (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    pub from: Option<parley_types::Date>,
    /// Last day (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    pub to: Option<parley_types::Date>,
}

impl FilterArgs {
    /// The store filter.
    pub fn filter(&self, limit: Option<usize>) -> EventFilter {
        EventFilter {
            dyad: self.dyad.clone(),
            actor: self.actor.clone(),
            cameo: self.cameo.clone(),
            plover: self.plover.clone(),
            from: self.from,
            to: self.to,
            limit,
        }
    }
}

fn parse_dyad(s: &str) -> Result<(String, String), String> {
    let (a, b) = s
        .split_once(['-', ':', ','])
        .ok_or_else(|| format!("`{s}` is not a pair (use A-B, e.g. RUS-FRA)"))?;
    Ok((parse_key(a)?, parse_key(b)?))
}

/// Output format of `parley events`.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum EventsFormat {
    /// One line per story.
    Table,
    /// One JSON object per story.
    Jsonl,
}

/// Lists stored stories (deduplicated events) with their mention counts.
///
/// Example: `parley events --dyad RUS-FRA --plover SANCTION --from 2022-01-01`.
#[derive(Debug, Args)]
pub struct EventsArgs {
    #[command(flatten)]
    pub filter: FilterArgs,
    /// At most N stories.
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: EventsFormat,
    #[command(flatten)]
    pub db: DbArgs,
}

/// Runs `parley events`.
pub fn run(args: EventsArgs) -> anyhow::Result<ExitCode> {
    let store = args.db.open_existing()?;
    let mut out = std::io::stdout().lock();
    let r = store.for_each_event(&args.filter.filter(args.limit), |e| {
        let line = match args.format {
            EventsFormat::Jsonl => serde_json::to_string(e).unwrap_or_default(),
            EventsFormat::Table => row(e),
        };
        writeln!(out, "{line}").map_err(|source| parley_store::StoreError::Io {
            path: "<stdout>".into(),
            source,
        })
    });
    match r {
        Err(parley_store::StoreError::Io { source, .. })
            if source.kind() == std::io::ErrorKind::BrokenPipe =>
        {
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => Err(e.into()),
        Ok(()) => Ok(ExitCode::SUCCESS),
    }
}

fn row(e: &EventRow) -> String {
    format!(
        "{}\t{}\t{}→{}\t{}\t{}\tg={}\tmentions={} sources={} articles={}\t{}: {}",
        e.id,
        e.date.map_or_else(|| "?".into(), |d| d.to_string()),
        e.source.code,
        e.target.as_ref().map_or("-", |t| t.code.as_str()),
        e.cameo,
        e.plover.as_deref().unwrap_or("-"),
        e.goldstein.map_or_else(|| "-".into(), |g| g.to_string()),
        e.num_mentions,
        e.num_sources,
        e.num_articles,
        e.doc_id,
        e.sentence.trim()
    )
}
