//! A rule-based tokenizer following the UD English-EWT (Penn Treebank) conventions:
//! clitics split (`do|n't`, `John|'s`), punctuation split off, numbers, URLs, e-mail
//! addresses and abbreviations kept whole. Which hyphenated words stay one token
//! (`non-stop`, `post-war`) is learned from the treebank: EWT splits most hyphens.

use std::collections::HashSet;

use crate::codec::{Decoder, Encoder};
use crate::NlpError;

/// Abbreviations that keep their final period, whatever their case.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "lt", "col", "maj", "capt", "sgt", "jr", "sr", "inc", "corp",
    "ltd", "bros", "vs", "etc", "nos", "dept", "univ", "ave", "approx", "atty", "attn", "tel",
    "reps", "sens", "thur", "thurs", "tues", "calif", "fla",
];

/// Abbreviations that keep their period only when capitalised ("Sun." but "the sun.").
const CAPITALISED_ABBREVIATIONS: &[&str] = &[
    "gen", "sen", "rep", "gov", "st", "co", "no", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "mon", "tue", "wed", "thu", "fri", "sat", "sun", "mt",
    "ft", "vol", "pp", "fig", "rev", "hon", "pres", "est", "ext", "la", "mass", "penn", "wash",
];

/// Emoticons kept as one token.
const EMOTICONS: &[&str] = &[
    ":)", ":-)", ":(", ":-(", ";)", ";-)", ":D", ":-D", ":P", ":p", "=)", "(:", "):", "^_^", ":/",
    "<3", "-_-", ":o", ":O", "xD", "XD",
];

/// Clitics split off the end of a word (lower case, straight apostrophe).
const CLITICS: &[&str] = &["'s", "'re", "'ve", "'ll", "'d", "'m"];

/// Words written as one but treated as two by UD English.
const SPLIT_WORDS: &[(&str, usize)] = &[("cannot", 3), ("gonna", 3), ("gotta", 3), ("wanna", 3)];

/// The tokenizer; its hyphen lists come from the model.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tokenizer {
    hyphen_words: HashSet<String>,
    hyphen_prefixes: HashSet<String>,
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

fn is_separator(c: char) -> bool {
    c.is_whitespace() || c.is_control() || c == '\u{200b}' || c == '\u{feff}'
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || is_mark(c)
}

fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x300..=0x36f | 0x1ab0..=0x1aff | 0x20d0..=0x20ff | 0xfe20..=0xfe2f)
}

impl Tokenizer {
    /// A tokenizer that keeps the hyphenated words and the words before a hyphen
    /// (lower case) listed here.
    pub(crate) fn new(hyphen_words: HashSet<String>, hyphen_prefixes: HashSet<String>) -> Self {
        Tokenizer {
            hyphen_words,
            hyphen_prefixes,
        }
    }

    /// Learns the hyphen lists from gold word forms.
    pub(crate) fn learn<'a>(forms: impl Iterator<Item = &'a str>) -> Tokenizer {
        let mut words = HashSet::new();
        let mut prefixes: std::collections::HashMap<String, usize> = Default::default();
        for f in forms {
            let chars: Vec<char> = f.chars().collect();
            let inner = chars.len() > 2 && chars[1..chars.len() - 1].contains(&'-');
            if inner && f.chars().all(|c| c.is_alphanumeric() || c == '-') {
                let lower = f.to_lowercase();
                if let Some((p, _)) = lower.split_once('-') {
                    *prefixes.entry(p.to_string()).or_default() += 1;
                }
                words.insert(lower);
            }
        }
        let prefixes = prefixes
            .into_iter()
            .filter(|(_, n)| *n >= 2)
            .map(|(p, _)| p)
            .collect();
        Tokenizer {
            hyphen_words: words,
            hyphen_prefixes: prefixes,
        }
    }

    pub(crate) fn encode(&self, e: &mut Encoder) {
        let mut w: Vec<String> = self.hyphen_words.iter().cloned().collect();
        w.sort();
        let mut p: Vec<String> = self.hyphen_prefixes.iter().cloned().collect();
        p.sort();
        e.strs(&w);
        e.strs(&p);
    }

    pub(crate) fn decode(d: &mut Decoder<'_>) -> Result<Tokenizer, NlpError> {
        let w = d.strs()?;
        let p = d.strs()?;
        Ok(Tokenizer::new(
            w.into_iter().collect(),
            p.into_iter().collect(),
        ))
    }

    /// Splits `text` into token byte ranges `(start, end)`.
    pub fn split(&self, text: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut start = None;
        for (i, c) in text.char_indices() {
            if is_separator(c) {
                if let Some(s) = start.take() {
                    self.chunk(text, s, i, &mut out);
                }
            } else if start.is_none() {
                start = Some(i);
            }
        }
        if let Some(s) = start {
            self.chunk(text, s, text.len(), &mut out);
        }
        out
    }

    /// Tokenizes one whitespace-free chunk `text[s..e]`.
    fn chunk(&self, text: &str, s: usize, e: usize, out: &mut Vec<(usize, usize)>) {
        let chunk = &text[s..e];
        if chunk.len() <= 3 && EMOTICONS.contains(&chunk) {
            out.push((s, e));
            return;
        }
        let address = if chunk.is_ascii() {
            is_ascii_url_or_email(chunk)
        } else {
            is_url_or_email(&chunk.to_lowercase())
        };
        if address {
            // Trailing sentence punctuation is not part of the address.
            let core = chunk.trim_end_matches(|c: char| ".,;:!?)]\"'\u{201d}".contains(c));
            let ce = s + core.len();
            out.push((s, ce));
            self.punct_run(text, ce, e, out);
            return;
        }
        let chars: Vec<(usize, char)> = chunk.char_indices().map(|(i, c)| (s + i, c)).collect();
        let mut pieces: Vec<(usize, usize)> = Vec::new();
        let mut i = 0;
        let n = chars.len();
        let end_of = |k: usize| if k + 1 < n { chars[k + 1].0 } else { e };
        while i < n {
            let (pos, c) = chars[i];
            if is_word_char(c)
                || (c == '@' || c == '#') && i + 1 < n && is_word_char(chars[i + 1].1)
            {
                // A word run, with the characters that may sit inside a word.
                let mut j = i + 1;
                while j < n {
                    let c = chars[j].1;
                    if is_word_char(c) {
                        j += 1;
                        continue;
                    }
                    let prev = chars[j - 1].1;
                    let next = chars.get(j + 1).map(|x| x.1);
                    let keep = match (c, next) {
                        (_, None) => false,
                        ('.' | ',' | ':' | '/', Some(nx))
                            if prev.is_numeric() && nx.is_numeric() =>
                        {
                            true
                        }
                        ('.', Some(nx)) if prev.is_alphanumeric() && nx.is_alphanumeric() => true,
                        ('&', Some(nx)) if prev.is_alphabetic() && nx.is_alphabetic() => true,
                        (c, Some(nx))
                            if is_apostrophe(c) && prev.is_alphabetic() && nx.is_alphabetic() =>
                        {
                            !self.clitic_at(&chars, j)
                        }
                        ('-', Some(nx)) if is_word_char(nx) && is_word_char(prev) => {
                            self.keep_hyphen(text, &chars, i, j)
                        }
                        _ => false,
                    };
                    if keep {
                        j += 1;
                    } else {
                        break;
                    }
                }
                // An abbreviation keeps its period.
                let mut we = end_of(j - 1);
                if j < n && chars[j].1 == '.' && self.is_abbreviation(&text[pos..we]) {
                    j += 1;
                    we = end_of(j - 1);
                }
                pieces.push((pos, we));
                i = j;
            } else if is_apostrophe(c) && i + 1 < n && self.clitic_at(&chars, i) {
                let mut j = i + 1;
                while j < n && chars[j].1.is_alphabetic() {
                    j += 1;
                }
                pieces.push((pos, end_of(j - 1)));
                i = j;
            } else {
                // Punctuation or a symbol: a run of the same character is one token,
                // and so is a run of sentence-final marks ("?!", ".?").
                let final_mark = |c: char| matches!(c, '.' | '!' | '?');
                let mut j = i + 1;
                while j < n
                    && (chars[j].1 == c || final_mark(c) && final_mark(chars[j].1))
                    && !is_word_char(c)
                {
                    j += 1;
                }
                pieces.push((pos, end_of(j - 1)));
                i = j;
            }
        }
        for (ps, pe) in pieces {
            split_clitics(text, ps, pe, out);
        }
    }

    fn punct_run(&self, text: &str, s: usize, e: usize, out: &mut Vec<(usize, usize)>) {
        let mut it = text[s..e].char_indices().peekable();
        while let Some((i, c)) = it.next() {
            let mut end = i + c.len_utf8();
            while let Some(&(k, d)) = it.peek() {
                if d != c {
                    break;
                }
                end = k + d.len_utf8();
                it.next();
            }
            out.push((s + i, s + end));
        }
    }

    /// True when the apostrophe at `chars[j]` starts a clitic that ends the word.
    fn clitic_at(&self, chars: &[(usize, char)], j: usize) -> bool {
        let mut k = j + 1;
        let mut tail = String::from("'");
        while k < chars.len() && chars[k].1.is_alphabetic() {
            tail.extend(chars[k].1.to_lowercase());
            k += 1;
        }
        let ends = k == chars.len() || !chars[k].1.is_alphanumeric();
        ends && CLITICS.contains(&tail.as_str())
    }

    fn keep_hyphen(&self, text: &str, chars: &[(usize, char)], start: usize, j: usize) -> bool {
        if chars[j - 1].1.is_numeric() && chars[j + 1].1.is_numeric() {
            return true;
        }
        let left = text[chars[start].0..chars[j].0].to_lowercase();
        let left = left.rsplit('-').next().unwrap_or("");
        if self.hyphen_prefixes.contains(left) {
            return true;
        }
        // The whole hyphenated run as written.
        let mut k = j + 1;
        while k < chars.len() && (is_word_char(chars[k].1) || chars[k].1 == '-') {
            k += 1;
        }
        let end = if k < chars.len() {
            chars[k].0
        } else {
            chars[chars.len() - 1].0 + 1
        };
        let end = end.min(text.len());
        text.get(chars[start].0..end)
            .is_some_and(|w| self.hyphen_words.contains(&w.to_lowercase()))
    }

    fn is_abbreviation(&self, word: &str) -> bool {
        let lower = word.to_lowercase();
        let capitalised = word.chars().next().is_some_and(char::is_uppercase);
        if ABBREVIATIONS.contains(&lower.as_str())
            || capitalised && CAPITALISED_ABBREVIATIONS.contains(&lower.as_str())
        {
            return true;
        }
        // Initials and dotted abbreviations: "J", "U.S", "e.g", "a.m".
        let mut chars = word.chars();
        let single_upper = chars.next().is_some_and(char::is_uppercase) && chars.next().is_none();
        let dotted = word.contains('.')
            && word
                .split('.')
                .all(|p| p.chars().count() <= 2 && p.chars().all(char::is_alphabetic));
        single_upper || dotted
    }
}

/// [`is_url_or_email`] of an ASCII chunk in any case, without lower-casing a copy.
fn is_ascii_url_or_email(w: &str) -> bool {
    let b = w.as_bytes();
    let starts = |p: &str| b.len() >= p.len() && b[..p.len()].eq_ignore_ascii_case(p.as_bytes());
    let ends =
        |p: &str| b.len() >= p.len() && b[b.len() - p.len()..].eq_ignore_ascii_case(p.as_bytes());
    if starts("http://") || starts("https://") || starts("www.") {
        return true;
    }
    if let Some((user, host)) = w.split_once('@') {
        let wordy = |p: &str| p.chars().all(|c| c.is_alphanumeric() || ".-_".contains(c));
        return !user.is_empty() && host.len() > 2 && wordy(user) && wordy(host);
    }
    ends(".com") || ends(".org") || ends(".net")
}

fn is_url_or_email(lower: &str) -> bool {
    if lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("www.") {
        return true;
    }
    if let Some((user, host)) = lower.split_once('@') {
        let wordy = |p: &str| p.chars().all(|c| c.is_alphanumeric() || ".-_".contains(c));
        return !user.is_empty() && host.len() > 2 && wordy(user) && wordy(host);
    }
    lower.ends_with(".com") || lower.ends_with(".org") || lower.ends_with(".net")
}

/// Splits `n't`, `'s`-type clitics and `cannot`-type words off a word piece.
fn split_clitics(text: &str, s: usize, e: usize, out: &mut Vec<(usize, usize)>) {
    let w = &text[s..e];
    if w.is_ascii() && !w.contains('\'') {
        // No clitic without an apostrophe: only the split words remain to check.
        for &(word, at) in SPLIT_WORDS {
            if w.eq_ignore_ascii_case(word) {
                out.push((s, s + at));
                out.push((s + at, e));
                return;
            }
        }
        out.push((s, e));
        return;
    }
    let lower = w.to_lowercase();
    if lower.len() == w.len() {
        for &(word, at) in SPLIT_WORDS {
            if lower == word {
                out.push((s, s + at));
                out.push((s + at, e));
                return;
            }
        }
        let norm = lower.replace('\u{2019}', "'");
        for cl in CLITICS {
            if norm.ends_with(cl) && norm.len() > cl.len() {
                let cut = e - (cl.len() - 1) - apostrophe_len(w, cl.len());
                out.push((s, cut));
                out.push((cut, e));
                return;
            }
        }
        if norm.ends_with("n't") && norm.len() > 3 {
            let cut = e - 2 - apostrophe_len(w, 2);
            out.push((s, cut));
            out.push((cut, e));
            return;
        }
    }
    out.push((s, e));
}

/// Byte length of the apostrophe in a clitic of `chars` characters at the end of `w`.
fn apostrophe_len(w: &str, chars: usize) -> usize {
    w.chars().rev().nth(chars - 1).map_or(1, char::len_utf8)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(t: &Tokenizer, s: &str) -> Vec<String> {
        t.split(s)
            .into_iter()
            .map(|(a, b)| s[a..b].to_string())
            .collect()
    }

    #[test]
    fn splits_clitics_and_punctuation() {
        let t = Tokenizer::default();
        assert_eq!(
            toks(
                &t,
                "The minister didn't say (yet) whether Russia's envoy can't stay."
            ),
            [
                "The", "minister", "did", "n't", "say", "(", "yet", ")", "whether", "Russia", "'s",
                "envoy", "ca", "n't", "stay", "."
            ]
        );
    }

    #[test]
    fn keeps_numbers_abbreviations_and_urls() {
        let t = Tokenizer::default();
        assert_eq!(
            toks(&t, "Mr. Smith paid $1,250.50 to the U.S. firm at 10:30 a.m. via https://example.org/x."),
            [
                "Mr.", "Smith", "paid", "$", "1,250.50", "to", "the", "U.S.", "firm", "at", "10:30",
                "a.m.", "via", "https://example.org/x", "."
            ]
        );
    }

    #[test]
    fn hyphens_follow_the_learned_lists() {
        let t = Tokenizer::learn(["post-war", "anti-American", "anti-war"].into_iter());
        assert_eq!(
            toks(&t, "anti-Kremlin Al-Ahram post-war"),
            ["anti-Kremlin", "Al", "-", "Ahram", "post-war"]
        );
    }

    #[test]
    fn emoticons_addresses_and_mixed_marks() {
        let t = Tokenizer::default();
        assert_eq!(
            toks(
                &t,
                "See you Wed. :) Mail jane.doe@EXAMPLE now?! We sat in the sun."
            ),
            [
                "See",
                "you",
                "Wed.",
                ":)",
                "Mail",
                "jane.doe@EXAMPLE",
                "now",
                "?!",
                "We",
                "sat",
                "in",
                "the",
                "sun",
                "."
            ]
        );
    }

    #[test]
    fn curly_apostrophes_and_quotes() {
        let t = Tokenizer::default();
        assert_eq!(
            toks(&t, "\u{201c}We won\u{2019}t,\u{201d} she said."),
            [
                "\u{201c}",
                "We",
                "wo",
                "n\u{2019}t",
                ",",
                "\u{201d}",
                "she",
                "said",
                "."
            ]
        );
    }
}
