//! Relations between states as articles describe them: the state of each
//! communication channel (embassies, leaders, foreign ministers, consultations,
//! intergovernmental groups, military, parliamentary, cultural, economic and political
//! contacts) and the claims speakers make about them.
//!
//! This stage runs after event coding: it reads each sentence's words (lemmas and
//! dependency labels when the nlp stage gave them), the actors found in it and the
//! article's events (for speakers and dates), and returns:
//!
//! - [`ChannelStatement`]: "channel *kind* between *A* and *B* is *state*", with its
//!   sentence, speaker, date and whether it is a fact or a wish — read by
//!   [`ChannelReader`] with general patterns over channel nouns and state words from
//!   the reviewable lexicon `data/channels.txt` ([`Lexicon`]).
//! - [`ledger`]: folds statements into the last known state of each channel
//!   ([`LedgerEntry`]), as of a date.
//! - [`Claim`] and [`contradictions`]: statements with a speaker, and pairs of
//!   speakers who say opposite things about the same channel.
//!
//! ```
//! use parley_relations::{ChannelReader, ChannelKind, ChannelState};
//! use parley_types::{Actor, Document, Sentence, Span};
//!
//! let text = "Seoul said on Monday that talks between Japanese and South Korean defence ministries had been suspended.";
//! let sentence = Sentence { index: 0, span: Span::new(0, text.len()), text: text.into(), tokens: vec![] };
//! let doc = Document { id: "a1".into(), text: text.into(), sentences: vec![sentence], ..Document::default() };
//! let find = |w: &str| { let s = text.find(w).unwrap_or(0); Span::new(s, s + w.len()) };
//! let mentions = vec![vec![
//!     Actor::new("KORGOV", "Seoul", find("Seoul")),
//!     Actor::new("JPN", "Japanese", find("Japanese")),
//!     Actor::new("KOR", "South Korean", find("South Korean")),
//! ]];
//! let reader = ChannelReader::builtin()?;
//! let found = reader.read(&doc, &mentions, &[]);
//! assert_eq!(found.len(), 1);
//! assert_eq!(found[0].kind, ChannelKind::Military);
//! assert_eq!(found[0].state, ChannelState::Suspended);
//! assert_eq!(found[0].dyad, ("JPN".to_string(), "KOR".to_string()));
//! # Ok::<(), parley_relations::RelationsError>(())
//! ```
#![deny(missing_docs)]

mod channel;
mod claim;
mod error;
mod ledger;
mod lexicon;
mod reader;
mod words;

pub use channel::{dyad_key, speaker_name, ChannelKind, ChannelState, ChannelStatement, Modality};
pub use claim::{contradictions, Claim, Contradiction};
pub use error::RelationsError;
pub use ledger::{ledger, LedgerEntry};
pub use lexicon::Lexicon;
pub use reader::ChannelReader;
