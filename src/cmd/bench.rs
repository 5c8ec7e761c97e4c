//! `parley bench`: throughput of the whole pipeline on news text.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use clap::Args;
use parley_pipeline::Pipeline;
use parley_text::ingest::{self, RawArticle};

/// Arguments of `parley bench`.
#[derive(Args, Debug)]
#[command(after_help = "\
Codes the articles single-threaded, --repeat times after one warm-up pass, with the same
build, models and dictionaries as `parley code`, and reports sentences/s, tokens/s, MB/s,
the time spent in each stage and the peak resident memory. Every pass must produce the
same events as the first, so a fast wrong answer cannot pass. Build with --release:

  cargo run --release -- bench
  cargo run --release -- bench --input my-articles.jsonl --repeat 20")]
pub struct BenchArgs {
    /// Articles to code (`.txt` or `.jsonl`).
    #[arg(long, value_name = "FILE", default_value = "benches/data/news.jsonl")]
    pub input: PathBuf,
    /// Timed passes over the input.
    #[arg(long, default_value_t = 10)]
    pub repeat: usize,
}

#[derive(Default)]
struct Stages {
    clean: Duration,
    nlp: Duration,
    actors: Duration,
    events: Duration,
}

/// Runs `parley bench`.
pub fn run(args: BenchArgs) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let pipeline = Pipeline::builtin();
    let mut articles: Vec<RawArticle> = Vec::new();
    for item in ingest::read_path(&args.input) {
        // The reader's errors name the file and line already.
        articles.push(item.map_err(|e| anyhow::anyhow!("{e}"))?);
    }
    // Warm-up pass: loads the models and gives the reference output.
    let reference: Vec<String> = code_all(&pipeline, &articles)?;
    let load = started.elapsed();
    anyhow::ensure!(
        reference.iter().any(|e| !e.is_empty()),
        "the benchmark input yields no events"
    );

    let mut sentences = 0usize;
    let mut tokens = 0usize;
    let mut bytes = 0usize;
    let mut stages = Stages::default();
    let t = Instant::now();
    for _ in 0..args.repeat.max(1) {
        for (article, want) in articles.iter().zip(&reference) {
            let t0 = Instant::now();
            let mut doc = parley_text::clean(article);
            parley_text::split_sentences(&mut doc);
            let t1 = Instant::now();
            for s in &mut doc.sentences {
                parley_nlp::Model::embedded().annotate(s);
            }
            let t2 = Instant::now();
            let mentions = parley_actors::ActorDictionary::builtin().recognize(&doc);
            let t3 = Instant::now();
            let events = parley_events::Coder::builtin().code_document(&doc, &mentions);
            let t4 = Instant::now();
            stages.clean += t1 - t0;
            stages.nlp += t2 - t1;
            stages.actors += t3 - t2;
            stages.events += t4 - t3;
            sentences += doc.sentences.len();
            tokens += doc.sentences.iter().map(|s| s.tokens.len()).sum::<usize>();
            bytes += article.text.len();
            let got: Vec<&str> = events.iter().map(|e| e.event_id.as_str()).collect();
            anyhow::ensure!(
                got.join(" ") == *want,
                "{}: events differ between passes",
                article.id
            );
        }
    }
    let secs = t.elapsed().as_secs_f64();
    let total = (stages.clean + stages.nlp + stages.actors + stages.events).as_secs_f64();
    let share = |d: Duration| 100.0 * d.as_secs_f64() / total.max(1e-9);
    println!(
        "input          {} ({} articles, {} passes)",
        args.input.display(),
        articles.len(),
        args.repeat
    );
    println!(
        "start-up       {:.3} s (model load and first pass)",
        load.as_secs_f64()
    );
    println!("sentences/s    {:.0}", sentences as f64 / secs);
    println!("tokens/s       {:.0}", tokens as f64 / secs);
    println!("MB/s           {:.2}", bytes as f64 / 1e6 / secs);
    println!(
        "events         {} per pass",
        reference
            .iter()
            .map(|e| e.split(' ').filter(|x| !x.is_empty()).count())
            .sum::<usize>()
    );
    println!(
        "stages         clean+segment {:.1}%  nlp {:.1}%  actors {:.1}%  events {:.1}%",
        share(stages.clean),
        share(stages.nlp),
        share(stages.actors),
        share(stages.events)
    );
    println!(
        "peak RSS       {}",
        peak_rss().map_or("unknown".into(), |kb| format!(
            "{:.1} MB",
            kb as f64 / 1024.0
        ))
    );
    Ok(ExitCode::SUCCESS)
}

fn code_all(pipeline: &Pipeline, articles: &[RawArticle]) -> anyhow::Result<Vec<String>> {
    articles
        .iter()
        .map(|a| {
            let coded = pipeline.code(a)?;
            Ok(coded
                .events
                .iter()
                .map(|e| e.event_id.as_str())
                .collect::<Vec<_>>()
                .join(" "))
        })
        .collect()
}

/// Peak resident set size in kB (Linux), from /proc/self/status.
pub fn peak_rss() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
