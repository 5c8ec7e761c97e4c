//! `parley ingest`: code articles and store them, their events, stories, channel
//! statements and claims in the event store.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};
use parley_pipeline::{Coded, Pipeline};
use parley_store::{content_hash, Article, IngestOptions, IngestReport, OnDuplicate, Store};
use parley_text::ingest::{self, RawArticle};
use parley_types::Actor;
use rayon::prelude::*;

use super::database::DbArgs;

/// Arguments of `parley ingest`.
#[derive(Args, Debug)]
#[command(after_help = "\
Examples:
  parley ingest news/*.txt                     code and store articles in parley.db
  parley ingest feed.jsonl --db relations.db   a JSONL feed: {\"id\", \"text\", \"date\"?, \"source\"?, ...}
  parley ingest news/*.txt --force             recode articles already stored

Each batch of articles is written in one transaction: a killed ingest keeps every batch
it committed and no part of the one it was writing; run it again to go on. Articles
already stored (same text and metadata) are skipped.

Exit status: 0 when every input was stored, 1 when at least one could not be read or
coded (the rest is stored), 2 for bad usage.")]
pub struct IngestArgs {
    /// Articles: `.txt` files (one article each, id = file stem), `.jsonl` files (one
    /// article per line) or `-` for JSONL on standard input.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Recode and replace articles that are already stored.
    #[arg(long)]
    pub force: bool,
    /// Articles per transaction.
    #[arg(long, default_value_t = 256, value_name = "N")]
    pub batch: usize,
    /// Mentions of one event may be this many days apart.
    #[arg(long, default_value_t = 2, value_name = "DAYS")]
    pub window: i32,
    /// PETRARCH/TABARI dictionaries used in place of the built-in ones of the same kinds.
    #[arg(long, value_name = "DIR")]
    pub dictionaries: Option<PathBuf>,
    #[command(flatten)]
    pub db: DbArgs,
}

/// The idempotence key: the article's text and the metadata that changes its coding.
fn hash(a: &RawArticle) -> String {
    let date = a.date.map(|d| d.to_string()).unwrap_or_default();
    let meta = [
        date.as_str(),
        a.title.as_deref().unwrap_or(""),
        a.url.as_deref().unwrap_or(""),
        a.source.as_deref().unwrap_or(""),
    ];
    content_hash(&format!("{}\u{1f}{}", meta.join("\u{1f}"), a.text))
}

/// Per sentence, the actors of each mention (every member of a plural one).
fn actors(coded: &Coded) -> Vec<Vec<Actor>> {
    coded
        .mentions
        .iter()
        .map(|ms| {
            ms.iter()
                .flat_map(|m| {
                    if m.members.is_empty() {
                        vec![m.actor.clone()]
                    } else {
                        m.members
                            .iter()
                            .map(|a| Actor {
                                span: m.actor.span,
                                ..a.clone()
                            })
                            .collect()
                    }
                })
                .collect()
        })
        .collect()
}

fn progress_bar(total: Option<u64>) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    match total {
        Some(n) => {
            let bar = ProgressBar::new(n);
            if let Ok(style) = ProgressStyle::with_template(
                "{bar:30} {pos}/{len} articles ({per_sec}, ETA {eta}) {msg}",
            ) {
                bar.set_style(style);
            }
            bar
        }
        None => {
            let bar = ProgressBar::new_spinner();
            if let Ok(style) = ProgressStyle::with_template(
                "{spinner} {pos} articles ({per_sec}) {msg} [{elapsed}]",
            ) {
                bar.set_style(style);
            }
            bar
        }
    }
}

/// Runs `parley ingest`.
pub fn run(args: IngestArgs) -> anyhow::Result<ExitCode> {
    let pipeline = match &args.dictionaries {
        Some(dir) => Pipeline::with_dictionaries(dir)?,
        None => Pipeline::builtin(),
    };
    let mut store =
        Store::open(&args.db.db).with_context(|| format!("opening {}", args.db.db.display()))?;
    let options = IngestOptions {
        on_duplicate: if args.force {
            OnDuplicate::Recode
        } else {
            OnDuplicate::Skip
        },
        window_days: args.window,
    };
    let single_files = args.paths.iter().all(|p| {
        let ext = p.extension().and_then(|e| e.to_str()).unwrap_or("");
        p.as_os_str() != "-"
            && !ext.eq_ignore_ascii_case("jsonl")
            && !ext.eq_ignore_ascii_case("ndjson")
    });
    let bar = progress_bar(single_files.then_some(args.paths.len() as u64));
    let mut failed = 0usize;
    let mut total = IngestReport::default();
    let mut batch: Vec<RawArticle> = Vec::with_capacity(args.batch.max(1));
    for path in &args.paths {
        for item in ingest::read_path(path) {
            match item {
                Ok(article) => {
                    for w in &article.warnings {
                        bar.suspend(|| eprintln!("parley: warning: {}: {w}", article.origin));
                    }
                    batch.push(article);
                    if batch.len() >= args.batch.max(1) {
                        failed += store_batch(
                            &pipeline, &mut store, &mut batch, options, &mut total, &bar,
                        )?;
                    }
                }
                Err(e) => {
                    failed += 1;
                    bar.suspend(|| eprintln!("parley: error: {e}"));
                }
            }
        }
    }
    failed += store_batch(&pipeline, &mut store, &mut batch, options, &mut total, &bar)?;
    bar.finish_and_clear();
    let stats = store.stats()?;
    eprintln!(
        "parley: {} articles stored ({} skipped as already stored, {} recoded), {} event mentions, {} new events, {} channel statements; {} holds {} articles, {} events",
        total.articles,
        total.skipped,
        total.recoded,
        total.mentions,
        total.new_events,
        total.channels,
        args.db.db.display(),
        stats.articles,
        stats.events
    );
    Ok(if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Codes the articles not yet stored (all of them with `--force`) in parallel and
/// writes them in one transaction; returns the failures.
fn store_batch(
    pipeline: &Pipeline,
    store: &mut Store,
    batch: &mut Vec<RawArticle>,
    options: IngestOptions,
    total: &mut IngestReport,
    bar: &ProgressBar,
) -> anyhow::Result<usize> {
    let hashes: Vec<String> = batch.iter().map(hash).collect();
    let mut todo: Vec<usize> = Vec::with_capacity(batch.len());
    for (i, h) in hashes.iter().enumerate() {
        if options.on_duplicate == OnDuplicate::Recode || !store.contains(h)? {
            todo.push(i);
        } else {
            total.skipped += 1;
        }
    }
    let coded: Vec<_> = todo.par_iter().map(|&i| pipeline.code(&batch[i])).collect();
    let mut failed = 0;
    let mut kept: Vec<(usize, Coded, Vec<Vec<Actor>>)> = Vec::with_capacity(coded.len());
    for (&i, result) in todo.iter().zip(coded) {
        match result {
            Ok(c) => {
                let a = actors(&c);
                kept.push((i, c, a));
            }
            Err(e) => {
                failed += 1;
                bar.suspend(|| eprintln!("parley: error: {}: {e}", batch[i].origin));
            }
        }
    }
    let articles: Vec<Article<'_>> = kept
        .iter()
        .map(|(i, c, a)| Article {
            doc: &c.doc,
            mentions: a,
            events: &c.events,
            hash: &hashes[*i],
        })
        .collect();
    *total += store.ingest(&articles, options)?;
    bar.inc(batch.len() as u64);
    batch.clear();
    Ok(failed)
}
