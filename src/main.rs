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
    /// Code articles into event records (JSON Lines).
    Code(cmd::code::CodeArgs),
    /// Score the pipeline against gold data (seed stories, PLOVER records).
    Evaluate(cmd::evaluate::EvaluateArgs),
    /// Measure throughput of the whole pipeline.
    Bench(cmd::bench::BenchArgs),
    /// Code articles and store their events, stories, channels and claims (SQLite).
    Ingest(cmd::ingest::IngestArgs),
    /// Timeline of relations between two actors: Goldstein, QuadClass counts, volume, key events.
    Dyad(cmd::dyad::DyadArgs),
    /// Channel ledger: the last known state of each communication channel between two states.
    Channels(cmd::channels::ChannelsArgs),
    /// Claims about two states' channels, and the speakers who contradict each other.
    Claims(cmd::claims::ClaimsArgs),
    /// List stored events (stories with their mention counts), filtered.
    Events(cmd::events::EventsArgs),
    /// Export stored events as GDELT 2.0, CSV, JSON Lines or Parquet.
    Export(cmd::export::ExportArgs),
    /// Train, evaluate or run the English tokenizer, tagger, lemmatizer and parser.
    Nlp(cmd::nlp::NlpArgs),
    /// Inspect actor recognition: dictionary coverage, mentions in a text, gold recall.
    Actors(cmd::actors::ActorsArgs),
    /// Inspect the event pattern dictionary (`parley patterns coverage`).
    Patterns(cmd::patterns::PatternsArgs),
    /// Show why a sentence yields the events it does: tokens, tree, actors, rules.
    Explain(cmd::explain::ExplainArgs),
}

/// mimalloc instead of the system allocator: the pipeline allocates many small
/// strings (tokens, lemmas, relations) per sentence; with it `parley bench` runs
/// 13–18 % faster on one core (BENCHMARKS.md), with the same output.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result: anyhow::Result<ExitCode> = match cli.command {
        Command::Nlp(args) => cmd::nlp::run(args),
        Command::Actors(args) => cmd::actors::run(args),
        Command::Patterns(args) => cmd::patterns::run(args),
        Command::Explain(args) => cmd::explain::run(args),
        Command::Ingest(args) => cmd::ingest::run(args),
        Command::Dyad(args) => cmd::dyad::run(args),
        Command::Channels(args) => cmd::channels::run(args),
        Command::Claims(args) => cmd::claims::run(args),
        Command::Events(args) => cmd::events::run(args),
        Command::Export(args) => cmd::export::run(args),
        Command::Code(args) => cmd::code::run(args),
        Command::Evaluate(args) => cmd::evaluate::run(args),
        Command::Bench(args) => cmd::bench::run(args),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("parley: error: {err:#}");
            ExitCode::from(2)
        }
    }
}
