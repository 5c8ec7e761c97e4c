//! Measures the coder's tree repairs on a UD treebank: parses each sentence's gold
//! words with the shipped model, applies the repairs, and scores heads before and
//! after against the gold tree, per repair kind.
//!
//! `cargo run --release -p parley-events --example repair_eval -- FILE.conllu`

use std::collections::BTreeMap;
use std::path::PathBuf;

use parley_events::Coder;
use parley_nlp::conllu::read_conllu;
use parley_nlp::Model;
use parley_types::Token;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path: PathBuf = std::env::args()
        .nth(1)
        .ok_or("usage: repair_eval FILE.conllu")?
        .into();
    let gold = read_conllu(&path)?;
    let model = Model::embedded();
    let coder = Coder::builtin();
    // kind -> (sentences, correct heads before, after, words in those sentences)
    let mut by_kind: BTreeMap<&str, (usize, usize, usize, usize)> = BTreeMap::new();
    let (mut before, mut after, mut words) = (0usize, 0usize, 0usize);
    for s in &gold {
        let mut tokens: Vec<Token> = s
            .words
            .iter()
            .map(|w| Token {
                text: w.form.clone(),
                ..Token::default()
            })
            .collect();
        model.annotate_tokens(&mut tokens);
        let (fixed, notes) = coder.repair_tree(&tokens);
        let heads = |t: &[Token]| {
            t.iter()
                .zip(&s.words)
                .filter(|(t, g)| t.head.map_or(0, |h| h + 1) == g.head)
                .count()
        };
        let (b, a) = (heads(&tokens), heads(&fixed));
        before += b;
        after += a;
        words += s.words.len();
        for (_, what) in notes {
            let e = by_kind.entry(what).or_default();
            e.0 += 1;
            e.1 += b;
            e.2 += a;
            e.3 += s.words.len();
        }
    }
    println!(
        "{}: {} sentences, UAS before repairs {:.2}, after {:.2}",
        path.display(),
        gold.len(),
        100.0 * before as f64 / words as f64,
        100.0 * after as f64 / words as f64
    );
    for (kind, (n, b, a, w)) in by_kind {
        println!("  {kind:<45} fired {n:>4}  heads right in those sentences {b} -> {a} of {w}");
    }
    Ok(())
}
