//! Finding triggers: which token anchors which pattern.

use super::tree::Tree;
use crate::pattern::{LinearItem, LinearPattern, Pattern, PatternSet, TargetSlot, TriggerKind};

/// A pattern that fired on a token.
#[derive(Debug, Clone)]
pub(crate) struct Trigger {
    /// The head token.
    pub token: usize,
    /// The pattern id in the set.
    pub pattern: usize,
    /// Tokens of a linear (PETRARCH) match: source and target positions.
    pub linear_source: Option<usize>,
    pub linear_target: Option<usize>,
    /// The object token that satisfied an `o:` constraint, if any.
    pub object: Option<usize>,
}

/// Relations under which a particle or adverb hangs.
const PARTICLE_RELS: &[&str] = &["compound:prt", "advmod", "prt", "compound"];
/// Relations of a modifier.
const MODIFIER_RELS: &[&str] = &[
    "amod",
    "compound",
    "advmod",
    "nmod:npmod",
    "obl:npmod",
    "nummod",
    "nmod",
];

/// The kind of trigger a token can be.
pub(crate) fn kind_of(tree: &Tree, i: usize) -> Option<TriggerKind> {
    if tree.is_verb(i) {
        Some(TriggerKind::Verb)
    } else if tree.is_noun(i) {
        Some(TriggerKind::Noun)
    } else if tree.upos(i) == "ADJ" {
        Some(TriggerKind::Adjective)
    } else {
        None
    }
}

/// Adverbs of degree, which modify adjectives and adverbs, not verbs.
const DEGREE: &[&str] = &[
    "very",
    "too",
    "so",
    "extremely",
    "quite",
    "rather",
    "fairly",
    "pretty",
];

/// The best pattern on token `i`, if any matches.
pub(crate) fn best_match(
    tree: &Tree,
    set: &PatternSet,
    i: usize,
    in_actor: &[Option<usize>],
) -> Option<Trigger> {
    let kind = if set.any_part_of_speech() {
        // Verb dictionaries fire on any word the tagger may have misread, but not on
        // a noun its determiner or possessor marks as one ("an anti-Gondor parade",
        // "their meeting").
        if tree.is_noun(i)
            && tree
                .children(i)
                .iter()
                .any(|&c| matches!(tree.deprel(c), "det" | "nmod:poss"))
        {
            return None;
        }
        // Nor on an adjective or adverb of degree ("very close to the border").
        if matches!(tree.upos(i), "ADJ" | "ADV")
            && tree
                .children_rel(i, "advmod")
                .any(|c| DEGREE.contains(&tree.lemma(c).to_ascii_lowercase().as_str()))
        {
            return None;
        }
        TriggerKind::Verb
    } else {
        kind_of(tree, i)?
    };
    let lemma = tree.lemma(i);
    let mut ids: Vec<usize> = set.candidates(kind, lemma).to_vec();
    // Taggers often call participles adjectives ("suspended", "frozen"); let verb
    // patterns fire on them, and let verb patterns fire on the surface form when the
    // lemma is unknown.
    if kind == TriggerKind::Adjective {
        ids.extend_from_slice(set.candidates(TriggerKind::Verb, lemma));
    }
    let mut words: Vec<String> = vec![lemma.to_lowercase()];
    let surface = tree.tokens[i].text.to_lowercase();
    if ids.is_empty() {
        // The lemmatizer misses some forms ("blamed" -> "blam"): try the surface
        // form and its regular stems.
        for w in stems(&surface) {
            if !words.contains(&w) {
                ids.extend_from_slice(set.candidates(kind, &w));
                if kind == TriggerKind::Adjective {
                    ids.extend_from_slice(set.candidates(TriggerKind::Verb, &w));
                }
                words.push(w);
            }
        }
    }
    // A dictionary that lists the very form the text uses ("MET" beside "MEET")
    // means that form: its entries join, and win ties.
    if surface != words[0] {
        for &id in set.candidates(kind, &surface) {
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        if !words.contains(&surface) {
            words.push(surface.clone());
        }
    }
    let mut best: Option<(usize, Trigger)> = None;
    for id in ids {
        let Some(p) = set.get(id) else { continue };
        if let Some(t) = matches(tree, p, i, in_actor, &words) {
            let score = 2 * p.specificity() + usize::from(p.heads.contains(&surface));
            let trig = Trigger { pattern: id, ..t };
            if best.as_ref().is_none_or(|(s, _)| score > *s) {
                best = Some((score, trig));
            }
        }
    }
    best.map(|(_, t)| t)
}

/// The surface form and its regular stems: "expelled" gives "expelled",
/// "expell", "expel"; "denies" gives "deny".
pub(crate) fn stems(w: &str) -> Vec<String> {
    let mut out = vec![w.to_string()];
    let mut push = |s: String| {
        if s.len() > 2 && !out.contains(&s) {
            out.push(s);
        }
    };
    for suffix in ["ing", "ed", "es", "s", "d"] {
        if let Some(stem) = w.strip_suffix(suffix) {
            // "-es" follows a hissing sound or "o" ("pushes", "fixes", "goes");
            // "departes" is no form of "depart".
            if suffix == "es"
                && !["s", "x", "z", "ch", "sh", "o"]
                    .iter()
                    .any(|e| stem.ends_with(e))
            {
                continue;
            }
            push(stem.to_string());
            let b = stem.as_bytes();
            if b.len() > 2 && b[b.len() - 1] == b[b.len() - 2] {
                push(stem[..stem.len() - 1].to_string());
            }
            if suffix == "ing" || suffix == "ed" {
                push(format!("{stem}e"));
            }
        }
    }
    if let Some(stem) = w.strip_suffix("ied").or_else(|| w.strip_suffix("ies")) {
        push(format!("{stem}y"));
    }
    out
}

/// True when token `c` is one of `words`; a multiword entry ("hunger strike")
/// matches its last word on `c` and the others on the tokens just before it.
pub(crate) fn lower_in(tree: &Tree, c: usize, words: &[String]) -> bool {
    words.iter().any(|w| word_at(tree, c, w))
}

fn same(tree: &Tree, k: usize, w: &str) -> bool {
    w.eq_ignore_ascii_case(tree.lemma(k)) || w.eq_ignore_ascii_case(&tree.tokens[k].text)
}

fn word_at(tree: &Tree, c: usize, w: &str) -> bool {
    if !w.contains(' ') {
        return same(tree, c, w);
    }
    let parts: Vec<&str> = w.split(' ').collect();
    let Some((last, rest)) = parts.split_last() else {
        return false;
    };
    if !same(tree, c, last) || c < rest.len() {
        return false;
    }
    rest.iter()
        .enumerate()
        .all(|(k, p)| same(tree, c - rest.len() + k, p))
}

/// True when the head entry `h` of a pattern of `kind` fits token `i`: a noun's
/// modifiers stand before it, a verb's particles follow it.
fn head_fits(tree: &Tree, kind: TriggerKind, i: usize, h: &str) -> bool {
    if !h.contains(' ') {
        return true;
    }
    match kind {
        TriggerKind::Verb => {
            let rest: Vec<&str> = h.split(' ').skip(1).collect();
            rest.iter().all(|p| {
                tree.children(i)
                    .iter()
                    .any(|&c| same(tree, c, p) && !matches!(tree.base_rel(c), "punct"))
                    || (i + 1..(i + 4).min(tree.len())).any(|k| same(tree, k, p))
            })
        }
        _ => word_at(tree, i, h),
    }
}

/// The days of the week, lower-cased.
pub(crate) const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Words of time besides the weekdays: months and spans ("in March", "for a week").
const TIME_WORDS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "weekend",
    "morning",
    "afternoon",
    "evening",
    "night",
    "today",
    "tomorrow",
    "yesterday",
    "occasion",
    "anniversary",
    "eve",
];

/// Whether nominal `c` names a time rather than a participant.
fn is_time(tree: &Tree, c: usize) -> bool {
    let w = tree.tokens[c].text.to_ascii_lowercase();
    WEEKDAYS.contains(&w.as_str()) || TIME_WORDS.contains(&w.as_str()) || tree.upos(c) == "NUM"
}

/// Nouns naming a part or a measure of what follows "of" ("part of its aid", "700 kg
/// of medicine", "$50,000 worth of goods").
const PARTITIVE: &[&str] = &[
    "part",
    "some",
    "half",
    "much",
    "most",
    "all",
    "portion",
    "bulk",
    "rest",
    "share",
    "parts",
    "kg",
    "kilogram",
    "kilograms",
    "kilo",
    "kilos",
    "ton",
    "tons",
    "tonne",
    "tonnes",
    "worth",
    "amount",
    "amounts",
    "quantity",
    "quantities",
    "lot",
    "lots",
    "consignment",
    "batch",
    "load",
    "loads",
    "cargo",
    "crate",
    "crates",
    "box",
    "boxes",
    "dose",
    "doses",
    "litre",
    "litres",
    "liter",
    "liters",
    "barrel",
    "barrels",
    "truckload",
    "truckloads",
];

/// Checks every constraint of `p` on token `i`.
fn matches(
    tree: &Tree,
    p: &Pattern,
    i: usize,
    in_actor: &[Option<usize>],
    words: &[String],
) -> Option<Trigger> {
    let surface = tree.tokens[i].text.to_lowercase();
    let head_ok = p.heads.iter().any(|h| {
        let anchor = crate::pattern::anchor_word(p.kind, h);
        (anchor == surface || words.iter().any(|w| w == anchor)) && head_fits(tree, p.kind, i, h)
    });
    if !head_ok {
        return None;
    }
    let mut trig = Trigger {
        token: i,
        pattern: 0,
        linear_source: None,
        linear_target: None,
        object: None,
    };
    // "Angry activists staged rallies": a stance adjective on a noun, without the
    // party it is directed at, describes; it is no act.
    if p.kind == TriggerKind::Adjective && tree.base_rel(i) == "amod" {
        let TargetSlot::Preposition(preps) = &p.target else {
            return None;
        };
        let directed = tree
            .children(i)
            .iter()
            .any(|&c| tree.case_of(c).is_some_and(|case| preps.contains(&case)));
        if !directed {
            return None;
        }
    }
    if !p.particle.is_empty() {
        let ok = tree.children(i).iter().any(|&c| {
            PARTICLE_RELS.contains(&tree.deprel(c)) && lower_in(tree, c, &p.particle)
                || (tree.base_rel(c) == "obl"
                    && tree.case_of(c).is_none()
                    && lower_in(tree, c, &p.particle))
        }) || p.particle.iter().any(|w| next_word_is(tree, i, w));
        if !ok {
            return None;
        }
    }
    if p.any_object() || p.actor_object() {
        let o = tree
            .child_rel(i, "obj")
            .or_else(|| tree.child_rel(i, "iobj"))?;
        // The actor may be the object's head or a name on it ("his counterpart
        // Lavrov", "the Russian president").
        let names_actor = |o: usize| {
            in_actor.get(o).copied().flatten().is_some()
                || tree.children(o).iter().any(|&c| {
                    matches!(tree.deprel(c), "flat" | "compound" | "appos" | "amod")
                        && in_actor.get(c).copied().flatten().is_some()
                })
        };
        if p.actor_object() && !names_actor(o) {
            return None;
        }
        trig.object = Some(o);
    } else if !p.object.is_empty() {
        let obj = tree.children(i).iter().copied().find(|&c| {
            matches!(
                tree.deprel(c),
                "obj" | "nsubj:pass" | "iobj" | "dobj" | "xcomp"
            ) && lower_in(tree, c, &p.object)
                || (tree.base_rel(c) == "obl" && lower_in(tree, c, &p.object))
        });
        // A part of the object ("suspended part of its military aid program").
        let obj = obj.or_else(|| {
            tree.children(i)
                .iter()
                .copied()
                .filter(|&c| {
                    (matches!(tree.deprel(c), "obj" | "nsubj:pass") || tree.base_rel(c) == "obl")
                        && PARTITIVE.contains(&tree.lemma(c).to_ascii_lowercase().as_str())
                })
                .flat_map(|c| tree.children_rel(c, "nmod"))
                .find(|&n| tree.case_of(n).as_deref() == Some("of") && lower_in(tree, n, &p.object))
        });
        // A passive participle modifying its object ("sanctions imposed on").
        let obj = obj.or_else(|| {
            (matches!(tree.base_rel(i), "acl" | "amod"))
                .then(|| tree.head(i))
                .flatten()
                .filter(|&h| lower_in(tree, h, &p.object))
        });
        trig.object = Some(obj?);
    }
    if !p.requires.is_empty() {
        // "called Macron on Tuesday": a date is no complement.
        let ok = complements(tree, i, trig.object).any(|c| {
            !is_time(tree, c)
                && tree.case_of(c).is_some_and(|case| {
                    p.requires
                        .iter()
                        .any(|r| *r == case || case.ends_with(r.as_str()))
                })
                || tree
                    .children_rel(c, "mark")
                    .any(|m| lower_in(tree, m, &p.requires))
        });
        if !ok {
            return None;
        }
    }
    if !p.modifier.is_empty() {
        // Any dependent counts ("agreed to *cooperate*", "*silent* mode"), and so do
        // the matched object's ("imposed *economic* sanctions").
        let ok = tree.children(i).iter().any(|&c| {
            (MODIFIER_RELS.contains(&tree.deprel(c))
                || !matches!(tree.base_rel(c), "punct" | "nsubj"))
                && lower_in(tree, c, &p.modifier)
        }) || t_obj_has(tree, trig.object, &p.modifier);
        if !ok {
            return None;
        }
    }
    if !p.state.is_empty() {
        let head_ok = tree.head(i).is_some_and(|h| {
            matches!(tree.base_rel(i), "nsubj" | "obj" | "csubj") && lower_in(tree, h, &p.state)
        });
        let child_ok = tree.children(i).iter().any(|&c| {
            matches!(tree.base_rel(c), "acl" | "amod" | "advcl") && lower_in(tree, c, &p.state)
        });
        if !(head_ok || child_ok || state_after_phrase(tree, i, &p.state)) {
            return None;
        }
    }
    if !p.own_case.is_empty() {
        let ok = tree
            .case_of(i)
            .is_some_and(|case| p.own_case.contains(&case));
        if !ok {
            return None;
        }
    }
    if let Some(lin) = &p.linear {
        let (s, t) = linear_match(tree, lin, i, in_actor)?;
        trig.linear_source = s;
        trig.linear_target = t;
    }
    // A preposition-slot pattern on a noun without that preposition still fires; the
    // slot only says where to look.
    let _ = matches!(p.target, TargetSlot::Preposition(_));
    Some(trig)
}

/// Parser fallback for noun states: the noun, a prepositional phrase, then the
/// predicate ("channels with the United States *remain* close") when the tree reads
/// the phrase and the verb as a clause of their own. The noun must start its clause
/// part (no verb before it governs it as an object).
fn state_after_phrase(tree: &Tree, i: usize, state: &[String]) -> bool {
    let Some(prep) = i.checked_add(1).filter(|&k| k < tree.len()) else {
        return false;
    };
    if tree.upos(prep) != "ADP" || matches!(tree.base_rel(i), "obj" | "iobj") {
        return false;
    }
    for k in prep + 1..(prep + 8).min(tree.len()) {
        match tree.upos(k) {
            "DET" | "ADJ" | "PROPN" | "NOUN" | "NUM" | "PART" => continue,
            "VERB" | "AUX" if tree.lemma(k) != "be" => return lower_in(tree, k, state),
            // A copula: the word it links must be the state ("are very *close*").
            "AUX" => {
                return (k + 1..(k + 3).min(tree.len()))
                    .find(|&j| tree.upos(j) != "ADV")
                    .is_some_and(|j| tree.lemma(j) != "be" && lower_in(tree, j, state));
            }
            _ => return false,
        }
    }
    false
}

fn t_obj_has(tree: &Tree, object: Option<usize>, words: &[String]) -> bool {
    object.is_some_and(|o| tree.children(o).iter().any(|&c| lower_in(tree, c, words)))
}

fn next_word_is(tree: &Tree, i: usize, w: &str) -> bool {
    tree.tokens.get(i + 1).is_some_and(|t| {
        t.text.eq_ignore_ascii_case(w) && matches!(t.upos.as_str(), "ADP" | "ADV" | "PART")
    })
}

/// Nominal complements of a head and of its matched object.
pub(crate) fn complements<'t>(
    tree: &'t Tree,
    i: usize,
    object: Option<usize>,
) -> impl Iterator<Item = usize> + 't {
    let own = tree.children(i).iter().copied();
    let of_obj = object
        .map(|o| tree.children(o).to_vec())
        .unwrap_or_default()
        .into_iter();
    own.chain(of_obj).filter(move |&c| {
        matches!(
            tree.base_rel(c),
            "obl" | "nmod" | "obj" | "iobj" | "advcl" | "xcomp" | "ccomp"
        )
    })
}

/// Matches a PETRARCH word sequence around the verb at `i`. Returns the tokens
/// holding the source and target markers.
fn linear_match(
    tree: &Tree,
    lin: &LinearPattern,
    i: usize,
    in_actor: &[Option<usize>],
) -> Option<(Option<usize>, Option<usize>)> {
    let words: Vec<String> = tree.tokens.iter().map(|t| t.text.to_uppercase()).collect();
    let lemmas: Vec<String> = tree.tokens.iter().map(|t| t.lemma.to_uppercase()).collect();
    let mut source = None;
    let mut target = None;
    // After the verb: scan forward.
    let mut pos = i + 1;
    for item in &lin.after {
        match item {
            LinearItem::Word {
                alternatives,
                adjacent,
            } => {
                let limit = if *adjacent { pos + 1 } else { words.len() };
                let mut found = None;
                'scan: for start in pos..limit.min(words.len()) {
                    for alt in alternatives {
                        if phrase_at(&words, &lemmas, start, alt) {
                            found = Some(start + alt.len());
                            break 'scan;
                        }
                    }
                }
                pos = found?;
            }
            LinearItem::Source | LinearItem::Target | LinearItem::Compound => {
                let at =
                    (pos..words.len()).find(|&k| in_actor.get(k).copied().flatten().is_some())?;
                let end = actor_end(in_actor, at);
                match item {
                    LinearItem::Source => source = Some(at),
                    LinearItem::Target => target = Some(at),
                    _ => {
                        source = Some(at);
                    }
                }
                pos = end;
            }
            LinearItem::Skip => {
                while pos < words.len()
                    && matches!(
                        tree.upos(pos),
                        "DET" | "ADJ" | "NOUN" | "PROPN" | "NUM" | "ADV"
                    )
                {
                    pos += 1;
                }
            }
        }
    }
    // Before the verb: scan backward, nearest element last in the list.
    let mut pos = i;
    for item in lin.before.iter().rev() {
        match item {
            LinearItem::Word { alternatives, .. } => {
                let mut found = None;
                'back: for end in (0..pos).rev() {
                    for alt in alternatives {
                        if end + 1 >= alt.len()
                            && phrase_at(&words, &lemmas, end + 1 - alt.len(), alt)
                        {
                            found = Some(end + 1 - alt.len());
                            break 'back;
                        }
                    }
                }
                pos = found?;
            }
            LinearItem::Source | LinearItem::Target | LinearItem::Compound => {
                let at = (0..pos)
                    .rev()
                    .find(|&k| in_actor.get(k).copied().flatten().is_some())?;
                match item {
                    LinearItem::Target => target = Some(at),
                    _ => source = Some(at),
                }
                pos = at;
            }
            LinearItem::Skip => {}
        }
    }
    Some((source, target))
}

fn actor_end(in_actor: &[Option<usize>], at: usize) -> usize {
    let a = in_actor[at];
    let mut k = at;
    while k < in_actor.len() && in_actor[k] == a {
        k += 1;
    }
    k
}

fn phrase_at(words: &[String], lemmas: &[String], start: usize, phrase: &[String]) -> bool {
    phrase.iter().enumerate().all(|(k, w)| {
        let j = start + k;
        j < words.len()
            && (words[j] == *w
                || lemmas[j] == *w
                || (w.ends_with('-') && words[j].starts_with(w.trim_end_matches('-'))))
    })
}

#[cfg(test)]
mod tests {
    use super::stems;

    #[test]
    fn stems_follow_english_spelling() {
        let has = |w: &str, s: &str| stems(w).iter().any(|x| x == s);
        assert!(has("expelled", "expel"));
        assert!(has("denies", "deny"));
        assert!(has("pushes", "push"));
        assert!(has("vetoes", "veto"));
        assert!(has("closed", "close"));
        // "-es" after a plain consonant is no inflection.
        assert!(!has("departes", "depart"));
        assert!(has("departs", "depart"));
    }
}
