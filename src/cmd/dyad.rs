//! `parley dyad A B`: how relations between two actors moved, period by period.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Args, ValueEnum};
use parley_store::{plot, Direction, DyadQuery, Period, Timeline};

use super::database::{parse_date, parse_key, DbArgs};

/// Output format of a timeline.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum DyadFormat {
    /// Aligned columns for reading.
    Table,
    /// One JSON object: {a, b, by, periods: [{period, goldstein_mean, goldstein_sum, quad_counts, events, …}]}.
    Json,
    /// One row per period.
    Csv,
}

/// Period length.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum By {
    /// Days.
    Day,
    /// ISO weeks.
    Week,
    /// Months.
    Month,
    /// Years.
    Year,
}

/// Per period: stories per QuadClass, mean and summed Goldstein, the dyad's share of
/// all reporting, top PLOVER types and key events with their sentences.
///
/// Example: `parley dyad RUS FRA --by year --format json`, or
/// `parley dyad RUS FRA --by month --from 2022-01-01 --plot rus-fra.svg`.
#[derive(Debug, Args)]
pub struct DyadArgs {
    /// First actor key (country code like RUS, or IGO, WST, …).
    #[arg(value_parser = parse_key)]
    pub a: String,
    /// Second actor key.
    #[arg(value_parser = parse_key)]
    pub b: String,
    /// First day (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    pub from: Option<parley_types::Date>,
    /// Last day (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    pub to: Option<parley_types::Date>,
    /// Period length.
    #[arg(long, value_enum, default_value = "year")]
    pub by: By,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: DyadFormat,
    /// Only events with A as source and B as target.
    #[arg(long)]
    pub directed: bool,
    /// Key events listed per period: the most reported stories, then the strongest
    /// Goldstein weights. Up to 5 come from the store's day aggregates; more read
    /// every story of the dyad (slower on a large store).
    #[arg(long, default_value_t = 3)]
    pub key_events: usize,
    /// Also draw the timeline as SVG into FILE.
    #[arg(long, value_name = "FILE.svg")]
    pub plot: Option<PathBuf>,
    #[command(flatten)]
    pub db: DbArgs,
}

/// Runs `parley dyad`.
pub fn run(args: DyadArgs) -> anyhow::Result<ExitCode> {
    let store = args.db.open_existing()?;
    let by = match args.by {
        By::Day => Period::Day,
        By::Week => Period::Week,
        By::Month => Period::Month,
        By::Year => Period::Year,
    };
    let q = DyadQuery {
        a: args.a.clone(),
        b: args.b.clone(),
        from: args.from,
        to: args.to,
        by,
        direction: if args.directed {
            Direction::Directed
        } else {
            Direction::Both
        },
        key_events: args.key_events,
    };
    let t = store.dyad(&q)?;
    if let Some(path) = &args.plot {
        std::fs::write(path, plot::svg(&t))
            .with_context(|| format!("writing {}", path.display()))?;
    }
    let mut out = std::io::stdout().lock();
    let r = match args.format {
        DyadFormat::Json => writeln!(out, "{}", serde_json::to_string_pretty(&t)?),
        DyadFormat::Csv => csv(&mut out, &t),
        DyadFormat::Table => table(&mut out, &t),
    };
    match r {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => Err(e.into()),
        Ok(()) => Ok(ExitCode::SUCCESS),
    }
}

fn fmt_opt(g: Option<f64>) -> String {
    g.map_or_else(|| "-".into(), |g| format!("{g:.2}"))
}

fn csv(out: &mut impl Write, t: &Timeline) -> std::io::Result<()> {
    writeln!(out, "period,start,end,events,mentions,goldstein_mean,goldstein_sum,verbal_cooperation,material_cooperation,verbal_conflict,material_conflict,volume,top_type")?;
    for p in &t.periods {
        let q = p.quad_counts;
        writeln!(
            out,
            "{},{},{},{},{},{},{:.2},{},{},{},{},{:.6},{}",
            p.period,
            p.start,
            p.end,
            p.events,
            p.mentions,
            p.goldstein_mean
                .map_or(String::new(), |g| format!("{g:.4}")),
            p.goldstein_sum,
            q.verbal_cooperation,
            q.material_cooperation,
            q.verbal_conflict,
            q.material_conflict,
            p.volume,
            p.top_types.first().map_or("", |x| x.plover.as_str())
        )?;
    }
    Ok(())
}

fn table(out: &mut impl Write, t: &Timeline) -> std::io::Result<()> {
    if t.periods.is_empty() {
        writeln!(out, "no events between {} and {}", t.a, t.b)?;
        return Ok(());
    }
    writeln!(out, "{} – {}", t.a, t.b)?;
    writeln!(
        out,
        "{:<11} {:>6} {:>8} {:>8}  {:>5} {:>5} {:>5} {:>5}  {:>7}  top types",
        "period", "events", "g.mean", "g.sum", "vcoop", "mcoop", "vconf", "mconf", "volume"
    )?;
    for p in &t.periods {
        let q = p.quad_counts;
        let top: Vec<String> = p
            .top_types
            .iter()
            .take(3)
            .map(|x| format!("{} {}", x.plover, x.events))
            .collect();
        writeln!(
            out,
            "{:<11} {:>6} {:>8} {:>8.1}  {:>5} {:>5} {:>5} {:>5}  {:>6.2}%  {}",
            p.period,
            p.events,
            fmt_opt(p.goldstein_mean),
            p.goldstein_sum,
            q.verbal_cooperation,
            q.material_cooperation,
            q.verbal_conflict,
            q.material_conflict,
            p.volume * 100.0,
            top.join(", ")
        )?;
        for k in &p.key_events {
            writeln!(
                out,
                "    {} {}→{} {} {} ({} mentions, {}): «{}»",
                k.date.map_or_else(|| "?".into(), |d| d.to_string()),
                k.source,
                k.target.as_deref().unwrap_or("-"),
                k.cameo,
                k.plover.as_deref().unwrap_or("-"),
                k.num_mentions,
                k.doc_id,
                k.sentence
            )?;
        }
    }
    Ok(())
}
