//! `parley code`: raw articles in, event records out.

use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::Args;
use parley_pipeline::{Coded, Pipeline};
use parley_text::ingest::{self, RawArticle};
use rayon::prelude::*;

/// Arguments of `parley code`.
#[derive(Args, Debug)]
#[command(after_help = "\
Examples:
  parley code examples/articles/*.txt            events of two articles as JSON Lines
  parley code feed.jsonl --out events.jsonl      a JSONL stream: {\"id\", \"text\", \"date\"?, ...}
  cat feed.jsonl | parley code -                 the same from standard input
  parley code page.txt --articles articles.jsonl cleaned text, metadata and removed furniture

Exit status: 0 when every input was coded (repaired input gets a warning), 1 when at
least one input could not be coded (the rest is still coded and written), 2 for bad usage.")]
pub struct CodeArgs {
    /// Articles: `.txt` files (one article each, id = file stem), `.jsonl` files (one
    /// article per line) or `-` for JSONL on standard input.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// PETRARCH/TABARI dictionaries (verbs, actors, agents, discards — recognised by
    /// file name) used in place of the built-in ones of the same kinds.
    #[arg(long, value_name = "DIR")]
    pub dictionaries: Option<PathBuf>,
    /// Write events here instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Also write one JSON line per article: metadata, cleaned text, removed furniture
    /// (raw-text offsets) and the cleaned→raw offset map.
    #[arg(long, value_name = "FILE")]
    pub articles: Option<PathBuf>,
    /// Worker threads (default: all cores).
    #[arg(long, short, value_name = "N")]
    pub jobs: Option<usize>,
}

/// Articles coded together before their events are written, in input order.
const BATCH: usize = 256;

/// Runs `parley code`.
pub fn run(args: CodeArgs) -> anyhow::Result<ExitCode> {
    if let Some(n) = args.jobs {
        // An already-initialised pool (tests running several commands) is fine.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global();
    }
    let pipeline = match &args.dictionaries {
        Some(dir) => Pipeline::with_dictionaries(dir)?,
        None => Pipeline::builtin(),
    };
    let mut out: Box<dyn Write> = match &args.out {
        Some(p) => Box::new(BufWriter::new(
            File::create(p).with_context(|| format!("cannot create {}", p.display()))?,
        )),
        None => Box::new(BufWriter::new(io::stdout().lock())),
    };
    let mut articles_out = match &args.articles {
        Some(p) => Some(BufWriter::new(
            File::create(p).with_context(|| format!("cannot create {}", p.display()))?,
        )),
        None => None,
    };
    let progress = super::progress::Progress::new("articles", io::stderr().is_terminal());
    let mut failed = 0usize;
    let mut batch: Vec<RawArticle> = Vec::with_capacity(BATCH);
    for path in &args.paths {
        for item in ingest::read_path(path) {
            match item {
                Ok(article) => {
                    for w in &article.warnings {
                        eprintln!("parley: warning: {}: {w}", article.origin);
                    }
                    batch.push(article);
                    if batch.len() == BATCH {
                        failed += flush(
                            &pipeline,
                            &mut batch,
                            &mut out,
                            &mut articles_out,
                            &progress,
                        )?;
                    }
                }
                Err(e) => {
                    failed += 1;
                    eprintln!("parley: error: {e}");
                }
            }
        }
    }
    failed += flush(
        &pipeline,
        &mut batch,
        &mut out,
        &mut articles_out,
        &progress,
    )?;
    progress.finish();
    if let Err(e) = out.flush() {
        if e.kind() != io::ErrorKind::BrokenPipe {
            return Err(e).context("cannot write events");
        }
    }
    if let Some(a) = articles_out.as_mut() {
        a.flush().context("cannot write articles")?;
    }
    Ok(if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Codes a batch in parallel and writes it in input order; returns the failures.
fn flush(
    pipeline: &Pipeline,
    batch: &mut Vec<RawArticle>,
    out: &mut dyn Write,
    articles_out: &mut Option<BufWriter<File>>,
    progress: &super::progress::Progress,
) -> anyhow::Result<usize> {
    let results: Vec<_> = batch.par_iter().map(|a| pipeline.code(a)).collect();
    let mut failed = 0;
    for (article, result) in batch.iter().zip(results) {
        progress.inc(article.text.len() as u64);
        let coded: Coded = match result {
            Ok(c) => c,
            Err(e) => {
                failed += 1;
                eprintln!("parley: error: {}: {e}", article.origin);
                continue;
            }
        };
        if let Some(a) = articles_out.as_mut() {
            serde_json::to_writer(&mut *a, &coded.doc)?;
            a.write_all(b"\n")?;
        }
        for event in &coded.events {
            let mut line = serde_json::to_vec(event)?;
            line.push(b'\n');
            if let Err(e) = out.write_all(&line) {
                if e.kind() == io::ErrorKind::BrokenPipe {
                    // The reader went away: stop quietly, as `head` users expect.
                    std::process::exit(0);
                }
                return Err(e).context("cannot write events");
            }
        }
    }
    batch.clear();
    Ok(failed)
}
