//! Open-class word lists: which lemmas English has as nouns, verbs, adjectives and
//! adverbs, plus irregular inflections (`went`→`go`, `mice`→`mouse`).
//!
//! The treebank alone knows about 20,000 word forms; news brings words it never
//! showed ("appeal", "abandon", "conceded"), and for those the tagger had only
//! spelling to go on. Read at training time from a WordNet database (Princeton
//! WordNet 3.0; Debian package `wordnet-base`, `/usr/share/wordnet`) and stored in the
//! model, the lists give every word the set of tags it *can* take — "appeal": NN, VB;
//! "conceded": VBD/VBN of "concede" — a tagger feature that generalises to unseen
//! words, and give the lemmatizer real lemmas to check its spelling candidates
//! against. No crate reads WordNet's index and exception files into this shape, and
//! the format is a few lines of text per entry, so it is read here.

use std::collections::HashMap;
use std::path::Path;

use crate::codec::{Decoder, Encoder};
use crate::feature::{hash_str, BuildIdentity};
use crate::inflection::{candidates, Class};
use crate::NlpError;

/// Possible tags of a word, one bit each.
mod tag {
    pub(super) const NN: u16 = 1;
    pub(super) const NNS: u16 = 1 << 1;
    pub(super) const VB: u16 = 1 << 2;
    pub(super) const VBZ: u16 = 1 << 3;
    /// Past tense or past participle (regular forms are both).
    pub(super) const VBD: u16 = 1 << 4;
    pub(super) const VBG: u16 = 1 << 5;
    pub(super) const JJ: u16 = 1 << 6;
    pub(super) const JJR: u16 = 1 << 7;
    pub(super) const JJS: u16 = 1 << 8;
    pub(super) const RB: u16 = 1 << 9;
    /// An irregular form (`was`, `had`, `went`): kept apart from regular ones, whose
    /// tags it would otherwise share ("had" is mostly an auxiliary, "extradited" never).
    pub(super) const IRREGULAR: u16 = 1 << 10;
}

/// Inflected tags, the ending they need, the class of their lemma, and the tag bit
/// they set.
const INFLECTIONS: [(&str, &str, Class, u16); 6] = [
    ("NNS", "s", Class::Noun, tag::NNS),
    ("VBZ", "s", Class::Verb, tag::VBZ),
    ("VBD", "ed", Class::Verb, tag::VBD),
    ("VBG", "ing", Class::Verb, tag::VBG),
    ("JJR", "er", Class::Adjective, tag::JJR),
    ("JJS", "est", Class::Adjective, tag::JJS),
];

/// Lemmas by word class and irregular inflections.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct WordClasses {
    /// `(lemma, class bits)` ([`Class::bit`]), sorted.
    lemmas: Vec<(String, u8)>,
    /// `(form, lemma, class bit of the lemma)`, sorted.
    irregular: Vec<(String, String, u8)>,
    lemma_index: HashMap<u64, u8, BuildIdentity>,
    irregular_index: HashMap<u64, u16, BuildIdentity>,
}

impl WordClasses {
    fn new(mut lemmas: Vec<(String, u8)>, mut irregular: Vec<(String, String, u8)>) -> Self {
        lemmas.sort();
        lemmas.dedup();
        irregular.sort();
        irregular.dedup();
        let mut lemma_index: HashMap<u64, u8, BuildIdentity> = HashMap::default();
        for (l, c) in &lemmas {
            *lemma_index.entry(hash_str(l)).or_default() |= c;
        }
        let mut irregular_index: HashMap<u64, u16, BuildIdentity> = HashMap::default();
        for (form, _, class) in &irregular {
            *irregular_index.entry(hash_str(form)).or_default() |= irregular_tag(form, *class);
        }
        WordClasses {
            lemmas,
            irregular,
            lemma_index,
            irregular_index,
        }
    }

    /// Reads a WordNet database directory (`index.noun`, `index.verb`, `index.adj`,
    /// `index.adv` and the `*.exc` exception lists). Multi-word entries are skipped.
    ///
    /// # Errors
    /// [`NlpError::Io`] naming the file that cannot be read.
    pub(crate) fn read_wordnet(dir: &Path) -> Result<WordClasses, NlpError> {
        let files = [
            ("noun", Class::Noun),
            ("verb", Class::Verb),
            ("adj", Class::Adjective),
            ("adv", Class::Adverb),
        ];
        let read = |name: String| -> Result<String, NlpError> {
            let path = dir.join(&name);
            std::fs::read_to_string(&path).map_err(|source| NlpError::Io { path, source })
        };
        let mut lemmas = Vec::new();
        let mut irregular = Vec::new();
        for (pos, class) in files {
            // Index lines: `lemma pos count …`; licence lines start with a space.
            for line in read(format!("index.{pos}"))?.lines() {
                if line.starts_with(' ') {
                    continue;
                }
                if let Some(lemma) = line.split(' ').next().filter(|l| usable(l)) {
                    lemmas.push((lemma.to_string(), class.bit()));
                }
            }
            // Exception lines: `form lemma [lemma…]`.
            for line in read(format!("{pos}.exc"))?.lines() {
                let mut it = line.split(' ');
                if let (Some(form), Some(lemma)) = (it.next(), it.next()) {
                    if usable(form) && usable(lemma) && form != lemma {
                        irregular.push((form.to_string(), lemma.to_string(), class.bit()));
                    }
                }
            }
        }
        Ok(WordClasses::new(lemmas, irregular))
    }

    /// Whether no lists were loaded (a model trained without them).
    pub(crate) fn is_empty(&self) -> bool {
        self.lemmas.is_empty()
    }

    /// The classes `lemma` has as a lemma ([`Class::bit`] set; 0 when none).
    pub(crate) fn lemma_classes(&self, lemma: &str) -> u8 {
        self.lemma_index.get(&hash_str(lemma)).copied().unwrap_or(0)
    }

    /// Every lemma with its classes, for the lemmatizer's known lemmas.
    pub(crate) fn lemmas(&self) -> &[(String, u8)] {
        &self.lemmas
    }

    /// `(form, Penn tag, lemma)` for every irregular form with a single lemma in its
    /// class (`went`, VBD, `go` and `went`, VBN, `go`; `mice`, NNS, `mouse`).
    pub(crate) fn irregular_entries(&self) -> Vec<(&str, &'static str, &str)> {
        let mut out = Vec::new();
        for (i, (form, lemma, class)) in self.irregular.iter().enumerate() {
            let same = |j: usize| {
                self.irregular
                    .get(j)
                    .is_some_and(|(f, l, c)| f == form && c == class && l != lemma)
            };
            if same(i + 1) || i > 0 && same(i - 1) {
                continue;
            }
            let tags: &[&'static str] = match irregular_tag(form, *class) {
                tag::NNS => &["NNS"],
                tag::VBG => &["VBG"],
                tag::VBZ => &["VBZ"],
                tag::VBD => &["VBD", "VBN"],
                tag::JJR => &["JJR"],
                tag::JJS => &["JJS"],
                _ => &[],
            };
            for t in tags {
                out.push((form.as_str(), *t, lemma.as_str()));
            }
        }
        out
    }

    /// The tags lower-case `word` can take, as a feature value (0 for a word the lists
    /// do not know, or when no lists were loaded).
    pub(crate) fn tags(&self, word: &str) -> u64 {
        if self.is_empty() {
            return 0;
        }
        let mut bits: u16 = 0;
        let own = self.lemma_classes(word);
        for (class, t) in [
            (Class::Noun, tag::NN),
            (Class::Verb, tag::VB),
            (Class::Adjective, tag::JJ),
            (Class::Adverb, tag::RB),
        ] {
            if own & class.bit() != 0 {
                bits |= t;
            }
        }
        if let Some(&t) = self.irregular_index.get(&hash_str(word)) {
            bits |= t | tag::IRREGULAR;
        }
        if word.len() > 3 {
            for (xpos, ending, class, t) in INFLECTIONS {
                if bits & t == 0
                    && word.ends_with(ending)
                    && candidates(word, xpos)
                        .iter()
                        .any(|c| self.lemma_classes(c) & class.bit() != 0)
                {
                    bits |= t;
                }
            }
        }
        u64::from(bits) | 1 << 16
    }

    pub(crate) fn encode(&self, e: &mut Encoder) {
        e.len(self.lemmas.len());
        for (l, c) in &self.lemmas {
            e.str(l);
            e.u64(u64::from(*c));
        }
        e.len(self.irregular.len());
        for (f, l, c) in &self.irregular {
            e.str(f);
            e.str(l);
            e.u64(u64::from(*c));
        }
    }

    pub(crate) fn decode(d: &mut Decoder<'_>) -> Result<WordClasses, NlpError> {
        let class = |d: &mut Decoder<'_>| {
            u8::try_from(d.u64()?)
                .map_err(|_| NlpError::model("word-class set out of range", d.pos()))
        };
        let n = d.len(2)?;
        let mut lemmas = Vec::with_capacity(n);
        for _ in 0..n {
            let l = d.str()?;
            lemmas.push((l, class(d)?));
        }
        let n = d.len(3)?;
        let mut irregular = Vec::with_capacity(n);
        for _ in 0..n {
            let f = d.str()?;
            let l = d.str()?;
            irregular.push((f, l, class(d)?));
        }
        Ok(WordClasses::new(lemmas, irregular))
    }
}

/// A single lower-case word (no multi-word entries, no digits-only codes).
fn usable(w: &str) -> bool {
    !w.is_empty() && !w.contains('_') && w.chars().any(char::is_alphabetic)
}

/// The tag an irregular form of a lemma in `class` has, by its spelling.
fn irregular_tag(form: &str, class: u8) -> u16 {
    if class == Class::Noun.bit() {
        tag::NNS
    } else if class == Class::Verb.bit() {
        if form.ends_with("ing") {
            tag::VBG
        } else if form.ends_with('s') && !form.ends_with("ss") {
            tag::VBZ
        } else {
            tag::VBD
        }
    } else if class == Class::Adjective.bit() || class == Class::Adverb.bit() {
        if form.ends_with("st") {
            tag::JJS
        } else {
            tag::JJR
        }
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn small() -> WordClasses {
        WordClasses::new(
            vec![
                ("appeal".into(), Class::Noun.bit() | Class::Verb.bit()),
                ("concede".into(), Class::Verb.bit()),
                ("stop".into(), Class::Verb.bit()),
                ("big".into(), Class::Adjective.bit()),
                ("go".into(), Class::Verb.bit()),
            ],
            vec![("went".into(), "go".into(), Class::Verb.bit())],
        )
    }

    #[test]
    fn tags_of_base_inflected_and_irregular_forms() {
        let w = small();
        let t = |s: &str| w.tags(s) as u16;
        assert_eq!(t("appeal"), tag::NN | tag::VB);
        assert_eq!(t("appeals"), tag::NNS | tag::VBZ);
        assert_eq!(t("conceded"), tag::VBD);
        assert_eq!(t("stopping"), tag::VBG);
        assert_eq!(t("biggest"), tag::JJS);
        assert_eq!(t("went"), tag::VBD | tag::IRREGULAR);
        assert_eq!(w.tags("zzyzx"), 1 << 16);
        assert_eq!(WordClasses::default().tags("appeal"), 0);
        assert_eq!(
            w.irregular_entries(),
            vec![("went", "VBD", "go"), ("went", "VBN", "go")]
        );
    }

    #[test]
    fn round_trip() {
        let w = small();
        let mut e = Encoder::default();
        w.encode(&mut e);
        let mut d = Decoder::new(&e.buf);
        assert_eq!(WordClasses::decode(&mut d).unwrap(), w);
        assert!(d.at_end());
    }
}
