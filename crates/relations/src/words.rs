//! Words of a sentence as the channel reader sees them: lower-cased surface, lemma,
//! byte span, and the dependency analysis when the nlp stage supplied one.

use parley_types::{Sentence, Span};

/// One word (or punctuation mark) of a sentence.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Word {
    /// Lower-cased surface form, curly apostrophes made straight.
    pub lower: String,
    /// Lower-cased lemma; equal to `lower` when no lemma is known.
    pub lemma: String,
    /// Byte range in the cleaned document text.
    pub span: Span,
    /// Universal POS tag, empty when unknown.
    pub upos: String,
    /// Dependency relation, empty when unknown.
    pub deprel: String,
    /// True when the surface form starts with an upper-case letter.
    pub capitalised: bool,
    /// True for punctuation that separates phrases (`,` `;` `:` quotes, brackets, dashes).
    pub boundary: bool,
}

/// The words of `sentence`: its tokens when the nlp stage filled them, otherwise the
/// sentence text split by [`split_words`]. Possessive markers are dropped, `d'` joins
/// the next word.
pub(crate) fn words_of(sentence: &Sentence) -> Vec<Word> {
    let raw: Vec<Word> = if sentence.tokens.is_empty() {
        split_words(&sentence.text, sentence.span.start)
    } else {
        sentence
            .tokens
            .iter()
            .map(|t| {
                let lower = normalise(&t.text);
                let lemma = if t.lemma.is_empty() {
                    lower.clone()
                } else {
                    normalise(&t.lemma)
                };
                Word {
                    boundary: is_boundary(&lower),
                    capitalised: t.text.starts_with(char::is_uppercase),
                    lower,
                    lemma,
                    span: t.span,
                    upos: t.upos.clone(),
                    deprel: t.deprel.clone(),
                }
            })
            .collect()
    };
    // A hyphen joined to the words on both sides ("China-Australia") separates nothing.
    let mut raw = raw;
    for i in 1..raw.len().saturating_sub(1) {
        if raw[i].lower == "-"
            && raw[i - 1].span.end == raw[i].span.start
            && raw[i].span.end == raw[i + 1].span.start
        {
            raw[i].boundary = false;
        }
    }
    let mut out: Vec<Word> = Vec::with_capacity(raw.len());
    for w in raw {
        if matches!(w.lower.as_str(), "'s" | "'") && out.last().is_some_and(|p| !p.boundary) {
            continue;
        }
        if let Some(prev) = out.last_mut() {
            let elided = prev.lower.len() == 2
                && prev.lower.ends_with('\'')
                && prev.span.end == w.span.start;
            if elided {
                prev.lower.push_str(&w.lower);
                prev.lemma = prev.lower.clone();
                prev.span = Span::new(prev.span.start, w.span.end);
                continue;
            }
        }
        out.push(w);
    }
    out
}

fn normalise(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{2019}' | '\u{2018}' | '`' => '\'',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

fn is_boundary(w: &str) -> bool {
    matches!(
        w,
        "," | ";"
            | ":"
            | "\""
            | "\u{201c}"
            | "\u{201d}"
            | "("
            | ")"
            | "["
            | "]"
            | "-"
            | "--"
            | "\u{2013}"
            | "\u{2014}"
            | "."
            | "!"
            | "?"
            | "\u{2026}"
            | "..."
    )
}

/// Splits `text` into words and punctuation; `offset` is added to every span.
///
/// A word is a run of letters and digits with inner hyphens and apostrophes;
/// a trailing `'s`, `'` or `n't` becomes a word of its own.
pub(crate) fn split_words(text: &str, offset: usize) -> Vec<Word> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        if !c.is_alphanumeric() {
            let end = i + c.len_utf8();
            let s = normalise(&text[i..end]);
            out.push(Word {
                boundary: is_boundary(&s),
                lemma: s.clone(),
                lower: s,
                span: Span::new(i + offset, end + offset),
                ..Word::default()
            });
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = chars.peek() {
            let inner = matches!(d, '-' | '\'' | '\u{2019}')
                && text[j + d.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric);
            if d.is_alphanumeric() || inner {
                end = j + d.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        push_word(&mut out, &text[i..end], i + offset);
        if let Some(&(j, d)) = chars.peek() {
            if matches!(d, '\'' | '\u{2019}') && out.last().is_some_and(|w| w.lower.ends_with('s'))
            {
                chars.next();
                let e = j + d.len_utf8();
                out.push(Word {
                    lower: "'".into(),
                    lemma: "'".into(),
                    span: Span::new(j + offset, e + offset),
                    ..Word::default()
                });
            }
        }
    }
    out
}

fn push_word(out: &mut Vec<Word>, w: &str, start: usize) {
    let lower = normalise(w);
    let capitalised = w.starts_with(char::is_uppercase);
    for suffix in ["'s", "n't"] {
        if lower.len() > suffix.len() + 1 && lower.ends_with(suffix) {
            let cut = lower.len() - suffix.len();
            let head = lower[..cut].to_string();
            out.push(Word {
                lemma: head.clone(),
                lower: head,
                capitalised,
                span: Span::new(start, start + cut),
                ..Word::default()
            });
            out.push(Word {
                lower: suffix.into(),
                lemma: suffix.into(),
                span: Span::new(start + cut, start + w.len()),
                ..Word::default()
            });
            return;
        }
    }
    out.push(Word {
        lemma: lower.clone(),
        lower,
        capitalised,
        span: Span::new(start, start + w.len()),
        ..Word::default()
    });
}

/// The surface forms a lemma is matched against: itself and its regular inflections,
/// plus a short table of irregular verbs.
pub(crate) fn forms(lemma: &str) -> Vec<String> {
    let mut v = vec![lemma.to_string()];
    if lemma.len() < 2 || !lemma.chars().all(|c| c.is_ascii_alphabetic()) {
        return v;
    }
    let l = lemma;
    v.push(format!("{l}s"));
    if let Some(stem) = l.strip_suffix('e') {
        v.push(format!("{l}d"));
        v.push(format!("{stem}ing"));
    } else if let Some(stem) = l
        .strip_suffix('y')
        .filter(|s| !s.ends_with(['a', 'e', 'o', 'u']))
    {
        v.push(format!("{stem}ies"));
        v.push(format!("{stem}ied"));
        v.push(format!("{l}ing"));
    } else {
        v.push(format!("{l}es"));
        v.push(format!("{l}ed"));
        v.push(format!("{l}ing"));
        let b = l.as_bytes();
        let n = b.len();
        let vowel = |c: u8| b"aeiou".contains(&c);
        if n >= 3
            && !vowel(b[n - 1])
            && vowel(b[n - 2])
            && !vowel(b[n - 3])
            && !b"wxy".contains(&b[n - 1])
        {
            let last = b[n - 1] as char;
            v.push(format!("{l}{last}ed"));
            v.push(format!("{l}{last}ing"));
        }
    }
    for (base, irregular) in IRREGULAR {
        if *base == l {
            v.extend(irregular.iter().map(|s| s.to_string()));
        }
    }
    v
}

const IRREGULAR: &[(&str, &[&str])] = &[
    ("break", &["broke", "broken"]),
    ("take", &["took", "taken"]),
    ("keep", &["kept"]),
    ("cut", &["cutting"]),
    ("shut", &["shutting"]),
    ("freeze", &["froze"]),
    ("withdraw", &["withdrew", "withdrawn"]),
    ("tell", &["told"]),
    ("say", &["said"]),
    ("write", &["wrote", "written"]),
    ("hold", &["held"]),
    ("seek", &["sought"]),
    ("become", &["became"]),
    ("come", &["came"]),
    ("leave", &["left"]),
    ("ministry", &["ministries"]),
    ("embassy", &["embassies"]),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_possessives_and_negations() {
        let w: Vec<String> = split_words("the minister's and leaders' levels didn't", 0)
            .into_iter()
            .map(|w| w.lower)
            .collect();
        assert_eq!(
            w,
            ["the", "minister", "'s", "and", "leaders", "'", "levels", "did", "n't"]
        );
    }

    #[test]
    fn keeps_inner_hyphens_and_elisions() {
        let w: Vec<String> =
            split_words("inter-ministerial talks at Quai d'Orsay, non-existent", 0)
                .into_iter()
                .map(|w| w.lower)
                .collect();
        assert_eq!(
            w,
            [
                "inter-ministerial",
                "talks",
                "at",
                "quai",
                "d'orsay",
                ",",
                "non-existent"
            ]
        );
    }

    #[test]
    fn spans_point_into_the_text() {
        let text = "Talks were halted.";
        for w in split_words(text, 10) {
            assert_eq!(
                text[w.span.start - 10..w.span.end - 10].to_lowercase(),
                w.lower
            );
        }
    }

    #[test]
    fn inflects_regular_and_irregular_verbs() {
        assert!(forms("suspend").contains(&"suspended".to_string()));
        assert!(forms("stop").contains(&"stopped".to_string()));
        assert!(forms("freeze").contains(&"froze".to_string()));
        assert!(forms("freeze").contains(&"freezing".to_string()));
        assert!(forms("embassy").contains(&"embassies".to_string()));
        assert!(forms("cut").contains(&"cutting".to_string()));
        assert!(!forms("suspend").contains(&"suspense".to_string()));
    }
}
