//! Month and weekday names, and the small token scanner both date parsers share.

use chrono::Weekday;

/// The month (1–12) a name or abbreviation stands for ("Sept.", "april", "Dec").
pub(crate) fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    let n = match w.as_str() {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    };
    Some(n)
}

/// The weekday a name or abbreviation stands for ("Thu", "Tues", "monday").
pub(crate) fn weekday(word: &str) -> Option<Weekday> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    let d = match w.as_str() {
        "monday" | "mon" => Weekday::Mon,
        "tuesday" | "tue" | "tues" => Weekday::Tue,
        "wednesday" | "wed" => Weekday::Wed,
        "thursday" | "thu" | "thur" | "thurs" => Weekday::Thu,
        "friday" | "fri" => Weekday::Fri,
        "saturday" | "sat" => Weekday::Sat,
        "sunday" | "sun" => Weekday::Sun,
        _ => return None,
    };
    Some(d)
}

/// True for a full weekday name ("Thursday"), which in running text is a date
/// reference; abbreviations are only trusted in timestamps.
pub(crate) fn is_full_weekday(word: &str) -> bool {
    weekday(word).is_some() && word.len() >= 6
}

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A run of ASCII digits, with an ordinal suffix ("05th") allowed.
    Number,
    /// A run of letters.
    Word,
    /// Any other single non-space character.
    Punct(char),
}

/// One token of a date-bearing string; offsets are bytes into that string.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok<'a> {
    pub kind: Kind,
    /// The token text (digits only for a number, without its ordinal suffix).
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
}

impl Tok<'_> {
    /// The value of a number token (saturating; `None` for other kinds or over 9 digits).
    pub fn number(&self) -> Option<u32> {
        if self.kind == Kind::Number && self.text.len() <= 9 {
            self.text.parse().ok()
        } else {
            None
        }
    }

    /// Number of digits of a number token (0 otherwise).
    pub fn digits(&self) -> usize {
        if self.kind == Kind::Number {
            self.text.len()
        } else {
            0
        }
    }

    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct(c)
    }

    pub fn is_word(&self, w: &str) -> bool {
        self.kind == Kind::Word && self.text.eq_ignore_ascii_case(w)
    }

    /// True when the token's first letter is upper case.
    pub fn is_capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }
}

/// Splits `s` into number, word and punctuation tokens, skipping whitespace.
pub(crate) fn tokens(s: &str) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < s.len() {
        let Some(c) = s[i..].chars().next() else {
            break;
        };
        if c.is_ascii_digit() {
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            let end = i;
            let ordinal = s.get(i..i + 2).is_some_and(|suf| {
                matches!(suf.to_ascii_lowercase().as_str(), "st" | "nd" | "rd" | "th")
            });
            // Both suffix bytes are ASCII letters here, so `i + 2` is a char boundary.
            if ordinal
                && !s
                    .get(i + 2..)
                    .and_then(|r| r.chars().next())
                    .is_some_and(char::is_alphabetic)
            {
                i += 2;
            }
            out.push(Tok {
                kind: Kind::Number,
                text: &s[start..end],
                start,
                end: i,
            });
        } else if c.is_alphabetic() {
            let start = i;
            while let Some(ch) = s[i..].chars().next() {
                if !ch.is_alphabetic() {
                    break;
                }
                i += ch.len_utf8();
            }
            out.push(Tok {
                kind: Kind::Word,
                text: &s[start..i],
                start,
                end: i,
            });
        } else {
            let start = i;
            i += c.len_utf8();
            if !c.is_whitespace() {
                out.push(Tok {
                    kind: Kind::Punct(c),
                    text: &s[start..i],
                    start,
                    end: i,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(month_number("Sept."), Some(9));
        assert_eq!(month_number("MAY"), Some(5));
        assert_eq!(month_number("Mayday"), None);
        assert_eq!(weekday("Thurs"), Some(Weekday::Thu));
        assert!(is_full_weekday("Sunday"));
        assert!(!is_full_weekday("Sun"));
    }

    #[test]
    fn ordinals_are_part_of_numbers() {
        let t = tokens("05th May, 2023");
        assert_eq!(t[0].text, "05");
        assert_eq!(t[0].end, 4);
        assert_eq!(t[1].text, "May");
        assert!(t[2].is_punct(','));
        assert_eq!(t[3].number(), Some(2023));
        let t = tokens("5thavenue");
        assert_eq!(t[0].end, 1);
    }
}
