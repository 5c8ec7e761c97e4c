//! Codes plain text from stdin and prints tokens, actors and events:
//! `echo "Iran accused Iraq of shelling." | cargo run -p parley-events --example code_text`

use std::io::Read;

fn main() {
    let mut text = String::new();
    if std::io::stdin().read_to_string(&mut text).is_err() {
        eprintln!("stdin is not UTF-8");
        return;
    }
    let verbose = std::env::args().any(|a| a == "-v");
    let date = chrono::NaiveDate::from_ymd_opt(2023, 5, 5);
    let mut doc = parley_actors::document_from_text("stdin", &text, date);
    let owned = std::env::var("PARLEY_NLP_MODEL")
        .ok()
        .and_then(|p| std::fs::read(p).ok())
        .and_then(|b| parley_nlp::Model::from_bytes(&b).ok());
    let model = owned
        .as_ref()
        .unwrap_or_else(|| parley_nlp::Model::embedded());
    for s in &mut doc.sentences {
        model.annotate(s);
    }
    let mentions = parley_actors::ActorDictionary::builtin().recognize(&doc);
    let coder = parley_events::Coder::builtin();
    for (i, s) in doc.sentences.iter().enumerate() {
        println!("## {}", s.text.trim());
        if verbose {
            for (k, t) in s.tokens.iter().enumerate() {
                println!(
                    "  {k:>2} {:<14} {:<12} {:<5} {:>3} {}",
                    t.text,
                    t.lemma,
                    t.upos,
                    t.head.map_or("-".to_string(), |h| h.to_string()),
                    t.deprel
                );
            }
        }
        for m in mentions.get(i).into_iter().flatten() {
            println!("  actor {:<10} {:?} {}", m.actor.code, m.kind, m.actor.text);
        }
        let ex = coder.explain(&doc, &mentions, i);
        if verbose {
            for d in &ex.decisions {
                println!("  trigger {:<12} {} => {}", d.trigger, d.rule, d.outcome);
            }
        }
        for e in &ex.events {
            println!(
                "  EVENT {} {} -> {} {} {:?} flags={:?} speaker={:?} [{}]",
                e.cameo,
                e.source.code,
                e.target.as_ref().map_or("-", |t| t.code.as_str()),
                e.plover.as_deref().unwrap_or("-"),
                e.evidence.trigger,
                e.flags,
                e.attribution
                    .as_ref()
                    .and_then(|a| a.speaker.as_ref())
                    .map(|s| s.code.clone()),
                e.evidence.rule
            );
        }
    }
}
