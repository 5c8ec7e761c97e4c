//! English spelling rules for undoing inflection: the candidate base forms of an
//! inflected word (`stopped`→`stop`, `provoked`→`provoke`, `cities`→`city`,
//! `bigger`→`big`), best guess first. The lemmatizer checks the candidates against
//! the lemmas it knows and falls back to the first one for words it has never seen.

/// Word class of a Penn Treebank tag, as far as inflection goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    /// `VB*`.
    Verb,
    /// `NN`, `NNS`.
    Noun,
    /// `JJ*`.
    Adjective,
    /// `RB*`.
    Adverb,
    /// Everything else (closed classes, proper nouns, symbols).
    Other,
}

impl Class {
    /// The class of a Penn Treebank tag.
    pub(crate) fn of(xpos: &str) -> Class {
        if xpos.starts_with("VB") {
            Class::Verb
        } else if xpos == "NN" || xpos == "NNS" {
            Class::Noun
        } else if xpos.starts_with("JJ") {
            Class::Adjective
        } else if xpos.starts_with("RB") {
            Class::Adverb
        } else {
            Class::Other
        }
    }

    /// One bit per class, for sets of classes.
    pub(crate) fn bit(self) -> u8 {
        match self {
            Class::Verb => 1,
            Class::Noun => 2,
            Class::Adjective => 4,
            Class::Adverb => 8,
            Class::Other => 16,
        }
    }
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

fn is_consonant(c: u8) -> bool {
    c.is_ascii_lowercase() && !is_vowel(c)
}

/// Number of vowel groups (a rough syllable count; `y` after a consonant counts).
fn syllables(s: &[u8]) -> usize {
    let mut n = 0;
    let mut prev_vowel = false;
    for (i, &c) in s.iter().enumerate() {
        let v = is_vowel(c) || (c == b'y' && i > 0 && is_consonant(s[i - 1]));
        if v && !prev_vowel {
            n += 1;
        }
        prev_vowel = v;
    }
    n
}

/// Whether the base form of the stem left after removing `-ed`/`-ing`/`-er`/`-est`
/// most likely ends in a silent `e` (`provok`→`provoke`, `settl`→`settle`).
fn wants_e(s: &[u8]) -> bool {
    let n = s.len();
    if n < 2 {
        return false;
    }
    let (a, b) = (s[n - 2], s[n - 1]);
    let single_vowel = is_vowel(a) && (n < 3 || is_consonant(s[n - 3]));
    match b {
        b'v' | b'u' | b'e' => true,
        b'z' => a != b'z',
        b'c' => true,
        b'l' => matches!(
            a,
            b'b' | b'c' | b'd' | b'f' | b'g' | b'k' | b'p' | b't' | b'z'
        ),
        b's' if matches!(a, b'n' | b'r' | b'p' | b'l') => true,
        b's' if is_vowel(a) && !single_vowel => true,
        b'g' if matches!(a, b'r' | b'd') => true,
        b'g' if a == b'n' => n >= 5 && matches!(s[n - 3], b'a' | b'e' | b'u'),
        _ if single_vowel && is_consonant(b) && !matches!(b, b'w' | b'x' | b'y') => {
            syllables(s) == 1
                || matches!(
                    [a, b],
                    [b'o', b'k']
                        | [b'a', b't']
                        | [b'u', b't']
                        | [b'u', b'd']
                        | [b'i', b'd']
                        | [b'i', b'b']
                        | [b'i', b'z']
                        | [b'y', b's']
                        | [b'i', b'r']
                        | [b'u', b'r']
                        | [b'a', b'r']
                        | [b'o', b's']
                        | [b'u', b's']
                        | [b'i', b'n']
                        | [b'a', b'p']
                        | [b'u', b'l']
                        | [b'i', b'l']
                        | [b'o', b'l']
                        | [b'i', b's']
                        | [b'a', b'g']
                )
        }
        _ => false,
    }
}

/// Candidates for a stem left by removing a suffix that may double a final
/// consonant or drop a silent `e` (`-ed`, `-ing`, `-er`, `-est`).
fn stem_candidates(stem: &str, out: &mut Vec<String>) {
    let s = stem.as_bytes();
    let n = s.len();
    if n == 0 || syllables(s) == 0 {
        return;
    }
    if n >= 3 && s[n - 1] == s[n - 2] && is_consonant(s[n - 1]) {
        let undoubled = &stem[..n - 1];
        let c = s[n - 1];
        let undouble_first = match c {
            b's' | b'z' | b'f' => false,
            b'l' => {
                syllables(s) >= 2
                    && matches!(s[n - 3], b'e' | b'o')
                    && n >= 4
                    && is_consonant(s[n - 4])
            }
            _ => undoubled.len() > 2,
        };
        if undouble_first {
            out.push(undoubled.to_string());
            out.push(stem.to_string());
        } else {
            out.push(stem.to_string());
            out.push(undoubled.to_string());
        }
        return;
    }
    if stem.ends_with("ick") && syllables(s) >= 2 {
        out.push(stem[..n - 1].to_string());
        out.push(stem.to_string());
        return;
    }
    let with_e = format!("{stem}e");
    if wants_e(s) {
        out.push(with_e);
        out.push(stem.to_string());
    } else {
        out.push(stem.to_string());
        out.push(with_e);
    }
}

/// Candidate base forms of lower-case `word` tagged `xpos`, best guess first; empty
/// when the tag is not an inflected one or the word does not look inflected.
pub(crate) fn candidates(word: &str, xpos: &str) -> Vec<String> {
    let mut out = Vec::new();
    if !word.is_ascii() {
        return out;
    }
    match xpos {
        "VBD" | "VBN" => {
            if let Some(stem) = word.strip_suffix("ied") {
                if stem.len() <= 1 {
                    out.push(format!("{stem}ie"));
                } else {
                    out.push(format!("{stem}y"));
                }
            } else if let Some(stem) = word.strip_suffix("ed") {
                stem_candidates(stem, &mut out);
            }
        }
        "VBG" => {
            if let Some(stem) = word.strip_suffix("ying") {
                if stem.len() == 1 {
                    out.push(format!("{stem}ie"));
                }
                out.push(format!("{stem}y"));
            } else if let Some(stem) = word.strip_suffix("ing") {
                stem_candidates(stem, &mut out);
            }
        }
        "VBZ" | "NNS" => plural_candidates(word, xpos == "NNS", &mut out),
        "JJR" | "RBR" => comparative_candidates(word, "er", &mut out),
        "JJS" | "RBS" => comparative_candidates(word, "est", &mut out),
        _ => {}
    }
    out.retain(|c| c.len() >= 2);
    out
}

fn plural_candidates(word: &str, noun: bool, out: &mut Vec<String>) {
    if word.ends_with("ss") || word.ends_with("us") || word.ends_with("is") {
        return;
    }
    if let Some(stem) = word.strip_suffix("ies") {
        if stem.len() <= 1 {
            out.push(format!("{stem}ie"));
        } else {
            out.push(format!("{stem}y"));
            out.push(format!("{stem}ie"));
        }
        return;
    }
    let Some(stem) = word.strip_suffix('s') else {
        return;
    };
    let sibilant = ["sses", "ches", "shes", "xes", "zzes"]
        .iter()
        .any(|e| word.ends_with(e));
    if sibilant {
        out.push(word[..word.len() - 2].to_string());
        out.push(stem.to_string());
        return;
    }
    if word.ends_with("oes") && !noun {
        out.push(word[..word.len() - 2].to_string());
        out.push(stem.to_string());
        return;
    }
    out.push(stem.to_string());
    if word.ends_with("oes") {
        out.push(word[..word.len() - 2].to_string());
    }
    if noun {
        if let Some(v) = word.strip_suffix("ves") {
            out.push(format!("{v}fe"));
            out.push(format!("{v}f"));
        }
    }
}

fn comparative_candidates(word: &str, suffix: &str, out: &mut Vec<String>) {
    let Some(stem) = word.strip_suffix(suffix) else {
        return;
    };
    if let Some(y) = stem.strip_suffix('i') {
        out.push(format!("{y}y"));
    }
    stem_candidates(stem, out);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(word: &str, xpos: &str) -> String {
        candidates(word, xpos)
            .into_iter()
            .next()
            .unwrap_or_default()
    }

    #[test]
    fn best_guesses_follow_english_spelling() {
        for (w, x, l) in [
            ("blamed", "VBD", "blame"),
            ("bombed", "VBD", "bomb"),
            ("provoked", "VBD", "provoke"),
            ("expelled", "VBD", "expel"),
            ("stopped", "VBN", "stop"),
            ("installed", "VBN", "install"),
            ("passed", "VBD", "pass"),
            ("settled", "VBD", "settle"),
            ("tried", "VBD", "try"),
            ("escalated", "VBD", "escalate"),
            ("visited", "VBD", "visit"),
            ("charging", "VBG", "charge"),
            ("dying", "VBG", "die"),
            ("planning", "VBG", "plan"),
            ("condemns", "VBZ", "condemn"),
            ("launches", "VBZ", "launch"),
            ("cities", "NNS", "city"),
            ("bigger", "JJR", "big"),
            ("happiest", "JJS", "happy"),
            ("wider", "JJR", "wide"),
            ("organised", "VBN", "organise"),
            ("mimicking", "VBG", "mimic"),
        ] {
            assert_eq!(first(w, x), l, "{w}/{x}");
        }
        assert!(candidates("Paris", "NNP").is_empty());
        assert!(candidates("class", "NNS").is_empty());
    }
}
