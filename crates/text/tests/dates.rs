//! Dates: fixture cases and generated variants of every form (other days, months,
//! spellings).

use chrono::{Datelike, Days, Weekday};
use parley_text::dates::{
    find_event_dates, parse_publication_date, resolve_event_date, DatePrecision,
};
use parley_types::Date;
use serde::Deserialize;

use crate::support::{assert_unique, fixture};

#[derive(Deserialize)]
struct DateCases {
    publication: Vec<Publication>,
    event: Vec<Event>,
}

#[derive(Deserialize)]
struct Publication {
    name: String,
    text: String,
    expected: String,
    #[allow(dead_code)]
    note: String,
}

#[derive(Deserialize)]
struct Event {
    name: String,
    doc_date: String,
    sentence: String,
    expected: String,
    span: Option<String>,
    #[allow(dead_code)]
    note: String,
}

fn cases() -> DateCases {
    toml::from_str(&fixture("dates.toml")).expect("dates.toml parses")
}

fn date(s: &str) -> Date {
    s.parse().expect("ISO date")
}

#[test]
fn date_case_names_are_unique() {
    let c = cases();
    assert_unique(
        c.publication
            .iter()
            .map(|p| p.name.as_str())
            .chain(c.event.iter().map(|e| e.name.as_str())),
    );
}

#[test]
fn publication_dates() {
    let mut failures = Vec::new();
    for p in cases().publication {
        let got = parse_publication_date(&p.text).map_or("none".to_string(), |d| d.to_string());
        if got != p.expected {
            failures.push(format!(
                "{}: {:?} → {got}, want {}",
                p.name, p.text, p.expected
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn event_dates() {
    let mut failures = Vec::new();
    for e in cases().event {
        let found = resolve_event_date(&e.sentence, date(&e.doc_date));
        let got = found.map_or("none".to_string(), |(d, _)| d.to_string());
        let span = found.map(|(_, s)| s.slice(&e.sentence).to_string());
        if got != e.expected || span != e.span {
            failures.push(format!(
                "{}: {:?} → {got} {span:?}, want {} {:?}",
                e.name, e.sentence, e.expected, e.span
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

fn ordinal(d: u32) -> &'static str {
    match d {
        1 | 21 | 31 => "st",
        2 | 22 => "nd",
        3 | 23 => "rd",
        _ => "th",
    }
}

/// Every month, several days and years, in every supported publication form.
#[test]
fn generated_publication_forms() {
    let mut checked = 0;
    for (m0, month) in MONTHS.iter().enumerate() {
        let m = m0 as u32 + 1;
        let abbr = &month[..3];
        for (d, y) in [(1u32, 2016), (9, 2019), (12, 2020), (28, 2023), (30, 2024)] {
            let Some(want) = Date::from_ymd_opt(y, m, d) else {
                continue;
            };
            let wd = WEEKDAYS[want.weekday().num_days_from_monday() as usize];
            let forms = [
                format!("{d:02}{} {month}, {y}", ordinal(d)),
                format!("{} {d:02}{} {month} {y} | 12:15 PM", &wd[..3], ordinal(d)),
                format!(" date {y}-{m:02}-{d:02}"),
                format!("{month} {d}, {y} (KAMPALA"),
                format!("{y}-{m:02}-{d:02}T15:46:00Z"),
                format!("{wd}, {month} {d}, {y}"),
                format!("{d} {abbr} {y}"),
                format!("{d}.{m:02}.{y}"),
                format!("Updated: {d} {} {y}", month.to_uppercase()),
            ];
            for f in forms {
                assert_eq!(parse_publication_date(&f), Some(want), "{f:?}");
                checked += 1;
            }
            // A time-zone offset glued to the day, for offsets 1 to 9 (and two-digit
            // offsets where the day leaves no other reading).
            for off in 1..=9 {
                let f = format!("15:46 GMT +{off}{d} {month} {y}");
                assert_eq!(parse_publication_date(&f), Some(want), "{f:?}");
                checked += 1;
            }
        }
    }
    assert!(checked > 800, "{checked}");
}

/// "on <Weekday>" for every weekday and a fortnight of publication dates: the same
/// weekday, on or before the publication date, less than a week before.
#[test]
fn generated_weekday_references() {
    let start = date("2024-02-20");
    for offset in 0..14 {
        let doc = start.checked_add_days(Days::new(offset)).expect("date");
        for (i, name) in WEEKDAYS.iter().enumerate() {
            let want = Weekday::try_from(i as u8).expect("weekday");
            for s in [
                format!("The minister said on {name} that talks would go on."),
                format!("Troops withdrew {name}."),
            ] {
                let (d, span) = resolve_event_date(&s, doc).expect("weekday found");
                assert_eq!(d.weekday(), want, "{s} / {doc}");
                assert!(d <= doc && (doc - d).num_days() < 7, "{s} / {doc} → {d}");
                assert_eq!(span.slice(&s), *name);
            }
            let last = format!("They met last {name}.");
            let (d, _) = resolve_event_date(&last, doc).expect("last weekday");
            assert!(
                d < doc && (doc - d).num_days() <= 7 && d.weekday() == want,
                "{last} / {doc} → {d}"
            );
            let next = format!("They will meet next {name}.");
            let (d, _) = resolve_event_date(&next, doc).expect("next weekday");
            assert!(
                d > doc && (d - doc).num_days() <= 7 && d.weekday() == want,
                "{next} / {doc} → {d}"
            );
        }
        let (y, _) = resolve_event_date("It happened yesterday.", doc).expect("yesterday");
        assert_eq!(doc - y, chrono::Duration::days(1));
    }
}

/// "on <Month> <day>" and "<day> <Month>" for every month against publication dates
/// across a year: the latest such day not after publication.
#[test]
fn generated_month_day_references() {
    for doc in [date("2023-01-02"), date("2023-06-15"), date("2023-12-31")] {
        for (m0, month) in MONTHS.iter().enumerate() {
            for day in [1u32, 15, 28] {
                for s in [
                    format!("The accord was signed on {month} {day}."),
                    format!("The accord was signed on {day} {month}."),
                ] {
                    let (d, _) = resolve_event_date(&s, doc).expect("found");
                    assert_eq!((d.month(), d.day()), (m0 as u32 + 1, day), "{s}");
                    assert!(d <= doc && (doc - d).num_days() < 366, "{s} / {doc} → {d}");
                }
            }
            let s = format!("Sanctions were imposed in {month} 2021.");
            let found = find_event_dates(&s, doc);
            assert_eq!(found.len(), 1, "{s}");
            assert_eq!(
                found[0].date,
                Date::from_ymd_opt(2021, m0 as u32 + 1, 1).expect("date")
            );
            assert_eq!(found[0].precision, DatePrecision::Month);
        }
    }
}

#[test]
fn relative_periods_have_their_precision() {
    let doc = date("2023-05-05");
    let cases = [
        ("last week", DatePrecision::Week),
        ("this week", DatePrecision::Week),
        ("last month", DatePrecision::Month),
        ("earlier this month", DatePrecision::Month),
        ("last year", DatePrecision::Year),
        ("earlier this year", DatePrecision::Year),
        ("yesterday", DatePrecision::Day),
    ];
    for (phrase, precision) in cases {
        let s = format!("The talks were held {phrase}, officials said.");
        let found = find_event_dates(&s, doc);
        assert_eq!(found.len(), 1, "{s}");
        assert_eq!(found[0].precision, precision, "{s}");
        assert_eq!(found[0].span.slice(&s), phrase);
    }
}

#[test]
fn references_to_an_earlier_sentence_use_its_date() {
    use parley_text::dates::resolve_event_date_in_context;
    let doc = date("2023-05-05");
    let thursday = Some(date("2023-05-04"));
    let cases = [
        (
            "The minister said earlier in the day that talks went on.",
            thursday,
            "2023-05-04",
            "earlier in the day",
        ),
        (
            "Troops left the same day.",
            thursday,
            "2023-05-04",
            "the same day",
        ),
        (
            "Envoys met the next day in Doha.",
            thursday,
            "2023-05-05",
            "the next day",
        ),
        (
            "Envoys had met the day before.",
            thursday,
            "2023-05-03",
            "the day before",
        ),
        (
            "Envoys had met the day before.",
            None,
            "2023-05-04",
            "the day before",
        ),
        (
            "The envoy arrived the day before yesterday.",
            thursday,
            "2023-05-03",
            "the day before yesterday",
        ),
        (
            "That day, on Monday, the talks stalled.",
            thursday,
            "2023-05-04",
            "That day",
        ),
    ];
    for (s, previous, want, span) in cases {
        let (d, sp) = resolve_event_date_in_context(s, doc, previous).expect("found");
        assert_eq!((d.to_string().as_str(), sp.slice(s)), (want, span), "{s}");
    }
    assert_eq!(
        resolve_event_date_in_context("No date here.", doc, thursday),
        None
    );
}
