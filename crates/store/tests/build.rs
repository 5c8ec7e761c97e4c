//! Builders for documents and events written for these tests.

use parley_store::{content_hash, Article, IngestOptions, IngestReport, Store};
use parley_types::{Actor, Attribution, Document, Event, Evidence, Sentence, Span};

/// A coded article: document, per-sentence actors and events.
pub struct Coded {
    pub doc: Document,
    pub mentions: Vec<Vec<Actor>>,
    pub events: Vec<Event>,
    pub hash: String,
}

/// An article of `sentences` published by `outlet` on `date`.
pub fn article(id: &str, outlet: &str, date: &str, sentences: &[&str]) -> Coded {
    let mut text = String::new();
    let mut sents = Vec::new();
    for (i, s) in sentences.iter().enumerate() {
        if !text.is_empty() {
            text.push(' ');
        }
        let start = text.len();
        text.push_str(s);
        sents.push(Sentence {
            index: i,
            span: Span::new(start, text.len()),
            text: s.to_string(),
            tokens: vec![],
        });
    }
    let hash = content_hash(&format!("{outlet}\n{text}"));
    let doc = Document {
        id: id.into(),
        outlet: Some(outlet.into()),
        doc_date: date.parse().ok(),
        url: Some(format!("https://news.example/{id}")),
        text,
        sentences: sents,
        ..Document::default()
    };
    let n = doc.sentences.len();
    Coded {
        doc,
        mentions: vec![Vec::new(); n],
        events: Vec::new(),
        hash,
    }
}

/// CAMEO facts the tests use: (code, QuadClass, Goldstein, PLOVER).
fn cameo(code: &str) -> (u8, f64, &'static str) {
    match code {
        "036" => (1, 4.0, "CONSULT"),
        "040" => (1, 1.0, "CONSULT"),
        "042" => (1, 1.9, "CONSULT"),
        "057" => (1, 8.0, "AGREE"),
        "112" => (3, -2.0, "ACCUSE"),
        "161" => (4, -4.0, "SANCTION"),
        "163" => (4, -8.0, "SANCTION"),
        "172" => (4, -5.0, "COERCE"),
        _ => (1, 0.0, "CONSULT"),
    }
}

impl Coded {
    /// Marks every occurrence of `text` in the sentences as actor `code`.
    pub fn actor(mut self, text: &str, code: &str, name: Option<&str>) -> Coded {
        for (i, s) in self.doc.sentences.iter().enumerate() {
            for (at, _) in s.text.match_indices(text) {
                let start = s.span.start + at;
                let mut a = Actor::new(code, text, Span::new(start, start + text.len()));
                a.name = name.map(str::to_string);
                self.mentions[i].push(a);
            }
        }
        for m in &mut self.mentions {
            m.sort_by_key(|a| a.span.start);
        }
        self
    }

    /// Adds an event coded from sentence `i`: `src` does `code` to `tgt`, trigger
    /// `trigger` (found in the sentence), on `date` (default: publication date).
    pub fn event(
        mut self,
        i: usize,
        src: &str,
        tgt: &str,
        code: &str,
        trigger: &str,
        date: Option<&str>,
    ) -> Coded {
        let s = &self.doc.sentences[i];
        let at = s.text.find(trigger).map_or(0, |p| p + s.span.start);
        let (quad, g, plover) = cameo(code);
        let speaker = self.mentions[i].iter().find(|a| a.name.is_some()).cloned();
        let e = Event {
            event_id: format!("{}-{}-{}", self.doc.id, i, self.events.len()),
            doc_id: self.doc.id.clone(),
            doc_date: self.doc.doc_date,
            date: date.and_then(|d| d.parse().ok()).or(self.doc.doc_date),
            sentence_index: i,
            sentence: s.text.clone(),
            source: Actor::new(src, src, Span::new(s.span.start, s.span.start + 1)),
            target: Some(Actor::new(
                tgt,
                tgt,
                Span::new(s.span.start, s.span.start + 1),
            )),
            cameo: code.into(),
            cameo_root: code[..2].into(),
            quad_class: Some(quad),
            goldstein: Some(g),
            plover: Some(plover.into()),
            attribution: speaker.map(|sp| Attribution {
                speaker: Some(sp),
                quoted: false,
            }),
            evidence: Evidence {
                trigger: trigger.into(),
                span: Span::new(at, at + trigger.len()),
                rule: "test".into(),
            },
            ..Event::default()
        };
        self.events.push(e);
        self
    }

    pub fn as_article(&self) -> Article<'_> {
        Article {
            doc: &self.doc,
            mentions: &self.mentions,
            events: &self.events,
            hash: &self.hash,
        }
    }
}

/// Ingests articles one batch.
pub fn ingest(store: &mut Store, articles: &[&Coded]) -> IngestReport {
    let batch: Vec<Article<'_>> = articles.iter().map(|c| c.as_article()).collect();
    store
        .ingest(&batch, IngestOptions::default())
        .expect("ingest")
}
