//! Fixture sentences (`tests/data/*.json`): each case lists the events it must yield.

use std::collections::HashSet;

use parley_types::Event;
use serde::Deserialize;

#[derive(Deserialize)]
struct File {
    cases: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    text: String,
    #[serde(default)]
    expected: Vec<Want>,
    #[serde(default)]
    absent: Vec<Want>,
    #[serde(default)]
    none: bool,
    /// Why a case is known to fail today; it is run and reported, not asserted.
    #[serde(default)]
    pending: Option<String>,
    #[allow(dead_code)]
    note: String,
}

#[derive(Deserialize, Debug)]
struct Want {
    source: String,
    #[serde(default = "any")]
    target: String,
    plover: Vec<String>,
    cameo: Option<String>,
    negated: Option<bool>,
    future: Option<bool>,
    historical: Option<bool>,
    speaker: Option<String>,
}

fn any() -> String {
    "*".into()
}

fn load(name: &str) -> Vec<Case> {
    let path = format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let file: File = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
    file.cases
}

/// The embedded parser model, or the one `PARLEY_NLP_MODEL` names (for trying a
/// freshly trained model before it is embedded).
fn model() -> &'static parley_nlp::Model {
    static MODEL: std::sync::OnceLock<Option<parley_nlp::Model>> = std::sync::OnceLock::new();
    MODEL
        .get_or_init(|| {
            let path = std::env::var("PARLEY_NLP_MODEL").ok()?;
            parley_nlp::Model::from_bytes(&std::fs::read(path).ok()?).ok()
        })
        .as_ref()
        .unwrap_or_else(|| parley_nlp::Model::embedded())
}

/// Codes `text` with the built-in model, actors and patterns.
pub fn code(text: &str) -> Vec<Event> {
    let mut doc = parley_actors::document_from_text(
        "fixture",
        text,
        chrono::NaiveDate::from_ymd_opt(2023, 5, 5),
    );
    let model = model();
    for s in &mut doc.sentences {
        model.annotate(s);
    }
    let mentions = parley_actors::ActorDictionary::builtin().recognize(&doc);
    parley_events::Coder::builtin().code_document(&doc, &mentions)
}

fn fits(w: &Want, e: &Event) -> bool {
    e.source.key() == w.source
        && (w.target == "*" || e.target.as_ref().is_some_and(|t| t.key() == w.target))
        && e.plover.as_ref().is_some_and(|p| w.plover.contains(p))
        && w.cameo
            .as_ref()
            .is_none_or(|c| e.cameo.starts_with(c.as_str()))
        && w.negated.is_none_or(|n| e.flags.negated == n)
        && w.future.is_none_or(|f| e.flags.future == f)
        && w.historical.is_none_or(|h| e.flags.historical == h)
        && w.speaker.as_ref().is_none_or(|s| {
            e.attribution
                .as_ref()
                .and_then(|a| a.speaker.as_ref())
                .is_some_and(|sp| sp.key() == s)
        })
}

fn show(events: &[Event]) -> String {
    events
        .iter()
        .map(|e| {
            format!(
                "{} {}->{} {} ({})",
                e.cameo,
                e.source.code,
                e.target.as_ref().map_or("-", |t| t.code.as_str()),
                e.plover.as_deref().unwrap_or("-"),
                e.evidence.rule
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// Runs every case and returns the failures.
fn failures(cases: &[Case]) -> Vec<String> {
    let mut out = Vec::new();
    for c in cases {
        let events = code(&c.text);
        if let Some(why) = &c.pending {
            eprintln!("pending fixture {} ({why}): {}", c.name, show(&events));
            continue;
        }
        for w in &c.expected {
            if !events.iter().any(|e| fits(w, e)) {
                out.push(format!(
                    "{}: missing {w:?}\n   text: {}\n   got: {}",
                    c.name,
                    c.text,
                    show(&events)
                ));
            }
        }
        for w in &c.absent {
            if events.iter().any(|e| fits(w, e)) {
                out.push(format!(
                    "{}: unwanted {w:?}\n   got: {}",
                    c.name,
                    show(&events)
                ));
            }
        }
        if c.none && !events.is_empty() {
            out.push(format!(
                "{}: expected no event\n   text: {}\n   got: {}",
                c.name,
                c.text,
                show(&events)
            ));
        }
    }
    out
}

/// Every seed event keeps at least five rewordings that are asserted.
#[test]
fn five_asserted_rewordings_per_seed_event() {
    let cases = load("paraphrases.json");
    let mut by_group: std::collections::BTreeMap<&str, usize> = Default::default();
    for c in &cases {
        let group = c.name.rsplit_once('-').map_or(c.name.as_str(), |(g, _)| g);
        *by_group.entry(group).or_default() += usize::from(c.pending.is_none());
    }
    for (group, n) in by_group {
        assert!(n >= 5, "{group}: only {n} asserted rewordings");
    }
}

fn names_unique(cases: &[Case]) {
    let mut seen = HashSet::new();
    for c in cases {
        assert!(
            seen.insert(c.name.as_str()),
            "duplicate fixture name {}",
            c.name
        );
        assert!(
            c.none || !c.expected.is_empty(),
            "{}: a case must expect something",
            c.name
        );
    }
}

#[test]
fn fixture_names_are_unique() {
    names_unique(&load("features.json"));
    names_unique(&load("paraphrases.json"));
    names_unique(&load("clauses.json"));
}

#[test]
fn clause_structure() {
    let f = failures(&load("clauses.json"));
    assert!(
        f.is_empty(),
        "{} failing clause fixtures:\n{}",
        f.len(),
        f.join("\n")
    );
}

#[test]
fn engine_features() {
    let f = failures(&load("features.json"));
    assert!(
        f.is_empty(),
        "{} failing feature fixtures:\n{}",
        f.len(),
        f.join("\n")
    );
}

#[test]
fn seed_paraphrases() {
    let f = failures(&load("paraphrases.json"));
    assert!(
        f.is_empty(),
        "{} failing paraphrase fixtures:\n{}",
        f.len(),
        f.join("\n")
    );
}

#[test]
fn output_is_deterministic() {
    let text = "Germany and Italy condemned Belarus. Russia said Sudan must return the helicopter.";
    let a = serde_json::to_string(&code(text)).unwrap_or_default();
    let b = serde_json::to_string(&code(text)).unwrap_or_default();
    assert!(!a.is_empty() && a != "[]");
    assert_eq!(a, b);
}
