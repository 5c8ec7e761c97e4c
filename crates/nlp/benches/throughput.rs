//! Throughput of the whole analysis (tokenize, tag, lemmatize, parse) on
//! news-length sentences, one core. The result is checked inside the loop so a fast
//! wrong answer cannot pass: every sentence must yield one rooted tree with the
//! expected token count, and most roots must be verbs.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use parley_nlp::Model;
use parley_types::{Sentence, Span};

const NEWS: &str = include_str!("data/news.txt");

fn analyse(model: &Model, lines: &[&str]) -> (usize, usize) {
    let mut tokens = 0;
    let mut verb_roots = 0;
    for (i, line) in lines.iter().enumerate() {
        let mut s = Sentence {
            index: i,
            span: Span::new(0, line.len()),
            text: line.to_string(),
            tokens: Vec::new(),
        };
        model.annotate(&mut s);
        let roots: Vec<_> = s.tokens.iter().filter(|t| t.head.is_none()).collect();
        assert_eq!(roots.len(), 1, "one root in {line}");
        verb_roots += usize::from(roots[0].upos == "VERB");
        tokens += s.tokens.len();
    }
    (tokens, verb_roots)
}

fn throughput(c: &mut Criterion) {
    let model = Model::embedded();
    let lines: Vec<&str> = NEWS.lines().filter(|l| !l.trim().is_empty()).collect();
    let (tokens, verb_roots) = analyse(model, &lines);
    assert_eq!(tokens, 617, "tokenization of the bench input changed");
    assert!(
        verb_roots * 10 >= lines.len() * 8,
        "only {verb_roots} verb roots"
    );
    let mut g = c.benchmark_group("nlp");
    g.throughput(Throughput::Elements(lines.len() as u64));
    g.bench_function("annotate_news_sentences", |b| {
        b.iter(|| {
            let (t, _) = analyse(model, &lines);
            assert_eq!(t, tokens);
        })
    });
    g.finish();
}

criterion_group!(benches, throughput);
criterion_main!(benches);
