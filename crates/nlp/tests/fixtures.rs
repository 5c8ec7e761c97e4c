//! The hand-written sentences in `tests/data/sentences.toml`.

use std::collections::HashSet;

use parley_nlp::Model;
use parley_types::{Sentence, Span};

#[derive(Debug)]
struct Expect {
    word: String,
    fields: Vec<(String, String)>,
}

#[derive(Debug)]
struct Case {
    name: String,
    text: String,
    tokens: Vec<String>,
    expect: Vec<Expect>,
}

/// A tiny reader for the subset of TOML the fixture files use.
fn cases() -> Vec<Case> {
    parse_cases(include_str!("data/sentences.toml"))
}

fn known_gaps() -> Vec<Case> {
    parse_cases(include_str!("data/known_gaps.toml"))
}

fn parse_cases(src: &str) -> Vec<Case> {
    let mut out: Vec<Case> = Vec::new();
    for line in src.lines() {
        let line = line.trim();
        if line == "[[case]]" {
            out.push(Case {
                name: String::new(),
                text: String::new(),
                tokens: Vec::new(),
                expect: Vec::new(),
            });
            continue;
        }
        let Some(case) = out.last_mut() else { continue };
        if let Some(v) = line.strip_prefix("name = ") {
            case.name = unquote(v);
        } else if let Some(v) = line.strip_prefix("text = ") {
            case.text = unquote(v);
        } else if let Some(v) = line.strip_prefix("tokens = ") {
            case.tokens = v
                .trim_matches(|c| c == '[' || c == ']')
                .split(", ")
                .map(unquote)
                .collect();
        } else if line.starts_with("{ word") {
            let body = line
                .trim_end_matches(',')
                .trim_matches(|c| c == '{' || c == '}');
            let mut e = Expect {
                word: String::new(),
                fields: Vec::new(),
            };
            for kv in body.split(", ") {
                let (k, v) = kv.split_once(" = ").expect("key = value");
                if k.trim() == "word" {
                    e.word = unquote(v);
                } else {
                    e.fields.push((k.trim().to_string(), unquote(v)));
                }
            }
            case.expect.push(e);
        }
    }
    out
}

fn unquote(s: &str) -> String {
    s.trim().trim_matches('"').to_string()
}

#[test]
fn case_names_are_unique_and_cases_complete() {
    let cs: Vec<Case> = cases().into_iter().chain(known_gaps()).collect();
    assert!(cs.len() >= 5);
    let names: HashSet<&str> = cs.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names.len(), cs.len());
    assert!(cs
        .iter()
        .all(|c| !c.text.is_empty() && !c.tokens.is_empty() && !c.expect.is_empty()));
}

#[test]
fn fixture_sentences_are_analysed_right() {
    let failures = check(&cases());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
#[ignore = "known gaps of the shipped model; see tests/data/known_gaps.toml"]
fn known_gaps_are_analysed_right() {
    let failures = check(&known_gaps());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn check(cases: &[Case]) -> Vec<String> {
    let model = Model::embedded();
    let mut failures = Vec::new();
    for case in cases {
        let mut s = Sentence {
            span: Span::new(7, 7 + case.text.len()),
            text: case.text.clone(),
            ..Default::default()
        };
        model.annotate(&mut s);
        let toks: Vec<&str> = s.tokens.iter().map(|t| t.text.as_str()).collect();
        if toks != case.tokens {
            failures.push(format!("{}: tokens {toks:?}", case.name));
            continue;
        }
        for e in &case.expect {
            let Some(t) = s.tokens.iter().find(|t| t.text == e.word) else {
                failures.push(format!("{}: no token {}", case.name, e.word));
                continue;
            };
            for (k, want) in &e.fields {
                let got = match k.as_str() {
                    "lemma" => t.lemma.clone(),
                    "upos" => t.upos.clone(),
                    "xpos" => t.xpos.clone(),
                    "deprel" => t.deprel.clone(),
                    "head" => t.head.map(|h| s.tokens[h].text.clone()).unwrap_or_default(),
                    other => panic!("unknown field {other}"),
                };
                if &got != want {
                    failures.push(format!(
                        "{}: {} {k}: expected {want:?}, got {got:?}",
                        case.name, e.word
                    ));
                }
            }
        }
    }
    failures
}
