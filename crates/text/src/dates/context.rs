//! Dates that refer to an earlier sentence of the story ("earlier in the day", "the
//! same day", "the next day").

use parley_types::{Date, Span};

use super::calendar::tokens;
use super::relative::{find_event_dates, span};

/// Phrases that date an event relative to the day an earlier sentence spoke of, with
/// their offset in days.
const ANAPHORIC: &[(&[&str], i64)] = &[
    (&["earlier", "in", "the", "day"], 0),
    (&["later", "in", "the", "day"], 0),
    (&["earlier", "that", "day"], 0),
    (&["later", "that", "day"], 0),
    (&["the", "same", "day"], 0),
    (&["that", "same", "day"], 0),
    (&["that", "day"], 0),
    (&["that", "morning"], 0),
    (&["that", "evening"], 0),
    (&["the", "next", "day"], 1),
    (&["the", "following", "day"], 1),
    (&["a", "day", "later"], 1),
    (&["the", "day", "before"], -1),
    (&["the", "previous", "day"], -1),
    (&["a", "day", "earlier"], -1),
];

/// Like [`resolve_event_date`](super::resolve_event_date), but also understands references to the day an earlier
/// sentence spoke of ("earlier in the day", "the same day", "the next day", "the day
/// before"): they resolve against `previous` — the event date of the story's last
/// dated sentence — or against `doc_date` when there is none.
///
/// ```
/// use parley_text::dates::resolve_event_date_in_context;
/// use parley_types::Date;
/// let published = Date::from_ymd_opt(2023, 5, 5).unwrap();
/// let thursday = Date::from_ymd_opt(2023, 5, 4);
/// let s = "The French minister said earlier in the day that dialogue went on.";
/// let (date, span) = resolve_event_date_in_context(s, published, thursday).unwrap();
/// assert_eq!(date.to_string(), "2023-05-04");
/// assert_eq!(span.slice(s), "earlier in the day");
/// ```
pub fn resolve_event_date_in_context(
    sentence: &str,
    doc_date: Date,
    previous: Option<Date>,
) -> Option<(Date, Span)> {
    let own = find_event_dates(sentence, doc_date).into_iter().next();
    let toks = tokens(sentence);
    let base = previous.unwrap_or(doc_date);
    let anaphoric = (0..toks.len()).find_map(|i| {
        ANAPHORIC.iter().find_map(|(words, offset)| {
            let matches = words
                .iter()
                .enumerate()
                .all(|(k, w)| toks.get(i + k).is_some_and(|t| t.is_word(w)));
            if !matches {
                return None;
            }
            let date = base.checked_add_signed(chrono::Duration::days(*offset))?;
            Some((date, span(&toks, i, i + words.len())))
        })
    });
    match (own, anaphoric) {
        (Some(o), Some(a)) if a.1.start < o.span.start => Some(a),
        (Some(o), _) => Some((o.date, o.span)),
        (None, a) => a,
    }
}
