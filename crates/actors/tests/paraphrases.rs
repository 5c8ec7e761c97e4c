//! Team-written stories in the style of the seeds, with other officials and states.

use parley_actors::{document_from_text, ActorDictionary};

use crate::fixtures::{compare, load};

#[test]
fn paraphrase_mentions_have_expected_codes() {
    let fixture = load("paraphrases.json");
    let dict = ActorDictionary::builtin();
    let mut failures = Vec::new();
    for case in &fixture.cases {
        let text = case.text.as_deref().unwrap_or_default();
        let date = case.date.as_deref().and_then(|d| d.parse().ok());
        let doc = document_from_text(&case.name, text, date);
        let mentions: Vec<_> = dict.recognize(&doc).into_iter().flatten().collect();
        failures.extend(compare(&case.name, &mentions, &case.expected));
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}
