//! Event patterns: what a trigger must look like in the tree to code an event.
//!
//! A [`Pattern`] is anchored on a head lemma (a verb, a noun or an adjective) and adds
//! constraints on its dependents: a particle ("pull *out*"), an object ("cut *ties*"),
//! a required prepositional complement ("call *for*"), a modifier ("*silent* mode"),
//! the predicate a noun stands under ("cooperation *stopped*"), or the noun's own
//! preposition ("*in* contact"). It names where the target is found and whether the
//! event is coded both ways. Patterns come from the project's own dictionary
//! ([`crate::dictionary`]) or from PETRARCH verb files ([`crate::petrarch`]); both end
//! up here and run through the same engine.

use std::collections::HashMap;

/// The part of speech a pattern's head must have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TriggerKind {
    /// A verb ("expelled", "called for").
    Verb,
    /// A noun ("the expulsion of", "sanctions against", "talks with").
    Noun,
    /// An adjective predicate ("ready to", "hostile").
    Adjective,
}

/// Where a pattern finds its target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TargetSlot {
    /// Object first, then the obliques (the default).
    Default,
    /// The direct (or indirect) object.
    Object,
    /// A nominal introduced by one of these prepositions.
    Preposition(Vec<String>),
    /// The event has no target.
    Nothing,
    /// The noun's own national or possessive modifier is the target ("our *Western*
    /// opponents": the speaker labels the West).
    Modifier,
}

/// A word sequence around the verb, PETRARCH style: words before and after the verb,
/// `$` source and `+` target positions; see [`crate::petrarch`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LinearPattern {
    /// Elements before the verb, nearest last.
    pub before: Vec<LinearItem>,
    /// Elements after the verb, in order.
    pub after: Vec<LinearItem>,
}

/// One element of a [`LinearPattern`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinearItem {
    /// A word (upper case), or one of a synset's words.
    Word {
        /// Alternatives (phrases of one or more words).
        alternatives: Vec<Vec<String>>,
        /// Must follow the previous element directly (`_`).
        adjacent: bool,
    },
    /// `$`: the source actor sits here.
    Source,
    /// `+`: the target actor sits here.
    Target,
    /// `%`: a compound actor (source and target from the same group).
    Compound,
    /// `^`: skip to the end of the current noun phrase.
    Skip,
}

/// One compiled pattern.
#[derive(Debug, Clone, PartialEq)]
pub struct Pattern {
    /// The code coded when the pattern fires (a CAMEO code for the built-in
    /// dictionary; PETRARCH files may carry their own codes).
    pub code: String,
    /// The code of the target's act back toward the source, for dictionaries that
    /// pair one (`[032:033]`: a visit, and the hosting of it).
    pub reverse_code: Option<String>,
    /// The part of speech of the head.
    pub kind: TriggerKind,
    /// Head lemmas (lower case) the pattern is anchored on.
    pub heads: Vec<String>,
    /// Particles or adverbs, one of which must be attached to the head.
    pub particle: Vec<String>,
    /// Object lemmas, one of which must be the head's object (or passive subject).
    pub object: Vec<String>,
    /// Prepositions one of which must introduce a complement of the head.
    pub requires: Vec<String>,
    /// Modifier lemmas (amod, compound, advmod) one of which the head must carry.
    pub modifier: Vec<String>,
    /// For nouns: predicates the noun must stand under ("cooperation stopped").
    pub state: Vec<String>,
    /// For nouns: the noun's own preposition ("in contact").
    pub own_case: Vec<String>,
    /// Where the target is.
    pub target: TargetSlot,
    /// Code both directions when the two parties come as a pair.
    pub reciprocal: bool,
    /// A PETRARCH word sequence, if the pattern came from a PETRARCH file.
    pub linear: Option<LinearPattern>,
    /// The rule as shown in evidence: `file:line: text`.
    pub rule: String,
}

impl Pattern {
    /// A bare pattern for `code` anchored on `heads`.
    pub fn new(code: &str, kind: TriggerKind, heads: Vec<String>, rule: String) -> Pattern {
        Pattern {
            code: code.to_string(),
            reverse_code: None,
            kind,
            heads,
            particle: Vec::new(),
            object: Vec::new(),
            requires: Vec::new(),
            modifier: Vec::new(),
            state: Vec::new(),
            own_case: Vec::new(),
            target: TargetSlot::Default,
            reciprocal: false,
            linear: None,
            rule,
        }
    }

    /// True for `o:*`: some direct object, whatever it is.
    pub fn any_object(&self) -> bool {
        matches!(self.object.as_slice(), [o] if o == "*")
    }

    /// True for `o:$`: a direct object that names an actor.
    pub fn actor_object(&self) -> bool {
        matches!(self.object.as_slice(), [o] if o == "$")
    }

    /// How many constraints the pattern carries beyond its head: among patterns that
    /// match, the most specific wins.
    pub fn specificity(&self) -> usize {
        let linear = self
            .linear
            .as_ref()
            .map_or(0, |l| 2 * (l.before.len() + l.after.len()));
        [
            &self.particle,
            &self.object,
            &self.requires,
            &self.modifier,
            &self.state,
            &self.own_case,
        ]
        .iter()
        .map(|v| usize::from(!v.is_empty()) * 3)
        .sum::<usize>()
            // `o:*` (any object) says less than a list of objects.
            - usize::from(self.any_object()) * 2
            + usize::from(matches!(self.target, TargetSlot::Preposition(_)))
            + linear
    }

    /// The number of concrete patterns this template stands for (every combination of
    /// its alternatives).
    pub fn expansions(&self) -> usize {
        [
            &self.heads,
            &self.particle,
            &self.object,
            &self.requires,
            &self.modifier,
            &self.state,
            &self.own_case,
        ]
        .iter()
        .map(|v| v.len().max(1))
        .product()
    }

    /// Concrete trigger phrases: each head with each particle, object or modifier
    /// ("pull out", "cut ties", "silent mode").
    pub fn trigger_phrases(&self) -> Vec<String> {
        let mut out = Vec::new();
        for h in &self.heads {
            let extras: Vec<&String> = if !self.object.is_empty() {
                self.object.iter().collect()
            } else if !self.particle.is_empty() {
                self.particle.iter().collect()
            } else if !self.modifier.is_empty() {
                self.modifier.iter().collect()
            } else if !self.requires.is_empty() {
                self.requires.iter().collect()
            } else {
                Vec::new()
            };
            if extras.is_empty() {
                out.push(h.clone());
            } else {
                for e in extras {
                    if self.modifier.contains(e) {
                        out.push(format!("{e} {h}"));
                    } else {
                        out.push(format!("{h} {e}"));
                    }
                }
            }
        }
        out
    }
}

/// The word of a multiword head the index uses: a verb's first word ("break off"),
/// a noun's or adjective's last ("hunger strike").
pub(crate) fn anchor_word(kind: TriggerKind, head: &str) -> &str {
    match kind {
        TriggerKind::Verb => head.split(' ').next().unwrap_or(head),
        _ => head.rsplit(' ').next().unwrap_or(head),
    }
}

fn slot(kind: TriggerKind) -> usize {
    match kind {
        TriggerKind::Verb => 0,
        TriggerKind::Noun => 1,
        TriggerKind::Adjective => 2,
    }
}

/// A set of patterns indexed by head lemma.
#[derive(Debug, Clone, Default)]
pub struct PatternSet {
    patterns: Vec<Pattern>,
    /// Pattern ids by head word, one map per part of speech.
    by_head: [HashMap<String, Vec<usize>>; 3],
    /// The dictionary version that goes into event ids.
    version: String,
    /// Phrases that stop coding of a sentence or an article.
    discards: Vec<crate::petrarch::verbs::Discard>,
    /// Let verb patterns fire on any part of speech (PETRARCH dictionaries name
    /// invented verbs a tagger cannot know).
    any_pos: bool,
}

impl PatternSet {
    /// An index over `patterns`; `version` names the dictionary in event ids.
    pub fn new(patterns: Vec<Pattern>, version: String) -> PatternSet {
        let mut by_head: [HashMap<String, Vec<usize>>; 3] = Default::default();
        for (i, p) in patterns.iter().enumerate() {
            for h in &p.heads {
                let key = anchor_word(p.kind, h).to_string();
                let ids = by_head[slot(p.kind)].entry(key).or_default();
                if ids.last() != Some(&i) {
                    ids.push(i);
                }
            }
        }
        PatternSet {
            patterns,
            by_head,
            version,
            discards: Vec::new(),
            any_pos: false,
        }
    }

    /// Sets the discard phrases.
    pub fn set_discards(&mut self, discards: Vec<crate::petrarch::verbs::Discard>) {
        self.discards = discards;
    }

    /// The discard phrases.
    pub fn discards(&self) -> &[crate::petrarch::verbs::Discard] {
        &self.discards
    }

    /// Lets verb patterns fire whatever the tagger says the word is.
    pub fn set_any_part_of_speech(&mut self) {
        self.any_pos = true;
    }

    /// True when verb patterns fire on any part of speech.
    pub fn any_part_of_speech(&self) -> bool {
        self.any_pos
    }

    /// All patterns.
    pub fn patterns(&self) -> &[Pattern] {
        &self.patterns
    }

    /// The dictionary version string.
    pub fn version(&self) -> &str {
        &self.version
    }

    /// Pattern ids anchored on `lemma` as a `kind`.
    pub fn candidates(&self, kind: TriggerKind, lemma: &str) -> &[usize] {
        let map = &self.by_head[slot(kind)];
        // Lemmas are stored lower case; most incoming lemmas already are.
        if let Some(v) = map.get(lemma) {
            return v;
        }
        if lemma.bytes().any(|b| b.is_ascii_uppercase()) {
            if let Some(v) = map.get(&lemma.to_ascii_lowercase()) {
                return v;
            }
        }
        &[]
    }

    /// The pattern with id `i`.
    pub fn get(&self, i: usize) -> Option<&Pattern> {
        self.patterns.get(i)
    }

    /// True when some pattern is anchored on `lemma` in any part of speech.
    pub fn has_head(&self, lemma: &str) -> bool {
        [TriggerKind::Verb, TriggerKind::Noun, TriggerKind::Adjective]
            .iter()
            .any(|&k| !self.candidates(k, lemma).is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_expansions_and_phrases() {
        let mut p = Pattern::new(
            "163",
            TriggerKind::Verb,
            vec!["impose".into(), "slap".into()],
            "t:1".into(),
        );
        p.object = vec!["sanction".into(), "embargo".into(), "ban".into()];
        assert_eq!(p.expansions(), 6);
        assert_eq!(p.trigger_phrases().len(), 6);
        assert!(p.trigger_phrases().contains(&"slap embargo".to_string()));
        assert!(
            p.specificity()
                > Pattern::new("163", TriggerKind::Verb, vec![], String::new()).specificity()
        );
    }

    #[test]
    fn indexes_by_head() {
        let p = Pattern::new(
            "111",
            TriggerKind::Verb,
            vec!["condemn".into()],
            "t:1".into(),
        );
        let set = PatternSet::new(vec![p], "v1".into());
        assert_eq!(set.candidates(TriggerKind::Verb, "condemn"), &[0]);
        assert_eq!(set.candidates(TriggerKind::Verb, "Condemn"), &[0]);
        assert!(set.candidates(TriggerKind::Noun, "condemn").is_empty());
        assert!(set.has_head("condemn"));
    }
}
