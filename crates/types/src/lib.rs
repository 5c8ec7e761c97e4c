//! Shared types of the parley pipeline.
//!
//! Every stage of parley (clean → segment → nlp → actors → events → store) reads and
//! writes these types, so stages can change independently as long as this small crate
//! stays stable:
//!
//! - [`Span`]: a half-open byte range into an article's *cleaned* text.
//! - [`Document`]: one article — metadata, cleaned text, the furniture removed from the
//!   raw page and the [`OffsetMap`] back to raw bytes, and its [`Sentence`]s.
//! - [`Token`]: a word with its tag, lemma and dependency head.
//! - [`Actor`]: who — a CAMEO actor code with its country and sector.
//! - [`Event`]: the record `parley code` writes, one JSON line each.
//!
//! ```
//! use parley_types::{Span, Actor};
//! let a = Actor::new("RUSGOV", "Russian Foreign Ministry", Span::new(0, 24));
//! assert_eq!(a.country.as_deref(), Some("RUS"));
//! assert_eq!(a.sector.as_deref(), Some("GOV"));
//! ```
#![deny(missing_docs)]

mod document;
mod event;
mod span;

pub use document::{Document, OffsetMap, Removed, Sentence, Token};
pub use event::{is_sector, Actor, Attribution, Event, EventFlags, Evidence};
pub use span::Span;

/// A calendar date (no time zone): publication and event dates.
pub type Date = chrono::NaiveDate;
