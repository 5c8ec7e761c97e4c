//! `parley actors`: what the actor dictionaries cover, what they find in a text,
//! and how well they find the actors of gold records.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;
use clap::{Args, Subcommand};
use parley_actors::{document_from_text, ActorDictionary, Mention};
use parley_types::Date;
use serde_json::Value;

/// Inspect actor recognition: coverage of the dictionaries, mentions found in a
/// text, and a recall check against PLOVER gold records.
#[derive(Args)]
pub struct ActorsArgs {
    /// Use PETRARCH/TABARI dictionaries from DIR (files named *actors* and
    /// *agents*) in place of the built-in ones of the same kind.
    #[arg(long, global = true, value_name = "DIR")]
    dictionaries: Option<PathBuf>,
    #[command(subcommand)]
    command: ActorsCommand,
}

#[derive(Subcommand)]
enum ActorsCommand {
    /// List what the dictionaries cover: counts per category, and for each country
    /// or organisation the offices with dated holders and the dates they span.
    ///
    /// Example: `parley actors coverage`
    Coverage,
    /// Print the actor mentions of a plain-text article, one line each:
    /// sentence, span, kind, code, name, antecedent and text.
    ///
    /// Example: `parley actors show --date 2023-05-05 story.txt` (`-` reads stdin)
    Show {
        /// Publication date (YYYY-MM-DD): decides which office holders apply.
        #[arg(long)]
        date: Option<Date>,
        /// The article, or `-` for stdin.
        path: PathBuf,
    },
    /// For each PLOVER gold record, check whether a recognised mention has each
    /// gold actor's key (country, or the first three letters of the code) and
    /// sector; prints record-level hit rates and, with --misses, what was missed.
    ///
    /// Example: `parley actors gold ../shared/eval/plover-gsr-dev.json --misses`
    Gold {
        /// PLOVER gold records (a JSON array).
        path: PathBuf,
        /// List the gold actors no mention matched.
        #[arg(long)]
        misses: bool,
    },
}

/// Runs `parley actors`.
pub fn run(args: ActorsArgs) -> anyhow::Result<ExitCode> {
    let owned;
    let dict: &ActorDictionary = match &args.dictionaries {
        Some(dir) => {
            owned = ActorDictionary::with_petrarch_dir(dir)?;
            &owned
        }
        None => ActorDictionary::builtin(),
    };
    match args.command {
        ActorsCommand::Coverage => {
            let report = format!(
                "sources\t{}\n{}",
                dict.sources().join(", "),
                dict.coverage()
            );
            write_out(&report)?;
        }
        ActorsCommand::Show { date, path } => show(dict, date, &path)?,
        ActorsCommand::Gold { path, misses } => gold(dict, &path, misses)?,
    }
    Ok(ExitCode::SUCCESS)
}

fn show(dict: &ActorDictionary, date: Option<Date>, path: &Path) -> anyhow::Result<()> {
    let mut text = String::new();
    if path == Path::new("-") {
        std::io::stdin()
            .read_to_string(&mut text)
            .context("reading stdin")?;
    } else {
        text =
            std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    }
    let id = path
        .file_stem()
        .map_or_else(|| "-".to_string(), |s| s.to_string_lossy().into_owned());
    let mut doc = document_from_text(&id, &text, date);
    // The parse tells coreference which clause a pronoun sits in.
    let model = parley_nlp::Model::embedded();
    for s in &mut doc.sentences {
        model.annotate(s);
    }
    let mut out = String::new();
    for (si, mentions) in dict.recognize(&doc).iter().enumerate() {
        for m in mentions {
            out.push_str(&describe(si, m));
            out.push('\n');
        }
    }
    write_out(&out)
}

/// Writes to stdout; a closed pipe (`| head`) is not an error.
fn write_out(text: &str) -> anyhow::Result<()> {
    use std::io::Write as _;
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.context("writing to stdout"),
    }
}

fn describe(sentence: usize, m: &Mention) -> String {
    let a = &m.actor;
    let antecedent = m
        .antecedent
        .map_or_else(|| "-".to_string(), |(s, i)| format!("{s}.{i}"));
    format!(
        "{sentence}\t{}-{}\t{}\t{}\t{}\t{antecedent}\t{}",
        a.span.start,
        a.span.end,
        m.kind.as_str(),
        if a.code.is_empty() { "?" } else { &a.code },
        a.name.as_deref().unwrap_or("-"),
        a.text.replace('\n', " ")
    )
}

#[derive(Default)]
struct Tally {
    records: usize,
    hits: usize,
}

fn gold(dict: &ActorDictionary, path: &Path, misses: bool) -> anyhow::Result<()> {
    let raw =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let records: Vec<Value> =
        serde_json::from_str(&raw).with_context(|| format!("parsing {}", path.display()))?;
    let mut out = String::new();
    let mut tallies: BTreeMap<&str, Tally> = BTreeMap::new();
    let mut actor_hits = 0;
    let mut actor_total = 0;
    for r in &records {
        let (Some(id), Some(text)) = (
            r.get("id").and_then(Value::as_str),
            r.get("text").and_then(Value::as_str),
        ) else {
            continue;
        };
        if r.get("event").and_then(Value::as_str) == Some("DOCUMENT") {
            continue;
        }
        let date = r
            .get("date")
            .and_then(Value::as_str)
            .and_then(|d| d.parse::<Date>().ok());
        let doc = document_from_text(id, text, date);
        let mentions: Vec<Mention> = dict.recognize(&doc).into_iter().flatten().collect();
        let found: Vec<(String, Option<String>)> = mentions
            .iter()
            .flat_map(|m| {
                let mut v = vec![(m.actor.key().to_string(), m.actor.sector.clone())];
                v.extend(
                    m.members
                        .iter()
                        .map(|a| (a.key().to_string(), a.sector.clone())),
                );
                v
            })
            .collect();
        let mut sector_gold = Vec::new();
        for (role, field) in [("source", "source"), ("target", "target")] {
            let actors = gold_actors(r.get(field));
            if actors.is_empty() {
                continue;
            }
            let tally = tallies.entry(role).or_default();
            tally.records += 1;
            let mut any = false;
            for (key, sector, text) in &actors {
                actor_total += 1;
                let hit = found.iter().any(|(k, _)| k == key);
                actor_hits += usize::from(hit);
                any |= hit;
                if !hit && misses {
                    let _ = writeln!(out, "miss\t{id}\t{role}\t{key}\t{text}");
                }
                if let Some(s) = sector {
                    sector_gold.push((key.clone(), s.clone(), text.clone()));
                }
            }
            tally.hits += usize::from(any);
        }
        if !sector_gold.is_empty() {
            let tally = tallies.entry("sector").or_default();
            tally.records += 1;
            let hit = sector_gold.iter().any(|(k, s, _)| {
                found.iter().any(|(fk, fs)| {
                    fk == k && fs.as_deref().map(|x| x.get(..3).unwrap_or(x)) == Some(s.as_str())
                })
            });
            tally.hits += usize::from(hit);
            if !hit && misses {
                for (k, s, t) in &sector_gold {
                    let _ = writeln!(out, "sector-miss\t{id}\t{k}{s}\t{t}");
                }
            }
        }
    }
    let _ = writeln!(out, "measure\trecords\thits\trate");
    for (k, t) in &tallies {
        let _ = writeln!(
            out,
            "{k}\t{}\t{}\t{:.3}",
            t.records,
            t.hits,
            ratio(t.hits, t.records)
        );
    }
    let _ = writeln!(
        out,
        "actors\t{actor_total}\t{actor_hits}\t{:.3}",
        ratio(actor_hits, actor_total)
    );
    write_out(&out)
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Gold actors as (key, sector, text).
fn gold_actors(v: Option<&Value>) -> Vec<(String, Option<String>, String)> {
    let Some(list) = v.and_then(Value::as_array) else {
        return Vec::new();
    };
    list.iter()
        .filter_map(|a| {
            let code = a.get("code")?.as_str()?.trim();
            let key: String = code
                .chars()
                .take(3)
                .collect::<String>()
                .to_ascii_uppercase();
            if key.len() < 3 {
                return None;
            }
            let sector = a
                .get("sector")
                .and_then(Value::as_str)
                .map(|s| s.chars().take(3).collect::<String>())
                .filter(|s| s.len() == 3 && s.chars().all(|c| c.is_ascii_uppercase()));
            let text = a
                .get("actorText")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string();
            Some((key, sector, text))
        })
        .collect()
}
