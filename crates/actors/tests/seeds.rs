//! Every actor mention of the two seed stories, with its expected code.

use parley_actors::{document_from_text, ActorDictionary, MentionKind};

use crate::fixtures::{compare, load, shared_dir};

#[test]
fn seed_story_mentions_have_expected_codes() {
    let fixture = load("seeds.json");
    let Some(shared) = shared_dir() else { return };
    let dict = ActorDictionary::builtin();
    let mut failures = Vec::new();
    for case in &fixture.cases {
        let file = case.file.as_deref().unwrap_or_default();
        let text =
            std::fs::read_to_string(shared.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        let date = case.date.as_deref().and_then(|d| d.parse().ok());
        let doc = document_from_text(&case.name, &text, date);
        let mentions: Vec<_> = dict.recognize(&doc).into_iter().flatten().collect();
        for m in &mentions {
            assert_eq!(
                &doc.text[m.actor.span.start..m.actor.span.end],
                m.actor.text,
                "{}: span",
                case.name
            );
        }
        failures.extend(compare(&case.name, &mentions, &case.expected));
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn seed_references_point_at_their_antecedents() {
    let Some(shared) = shared_dir() else { return };
    let text =
        std::fs::read_to_string(shared.join("seeds/000_115f37f6335b967a.txt")).unwrap_or_default();
    let doc = document_from_text("seed", &text, "2023-05-05".parse().ok());
    let mentions = ActorDictionary::builtin().recognize(&doc);
    let find = |t: &str| {
        mentions
            .iter()
            .flatten()
            .find(|m| m.actor.text == t)
            .unwrap_or_else(|| panic!("no mention {t:?}"))
    };
    let madame = find("Madame Minister");
    let (s, i) = madame
        .antecedent
        .unwrap_or_else(|| panic!("Madame Minister is unresolved"));
    assert_eq!(
        mentions[s][i].actor.name.as_deref(),
        Some("Catherine Colonna")
    );
    assert_eq!(madame.actor.name.as_deref(), Some("Catherine Colonna"));
    let she = find("She");
    assert_eq!(she.kind, MentionKind::Pronoun);
    assert_eq!(she.actor.name.as_deref(), Some("Maria Zakharova"));
    let zakharova = find("Russian Foreign Ministry spokeswoman Maria Zakharova");
    assert_eq!(zakharova.actor.country.as_deref(), Some("RUS"));
    assert_eq!(zakharova.actor.sector.as_deref(), Some("GOV"));
}

#[test]
fn seed_mentions_hold_with_parsed_tokens() {
    // With the nlp stage's tokens the same actors come out; only the handling of a
    // non-referring "it" may differ (the parser's `expl` decides there).
    let fixture = load("seeds.json");
    let Some(shared) = shared_dir() else { return };
    let dict = ActorDictionary::builtin();
    let model = parley_nlp::Model::embedded();
    let mut failures = Vec::new();
    for case in &fixture.cases {
        let file = case.file.as_deref().unwrap_or_default();
        let text =
            std::fs::read_to_string(shared.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        let mut doc = document_from_text(
            &case.name,
            &text,
            case.date.as_deref().and_then(|d| d.parse().ok()),
        );
        for s in &mut doc.sentences {
            model.annotate(s);
        }
        let mentions: Vec<_> = dict
            .recognize(&doc)
            .into_iter()
            .flatten()
            .filter(|m| !m.actor.text.eq_ignore_ascii_case("it"))
            .collect();
        let expected: Vec<_> = case
            .expected
            .iter()
            .filter(|e| !e.text.eq_ignore_ascii_case("it"))
            .cloned()
            .collect();
        failures.extend(compare(&case.name, &mentions, &expected));
        assert!(
            mentions.iter().any(|m| m.head.is_some()),
            "{}: no head tokens",
            case.name
        );
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}
