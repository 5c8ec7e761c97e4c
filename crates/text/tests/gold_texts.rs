//! Over-cleaning guard: single-story texts of the shared gold data carry no page
//! furniture, so cleaning must keep every word of them.

use serde_json::Value;

use crate::support::{check_invariants, clean_text, shared_dir};

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn check_all(texts: &[(String, String)]) {
    let mut lost = Vec::new();
    for (id, text) in texts {
        let doc = clean_text(id, text);
        check_invariants(&doc);
        let (body, input) = (squash(&doc.text), squash(text));
        // A wire dateline ("CEBU CITY: --") is the one thing cut from such a text.
        let only_dateline =
            doc.removed.len() == 1 && doc.removed[0].kind == "dateline" && input.ends_with(&body);
        if body != input && !only_dateline {
            let kinds: Vec<String> = doc
                .removed
                .iter()
                .map(|r| format!("{} {:?}", r.kind, r.span.slice(&doc.raw)))
                .collect();
            lost.push(format!("{id}: {kinds:?}"));
        }
    }
    assert!(
        lost.is_empty(),
        "{} of {} texts lost words:\n{}",
        lost.len(),
        texts.len(),
        lost.join("\n")
    );
}

#[test]
fn plover_gold_texts_are_kept_whole() {
    let Some(dir) = shared_dir() else { return };
    let json = std::fs::read_to_string(dir.join("eval/plover-gsr-dev.json")).expect("plover gold");
    let records: Vec<Value> = serde_json::from_str(&json).expect("plover gold parses");
    let texts: Vec<(String, String)> = records
        .iter()
        .filter_map(|r| {
            Some((
                r["id"].as_str()?.to_string(),
                r["text"].as_str()?.to_string(),
            ))
        })
        .collect();
    assert!(texts.len() > 100);
    check_all(&texts);
}

#[test]
fn petrarch_unit_texts_are_kept_whole() {
    let Some(dir) = shared_dir() else { return };
    let xml = std::fs::read_to_string(dir.join("eval/petrarch-unit/PETR.UnitTest.records.xml"))
        .expect("records");
    let texts: Vec<(String, String)> = xml
        .split("<Text>")
        .skip(1)
        .enumerate()
        .filter_map(|(i, chunk)| {
            Some((
                format!("petrarch-{i}"),
                chunk.split("</Text>").next()?.to_string(),
            ))
        })
        .collect();
    assert!(texts.len() > 200);
    check_all(&texts);
}
