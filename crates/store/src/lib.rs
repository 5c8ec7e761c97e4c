//! The event store: coded articles go into one SQLite file; dyad timelines, the
//! channel ledger, claims and exports come out.
//!
//! - [`Store`]: opens or creates the database (WAL mode, versioned schema with
//!   migrations) and [`Store::ingest`]s batches of [`Article`]s, one transaction per
//!   batch, skipping articles whose [`content_hash`] is stored unless told to recode.
//! - Stories: the same real-world event reported by several sentences, articles or
//!   outlets is stored once, with its mentions (see [`story`] for what matches).
//! - [`Store::dyad`]: a [`Timeline`] of Goldstein means and sums, QuadClass counts,
//!   normalised volume, top PLOVER types and key events per period, read from
//!   per-(source, target, day) aggregates that ingest keeps in the same transaction
//!   (so a timeline costs the days it spans, not the dyad's stories);
//!   [`Store::dyad_from_stories`] computes the same from the stories. [`plot`] draws
//!   it as SVG.
//! - [`Store::channels`] and [`Store::claims`]: the channel ledger and contradicting
//!   claims, from channel statements read at ingest by `parley-relations`.
//! - [`Store::events`] and [`Store::export`]: filtered events; GDELT 2.0, CSV, JSON Lines and
//!   Parquet exports.
//!
//! ```
//! use parley_store::{content_hash, Article, DyadQuery, IngestOptions, Store};
//! use parley_types::{Actor, Document, Event, Span};
//!
//! let sentence = "France suspended talks with Russia on Thursday.";
//! let doc = Document { id: "a1".into(), doc_date: "2023-05-05".parse().ok(), text: sentence.into(), ..Document::default() };
//! let event = Event {
//!     doc_id: "a1".into(),
//!     date: "2023-05-04".parse().ok(),
//!     sentence: sentence.into(),
//!     source: Actor::new("FRA", "France", Span::new(0, 6)),
//!     target: Some(Actor::new("RUS", "Russia", Span::new(28, 34))),
//!     cameo: "161".into(), cameo_root: "16".into(), quad_class: Some(4), goldstein: Some(-4.0),
//!     plover: Some("SANCTION".into()),
//!     ..Event::default()
//! };
//! let mut store = Store::open_in_memory()?;
//! let hash = content_hash(sentence);
//! let events = [event];
//! store.ingest(&[Article { doc: &doc, mentions: &[], events: &events, hash: &hash }], IngestOptions::default())?;
//! let t = store.dyad(&DyadQuery::new("RUS", "FRA"))?;
//! assert_eq!(t.periods[0].period, "2023");
//! assert_eq!(t.periods[0].goldstein_mean, Some(-4.0));
//! # Ok::<(), parley_store::StoreError>(())
//! ```
#![deny(missing_docs)]

mod aggregate;
mod error;
mod period;
mod schema;
mod store;
pub mod story;
mod timeline;
mod writer;

pub use aggregate::KEY_EVENTS_PER_DAY;
pub use error::{Result, StoreError};
pub use period::Period;
pub use schema::SCHEMA_VERSION;
pub use store::{
    content_hash, Article, IngestOptions, IngestReport, OnDuplicate, Store, StoreStats,
};
pub use timeline::{Direction, DyadQuery, KeyEvent, PeriodStats, QuadCounts, Timeline, TypeCount};
mod ledger;
mod query;
pub use ledger::{ClaimReport, CLAIM_WINDOW_DAYS};
pub use query::{ActorRow, EventFilter, EventRow, MentionRow};
mod export;
#[cfg(feature = "parquet")]
mod parquet;
pub use export::{gdelt_row, ExportFormat, CSV_COLUMNS, GDELT_COLUMNS};
pub mod plot;
pub mod synthetic;
