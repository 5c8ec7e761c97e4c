//! Store benchmarks and crash-test child.
//!
//! ```text
//! parley-store-bench ingest --db FILE [--articles N] [--events-per-article K] [--batch B] [--dyad-share P] [--start I]
//! parley-store-bench query  --db FILE [--dyad RUS-FRA] [--by year] [--runs R]
//! ```
//!
//! `ingest` writes synthetic articles `start..start+N` and prints events per second;
//! `query` runs the dyad timeline `runs` times and prints median and worst latency,
//! then checks the timeline's event total against a direct count of the dyad's stories
//! and the whole timeline against the one computed from the stories without the day
//! aggregates.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use parley_store::synthetic::Synthetic;
use parley_store::{Article, DyadQuery, IngestOptions, Period, Store, Timeline};

struct Args {
    cmd: String,
    db: PathBuf,
    articles: u64,
    start: u64,
    per_article: usize,
    batch: usize,
    share: f64,
    dyad: (String, String),
    by: Period,
    runs: usize,
}

fn parse() -> Result<Args, String> {
    let mut it = std::env::args().skip(1);
    let cmd = it
        .next()
        .ok_or("usage: parley-store-bench ingest|query --db FILE ...")?;
    let mut a = Args {
        cmd,
        db: PathBuf::from("bench.db"),
        articles: 10_000,
        start: 0,
        per_article: 20,
        batch: 500,
        share: 0.015,
        dyad: ("RUS".into(), "FRA".into()),
        by: Period::Year,
        runs: 20,
    };
    while let Some(flag) = it.next() {
        let v = it.next().ok_or(format!("{flag} needs a value"))?;
        let num = |v: &str| v.parse::<u64>().map_err(|e| format!("{flag}: {e}"));
        match flag.as_str() {
            "--db" => a.db = PathBuf::from(v),
            "--articles" => a.articles = num(&v)?,
            "--start" => a.start = num(&v)?,
            "--events-per-article" => a.per_article = num(&v)? as usize,
            "--batch" => a.batch = num(&v)?.max(1) as usize,
            "--runs" => a.runs = num(&v)?.max(1) as usize,
            "--dyad-share" => a.share = v.parse().map_err(|e| format!("{flag}: {e}"))?,
            "--by" => a.by = v.parse()?,
            "--dyad" => {
                let (x, y) = v.split_once('-').ok_or("--dyad wants A-B")?;
                a.dyad = (x.into(), y.into());
            }
            _ => return Err(format!("unknown flag {flag}")),
        }
    }
    Ok(a)
}

fn ingest(a: &Args) -> Result<(), Box<dyn std::error::Error>> {
    let mut store = Store::open(&a.db)?;
    let gen = Synthetic {
        events_per_article: a.per_article,
        dyad: a.dyad.clone(),
        dyad_share: a.share,
        ..Synthetic::default()
    };
    let t0 = Instant::now();
    // Time spent inside `Store::ingest`: the store's rate, without the generator.
    let mut in_store = std::time::Duration::ZERO;
    let mut total = parley_store::IngestReport::default();
    let mut i = a.start;
    let end = a.start + a.articles;
    while i < end {
        let hi = (i + a.batch as u64).min(end);
        let coded: Vec<_> = (i..hi).map(|k| gen.article(k)).collect();
        let batch: Vec<Article<'_>> = coded
            .iter()
            .map(|(doc, events, hash)| Article {
                doc,
                mentions: &[],
                events,
                hash,
            })
            .collect();
        let t1 = Instant::now();
        total += store.ingest(&batch, IngestOptions::default())?;
        in_store += t1.elapsed();
        i = hi;
        if (i - a.start).is_multiple_of(a.batch as u64 * 200) {
            eprintln!(
                "{} articles, {:.0} events/s in the store",
                i - a.start,
                total.mentions as f64 / in_store.as_secs_f64()
            );
        }
    }
    // Closing checkpoints the write-ahead log into the file: part of the store's work.
    let t1 = Instant::now();
    drop(store);
    in_store += t1.elapsed();
    let s = t0.elapsed().as_secs_f64();
    let store_s = in_store.as_secs_f64();
    println!(
        "ingested {} articles ({} skipped), {} events ({} stories): {:.2} s in the store, {:.0} events/s; {:.2} s with the generator, {:.0} events/s",
        total.articles,
        total.skipped,
        total.mentions,
        total.new_events,
        store_s,
        total.mentions as f64 / store_s,
        s,
        total.mentions as f64 / s
    );
    Ok(())
}

fn query(a: &Args) -> Result<bool, Box<dyn std::error::Error>> {
    let store = Store::open(&a.db)?;
    let stats = store.stats()?;
    let q = DyadQuery {
        by: a.by,
        ..DyadQuery::new(&a.dyad.0, &a.dyad.1)
    };
    let expected = store
        .events(&parley_store::EventFilter {
            dyad: Some(a.dyad.clone()),
            ..Default::default()
        })?
        .len() as u64;
    let t0 = Instant::now();
    let direct = store.dyad_from_stories(&q)?;
    let direct_ms = t0.elapsed().as_secs_f64() * 1000.0;
    let mut times = Vec::with_capacity(a.runs);
    let mut timeline = None;
    for _ in 0..a.runs {
        let t0 = Instant::now();
        let t = store.dyad(&q)?;
        times.push(t0.elapsed().as_secs_f64() * 1000.0);
        timeline = Some(t);
    }
    let got = timeline
        .as_ref()
        .map_or(0, |t| t.periods.iter().map(|p| p.events).sum::<u64>());
    times.sort_by(f64::total_cmp);
    let share = expected as f64 / stats.events.max(1) as f64;
    println!(
        "{} stories in store; dyad {}-{} holds {} ({:.2}%); {:?} timeline: median {:.1} ms, worst {:.1} ms over {} runs",
        stats.events,
        a.dyad.0,
        a.dyad.1,
        expected,
        share * 100.0,
        a.by,
        times[times.len() / 2],
        times[times.len() - 1],
        a.runs
    );
    println!("the same timeline from the stories (no aggregates): {direct_ms:.1} ms");
    if got != expected {
        eprintln!("timeline counted {got} events, direct count {expected}");
        return Ok(false);
    }
    if let Some(t) = &timeline {
        if let Err(why) = same(t, &direct) {
            eprintln!("timeline from aggregates differs from the stories: {why}");
            return Ok(false);
        }
    }
    Ok(true)
}

/// Checks two timelines agree: counts, types and key events exactly, Goldstein sums
/// to rounding.
fn same(x: &Timeline, y: &Timeline) -> Result<(), String> {
    if x.periods.len() != y.periods.len() {
        return Err(format!(
            "{} periods vs {}",
            x.periods.len(),
            y.periods.len()
        ));
    }
    let close = |a: f64, b: f64| (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0);
    for (p, r) in x.periods.iter().zip(&y.periods) {
        let ids =
            |p: &parley_store::PeriodStats| p.key_events.iter().map(|k| k.id).collect::<Vec<_>>();
        if (
            &p.period,
            p.events,
            p.mentions,
            p.quad_counts,
            &p.top_types,
            p.total_mentions,
        ) != (
            &r.period,
            r.events,
            r.mentions,
            r.quad_counts,
            &r.top_types,
            r.total_mentions,
        ) || ids(p) != ids(r)
            || !close(p.goldstein_sum, r.goldstein_sum)
            || !close(p.volume, r.volume)
        {
            return Err(format!("period {}: {p:?} vs {r:?}", p.period));
        }
    }
    Ok(())
}

fn main() -> ExitCode {
    let args = match parse() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("parley-store-bench: {e}");
            return ExitCode::from(2);
        }
    };
    let r = match args.cmd.as_str() {
        "ingest" => ingest(&args).map(|()| true),
        "query" => query(&args),
        other => {
            eprintln!("parley-store-bench: unknown command {other} (ingest, query)");
            return ExitCode::from(2);
        }
    };
    match r {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("parley-store-bench: {e}");
            ExitCode::FAILURE
        }
    }
}
