//! `parley export`: stored stories as GDELT 2.0, CSV, JSON Lines or Parquet.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Args, ValueEnum};
use parley_store::ExportFormat;

use super::database::DbArgs;
use super::events::FilterArgs;

/// Export format.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Format {
    /// GDELT 2.0 event table: 61 tab-separated columns, no header.
    Gdelt,
    /// CSV with a header row.
    Csv,
    /// One JSON object per story, with all its mentions.
    Jsonl,
    /// Parquet files partitioned as DIR/year=YYYY/month=M/ (needs --out DIR).
    Parquet,
}

/// Writes every stored story (or those the filters select) for other tools: GDELT
/// readers, spreadsheets, DuckDB, Spark or BigQuery.
///
/// Examples: `parley export --format gdelt > events.tsv`;
/// `parley export --format parquet --out events/` then in DuckDB
/// `SELECT * FROM read_parquet('events/**/*.parquet', hive_partitioning = true)`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Output format.
    #[arg(long, value_enum)]
    pub format: Format,
    /// Output file (directory for parquet); default standard output.
    #[arg(long, value_name = "PATH")]
    pub out: Option<PathBuf>,
    #[command(flatten)]
    pub filter: FilterArgs,
    #[command(flatten)]
    pub db: DbArgs,
}

/// Runs `parley export`.
pub fn run(args: ExportArgs) -> anyhow::Result<ExitCode> {
    let store = args.db.open_existing()?;
    let filter = args.filter.filter(None);
    let format = match args.format {
        Format::Gdelt => ExportFormat::Gdelt,
        Format::Csv => ExportFormat::Csv,
        Format::Jsonl => ExportFormat::Jsonl,
        Format::Parquet => {
            let dir = args.out.context("--format parquet needs --out DIR")?;
            let (rows, files) = store.export_parquet(&filter, &dir)?;
            eprintln!(
                "wrote {rows} events in {files} files under {}",
                dir.display()
            );
            return Ok(ExitCode::SUCCESS);
        }
    };
    let n = match &args.out {
        Some(path) => {
            let file = std::fs::File::create(path)
                .with_context(|| format!("creating {}", path.display()))?;
            let mut w = std::io::BufWriter::new(file);
            let n = store.export(&filter, format, &mut w, path)?;
            w.flush()
                .with_context(|| format!("writing {}", path.display()))?;
            n
        }
        None => {
            let mut w = std::io::BufWriter::new(std::io::stdout().lock());
            store.export(&filter, format, &mut w, std::path::Path::new("<stdout>"))?
        }
    };
    if args.out.is_some() {
        eprintln!("wrote {n} events");
    }
    Ok(ExitCode::SUCCESS)
}
