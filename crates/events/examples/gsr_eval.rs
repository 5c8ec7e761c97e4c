//! Quick scorer on PLOVER gold records (counted as the design contract says):
//! `cargo run --release -p parley-events --example gsr_eval -- ../shared/eval/plover-gsr-dev.json [-v] [-x]`

use serde_json::Value;

fn current(t: &str) -> &str {
    match t {
        "DEMAND" => "REQUEST",
        "DISAPPROVE" | "INVESTIGATE" => "ACCUSE",
        "FIGHT" => "ASSAULT",
        o => o,
    }
}

fn key(code: &str) -> String {
    let a = parley_types::Actor::new(code, "", parley_types::Span::default());
    a.key().to_string()
}

fn actors(v: &Value) -> Vec<String> {
    match v {
        Value::Array(a) => a
            .iter()
            .filter_map(|x| x.get("code").and_then(Value::as_str))
            .map(key)
            .collect(),
        _ => Vec::new(),
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let path = args
        .get(1)
        .cloned()
        .unwrap_or_else(|| "../shared/eval/plover-gsr-dev.json".into());
    let verbose = args.iter().any(|a| a == "-v");
    // `-x`: also show records where a predicted event matched no gold event.
    let extra = args.iter().any(|a| a == "-x");
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let records: Vec<Value> = serde_json::from_str(&text).unwrap_or_default();
    let owned = std::env::var("PARLEY_NLP_MODEL")
        .ok()
        .and_then(|p| std::fs::read(p).ok())
        .and_then(|b| parley_nlp::Model::from_bytes(&b).ok());
    let model = owned
        .as_ref()
        .unwrap_or_else(|| parley_nlp::Model::embedded());
    let dict = parley_actors::ActorDictionary::builtin();
    let coder = parley_events::Coder::builtin();
    let (mut tp, mut pred, mut gold_n, mut type_hits, mut n) = (0, 0, 0, 0, 0);
    let mut by_type: std::collections::BTreeMap<String, (usize, usize)> = Default::default();
    for r in &records {
        let Some(ev) = r.get("event").and_then(Value::as_str) else {
            continue;
        };
        if ev == "DOCUMENT" {
            continue;
        }
        n += 1;
        let ty = current(ev).to_string();
        let id = r.get("id").and_then(Value::as_str).unwrap_or("?");
        let t = r.get("text").and_then(Value::as_str).unwrap_or("");
        let date = r
            .get("date")
            .and_then(Value::as_str)
            .and_then(|d| d.parse().ok());
        let mut doc = parley_actors::document_from_text(id, t, date);
        for s in &mut doc.sentences {
            model.annotate(s);
        }
        let mentions = dict.recognize(&doc);
        let events = coder.code_document(&doc, &mentions);
        let srcs = r.get("source").map(actors).unwrap_or_default();
        let tgts = r.get("target").map(actors).unwrap_or_default();
        let mut gold: Vec<(String, Option<String>)> = Vec::new();
        for s in &srcs {
            if tgts.is_empty() {
                gold.push((s.clone(), None));
            }
            for g in &tgts {
                gold.push((s.clone(), Some(g.clone())));
            }
        }
        let predicted: Vec<&parley_types::Event> =
            events.iter().filter(|e| e.plover.is_some()).collect();
        pred += predicted.len();
        gold_n += gold.len();
        let mut used = vec![false; gold.len()];
        let mut unmatched = 0;
        for e in &predicted {
            let sk = e.source.key().to_string();
            let tk = e.target.as_ref().map(|t| t.key().to_string());
            if e.plover.as_deref() != Some(ty.as_str()) {
                unmatched += 1;
                continue;
            }
            if let Some(k) = (0..gold.len())
                .find(|&k| !used[k] && gold[k].0 == sk && (gold[k].1.is_none() || gold[k].1 == tk))
            {
                used[k] = true;
                tp += 1;
            } else {
                unmatched += 1;
            }
        }
        let hit = predicted
            .iter()
            .any(|e| e.plover.as_deref() == Some(ty.as_str()));
        type_hits += usize::from(hit);
        let e = by_type.entry(ty.clone()).or_default();
        e.0 += usize::from(hit);
        e.1 += 1;
        if (verbose && (!hit || used.iter().any(|u| !u))) || (extra && unmatched > 0) {
            println!("{id} want {ty} {srcs:?}->{tgts:?}\n  {t}");
            for e in &events {
                println!(
                    "  got {} {} {}->{} [{}]",
                    e.cameo,
                    e.plover.as_deref().unwrap_or("-"),
                    e.source.code,
                    e.target.as_ref().map_or("-", |t| t.code.as_str()),
                    e.evidence
                        .rule
                        .split(':')
                        .take(2)
                        .collect::<Vec<_>>()
                        .join(":")
                );
            }
            for m in mentions.iter().flatten() {
                print!(" [{} {}]", m.actor.code, m.actor.text);
            }
            println!();
        }
    }
    let p = tp as f64 / pred.max(1) as f64;
    let rc = tp as f64 / gold_n.max(1) as f64;
    let f1 = if p + rc > 0.0 {
        2.0 * p * rc / (p + rc)
    } else {
        0.0
    };
    println!("records {n}  type recall {:.3}  triples P {p:.3} R {rc:.3} F1 {f1:.3}  (tp {tp} pred {pred} gold {gold_n})", type_hits as f64 / n.max(1) as f64);
    for (t, (h, k)) in by_type {
        println!("  {t:<10} {h}/{k}");
    }
}
