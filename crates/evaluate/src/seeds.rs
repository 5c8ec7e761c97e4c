//! The seed stories and what a correct reading of them yields (`expected.json`).
//!
//! For each story: every `must` and `should` event (source country, target country or
//! `*`, allowed PLOVER types, directed or not), no event coded from a trap line (page
//! furniture), every body sentence kept in the cleaned text, the publication date, the
//! date of the "on Thursday" statement, the dateline and the outlet.

use std::path::Path;

use parley_types::{Document, Event};
use serde::Deserialize;

use crate::{ratio, EvalError};

/// One story's expectations.
#[derive(Debug, Clone, Deserialize)]
pub struct SeedStory {
    /// Document id (the file stem of the story).
    pub id: String,
    /// The raw page text.
    #[serde(default)]
    pub text: String,
    /// Publication date.
    #[serde(default)]
    pub date: Option<String>,
    /// Expected date of events reported "on Thursday".
    #[serde(default)]
    pub event_date_for_on_thursday: Option<String>,
    /// Expected dateline.
    #[serde(default)]
    pub dateline: Option<String>,
    /// Expected outlet.
    #[serde(default)]
    pub outlet: Option<String>,
    /// Expected title.
    #[serde(default)]
    pub title: Option<String>,
    /// Events required of any coder.
    #[serde(default)]
    pub must: Vec<ExpectedEvent>,
    /// Events a strong coder also finds.
    #[serde(default)]
    pub should: Vec<ExpectedEvent>,
    /// Page furniture lines that must yield no event.
    #[serde(default)]
    pub trap_lines: Vec<String>,
}

/// An expected event.
#[derive(Debug, Clone, Deserialize)]
pub struct ExpectedEvent {
    /// `[source, target]` keys; target `*` = any.
    pub pair: [String; 2],
    /// False when either direction counts.
    #[serde(default = "yes")]
    pub directed: bool,
    /// Allowed PLOVER types.
    pub plover: Vec<String>,
    /// What the event is.
    #[serde(default)]
    pub note: String,
}

fn yes() -> bool {
    true
}

impl ExpectedEvent {
    /// True when `e` satisfies this expectation.
    pub fn matches(&self, e: &Event) -> bool {
        let Some(p) = e.plover.as_deref() else {
            return false;
        };
        if !self.plover.iter().any(|x| x == p) {
            return false;
        }
        let src = e.source.key();
        let tgt = e.target.as_ref().map(|t| t.key());
        let fits = |a: &str, b: &str| src == a && (b == "*" || tgt == Some(b));
        fits(&self.pair[0], &self.pair[1]) || (!self.directed && fits(&self.pair[1], &self.pair[0]))
    }
}

/// Reads `expected.json`.
///
/// # Errors
/// When the file cannot be read or parsed.
pub fn read_expected(path: &Path) -> Result<Vec<SeedStory>, EvalError> {
    crate::read_json(path)
}

/// What one story scored.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct StoryReport {
    /// Story id.
    pub id: String,
    /// The coder's error, if it failed.
    pub error: Option<String>,
    /// Notes of must events found / missed.
    pub must_found: Vec<String>,
    /// Must events not found.
    pub must_missed: Vec<String>,
    /// Should events found.
    pub should_found: Vec<String>,
    /// Should events not found.
    pub should_missed: Vec<String>,
    /// Events coded from trap lines: (trap line, event summary).
    pub trap_events: Vec<(String, String)>,
    /// Trap lines left in the cleaned text.
    pub traps_left: Vec<String>,
    /// Body sentences expected in the cleaned text.
    pub body_sentences: usize,
    /// Body sentences missing from it.
    pub body_missing: Vec<String>,
    /// (expected, found) publication date.
    pub doc_date: (Option<String>, Option<String>),
    /// (expected, found dates) of events from sentences that say "on Thursday".
    pub thursday: (Option<String>, Vec<String>),
    /// (expected, found) dateline.
    pub dateline: (Option<String>, Option<String>),
    /// (expected, found) outlet.
    pub outlet: (Option<String>, Option<String>),
    /// Events coded in all.
    pub events: usize,
}

impl StoryReport {
    /// True when every must item, the dates, dateline and body hold and no trap fired.
    pub fn passes_must(&self) -> bool {
        self.error.is_none()
            && self.must_missed.is_empty()
            && self.trap_events.is_empty()
            && self.body_missing.is_empty()
            && self.doc_date.0 == self.doc_date.1
            && self.dateline.0 == self.dateline.1
            && self.thursday_ok()
    }

    /// True when every event from an "on Thursday" sentence has the expected date.
    pub fn thursday_ok(&self) -> bool {
        match &self.thursday.0 {
            Some(want) => !self.thursday.1.is_empty() && self.thursday.1.iter().all(|d| d == want),
            None => true,
        }
    }
}

/// Totals over all stories.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct SeedReport {
    /// Per story.
    pub stories: Vec<StoryReport>,
}

impl SeedReport {
    /// (found, total) must items.
    pub fn must(&self) -> (usize, usize) {
        self.sum(|s| (s.must_found.len(), s.must_found.len() + s.must_missed.len()))
    }
    /// (found, total) should items.
    pub fn should(&self) -> (usize, usize) {
        self.sum(|s| {
            (
                s.should_found.len(),
                s.should_found.len() + s.should_missed.len(),
            )
        })
    }
    /// (kept, total) body sentences.
    pub fn body(&self) -> (usize, usize) {
        self.sum(|s| (s.body_sentences - s.body_missing.len(), s.body_sentences))
    }
    /// Events coded from trap lines.
    pub fn trap_events(&self) -> usize {
        self.stories.iter().map(|s| s.trap_events.len()).sum()
    }
    /// Must recall.
    pub fn must_recall(&self) -> f64 {
        let (a, b) = self.must();
        ratio(a, b)
    }
    fn sum(&self, f: impl Fn(&StoryReport) -> (usize, usize)) -> (usize, usize) {
        self.stories
            .iter()
            .map(f)
            .fold((0, 0), |acc, x| (acc.0 + x.0, acc.1 + x.1))
    }
}

/// Collapses whitespace (including no-break spaces) and unifies quotes and dashes, so
/// texts compare regardless of the page's spacing.
pub fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = true;
    for c in s.chars() {
        let c = match c {
            '\u{2018}' | '\u{2019}' => '\'',
            '\u{201c}' | '\u{201d}' => '"',
            '\u{2013}' | '\u{2014}' => '-',
            c if c.is_whitespace() => ' ',
            c => c,
        };
        if c == ' ' {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    out.trim_end().to_string()
}

/// Body sentences of a raw page: lines of prose (at least twelve words) that are not
/// trap lines or the title, split at sentence ends.
pub fn body_sentences(story: &SeedStory) -> Vec<String> {
    let traps: Vec<String> = story.trap_lines.iter().map(|t| normalise(t)).collect();
    let title = story.title.as_deref().map(normalise);
    let mut out = Vec::new();
    for line in story.text.lines() {
        let line = strip_dateline(&normalise(line), story.dateline.as_deref());
        if line.split(' ').count() < 12
            || traps.iter().any(|t| line.contains(t.as_str()))
            || title.as_deref() == Some(line.as_str())
        {
            continue;
        }
        let mut start = 0;
        let bytes = line.as_bytes();
        for i in 0..bytes.len() {
            let end_mark = matches!(bytes[i], b'.' | b'?' | b'!');
            let next_upper = bytes.get(i + 1) == Some(&b' ')
                && bytes
                    .get(i + 2)
                    .is_some_and(|b| b.is_ascii_uppercase() || *b == b'"');
            if end_mark && next_upper {
                out.push(line[start..=i].trim().to_string());
                start = i + 1;
            }
        }
        let rest = line[start..].trim();
        if !rest.is_empty() {
            out.push(rest.to_string());
        }
    }
    out.into_iter()
        .filter(|s| s.split(' ').count() >= 4)
        .collect()
}

/// Drops a leading dateline ("PARIS (Wire) - ", "MOSCOW (Agency - 5th May, 2023) "):
/// the sentence after it is what must survive cleaning.
fn strip_dateline(line: &str, dateline: Option<&str>) -> String {
    let Some(d) = dateline.filter(|d| !d.is_empty() && line.starts_with(*d)) else {
        return line.to_string();
    };
    let head = &line[..line.len().min(120)];
    let mut rest = &line[d.len()..];
    if let Some(close) = head.find(") ") {
        rest = &line[close + 2..];
    }
    rest.trim_start_matches(['-', ',', ' ']).to_string()
}

fn summary(e: &Event) -> String {
    format!(
        "{} -> {} {} ({}) «{}»",
        e.source.code,
        e.target.as_ref().map_or("-", |t| t.code.as_str()),
        e.cameo,
        e.plover.as_deref().unwrap_or("-"),
        e.evidence.trigger
    )
}

/// Scores one story given the coder's cleaned document and events.
pub fn score_story(story: &SeedStory, doc: &Document, events: &[Event]) -> StoryReport {
    let mut r = StoryReport {
        id: story.id.clone(),
        events: events.len(),
        ..StoryReport::default()
    };
    for (list, found, missed) in [
        (&story.must, &mut r.must_found, &mut r.must_missed),
        (&story.should, &mut r.should_found, &mut r.should_missed),
    ] {
        for x in list {
            let label = format!("{}→{} {:?}: {}", x.pair[0], x.pair[1], x.plover, x.note);
            if events.iter().any(|e| x.matches(e)) {
                found.push(label);
            } else {
                missed.push(label);
            }
        }
    }
    let clean = normalise(&doc.text);
    for trap in &story.trap_lines {
        let t = normalise(trap);
        if clean.contains(&t) {
            r.traps_left.push(trap.clone());
        }
        for e in events {
            let s = normalise(&e.sentence);
            if s.contains(&t) || (s.len() >= 20 && t.contains(&s)) {
                r.trap_events.push((trap.clone(), summary(e)));
            }
        }
    }
    let body = body_sentences(story);
    r.body_sentences = body.len();
    r.body_missing = body
        .into_iter()
        .filter(|s| !clean.contains(s.as_str()))
        .collect();
    r.doc_date = (story.date.clone(), doc.doc_date.map(|d| d.to_string()));
    r.dateline = (story.dateline.clone(), doc.dateline.clone());
    r.outlet = (story.outlet.clone(), doc.outlet.clone());
    let thursday: Vec<String> = events
        .iter()
        .filter(|e| e.sentence.contains("on Thursday"))
        .filter_map(|e| e.date.map(|d| d.to_string()))
        .collect();
    r.thursday = (story.event_date_for_on_thursday.clone(), thursday);
    r
}

/// Scores every story. `code` returns the cleaned document and events of one story.
pub fn score<F>(stories: &[SeedStory], mut code: F) -> SeedReport
where
    F: FnMut(&SeedStory) -> Result<(Document, Vec<Event>), String>,
{
    let mut report = SeedReport::default();
    for story in stories {
        match code(story) {
            Ok((doc, events)) => report.stories.push(score_story(story, &doc, &events)),
            Err(e) => report.stories.push(StoryReport {
                id: story.id.clone(),
                error: Some(e),
                ..StoryReport::default()
            }),
        }
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;
    use parley_types::{Actor, Span};

    fn story() -> SeedStory {
        serde_json::from_str(
            r#"{"id":"s","text":"HEADLINE HERE\nLONDON (Wire) - Ruritania expelled two diplomats from Freedonia on Monday after a long dispute over visas. Officials confirmed it later.\nTeaser: Something Else Happens - Analyst\n",
               "date":"2024-01-02","dateline":"LONDON","trap_lines":["Something Else Happens - Analyst"],
               "must":[{"pair":["RUR","FRE"],"directed":true,"plover":["SANCTION"],"note":"expulsion"}]}"#,
        )
        .unwrap()
    }

    fn ev(src: &str, tgt: &str, sentence: &str) -> Event {
        Event {
            source: Actor::new(src, "x", Span::default()),
            target: Some(Actor::new(tgt, "y", Span::default())),
            plover: Some("SANCTION".into()),
            sentence: sentence.into(),
            ..Event::default()
        }
    }

    #[test]
    fn finds_must_and_body_and_traps() {
        let s = story();
        let doc = Document {
            text: "Ruritania expelled two diplomats from Freedonia on Monday after a long dispute over visas.\n\nOfficials confirmed it later.".into(),
            doc_date: chrono::NaiveDate::from_ymd_opt(2024, 1, 2),
            dateline: Some("LONDON".into()),
            ..Document::default()
        };
        let good = ev("RUR", "FRE", "Ruritania expelled two diplomats");
        let r = score_story(&s, &doc, std::slice::from_ref(&good));
        assert!(r.must_missed.is_empty(), "{r:?}");
        assert_eq!(r.body_sentences, 2);
        assert!(r.body_missing.is_empty(), "{:?}", r.body_missing);
        assert!(r.passes_must());

        let trap = ev("USA", "SYR", "Something Else Happens - Analyst");
        let r = score_story(&s, &doc, &[good, trap]);
        assert_eq!(r.trap_events.len(), 1);
        assert!(!r.passes_must());
    }

    #[test]
    fn missing_body_sentence_and_wrong_direction_fail() {
        let s = story();
        let doc = Document {
            text: "Officials confirmed it later.".into(),
            ..Document::default()
        };
        let r = score_story(&s, &doc, &[ev("FRE", "RUR", "x")]);
        assert_eq!(r.must_missed.len(), 1);
        assert_eq!(r.body_missing.len(), 1);
    }

    #[test]
    fn normalises_spacing() {
        assert_eq!(normalise("  a\u{a0} b\n“c”  "), "a b \"c\"");
    }
}
