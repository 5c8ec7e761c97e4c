//! The channel lexicon (`data/channels.txt`): channel markers, state cues and the
//! function words the reader needs, compiled once into a phrase index.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::channel::{ChannelKind, ChannelState};
use crate::words::{forms, Word};
use crate::RelationsError;

const BUILTIN: &str = include_str!("../data/channels.txt");
const BUILTIN_NAME: &str = "data/channels.txt";

/// What a phrase of the lexicon stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Label {
    /// Names a channel.
    Marker(ChannelKind),
    /// Gives a channel's state.
    State(ChannelState),
    /// Negates the following state word.
    Negation,
    /// Makes the following state word a wish or plan.
    Irrealis,
    /// A verb of saying.
    Speech,
    /// Joins phrases.
    Coordinator,
}

#[derive(Debug, Clone)]
enum Pat {
    /// Matches the lemma or any of its inflected forms.
    Lemma(String, Vec<String>),
    /// Matches this surface form only.
    Exact(String),
}

impl Pat {
    fn matches(&self, w: &Word) -> bool {
        match self {
            Pat::Lemma(l, forms) => w.lemma == *l || forms.contains(&w.lower),
            Pat::Exact(s) => w.lower == *s,
        }
    }
}

#[derive(Debug, Clone)]
struct Phrase {
    words: Vec<Pat>,
    label: Label,
}

/// A phrase found in a sentence: words `start..end` carry `label`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Hit {
    /// First word.
    pub start: usize,
    /// One past the last word.
    pub end: usize,
    /// What the phrase stands for.
    pub label: Label,
}

/// The compiled lexicon.
#[derive(Debug, Clone)]
pub struct Lexicon {
    phrases: Vec<Phrase>,
    by_first: HashMap<String, Vec<usize>>,
}

impl Lexicon {
    /// The lexicon shipped with the crate, compiled on first use.
    ///
    /// # Errors
    /// When the embedded lexicon does not parse (a build defect, caught by tests).
    pub fn builtin() -> Result<&'static Lexicon, RelationsError> {
        static CELL: OnceLock<Result<Lexicon, String>> = OnceLock::new();
        let r =
            CELL.get_or_init(|| Lexicon::parse(BUILTIN, BUILTIN_NAME).map_err(|e| e.to_string()));
        r.as_ref().map_err(|m| RelationsError::Lexicon {
            file: BUILTIN_NAME.into(),
            line: 0,
            message: m.clone(),
        })
    }

    /// Parses a lexicon in the format of `data/channels.txt`; `name` is used in errors.
    ///
    /// # Errors
    /// On an unknown section, a phrase before any section, or an unknown kind or state.
    pub fn parse(text: &str, name: &str) -> Result<Lexicon, RelationsError> {
        let err = |line: usize, message: String| RelationsError::Lexicon {
            file: name.into(),
            line,
            message,
        };
        let mut phrases = Vec::new();
        let mut label: Option<Label> = None;
        for (i, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(head) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                let mut parts = head.split_whitespace();
                label = Some(match (parts.next(), parts.next()) {
                    (Some("marker"), Some(k)) => Label::Marker(
                        ChannelKind::from_name(k)
                            .ok_or_else(|| err(i + 1, format!("unknown channel kind `{k}`")))?,
                    ),
                    (Some("state"), Some(s)) => Label::State(
                        ChannelState::from_name(s)
                            .ok_or_else(|| err(i + 1, format!("unknown state `{s}`")))?,
                    ),
                    (Some("negation"), None) => Label::Negation,
                    (Some("irrealis"), None) => Label::Irrealis,
                    (Some("speech"), None) => Label::Speech,
                    (Some("coordinator"), None) => Label::Coordinator,
                    _ => return Err(err(i + 1, format!("unknown section `[{head}]`"))),
                });
                continue;
            }
            let Some(label) = label else {
                return Err(err(i + 1, "phrase before any section".into()));
            };
            let words = line
                .to_lowercase()
                .split_whitespace()
                .map(|w| match w.strip_prefix('=') {
                    Some(exact) => Pat::Exact(exact.to_string()),
                    None => Pat::Lemma(w.to_string(), forms(w)),
                })
                .collect();
            phrases.push(Phrase { words, label });
        }
        let mut by_first: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, p) in phrases.iter().enumerate() {
            let keys = match &p.words[0] {
                Pat::Lemma(l, fs) => {
                    let mut k = fs.clone();
                    k.push(l.clone());
                    k
                }
                Pat::Exact(s) => vec![s.clone()],
            };
            for k in keys {
                let list = by_first.entry(k).or_default();
                if !list.contains(&i) {
                    list.push(i);
                }
            }
        }
        Ok(Lexicon { phrases, by_first })
    }

    /// Leftmost-longest phrases of `words`, never overlapping.
    pub(crate) fn scan(&self, words: &[Word]) -> Vec<Hit> {
        let mut hits = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let mut best: Option<(usize, Label)> = None;
            let mut seen: Vec<usize> = Vec::new();
            for key in [&words[i].lower, &words[i].lemma] {
                for &p in self
                    .by_first
                    .get(key.as_str())
                    .map_or(&[][..], Vec::as_slice)
                {
                    if seen.contains(&p) {
                        continue;
                    }
                    seen.push(p);
                    let phrase = &self.phrases[p];
                    let n = phrase.words.len();
                    if i + n > words.len()
                        || !phrase
                            .words
                            .iter()
                            .zip(&words[i..])
                            .all(|(pat, w)| pat.matches(w))
                    {
                        continue;
                    }
                    // Equal lengths: a noun names a channel, a verb does not ("calls").
                    let noun = matches!(words[i].upos.as_str(), "NOUN" | "PROPN");
                    let better = match best {
                        None => true,
                        Some((len, label)) => {
                            n > len
                                || (n == len
                                    && !words[i].upos.is_empty()
                                    && matches!(phrase.label, Label::Marker(_))
                                        != matches!(label, Label::Marker(_))
                                    && matches!(phrase.label, Label::Marker(_)) == noun)
                        }
                    };
                    if better {
                        best = Some((n, phrase.label));
                    }
                }
            }
            match best {
                Some((n, label)) => {
                    hits.push(Hit {
                        start: i,
                        end: i + n,
                        label,
                    });
                    i += n;
                }
                None => i += 1,
            }
        }
        hits
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::split_words;

    #[test]
    fn builtin_parses() {
        assert!(Lexicon::builtin().is_ok());
    }

    #[test]
    fn longest_phrase_wins() {
        let lex = Lexicon::builtin().expect("lexicon");
        let words = split_words("the foreign minister kept contacts to a minimum", 0);
        let hits = lex.scan(&words);
        assert_eq!(
            hits[0],
            Hit {
                start: 1,
                end: 3,
                label: Label::Marker(ChannelKind::ForeignMinisters)
            }
        );
        assert!(hits
            .iter()
            .any(|h| h.label == Label::State(ChannelState::Reduced) && h.end - h.start == 3));
    }

    #[test]
    fn rejects_unknown_sections_with_line() {
        let e = Lexicon::parse("[marker nonsense]\nx\n", "t.txt").expect_err("must fail");
        assert!(e.to_string().starts_with("t.txt:1:"), "{e}");
        let e = Lexicon::parse("# c\nword\n", "t.txt").expect_err("must fail");
        assert!(e.to_string().starts_with("t.txt:2:"), "{e}");
    }
}
