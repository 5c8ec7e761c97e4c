//! Matching cost: recognise the actors of a news-like paragraph, repeated.
//! Asserts the result so a fast wrong answer cannot pass.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use parley_actors::{document_from_text, ActorDictionary};

const STORY: &str = "Russian Foreign Ministry spokeswoman Maria Zakharova said on Thursday that \
relations with France were frozen on Paris's initiative. French Foreign Minister Catherine \
Colonna told reporters that France wanted to maintain dialogue with Russia. \"Madame Minister \
has not deviated from the truth,\" Zakharova said. She added that contacts with the Quai \
d'Orsay had been cut to a minimum. Western countries have imposed sanctions against Moscow. \
The Syrian government said it had destroyed its chemical weapons under the supervision of the \
OPCW. Damascus and the Russian Reconciliation Center in Syria rejected the claims. U.N. \
Secretary-General Antonio Guterres called for restraint, and the two countries agreed to talk.";

fn bench(c: &mut Criterion) {
    let dict = ActorDictionary::builtin();
    let text = STORY.repeat(10);
    let doc = document_from_text("bench", &text, "2023-05-05".parse().ok());
    let sentences = doc.sentences.len() as u64;
    let mentions = dict.recognize(&doc);
    assert_eq!(mentions[0][0].actor.code, "RUSGOV");
    assert!(
        mentions
            .iter()
            .flatten()
            .filter(|m| m.actor.code == "FRAGOV")
            .count()
            >= 20
    );
    let mut group = c.benchmark_group("actors");
    group.throughput(Throughput::Elements(sentences));
    group.bench_function("recognize", |b| {
        b.iter(|| {
            let m = dict.recognize(&doc);
            assert_eq!(m.len(), doc.sentences.len());
            m
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
