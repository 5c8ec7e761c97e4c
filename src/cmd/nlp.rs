//! `parley nlp`: train, evaluate and run the English tokenizer, tagger, lemmatizer
//! and dependency parser.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context as _;
use clap::{Args, Subcommand};
use parley_nlp::conllu::{read_conllu, write_sentence};
use parley_nlp::evaluate::Scores;
use parley_nlp::train::TrainOptions;
use parley_nlp::Model;
use parley_types::{Sentence, Span};

/// Train, evaluate or run the English analyser (tokenizer, tagger, lemmatizer,
/// dependency parser) on UD English-EWT.
#[derive(Args)]
pub struct NlpArgs {
    #[command(subcommand)]
    command: NlpCommand,
}

#[derive(Subcommand)]
enum NlpCommand {
    /// Train a model on the treebank's train split (dev split picks the epochs).
    ///
    /// Seeded and reproducible: the same treebank and options give the same file.
    /// Example: `parley nlp train --out crates/nlp/model/en_ewt.pnlp`
    Train(TrainArgs),
    /// Score a model on a treebank split, counted like the CoNLL 2018 scorer.
    ///
    /// Reports two runs: input = gold words joined by spaces, and input = the raw
    /// `# text` line (own tokenization).
    /// Example: `parley nlp evaluate --split test`
    Evaluate(EvaluateArgs),
    /// Analyse plain text (one or more sentences a line) and write CoNLL-U.
    ///
    /// Example: `parley nlp parse story.txt > story.conllu` (`-` reads stdin)
    Parse(ParseArgs),
    /// Measure model load time, throughput (tokenize + tag + lemmatize + parse, one
    /// thread) and peak memory on news-length sentences, checking every result.
    ///
    /// Default input: every sentence of the pipeline bench's articles
    /// (`benches/data/news.jsonl`, cleaned and split as `parley code` does), each
    /// analysed once per round, so the weight tables are read as on fresh text.
    /// Example: `parley nlp bench --seconds 5`, or `parley nlp bench
    /// crates/nlp/benches/data/news.txt` (25 sentences, one per line)
    Bench(BenchArgs),
}

#[derive(Args)]
struct BenchArgs {
    /// Plain text, one sentence per line [default: the sentences of --articles].
    file: Option<PathBuf>,
    /// Articles (`.jsonl` or `.txt`) whose sentences are the input when no FILE is
    /// given.
    #[arg(long, value_name = "FILE", default_value = "benches/data/news.jsonl")]
    articles: PathBuf,
    /// Measure this model file instead of the embedded one.
    #[arg(long)]
    model: Option<PathBuf>,
    /// How long to run.
    #[arg(long, default_value_t = 3.0)]
    seconds: f64,
}

#[derive(Args)]
struct TreebankArgs {
    /// Folder with en_ewt-ud-{train,dev,test}.conllu [default: $PARLEY_SHARED or
    /// ../shared, then corpora/ud-english-ewt]
    #[arg(long)]
    treebank: Option<PathBuf>,
}

impl TreebankArgs {
    fn dir(&self) -> PathBuf {
        self.treebank.clone().unwrap_or_else(|| {
            let shared = std::env::var_os("PARLEY_SHARED")
                .map_or_else(|| PathBuf::from("../shared"), PathBuf::from);
            shared.join("corpora/ud-english-ewt")
        })
    }

    fn split(&self, name: &str) -> PathBuf {
        self.dir().join(format!("en_ewt-ud-{name}.conllu"))
    }
}

#[derive(Args)]
struct TrainArgs {
    #[command(flatten)]
    treebank: TreebankArgs,
    /// Where to write the model file.
    #[arg(long, default_value = "crates/nlp/model/en_ewt.pnlp")]
    out: PathBuf,
    /// Random seed (shuffling, exploration).
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Tagger training epochs.
    #[arg(long, default_value_t = 10)]
    tagger_epochs: usize,
    /// Parser training epochs.
    #[arg(long, default_value_t = 15)]
    parser_epochs: usize,
    /// Jackknife folds for the parser's predicted tags (1 = train on gold tags).
    #[arg(long, default_value_t = 4)]
    folds: usize,
    /// A WordNet database directory (Debian package `wordnet-base`) whose noun, verb,
    /// adjective and adverb lists tell the tagger which tags unseen words can take;
    /// `none` trains without them.
    #[arg(long, default_value = "/usr/share/wordnet")]
    wordnet: String,
    /// zstd compression level of the model file.
    #[arg(long, default_value_t = 15)]
    level: i32,
}

#[derive(Args)]
struct EvaluateArgs {
    #[command(flatten)]
    treebank: TreebankArgs,
    /// Which split to score.
    #[arg(long, default_value = "test")]
    split: String,
    /// A CoNLL-U file to score instead of a treebank split.
    #[arg(long)]
    gold: Option<PathBuf>,
    /// Score this model file instead of the embedded one.
    #[arg(long)]
    model: Option<PathBuf>,
}

#[derive(Args)]
struct ParseArgs {
    /// Plain-text file (`-` for stdin).
    file: PathBuf,
    /// Treat every line as exactly one sentence (no splitting inside lines).
    #[arg(long)]
    line_per_sentence: bool,
    /// Use this model file instead of the embedded one.
    #[arg(long)]
    model: Option<PathBuf>,
}

/// Runs `parley nlp`.
pub fn run(args: NlpArgs) -> anyhow::Result<ExitCode> {
    match args.command {
        NlpCommand::Train(a) => train(a),
        NlpCommand::Evaluate(a) => evaluate(a),
        NlpCommand::Parse(a) => parse(a),
        NlpCommand::Bench(a) => bench(a),
    }
}

fn load(path: Option<&Path>) -> anyhow::Result<std::borrow::Cow<'static, Model>> {
    Ok(match path {
        Some(p) => {
            let bytes =
                std::fs::read(p).with_context(|| format!("{}: cannot read model", p.display()))?;
            std::borrow::Cow::Owned(
                Model::from_bytes(&bytes).with_context(|| p.display().to_string())?,
            )
        }
        None => std::borrow::Cow::Borrowed(Model::embedded()),
    })
}

fn train(a: TrainArgs) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let train = read_conllu(&a.treebank.split("train"))?;
    let dev = read_conllu(&a.treebank.split("dev"))?;
    let wordnet = (a.wordnet != "none").then(|| PathBuf::from(&a.wordnet));
    let opts = TrainOptions {
        wordnet: wordnet.clone(),
        tagger_epochs: a.tagger_epochs,
        parser_epochs: a.parser_epochs,
        folds: a.folds,
        seed: a.seed,
        provenance: format!(
            "UD English-EWT train split ({} sentences), dev split for epoch choice; seed {}, \
             tagger epochs {}, parser epochs {}, folds {}; open-class word lists: {}",
            train.len(),
            a.seed,
            a.tagger_epochs,
            a.parser_epochs,
            a.folds,
            match &wordnet {
                Some(_) => "Princeton WordNet 3.0",
                None => "none",
            }
        ),
    };
    let mut log = |line: String| eprintln!("[{:>7.1}s] {line}", started.elapsed().as_secs_f64());
    let model = parley_nlp::train::train(&train, &dev, &opts, &mut log).with_context(|| {
        "the word lists come from the Debian package wordnet-base \
         (`apt-get install wordnet-base`); `--wordnet none` trains without them"
    })?;
    let bytes = model.to_bytes(a.level)?;
    std::fs::write(&a.out, &bytes)
        .with_context(|| format!("{}: cannot write model", a.out.display()))?;
    eprintln!(
        "wrote {} ({} bytes) in {:.1}s",
        a.out.display(),
        bytes.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}

fn evaluate(a: EvaluateArgs) -> anyhow::Result<ExitCode> {
    let t0 = Instant::now();
    let model = load(a.model.as_deref())?;
    let load_s = t0.elapsed().as_secs_f64();
    let path = a.gold.clone().unwrap_or_else(|| a.treebank.split(&a.split));
    let gold = read_conllu(&path)?;
    println!("{}: model loaded in {load_s:.3}s", path.display());
    for (name, raw) in [
        ("gold words joined by spaces", false),
        ("raw # text (own tokenization)", true),
    ] {
        let mut scores = Scores::default();
        let t = Instant::now();
        for g in &gold {
            let text = if raw {
                g.text.clone()
            } else {
                g.words
                    .iter()
                    .map(|w| w.form.as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            let mut s = Sentence {
                span: Span::new(0, text.len()),
                text,
                ..Sentence::default()
            };
            model.annotate(&mut s);
            scores.add(g, &s.tokens);
        }
        let secs = t.elapsed().as_secs_f64();
        println!("\n== input: {name} ==");
        print!("{scores}");
        println!(
            "speed      {:.0} sentences/s",
            gold.len() as f64 / secs.max(1e-9)
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn parse(a: ParseArgs) -> anyhow::Result<ExitCode> {
    let model = load(a.model.as_deref())?;
    let text = if a.file.as_os_str() == "-" {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut s).context("stdin")?;
        s
    } else {
        let bytes =
            std::fs::read(&a.file).with_context(|| format!("{}: cannot read", a.file.display()))?;
        String::from_utf8_lossy(&bytes).into_owned()
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut buf = String::new();
    let mut offset = 0;
    let mut n = 0;
    for line in text.split_inclusive('\n') {
        let base = offset;
        offset += line.len();
        let spans = if a.line_per_sentence {
            let start = line.len() - line.trim_start().len();
            let end = line.trim_end().len();
            if start < end {
                vec![(start, end)]
            } else {
                Vec::new()
            }
        } else {
            sentence_spans(line)
        };
        for (s, e) in spans {
            let mut sent = Sentence {
                index: n,
                span: Span::new(base + s, base + e),
                text: line[s..e].to_string(),
                tokens: Vec::new(),
            };
            model.annotate(&mut sent);
            // Token spans are file offsets; CoNLL-U wants them sentence-local only for
            // SpaceAfter, which compares neighbours, so they can stay as they are.
            n += 1;
            buf.clear();
            write_sentence(&mut buf, &n.to_string(), &sent.text, &sent.tokens);
            if let Err(e) = out.write_all(buf.as_bytes()) {
                if e.kind() == std::io::ErrorKind::BrokenPipe {
                    return Ok(ExitCode::SUCCESS);
                }
                return Err(e).context("stdout");
            }
        }
    }
    if let Err(e) = out.flush() {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            return Err(e).context("stdout");
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The sentences of `path`'s articles, cleaned and split as the pipeline does.
fn article_sentences(path: &Path) -> anyhow::Result<Vec<String>> {
    let mut out = Vec::new();
    for item in parley_text::ingest::read_path(path) {
        // The reader's errors name the file and line already.
        let article = item.map_err(|e| anyhow::anyhow!("{e}"))?;
        let mut doc = parley_text::clean(&article);
        parley_text::split_sentences(&mut doc);
        out.extend(doc.sentences.into_iter().map(|s| s.text));
    }
    Ok(out)
}

fn bench(a: BenchArgs) -> anyhow::Result<ExitCode> {
    let lines: Vec<String> = match &a.file {
        Some(p) => std::fs::read_to_string(p)
            .with_context(|| format!("{}: cannot read", p.display()))?
            .lines()
            .map(|l| l.trim().to_string())
            .filter(|l| !l.is_empty())
            .collect(),
        None => article_sentences(&a.articles)?,
    };
    anyhow::ensure!(!lines.is_empty(), "no sentences to analyse");
    let t = Instant::now();
    let model = load(a.model.as_deref())?;
    let load_s = t.elapsed().as_secs_f64();
    let analyse = || -> anyhow::Result<usize> {
        let mut tokens = 0;
        for (i, line) in lines.iter().enumerate() {
            let mut s = Sentence {
                index: i,
                span: Span::new(0, line.len()),
                text: line.to_string(),
                tokens: Vec::new(),
            };
            model.annotate(&mut s);
            let roots = s.tokens.iter().filter(|t| t.head.is_none()).count();
            anyhow::ensure!(roots == 1, "sentence {} has {roots} roots", i + 1);
            tokens += s.tokens.len();
        }
        Ok(tokens)
    };
    let expected = analyse()?;
    let t = Instant::now();
    let mut rounds = 0usize;
    while t.elapsed().as_secs_f64() < a.seconds {
        anyhow::ensure!(analyse()? == expected, "results changed between rounds");
        rounds += 1;
    }
    let secs = t.elapsed().as_secs_f64();
    let sentences = rounds * lines.len();
    println!("model load       {:.3} s", load_s);
    println!(
        "sentences        {} x {rounds} rounds ({:.1} tokens each)",
        lines.len(),
        expected as f64 / lines.len() as f64
    );
    println!(
        "throughput       {:.0} sentences/s, {:.0} tokens/s (one thread)",
        sentences as f64 / secs,
        (rounds * expected) as f64 / secs
    );
    if let Some(kb) = peak_rss_kb() {
        println!("peak RSS         {:.1} MB", kb as f64 / 1024.0);
    }
    Ok(ExitCode::SUCCESS)
}

/// Peak resident memory (Linux `VmHWM`), if the platform reports it.
fn peak_rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Splits a line into sentences at `.`, `!` or `?` (with closing quotes or
/// brackets) followed by a space and an upper-case letter, digit or opening quote.
/// A one-line-one-sentence file is one sentence per line.
fn sentence_spans(line: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let trimmed_end = line.trim_end().len();
    let mut start = line.len() - line.trim_start().len();
    if start >= trimmed_end {
        return out;
    }
    let bytes = line.as_bytes();
    let mut i = start;
    while i < trimmed_end {
        let c = bytes[i];
        if matches!(c, b'.' | b'!' | b'?') {
            let mut j = i + 1;
            while j < trimmed_end
                && matches!(bytes[j], b'"' | b'\'' | b')' | b']' | b'.' | b'!' | b'?')
            {
                j += 1;
            }
            let next = line[j..].chars().next();
            if next.is_some_and(char::is_whitespace) {
                let k = j + line[j..].len() - line[j..].trim_start().len();
                let after = line[k..].chars().next();
                let prev_word = line[start..i].rsplit(' ').next().unwrap_or("");
                let abbrev = i > 0
                    && prev_word.len() <= 3
                    && prev_word.chars().next().is_some_and(char::is_uppercase)
                    && c == b'.';
                if after.is_some_and(|a| {
                    a.is_uppercase() || a.is_ascii_digit() || a == '"' || a == '\u{201c}'
                }) && !abbrev
                {
                    out.push((start, j));
                    start = k;
                    i = k;
                    continue;
                }
            }
            i = j;
            continue;
        }
        i += 1;
    }
    if start < trimmed_end {
        out.push((start, trimmed_end));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_sentences_within_a_line() {
        let line = "Talks resumed. Mr. Lavrov said \"no.\" Then he left.\n";
        let spans: Vec<&str> = sentence_spans(line)
            .into_iter()
            .map(|(s, e)| &line[s..e])
            .collect();
        assert_eq!(
            spans,
            ["Talks resumed.", "Mr. Lavrov said \"no.\"", "Then he left."]
        );
    }
}
