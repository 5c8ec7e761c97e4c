//! Sentences per second of actor recognition on a plain-text file, without the
//! rest of the pipeline: `cargo run --release -p parley-actors --example throughput
//! -- FILE [DATE] [ROUNDS] [nlp]`; with `nlp` the sentences are first annotated by
//! parley-nlp and its time is reported beside. Articles are separated by a line holding only `%%`
//! (a file without one is one article).

use std::time::Instant;

use parley_actors::{document_from_text, ActorDictionary};

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: throughput FILE [YYYY-MM-DD] [ROUNDS]");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let date = args.next().and_then(|d| d.parse().ok());
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(200);
    let dict = ActorDictionary::builtin();
    let with_nlp = args.next().as_deref() == Some("nlp");
    let mut docs: Vec<_> = text
        .split("\n%%\n")
        .enumerate()
        .map(|(i, t)| document_from_text(&i.to_string(), t, date))
        .collect();
    if with_nlp {
        let model = parley_nlp::Model::embedded();
        let start = Instant::now();
        for doc in &mut docs {
            for s in &mut doc.sentences {
                model.annotate(s);
            }
        }
        let secs = start.elapsed().as_secs_f64();
        let n: usize = docs.iter().map(|d| d.sentences.len()).sum();
        println!(
            "nlp: {n} sentences in {secs:.3} s: {:.2} us/sentence",
            secs * 1e6 / n as f64
        );
    }
    let start = Instant::now();
    let mut mentions = 0;
    for _ in 0..rounds {
        for doc in &docs {
            mentions += dict.recognize(doc).iter().map(Vec::len).sum::<usize>();
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let sentences = docs.iter().map(|d| d.sentences.len()).sum::<usize>() * rounds;
    println!(
        "{sentences} sentences, {mentions} mentions in {secs:.3} s: {:.0} sentences/s, {:.2} us/sentence",
        sentences as f64 / secs,
        secs * 1e6 / sentences as f64
    );
}
