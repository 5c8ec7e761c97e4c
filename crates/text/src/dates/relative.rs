//! Event dates: explicit and relative date references in a sentence, resolved against
//! the publication date.
//!
//! The rules, as a reader of wire copy would apply them:
//!
//! - A bare weekday ("on Thursday", "said Thursday") is the most recent such day on or
//!   before the publication date: a story published on a Thursday that says "on
//!   Thursday" means that same day. "last Thursday" is strictly before; "next
//!   Thursday", or a weekday after a future marker ("will", "is due to", "scheduled")
//!   is the first such day on or after the publication date.
//! - "today", "tonight", "this morning" → the publication date; "yesterday", "last
//!   night" → the day before; "the day before yesterday" → two days before;
//!   "tomorrow" → the day after.
//! - "last week" → seven days before (week precision); "this week", "earlier this
//!   week" → the publication date (week precision); "next week" → seven days after.
//! - "last month" → the first of the previous month; "this month", "earlier this
//!   month" → the first of the current month (month precision). Years likewise.
//! - "N days/weeks/months/years ago" → counted back from the publication date.
//! - A day and month without year ("on April 5", "5 April") → the latest such day not
//!   after the publication date, or the next one after a future marker.
//! - A month with a year ("in February 2022") → the first of that month (month
//!   precision); a month alone after "in", "since", "during", "early", "late" → the
//!   latest such month not after the publication month; "in 2014" → 1 January (year
//!   precision).
//! - A complete date ("March 26, 2018", "2018-03-26") is taken as is; a weekday
//!   followed by a date ("Monday, March 26") is that date.

use chrono::{Datelike, Days, Months, Weekday};
use parley_types::{Date, Span};

use super::calendar::{is_full_weekday, tokens, weekday, Kind, Tok};
use super::publication::{full_date_at, month_at};

/// How precise an [`EventDate`] is: a "last month" reference names a month, not a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DatePrecision {
    /// A specific day.
    Day,
    /// Some day of a week; the date is a representative day of it.
    Week,
    /// Some day of a month; the date is its first day.
    Month,
    /// Some day of a year; the date is 1 January.
    Year,
}

/// A date reference found in a sentence and resolved to a calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EventDate {
    /// The resolved date.
    pub date: Date,
    /// Byte range of the reference in the sentence.
    pub span: Span,
    /// How precise the reference is.
    pub precision: DatePrecision,
}

/// The first date reference in `sentence`, resolved against `doc_date`; `None` when
/// the sentence has none (the caller then uses the publication date).
///
/// ```
/// use parley_text::dates::resolve_event_date;
/// use parley_types::Date;
/// let published = Date::from_ymd_opt(2023, 5, 5).unwrap(); // a Friday
/// let s = "The spokeswoman said on Thursday that talks had stopped.";
/// let (date, span) = resolve_event_date(s, published).unwrap();
/// assert_eq!(date.to_string(), "2023-05-04");
/// assert_eq!(span.slice(s), "Thursday");
/// ```
pub fn resolve_event_date(sentence: &str, doc_date: Date) -> Option<(Date, Span)> {
    find_event_dates(sentence, doc_date)
        .first()
        .map(|e| (e.date, e.span))
}

/// Every date reference in `sentence`, left to right, resolved against `doc_date`.
pub fn find_event_dates(sentence: &str, doc_date: Date) -> Vec<EventDate> {
    let toks = tokens(sentence);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match reference_at(&toks, i, doc_date) {
            Some((found, next)) => {
                out.push(found);
                i = next.max(i + 1);
            }
            None => i += 1,
        }
    }
    out
}

fn word_at<'a>(toks: &'a [Tok<'a>], i: usize) -> Option<&'a str> {
    toks.get(i).filter(|t| t.kind == Kind::Word).map(|t| t.text)
}

fn lower_at(toks: &[Tok<'_>], i: usize) -> String {
    word_at(toks, i)
        .map(str::to_ascii_lowercase)
        .unwrap_or_default()
}

pub(super) fn span(toks: &[Tok<'_>], from: usize, to_excl: usize) -> Span {
    Span::new(toks[from].start, toks[to_excl - 1].end)
}

fn found(date: Date, span: Span, precision: DatePrecision) -> EventDate {
    EventDate {
        date,
        span,
        precision,
    }
}

/// Words before a reference that make it point forward in time.
fn future_context(toks: &[Tok<'_>], i: usize) -> bool {
    let from = i.saturating_sub(7);
    toks[from..i].iter().any(|t| {
        t.kind == Kind::Word
            && matches!(
                t.text.to_ascii_lowercase().as_str(),
                "will"
                    | "shall"
                    | "scheduled"
                    | "due"
                    | "upcoming"
                    | "planned"
                    | "plans"
                    | "expected"
            )
    })
}

/// Lower-case words that may follow a year ("in 2014 the court ruled").
const YEAR_FOLLOWERS: &[&str] = &[
    "the",
    "a",
    "an",
    "and",
    "or",
    "but",
    "when",
    "after",
    "before",
    "as",
    "to",
    "with",
    "while",
    "amid",
    "following",
    "that",
    "which",
    "it",
    "they",
    "he",
    "she",
    "we",
    "its",
    "their",
    "his",
    "her",
    "by",
    "in",
    "on",
    "at",
    "for",
    "of",
    "under",
    "during",
    "until",
    "since",
];

/// A reference starting at token `i`: the date and the token index after it.
fn reference_at(toks: &[Tok<'_>], i: usize, doc: Date) -> Option<(EventDate, usize)> {
    if let Some(m) = full_date_at(toks, i) {
        let s = Span::new(m.start, toks[m.end_tok - 1].end);
        return Some((found(m.date, s, DatePrecision::Day), m.end_tok));
    }
    let t = toks.get(i)?;
    match t.kind {
        Kind::Word => word_reference(toks, i, doc),
        Kind::Number => day_month_reference(toks, i, doc).or_else(|| ago_reference(toks, i, doc)),
        Kind::Punct(_) => None,
    }
}

fn word_reference(toks: &[Tok<'_>], i: usize, doc: Date) -> Option<(EventDate, usize)> {
    let t = &toks[i];
    let w = t.text.to_ascii_lowercase();
    let prev = if i > 0 {
        lower_at(toks, i - 1)
    } else {
        String::new()
    };
    let day = |d: Date, end: usize| Some((found(d, span(toks, i, end), DatePrecision::Day), end));
    if let Some(r) = word_ago_reference(toks, i, doc) {
        return Some(r);
    }
    match w.as_str() {
        "today" | "tonight" => return day(doc, i + 1),
        "yesterday" => {
            // "the day before yesterday"
            if prev == "before" && lower_at(toks, i.wrapping_sub(2)) == "day" && i >= 3 {
                let start = if lower_at(toks, i - 3) == "the" {
                    i - 3
                } else {
                    i - 2
                };
                let d = doc.checked_sub_days(Days::new(2))?;
                return Some((
                    found(d, span(toks, start, i + 1), DatePrecision::Day),
                    i + 1,
                ));
            }
            return day(doc.checked_sub_days(Days::new(1))?, i + 1);
        }
        "tomorrow" => return day(doc.checked_add_days(Days::new(1))?, i + 1),
        "this" => {
            let next = lower_at(toks, i + 1);
            if matches!(next.as_str(), "morning" | "afternoon" | "evening") {
                return day(doc, i + 2);
            }
            return relative_period(toks, i, doc, 0);
        }
        "last" | "past" | "previous" => {
            if lower_at(toks, i + 1) == "night" {
                return day(doc.checked_sub_days(Days::new(1))?, i + 2);
            }
            return relative_period(toks, i, doc, -1)
                .or_else(|| weekday_after_modifier(toks, i, doc, -1));
        }
        "next" | "coming" => {
            return relative_period(toks, i, doc, 1)
                .or_else(|| weekday_after_modifier(toks, i, doc, 1));
        }
        "weekend" if matches!(prev.as_str(), "the" | "this" | "last") => {
            let d = on_or_before(doc, Weekday::Sat);
            return Some((
                found(d, span(toks, i - 1, i + 1), DatePrecision::Week),
                i + 1,
            ));
        }
        _ => {}
    }
    if is_full_weekday(t.text) && t.is_capitalized() && prev != "the" {
        return weekday_reference(toks, i, doc);
    }
    if t.is_capitalized() {
        if let Some(r) = month_reference(toks, i, doc) {
            return Some(r);
        }
    }
    if matches!(w.as_str(), "in" | "since" | "during" | "until" | "by") {
        if let Some(y) = toks
            .get(i + 1)
            .filter(|n| n.digits() == 4)
            .and_then(Tok::number)
        {
            // "in 2014, …", "in 2014 the court …", but not "in 2000 rooms".
            let after = toks.get(i + 2);
            let plain = after.is_none_or(|a| match a.kind {
                Kind::Number => false,
                Kind::Punct(c) => c != '%',
                Kind::Word => {
                    a.is_capitalized()
                        || YEAR_FOLLOWERS.contains(&a.text.to_ascii_lowercase().as_str())
                }
            });
            if (1900..=2100).contains(&y) && plain {
                let d = Date::from_ymd_opt(i32::try_from(y).ok()?, 1, 1)?;
                return Some((
                    found(d, span(toks, i + 1, i + 2), DatePrecision::Year),
                    i + 2,
                ));
            }
        }
    }
    None
}

/// "this|last|next week|month|year", with "earlier"/"later" before "this" allowed.
fn relative_period(toks: &[Tok<'_>], i: usize, doc: Date, dir: i32) -> Option<(EventDate, usize)> {
    let unit = lower_at(toks, i + 1);
    let start = if dir == 0
        && matches!(
            lower_at(toks, i.wrapping_sub(1)).as_str(),
            "earlier" | "later"
        )
        && i > 0
    {
        i - 1
    } else {
        i
    };
    let (date, precision) = match unit.as_str() {
        "week" => {
            let d = match dir {
                -1 => doc.checked_sub_days(Days::new(7))?,
                1 => doc.checked_add_days(Days::new(7))?,
                _ => doc,
            };
            (d, DatePrecision::Week)
        }
        "month" => {
            let first = doc.with_day(1)?;
            let d = match dir {
                -1 => first.checked_sub_months(Months::new(1))?,
                1 => first.checked_add_months(Months::new(1))?,
                _ => first,
            };
            (d, DatePrecision::Month)
        }
        "year" => {
            let y = doc.year() + dir;
            (Date::from_ymd_opt(y, 1, 1)?, DatePrecision::Year)
        }
        _ => return None,
    };
    Some((found(date, span(toks, start, i + 2), precision), i + 2))
}

/// "last Thursday", "next Friday".
fn weekday_after_modifier(
    toks: &[Tok<'_>],
    i: usize,
    doc: Date,
    dir: i32,
) -> Option<(EventDate, usize)> {
    let w = word_at(toks, i + 1).filter(|w| is_full_weekday(w))?;
    let day = weekday(w)?;
    let date = if dir < 0 {
        on_or_before(doc.checked_sub_days(Days::new(1))?, day)
    } else {
        on_or_after(doc.checked_add_days(Days::new(1))?, day)
    };
    Some((found(date, span(toks, i, i + 2), DatePrecision::Day), i + 2))
}

/// A capitalised full weekday; a date right after it ("Monday, March 26") wins.
fn weekday_reference(toks: &[Tok<'_>], i: usize, doc: Date) -> Option<(EventDate, usize)> {
    let day = weekday(toks[i].text)?;
    let j = if toks.get(i + 1).is_some_and(|t| t.is_punct(',')) {
        i + 2
    } else {
        i + 1
    };
    if let Some(m) = full_date_at(toks, j) {
        let s = Span::new(toks[i].start, toks[m.end_tok - 1].end);
        return Some((found(m.date, s, DatePrecision::Day), m.end_tok));
    }
    if let Some((d, end)) = month_day_at(toks, j, doc, future_context(toks, i)) {
        return Some((found(d, span(toks, i, end), DatePrecision::Day), end));
    }
    let date = if future_context(toks, i) {
        on_or_after(doc, day)
    } else {
        on_or_before(doc, day)
    };
    Some((found(date, span(toks, i, i + 1), DatePrecision::Day), i + 1))
}

/// Month references starting at a capitalised month name: "April 5", "February 2022",
/// "in May".
fn month_reference(toks: &[Tok<'_>], i: usize, doc: Date) -> Option<(EventDate, usize)> {
    let future = future_context(toks, i);
    if let Some((d, end)) = month_day_at(toks, i, doc, future) {
        return Some((found(d, span(toks, i, end), DatePrecision::Day), end));
    }
    let (month, j) = month_at(toks, i)?;
    if let Some(y) = toks
        .get(j)
        .filter(|t| t.digits() == 4)
        .and_then(Tok::number)
    {
        if (1900..=2100).contains(&y) {
            let d = Date::from_ymd_opt(i32::try_from(y).ok()?, month, 1)?;
            return Some((found(d, span(toks, i, j + 1), DatePrecision::Month), j + 1));
        }
    }
    let prev = if i > 0 {
        lower_at(toks, i - 1)
    } else {
        String::new()
    };
    let hyphen_mid = i >= 2 && toks[i - 1].is_punct('-') && lower_at(toks, i - 2) == "mid";
    let introduced = matches!(
        prev.as_str(),
        "in" | "since" | "during" | "early" | "late" | "until" | "last" | "this"
    ) || hyphen_mid;
    // "May" alone is far more often the verb than the month.
    if !introduced || (month == 5 && prev != "in" && prev != "since" && prev != "during") {
        return None;
    }
    let mut y = doc.year();
    if month > doc.month() || (prev == "last" && month == doc.month()) {
        y -= 1;
    }
    let d = Date::from_ymd_opt(y, month, 1)?;
    Some((found(d, span(toks, i, j), DatePrecision::Month), j))
}

/// "April 5" / "April 5th" (month first) at `i`: the date and the index after it.
fn month_day_at(toks: &[Tok<'_>], i: usize, doc: Date, future: bool) -> Option<(Date, usize)> {
    let t = toks.get(i)?;
    if !t.is_capitalized() {
        return None;
    }
    let (month, j) = month_at(toks, i)?;
    let d = toks.get(j)?;
    if !(1..=2).contains(&d.digits()) || toks.get(j + 1).is_some_and(|n| n.is_punct(':')) {
        return None;
    }
    let date = nearest_day_month(doc, month, d.number()?, future)?;
    Some((date, j + 1))
}

/// "5 April" (day first) at `i`.
fn day_month_reference(toks: &[Tok<'_>], i: usize, doc: Date) -> Option<(EventDate, usize)> {
    let d = &toks[i];
    if !(1..=2).contains(&d.digits()) {
        return None;
    }
    let mut j = i + 1;
    if toks.get(j).is_some_and(|t| t.is_word("of")) {
        j += 1;
    }
    if !toks.get(j).is_some_and(Tok::is_capitalized) {
        return None;
    }
    let (month, end) = month_at(toks, j)?;
    let date = nearest_day_month(doc, month, d.number()?, future_context(toks, i))?;
    Some((found(date, span(toks, i, end), DatePrecision::Day), end))
}

/// "two days ago", "a week ago", "3 months ago".
fn ago_reference(toks: &[Tok<'_>], i: usize, doc: Date) -> Option<(EventDate, usize)> {
    let n = toks[i].number()?;
    ago_with(toks, i, n, doc)
}

fn ago_with(toks: &[Tok<'_>], i: usize, n: u32, doc: Date) -> Option<(EventDate, usize)> {
    let unit = lower_at(toks, i + 1);
    if lower_at(toks, i + 2) != "ago" {
        return None;
    }
    let n64 = u64::from(n);
    let (date, precision) = match unit.trim_end_matches('s') {
        "day" => (doc.checked_sub_days(Days::new(n64))?, DatePrecision::Day),
        "week" => (
            doc.checked_sub_days(Days::new(n64.checked_mul(7)?))?,
            DatePrecision::Week,
        ),
        "month" => (
            doc.checked_sub_months(Months::new(n))?,
            DatePrecision::Month,
        ),
        "year" => (
            doc.checked_sub_months(Months::new(n.checked_mul(12)?))?,
            DatePrecision::Year,
        ),
        _ => return None,
    };
    Some((found(date, span(toks, i, i + 3), precision), i + 3))
}

/// Number words before "days ago" and friends.
fn number_word(w: &str) -> Option<u32> {
    let n = match w.to_ascii_lowercase().as_str() {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        _ => return None,
    };
    Some(n)
}

/// The latest `day month` not after `doc` (or the first on or after it when `future`).
fn nearest_day_month(doc: Date, month: u32, day: u32, future: bool) -> Option<Date> {
    let this_year = Date::from_ymd_opt(doc.year(), month, day);
    if future {
        return match this_year {
            Some(d) if d >= doc => Some(d),
            _ => Date::from_ymd_opt(doc.year() + 1, month, day),
        };
    }
    match this_year {
        Some(d) if d <= doc => Some(d),
        _ => Date::from_ymd_opt(doc.year() - 1, month, day),
    }
}

fn on_or_before(doc: Date, day: Weekday) -> Date {
    let back = (7 + doc.weekday().num_days_from_monday() - day.num_days_from_monday()) % 7;
    doc.checked_sub_days(Days::new(u64::from(back)))
        .unwrap_or(doc)
}

fn on_or_after(doc: Date, day: Weekday) -> Date {
    let ahead = (7 + day.num_days_from_monday() - doc.weekday().num_days_from_monday()) % 7;
    doc.checked_add_days(Days::new(u64::from(ahead)))
        .unwrap_or(doc)
}

/// Number words ("two days ago") are words, so [`reference_at`] routes them here.
fn word_ago_reference(toks: &[Tok<'_>], i: usize, doc: Date) -> Option<(EventDate, usize)> {
    let n = number_word(word_at(toks, i)?)?;
    ago_with(toks, i, n, doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> Date {
        s.parse().expect("a value")
    }

    #[test]
    fn weekday_same_day_and_before() {
        let fri = date("2023-05-05");
        assert_eq!(on_or_before(fri, Weekday::Thu), date("2023-05-04"));
        assert_eq!(on_or_before(fri, Weekday::Fri), fri);
        assert_eq!(on_or_before(fri, Weekday::Sat), date("2023-04-29"));
        assert_eq!(on_or_after(fri, Weekday::Mon), date("2023-05-08"));
    }

    #[test]
    fn day_month_rollover() {
        let d = date("2024-01-03");
        assert_eq!(
            nearest_day_month(d, 12, 28, false),
            Some(date("2023-12-28"))
        );
        assert_eq!(nearest_day_month(d, 1, 3, false), Some(d));
        assert_eq!(nearest_day_month(d, 2, 29, false), None);
    }
}
