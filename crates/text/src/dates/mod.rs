//! Dates: publication dates in messy page forms, and event dates from relative
//! references resolved against the publication date.

pub(crate) mod calendar;
mod context;
mod publication;
mod relative;

pub use context::resolve_event_date_in_context;
pub use publication::{find_date, parse_publication_date};
pub use relative::{find_event_dates, resolve_event_date, DatePrecision, EventDate};
