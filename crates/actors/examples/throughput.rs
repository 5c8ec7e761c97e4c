//! Sentences per second of actor recognition on a plain-text file, without the
//! rest of the pipeline: `cargo run --release -p parley-actors --example throughput
//! -- FILE [DATE] [ROUNDS]`. Articles are separated by a line holding only `%%`
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
    let docs: Vec<_> = text
        .split("\n%%\n")
        .enumerate()
        .map(|(i, t)| document_from_text(&i.to_string(), t, date))
        .collect();
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
