//! The PETRARCH unit-test records harness: codes each record's text (not its gold
//! parse) with the record set's own dictionaries and compares the set of
//! (source, target, event) codes with the gold.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use parley_types::{Document, Sentence, Span};

use crate::coder::Coder;
use crate::error::EventsError;

/// One `(source code, target code, event code)` triple; `---` for no target.
pub type Triple = (String, String, String);

/// One test record.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitRecord {
    /// Record id (`DEMO-01`).
    pub id: String,
    /// Category (`DEMO`, `SYNSET`, …).
    pub category: String,
    /// The record's date.
    pub date: Option<chrono::NaiveDate>,
    /// The sentence text.
    pub text: String,
    /// Gold triples; `None` when the gold is an error (such records are not scored).
    pub gold: Option<BTreeSet<Triple>>,
}

/// Result of one scored record.
#[derive(Debug, Clone, PartialEq)]
pub struct RecordOutcome {
    /// Record id.
    pub id: String,
    /// Category.
    pub category: String,
    /// Gold triples.
    pub gold: BTreeSet<Triple>,
    /// Coded triples.
    pub coded: BTreeSet<Triple>,
}

impl RecordOutcome {
    /// True when the coded set equals the gold set.
    pub fn passed(&self) -> bool {
        self.gold == self.coded
    }
}

/// Scores of a records run.
#[derive(Debug, Clone, Default)]
pub struct UnitReport {
    /// Every scored record.
    pub outcomes: Vec<RecordOutcome>,
    /// Records left out because their gold is an error.
    pub skipped: usize,
}

impl UnitReport {
    /// Records whose coded set equals the gold set.
    pub fn passed(&self) -> usize {
        self.outcomes.iter().filter(|o| o.passed()).count()
    }

    /// `(passed, scored)` per category.
    pub fn by_category(&self) -> BTreeMap<String, (usize, usize)> {
        let mut m: BTreeMap<String, (usize, usize)> = BTreeMap::new();
        for o in &self.outcomes {
            let e = m.entry(o.category.clone()).or_default();
            e.0 += usize::from(o.passed());
            e.1 += 1;
        }
        m
    }

    /// A plain-text table: one line per category, then the total.
    pub fn table(&self) -> String {
        let mut s = format!(
            "{:<10} {:>6} {:>6} {:>7}\n",
            "category", "passed", "scored", "share"
        );
        for (cat, (p, n)) in self.by_category() {
            s.push_str(&format!(
                "{cat:<10} {p:>6} {n:>6} {:>6.1}%\n",
                100.0 * p as f64 / n.max(1) as f64
            ));
        }
        let n = self.outcomes.len();
        s.push_str(&format!(
            "{:<10} {:>6} {:>6} {:>6.1}%  ({} left out: gold is an error)\n",
            "total",
            self.passed(),
            n,
            100.0 * self.passed() as f64 / n.max(1) as f64,
            self.skipped
        ));
        s
    }
}

/// Reads the records file (`PETR.UnitTest.records.xml` style).
///
/// # Errors
///
/// [`EventsError::Io`] when unreadable, [`EventsError::Record`] for a record without
/// text or with a malformed coding.
pub fn read_records(path: &Path) -> Result<Vec<UnitRecord>, EventsError> {
    let text = std::fs::read_to_string(path).map_err(|source| EventsError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    parse_records(&path.display().to_string(), &text)
}

/// Parses records from XML text.
///
/// # Errors
///
/// [`EventsError::Record`] naming the record.
pub fn parse_records(file: &str, xml: &str) -> Result<Vec<UnitRecord>, EventsError> {
    let mut out = Vec::new();
    let mut rest = xml;
    while let Some(start) = rest.find("<Sentence ") {
        let after = &rest[start..];
        let Some(end) = after.find("</Sentence>") else {
            break;
        };
        let block = &after[..end];
        rest = &after[end + "</Sentence>".len()..];
        let head = block.split('>').next().unwrap_or("");
        let id = attribute(head, "id").unwrap_or_else(|| format!("#{}", out.len() + 1));
        let err = |message: &str| EventsError::Record {
            file: file.to_string(),
            record: id.clone(),
            message: message.to_string(),
        };
        let category = attribute(head, "category").unwrap_or_default();
        let date = attribute(head, "date")
            .and_then(|d| chrono::NaiveDate::parse_from_str(&d, "%Y%m%d").ok());
        let text = between(block, "<Text>", "</Text>").ok_or_else(|| err("no <Text>"))?;
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let mut gold = Some(BTreeSet::new());
        let mut cursor = block;
        while let Some(p) = cursor.find("<EventCoding") {
            let tag_end = cursor[p..]
                .find('>')
                .ok_or_else(|| err("unterminated <EventCoding"))?;
            let tag = &cursor[p..p + tag_end];
            cursor = &cursor[p + tag_end..];
            if attribute(tag, "error").is_some() {
                gold = None;
                break;
            }
            if attribute(tag, "noevents").is_some() {
                continue;
            }
            let s = attribute(tag, "sourcecode").ok_or_else(|| err("coding without sourcecode"))?;
            let t = attribute(tag, "targetcode").unwrap_or_else(|| "---".into());
            let e = attribute(tag, "eventcode").ok_or_else(|| err("coding without eventcode"))?;
            if let Some(g) = gold.as_mut() {
                g.insert((s, t, e));
            }
        }
        out.push(UnitRecord {
            id,
            category,
            date,
            text,
            gold,
        });
    }
    Ok(out)
}

fn between<'a>(s: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let a = s.find(open)? + open.len();
    let b = s[a..].find(close)? + a;
    Some(&s[a..b])
}

/// The value of `name="…"` in a tag (spaces around `=` allowed).
fn attribute(tag: &str, name: &str) -> Option<String> {
    let mut search = tag;
    loop {
        let p = search.find(name)?;
        let before_ok = p == 0 || search[..p].ends_with(|c: char| c.is_whitespace());
        let rest = search[p + name.len()..].trim_start();
        if before_ok {
            if let Some(r) = rest.strip_prefix('=') {
                let r = r.trim_start();
                let quote = r.chars().next().filter(|&c| c == '"' || c == '\'')?;
                let r = &r[1..];
                let end = r.find(quote)?;
                return Some(r[..end].to_string());
            }
        }
        search = &search[p + name.len()..];
    }
}

/// Codes every record of `records` with `coder`; `annotate` parses a sentence (the
/// nlp stage) and `actors` finds its actors (the actors stage, with the records'
/// own dictionaries).
pub fn score(
    records: &[UnitRecord],
    coder: &Coder,
    annotate: &dyn Fn(&mut Sentence),
    actors: &parley_actors::ActorDictionary,
) -> UnitReport {
    let mut report = UnitReport::default();
    for r in records {
        let Some(gold) = r.gold.clone() else {
            report.skipped += 1;
            continue;
        };
        let coded = code_record(r, coder, annotate, actors);
        report.outcomes.push(RecordOutcome {
            id: r.id.clone(),
            category: r.category.clone(),
            gold,
            coded,
        });
    }
    report
}

/// The triples coded for one record.
pub fn code_record(
    r: &UnitRecord,
    coder: &Coder,
    annotate: &dyn Fn(&mut Sentence),
    actors: &parley_actors::ActorDictionary,
) -> BTreeSet<Triple> {
    let mut sentence = Sentence {
        index: 0,
        span: Span::new(0, r.text.len()),
        text: r.text.clone(),
        tokens: Vec::new(),
    };
    annotate(&mut sentence);
    let doc = Document {
        id: r.id.clone(),
        doc_date: r.date,
        text: r.text.clone(),
        sentences: vec![sentence],
        ..Document::default()
    };
    let mentions = actors.recognize(&doc);
    coder
        .code_document(&doc, &mentions)
        .into_iter()
        .map(|e| {
            (
                e.source.code,
                e.target.map_or_else(|| "---".to_string(), |t| t.code),
                e.cameo,
            )
        })
        .collect()
}

/// Runs the records in `dir` (the records file and its dictionaries) end to end.
///
/// # Errors
///
/// Errors reading the records or the dictionaries, with file and line.
pub fn unit_records(
    dir: &Path,
    annotate: &dyn Fn(&mut Sentence),
) -> Result<UnitReport, EventsError> {
    let file = std::fs::read_dir(dir)
        .map_err(|source| EventsError::Io {
            path: dir.to_path_buf(),
            source,
        })?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().contains("records"))
        })
        .ok_or_else(|| EventsError::Record {
            file: dir.display().to_string(),
            record: "-".into(),
            message: "no records file".into(),
        })?;
    let records = read_records(&file)?;
    let coder = Coder::with_petrarch_dir(dir)?;
    let actors = parley_actors::ActorDictionary::with_petrarch_dir(dir).map_err(|e| {
        EventsError::Record {
            file: dir.display().to_string(),
            record: "-".into(),
            message: e.to_string(),
        }
    })?;
    Ok(score(&records, &coder, annotate, &actors))
}

#[cfg(test)]
mod tests {
    use super::*;

    const XML: &str = r#"<Sentences>
<Sentence date="19950101" id="DEMO-01" category="DEMO" sentence="true">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<EventCoding sourcecode="GON" targetcode="ARN" eventcode="064"></EventCoding>
<Text>
Arnor meets
 Gondor.
</Text>
</Sentence>
<Sentence date="19950101" id="E-1" category="ERROR" sentence="true">
<EventCoding error="bad_input_parse"></EventCoding>
<Text>x</Text>
</Sentence>
<Sentence date="19950101" id="N-1" category="VERB" sentence="true">
<EventCoding noevents = "True"></EventCoding>
<Text>Nothing happens.</Text>
</Sentence>
</Sentences>"#;

    #[test]
    fn parses_codings_errors_and_empty_gold() {
        let r = parse_records("r.xml", XML).expect("parses");
        assert_eq!(r.len(), 3);
        assert_eq!(r[0].text, "Arnor meets Gondor.");
        assert_eq!(r[0].gold.as_ref().map(BTreeSet::len), Some(2));
        assert_eq!(r[1].gold, None);
        assert_eq!(r[2].gold, Some(BTreeSet::new()));
        assert_eq!(r[0].date, chrono::NaiveDate::from_ymd_opt(1995, 1, 1));
    }

    #[test]
    fn a_record_without_text_names_the_record() {
        let e = parse_records("r.xml", r#"<Sentence id="X-9" category="A"><EventCoding sourcecode="A" eventcode="1"></EventCoding></Sentence>"#)
            .expect_err("no text");
        assert_eq!(e.to_string(), "r.xml: record X-9: no <Text>");
    }

    #[test]
    fn report_table_counts_categories() {
        let o = |id: &str, cat: &str, pass: bool| RecordOutcome {
            id: id.into(),
            category: cat.into(),
            gold: BTreeSet::new(),
            coded: if pass {
                BTreeSet::new()
            } else {
                [("A".into(), "B".into(), "1".into())].into()
            },
        };
        let rep = UnitReport {
            outcomes: vec![
                o("a", "DEMO", true),
                o("b", "DEMO", false),
                o("c", "VERB", true),
            ],
            skipped: 1,
        };
        assert_eq!(rep.passed(), 2);
        assert_eq!(rep.by_category()["DEMO"], (1, 2));
        assert!(rep.table().contains("total"));
    }
}
