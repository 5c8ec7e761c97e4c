//! Reading, cleaning and segmenting raw news pages — the first stage of parley.
//!
//! - [`ingest`]: `.txt` files, JSONL streams and standard input become
//!   [`RawArticle`]s; each bad file or line is an error naming its place, invalid UTF-8
//!   is repaired with a warning.
//! - [`clean()`]: a raw page becomes a [`Document`](parley_types::Document): title,
//!   dateline, outlet, author, publication date, and the body with page furniture
//!   (photo credits, captions, "READ MORE" teasers, counters, section labels, blurbs)
//!   removed and an offset map back to the raw bytes.
//! - [`split_sentences`]: sentences of the cleaned body, aware of abbreviations,
//!   quotes, brackets and paragraphs.
//! - [`dates`]: publication dates in messy forms and event dates from relative
//!   references ("on Thursday", "last week").
//!
//! ```
//! use parley_text::{clean, split_sentences, RawArticle};
//!
//! let raw = RawArticle {
//!     id: "example".into(),
//!     text: "Kenya Recalls Envoy From Uganda\n\n© AFP Photo/ Jane Roe\n\n\
//!            NAIROBI (Xinhua - 03rd March, 2021) Kenya recalled its ambassador \
//!            to Uganda on Tuesday, the foreign ministry said. Gen. Otieno flew home.\n\n\
//!            READ MORE: Uganda Denies Border Incursion - Army\n"
//!         .into(),
//!     ..RawArticle::default()
//! };
//! let mut doc = clean(&raw);
//! assert_eq!(doc.title.as_deref(), Some("Kenya Recalls Envoy From Uganda"));
//! assert_eq!(doc.dateline.as_deref(), Some("NAIROBI"));
//! assert_eq!(doc.outlet.as_deref(), Some("Xinhua"));
//! assert_eq!(doc.doc_date.map(|d| d.to_string()).as_deref(), Some("2021-03-03"));
//! split_sentences(&mut doc);
//! assert_eq!(doc.sentences.len(), 2);
//! assert!(doc.sentences[0].text.starts_with("Kenya recalled its ambassador"));
//!
//! let published = doc.doc_date.unwrap();
//! let (when, _) = parley_text::dates::resolve_event_date(&doc.sentences[0].text, published).unwrap();
//! assert_eq!(when.to_string(), "2021-03-02");
//! ```
#![deny(missing_docs)]

mod clean;
pub mod dates;
mod encoding;
mod error;
pub mod ingest;
mod sentence;

pub use clean::clean;
pub use clean::furniture::Furniture;
pub use error::{Location, TextError};
pub use ingest::{read_jsonl, read_path, read_text, ArticleReader, RawArticle};
pub use sentence::{sentence_spans, split_sentences, MAX_SENTENCE_BYTES, MAX_SENTENCE_WORDS};
