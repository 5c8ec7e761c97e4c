//! PETRARCH/TABARI compatibility: reading their verb dictionaries and discard lists
//! ([`verbs`]), and the PETRARCH unit-test records harness ([`records`]).

pub mod records;
pub mod verbs;

pub use records::{unit_records, UnitReport};
