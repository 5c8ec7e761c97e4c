//! The phrase automaton: every dictionary phrase, folded, in one Aho-Corasick
//! automaton; matches are checked for word boundaries and letter case and then
//! chosen leftmost-longest.

use aho_corasick::{AhoCorasick, AhoCorasickKind, Anchored, Input, MatchKind, StartKind};

use crate::entry::CaseRule;
use crate::error::ActorError;
use crate::fold::{is_word_byte, FoldedText};

/// A phrase the automaton knows: the meaning it stands for and its case rule.
#[derive(Debug, Clone, Copy)]
pub(crate) struct PatternInfo {
    pub meaning: u32,
    pub case: CaseRule,
}

/// A dictionary phrase found in a text, in the text's own byte offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Hit {
    pub start: usize,
    pub end: usize,
    pub meaning: u32,
}

/// The compiled automaton with its pattern table.
#[derive(Debug, Clone)]
pub(crate) struct PhraseMatcher {
    automaton: Option<AhoCorasick>,
    patterns: Vec<PatternInfo>,
}

/// Reusable buffers for [`PhraseMatcher::find`].
#[derive(Debug, Default)]
pub(crate) struct MatchScratch {
    folded: FoldedText,
}

impl PhraseMatcher {
    /// Compiles folded phrases (`phrases[i]` belongs to `patterns[i]`).
    pub fn new(
        phrases: &[String],
        patterns: Vec<PatternInfo>,
    ) -> Result<PhraseMatcher, ActorError> {
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Both)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            // Every phrase starts with the word-start marker, which every word in the
            // text has too: a prefilter would only slow the scan down.
            .prefilter(false)
            .build(phrases)
            .or_else(|_| {
                AhoCorasick::builder()
                    .match_kind(MatchKind::Standard)
                    .build(phrases)
            })
            .map_err(|e| ActorError::Automaton(e.to_string()))?;
        Ok(PhraseMatcher {
            automaton: Some(automaton),
            patterns,
        })
    }

    /// A matcher that finds nothing.
    pub fn empty() -> PhraseMatcher {
        PhraseMatcher {
            automaton: None,
            patterns: Vec::new(),
        }
    }

    /// Number of phrases.
    pub fn len(&self) -> usize {
        self.patterns.len()
    }

    /// Finds dictionary phrases in `text`: whole words only, letter case as the
    /// dictionary wrote it, leftmost-longest, non-overlapping. Offsets are `text`'s.
    pub fn find(&self, text: &str, scratch: &mut MatchScratch, out: &mut Vec<Hit>) {
        out.clear();
        let Some(automaton) = &self.automaton else {
            return;
        };
        scratch.folded.fold(text);
        let folded = scratch.folded.text.as_bytes();
        let mut pos = 0;
        while pos < folded.len() {
            let Ok(Some(first)) = automaton.try_find(Input::new(folded).range(pos..)) else {
                break;
            };
            // The longest phrase at this word start, or a shorter one when the longer
            // one ends inside a word or has the wrong letter case.
            let mut candidate = Some(first);
            let mut accepted = None;
            while let Some(m) = candidate {
                let (s, e) = (m.start(), m.end());
                let whole_word =
                    e >= folded.len() || !is_word_byte(folded[e]) || !is_word_byte(folded[e - 1]);
                if whole_word {
                    if let Some(info) = self.patterns.get(m.pattern().as_usize()) {
                        let (os, oe) = (
                            scratch.folded.original_start(s),
                            scratch.folded.original_end(e),
                        );
                        if info.case.accepts(text.get(os..oe).unwrap_or("")) {
                            accepted = Some((
                                Hit {
                                    start: os,
                                    end: oe,
                                    meaning: info.meaning,
                                },
                                e,
                            ));
                            break;
                        }
                    }
                }
                if e <= s + 1 {
                    break;
                }
                let shorter = Input::new(folded).range(s..e - 1).anchored(Anchored::Yes);
                candidate = automaton.try_find(shorter).ok().flatten();
            }
            match accepted {
                Some((hit, end)) => {
                    pos = end;
                    out.push(hit);
                }
                None => pos = first.start() + 1,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fold::fold_phrase;

    fn matcher(phrases: &[&str]) -> PhraseMatcher {
        let folded: Vec<String> = phrases.iter().map(|p| fold_phrase(p)).collect();
        let info = phrases
            .iter()
            .enumerate()
            .map(|(i, p)| PatternInfo {
                meaning: i as u32,
                case: CaseRule::of(p),
            })
            .collect();
        PhraseMatcher::new(&folded, info).unwrap_or_else(|e| panic!("{e}"))
    }

    fn found(m: &PhraseMatcher, text: &str) -> Vec<String> {
        let mut scratch = MatchScratch::default();
        let mut out = Vec::new();
        m.find(text, &mut scratch, &mut out);
        out.iter()
            .map(|h| text[h.start..h.end].to_string())
            .collect()
    }

    #[test]
    fn leftmost_longest_whole_words() {
        let m = matcher(&["New York", "New York Times", "York", "Iran", "US"]);
        assert_eq!(
            found(&m, "The New York Times said Iranian US"),
            vec!["New York Times", "US"]
        );
        assert_eq!(found(&m, "let us go to York"), vec!["York"]);
    }

    #[test]
    fn shorter_match_survives_when_longer_breaks_a_word() {
        let m = matcher(&["Gaza Strip", "Gaza"]);
        assert_eq!(found(&m, "Gaza Stripped"), vec!["Gaza"]);
    }

    #[test]
    fn accents_and_no_break_spaces_match() {
        let m = matcher(&["Elysee", "Russian Embassy"]);
        assert_eq!(
            found(&m, "the Élysée and the Russian\u{a0}Embassy"),
            vec!["Élysée", "Russian\u{a0}Embassy"]
        );
    }
}
