//! Lemmas from word and tag: suffix rewrite rules learned from the treebank
//! (`-ies`→`-y` for plural nouns, `-uted`→`-ute` for past verbs…) plus a table of the
//! words the rules get wrong (irregular verbs: `held`→`hold`, `went`→`go`).
//!
//! For words the treebank never showed, the lemmatizer also knows every lemma it saw
//! (with the word classes it saw it in): a rule whose result is no known lemma gives way
//! to a spelling candidate that is one (`blamed`→`blame`, not `blam`), and for verbs
//! with no known candidate the spelling rules' best guess wins (`expelled`→`expel`).

use std::collections::HashMap;

use crate::codec::{Decoder, Encoder};
use crate::feature::{feat, hash_str, BuildIdentity};
use crate::inflection::{candidates, Class};
use crate::wordclass::WordClasses;
use crate::NlpError;

/// Longest suffix (in characters) a rule may condition on.
const MAX_SUFFIX: usize = 5;

/// A rewrite: drop `strip` characters from the end, then append `add`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Rewrite {
    strip: usize,
    add: String,
}

impl Rewrite {
    fn between(form: &str, lemma: &str) -> Rewrite {
        let f: Vec<char> = form.chars().collect();
        let l: Vec<char> = lemma.chars().collect();
        let common = f.iter().zip(&l).take_while(|(a, b)| a == b).count();
        Rewrite {
            strip: f.len() - common,
            add: l[common..].iter().collect(),
        }
    }

    fn apply(&self, form: &str) -> Option<String> {
        if form.is_ascii() {
            let keep = form.len().checked_sub(self.strip).filter(|&k| k > 0)?;
            let mut s = String::with_capacity(keep + self.add.len());
            s.push_str(&form[..keep]);
            s.push_str(&self.add);
            return Some(s);
        }
        let n = form.chars().count();
        if self.strip >= n {
            return None;
        }
        let mut s: String = form.chars().take(n - self.strip).collect();
        s.push_str(&self.add);
        Some(s)
    }
}

/// Lemmatizer: exceptions by `(form, xpos)`, then rules by `(xpos, suffix)`.
///
/// Look-ups hash the borrowed strings, so lemmatizing allocates only the result.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Lemmatizer {
    /// `(form, xpos, lemma)`.
    exceptions: Vec<(String, String, String)>,
    /// `(xpos, suffix, rewrite)`.
    rules: Vec<(String, String, Rewrite)>,
    /// `(lemma, bit set of the word classes it was seen in)`.
    known: Vec<(String, u8)>,
    exception_index: HashMap<u64, usize, BuildIdentity>,
    rule_index: HashMap<u64, usize, BuildIdentity>,
    known_index: HashMap<u64, usize, BuildIdentity>,
}

fn key(a: &str, b: &str) -> u64 {
    key_hashed(hash_str(a), hash_str(b))
}

/// [`key`] from the two strings' hashes.
#[inline]
fn key_hashed(a: u64, b: u64) -> u64 {
    feat(7, a, b, 0)
}

/// Tags whose lemma keeps the case of the form (names; e-mail and web addresses).
fn keeps_case(xpos: &str) -> bool {
    xpos == "NNP" || xpos == "NNPS" || xpos == "ADD"
}

/// A number written with thousands separators (`420,588`), whose lemma drops them.
fn grouped_number(form: &str, xpos: &str) -> bool {
    xpos == "CD"
        && form.contains(',')
        && form.starts_with(|c: char| c.is_ascii_digit())
        && form.ends_with(|c: char| c.is_ascii_digit())
        && form
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
}

impl Lemmatizer {
    fn from_entries(
        mut exceptions: Vec<(String, String, String)>,
        mut rules: Vec<(String, String, Rewrite)>,
        mut known: Vec<(String, u8)>,
    ) -> Lemmatizer {
        exceptions.sort();
        known.sort();
        let known_index = known
            .iter()
            .enumerate()
            .map(|(i, (l, _))| (hash_str(l), i))
            .collect();
        rules.sort_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
        let exception_index = exceptions
            .iter()
            .enumerate()
            .map(|(i, (f, x, _))| (key(f, x), i))
            .collect();
        let rule_index = rules
            .iter()
            .enumerate()
            .map(|(i, (x, s, _))| (key(x, s), i))
            .collect();
        Lemmatizer {
            exceptions,
            rules,
            known,
            exception_index,
            rule_index,
            known_index,
        }
    }

    /// The exception for `form` tagged `xpos` (`hx` = hash of `xpos`).
    fn exception(&self, form: &str, xpos: &str, hx: u64) -> Option<&str> {
        let i = *self.exception_index.get(&key_hashed(hash_str(form), hx))?;
        let (f, x, l) = self.exceptions.get(i)?;
        (f == form && x == xpos).then_some(l.as_str())
    }

    /// The rule for `suffix` under `xpos` (`hx` = hash of `xpos`).
    fn rule(&self, xpos: &str, hx: u64, suffix: &str) -> Option<&Rewrite> {
        let i = *self.rule_index.get(&key_hashed(hx, hash_str(suffix)))?;
        let (x, s, r) = self.rules.get(i)?;
        (x == xpos && s == suffix).then_some(r)
    }

    /// The word classes `lemma` was seen in (0 when never).
    fn known(&self, lemma: &str) -> u8 {
        self.known_index
            .get(&hash_str(lemma))
            .and_then(|&i| self.known.get(i))
            .filter(|(l, _)| l == lemma)
            .map_or(0, |(_, c)| *c)
    }

    /// Whether `word` ends in a known lemma of `class` of at least four letters
    /// (`mismanage` ends in `manage`): prefixed and compound words.
    fn known_ending(&self, word: &str, class: Class) -> bool {
        word.char_indices()
            .skip(1)
            .map(|(i, _)| &word[i..])
            .take_while(|rest| rest.len() >= 4)
            .any(|rest| self.known(rest) & class.bit() != 0)
    }

    /// The lemma of `form` tagged `xpos`.
    pub fn lemma(&self, form: &str, xpos: &str) -> String {
        let hx = hash_str(xpos);
        if let Some(l) = self.exception(form, xpos, hx) {
            return l.to_string();
        }
        let base = if keeps_case(xpos) {
            form.to_string()
        } else if form.is_ascii() {
            form.to_ascii_lowercase()
        } else {
            form.to_lowercase()
        };
        // A form already in lower case was looked up just above.
        if base != form {
            if let Some(l) = self.exception(&base, xpos, hx) {
                return l.to_string();
            }
        }
        self.unseen_hashed(&base, xpos, hx)
    }

    /// The lemma of a form the exception table does not list: the rule's result if it
    /// is a known lemma of the tag's class, else the first spelling candidate that is,
    /// then the same with lemmas of any class, then (verbs) the best spelling guess.
    fn unseen(&self, base: &str, xpos: &str) -> String {
        self.unseen_hashed(base, xpos, hash_str(xpos))
    }

    /// [`Lemmatizer::unseen`] with the hash of `xpos` given.
    fn unseen_hashed(&self, base: &str, xpos: &str, hx: u64) -> String {
        if grouped_number(base, xpos) {
            return base.replace(',', "");
        }
        let by_rule = self.by_rule(base, xpos, hx);
        if self.known.is_empty() {
            return by_rule;
        }
        let class = Class::of(xpos);
        let seen = self.known(&by_rule);
        if seen & class.bit() != 0 {
            return by_rule;
        }
        let cands = candidates(base, xpos);
        if cands.is_empty() {
            return by_rule;
        }
        if let Some(c) = cands.iter().find(|c| self.known(c) & class.bit() != 0) {
            return c.clone();
        }
        if seen != 0 {
            return by_rule;
        }
        if let Some(c) = cands.iter().find(|c| self.known(c) != 0) {
            return c.clone();
        }
        if let Some(c) = cands.iter().find(|c| self.known_ending(c, class)) {
            return c.clone();
        }
        match (class, cands.into_iter().next()) {
            (Class::Verb, Some(c)) => c,
            _ => by_rule,
        }
    }

    fn by_rule(&self, base: &str, xpos: &str, hx: u64) -> String {
        let mut starts = [0usize; MAX_SUFFIX];
        let mut n = 0;
        for ((i, _), s) in base.char_indices().rev().zip(starts.iter_mut()) {
            *s = i;
            n += 1;
        }
        for &start in starts[..n].iter().rev() {
            if let Some(r) = self.rule(xpos, hx, &base[start..]) {
                if let Some(l) = r.apply(base) {
                    return l;
                }
            }
        }
        base.to_string()
    }

    /// Learns rules and exceptions from `(form, xpos, lemma)` triples.
    #[cfg(test)]
    pub(crate) fn learn<'a>(
        words: impl Iterator<Item = (&'a str, &'a str, &'a str)>,
    ) -> Lemmatizer {
        Lemmatizer::learn_with(words, &WordClasses::default())
    }

    /// Learns rules and exceptions from `(form, xpos, lemma)` triples, knowing the
    /// lemmas of the open-class word lists too; their irregular forms become
    /// exceptions where the treebank did not show the form and the rules miss it.
    pub(crate) fn learn_with<'a>(
        words: impl Iterator<Item = (&'a str, &'a str, &'a str)>,
        classes: &WordClasses,
    ) -> Lemmatizer {
        let mut pairs: HashMap<(String, String), HashMap<String, usize>> = HashMap::new();
        for (form, xpos, lemma) in words {
            if lemma == "_" || form.is_empty() {
                continue;
            }
            *pairs
                .entry((form.to_string(), xpos.to_string()))
                .or_default()
                .entry(lemma.to_string())
                .or_default() += 1;
        }
        let best = |m: &HashMap<String, usize>| -> String {
            let mut v: Vec<(&String, &usize)> = m.iter().collect();
            v.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
            v[0].0.clone()
        };
        // Rules: count rewrites per (xpos, suffix) over distinct forms.
        let mut counts: HashMap<(String, String), HashMap<Rewrite, usize>> = HashMap::new();
        for ((form, xpos), lemmas) in &pairs {
            let lemma = best(lemmas);
            let base = if keeps_case(xpos) {
                form.clone()
            } else {
                form.to_lowercase()
            };
            let rw = Rewrite::between(&base, &lemma);
            let chars: Vec<char> = base.chars().collect();
            let n = chars.len();
            for k in 1..=MAX_SUFFIX.min(n) {
                let suf: String = chars[n - k..].iter().collect();
                *counts
                    .entry((xpos.clone(), suf))
                    .or_default()
                    .entry(rw.clone())
                    .or_default() += 1;
            }
        }
        let mut rules: HashMap<(String, String), Rewrite> = HashMap::new();
        for (key, m) in counts {
            let total: usize = m.values().sum();
            let mut v: Vec<(Rewrite, usize)> = m.into_iter().collect();
            v.sort_by(|a, b| {
                b.1.cmp(&a.1)
                    .then(a.0.strip.cmp(&b.0.strip))
                    .then(a.0.add.cmp(&b.0.add))
            });
            let (rw, n) = v.swap_remove(0);
            // Keep a rule only where it is reliable and not the identity.
            if n >= 2 && n * 10 >= total * 6 {
                rules.insert(key, rw);
            }
        }
        // Keep only the rules that shorter suffixes do not already imply.
        let keys: Vec<(String, String)> = rules.keys().cloned().collect();
        let mut redundant = Vec::new();
        for key in keys {
            let chars: Vec<char> = key.1.chars().collect();
            let rw = &rules[&key];
            let mut shorter = None;
            for k in (1..chars.len()).rev() {
                let suf: String = chars[chars.len() - k..].iter().collect();
                if let Some(r) = rules.get(&(key.0.clone(), suf)) {
                    shorter = Some(r);
                    break;
                }
            }
            let identity = rw.strip == 0 && rw.add.is_empty();
            if shorter == Some(rw) || shorter.is_none() && identity {
                redundant.push(key);
            }
        }
        for k in redundant {
            rules.remove(&k);
        }
        let rules = rules.into_iter().map(|((x, s), r)| (x, s, r)).collect();
        let mut known: HashMap<String, u8> = HashMap::new();
        for ((_, xpos), lemmas) in &pairs {
            *known.entry(best(lemmas)).or_default() |= Class::of(xpos).bit();
        }
        for (l, c) in classes.lemmas() {
            *known.entry(l.clone()).or_default() |= c;
        }
        let lem = Lemmatizer::from_entries(Vec::new(), rules, known.into_iter().collect());
        let mut exceptions = Vec::new();
        for ((form, xpos), lemmas) in &pairs {
            let lemma = best(lemmas);
            let base = if keeps_case(xpos) {
                form.clone()
            } else {
                form.to_lowercase()
            };
            if lem.unseen(&base, xpos) != lemma {
                exceptions.push((form.clone(), xpos.clone(), lemma));
            }
        }
        for (form, xpos, lemma) in classes.irregular_entries() {
            let class = Class::of(xpos);
            if pairs.contains_key(&(form.to_string(), xpos.to_string())) {
                continue;
            }
            let guess = lem.unseen(form, xpos);
            if guess != lemma && lem.known(&guess) & class.bit() == 0 {
                exceptions.push((form.to_string(), xpos.to_string(), lemma.to_string()));
            }
        }
        Lemmatizer::from_entries(exceptions, lem.rules, lem.known)
    }

    pub(crate) fn encode(&self, e: &mut Encoder) {
        e.len(self.exceptions.len());
        for (f, x, l) in &self.exceptions {
            e.str(f);
            e.str(x);
            e.str(l);
        }
        e.len(self.rules.len());
        for (x, s, rw) in &self.rules {
            e.str(x);
            e.str(s);
            e.len(rw.strip);
            e.str(&rw.add);
        }
        e.len(self.known.len());
        for (l, c) in &self.known {
            e.str(l);
            e.u64(u64::from(*c));
        }
    }

    /// Reads what [`Lemmatizer::encode`] wrote; format version 2 had no known lemmas.
    pub(crate) fn decode(d: &mut Decoder<'_>, version: u32) -> Result<Lemmatizer, NlpError> {
        let n = d.len(24)?;
        let mut exceptions = Vec::with_capacity(n);
        for _ in 0..n {
            exceptions.push((d.str()?, d.str()?, d.str()?));
        }
        let n = d.len(32)?;
        let mut rules = Vec::with_capacity(n);
        for _ in 0..n {
            let x = d.str()?;
            let s = d.str()?;
            let strip = d.len(0)?;
            let add = d.str()?;
            rules.push((x, s, Rewrite { strip, add }));
        }
        let mut known = Vec::new();
        if version >= 3 {
            let n = d.len(2)?;
            known.reserve(n);
            for _ in 0..n {
                let l = d.str()?;
                let c = u8::try_from(d.u64()?)
                    .map_err(|_| NlpError::model("word-class set out of range", d.pos()))?;
                known.push((l, c));
            }
        }
        Ok(Lemmatizer::from_entries(exceptions, rules, known))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_generalise_to_unseen_words() {
        let words = [
            ("executed", "VBD", "execute"),
            ("computed", "VBD", "compute"),
            ("saluted", "VBD", "salute"),
            ("walked", "VBD", "walk"),
            ("talked", "VBD", "talk"),
            ("held", "VBD", "hold"),
            ("cities", "NNS", "city"),
            ("parties", "NNS", "party"),
            ("dogs", "NNS", "dog"),
            ("cats", "NNS", "cat"),
            ("talks", "NNS", "talk"),
            ("plans", "NNS", "plan"),
        ];
        let l = Lemmatizer::learn(words.iter().copied());
        assert_eq!(l.lemma("refuted", "VBD"), "refute");
        assert_eq!(l.lemma("held", "VBD"), "hold");
        assert_eq!(l.lemma("Stalked", "VBD"), "stalk");
        assert_eq!(l.lemma("militias", "NNS"), "militia");
        assert_eq!(l.lemma("Paris", "NNP"), "Paris");
        assert_eq!(l.lemma("12,500", "CD"), "12500");
        assert_eq!(l.lemma("1,2", "LS"), "1,2");
        let mut e = Encoder::default();
        l.encode(&mut e);
        assert_eq!(
            Lemmatizer::decode(&mut Decoder::new(&e.buf), 3).expect("decodes"),
            l
        );
    }

    /// Lemma accuracy with gold tags on the dev split, overall and on forms the train
    /// split never showed (run by hand: `cargo test -p parley-nlp --release
    /// lemma_accuracy -- --ignored --nocapture`).
    #[test]
    #[ignore]
    fn lemma_accuracy_on_dev() {
        let dir = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/corpora/ud-english-ewt"
        );
        let read = |n: &str| {
            crate::conllu::read_conllu(std::path::Path::new(&format!("{dir}/en_ewt-ud-{n}.conllu")))
                .unwrap_or_default()
        };
        let (train, dev) = (read("train"), read("dev"));
        let l = Lemmatizer::learn(train.iter().flat_map(|s| {
            s.words
                .iter()
                .map(|w| (w.form.as_str(), w.xpos.as_str(), w.lemma.as_str()))
        }));
        let seen: std::collections::HashSet<(&str, &str)> = train
            .iter()
            .flat_map(|s| s.words.iter().map(|w| (w.form.as_str(), w.xpos.as_str())))
            .collect();
        let (mut all, mut ok, mut unseen, mut unseen_ok) = (0, 0, 0, 0);
        for w in dev.iter().flat_map(|s| &s.words) {
            let got = l.lemma(&w.form, &w.xpos);
            all += 1;
            ok += usize::from(got == w.lemma);
            if !seen.contains(&(w.form.as_str(), w.xpos.as_str())) {
                unseen += 1;
                unseen_ok += usize::from(got == w.lemma);
                if got != w.lemma {
                    println!("{} {} gold={} got={}", w.form, w.xpos, w.lemma, got);
                }
            }
        }
        println!("all {ok}/{all}; unseen {unseen_ok}/{unseen}");
    }
}
