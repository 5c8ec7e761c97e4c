//! A whole story written for these tests: India and Canada fall out. Channels, the
//! ledger, dates carried through a speaker's statement, and contradicting claims.

use parley_relations::{contradictions, ledger, ChannelKind, ChannelReader, ChannelState, Claim};
use parley_types::{Attribution, Event};

use crate::fixtures::{document, ActorSpec};

fn actor(text: &str, code: &str, name: Option<&str>) -> ActorSpec {
    ActorSpec {
        text: text.into(),
        code: code.into(),
        name: name.map(str::to_string),
    }
}

fn story() -> Vec<parley_relations::ChannelStatement> {
    let sentences: Vec<String> = [
        "Relations between India and Canada have sunk to their lowest point, with trade negotiations halted and the work of two joint working groups suspended, an Indian foreign ministry spokesman said on Tuesday.",
        "Canadian Foreign Minister Melanie Joly told reporters earlier that Ottawa wants to continue dialogue with New Delhi.",
        "\"The consulates of both countries remain operational, but regular consultations between our ministries have been cancelled,\" the spokesman said.",
        "He added that defence contacts had been cut to a minimum and cultural exchanges were practically frozen.",
        "\"Political dialogue with Ottawa has in fact been on hold for months,\" he said.",
    ]
    .map(str::to_string)
    .to_vec();
    let actors = [
        actor("India", "IND", None),
        actor("Canada", "CAN", None),
        actor(
            "Indian foreign ministry spokesman",
            "INDGOV",
            Some("Arindam Bagchi"),
        ),
        actor("spokesman", "INDGOV", Some("Arindam Bagchi")),
        actor(
            "Canadian Foreign Minister Melanie Joly",
            "CANGOV",
            Some("Melanie Joly"),
        ),
        actor("Ottawa", "CANGOV", None),
        actor("New Delhi", "INDGOV", None),
    ];
    let (doc, mentions) = document("india_canada", &sentences, &actors, Some("2023-10-04"));
    // The coder dated the spokesman's Tuesday statement and named him as speaker.
    let speaker = mentions[0]
        .iter()
        .find(|m| m.text.starts_with("Indian foreign"))
        .cloned();
    let event = Event {
        doc_id: doc.id.clone(),
        doc_date: doc.doc_date,
        date: "2023-10-03".parse().ok(),
        sentence_index: 0,
        source: mentions[0][0].clone(),
        target: Some(mentions[0][1].clone()),
        cameo: "161".into(),
        cameo_root: "16".into(),
        attribution: Some(Attribution {
            speaker,
            quoted: false,
        }),
        ..Event::default()
    };
    ChannelReader::builtin()
        .expect("lexicon")
        .read(&doc, &mentions, &[event])
}

#[test]
fn ledger_of_a_falling_out() {
    let statements = story();
    let l = ledger(&statements, None);
    let state = |k: ChannelKind| {
        l.iter()
            .find(|e| e.kind == k)
            .map(|e| (e.state, e.since.map(|d| d.to_string())))
    };
    let tuesday = Some("2023-10-03".to_string());
    assert_eq!(
        state(ChannelKind::Economic),
        Some((ChannelState::Suspended, tuesday.clone()))
    );
    assert_eq!(
        state(ChannelKind::Intergovernmental),
        Some((ChannelState::Suspended, tuesday.clone()))
    );
    assert_eq!(
        state(ChannelKind::Embassies),
        Some((ChannelState::Active, tuesday.clone()))
    );
    assert_eq!(
        state(ChannelKind::Consultations),
        Some((ChannelState::Ended, tuesday.clone()))
    );
    assert_eq!(
        state(ChannelKind::Military),
        Some((ChannelState::Reduced, tuesday.clone()))
    );
    assert_eq!(
        state(ChannelKind::Cultural),
        Some((ChannelState::Suspended, tuesday.clone()))
    );
    assert_eq!(
        state(ChannelKind::Political),
        Some((ChannelState::Suspended, tuesday))
    );
    assert!(
        statements
            .iter()
            .all(|s| s.dyad == ("CAN".to_string(), "IND".to_string())),
        "{statements:#?}"
    );
}

#[test]
fn the_two_ministers_contradict_each_other() {
    let statements = story();
    let claims: Vec<Claim> = statements
        .iter()
        .filter_map(Claim::from_statement)
        .collect();
    let c = contradictions(&claims, 30);
    assert_eq!(c.len(), 1, "{c:#?}");
    assert_eq!(c[0].kind, ChannelKind::Political);
    assert!(c[0].open.iter().all(|x| x.speaker_name() == "Melanie Joly"));
    assert!(c[0]
        .closed
        .iter()
        .all(|x| x.speaker_name() == "Arindam Bagchi"));
    assert!(!c[0].open.is_empty() && !c[0].closed.is_empty());
}
