//! Sentence segmentation fixtures.

use parley_text::sentence_spans;
use serde::Deserialize;

use crate::support::{assert_unique, fixture};

#[derive(Deserialize)]
struct Cases {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    text: String,
    expected: Vec<String>,
    #[allow(dead_code)]
    note: String,
}

fn cases() -> Vec<Case> {
    let c: Cases = toml::from_str(&fixture("sentences.toml")).expect("sentences.toml parses");
    c.case
}

#[test]
fn sentence_case_names_are_unique() {
    let c = cases();
    assert_unique(c.iter().map(|c| c.name.as_str()));
}

#[test]
fn sentences_split_as_expected() {
    let mut failures = Vec::new();
    for c in cases() {
        let got: Vec<&str> = sentence_spans(&c.text)
            .into_iter()
            .map(|s| s.slice(&c.text))
            .collect();
        if got != c.expected {
            failures.push(format!(
                "{}:\n  want {:#?}\n  got  {got:#?}",
                c.name, c.expected
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
