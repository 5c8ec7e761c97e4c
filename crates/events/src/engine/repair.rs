//! Repairs of parser errors whose shape gives them away, applied before coding.
//!
//! A statistical parser trained on web text misreads some news constructions in
//! ways that leave a mark in the tree: a subordinating word hung on a subject as if
//! it were a preposition, "whether" heading the clause it introduces. Each repair
//! here looks for such a mark and rebuilds the reading the words allow; a tree
//! without one is returned untouched (borrowed).

use std::borrow::Cow;

use parley_types::Token;

use crate::engine::matcher::WEEKDAYS;
use crate::engine::modality::Lexicon;
use crate::engine::tree::universal as base;

/// Words that open an adverbial clause ("after Japan called for …").
const SUBORDINATORS: &[&str] = &[
    "after", "before", "until", "till", "since", "because", "while", "once", "unless", "although",
    "though", "whereas", "when",
];

/// Words that open an open question or condition ("whether to strike").
const QUESTION_MARKS: &[&str] = &["whether", "if"];

/// Nouns that name a day by themselves ("Iran today threatened …").
fn is_day_word(w: &str) -> bool {
    matches!(w, "today" | "yesterday" | "tonight" | "tomorrow") || WEEKDAYS.contains(&w)
}

/// The sentence with the recognisable parser errors repaired (`lex` tells verbs of
/// saying).
#[cfg(test)]
pub(crate) fn repair<'t>(tokens: &'t [Token], lex: &Lexicon) -> Cow<'t, [Token]> {
    repair_noting(tokens, lex, &mut Vec::new())
}

/// The repairs made to a sentence: (token, what was repaired).
pub(crate) type Notes = Vec<(usize, &'static str)>;

/// [`repair`], noting in `notes` each repair as (token, what was repaired).
pub(crate) fn repair_noting<'t>(
    tokens: &'t [Token],
    lex: &Lexicon,
    notes: &mut Notes,
) -> Cow<'t, [Token]> {
    let mut out: Option<Vec<Token>> = None;
    let mut kids = dependents(tokens);
    for i in 0..tokens.len() {
        let t = &View {
            t: out.as_deref().unwrap_or(tokens),
            kids: &kids,
        };
        let edit = closing_attribution(t, i, lex)
            .map(|e| (e, "speaker of a closing verb of saying"))
            .or_else(|| {
                subordinator_on_subject(t, i).map(|e| (e, "subordinator read as a preposition"))
            })
            .or_else(|| {
                question_word_as_head(t, i).map(|e| (e, "question word heading its clause"))
            })
            .or_else(|| {
                subject_read_as_compound_of_day(t, i)
                    .map(|e| (e, "subject read as a compound of the day after it"))
            })
            .or_else(|| {
                question_infinitive_uncontrolled(t, i)
                    .map(|e| (e, "question word's infinitive read as uncontrolled"))
            })
            .or_else(|| {
                question_mark_over_infinitive(t, i)
                    .map(|e| (e, "question word's infinitive read as its dependent"))
            })
            .or_else(|| {
                object_read_as_subject_pair(t, i)
                    .map(|e| (e, "object and next clause's subject read as one subject"))
            })
            .or_else(|| {
                clause_before_and(t, i).map(|e| (e, "first of two clauses read as adverbial"))
            })
            .or_else(|| {
                clause_after_and(t, i).map(|e| (e, "second of two clauses read as adverbial"))
            })
            .or_else(|| {
                main_verb_as_relative(t, i).map(|e| (e, "main verb read as a reduced relative"))
            })
            .or_else(|| {
                main_verb_as_modifier(t, i)
                    .map(|e| (e, "main verb read as a modifier of its object"))
            })
            .or_else(|| {
                shared_subject_predicate(t, i)
                    .map(|e| (e, "second predicate of a subject read as adverbial"))
            })
            .or_else(|| {
                perfect_read_as_main_verb(t, i)
                    .map(|e| (e, "perfect auxiliary read as the main verb"))
            });
        if let Some((edit, what)) = edit {
            let v = out.get_or_insert_with(|| tokens.to_vec());
            edit(v);
            kids = dependents(v);
            notes.push((i, what));
        }
    }
    match out {
        Some(v) => Cow::Owned(v),
        None => Cow::Borrowed(tokens),
    }
}

type Edit = Box<dyn FnOnce(&mut [Token])>;

/// A tree under repair: its tokens and each token's dependents (in sentence order),
/// rebuilt after every repair.
struct View<'a> {
    t: &'a [Token],
    kids: &'a [Vec<usize>],
}

impl View<'_> {
    /// The dependents of `p`, in sentence order.
    fn kids(&self, p: usize) -> impl Iterator<Item = usize> + '_ {
        self.kids[p].iter().copied()
    }

    /// Whether `p` has a dependent whose relation (without subtype) is `rel`.
    fn has_child(&self, p: usize, rel: &str) -> bool {
        self.kids(p).any(|k| base(&self.t[k].deprel) == rel)
    }

    /// Whether `p` is marked by "to" (an infinitive).
    fn is_to_infinitive(&self, p: usize) -> bool {
        self.kids(p)
            .any(|k| base(&self.t[k].deprel) == "mark" && lower(&self.t[k]) == "to")
    }
}

/// Hangs the dependents of `from` (but `to` itself and fixed expressions) on `to`.
fn rehang(t: &mut [Token], from: usize, to: usize) {
    for (k, x) in t.iter_mut().enumerate() {
        if k != to && x.head == Some(from) && base(&x.deprel) != "fixed" {
            x.head = Some(to);
        }
    }
}

/// The dependents of every token, by head.
fn dependents(t: &[Token]) -> Vec<Vec<usize>> {
    let mut kids = vec![Vec::new(); t.len()];
    for (k, x) in t.iter().enumerate() {
        if let Some(h) = x.head.filter(|&h| h < t.len()) {
            kids[h].push(k);
        }
    }
    kids
}

fn lower(t: &Token) -> String {
    t.text.to_ascii_lowercase()
}

/// "…, Russian Foreign Ministry spokeswoman Maria Zakharova said on Thursday."
/// parsed with the name hung on the words before the comma and "said" left
/// without a subject, or with "said" joined to the statement as its conjunct and
/// a word of the statement as a second subject: the name right before a verb of
/// saying at the end of a sentence is its speaker, and the verb governs the
/// statement before it.
fn closing_attribution(x: &View<'_>, v: usize, lex: &Lexicon) -> Option<Edit> {
    let t = x.t;
    let verb = &t[v];
    if verb.upos != "VERB" || !lex.is_speech(&verb.lemma) {
        return None;
    }
    let subjects: Vec<usize> = x
        .kids(v)
        .filter(|&k| base(&t[k].deprel) == "nsubj")
        .collect();
    // A subject right before the verb is fine when it is the only one and the
    // verb is no conjunct of the statement.
    let misread = base(&verb.deprel) == "conj" && subjects.len() > 1;
    if !subjects.is_empty() && !misread {
        return None;
    }
    // The name: title and name words right before the verb, after a comma or a
    // closing quote.
    let name = |k: usize| matches!(t[k].upos.as_str(), "PROPN" | "NOUN" | "ADJ" | "DET");
    let last = v
        .checked_sub(1)
        .filter(|&k| name(k) && t[k].upos != "DET")?;
    let mut first = last;
    while first > 0 && name(first - 1) && last - first < 8 {
        first -= 1;
    }
    let opener = first.checked_sub(1)?;
    if !matches!(t[opener].text.as_str(), "," | "\"" | "''" | "”" | "'") || opener == 0 {
        return None;
    }
    // Only words, adverbials and punctuation may follow the verb ("on Thursday.").
    let tail_ok = (v + 1..t.len())
        .all(|k| !matches!(t[k].upos.as_str(), "VERB" | "AUX") || t[k].head.is_some_and(|h| h > v));
    let root = (0..t.len()).find(|&k| t[k].head.is_none())?;
    if !tail_ok || (first..=last).contains(&root) {
        return None;
    }
    Some(Box::new(move |t: &mut [Token]| {
        for x in &mut t[first..last] {
            if x.head.is_none_or(|h| !(first..=last).contains(&h)) {
                x.head = Some(last);
                x.deprel = if x.upos == "PROPN" {
                    "flat"
                } else {
                    "compound"
                }
                .into();
            }
        }
        t[last].head = Some(v);
        t[last].deprel = "nsubj".into();
        // A subject read inside the statement belongs to the statement.
        for &k in subjects.iter().filter(|&&k| k < first) {
            t[k].head = Some(root);
            t[k].deprel = if k > root { "obj" } else { "nsubj" }.into();
        }
        if root != v {
            t[v].head = None;
            t[v].deprel = "root".into();
            t[root].head = Some(v);
            t[root].deprel = "ccomp".into();
        }
    }))
}

/// "China imposed tariffs after Japan called for an inquiry" parsed with "after"
/// as the case of "Japan" — as the subject's preposition, or with "Japan" hung on a
/// noun before it and "called" left without a subject: subjects take no
/// preposition, so "after" marks the clause, which is adverbial.
fn subordinator_on_subject(x: &View<'_>, c: usize) -> Option<Edit> {
    let t = x.t;
    if base(&t[c].deprel) != "case" || !SUBORDINATORS.contains(&lower(&t[c]).as_str()) {
        return None;
    }
    let s = t[c].head.filter(|&s| s > c && s < t.len())?;
    let has_subject = |v: usize| x.has_child(v, "nsubj");
    let (v, resubject) = if base(&t[s].deprel) == "nsubj" {
        (t[s].head?, false)
    } else {
        // The nominal right before a finite verb that has no subject.
        let v = s + 1;
        let finite = t
            .get(v)
            .is_some_and(|x| matches!(x.xpos.as_str(), "VBD" | "VBZ" | "VBP"));
        if !finite || has_subject(v) || !matches!(t[s].upos.as_str(), "PROPN" | "NOUN" | "PRON") {
            return None;
        }
        (v, true)
    };
    let verb = t.get(v)?;
    if !matches!(verb.upos.as_str(), "VERB" | "AUX") || v <= s {
        return None;
    }
    let relabel =
        verb.head.is_some() && matches!(base(&verb.deprel), "conj" | "ccomp" | "parataxis");
    Some(Box::new(move |t: &mut [Token]| {
        t[c].head = Some(v);
        t[c].deprel = "mark".into();
        if resubject {
            t[s].head = Some(v);
            t[s].deprel = "nsubj".into();
        }
        if relabel {
            t[v].deprel = "advcl".into();
        }
    }))
}

/// "Pakistan will charge a fee, and India's ministry urged Islamabad to drop it"
/// parsed with the second clause as an adverbial of the first: a clause without
/// subordinator, with its own subject, after "and"/"but", is a conjunct.
fn clause_after_and(x: &View<'_>, v: usize) -> Option<Edit> {
    let t = x.t;
    if base(&t[v].deprel) != "advcl" || !matches!(t[v].upos.as_str(), "VERB" | "AUX") {
        return None;
    }
    let h = t[v].head.filter(|&h| h < v)?;
    let subject = x
        .kids(v)
        .find(|&k| k > h && k < v && t[k].deprel == "nsubj")?;
    let marked = x.has_child(v, "mark");
    let and = (h + 1..subject).any(|k| {
        base(&t[k].deprel) == "cc"
            && matches!(lower(&t[k]).as_str(), "and" | "but")
            && matches!(t[k].head, Some(p) if p == v || p == subject)
    });
    if marked || !and {
        return None;
    }
    Some(Box::new(move |t: &mut [Token]| {
        t[v].deprel = "conj".into();
    }))
}

/// "Fabius and a group of deputies held talks with …" parsed with "held" as an
/// adjective on "talks" and no verb at the top: in a sentence whose root is no verb,
/// a bare past form right after a noun, modifying the noun after it, is the main
/// verb; the noun after it is its object and the phrase before it its subject.
fn main_verb_as_modifier(x: &View<'_>, v: usize) -> Option<Edit> {
    let t = x.t;
    if t[v].upos != "VERB" || !matches!(t[v].xpos.as_str(), "VBD" | "VBN") || t[v].deprel != "amod"
    {
        return None;
    }
    let h = t[v]
        .head
        .filter(|&h| h > v && matches!(t[h].upos.as_str(), "NOUN" | "PROPN"))?;
    let before = v.checked_sub(1)?;
    if !matches!(t[before].upos.as_str(), "NOUN" | "PROPN") || x.kids(v).next().is_some() {
        return None;
    }
    // Only determiners, modifiers and numbers between the verb and its object.
    if (v + 1..h).any(|k| !matches!(t[k].upos.as_str(), "DET" | "ADJ" | "NUM" | "NOUN" | "PROPN")) {
        return None;
    }
    let root = (0..t.len()).find(|&k| t[k].head.is_none())?;
    // "… blocked streets in Hong Kong to demand reforms" with the purpose clause as
    // the root: an infinitive heads no sentence; its subject is the verb's.
    let infinitive = t[root].upos == "VERB" && t[root].xpos == "VB" && x.is_to_infinitive(root);
    let top = if infinitive {
        x.kids(root).find(|&k| t[k].deprel == "nsubj" && k < v)?
    } else {
        root
    };
    if !infinitive && (matches!(t[root].upos.as_str(), "VERB" | "AUX") || x.has_child(root, "cop"))
    {
        return None;
    }
    // The phrase before the verb must climb to the root (the infinitive's subject)
    // through nominal links, and the object must hang inside it too.
    let climbs = |mut k: usize| {
        for _ in 0..8 {
            if k == top {
                return true;
            }
            if !matches!(
                base(&t[k].deprel),
                "nmod" | "conj" | "compound" | "appos" | "flat" | "obl" | "amod"
            ) {
                return false;
            }
            match t[k].head {
                Some(p) => k = p,
                None => return false,
            }
        }
        false
    };
    if !climbs(before) || !climbs(h) || top > v || (infinitive && root < v) {
        return None;
    }
    Some(Box::new(move |t: &mut [Token]| {
        t[v].head = None;
        t[v].deprel = "root".into();
        if t[v].xpos == "VBN" {
            t[v].xpos = "VBD".into();
        }
        t[h].head = Some(v);
        t[h].deprel = "obj".into();
        t[top].head = Some(v);
        t[top].deprel = "nsubj".into();
        if infinitive {
            t[root].head = Some(v);
            t[root].deprel = "advcl".into();
        }
    }))
}

/// "Benin opened its borders to Africans ordered out of Nigeria, but was still
/// refusing admittance to Ghanaians" parsed with "refusing" under "ordered": a verb
/// after "and"/"but" with a finite auxiliary of its own ("was", "has", "will") but no
/// subject or subordinator is a second predicate of the clause whose subject it
/// shares: a conjunct of the nearest verb above it that has a subject.
fn shared_subject_predicate(x: &View<'_>, v: usize) -> Option<Edit> {
    let t = x.t;
    if t[v].upos != "VERB" || !matches!(base(&t[v].deprel), "advcl" | "acl") {
        return None;
    }
    let finite_aux = x.kids(v).any(|k| {
        base(&t[k].deprel) == "aux" && matches!(t[k].xpos.as_str(), "VBD" | "VBZ" | "VBP" | "MD")
    });
    let cc = x.kids(v).any(|k| {
        k < v && base(&t[k].deprel) == "cc" && matches!(lower(&t[k]).as_str(), "and" | "but")
    });
    if !finite_aux
        || !cc
        || x.kids(v)
            .any(|k| matches!(base(&t[k].deprel), "nsubj" | "mark" | "expl"))
    {
        return None;
    }
    let mut h = t[v].head?;
    for _ in 0..8 {
        if t[h].upos == "VERB" && x.has_child(h, "nsubj") {
            break;
        }
        h = t[h].head?;
    }
    if h > v || t[h].upos != "VERB" || !x.has_child(h, "nsubj") {
        return None;
    }
    Some(Box::new(move |t: &mut [Token]| {
        t[v].head = Some(h);
        t[v].deprel = "conj".into();
    }))
}

/// "Soldiers have cordoned off the roads" parsed with "have" as the main verb and
/// the participle as its complement: "have" with a past participle right after it
/// (adverbs between) is the perfect's auxiliary; the participle takes its place and
/// its dependents, and a "passive subject" after the participle is its object.
fn perfect_read_as_main_verb(x: &View<'_>, h: usize) -> Option<Edit> {
    let t = x.t;
    if t[h].upos != "VERB" || !t[h].lemma.eq_ignore_ascii_case("have") {
        return None;
    }
    if !matches!(t[h].xpos.as_str(), "VBP" | "VBZ" | "VBD") || !x.has_child(h, "nsubj") {
        return None;
    }
    let v = (h + 1..t.len().min(h + 4)).find(|&k| t[k].upos != "ADV" && t[k].upos != "PART")?;
    if t[v].xpos != "VBN"
        || t[v].head != Some(h)
        || !matches!(base(&t[v].deprel), "xcomp" | "ccomp" | "obj")
        || x.kids(v).any(|k| {
            matches!(base(&t[k].deprel), "aux" | "mark") || (base(&t[k].deprel) == "nsubj" && k < v)
        })
        || (h + 1..v).any(|k| t[k].head != Some(h) && t[k].head != Some(v))
    {
        return None;
    }
    let moved: Vec<usize> = x.kids(h).filter(|&k| k != v).collect();
    let passive_after: Vec<usize> = x
        .kids(v)
        .filter(|&k| k > v && t[k].deprel == "nsubj:pass")
        .collect();
    Some(Box::new(move |t: &mut [Token]| {
        t[v].head = t[h].head;
        t[v].deprel = std::mem::take(&mut t[h].deprel);
        t[h].head = Some(v);
        t[h].deprel = "aux".into();
        t[h].upos = "AUX".into();
        for k in moved {
            t[k].head = Some(v);
        }
        for k in passive_after {
            t[k].deprel = "obj".into();
        }
    }))
}

/// "decide whether to strike Syria" parsed with "whether" heading "strike": the
/// clause takes the question word's place and the word becomes its mark.
fn question_word_as_head(x: &View<'_>, w: usize) -> Option<Edit> {
    let t = x.t;
    if !QUESTION_MARKS.contains(&lower(&t[w]).as_str()) || base(&t[w].deprel) == "mark" {
        return None;
    }
    let clause = x.kids(w).find(|&k| {
        k > w
            && matches!(t[k].upos.as_str(), "VERB" | "AUX")
            && matches!(base(&t[k].deprel), "advcl" | "ccomp" | "xcomp" | "dep")
    })?;
    let (head, mut rel) = (t[w].head, t[w].deprel.clone());
    // "whether to strike": an infinitive without a subject of its own is controlled
    // by the deciding subject.
    let infinitive = x.is_to_infinitive(clause);
    let subject = x.has_child(clause, "nsubj");
    if infinitive && !subject && head.is_some() {
        rel = "xcomp".into();
    }
    Some(Box::new(move |t: &mut [Token]| {
        rehang(t, w, clause);
        t[clause].head = head;
        t[clause].deprel = rel;
        t[w].head = Some(clause);
        t[w].deprel = "mark".into();
    }))
}

/// "Iran today threatened to launch an offensive" parsed with "Iran" as a compound
/// of "today" and the verb without a subject: a name or noun right before a day
/// word that modifies a verb without a subject is that verb's subject.
fn subject_read_as_compound_of_day(x: &View<'_>, d: usize) -> Option<Edit> {
    let t = x.t;
    if !is_day_word(&lower(&t[d])) {
        return None;
    }
    let v = t[d].head.filter(|&v| v > d && t[v].upos == "VERB")?;
    let name = d.checked_sub(1).filter(|&n| {
        t[n].head == Some(d)
            && base(&t[n].deprel) == "compound"
            && matches!(t[n].upos.as_str(), "PROPN" | "NOUN")
    })?;
    if x.has_child(v, "nsubj") || x.has_child(v, "expl") {
        return None;
    }
    Some(Box::new(move |t: &mut [Token]| {
        for x in &mut t[..name] {
            if x.head == Some(d) {
                x.head = Some(name);
            }
        }
        t[name].head = Some(v);
        t[name].deprel = "nsubj".into();
    }))
}

/// "he would decide whether to strike Syria" parsed with the right heads but
/// "strike" as a clause of its own (`ccomp`, `advcl`): an infinitive after a
/// question word, without a subject, is controlled by the deciding subject, as
/// [`question_word_as_head`] makes it.
fn question_infinitive_uncontrolled(x: &View<'_>, k: usize) -> Option<Edit> {
    let t = x.t;
    if t[k].upos != "VERB" || !matches!(base(&t[k].deprel), "ccomp" | "advcl") {
        return None;
    }
    let question = x.kids(k).any(|m| {
        m < k && base(&t[m].deprel) == "mark" && QUESTION_MARKS.contains(&lower(&t[m]).as_str())
    });
    if !question || !x.is_to_infinitive(k) || x.has_child(k, "nsubj") {
        return None;
    }
    Some(Box::new(move |t: &mut [Token]| {
        t[k].deprel = "xcomp".into()
    }))
}

/// "a decision on whether or not to strike Syria when the time comes" parsed with
/// "whether" as the mark of the later clause ("comes") and the infinitive hung on
/// "whether": a mark heads nothing, so the infinitive is the question's clause. It
/// takes the later clause's place (with the words before "whether" that hung on
/// it, such as "on"), "whether" becomes its mark and the later clause its
/// adverbial.
fn question_mark_over_infinitive(x: &View<'_>, w: usize) -> Option<Edit> {
    let t = x.t;
    if !QUESTION_MARKS.contains(&lower(&t[w]).as_str()) || base(&t[w].deprel) != "mark" {
        return None;
    }
    let later = t[w].head.filter(|&c| c > w)?;
    let clause = x
        .kids(w)
        .find(|&k| k > w && k < later && t[k].upos == "VERB" && x.is_to_infinitive(k))?;
    let before: Vec<usize> = x.kids(later).filter(|&k| k < w).collect();
    let (head, rel) = (t[later].head, t[later].deprel.clone());
    Some(Box::new(move |t: &mut [Token]| {
        rehang(t, w, clause);
        for k in before {
            t[k].head = Some(clause);
        }
        t[clause].head = head;
        t[clause].deprel = rel;
        t[later].head = Some(clause);
        t[later].deprel = "advcl".into();
        t[w].head = Some(clause);
    }))
}

/// "Russia attacked Ukraine, and France condemned the strike" parsed as "Russia
/// attacked [Ukraine and France condemned the strike]": two nouns joined by ", and"
/// (a comma before "and" joins clauses, not a pair), the first right after a verb
/// with no object, the pair the subject of that verb's complement clause. The first
/// noun is the verb's object, and the clause, with the second noun as its subject,
/// is the verb's conjunct.
fn object_read_as_subject_pair(x: &View<'_>, c: usize) -> Option<Edit> {
    let t = x.t;
    if base(&t[c].deprel) != "ccomp" || !matches!(t[c].upos.as_str(), "VERB" | "AUX") {
        return None;
    }
    let v = t[c].head.filter(|&v| v < c && t[v].upos == "VERB")?;
    let subject = x
        .kids(c)
        .find(|&k| k > v && k < c && t[k].deprel == "nsubj")?;
    let adjacent = (v + 1..subject).all(|k| matches!(t[k].upos.as_str(), "DET" | "ADJ"));
    let mut conjs = x.kids(subject).filter(|&k| base(&t[k].deprel) == "conj");
    let second = conjs.next().filter(|&s2| s2 < c)?;
    let and = (subject + 1..second)
        .find(|&k| base(&t[k].deprel) == "cc" && matches!(lower(&t[k]).as_str(), "and" | "but"))?;
    let comma = and.checked_sub(1).filter(|&k| t[k].text == ",")?;
    if !adjacent || conjs.next().is_some() || x.has_child(v, "obj") {
        return None;
    }
    Some(Box::new(move |t: &mut [Token]| {
        t[subject].head = Some(v);
        t[subject].deprel = "obj".into();
        t[second].head = Some(c);
        t[second].deprel = "nsubj".into();
        for k in [comma, and] {
            t[k].head = Some(c);
        }
        t[c].deprel = "conj".into();
    }))
}

/// "Russia attacked Ukraine, and France condemned the strike" parsed with the first
/// clause as an adverbial of the second: a clause without subordinator, with its
/// own subject, followed by "and"/"but" and the second clause, is its first
/// conjunct.
fn clause_before_and(x: &View<'_>, v: usize) -> Option<Edit> {
    let t = x.t;
    if base(&t[v].deprel) != "advcl" || !matches!(t[v].upos.as_str(), "VERB" | "AUX") {
        return None;
    }
    let h = t[v].head.filter(|&h| h > v && h < t.len())?;
    let own_subject = x.kids(v).any(|k| k < v && t[k].deprel == "nsubj");
    if !own_subject || x.has_child(v, "mark") {
        return None;
    }
    let attached_to_h = |k: usize| {
        t[k].head == Some(h)
            || t[k]
                .head
                .is_some_and(|p| t.get(p).is_some_and(|p| p.head == Some(h)))
    };
    let cc = (v + 1..h).find(|&k| {
        base(&t[k].deprel) == "cc"
            && matches!(lower(&t[k]).as_str(), "and" | "but")
            && attached_to_h(k)
    })?;
    let (head, rel) = (t[h].head, t[h].deprel.clone());
    Some(Box::new(move |t: &mut [Token]| {
        t[v].head = head;
        t[v].deprel = rel;
        t[h].head = Some(v);
        t[h].deprel = "conj".into();
        t[cc].head = Some(h);
    }))
}

/// "British aircraft using guided missiles killed 4 Iraqis" parsed as one noun
/// phrase with "killed" a reduced relative, or "Zambia extradited a militant to
/// Britain, an official said" with "extradited" hung on "Zambia" beside the real
/// subject of "said": a sentence whose root is a noun, or a verb with two subjects,
/// has lost its main verb; the last past-tense verb or participle inside the first
/// subject that has complements of its own and no auxiliary, subject or subordinator
/// is it, and the nominal it hung under is its subject.
fn main_verb_as_relative(x: &View<'_>, v: usize) -> Option<Edit> {
    let t = x.t;
    let tv = &t[v];
    if tv.upos != "VERB" || !matches!(tv.xpos.as_str(), "VBD" | "VBN") || base(&tv.deprel) != "acl"
    {
        return None;
    }
    let kids = |p: usize| x.kids(p);
    if kids(v).any(|k| matches!(base(&t[k].deprel), "aux" | "nsubj" | "mark" | "cop")) {
        return None;
    }
    // An object (or a bare nominal read as an oblique) after the verb, and no
    // passive agent: "killed 4 Iraqis", not "a speech given by a guest".
    let unmarked = |k: usize| !kids(k).any(|c| base(&t[c].deprel) == "case");
    // The object may sit on a coordinated verb ("donated and delivered goods").
    let has_object = |p: usize| {
        kids(p).any(|k| {
            k > p
                && (matches!(t[k].deprel.as_str(), "obj" | "xcomp")
                    || base(&t[k].deprel) == "obl" && unmarked(k))
        })
    };
    let object = has_object(v)
        || kids(v).any(|c| {
            t[c].deprel == "conj"
                && t[c].upos == "VERB"
                && !kids(c).any(|k| matches!(base(&t[k].deprel), "aux" | "nsubj" | "mark"))
                && has_object(c)
        });
    let agent = kids(v).any(|k| {
        t[k].deprel == "obl:agent" || kids(k).any(|c| t[c].text.eq_ignore_ascii_case("by"))
    });
    if !object || agent {
        return None;
    }
    // The nominal the phrase starts with: climb from the verb's head through nominal
    // links to the top of the phrase.
    let mut top = tv.head?;
    for _ in 0..6 {
        match t[top].head {
            Some(h)
                if h < t.len()
                    && matches!(
                        base(&t[top].deprel),
                        "obj" | "nmod" | "acl" | "appos" | "conj"
                    ) =>
            {
                top = h
            }
            _ => break,
        }
    }
    if top >= v || !matches!(t[top].upos.as_str(), "NOUN" | "PROPN" | "PRON") {
        return None;
    }
    let new_place = match t[top].head {
        // A nominal root that is no predicate ("is the text of an e-mail sent …"):
        // the verb becomes the root.
        None if !kids(top)
            .any(|k| matches!(base(&t[k].deprel), "cop" | "nsubj" | "expl" | "aux")) =>
        {
            (None, "root".to_string())
        }
        None => return None,
        // A subject beside another subject of the same verb: the verb is a clause of
        // that verb (what was said).
        Some(h)
            if base(&t[top].deprel) == "nsubj"
                && x.kids(h).any(|k| k != top && base(&t[k].deprel) == "nsubj") =>
        {
            (Some(h), "ccomp".to_string())
        }
        Some(_) => return None,
    };
    // No later verb of the same kind: the last one is the main verb.
    if (v + 1..t.len()).any(|k| {
        k != v && main_verb_as_relative_candidate(x, k) && t[k].head.is_some_and(|h| h >= top)
    }) {
        return None;
    }
    let first_unmarked = kids(v)
        .filter(|&k| k > v && base(&t[k].deprel) == "obl")
        .find(|&k| !kids(k).any(|c| base(&t[c].deprel) == "case"));
    // "bulldozers demolished homes …, Palestinian officials and US witnesses said"
    // with the first speaker hung as a conjunct of the new subject: the conjunct
    // after the verb heads the speakers, and the other subject joins it.
    let speakers = new_place.0.and_then(|h| {
        let other = x
            .kids(h)
            .find(|&k| k != top && base(&t[k].deprel) == "nsubj")?;
        let first = x
            .kids(top)
            .find(|&k| k > v && k < other && t[k].deprel == "conj")?;
        let cc: Vec<usize> = x
            .kids(h)
            .filter(|&k| k > first && k < other && t[k].deprel == "cc")
            .collect();
        Some((h, first, other, cc))
    });
    Some(Box::new(move |t: &mut [Token]| {
        if let Some((h, first, other, cc)) = speakers {
            t[first].head = Some(h);
            t[first].deprel = "nsubj".into();
            t[other].head = Some(first);
            t[other].deprel = "conj".into();
            for k in cc {
                t[k].head = Some(other);
            }
        }
        t[v].head = new_place.0;
        t[v].deprel = new_place.1;
        if t[v].xpos == "VBN" {
            t[v].xpos = "VBD".into();
        }
        t[top].head = Some(v);
        t[top].deprel = "nsubj".into();
        if let Some(o) = first_unmarked {
            t[o].deprel = "obj".into();
        }
    }))
}

/// A verb [`main_verb_as_relative`] could promote (without the phrase checks): a
/// bare past form hung as a clause on a nominal, with no auxiliary, subject or
/// subordinator of its own ("a settlement to be reached" is none).
fn main_verb_as_relative_candidate(x: &View<'_>, k: usize) -> bool {
    let t = x.t;
    t[k].upos == "VERB"
        && matches!(t[k].xpos.as_str(), "VBD" | "VBN")
        && base(&t[k].deprel) == "acl"
        && !x
            .kids(k)
            .any(|c| matches!(base(&t[c].deprel), "aux" | "nsubj" | "mark" | "cop"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::tree::build::tokens;

    #[test]
    fn subordinator_on_a_subject_marks_its_clause() {
        // China imposed tariffs after Japan called .
        let toks = tokens(&[
            ("China", "China", "PROPN", 2, "nsubj"),
            ("imposed", "impose", "VERB", 0, "root"),
            ("tariffs", "tariff", "NOUN", 2, "obj"),
            ("after", "after", "ADP", 5, "case"),
            ("Japan", "Japan", "PROPN", 6, "nsubj"),
            ("called", "call", "VERB", 2, "conj"),
            (".", ".", "PUNCT", 2, "punct"),
        ]);
        let r = repair(&toks, &Lexicon::default());
        assert_eq!(r[3].head, Some(5));
        assert_eq!(r[3].deprel, "mark");
        assert_eq!(r[5].deprel, "advcl");
        assert_eq!(r[4].deprel, "nsubj");
    }

    #[test]
    fn question_word_gives_way_to_its_clause() {
        // he would decide whether to strike Syria
        let toks = tokens(&[
            ("he", "he", "PRON", 3, "nsubj"),
            ("would", "would", "AUX", 3, "aux"),
            ("decide", "decide", "VERB", 0, "root"),
            ("whether", "whether", "SCONJ", 3, "ccomp"),
            ("to", "to", "PART", 6, "mark"),
            ("strike", "strike", "VERB", 4, "advcl"),
            ("Syria", "Syria", "PROPN", 6, "obj"),
        ]);
        let r = repair(&toks, &Lexicon::default());
        assert_eq!((r[5].head, r[5].deprel.as_str()), (Some(2), "xcomp"));
        assert_eq!((r[3].head, r[3].deprel.as_str()), (Some(5), "mark"));
    }

    #[test]
    fn object_and_next_subject_read_as_one_subject_are_split() {
        // Russia attacked Ukraine , and France condemned it
        let toks = tokens(&[
            ("Russia", "Russia", "PROPN", 2, "nsubj"),
            ("attacked", "attack", "VERB", 0, "root"),
            ("Ukraine", "Ukraine", "PROPN", 7, "nsubj"),
            (",", ",", "PUNCT", 6, "punct"),
            ("and", "and", "CCONJ", 6, "cc"),
            ("France", "France", "PROPN", 3, "conj"),
            ("condemned", "condemn", "VERB", 2, "ccomp"),
            ("it", "it", "PRON", 7, "obj"),
        ]);
        let r = repair(&toks, &Lexicon::default());
        assert_eq!((r[2].head, r[2].deprel.as_str()), (Some(1), "obj"));
        assert_eq!((r[5].head, r[5].deprel.as_str()), (Some(6), "nsubj"));
        assert_eq!((r[6].head, r[6].deprel.as_str()), (Some(1), "conj"));
        assert_eq!((r[4].head, r[3].head), (Some(6), Some(6)));
        // A pair without the comma is a pair: "he saw Ukraine and France agree".
        let pair = tokens(&[
            ("he", "he", "PRON", 2, "nsubj"),
            ("saw", "see", "VERB", 0, "root"),
            ("Ukraine", "Ukraine", "PROPN", 6, "nsubj"),
            ("and", "and", "CCONJ", 5, "cc"),
            ("France", "France", "PROPN", 3, "conj"),
            ("agree", "agree", "VERB", 2, "ccomp"),
        ]);
        assert!(matches!(
            repair(&pair, &Lexicon::default()),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn subject_read_as_compound_of_a_day_is_the_subject() {
        // Iran today threatened to strike
        let toks = tokens(&[
            ("Iran", "Iran", "PROPN", 2, "compound"),
            ("today", "today", "NOUN", 3, "obl:unmarked"),
            ("threatened", "threaten", "VERB", 0, "root"),
            ("to", "to", "PART", 5, "mark"),
            ("strike", "strike", "VERB", 3, "xcomp"),
        ]);
        let r = repair(&toks, &Lexicon::default());
        assert_eq!((r[0].head, r[0].deprel.as_str()), (Some(2), "nsubj"));
        assert_eq!(r[1].head, Some(2));
        // A verb with a subject keeps it: "Iran said Monday talks failed".
        let has = tokens(&[
            ("Iran", "Iran", "PROPN", 2, "nsubj"),
            ("said", "say", "VERB", 0, "root"),
            ("Monday", "Monday", "PROPN", 2, "obl:tmod"),
            ("talks", "talk", "NOUN", 5, "compound"),
            ("Friday", "Friday", "PROPN", 6, "obl:tmod"),
            ("failed", "fail", "VERB", 2, "ccomp"),
        ]);
        let r = repair(&has, &Lexicon::default());
        assert_eq!((r[3].head, r[3].deprel.as_str()), (Some(5), "nsubj"));
        assert_eq!((r[0].head, r[0].deprel.as_str()), (Some(1), "nsubj"));
    }

    #[test]
    fn question_infinitive_is_controlled() {
        // he would decide whether to strike Syria
        let toks = tokens(&[
            ("he", "he", "PRON", 3, "nsubj"),
            ("would", "would", "AUX", 3, "aux"),
            ("decide", "decide", "VERB", 0, "root"),
            ("whether", "whether", "SCONJ", 6, "mark"),
            ("to", "to", "PART", 6, "mark"),
            ("strike", "strike", "VERB", 3, "ccomp"),
            ("Syria", "Syria", "PROPN", 6, "obj"),
        ]);
        let r = repair(&toks, &Lexicon::default());
        assert_eq!((r[5].head, r[5].deprel.as_str()), (Some(2), "xcomp"));
        // With a subject of its own ("whether Paris strikes") it stays a clause.
        let own = tokens(&[
            ("he", "he", "PRON", 2, "nsubj"),
            ("asked", "ask", "VERB", 0, "root"),
            ("whether", "whether", "SCONJ", 5, "mark"),
            ("Paris", "Paris", "PROPN", 5, "nsubj"),
            ("strikes", "strike", "VERB", 2, "ccomp"),
        ]);
        assert!(matches!(
            repair(&own, &Lexicon::default()),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn question_mark_over_an_infinitive_gives_it_the_later_clause_place() {
        // he decided on whether to strike Syria when time comes
        let toks = tokens(&[
            ("he", "he", "PRON", 2, "nsubj"),
            ("decided", "decide", "VERB", 0, "root"),
            ("on", "on", "ADP", 10, "case"),
            ("whether", "whether", "SCONJ", 10, "mark"),
            ("to", "to", "PART", 6, "mark"),
            ("strike", "strike", "VERB", 4, "xcomp"),
            ("Syria", "Syria", "PROPN", 6, "obj"),
            ("when", "when", "ADV", 10, "advmod"),
            ("time", "time", "NOUN", 10, "nsubj"),
            ("comes", "come", "VERB", 2, "advcl"),
        ]);
        let r = repair(&toks, &Lexicon::default());
        // Moved up, the subjectless infinitive is then read as controlled.
        assert_eq!((r[5].head, r[5].deprel.as_str()), (Some(1), "xcomp"));
        assert_eq!((r[3].head, r[3].deprel.as_str()), (Some(5), "mark"));
        assert_eq!((r[2].head, r[9].head), (Some(5), Some(5)));
        assert_eq!(r[9].deprel, "advcl");
        // A mark with no infinitive under it is left alone.
        let plain = tokens(&[
            ("he", "he", "PRON", 2, "nsubj"),
            ("asked", "ask", "VERB", 0, "root"),
            ("whether", "whether", "SCONJ", 5, "mark"),
            ("time", "time", "NOUN", 5, "nsubj"),
            ("comes", "come", "VERB", 2, "ccomp"),
        ]);
        assert!(matches!(
            repair(&plain, &Lexicon::default()),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn clause_read_as_adverbial_of_the_next_becomes_its_conjunct() {
        // Russia attacked Ukraine , and France condemned it
        let toks = tokens(&[
            ("Russia", "Russia", "PROPN", 2, "nsubj"),
            ("attacked", "attack", "VERB", 7, "advcl"),
            ("Ukraine", "Ukraine", "PROPN", 2, "obj"),
            (",", ",", "PUNCT", 3, "punct"),
            ("and", "and", "CCONJ", 6, "cc"),
            ("France", "France", "PROPN", 7, "nsubj"),
            ("condemned", "condemn", "VERB", 0, "root"),
            ("it", "it", "PRON", 7, "obj"),
        ]);
        let r = repair(&toks, &Lexicon::default());
        assert_eq!((r[1].head, r[1].deprel.as_str()), (None, "root"));
        assert_eq!((r[6].head, r[6].deprel.as_str()), (Some(1), "conj"));
        assert_eq!(r[4].head, Some(6));
        // With a subordinator it is a real adverbial clause.
        let mut marked = toks.clone();
        marked[3].head = Some(1);
        marked[3].deprel = "mark".into();
        assert!(matches!(
            repair(&marked, &Lexicon::default()),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn subordinator_on_a_nominal_before_a_subjectless_verb() {
        // moved troops after Ankara refused
        let toks = tokens(&[
            ("moved", "move", "VERB", 0, "root"),
            ("troops", "troops", "NOUN", 1, "obj"),
            ("after", "after", "ADP", 4, "case"),
            ("Ankara", "Ankara", "PROPN", 2, "nmod"),
            ("refused", "refuse", "VERB", 1, "conj"),
        ]);
        let mut toks = toks;
        toks[4].xpos = "VBD".into();
        let r = repair(&toks, &Lexicon::default());
        assert_eq!((r[3].head, r[3].deprel.as_str()), (Some(4), "nsubj"));
        assert_eq!((r[2].head, r[2].deprel.as_str()), (Some(4), "mark"));
        assert_eq!(r[4].deprel, "advcl");
    }

    #[test]
    fn second_clause_after_and_is_a_conjunct() {
        // Pakistan charged a fee , and India urged Islamabad
        let toks = tokens(&[
            ("Pakistan", "Pakistan", "PROPN", 2, "nsubj"),
            ("charged", "charge", "VERB", 0, "root"),
            ("fee", "fee", "NOUN", 2, "obj"),
            (",", ",", "PUNCT", 7, "punct"),
            ("and", "and", "CCONJ", 6, "cc"),
            ("India", "India", "PROPN", 7, "nsubj"),
            ("urged", "urge", "VERB", 2, "advcl"),
            ("Islamabad", "Islamabad", "PROPN", 7, "obj"),
        ]);
        let r = repair(&toks, &Lexicon::default());
        assert_eq!((r[6].head, r[6].deprel.as_str()), (Some(1), "conj"));
    }

    #[test]
    fn closing_speaker_becomes_the_subject_of_saying() {
        // relations froze , spokeswoman Maria Zakharova said on Thursday
        let toks = tokens(&[
            ("relations", "relation", "NOUN", 2, "nsubj"),
            ("froze", "freeze", "VERB", 0, "root"),
            (",", ",", "PUNCT", 2, "punct"),
            ("spokeswoman", "spokeswoman", "NOUN", 2, "appos"),
            ("Maria", "Maria", "PROPN", 4, "flat"),
            ("Zakharova", "Zakharova", "PROPN", 4, "flat"),
            ("said", "say", "VERB", 2, "acl"),
            ("on", "on", "ADP", 9, "case"),
            ("Thursday", "Thursday", "PROPN", 7, "obl"),
        ]);
        let lex = Lexicon {
            speech: vec!["say".into()],
            ..Lexicon::default()
        };
        let r = repair(&toks, &lex);
        assert_eq!((r[6].head, r[6].deprel.as_str()), (None, "root"));
        assert_eq!((r[5].head, r[5].deprel.as_str()), (Some(6), "nsubj"));
        assert_eq!(r[3].head, Some(5));
        assert_eq!((r[1].head, r[1].deprel.as_str()), (Some(6), "ccomp"));
        // Without the verb of saying in the lexicon nothing changes.
        assert!(matches!(
            repair(&toks, &Lexicon::default()),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn main_verb_read_as_a_reduced_relative() {
        // British aircraft using missiles killed 4 Iraqis .
        let mut toks = tokens(&[
            ("aircraft", "aircraft", "NOUN", 0, "root"),
            ("using", "use", "VERB", 1, "acl"),
            ("missiles", "missile", "NOUN", 2, "obj"),
            ("killed", "kill", "VERB", 3, "acl"),
            ("4", "4", "NUM", 6, "nummod"),
            ("Iraqis", "Iraqi", "PROPN", 4, "obl"),
            (".", ".", "PUNCT", 1, "punct"),
        ]);
        toks[1].xpos = "VBG".into();
        toks[3].xpos = "VBN".into();
        let r = repair(&toks, &Lexicon::default());
        assert_eq!(
            (r[3].head, r[3].deprel.as_str(), r[3].xpos.as_str()),
            (None, "root", "VBD")
        );
        assert_eq!((r[0].head, r[0].deprel.as_str()), (Some(3), "nsubj"));
        assert_eq!(r[5].deprel, "obj");
        // A participle with an auxiliary is left alone.
        toks.push(tokens(&[("was", "be", "AUX", 4, "aux")]).remove(0));
        assert!(matches!(
            repair(&toks, &Lexicon::default()),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn reduced_relative_with_speakers_hung_on_its_subject() {
        // tanks destroyed homes , officials and witnesses said .
        let mut toks = tokens(&[
            ("tanks", "tank", "NOUN", 8, "nsubj"),
            ("destroyed", "destroy", "VERB", 1, "acl"),
            ("homes", "home", "NOUN", 2, "obj"),
            (",", ",", "PUNCT", 5, "punct"),
            ("officials", "official", "NOUN", 1, "conj"),
            ("and", "and", "CCONJ", 8, "cc"),
            ("witnesses", "witness", "NOUN", 8, "nsubj"),
            ("said", "say", "VERB", 0, "root"),
            (".", ".", "PUNCT", 8, "punct"),
        ]);
        toks[1].xpos = "VBN".into();
        toks[7].xpos = "VBD".into();
        let r = repair(&toks, &Lexicon::default());
        assert_eq!((r[1].head, r[1].deprel.as_str()), (Some(7), "ccomp"));
        assert_eq!((r[0].head, r[0].deprel.as_str()), (Some(1), "nsubj"));
        assert_eq!((r[4].head, r[4].deprel.as_str()), (Some(7), "nsubj"));
        assert_eq!((r[6].head, r[6].deprel.as_str()), (Some(4), "conj"));
        assert_eq!(r[5].head, Some(6));
    }

    #[test]
    fn reduced_relative_whose_conjunct_has_the_object() {
        // doctors donated and delivered goods , to be used later .
        let mut toks = tokens(&[
            ("doctors", "doctor", "NOUN", 0, "root"),
            ("donated", "donate", "VERB", 1, "acl"),
            ("and", "and", "CCONJ", 4, "cc"),
            ("delivered", "deliver", "VERB", 2, "conj"),
            ("goods", "goods", "NOUN", 4, "obj"),
            ("to", "to", "PART", 8, "mark"),
            ("be", "be", "AUX", 8, "aux:pass"),
            ("used", "use", "VERB", 5, "acl"),
            (".", ".", "PUNCT", 1, "punct"),
        ]);
        toks[1].xpos = "VBN".into();
        toks[3].xpos = "VBD".into();
        toks[7].xpos = "VBN".into();
        let r = repair(&toks, &Lexicon::default());
        assert_eq!((r[1].head, r[1].deprel.as_str()), (None, "root"));
        assert_eq!((r[0].head, r[0].deprel.as_str()), (Some(1), "nsubj"));
        // Without the conjunct's object there is no sign of a main verb.
        toks[4].head = Some(7);
        toks[4].deprel = "nsubj:pass".into();
        assert!(matches!(
            repair(&toks, &Lexicon::default()),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn second_predicate_hung_on_a_participle_joins_its_subjects_verb() {
        // Chad opened borders to migrants ordered out of Libya , but was refusing entry .
        let mut toks = tokens(&[
            ("Chad", "Chad", "PROPN", 2, "nsubj"),
            ("opened", "open", "VERB", 0, "root"),
            ("borders", "border", "NOUN", 2, "obj"),
            ("to", "to", "ADP", 5, "case"),
            ("migrants", "migrant", "NOUN", 2, "obl"),
            ("ordered", "order", "VERB", 5, "acl"),
            ("out", "out", "ADP", 9, "case"),
            ("of", "of", "ADP", 9, "case"),
            ("Libya", "Libya", "PROPN", 6, "obl"),
            (",", ",", "PUNCT", 13, "punct"),
            ("but", "but", "CCONJ", 13, "cc"),
            ("was", "be", "AUX", 13, "aux"),
            ("refusing", "refuse", "VERB", 6, "advcl"),
            ("entry", "entry", "NOUN", 13, "obj"),
            (".", ".", "PUNCT", 2, "punct"),
        ]);
        toks[11].xpos = "VBD".into();
        toks[12].xpos = "VBG".into();
        let r = repair(&toks, &Lexicon::default());
        assert_eq!((r[12].head, r[12].deprel.as_str()), (Some(1), "conj"));
        // With a subject of its own it is left alone.
        toks.push(tokens(&[("it", "it", "PRON", 13, "nsubj")]).remove(0));
        assert!(matches!(
            repair(&toks, &Lexicon::default()),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn main_verb_read_as_a_modifier_of_its_object() {
        // French deputies held talks with leaders .  (root "French")
        let mut toks = tokens(&[
            ("French", "French", "ADJ", 0, "root"),
            ("deputies", "deputy", "NOUN", 1, "nmod"),
            ("held", "hold", "VERB", 4, "amod"),
            ("talks", "talk", "NOUN", 2, "nmod"),
            ("with", "with", "ADP", 6, "case"),
            ("leaders", "leader", "NOUN", 4, "nmod"),
            (".", ".", "PUNCT", 1, "punct"),
        ]);
        toks[2].xpos = "VBN".into();
        let r = repair(&toks, &Lexicon::default());
        assert_eq!((r[2].head, r[2].deprel.as_str()), (None, "root"));
        assert_eq!((r[3].head, r[3].deprel.as_str()), (Some(2), "obj"));
        assert_eq!((r[0].head, r[0].deprel.as_str()), (Some(2), "nsubj"));
        // "the wounded soldiers": no noun before the participle, nothing to repair.
        toks[1].upos = "DET".into();
        assert!(matches!(
            repair(&toks, &Lexicon::default()),
            Cow::Borrowed(_)
        ));
        // Crowds of people blocked roads to demand reforms .  (root "demand")
        let mut toks = tokens(&[
            ("Crowds", "crowd", "NOUN", 7, "nsubj"),
            ("of", "of", "ADP", 3, "case"),
            ("people", "people", "NOUN", 1, "nmod"),
            ("blocked", "block", "VERB", 5, "amod"),
            ("roads", "road", "NOUN", 3, "conj"),
            ("to", "to", "PART", 7, "mark"),
            ("demand", "demand", "VERB", 0, "root"),
            ("reforms", "reform", "NOUN", 7, "obj"),
            (".", ".", "PUNCT", 7, "punct"),
        ]);
        toks[3].xpos = "VBN".into();
        toks[6].xpos = "VB".into();
        let r = repair(&toks, &Lexicon::default());
        assert_eq!((r[3].head, r[3].deprel.as_str()), (None, "root"));
        assert_eq!((r[4].head, r[4].deprel.as_str()), (Some(3), "obj"));
        assert_eq!((r[0].head, r[0].deprel.as_str()), (Some(3), "nsubj"));
        assert_eq!((r[6].head, r[6].deprel.as_str()), (Some(3), "advcl"));
    }

    #[test]
    fn perfect_auxiliary_read_as_the_main_verb() {
        // Troops have sealed off the roads .  ("have" the root, "roads" passive subject)
        let mut toks = tokens(&[
            ("Troops", "troop", "NOUN", 2, "nsubj"),
            ("have", "have", "VERB", 0, "root"),
            ("sealed", "seal", "VERB", 2, "xcomp"),
            ("off", "off", "ADP", 3, "compound:prt"),
            ("the", "the", "DET", 6, "det"),
            ("roads", "road", "NOUN", 3, "nsubj:pass"),
            (".", ".", "PUNCT", 2, "punct"),
        ]);
        toks[1].xpos = "VBP".into();
        toks[2].xpos = "VBN".into();
        let r = repair(&toks, &Lexicon::default());
        assert_eq!((r[2].head, r[2].deprel.as_str()), (None, "root"));
        assert_eq!((r[1].head, r[1].deprel.as_str()), (Some(2), "aux"));
        assert_eq!((r[0].head, r[0].deprel.as_str()), (Some(2), "nsubj"));
        assert_eq!((r[5].head, r[5].deprel.as_str()), (Some(2), "obj"));
        assert_eq!(r[6].head, Some(2));
        // "had the roads sealed off": the participle is not next to "have".
        let toks = tokens(&[
            ("Troops", "troop", "NOUN", 2, "nsubj"),
            ("had", "have", "VERB", 0, "root"),
            ("the", "the", "DET", 4, "det"),
            ("roads", "road", "NOUN", 2, "obj"),
            ("sealed", "seal", "VERB", 2, "xcomp"),
        ]);
        assert!(matches!(
            repair(&toks, &Lexicon::default()),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn sound_trees_are_borrowed() {
        let toks = tokens(&[
            ("Russia", "Russia", "PROPN", 2, "nsubj"),
            ("expelled", "expel", "VERB", 0, "root"),
            ("diplomats", "diplomat", "NOUN", 2, "obj"),
        ]);
        assert!(matches!(
            repair(&toks, &Lexicon::default()),
            Cow::Borrowed(_)
        ));
    }
}
