//! `parley evaluate`: accuracy against the gold data in the shared folder.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::{Args, ValueEnum};
use parley_eval::{plover, seeds, stories};
use parley_pipeline::Pipeline;
use parley_text::ingest::{self, RawArticle};

/// Arguments of `parley evaluate`.
#[derive(Args, Debug)]
#[command(after_help = "\
Scores the real pipeline (same models and dictionaries as `parley code`) against:
  seeds    <shared>/seeds/expected.json: must/should events, trap events, body sentences,
           publication and event dates, dateline, outlet
  plover   <shared>/eval/plover-gsr-dev.json: event-type recall, triple P/R/F1,
           source/target/sector accuracy
  stories  tests/data/stories: the project's own pages about other pairs of states
  petrarch <shared>/eval/petrarch-unit: PETRARCH's unit records coded from text only
           with their own dictionaries; exact-match share per category
The shared folder is ../shared from the current directory, or $PARLEY_SHARED.

Examples:
  parley evaluate                      every gold set found
  parley evaluate --only plover -v     PLOVER records, with each miss listed")]
pub struct EvaluateArgs {
    /// Which gold set to score (default: all found).
    #[arg(long, value_enum)]
    pub only: Option<GoldSet>,
    /// The shared folder (default: $PARLEY_SHARED, else ../shared).
    #[arg(long, value_name = "DIR")]
    pub shared: Option<PathBuf>,
    /// Print the figures as one JSON object.
    #[arg(long)]
    pub json: bool,
    /// List every miss.
    #[arg(long, short)]
    pub verbose: bool,
}

/// A gold set.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum GoldSet {
    /// The seed stories.
    Seeds,
    /// PLOVER gold records.
    Plover,
    /// PETRARCH unit-test records with their own dictionaries.
    Petrarch,
    /// The project's own story fixtures (tests/data/stories).
    Stories,
}

/// The shared data folder: `$PARLEY_SHARED`, else `../shared`.
pub fn shared_dir(given: Option<&Path>) -> PathBuf {
    if let Some(p) = given {
        return p.to_path_buf();
    }
    match std::env::var_os("PARLEY_SHARED") {
        Some(p) => PathBuf::from(p),
        None => PathBuf::from("../shared"),
    }
}

/// Runs `parley evaluate`.
pub fn run(args: EvaluateArgs) -> anyhow::Result<ExitCode> {
    let shared = shared_dir(args.shared.as_deref());
    anyhow::ensure!(
        shared.is_dir(),
        "no shared folder at {} (set PARLEY_SHARED or pass --shared)",
        shared.display()
    );
    let pipeline = Pipeline::builtin();
    let mut json = serde_json::Map::new();
    if args.only.is_none_or(|s| s == GoldSet::Seeds) {
        let report = evaluate_seeds(&pipeline, &shared.join("seeds"))?;
        if args.json {
            json.insert("seeds".into(), serde_json::to_value(&report)?);
        } else {
            print_seeds(&report, args.verbose);
        }
    }
    if args.only.is_none_or(|s| s == GoldSet::Plover) {
        let path = shared.join("eval/plover-gsr-dev.json");
        let gold = plover::read_gold(&path)?;
        let report = plover::score(&gold, |record| {
            let raw = RawArticle {
                id: record.id.clone(),
                origin: format!("{}#{}", path.display(), record.id),
                text: record.text.clone(),
                date: record.date.as_deref().and_then(|d| d.parse().ok()),
                ..RawArticle::default()
            };
            pipeline
                .code(&raw)
                .map(|c| c.events)
                .map_err(|e| e.to_string())
        });
        if args.json {
            json.insert("plover".into(), serde_json::to_value(&report)?);
        } else {
            print_plover(&report);
        }
    }
    let stories_dir = Path::new("tests/data/stories");
    if args.only.is_none_or(|s| s == GoldSet::Stories) && stories_dir.is_dir() {
        let report = evaluate_stories(&pipeline, stories_dir)?;
        if args.json {
            json.insert("stories".into(), serde_json::to_value(&report)?);
        } else {
            print_stories(&report, args.verbose);
        }
    }
    if args.only.is_none_or(|s| s == GoldSet::Petrarch) {
        let dir = shared.join("eval/petrarch-unit");
        let nlp = parley_nlp::Model::embedded();
        let report = parley_events::petrarch::unit_records(&dir, &|s| nlp.annotate(s))?;
        if args.json {
            let by: serde_json::Map<String, serde_json::Value> = report
                .by_category()
                .into_iter()
                .map(|(k, (p, n))| (k, serde_json::json!({"passed": p, "scored": n})))
                .collect();
            json.insert(
                "petrarch".into(),
                serde_json::json!({"passed": report.passed(), "scored": report.outcomes.len(),
                    "left_out": report.skipped, "by_category": by}),
            );
        } else {
            println!("PETRARCH unit records (text only, their own dictionaries)");
            for line in report.table().lines() {
                println!("  {line}");
            }
            if args.verbose {
                for o in report.outcomes.iter().filter(|o| !o.passed()) {
                    println!(
                        "  FAIL {} [{}] gold {:?} coded {:?}",
                        o.id, o.category, o.gold, o.coded
                    );
                }
            }
        }
    }
    if args.json {
        println!("{}", serde_json::to_string_pretty(&json)?);
    }
    Ok(ExitCode::SUCCESS)
}

/// Codes each seed story from its raw file and scores it.
pub fn evaluate_seeds(pipeline: &Pipeline, dir: &Path) -> anyhow::Result<seeds::SeedReport> {
    let stories = seeds::read_expected(&dir.join("expected.json"))
        .with_context(|| format!("seeds in {}", dir.display()))?;
    Ok(seeds::score(&stories, |story| {
        let path = dir.join(format!("{}.txt", story.id));
        let raw = ingest::read_path(&path)
            .next()
            .ok_or_else(|| format!("{}: no article", path.display()))?
            .map_err(|e| e.to_string())?;
        let coded = pipeline.code(&raw).map_err(|e| e.to_string())?;
        Ok((coded.doc, coded.events))
    }))
}

/// Codes each story fixture and scores it.
pub fn evaluate_stories(pipeline: &Pipeline, dir: &Path) -> anyhow::Result<stories::StoriesReport> {
    let mut report = stories::StoriesReport::default();
    for (page, story) in stories::read_dir(dir)? {
        let raw = ingest::read_path(&page)
            .next()
            .with_context(|| format!("{}: no article", page.display()))??;
        let coded = pipeline.code(&raw)?;
        report
            .stories
            .push(stories::score_story(&story, &coded.doc, &coded.events));
    }
    Ok(report)
}

fn print_stories(r: &stories::StoriesReport, verbose: bool) {
    let found: usize = r.stories.iter().map(|s| s.found).sum();
    let missed: usize = r.stories.iter().map(|s| s.missed.len()).sum();
    let furniture: usize = r.stories.iter().map(|s| s.furniture_events.len()).sum();
    println!("story fixtures ({} pages)", r.stories.len());
    println!(
        "  required events found  {found}/{} ({:.3})",
        found + missed,
        r.recall()
    );
    println!("  furniture events       {furniture}");
    for s in &r.stories {
        for m in &s.metadata {
            println!("  {}: {m}", s.story);
        }
        if verbose {
            for m in &s.missed {
                println!("  {}: missing {m}", s.story);
            }
        }
    }
}

fn print_seeds(r: &seeds::SeedReport, verbose: bool) {
    let (m, mt) = r.must();
    let (s, st) = r.should();
    let (b, bt) = r.body();
    println!("seed stories ({} articles)", r.stories.len());
    println!("  must events found      {m}/{mt}");
    println!("  should events found    {s}/{st}");
    println!("  trap events            {}", r.trap_events());
    println!("  body sentences kept    {b}/{bt}");
    for st in &r.stories {
        let ok = |(want, got): &(Option<String>, Option<String>)| {
            if want.is_none() || want == got {
                "ok".to_string()
            } else {
                format!("want {want:?}, got {got:?}")
            }
        };
        println!("  {}", st.id);
        if let Some(e) = &st.error {
            println!("    error: {e}");
            continue;
        }
        println!(
            "    doc_date {}  dateline {}  outlet {}",
            ok(&st.doc_date),
            ok(&st.dateline),
            ok(&st.outlet)
        );
        println!(
            "    \"on Thursday\" events dated {:?} (want {:?}); {} events",
            st.thursday.1, st.thursday.0, st.events
        );
        for x in &st.must_missed {
            println!("    MISSING must   {x}");
        }
        if verbose {
            for x in &st.should_missed {
                println!("    missing should {x}");
            }
        }
        for (line, e) in &st.trap_events {
            println!("    TRAP EVENT {e} from «{line}»");
        }
        for line in &st.body_missing {
            println!("    LOST SENTENCE «{line}»");
        }
        for line in &st.traps_left {
            println!("    furniture left «{line}»");
        }
    }
}

fn print_plover(r: &plover::PloverReport) {
    println!(
        "PLOVER gold records ({} records, {} failed)",
        r.records, r.failed
    );
    println!("  event-type recall      {:.3}", r.type_recall());
    println!(
        "  triples                P {:.3}  R {:.3}  F1 {:.3}  ({} matched, {} predicted, {} gold)",
        r.triples.precision(),
        r.triples.recall(),
        r.triples.f1(),
        r.triples.true_positives,
        r.triples.predicted,
        r.triples.gold
    );
    println!(
        "  untyped predictions    {} (CAMEO 01/02, not scored)",
        r.untyped_predictions
    );
    println!("  source accuracy        {:.3}", r.source_accuracy());
    println!(
        "  target accuracy        {:.3}  ({} records with a target)",
        r.target_accuracy(),
        r.target_records
    );
    println!(
        "  sector accuracy        {:.3}  ({} records with a sector)",
        r.sector_accuracy(),
        r.sector_records
    );
    println!(
        "  {:<10} {:>7} {:>9} {:>10}",
        "type", "records", "type hit", "triples"
    );
    for (t, (n, hit, tp, gold)) in &r.per_type {
        println!("  {t:<10} {n:>7} {hit:>9} {tp:>5}/{gold:<4}");
    }
}
