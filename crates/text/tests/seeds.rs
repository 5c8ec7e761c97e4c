//! The two seed stories: metadata, furniture gone, every body sentence kept.

use serde_json::Value;

use crate::support::{check_invariants, clean_text, shared_dir};

fn seeds() -> Option<(std::path::PathBuf, Vec<Value>)> {
    let dir = shared_dir()?.join("seeds");
    let expected = std::fs::read_to_string(dir.join("expected.json")).expect("expected.json");
    let list: Vec<Value> = serde_json::from_str(&expected).expect("expected.json parses");
    Some((dir, list))
}

/// Collapses whitespace (including no-break spaces) so page and expectation compare.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn seed_metadata_matches_expected() {
    let Some((dir, list)) = seeds() else { return };
    for e in list {
        let id = e["id"].as_str().expect("id");
        let text = std::fs::read_to_string(dir.join(format!("{id}.txt"))).expect("seed text");
        let doc = clean_text(id, &text);
        check_invariants(&doc);
        assert_eq!(
            doc.doc_date.map(|d| d.to_string()).as_deref(),
            e["date"].as_str(),
            "{id}: doc_date"
        );
        assert_eq!(
            doc.dateline.as_deref(),
            e["dateline"].as_str(),
            "{id}: dateline"
        );
        assert_eq!(doc.outlet.as_deref(), e["outlet"].as_str(), "{id}: outlet");
        assert_eq!(doc.title.as_deref(), e["title"].as_str(), "{id}: title");
    }
}

#[test]
fn seed_furniture_is_gone_and_body_sentences_stay() {
    let Some((dir, list)) = seeds() else { return };
    for e in list {
        let id = e["id"].as_str().expect("id");
        let text = std::fs::read_to_string(dir.join(format!("{id}.txt"))).expect("seed text");
        let doc = clean_text(id, &text);
        let body = squash(&doc.text);
        for trap in e["trap_lines"].as_array().expect("trap_lines") {
            let trap = squash(trap.as_str().expect("trap line"));
            assert!(
                !body.contains(&trap),
                "{id}: furniture left in the body: {trap:?}\n---\n{}",
                doc.text
            );
        }
        if let Some(title) = e["title"].as_str() {
            assert!(
                !body.contains(&squash(title)),
                "{id}: title left in the body"
            );
        }
        // Every sentence of the page that is not furniture must survive: each
        // paragraph of the raw page either was removed as furniture or is in the body.
        let removed: Vec<String> = doc
            .removed
            .iter()
            .map(|r| squash(r.span.slice(&doc.raw)))
            .collect();
        for para in text.split('\n').map(squash).filter(|p| !p.is_empty()) {
            let in_body = body.contains(&para);
            let was_furniture = removed.iter().any(|r| r == &para);
            let dateline_cut = removed
                .iter()
                .any(|r| para.starts_with(r.as_str()) && body.contains(para[r.len()..].trim()));
            assert!(
                in_body || was_furniture || dateline_cut,
                "{id}: line lost: {para:?}\n---\n{}",
                doc.text
            );
        }
        // Nothing but trap lines, the title, timestamps and labels is removed: every
        // removed line is short or a known trap.
        for r in &removed {
            assert!(
                r.split_whitespace().count() <= 30,
                "{id}: a long line was removed: {r:?}"
            );
        }
        let sentences: Vec<&str> = doc.sentences.iter().map(|s| s.text.as_str()).collect();
        assert!(
            sentences.iter().all(|s| !s.contains("READ MORE")),
            "{id}: {sentences:#?}"
        );
    }
}

#[test]
fn seed_first_sentences_are_clean() {
    let Some((dir, list)) = seeds() else { return };
    for e in list {
        let id = e["id"].as_str().expect("id");
        let text = std::fs::read_to_string(dir.join(format!("{id}.txt"))).expect("seed text");
        let doc = clean_text(id, &text);
        let first = &doc.sentences[0].text;
        let city = e["dateline"].as_str().expect("dateline");
        assert!(
            !first.contains(city),
            "{id}: dateline left in the first sentence: {first}"
        );
        assert!(
            first.chars().next().is_some_and(char::is_uppercase),
            "{id}: {first}"
        );
        assert!(first.ends_with('.'), "{id}: {first}");
    }
}

#[test]
fn seed_thursday_statements_get_their_event_date() {
    let Some((dir, list)) = seeds() else { return };
    for e in list {
        let id = e["id"].as_str().expect("id");
        let want = e["event_date_for_on_thursday"]
            .as_str()
            .expect("event date");
        let text = std::fs::read_to_string(dir.join(format!("{id}.txt"))).expect("seed text");
        let doc = clean_text(id, &text);
        let doc_date = doc.doc_date.expect("doc date");
        let sentence = doc
            .sentences
            .iter()
            .find(|s| s.text.contains("on Thursday"))
            .expect("a sentence saying 'on Thursday'");
        let (date, span) =
            parley_text::dates::resolve_event_date(&sentence.text, doc_date).expect("a date");
        assert_eq!(date.to_string(), want, "{id}");
        assert_eq!(span.slice(&sentence.text), "Thursday");
    }
}
