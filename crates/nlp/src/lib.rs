//! English analysis for parley's nlp stage: tokenizer, part-of-speech tagger,
//! lemmatizer and dependency parser, trained by parley itself on the UD English-EWT
//! treebank and shipped inside the binary.
//!
//! The event coder needs, for every sentence, the verb, its subject and object,
//! passive voice, negation and clause structure — i.e. UD trees. No maintained Rust
//! crate provides a trainable English tagger and parser for EWT, so the models here
//! are small hand-written ones, chosen for speed and predictability:
//!
//! - [`Tokenizer`]: UD/PTB tokens with byte spans (`did|n't`, `Russia|'s`, `U.S.`).
//! - tagger: greedy averaged perceptron over hashed features, joint UPOS+XPOS, with a
//!   tag dictionary for frequent unambiguous words and ambiguity-class features.
//! - [`Lemmatizer`]: learned suffix rules plus an exception table (`held`→`hold`).
//! - open-class word lists (read from WordNet at training time): the tags an unseen
//!   word can take, for the tagger, and real lemmas for the lemmatizer.
//! - parser: greedy arc-hybrid transition parser trained with a dynamic oracle.
//! - [`Model`]: all four, loaded once from a versioned, checksummed, zstd file.
//!
//! ```
//! use parley_types::{Sentence, Span};
//! let model = parley_nlp::Model::embedded();
//! let text = "Russia expelled two French diplomats on Thursday.";
//! let mut s = Sentence { span: Span::new(100, 100 + text.len()), text: text.into(), ..Default::default() };
//! model.annotate(&mut s);
//! assert_eq!(s.tokens.len(), 8);
//! assert_eq!(s.tokens[0].span, Span::new(100, 106));
//! let verb = &s.tokens[1];
//! assert_eq!((verb.lemma.as_str(), verb.upos.as_str()), ("expel", "VERB"));
//! assert_eq!(verb.head, None);
//! assert_eq!(s.tokens[0].deprel, "nsubj");
//! ```
#![deny(missing_docs)]

mod codec;
pub mod conllu;
mod error;
pub mod evaluate;
mod feature;
mod inflection;
mod lemmatizer;
mod lexicon;
mod model;
mod parser;
mod parser_train;
mod perceptron;
mod positions;
mod shuffle;
mod tagger;
mod tokenizer;
pub mod train;
mod trainer;
mod wordclass;

pub use error::NlpError;
pub use lemmatizer::Lemmatizer;
pub use model::{Model, FORMAT_VERSION, MAGIC};
pub use tokenizer::Tokenizer;
