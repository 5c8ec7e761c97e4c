//! The event coder: who did or said what to whom, in CAMEO and PLOVER.
//!
//! The events stage reads sentences the nlp stage has parsed (tags, lemmas,
//! dependency heads) and the actors the actors stage found in them, and decides which
//! events each sentence reports. A trigger — a verb ("expelled"), a verb with a
//! particle or object ("pulled out of", "cut ties with", "imposed sanctions"), a noun
//! ("the expulsion of", "talks with") or a state ("relations in silent mode",
//! "cooperation suspended") — matches a [`Pattern`]; the engine then reads the tree:
//! subject → source, object or the right oblique → target, passives with or without
//! "by", control chains ("agreed to expel"), coordination (one event per member),
//! relative clauses, "on X's initiative", reported speech (the speaker goes to
//! `attribution`), negation, modality and history flags, and intent ("promised to",
//! "threatened to", "refused to", "will"). An act inside another act's clause or
//! phrase (what was demanded, offered or given as background) is part of that act,
//! not a second event; targets are also read inside the object phrase (national
//! modifiers, hyphenated pairs such as "the China-Australia dialogue", the author of
//! a rejected proposal). Each event carries its CAMEO code,
//! Goldstein weight, QuadClass and PLOVER type, mode and context from
//! [`parley_cameo`], and evidence naming the dictionary line that fired.
//!
//! Main types: [`Coder`] (built-in dictionary: [`Coder::builtin`]; PETRARCH/TABARI
//! files: [`Coder::with_petrarch_dir`]), [`Pattern`] and [`PatternSet`], [`Coverage`].
//!
//! ```
//! use parley_events::Coder;
//! use parley_types::{Actor, Document, Sentence, Span, Token};
//!
//! // "Switzerland expelled two Russian diplomats." parsed by hand here; in the
//! // pipeline the nlp stage fills the tokens and the actors stage finds the actors.
//! let text = "Switzerland expelled two Russian diplomats.";
//! let rows = [
//!     ("Switzerland", "Switzerland", "PROPN", Some(1), "nsubj"),
//!     ("expelled", "expel", "VERB", None, "root"),
//!     ("two", "two", "NUM", Some(4), "nummod"),
//!     ("Russian", "Russian", "ADJ", Some(4), "amod"),
//!     ("diplomats", "diplomat", "NOUN", Some(1), "obj"),
//!     (".", ".", "PUNCT", Some(1), "punct"),
//! ];
//! let mut pos = 0;
//! let tokens: Vec<Token> = rows
//!     .iter()
//!     .map(|&(w, lemma, upos, head, rel)| {
//!         let start = text[pos..].find(w).unwrap() + pos;
//!         pos = start + w.len();
//!         Token { span: Span::new(start, pos), text: w.into(), lemma: lemma.into(), upos: upos.into(),
//!                 xpos: String::new(), head, deprel: rel.into() }
//!     })
//!     .collect();
//! let sentence = Sentence { index: 0, span: Span::new(0, text.len()), text: text.into(), tokens };
//! let doc = Document { id: "d1".into(), text: text.into(), sentences: vec![sentence], ..Document::default() };
//! let actors = vec![vec![
//!     Actor::new("CHE", "Switzerland", Span::new(0, 11)),
//!     Actor::new("RUSGOV", "Russian diplomats", Span::new(25, 42)),
//! ]];
//! let events = Coder::builtin().code_actors(&doc, &actors);
//! assert_eq!(events.len(), 1);
//! assert_eq!(events[0].cameo, "166");
//! assert_eq!(events[0].plover.as_deref(), Some("SANCTION"));
//! assert_eq!(events[0].target.as_ref().map(|t| t.code.as_str()), Some("RUSGOV"));
//! ```
#![deny(missing_docs)]

mod coder;
pub mod coverage;
pub mod dictionary;
mod engine;
mod error;
mod nationality;
pub mod pattern;
pub mod petrarch;
mod record;

pub use coder::{Coder, Explanation};
pub use coverage::Coverage;
pub use engine::Decision;
pub use error::EventsError;
pub use pattern::{Pattern, PatternSet};
