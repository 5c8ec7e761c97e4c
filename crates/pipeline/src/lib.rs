//! The parley pipeline, end to end.
//!
//! ```text
//! RawArticle ─► clean ─► sentences ─► nlp (tokens, tags, trees) ─► actors ─► events ─► dates
//! ```
//!
//! [`Pipeline`] holds the compiled models and dictionaries (built once, shared by
//! reference, safe to use from many threads) and codes one article at a time into a
//! [`Coded`] result: the cleaned [`Document`], the actor mentions of each sentence and
//! the [`Event`] records.
//!
//! ```no_run
//! use parley_pipeline::Pipeline;
//! use parley_text::ingest::RawArticle;
//!
//! let pipeline = Pipeline::builtin();
//! let raw = RawArticle {
//!     id: "example".into(),
//!     text: "BERLIN (Wire) - Germany expelled two Russian diplomats on Monday.".into(),
//!     ..RawArticle::default()
//! };
//! let coded = pipeline.code(&raw).expect("an article with text");
//! for event in &coded.events {
//!     println!("{} {} {:?}", event.source.code, event.cameo, event.target);
//! }
//! ```
#![deny(missing_docs)]

use std::path::Path;

use rayon::prelude::*;

use parley_actors::{ActorDictionary, Mention};
use parley_events::Coder;
use parley_nlp::Model;
use parley_text::dates;
use parley_text::ingest::RawArticle;
use parley_types::{Document, Event};

/// Articles with at least this many sentences are parsed in parallel; shorter ones
/// run on one thread (batches of articles are spread over the cores instead).
const PARALLEL_SENTENCES: usize = 512;

/// Errors of the pipeline, naming the article.
#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    /// The article had no text left after cleaning.
    #[error("{id}: no article text")]
    Empty {
        /// Article id.
        id: String,
    },
    /// External dictionaries could not be loaded.
    #[error("dictionaries in {dir}: {message}")]
    Dictionaries {
        /// The directory given.
        dir: String,
        /// What went wrong (file and line).
        message: String,
    },
}

/// One article coded: the cleaned document, mentions per sentence and events.
#[derive(Debug, Clone)]
pub struct Coded {
    /// The cleaned, segmented and annotated article.
    pub doc: Document,
    /// Actor mentions of each sentence, in text order.
    pub mentions: Vec<Vec<Mention>>,
    /// Events, in sentence order.
    pub events: Vec<Event>,
}

/// The compiled pipeline: NLP model, actor dictionary and event coder.
///
/// Dictionaries loaded from a directory live for the rest of the process (a pipeline
/// is built once per run), so a `Pipeline` is a few references and cheap to copy.
#[derive(Clone, Copy)]
pub struct Pipeline {
    nlp: &'static Model,
    actors: &'static ActorDictionary,
    coder: &'static Coder,
    builtin: bool,
}

impl Pipeline {
    /// The pipeline with the models and dictionaries built into the binary.
    pub fn builtin() -> Pipeline {
        Pipeline {
            nlp: Model::embedded(),
            actors: ActorDictionary::builtin(),
            coder: Coder::builtin(),
            builtin: true,
        }
    }

    /// The pipeline with PETRARCH/TABARI dictionaries from `dir` in place of the
    /// built-in dictionaries of the same kinds.
    ///
    /// # Errors
    /// When a dictionary file in `dir` cannot be read or parsed (the message names the
    /// file and line).
    pub fn with_dictionaries(dir: &Path) -> Result<Pipeline, PipelineError> {
        let err = |message: String| PipelineError::Dictionaries {
            dir: dir.display().to_string(),
            message,
        };
        let actors = ActorDictionary::with_petrarch_dir(dir).map_err(|e| err(e.to_string()))?;
        let coder = Coder::with_petrarch_dir(dir).map_err(|e| err(e.to_string()))?;
        Ok(Pipeline {
            nlp: Model::embedded(),
            actors: Box::leak(Box::new(actors)),
            coder: Box::leak(Box::new(coder)),
            builtin: false,
        })
    }

    /// True when the dictionaries are the built-in ones.
    pub fn is_builtin(&self) -> bool {
        self.builtin
    }

    /// Cleans, segments and annotates an article without coding events.
    ///
    /// # Errors
    /// When nothing is left of the article after cleaning.
    pub fn analyse(&self, raw: &RawArticle) -> Result<Document, PipelineError> {
        let mut doc = parley_text::clean(raw);
        if doc.text.trim().is_empty() {
            return Err(PipelineError::Empty { id: raw.id.clone() });
        }
        parley_text::split_sentences(&mut doc);
        if doc.sentences.len() >= PARALLEL_SENTENCES {
            // A book-length page: parse its sentences on all cores.
            let nlp = self.nlp;
            doc.sentences.par_iter_mut().for_each(|s| nlp.annotate(s));
        } else {
            for sentence in &mut doc.sentences {
                self.nlp.annotate(sentence);
            }
        }
        Ok(doc)
    }

    /// Codes one article.
    ///
    /// # Errors
    /// When nothing is left of the article after cleaning.
    pub fn code(&self, raw: &RawArticle) -> Result<Coded, PipelineError> {
        let doc = self.analyse(raw)?;
        let mentions = self.actors.recognize(&doc);
        let mut events = self.coder.code_document(&doc, &mentions);
        events.sort_by_key(|e| e.sentence_index);
        date_events(&doc, &mut events);
        Ok(Coded {
            doc,
            mentions,
            events,
        })
    }
}

/// Sets each event's date: the date reference of its sentence nearest to the trigger
/// ("on Thursday", "last week", "on April 10"); else a reference to the day an
/// earlier sentence spoke of ("earlier in the day", "the next day"); else the
/// publication date.
fn date_events(doc: &Document, events: &mut [Event]) {
    let Some(doc_date) = doc.doc_date else { return };
    let mut previous = None;
    let mut next = 0;
    for sentence in &doc.sentences {
        let refs = dates::find_event_dates(&sentence.text, doc_date);
        let context = if refs.is_empty() {
            dates::resolve_event_date_in_context(&sentence.text, doc_date, previous).map(|(d, _)| d)
        } else {
            None
        };
        if let Some(d) = refs.first().map(|r| r.date).or(context) {
            previous = Some(d);
        }
        while let Some(e) = events
            .get_mut(next)
            .filter(|e| e.sentence_index <= sentence.index)
        {
            next += 1;
            if e.date.is_some() || e.sentence_index != sentence.index {
                continue;
            }
            let trigger = e.evidence.span.start.saturating_sub(sentence.span.start);
            let nearest = refs.iter().min_by_key(|r| {
                if r.span.end <= trigger {
                    trigger - r.span.end
                } else {
                    r.span.start.saturating_sub(trigger)
                }
            });
            e.date = Some(nearest.map(|r| r.date).or(context).unwrap_or(doc_date));
        }
    }
    for e in events.iter_mut().filter(|e| e.date.is_none()) {
        e.date = Some(doc_date);
    }
}
