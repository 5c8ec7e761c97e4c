//! PLOVER gold standard records.
//!
//! Each record is one article holding one gold event type with source and target
//! actors. Counting follows the design contract:
//! - a gold event is (source key, target key, type), one per member of a compound
//!   actor; a gold event without a target matches any target;
//! - triple precision/recall/F1 match each predicted event to at most one gold event;
//! - source accuracy: share of records where some predicted event's source key is a
//!   gold source key; target likewise over records with a gold target; sector accuracy
//!   over records whose gold actors give a sector.

use std::collections::BTreeMap;
use std::path::Path;

use parley_types::Event;
use serde::Deserialize;
use serde_json::Value;

use crate::{current_plover, ratio, Counts, EvalError};

/// One PLOVER gold record.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldRecord {
    /// Record id (also the document id).
    pub id: String,
    /// Gold event type (older names allowed).
    pub event: String,
    /// The article text.
    #[serde(default)]
    pub text: String,
    /// Publication date, `YYYY-MM-DD`.
    #[serde(default)]
    pub date: Option<String>,
    /// Source actors (a list of `{code, sector?, actorText?}`).
    #[serde(default)]
    pub source: Value,
    /// Target actors (a list, or null/empty when there is none).
    #[serde(default)]
    pub target: Value,
}

/// A gold actor: its key (country or first three letters of the code) and sector.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldActor {
    /// Country or code prefix.
    pub key: String,
    /// Three-letter sector, when the gold gives one.
    pub sector: Option<String>,
}

impl GoldRecord {
    /// True for real records (the file's leading note is not one).
    pub fn is_event(&self) -> bool {
        self.event != "DOCUMENT" && !self.text.trim().is_empty()
    }

    /// The gold event type mapped to current PLOVER.
    pub fn plover(&self) -> &str {
        current_plover(&self.event)
    }

    /// Source actors.
    pub fn sources(&self) -> Vec<GoldActor> {
        gold_actors(&self.source)
    }

    /// Target actors (empty when the record has none).
    pub fn targets(&self) -> Vec<GoldActor> {
        gold_actors(&self.target)
    }
}

fn gold_actors(v: &Value) -> Vec<GoldActor> {
    let Some(list) = v.as_array() else {
        return Vec::new();
    };
    list.iter()
        .filter_map(|a| {
            let code = a.get("code")?.as_str()?.trim();
            let key: String = code.chars().take(3).collect();
            if key.len() < 3 {
                return None;
            }
            let sector = a
                .get("sector")
                .and_then(Value::as_str)
                .map(|s| s.chars().take(3).collect::<String>())
                .filter(|s| s.len() == 3 && s.chars().all(|c| c.is_ascii_uppercase()));
            Some(GoldActor {
                key: key.to_ascii_uppercase(),
                sector,
            })
        })
        .collect()
}

/// Reads a PLOVER gold file (a JSON array of records), keeping event records only.
///
/// # Errors
/// When the file cannot be read or is not a JSON array of records.
pub fn read_gold(path: &Path) -> Result<Vec<GoldRecord>, EvalError> {
    let all: Vec<GoldRecord> = crate::read_json(path)?;
    Ok(all.into_iter().filter(GoldRecord::is_event).collect())
}

/// Figures for one PLOVER gold file.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct PloverReport {
    /// Records scored.
    pub records: usize,
    /// Records the coder failed on.
    pub failed: usize,
    /// Triple matching counts.
    pub triples: Counts,
    /// Predicted events left out of triple scoring because they have no PLOVER type
    /// (CAMEO 01, 02).
    pub untyped_predictions: usize,
    /// Records whose gold type was predicted by some event.
    pub type_hits: usize,
    /// Records with a source hit / all records.
    pub source_hits: usize,
    /// Records with a gold target.
    pub target_records: usize,
    /// Records with a target hit.
    pub target_hits: usize,
    /// Records with a gold sector.
    pub sector_records: usize,
    /// Records with a sector hit.
    pub sector_hits: usize,
    /// Per gold type: (records, type hits, triple true positives, gold triples).
    pub per_type: BTreeMap<String, (usize, usize, usize, usize)>,
}

impl PloverReport {
    /// Share of records whose gold type some predicted event has.
    pub fn type_recall(&self) -> f64 {
        ratio(self.type_hits, self.records)
    }
    /// Source-actor accuracy.
    pub fn source_accuracy(&self) -> f64 {
        ratio(self.source_hits, self.records)
    }
    /// Target-actor accuracy.
    pub fn target_accuracy(&self) -> f64 {
        ratio(self.target_hits, self.target_records)
    }
    /// Sector accuracy.
    pub fn sector_accuracy(&self) -> f64 {
        ratio(self.sector_hits, self.sector_records)
    }
}

/// One gold triple.
struct GoldTriple<'a> {
    source: &'a str,
    target: Option<&'a str>,
    kind: &'a str,
}

/// Scores the coder over the gold records. `code` returns the events for one record
/// (its text is the whole article); an `Err` counts the record as failed with no events.
pub fn score<F>(gold: &[GoldRecord], mut code: F) -> PloverReport
where
    F: FnMut(&GoldRecord) -> Result<Vec<Event>, String>,
{
    let mut report = PloverReport::default();
    for record in gold.iter().filter(|r| r.is_event()) {
        report.records += 1;
        let events = match code(record) {
            Ok(events) => events,
            Err(_) => {
                report.failed += 1;
                Vec::new()
            }
        };
        score_record(record, &events, &mut report);
    }
    report
}

fn score_record(record: &GoldRecord, events: &[Event], report: &mut PloverReport) {
    let kind = record.plover();
    let sources = record.sources();
    let targets = record.targets();
    let mut gold: Vec<GoldTriple> = Vec::new();
    for s in &sources {
        if targets.is_empty() {
            gold.push(GoldTriple {
                source: &s.key,
                target: None,
                kind,
            });
        }
        for t in &targets {
            gold.push(GoldTriple {
                source: &s.key,
                target: Some(&t.key),
                kind,
            });
        }
    }

    // Triples: each typed prediction matches at most one unmatched gold triple.
    let mut used = vec![false; gold.len()];
    let mut tp = 0;
    let mut predicted = 0;
    for e in events {
        let Some(p) = e.plover.as_deref() else {
            report.untyped_predictions += 1;
            continue;
        };
        predicted += 1;
        let src = e.source.key();
        let tgt = e.target.as_ref().map(|t| t.key());
        let hit = gold.iter().enumerate().position(|(i, g)| {
            !used[i]
                && g.kind == p
                && g.source == src
                && match g.target {
                    None => true,
                    Some(gt) => tgt == Some(gt),
                }
        });
        if let Some(i) = hit {
            used[i] = true;
            tp += 1;
        }
    }
    report.triples.true_positives += tp;
    report.triples.predicted += predicted;
    report.triples.gold += gold.len();

    let type_hit = events.iter().any(|e| e.plover.as_deref() == Some(kind));
    report.type_hits += usize::from(type_hit);
    let entry = report.per_type.entry(kind.to_string()).or_default();
    entry.0 += 1;
    entry.1 += usize::from(type_hit);
    entry.2 += tp;
    entry.3 += gold.len();

    if events
        .iter()
        .any(|e| sources.iter().any(|s| s.key == e.source.key()))
    {
        report.source_hits += 1;
    }
    if !targets.is_empty() {
        report.target_records += 1;
        let hit = events
            .iter()
            .filter_map(|e| e.target.as_ref())
            .any(|t| targets.iter().any(|g| g.key == t.key()));
        report.target_hits += usize::from(hit);
    }
    let with_sector: Vec<&GoldActor> = sources
        .iter()
        .chain(targets.iter())
        .filter(|a| a.sector.is_some())
        .collect();
    if !with_sector.is_empty() {
        report.sector_records += 1;
        let hit = events
            .iter()
            .flat_map(|e| std::iter::once(&e.source).chain(e.target.as_ref()))
            .any(|a| {
                with_sector.iter().any(|g| {
                    g.key == a.key()
                        && g.sector.as_deref()
                            == a.sector.as_deref().map(|s| s.get(..3).unwrap_or(s))
                })
            });
        report.sector_hits += usize::from(hit);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use parley_types::{Actor, Span};

    fn event(src: &str, tgt: Option<&str>, plover: &str) -> Event {
        Event {
            source: Actor::new(src, "s", Span::default()),
            target: tgt.map(|t| Actor::new(t, "t", Span::default())),
            plover: Some(plover.to_string()),
            ..Event::default()
        }
    }

    fn record(json: &str) -> GoldRecord {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn compound_sources_make_one_gold_triple_each() {
        let r = record(
            r#"{"id":"a","event":"AGREE","text":"x","source":[{"code":"HUN","sector":"GOV"},{"code":"ROU"}],"target":null}"#,
        );
        let rep = score(&[r], |_| Ok(vec![event("HUNGOV", Some("ROU"), "AGREE")]));
        assert_eq!(
            rep.triples,
            Counts {
                true_positives: 1,
                predicted: 1,
                gold: 2
            }
        );
        assert_eq!(rep.type_hits, 1);
        assert_eq!(rep.source_hits, 1);
        assert_eq!(rep.sector_hits, 1);
        assert_eq!(rep.target_records, 0);
    }

    #[test]
    fn old_type_names_and_wrong_target() {
        let r = record(
            r#"{"id":"a","event":"DEMAND","text":"x","source":[{"code":"USA"}],"target":[{"code":"IRQ"}]}"#,
        );
        let rep = score(&[r], |_| Ok(vec![event("USA", Some("IRN"), "REQUEST")]));
        assert_eq!(rep.triples.true_positives, 0);
        assert_eq!(rep.type_hits, 1);
        assert_eq!(rep.target_hits, 0);
        assert_eq!(rep.target_records, 1);
    }

    #[test]
    fn a_prediction_matches_at_most_one_gold_triple() {
        let r = record(
            r#"{"id":"a","event":"ACCUSE","text":"x","source":[{"code":"USA"},{"code":"USA"}],"target":[]}"#,
        );
        let rep = score(&[r], |_| Ok(vec![event("USA", None, "ACCUSE")]));
        assert_eq!(
            rep.triples,
            Counts {
                true_positives: 1,
                predicted: 1,
                gold: 2
            }
        );
    }

    #[test]
    fn igo_keys_are_code_prefixes() {
        let r = record(
            r#"{"id":"a","event":"AGREE","text":"x","source":[{"code":"IGO","sector":"GOV"}],"target":"diplomatic"}"#,
        );
        let rep = score(&[r], |_| Ok(vec![event("IGOUNO", None, "AGREE")]));
        assert_eq!(rep.triples.true_positives, 1);
        assert_eq!(rep.source_hits, 1);
    }
}
