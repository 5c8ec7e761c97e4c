//! Publication dates in the forms scraped pages use: "05th May, 2023",
//! "Thu 02nd April 2020 | 12:15 PM", "2018-04-12T15:46:00Z", "Monday, March 26, 2018",
//! "April 9, 2007 (N'DJAMENA…", "26 Mar 2018", "12.04.2018", and a time-zone offset
//! glued to the day ("15:46 GMT +312 April 2018" is 12 April 2018 at GMT+3).

use parley_types::{Date, Span};

use super::calendar::{month_number, tokens, Kind, Tok};

/// Years accepted as publication or event years.
const YEARS: std::ops::RangeInclusive<u32> = 1900..=2100;

/// The first complete date (day, month and year) in `text`.
///
/// Slash dates whose day and month are both 12 or less ("04/05/2018") are ambiguous
/// between day-first and month-first and are skipped rather than guessed; dotted dates
/// ("04.05.2018") are read day-first.
///
/// ```
/// use parley_text::dates::parse_publication_date;
/// let d = parse_publication_date("15:46 GMT +312 April 2018").unwrap();
/// assert_eq!(d.to_string(), "2018-04-12");
/// ```
pub fn parse_publication_date(text: &str) -> Option<Date> {
    find_date(text).map(|(date, _)| date)
}

/// The first complete date in `text` and the byte span it covers.
pub fn find_date(text: &str) -> Option<(Date, Span)> {
    let toks = tokens(text);
    (0..toks.len()).find_map(|i| {
        full_date_at(&toks, i).map(|m| (m.date, Span::new(m.start, toks[m.end_tok - 1].end)))
    })
}

/// A date matched at a token position.
#[derive(Debug, Clone, Copy)]
pub(crate) struct DateMatch {
    pub date: Date,
    /// Byte where the match starts (may be inside the first token for a glued offset).
    pub start: usize,
    /// Token index one past the match.
    pub end_tok: usize,
}

fn ymd(y: u32, m: u32, d: u32) -> Option<Date> {
    if !YEARS.contains(&y) {
        return None;
    }
    Date::from_ymd_opt(i32::try_from(y).ok()?, m, d)
}

fn adjacent(a: &Tok<'_>, b: &Tok<'_>) -> bool {
    a.end == b.start
}

/// A year token: exactly four digits in range.
fn year(t: Option<&Tok<'_>>) -> Option<u32> {
    let t = t?;
    (t.digits() == 4)
        .then(|| t.number())
        .flatten()
        .filter(|y| YEARS.contains(y))
}

/// A month-name token, optionally followed by an abbreviation dot; returns the month
/// and the index after it.
pub(crate) fn month_at(toks: &[Tok<'_>], i: usize) -> Option<(u32, usize)> {
    let t = toks.get(i)?;
    if t.kind != Kind::Word {
        return None;
    }
    let m = month_number(t.text)?;
    let next = i + 1;
    // The dot of "Sept." or "Jan." belongs to the month; after "March" or "May" it
    // ends the sentence.
    let abbreviated = t.text.len() <= 4
        && !matches!(
            t.text.to_ascii_lowercase().as_str(),
            "may" | "june" | "july"
        );
    if abbreviated
        && toks
            .get(next)
            .is_some_and(|n| n.is_punct('.') && adjacent(t, n))
    {
        return Some((m, next + 1));
    }
    Some((m, next))
}

/// Skips one comma at `i`.
fn skip_comma(toks: &[Tok<'_>], i: usize) -> usize {
    if toks.get(i).is_some_and(|t| t.is_punct(',')) {
        i + 1
    } else {
        i
    }
}

/// A complete date starting at token `i`, in any supported form.
pub(crate) fn full_date_at(toks: &[Tok<'_>], i: usize) -> Option<DateMatch> {
    iso_at(toks, i)
        .or_else(|| numeric_at(toks, i))
        .or_else(|| glued_offset_at(toks, i))
        .or_else(|| day_month_year_at(toks, i))
        .or_else(|| month_day_year_at(toks, i))
}

/// 2018-04-12, 2018/04/12, 2018.04.12 (and a trailing time, which is not consumed).
fn iso_at(toks: &[Tok<'_>], i: usize) -> Option<DateMatch> {
    let [y, s1, m, s2, d] = toks.get(i..i + 5)? else {
        return None;
    };
    let sep = match s1.kind {
        Kind::Punct(c @ ('-' | '/' | '.')) => c,
        _ => return None,
    };
    if y.digits() != 4
        || !s2.is_punct(sep)
        || !(1..=2).contains(&m.digits())
        || !(1..=2).contains(&d.digits())
    {
        return None;
    }
    if !(adjacent(y, s1) && adjacent(s1, m) && adjacent(m, s2) && adjacent(s2, d)) {
        return None;
    }
    let date = ymd(y.number()?, m.number()?, d.number()?)?;
    Some(DateMatch {
        date,
        start: y.start,
        end_tok: i + 5,
    })
}

/// 12.04.2018 (day first), 25/12/2018 or 12/25/2018 (order decided by which part
/// exceeds 12; ambiguous ones are skipped).
fn numeric_at(toks: &[Tok<'_>], i: usize) -> Option<DateMatch> {
    let [a, s1, b, s2, y] = toks.get(i..i + 5)? else {
        return None;
    };
    let sep = match s1.kind {
        Kind::Punct(c @ ('-' | '/' | '.')) => c,
        _ => return None,
    };
    if !s2.is_punct(sep)
        || y.digits() != 4
        || !(1..=2).contains(&a.digits())
        || !(1..=2).contains(&b.digits())
    {
        return None;
    }
    if !(adjacent(a, s1) && adjacent(s1, b) && adjacent(b, s2) && adjacent(s2, y)) {
        return None;
    }
    let (a_n, b_n, y_n) = (a.number()?, b.number()?, y.number()?);
    let (day, month) = if sep == '.' || (a_n > 12 && b_n <= 12) || a_n == b_n {
        (a_n, b_n)
    } else if b_n > 12 && a_n <= 12 {
        (b_n, a_n)
    } else {
        return None;
    };
    let date = ymd(y_n, month, day)?;
    Some(DateMatch {
        date,
        start: a.start,
        end_tok: i + 5,
    })
}

/// Day, optional "of", month, optional comma, year: "05th May, 2023", "12 April 2018".
fn day_month_year_at(toks: &[Tok<'_>], i: usize) -> Option<DateMatch> {
    let d = toks.get(i)?;
    if !(1..=2).contains(&d.digits()) || preceded_by_number_glue(toks, i) {
        return None;
    }
    let mut j = i + 1;
    if toks.get(j).is_some_and(|t| t.is_word("of")) {
        j += 1;
    }
    let (month, j) = month_at(toks, j)?;
    let j = skip_comma(toks, j);
    let y = year(toks.get(j))?;
    let date = ymd(y, month, d.number()?)?;
    Some(DateMatch {
        date,
        start: d.start,
        end_tok: j + 1,
    })
}

/// Month, day, optional comma, year: "April 9, 2007", "Sept. 3 2019".
fn month_day_year_at(toks: &[Tok<'_>], i: usize) -> Option<DateMatch> {
    let (month, j) = month_at(toks, i)?;
    let d = toks.get(j)?;
    if !(1..=2).contains(&d.digits()) {
        return None;
    }
    let k = skip_comma(toks, j + 1);
    let y = year(toks.get(k))?;
    let date = ymd(y, month, d.number()?)?;
    Some(DateMatch {
        date,
        start: toks[i].start,
        end_tok: k + 1,
    })
}

/// True when the number at `i` is glued to a `:` or digits before it (a time such as
/// "12:15" is not a day).
fn preceded_by_number_glue(toks: &[Tok<'_>], i: usize) -> bool {
    i > 0 && toks[i - 1].is_punct(':') && adjacent(&toks[i - 1], &toks[i])
}

/// "GMT +312 April 2018": an offset of one or two digits glued to the day. The
/// shortest offset that leaves a valid day wins.
fn glued_offset_at(toks: &[Tok<'_>], i: usize) -> Option<DateMatch> {
    let num = toks.get(i)?;
    if !(2..=6).contains(&num.digits()) || i < 2 {
        return None;
    }
    let sign = &toks[i - 1];
    if !(sign.is_punct('+') || sign.is_punct('-')) || !adjacent(sign, num) {
        return None;
    }
    let zone = &toks[i - 2];
    let is_zone = zone.kind == Kind::Word
        && matches!(
            zone.text.to_ascii_uppercase().as_str(),
            "GMT" | "UTC" | "UT" | "Z"
        );
    if !is_zone {
        return None;
    }
    let (month, j) = month_at(toks, i + 1)?;
    let j = skip_comma(toks, j);
    let y = year(toks.get(j))?;
    let digits = num.text;
    for offset_len in [1usize, 2, 4] {
        let Some(day_text) = digits.get(offset_len..) else {
            continue;
        };
        let offset_ok = match offset_len {
            4 => digits
                .get(..2)
                .and_then(|h| h.parse::<u32>().ok())
                .is_some_and(|h| h <= 14),
            _ => digits
                .get(..offset_len)
                .and_then(|h| h.parse::<u32>().ok())
                .is_some_and(|h| h <= 14),
        };
        if !offset_ok || !(1..=2).contains(&day_text.len()) {
            continue;
        }
        let Ok(day) = day_text.parse::<u32>() else {
            continue;
        };
        if let Some(date) = ymd(y, month, day) {
            return Some(DateMatch {
                date,
                start: num.start + offset_len,
                end_tok: j + 1,
            });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Option<String> {
        parse_publication_date(s).map(|d| d.to_string())
    }

    #[test]
    fn listed_forms() {
        assert_eq!(d("05th May, 2023").as_deref(), Some("2023-05-05"));
        assert_eq!(
            d("Thu 02nd April 2020 | 12:15 PM").as_deref(),
            Some("2020-04-02")
        );
        assert_eq!(d(" date 2022-09-19").as_deref(), Some("2022-09-19"));
        assert_eq!(d("April 9, 2007 (N'DJAMENA").as_deref(), Some("2007-04-09"));
        assert_eq!(
            d("15:46 GMT +312 April 2018").as_deref(),
            Some("2018-04-12")
        );
        assert_eq!(d("2018-04-12T15:46:00Z").as_deref(), Some("2018-04-12"));
        assert_eq!(d("Monday, March 26, 2018").as_deref(), Some("2018-03-26"));
        assert_eq!(d("26 Mar 2018").as_deref(), Some("2018-03-26"));
    }

    #[test]
    fn numeric_order_and_ambiguity() {
        assert_eq!(d("25/12/2018").as_deref(), Some("2018-12-25"));
        assert_eq!(d("12/25/2018").as_deref(), Some("2018-12-25"));
        assert_eq!(d("04/05/2018"), None);
        assert_eq!(d("04.05.2018").as_deref(), Some("2018-05-04"));
        assert_eq!(d("07/07/2019").as_deref(), Some("2019-07-07"));
    }

    #[test]
    fn invalid_and_partial_dates() {
        assert_eq!(d("31 April 2018"), None);
        assert_eq!(d("May 2023"), None);
        assert_eq!(d("12:15 April 2020"), None);
        assert_eq!(d("no date here"), None);
        assert_eq!(d("5 May 3023"), None);
    }

    #[test]
    fn span_covers_the_date() {
        let s = "Updated: 15:46 GMT +312 April 2018 (edited)";
        let (_, span) = find_date(s).expect("a value");
        assert_eq!(span.slice(s), "12 April 2018");
    }
}
