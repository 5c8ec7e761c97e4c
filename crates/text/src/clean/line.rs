//! Lines of a raw page and the shape features the furniture rules look at.

/// Lines longer than this are always body text: page furniture is short, and skipping
/// long lines keeps cleaning linear on pathological input.
pub(crate) const MAX_FURNITURE_BYTES: usize = 1_000;

/// One line of the raw page.
#[derive(Debug, Clone)]
pub(crate) struct Line {
    /// Raw byte range of the line's content without surrounding whitespace.
    pub start: usize,
    pub end: usize,
    /// The content with odd spaces made plain and runs of spaces collapsed, for the
    /// rules to look at; empty for blank and over-long lines.
    pub norm: String,
    /// Longer than [`MAX_FURNITURE_BYTES`].
    pub long: bool,
}

impl Line {
    pub fn is_blank(&self) -> bool {
        self.start == self.end
    }
}

/// Characters that carry nothing: zero-width spaces and joiners, word joiner, BOM,
/// soft hyphen.
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
    ) || (c.is_control() && !c.is_whitespace())
}

/// Whitespace or invisible: trimmed from line ends.
pub(crate) fn is_blankish(c: char) -> bool {
    c.is_whitespace() || is_invisible(c)
}

/// Splits `raw` into lines at `\n`, `\r\n` and lone `\r`, trimming each.
pub(crate) fn split_lines(raw: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    let bytes = raw.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i <= bytes.len() {
        let at_end = i == bytes.len();
        if at_end || bytes[i] == b'\n' || bytes[i] == b'\r' {
            lines.push(make_line(raw, start, i));
            if at_end {
                break;
            }
            if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                i += 1;
            }
            start = i + 1;
        }
        i += 1;
    }
    lines
}

fn make_line(raw: &str, start: usize, end: usize) -> Line {
    let content = &raw[start..end];
    let trimmed_start = content.trim_start_matches(is_blankish);
    let s = start + (content.len() - trimmed_start.len());
    let trimmed = trimmed_start.trim_end_matches(is_blankish);
    let e = s + trimmed.len();
    let long = trimmed.len() > MAX_FURNITURE_BYTES;
    let norm = if long {
        String::new()
    } else {
        normalize(trimmed)
    };
    Line {
        start: s,
        end: e,
        norm,
        long,
    }
}

/// Plain spaces for odd ones, runs collapsed, invisible characters dropped.
pub(crate) fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = !out.is_empty();
        } else if !is_invisible(c) {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    out
}

/// Closing quotes and brackets that may follow sentence-final punctuation.
pub(crate) fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']' | '}' | '›')
}

/// Opening quotes.
pub(crate) fn is_opening_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '\'' | '‘' | '«' | '„' | '‹')
}

/// The line ends like a sentence: `.`, `!`, `?`, `…`, `:` or `;`, possibly followed by
/// closing quotes and brackets.
pub(crate) fn ends_like_sentence(s: &str) -> bool {
    let t = s.trim_end_matches(is_closer);
    t.ends_with(['.', '!', '?', '…', ':', ';'])
}

/// Words that stay lower case in Title Case headlines.
const SMALL_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "nor", "for", "of", "in", "on", "at", "to", "by", "with",
    "from", "into", "onto", "over", "under", "as", "vs", "via", "per", "than", "up", "out", "off",
    "about", "after", "before", "against", "between", "during", "without", "within", "upon",
    "near", "amid", "among", "is", "are", "be", "was", "were", "its", "his", "her", "their", "de",
    "la", "le", "du", "des", "van", "von", "al", "el", "bin", "da", "di", "so", "if", "not",
];

/// Title Case: nearly every content word (letters, not in [`SMALL_WORDS`]) starts upper
/// case, at least two content words, and the first of them is capitalised.
pub(crate) fn is_title_case(s: &str) -> bool {
    let mut content = 0usize;
    let mut capital = 0usize;
    let mut first: Option<bool> = None;
    for w in s.split_whitespace() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        let Some(c0) = w.chars().next() else { continue };
        if !w.chars().any(char::is_alphabetic) || c0.is_ascii_digit() {
            continue;
        }
        if first.is_some() && SMALL_WORDS.contains(&w) {
            continue;
        }
        content += 1;
        let cap = c0.is_uppercase();
        capital += usize::from(cap);
        first.get_or_insert(cap);
    }
    content >= 2 && first == Some(true) && capital * 10 >= content * 8
}

/// Number of whitespace-separated words.
pub(crate) fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// A sentence boundary inside the line: sentence punctuation, a space, then an upper
/// case letter or an opening quote, after a word that is not a known abbreviation.
pub(crate) fn has_inner_sentence_break(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    words.windows(2).any(|w| {
        let (a, b) = (w[0], w[1]);
        let ends = a.trim_end_matches(is_closer).ends_with(['.', '!', '?']);
        let starts = b
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || is_opening_quote(c));
        ends && starts
            && !crate::sentence::is_non_final_abbreviation(a)
            && a.chars().filter(|c| c.is_alphabetic()).count() > 1
    })
}

/// Looks like a headline: a few words, Title Case (or a quoted headline, or a
/// "… - Source" attribution), and no sentence punctuation at the end (a Title Case
/// question is still a headline).
pub(crate) fn is_headline_like(s: &str) -> bool {
    let words = word_count(s);
    if !(2..=30).contains(&words) || has_inner_sentence_break(s) {
        return false;
    }
    let title = is_title_case(strip_attribution(s));
    let ends = ends_like_sentence(s);
    if ends {
        return title && s.trim_end_matches(is_closer).ends_with(['?', '…']);
    }
    title || has_source_suffix(s) || is_quoted_headline(s)
}

/// Dashes that set off a headline's attribution.
const DASHES: [&str; 4] = [" - ", " — ", " – ", " -- "];

/// An attribution after a dash: one to four capitalised words ("Analyst",
/// "Russian MoD", "French Lawmaker").
fn is_attribution(tail: &str) -> bool {
    let n = word_count(tail);
    (1..=4).contains(&n)
        && tail
            .split_whitespace()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// "Headline - Analyst", "Headline — Russian MoD": at least two words, a dash and an
/// attribution at the end.
pub(crate) fn has_source_suffix(s: &str) -> bool {
    split_attribution(s).is_some()
}

/// The headline and its attribution, split at the last dash.
fn split_attribution(s: &str) -> Option<(&str, &str)> {
    DASHES.iter().find_map(|dash| {
        let i = s.rfind(dash)?;
        let (head, tail) = (&s[..i], &s[i + dash.len()..]);
        (word_count(head) >= 2 && is_attribution(tail)).then_some((head, tail))
    })
}

/// The headline without a trailing "- Source" attribution.
fn strip_attribution(s: &str) -> &str {
    split_attribution(s).map_or(s, |(head, _)| head)
}

/// `"Quoted Headline"` optionally followed by "- Source", with no sentence punctuation.
pub(crate) fn is_quoted_headline(s: &str) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    if !is_opening_quote(first) || first == '\'' {
        return false;
    }
    let rest = &s[first.len_utf8()..];
    let Some(close) = rest.find(['"', '”', '»']) else {
        return false;
    };
    let inner = &rest[..close];
    let after = rest[close..].chars().skip(1).collect::<String>();
    let after = after.trim();
    let attributed = after.is_empty()
        || DASHES.iter().any(|d| {
            after
                .strip_prefix(d.trim_start())
                .is_some_and(|t| is_attribution(t.trim()))
        });
    !ends_like_sentence(inner) && is_title_case(inner) && attributed
}

/// Looks like body text: ends like a sentence and is not a Title Case headline, or is
/// long.
pub(crate) fn is_body_like(line: &Line) -> bool {
    if line.long {
        return true;
    }
    let s = &line.norm;
    let words = word_count(s);
    words >= 40
        || (words >= 4 && ends_like_sentence(s) && !is_headline_like(s) && !is_title_case(s))
        || (words >= 4 && has_inner_sentence_break(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_all_line_ends_and_trims() {
        let raw = "a\r\n  b\u{a0}\rc\n\n";
        let lines = split_lines(raw);
        let texts: Vec<&str> = lines.iter().map(|l| &raw[l.start..l.end]).collect();
        assert_eq!(texts, vec!["a", "b", "c", "", ""]);
    }

    #[test]
    fn title_case() {
        assert!(is_title_case(
            "Russia Maintains Contacts With Chile, US Despite Trade Rows"
        ));
        assert!(is_title_case(
            "US 'May Be Drawn Into the War on a Larger Scale' - Analyst"
        ));
        assert!(!is_title_case("The minister said talks would go on."));
        assert!(!is_title_case("Kenya"));
    }

    #[test]
    fn headlines() {
        assert!(is_headline_like(
            "Oil Prices Climb as Gulf Tensions Rise - Analyst"
        ));
        assert!(is_headline_like(
            "\"Brazil Wants Closer Ties With Chile\" — Senator"
        ));
        assert!(is_headline_like(
            "Why Did Talks Between Lima and Quito Collapse?"
        ));
        assert!(!is_headline_like(
            "The talks collapsed on Monday, officials said."
        ));
        assert!(!is_headline_like("\"We will respond,\" the minister said."));
        assert!(is_headline_like(
            "Ankara says talks with Athens will resume - Minister"
        ));
    }
}
