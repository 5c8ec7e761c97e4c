//! Accuracy floor on the EWT dev split (reads ../shared; skipped when absent unless CI).

use std::path::PathBuf;

use parley_nlp::conllu::read_conllu;
use parley_nlp::evaluate::Scores;
use parley_nlp::Model;
use parley_types::{Sentence, Span};

fn shared() -> Option<PathBuf> {
    let p = std::env::var_os("PARLEY_SHARED").map_or_else(
        || PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared")),
        PathBuf::from,
    );
    if p.is_dir() {
        Some(p)
    } else {
        assert!(
            std::env::var_os("CI").is_none(),
            "shared data missing at {}",
            p.display()
        );
        None
    }
}

/// A regression guard, not the evaluation (that is `parley nlp evaluate`): the shipped
/// model must stay well above these floors on dev with gold words.
#[test]
fn shipped_model_keeps_its_dev_accuracy() {
    let Some(dir) = shared() else { return };
    let gold =
        read_conllu(&dir.join("corpora/ud-english-ewt/en_ewt-ud-dev.conllu")).expect("dev split");
    let mut scores = Scores::default();
    for g in gold.iter().take(600) {
        let text = g
            .words
            .iter()
            .map(|w| w.form.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let mut s = Sentence {
            span: Span::new(0, text.len()),
            text,
            ..Default::default()
        };
        Model::embedded().annotate(&mut s);
        scores.add(g, &s.tokens);
    }
    assert!(scores.upos.f1() > 92.0, "{scores}");
    assert!(scores.lemma.f1() > 95.0, "{scores}");
    assert!(scores.uas.f1() > 80.0, "{scores}");
    assert!(scores.las.f1() > 76.0, "{scores}");
}
