//! The dateline that opens a wire story ("MOSCOW (UrduPoint News / Sputnik - 05th May,
//! 2023) The …", "PARIS (Sputnik) - …", "WASHINGTON, March 3 (Reuters) -",
//! "BEIRUT, Lebanon (AP) —", "April 9, 2007 (N'DJAMENA) -") and the byline.

use std::sync::OnceLock;

use parley_types::Date;
use regex::{Captures, Regex};

use crate::dates::{find_date, parse_publication_date};

/// What a dateline says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Dateline {
    /// The city, as written ("MOSCOW").
    pub city: String,
    /// The outlet or agency in brackets ("UrduPoint News / Sputnik").
    pub outlet: Option<String>,
    /// A complete date in the dateline.
    pub date: Option<Date>,
    /// Bytes of the line the dateline takes, up to the first word of the story.
    pub len: usize,
}

/// All-caps words that open sentences but are not cities.
const NOT_CITIES: &[&str] = &[
    "NATO",
    "UN",
    "EU",
    "US",
    "USA",
    "UK",
    "OPEC",
    "IAEA",
    "WHO",
    "IMF",
    "OSCE",
    "BRICS",
    "ASEAN",
    "CIA",
    "FBI",
    "AP",
    "AFP",
    "BBC",
    "CNN",
    "NOTE",
    "UPDATE",
    "BREAKING",
    "EXCLUSIVE",
    "I",
    "A",
];

struct Patterns {
    caps: Regex,
    titled: Regex,
    date_first: Regex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let region = r"(?:,\s*(?P<region>\p{Lu}[\p{L}.'’]*(?:\s+\p{Lu}[\p{L}.'’]*){0,2}(?:\s+\d{1,2})?|\d{1,2}\s+\p{Lu}[\p{L}.]*))?";
        let agency = r"(?:\s*\((?P<agency>[^()\n]{1,80})\))?";
        let sep = r"\s*(?P<sep>(?:--|[-—–:])(?:\s*(?:--|[-—–]))?)?\s*";
        let caps = format!(r"^(?P<city>\p{{Lu}}[\p{{Lu}}'’.\-]*\p{{Lu}}\.?(?:[ /]\p{{Lu}}[\p{{Lu}}'’.\-]*){{0,3}}){region}{agency}{sep}");
        let titled = format!(r"^(?P<city>\p{{Lu}}\p{{Ll}}+(?:[ \-]\p{{Lu}}\p{{Ll}}+){{0,2}}){region}\s*\((?P<agency>[^()\n]{{1,60}})\)\s*(?P<sep>--|[-—–:])?\s*");
        let date_first = r"^\s*\((?P<city>\p{Lu}[\p{Lu}'’.\- ]*\p{Lu})(?:,\s*(?P<region>[^()\n]{1,40}))?\)\s*(?P<sep>--|[-—–:])?\s*";
        // The patterns are constants of this file, checked by the unit tests below.
        #[allow(clippy::expect_used)]
        let compile = |p: &str| Regex::new(p).expect("dateline pattern compiles");
        Patterns { caps: compile(&caps), titled: compile(&titled), date_first: compile(date_first) }
    })
}

/// The dateline at the start of `line` (the first paragraph of a story), if any.
pub(crate) fn parse_dateline(line: &str) -> Option<Dateline> {
    let p = patterns();
    if let Some(d) = date_first(line, p) {
        return Some(d);
    }
    let caps = p.caps.captures(line).filter(|c| plausible(c, line, true));
    let caps = caps.or_else(|| {
        p.titled
            .captures(line)
            .filter(|c| plausible(c, line, false))
    })?;
    let city = caps.name("city")?.as_str().trim().to_string();
    let (outlet, mut date) = caps
        .name("agency")
        .map(|a| split_agency(a.as_str()))
        .unwrap_or((None, None));
    if date.is_none() {
        date = caps
            .name("region")
            .and_then(|r| parse_publication_date(r.as_str()));
    }
    let len = caps.get(0)?.end();
    Some(Dateline {
        city,
        outlet,
        date,
        len,
    })
}

/// Checks a city-first match: a real city word, a bracketed agency or a dash, and a
/// story after it.
fn plausible(c: &Captures<'_>, line: &str, caps_city: bool) -> bool {
    let Some(city) = c.name("city") else {
        return false;
    };
    let city_text = city.as_str();
    if caps_city {
        let letters = city_text.chars().filter(|c| c.is_alphabetic()).count();
        if letters < 2 || NOT_CITIES.contains(&city_text.trim_end_matches('.')) {
            return false;
        }
    }
    let agency_ok = c
        .name("agency")
        .is_some_and(|a| looks_like_outlet(a.as_str()));
    if c.name("agency").is_some() && !agency_ok {
        return false;
    }
    // "Moscow (Sputnik) - …" needs its dash; "Islamabad (UrduPoint News - 3rd May,
    // 2021) …" is recognised by the date in the brackets.
    let dated_agency = c
        .name("agency")
        .is_some_and(|a| split_agency(a.as_str()).1.is_some());
    if !caps_city && c.name("sep").is_none() && !dated_agency {
        return false;
    }
    if !agency_ok && c.name("sep").is_none() {
        return false;
    }
    let end = c.get(0).map_or(0, |m| m.end());
    let rest = &line[end..];
    // The story must follow, starting like a sentence (or the line is the dateline alone).
    rest.is_empty()
        || rest.chars().next().is_some_and(|ch| {
            ch.is_uppercase() || ch.is_ascii_digit() || super::line::is_opening_quote(ch)
        })
}

/// An outlet in brackets starts upper case and is short.
fn looks_like_outlet(s: &str) -> bool {
    let s = s.trim();
    s.chars().next().is_some_and(char::is_uppercase) && s.split_whitespace().count() <= 10
}

/// "UrduPoint News / Sputnik - 05th May, 2023" → outlet and date.
fn split_agency(s: &str) -> (Option<String>, Option<Date>) {
    let s = s.trim();
    for sep in [" - ", " – ", " — ", ", "] {
        if let Some(i) = s.find(sep) {
            let (head, tail) = (&s[..i], &s[i + sep.len()..]);
            if let Some(date) = parse_publication_date(tail) {
                return (
                    Some(head.trim().to_string()).filter(|h| !h.is_empty()),
                    Some(date),
                );
            }
        }
    }
    match find_date(s) {
        Some((date, span)) if span.start == 0 => (None, Some(date)),
        _ => (Some(s.to_string()), None),
    }
}

/// "April 9, 2007 (N'DJAMENA) - …": a date, then the city in brackets.
fn date_first(line: &str, p: &Patterns) -> Option<Dateline> {
    let (date, span) = find_date(line)?;
    let before = line[..span.start].trim();
    if !before
        .trim_end_matches(',')
        .chars()
        .all(char::is_alphabetic)
        || before.len() > 10
    {
        return None;
    }
    let rest = &line[span.end..];
    let c = p.date_first.captures(rest)?;
    let city = c.name("city")?.as_str().trim().to_string();
    let len = span.end + c.get(0)?.end();
    Some(Dateline {
        city,
        outlet: None,
        date: Some(date),
        len,
    })
}

/// The author named by a byline ("By Jane Roe", "By JANE ROE, Associated Press",
/// "Author: Jane Roe"), if the line is one.
pub(crate) fn parse_byline(s: &str) -> Option<String> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        #[allow(clippy::expect_used)]
        Regex::new(r"^(?:(?i:by|written\s+by)\s+|(?i:authors?|reporter)\s*:\s*)(?P<name>\p{Lu}[\p{L}.'’\-]*(?:\s+(?:\p{Lu}[\p{L}.'’\-]*|and|&|de|van|von|al|bin|da|di|le|la))*)(?:\s*(?:[,|/–—]|\s-|\s+for\s+)\s*(?P<org>.{0,60}))?$")
            .expect("byline pattern compiles")
    });
    if s.split_whitespace().count() > 14 {
        return None;
    }
    let c = re.captures(s)?;
    let name = c.name("name")?.as_str().trim();
    let first = name.split_whitespace().next().unwrap_or("");
    if crate::dates::calendar::weekday(first).is_some()
        || crate::dates::calendar::month_number(first).is_some()
    {
        return None;
    }
    // "By Christmas, troops left." is a sentence, not a byline.
    if super::line::ends_like_sentence(s) && s.ends_with('.') {
        return None;
    }
    if c.name("org")
        .is_some_and(|org| org.as_str().split_whitespace().count() > 5)
    {
        return None;
    }
    Some(name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dl(s: &str) -> Option<(String, Option<String>, Option<String>, String)> {
        parse_dateline(s).map(|d| {
            (
                d.city,
                d.outlet,
                d.date.map(|x| x.to_string()),
                s[d.len..].to_string(),
            )
        })
    }

    #[test]
    fn forms() {
        let d =
            dl("LIMA (Andina News / EFE - 03rd June, 2021) The talks resumed.").expect("a value");
        assert_eq!(d.0, "LIMA");
        assert_eq!(d.1.as_deref(), Some("Andina News / EFE"));
        assert_eq!(d.2.as_deref(), Some("2021-06-03"));
        assert_eq!(d.3, "The talks resumed.");
        let d = dl("BERLIN (Sputnik) - Contacts go on.").expect("a value");
        assert_eq!(
            (d.0.as_str(), d.1.as_deref(), d.3.as_str()),
            ("BERLIN", Some("Sputnik"), "Contacts go on.")
        );
        let d = dl("NAIROBI, March 3 (Reuters) - Kenya said.").expect("a value");
        assert_eq!(
            (d.0.as_str(), d.1.as_deref(), d.3.as_str()),
            ("NAIROBI", Some("Reuters"), "Kenya said.")
        );
        let d = dl("AMMAN, Jordan (AP) — Jordan said.").expect("a value");
        assert_eq!((d.0.as_str(), d.1.as_deref()), ("AMMAN", Some("AP")));
        let d = dl("OSLO — Norway said.").expect("a value");
        assert_eq!(
            (d.0.as_str(), d.1, d.3.as_str()),
            ("OSLO", None, "Norway said.")
        );
        let d = dl("May 2, 2011 (N'DJAMENA) - Chad said.").expect("a value");
        assert_eq!(
            (d.0.as_str(), d.2.as_deref(), d.3.as_str()),
            ("N'DJAMENA", Some("2011-05-02"), "Chad said.")
        );
        let d = dl("Moscow (Sputnik) - Russia said.").expect("a value");
        assert_eq!(d.0, "Moscow");
        let d = dl("Islamabad (UrduPoint / Pakistan Point News - 3rd Jun, 2021) Pakistan said.")
            .expect("a value");
        assert_eq!(d.0, "Islamabad");
        assert_eq!(d.1.as_deref(), Some("UrduPoint / Pakistan Point News"));
        assert_eq!(d.2.as_deref(), Some("2021-06-03"));
        let d = dl("MOSCOW, 5 May (Interfax) - Russia said.").expect("a value");
        assert_eq!(
            (d.0.as_str(), d.1.as_deref(), d.3.as_str()),
            ("MOSCOW", Some("Interfax"), "Russia said.")
        );
    }

    #[test]
    fn not_datelines() {
        assert_eq!(dl("NATO - the alliance - met."), None);
        assert_eq!(dl("The minister (pictured) said."), None);
        assert_eq!(dl("Moscow said on Friday it would respond."), None);
        assert_eq!(dl("Moscow (the capital) is calm."), None);
        assert_eq!(dl("Paris (AFP) officials said."), None);
        assert_eq!(dl("US officials said."), None);
    }

    #[test]
    fn bylines() {
        assert_eq!(parse_byline("By Jane Roe").as_deref(), Some("Jane Roe"));
        assert_eq!(
            parse_byline("By JANE ROE, Associated Press").as_deref(),
            Some("JANE ROE")
        );
        assert_eq!(parse_byline("Author: Ali Khan"), Some("Ali Khan".into()));
        assert_eq!(
            parse_byline("By Monday, Russia had withdrawn its envoy."),
            None
        );
        assert_eq!(parse_byline("By the end of the week talks resumed."), None);
        assert_eq!(parse_byline("By Christmas, troops left."), None);
    }
}
