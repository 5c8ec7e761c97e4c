//! What the treebank says about individual words, for the tagger: the tag dictionary
//! (frequent words that always take one tag, tagged without scoring) and ambiguity
//! classes (the set of tags a word was seen with, a cheap stand-in for the tags of
//! words to the right that a left-to-right tagger has not predicted yet).

use std::collections::{BTreeSet, HashMap};

use crate::codec::{Decoder, Encoder};
use crate::feature::{feat, hash_str, BuildIdentity};
use crate::NlpError;

/// A word goes into the tag dictionary when seen this often…
const SURE_MIN_COUNT: usize = 20;
/// …with all but this share of its occurrences under one tag.
const SURE_MAX_OTHER: f64 = 0.002;
/// A word gets an ambiguity class when seen this often (rarer words would make the
/// class a copy of the gold tag during training).
const AMBIGUITY_MIN_COUNT: usize = 3;
/// Ambiguity value of words without a class.
pub(crate) const UNKNOWN_CLASS: u64 = 0x756e_6b6e;

/// Tag dictionary and ambiguity classes.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Lexicon {
    /// (form, class).
    sure: Vec<(String, u16)>,
    /// (lower-case form, classes seen).
    ambiguity: Vec<(String, Vec<u16>)>,
    sure_index: HashMap<u64, u16, BuildIdentity>,
    ambiguity_index: HashMap<u64, u64, BuildIdentity>,
}

impl Lexicon {
    fn new(sure: Vec<(String, u16)>, ambiguity: Vec<(String, Vec<u16>)>) -> Lexicon {
        let sure_index = sure.iter().map(|(f, c)| (hash_str(f), *c)).collect();
        let ambiguity_index = ambiguity
            .iter()
            .map(|(f, cs)| {
                let v = cs.iter().fold(0u64, |h, &c| feat(9, h, u64::from(c), 0));
                (hash_str(f), v)
            })
            .collect();
        Lexicon {
            sure,
            ambiguity,
            sure_index,
            ambiguity_index,
        }
    }

    /// Learns both lists from gold (form, class) pairs.
    pub(crate) fn learn<'a>(pairs: impl Iterator<Item = (&'a str, usize)>) -> Lexicon {
        let mut by_form: HashMap<&str, HashMap<usize, usize>> = HashMap::new();
        let mut by_lower: HashMap<String, (usize, BTreeSet<u16>)> = HashMap::new();
        for (f, c) in pairs {
            *by_form.entry(f).or_default().entry(c).or_default() += 1;
            let e = by_lower.entry(f.to_lowercase()).or_default();
            e.0 += 1;
            e.1.insert(c as u16);
        }
        let mut sure: Vec<(String, u16)> = by_form
            .into_iter()
            .filter_map(|(f, m)| {
                let total: usize = m.values().sum();
                let (&c, &n) = m
                    .iter()
                    .max_by_key(|(c, n)| (**n, std::cmp::Reverse(**c)))?;
                let ok =
                    total >= SURE_MIN_COUNT && (total - n) as f64 <= SURE_MAX_OTHER * total as f64;
                ok.then(|| (f.to_string(), c as u16))
            })
            .collect();
        sure.sort();
        let mut ambiguity: Vec<(String, Vec<u16>)> = by_lower
            .into_iter()
            .filter(|(_, (n, _))| *n >= AMBIGUITY_MIN_COUNT)
            .map(|(f, (_, set))| (f, set.into_iter().collect()))
            .collect();
        ambiguity.sort();
        Lexicon::new(sure, ambiguity)
    }

    /// The dictionary tag of a form (by its hash), if it has one.
    #[inline]
    pub(crate) fn sure(&self, form: u64) -> Option<usize> {
        self.sure_index.get(&form).map(|&c| usize::from(c))
    }

    /// The ambiguity class of a lower-case form (by its hash).
    #[inline]
    pub(crate) fn ambiguity(&self, lower: u64) -> u64 {
        self.ambiguity_index
            .get(&lower)
            .copied()
            .unwrap_or(UNKNOWN_CLASS)
    }

    pub(crate) fn encode(&self, e: &mut Encoder) {
        e.len(self.sure.len());
        for (f, c) in &self.sure {
            e.str(f);
            e.len(usize::from(*c));
        }
        e.len(self.ambiguity.len());
        for (f, cs) in &self.ambiguity {
            e.str(f);
            let v: Vec<i16> = cs.iter().map(|&c| c as i16).collect();
            e.i16s(&v);
        }
    }

    /// Reads the lists back; `classes` is the number of tags.
    pub(crate) fn decode(d: &mut Decoder<'_>, classes: usize) -> Result<Lexicon, NlpError> {
        let bad = |at| NlpError::model("tag dictionary names an unknown tag", at);
        let n = d.len(16)?;
        let mut sure = Vec::with_capacity(n);
        for _ in 0..n {
            let at = d.pos();
            let f = d.str()?;
            let c = d.len(0)?;
            if c >= classes {
                return Err(bad(at));
            }
            sure.push((f, c as u16));
        }
        let n = d.len(16)?;
        let mut ambiguity = Vec::with_capacity(n);
        for _ in 0..n {
            let at = d.pos();
            let f = d.str()?;
            let cs = d.i16s()?;
            if cs.iter().any(|&c| c < 0 || c as usize >= classes) {
                return Err(bad(at));
            }
            ambiguity.push((f, cs.into_iter().map(|c| c as u16).collect()));
        }
        Ok(Lexicon::new(sure, ambiguity))
    }
}
