//! Actor recognition: who is who in a news sentence.
//!
//! This stage sits between the nlp stage and the event coder. For every sentence of a
//! [`parley_types::Document`] it finds the actors — states, capitals and seats of
//! government used for their governments, institutions, officials with dated
//! offices, IGOs and NGOs, regions and blocs, armed non-state groups — and codes
//! them in CAMEO's actor scheme (country + sector: `RUSGOV`, `FRA`, `IGOUNO`,
//! `WST`).
//!
//! - [`ActorDictionary`]: the compiled knowledge. [`ActorDictionary::builtin`] is the
//!   project's own data (`data/*.txt`, embedded); [`ActorDictionary::with_petrarch_dir`]
//!   reads PETRARCH/TABARI actor and agent dictionaries instead.
//! - [`ActorDictionary::recognize`]: mentions per sentence, non-overlapping, in
//!   text order, spans in document offsets.
//! - [`Mention`] and [`MentionKind`]: one recognised phrase with its
//!   [`parley_types::Actor`] and, for pronouns, titles and surnames, its antecedent.
//!
//! How it works: every phrase is folded (lower case, accents stripped) into one
//! Aho-Corasick automaton; matches must be whole words, respect the letter case the
//! dictionary wrote ("US" but not "us") and are chosen leftmost-longest ("New
//! Zealand" beats "Zealand"). Adjacent phrases then compose into one actor
//! (nationality + institution + role + name), "X of Country", "Country's X" and
//! appositions join, and coreference points surnames, titles ("the minister",
//! "Madame Minister"), descriptions ("the ministry") and pronouns at the nearest
//! compatible actor. A reference that cannot be resolved stays unresolved. Codes
//! follow the date: office holders, movements that governed for some years, and
//! states that became independent (before that, their capital and towns belong to
//! the older state). A capital named as a place ("protesters in Nairobi") is the
//! country, not its government; "ethnic Hungarians in Slovakia" are civilians of
//! the state the sentence places them in; state-run outlets ("the official Iraqi
//! news agency") speak for the government. Tokens
//! from the nlp stage are used when present (heads, expletive "it") but are not
//! required.
//!
//! ```
//! use parley_actors::{document_from_text, ActorDictionary, MentionKind};
//!
//! let date = chrono::NaiveDate::from_ymd_opt(2023, 5, 5);
//! let doc = document_from_text(
//!     "example",
//!     "Russian Foreign Ministry spokeswoman Maria Zakharova said Paris had frozen \
//!      contacts. She said the Quai d'Orsay was to blame.",
//!     date,
//! );
//! let mentions = ActorDictionary::builtin().recognize(&doc);
//! let first = &mentions[0][0];
//! assert_eq!(first.actor.code, "RUSGOV");
//! assert_eq!(first.actor.name.as_deref(), Some("Maria Zakharova"));
//! assert_eq!(mentions[0][1].actor.code, "FRAGOV"); // Paris, the French government
//! let she = &mentions[1][0];
//! assert_eq!(she.kind, MentionKind::Pronoun);
//! assert_eq!(she.actor.code, "RUSGOV");
//! assert_eq!(she.antecedent, Some((0, 0)));
//! assert_eq!(mentions[1][1].actor.code, "FRAGOV"); // the Quai d'Orsay
//! ```
#![deny(missing_docs)]

mod builtin;
mod composition;
mod coreference;
mod coverage;
mod dictionary;
mod draft;
mod entry;
mod error;
mod fold;
mod gap;
mod matcher;
mod mention;
mod petrarch;
mod plain;

pub use coverage::{Coverage, OfficeSpan};
pub use dictionary::ActorDictionary;
pub use error::ActorError;
pub use mention::{Mention, MentionKind};
pub use plain::document_from_text;
