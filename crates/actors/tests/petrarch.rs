//! PETRARCH dictionaries: the ACTOR and AGENT unit-test records' actors are found
//! with the dictionary's codes.

use std::collections::HashMap;

use parley_actors::{document_from_text, ActorDictionary};

use crate::fixtures::{compare, load, shared_dir};

struct Record {
    id: String,
    date: String,
    category: String,
    text: String,
    gold_codes: Vec<String>,
}

fn attr(tag: &str, name: &str) -> String {
    let key = format!("{name}=");
    let Some(p) = tag.find(&key) else {
        return String::new();
    };
    let rest = &tag[p + key.len()..];
    let quote = rest.chars().next().unwrap_or('"');
    rest[1..].split(quote).next().unwrap_or("").to_string()
}

fn records(xml: &str) -> Vec<Record> {
    let mut out = Vec::new();
    for chunk in xml.split("<Sentence ").skip(1) {
        let Some(tag_end) = chunk.find('>') else {
            continue;
        };
        let tag = &chunk[..tag_end];
        let body = chunk.split("</Sentence>").next().unwrap_or("");
        let text = body
            .split("<Text>")
            .nth(1)
            .and_then(|t| t.split("</Text>").next())
            .unwrap_or("");
        let mut gold_codes = Vec::new();
        for ev in body.split("<EventCoding").skip(1) {
            let ev_tag = ev.split('>').next().unwrap_or("");
            for which in ["sourcecode", "targetcode"] {
                let c = attr(ev_tag, which);
                if !c.is_empty() {
                    gold_codes.push(c);
                }
            }
        }
        out.push(Record {
            id: attr(tag, "id"),
            date: attr(tag, "date"),
            category: attr(tag, "category"),
            text: text.split_whitespace().collect::<Vec<_>>().join(" "),
            gold_codes,
        });
    }
    out
}

#[test]
fn actor_and_agent_records_are_recognised_with_dictionary_codes() {
    let fixture = load("petrarch.json");
    let Some(shared) = shared_dir() else { return };
    let dir = shared.join("eval/petrarch-unit");
    let dict = ActorDictionary::with_petrarch_dir(&dir).unwrap_or_else(|e| panic!("{e}"));
    let xml = std::fs::read_to_string(dir.join("PETR.UnitTest.records.xml"))
        .unwrap_or_else(|e| panic!("{e}"));
    let by_id: HashMap<String, Record> = records(&xml)
        .into_iter()
        .filter(|r| r.category == "ACTOR" || r.category == "AGENT")
        .map(|r| (r.id.clone(), r))
        .collect();
    assert_eq!(
        by_id.len(),
        fixture.cases.len(),
        "every ACTOR and AGENT record has a fixture case"
    );
    let mut failures = Vec::new();
    for case in &fixture.cases {
        let r = by_id
            .get(&case.name)
            .unwrap_or_else(|| panic!("no record {}", case.name));
        let date = chrono::NaiveDate::parse_from_str(&r.date, "%Y%m%d").ok();
        let doc = document_from_text(&r.id, &r.text, date);
        let mentions: Vec<_> = dict.recognize(&doc).into_iter().flatten().collect();
        failures.extend(compare(&case.name, &mentions, &case.expected));
        // The gold event codes name the same actors, except quoted noun phrases
        // (actors the dictionary lacks), placeholders and the records whose gold
        // contradicts the dictionary (noted in the fixture).
        if case.note.starts_with("gold says") {
            continue;
        }
        for code in &r.gold_codes {
            if code.starts_with('"') || code.starts_with("XYZ") || code == "---" {
                continue;
            }
            if !mentions.iter().any(|m| &m.actor.code == code) {
                failures.push(format!(
                    "{}: gold code {code} not among the mentions",
                    case.name
                ));
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn date_restrictions_pick_the_code_of_the_article_date() {
    let Some(shared) = shared_dir() else { return };
    let dict = ActorDictionary::with_petrarch_dir(&shared.join("eval/petrarch-unit"))
        .unwrap_or_else(|e| panic!("{e}"));
    let code_on = |date: &str| {
        let doc = document_from_text("d", "Sam Gamgee arrived.", date.parse().ok());
        dict.recognize(&doc)
            .into_iter()
            .flatten()
            .next()
            .map(|m| m.actor.code)
            .unwrap_or_default()
    };
    assert_eq!(code_on("2007-01-01"), "HOBCIV");
    assert_eq!(code_on("2010-01-10"), "ORCHOB");
    assert_eq!(code_on("2011-06-01"), "HOBMIL");
    assert_eq!(code_on("2012-12-01"), "HOBGOV");
    assert_eq!(code_on("2014-01-01"), "HOBELI");
}

#[test]
fn malformed_dictionary_errors_name_file_and_line() {
    let dir = std::env::temp_dir().join(format!("parley-actors-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(
        dir.join("bad.actors.txt"),
        "FRANCE [FRA]\n\nGONDOR [GON 1990x]\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let err = ActorDictionary::with_petrarch_dir(&dir)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    let _ = std::fs::remove_dir_all(&dir);
    assert!(err.contains("bad.actors.txt:3:"), "{err}");
}
