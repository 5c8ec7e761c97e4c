//! Data-driven channel cases (`tests/data/channels.json`).

use std::collections::HashSet;

use parley_relations::{ChannelReader, ChannelStatement};
use parley_types::{Actor, Document, Sentence, Span};
use serde::Deserialize;

#[derive(Deserialize)]
pub struct ActorSpec {
    pub text: String,
    pub code: String,
    #[serde(default)]
    pub name: Option<String>,
}

#[derive(Deserialize)]
struct Expected {
    kind: String,
    state: String,
    dyad: [String; 2],
    #[serde(default)]
    modality: Option<String>,
    #[serde(default)]
    speaker: Option<String>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    sentences: Vec<String>,
    actors: Vec<ActorSpec>,
    expected: Vec<Expected>,
    exact: bool,
    #[allow(dead_code)]
    note: String,
}

/// A document of `sentences` (joined by spaces) with every occurrence of each actor's
/// text as a mention.
pub fn document(
    id: &str,
    sentences: &[String],
    actors: &[ActorSpec],
    date: Option<&str>,
) -> (Document, Vec<Vec<Actor>>) {
    let mut text = String::new();
    let mut sents = Vec::new();
    let mut mentions = Vec::new();
    for (i, s) in sentences.iter().enumerate() {
        if !text.is_empty() {
            text.push(' ');
        }
        let start = text.len();
        text.push_str(s);
        sents.push(Sentence {
            index: i,
            span: Span::new(start, text.len()),
            text: s.clone(),
            tokens: vec![],
        });
        let mut ms = Vec::new();
        for a in actors {
            for (at, _) in s.match_indices(a.text.as_str()) {
                let mut actor = Actor::new(
                    &a.code,
                    &a.text,
                    Span::new(start + at, start + at + a.text.len()),
                );
                actor.name = a.name.clone();
                ms.push(actor);
            }
        }
        ms.sort_by_key(|m| m.span.start);
        mentions.push(ms);
    }
    let doc = Document {
        id: id.into(),
        doc_date: date.and_then(|d| d.parse().ok()),
        text,
        sentences: sents,
        ..Document::default()
    };
    (doc, mentions)
}

fn describe(s: &ChannelStatement) -> String {
    format!(
        "{}/{}/{}-{}/{:?}/{:?}",
        s.kind.name(),
        s.state.name(),
        s.dyad.0,
        s.dyad.1,
        s.modality,
        s.speaker.as_ref().map(parley_relations::speaker_name)
    )
}

#[test]
fn channel_cases() {
    let cases: Vec<Case> =
        serde_json::from_str(include_str!("data/channels.json")).expect("fixture parses");
    let names: HashSet<&str> = cases.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names.len(), cases.len(), "case names must be unique");
    let reader = ChannelReader::builtin().expect("lexicon");
    let mut failures = Vec::new();
    for c in &cases {
        let (doc, mentions) = document(&c.name, &c.sentences, &c.actors, Some("2024-03-01"));
        let found = reader.read(&doc, &mentions, &[]);
        let got: Vec<String> = found.iter().map(describe).collect();
        for e in &c.expected {
            let ok = found.iter().any(|s| {
                s.kind.name() == e.kind
                    && s.state.name() == e.state
                    && s.dyad.0 == e.dyad[0]
                    && s.dyad.1 == e.dyad[1]
                    && e.modality
                        .as_deref()
                        .map_or(s.modality == parley_relations::Modality::Asserted, |m| {
                            format!("{:?}", s.modality).to_lowercase() == m
                        })
                    && e.speaker.as_deref().is_none_or(|sp| {
                        s.speaker.as_ref().map(parley_relations::speaker_name) == Some(sp)
                    })
            });
            if !ok {
                failures.push(format!(
                    "{}: missing {}/{}/{:?} in {got:?}",
                    c.name, e.kind, e.state, e.dyad
                ));
            }
        }
        if c.exact && found.len() != c.expected.len() {
            failures.push(format!(
                "{}: expected {} statements, got {got:?}",
                c.name,
                c.expected.len()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
