//! Clause structure around a trigger: conditions and purposes that belong to another
//! clause's event, complements that carry a control verb's target, and the merging
//! of the events one clause produced.

use super::args::Resolver;
use super::modality::Lexicon;
use super::tree::Tree;
use super::Coded;

/// Subordinators of conditions: what happens in such a clause is the condition of
/// the main event ("will withdraw unless X arranges a ceasefire", "refused talks
/// until X reverses its decision"), not an event.
const CONDITION: &[&str] = &[
    "if",
    "unless",
    "until",
    "till",
    "lest",
    "provided",
    "providing",
];

/// Prepositions that name a participant of a nominal ("action against X", "blows
/// to X", "aid for X"), read when a control verb's complement names no actor itself.
const PARTICIPANT: &[&str] = &[
    "against", "to", "with", "on", "toward", "towards", "into", "for", "from",
];

/// The head of the clause `i` belongs to, climbing `xcomp` and `conj` links and
/// from a nominal trigger to the verb it is the object of ("to show their anger").
fn clause_head(tree: &Tree, i: usize) -> usize {
    let mut cur = i;
    for _ in 0..6 {
        let verb_object =
            tree.base_rel(cur) == "obj" && tree.head(cur).is_some_and(|h| tree.is_verb(h));
        match tree.base_rel(cur) {
            "xcomp" | "conj" => match tree.head(cur) {
                Some(h) => cur = h,
                None => break,
            },
            _ if verb_object => match tree.head(cur) {
                Some(h) => cur = h,
                None => break,
            },
            _ => break,
        }
    }
    cur
}

/// The subordinator (`mark`) of the clause headed by `c`, lower-cased.
fn mark_of(tree: &Tree, c: usize) -> Option<String> {
    tree.children_rel(c, "mark")
        .map(|m| tree.lemma(m).to_ascii_lowercase())
        .next()
}

/// True when any of `fired` is `h` or one of its ancestors.
fn governed_by_fired(tree: &Tree, h: usize, fired: &[usize]) -> bool {
    fired.contains(&h) || tree.ancestors(h).iter().any(|a| fired.contains(a))
}

/// True when trigger `i` sits in a conditional clause ("if", "unless") of a clause
/// that itself reports an event: the condition is not coded on its own.
pub(crate) fn is_condition(tree: &Tree, i: usize, fired: &[usize]) -> bool {
    let c = clause_head(tree, i);
    if tree.base_rel(c) != "advcl" {
        return false;
    }
    let conditional = mark_of(tree, c).is_some_and(|m| CONDITION.contains(&m.as_str()));
    // The clause may hang on the first of coordinated verbs while the event is the
    // second ("responded …, and has refused to hold talks until X reverses").
    conditional
        && tree.head(c).is_some_and(|h| {
            governed_by_fired(tree, h, fired) || tree.conjuncts(h).iter().any(|k| fired.contains(k))
        })
}

/// The trigger whose purpose clause `i` sits in ("blocked roads to protest …",
/// "began a strike to demand …"): an infinitival adverbial clause under a fired
/// verb. The purpose describes that event; it is not a second one.
pub(crate) fn purpose_of(r: &Resolver, i: usize, fired: &[usize]) -> Option<usize> {
    let tree = r.tree;
    // An infinitive under a verb with an object of its own is a purpose too when the
    // parser reads it as a complement ("blocked a highway to show …").
    let complement_after_object = |c: usize| {
        tree.base_rel(c) == "xcomp"
            && tree
                .head(c)
                .is_some_and(|h| tree.children_rel(h, "obj").any(|o| o < c))
    };
    let mut c = i;
    for _ in 0..6 {
        let infinitive = mark_of(tree, c).as_deref() == Some("to");
        if infinitive && (tree.base_rel(c) == "advcl" || complement_after_object(c)) {
            break;
        }
        let verb_object =
            tree.base_rel(c) == "obj" && tree.head(c).is_some_and(|h| tree.is_verb(h));
        if !(verb_object || matches!(tree.base_rel(c), "xcomp" | "conj")) {
            return None;
        }
        c = tree.head(c)?;
    }
    if mark_of(tree, c).as_deref() != Some("to") {
        return None;
    }
    // The clause must not name its own subject ("so that X can …").
    if tree.children_rel(c, "nsubj").next().is_some() {
        return None;
    }
    let h = tree.head(c)?;
    // "ordered the newspaper to close": an actor object controls the clause, which
    // is then what was ordered, not a purpose.
    if tree
        .children_rel(h, "obj")
        .any(|o| !r.actors_of(o).is_empty())
    {
        return None;
    }
    fired.contains(&h).then_some(h)
}

/// Targets a control verb's complement names when the verb itself has none
/// ("threatened to deliver blows to X", "agreed to reopen its borders to X",
/// "threatened further action against X"): the complement's object and participant
/// obliques, and the participant nominals of the verb's own object.
pub(crate) fn complement_targets(r: &Resolver, i: usize) -> Vec<usize> {
    let tree = r.tree;
    let mut toks: Vec<usize> = Vec::new();
    let mut frontier = vec![i];
    for _ in 0..2 {
        let mut next = Vec::new();
        for &v in &frontier {
            for x in tree.children_rel(v, "xcomp") {
                toks.extend(tree.children_rel(x, "obj"));
                toks.extend(tree.children_rel(x, "iobj"));
                toks.extend(participants(tree, x));
                for o in tree.children_rel(x, "obj") {
                    toks.extend(participants(tree, o));
                }
                next.push(x);
            }
        }
        frontier = next;
    }
    for o in tree.children_rel(i, "obj") {
        toks.extend(participants(tree, o));
    }
    // The trigger is itself a complement ("offered to hand over X to Y").
    if tree.base_rel(i) == "xcomp" {
        toks.extend(participants(tree, i));
    }
    let mut out = Vec::new();
    for t in toks {
        for a in r.actors_of(t) {
            if !out.contains(&a) {
                out.push(a);
            }
        }
    }
    out
}

/// The party a condition is put to ("… unless Baghdad accepts", "… if Hamas runs"):
/// the actors of the subject of a conditional clause on any verb of `chain`, and
/// whether the condition is an ultimatum ("unless").
pub(crate) fn condition_subject(r: &Resolver, chain: &[usize]) -> Option<(Vec<usize>, bool)> {
    let tree = r.tree;
    for &v in chain {
        for c in tree.children_rel(v, "advcl") {
            let Some(m) = mark_of(tree, c) else {
                continue;
            };
            if !CONDITION.contains(&m.as_str()) {
                continue;
            }
            if let Some(s) = tree.child_rel(c, "nsubj") {
                let actors = r.actors_of(s);
                if !actors.is_empty() {
                    return Some((actors, m == "unless"));
                }
            }
        }
    }
    // The parser often hangs the condition lower down ("threatened to stop talks to
    // reduce weapons if the United States goes ahead" with the "if" clause on
    // "weapons"): any conditional clause inside the chain's phrase.
    let mut stack: Vec<usize> = chain.to_vec();
    let mut seen = 0;
    while let Some(v) = stack.pop() {
        seen += 1;
        if seen > 200 {
            break;
        }
        for &c in tree.children(v) {
            if chain.contains(&c) {
                continue;
            }
            if let Some(m) = mark_of(tree, c).filter(|m| CONDITION.contains(&m.as_str())) {
                if let Some(s) = tree.child_rel(c, "nsubj") {
                    let actors = r.actors_of(s);
                    if !actors.is_empty() {
                        return Some((actors, m == "unless"));
                    }
                }
            }
            stack.push(c);
        }
    }
    None
}

/// The author of what the object of `i` names ("rejected the reasons given by
/// Algiers", "dismissed a plan drawn up by Cairo"): the agent of a participle on the
/// object.
pub(crate) fn object_author(r: &Resolver, i: usize, object: Option<usize>) -> Vec<usize> {
    let tree = r.tree;
    let mut out = Vec::new();
    for o in object.into_iter().chain(tree.children_rel(i, "obj")) {
        for c in tree.children(o).iter().copied() {
            if tree.base_rel(c) != "acl" || !tree.is_verb(c) {
                continue;
            }
            if let Some(a) = r.agent(c) {
                for x in r.actors_of(a) {
                    if !out.contains(&x) {
                        out.push(x);
                    }
                }
            }
        }
    }
    out
}

/// The subject of a "that" clause completing the noun `i` ("its demand that Israel
/// ease …", "the call for X to …" excluded): the party the noun's act is aimed at.
pub(crate) fn noun_clause_subject(r: &Resolver, i: usize) -> Vec<usize> {
    let tree = r.tree;
    for c in tree.children(i).iter().copied() {
        if !matches!(tree.base_rel(c), "acl" | "ccomp")
            || mark_of(tree, c).as_deref() != Some("that")
        {
            continue;
        }
        if let Some(s) = tree.child_rel(c, "nsubj") {
            return r.actors_of(s);
        }
    }
    Vec::new()
}

/// Actors of the participant nominals of `i` and of its object ("withdraw its troops
/// *from Lebanon*"): other candidates for the target when the one found is the
/// source's own country.
pub(crate) fn participant_actors(r: &Resolver, i: usize, object: Option<usize>) -> Vec<usize> {
    let tree = r.tree;
    let mut toks = participants(tree, i);
    for o in object.into_iter().chain(tree.children_rel(i, "obj")) {
        toks.extend(participants(tree, o));
    }
    let mut out = Vec::new();
    for t in toks {
        for a in r.actors_of(t) {
            if !out.contains(&a) {
                out.push(a);
            }
        }
    }
    for a in complement_targets(r, i) {
        if !out.contains(&a) {
            out.push(a);
        }
    }
    out
}

/// Nominal dependents of `h` introduced by a participant preposition.
fn participants(tree: &Tree, h: usize) -> Vec<usize> {
    tree.children(h)
        .iter()
        .copied()
        .filter(|&c| {
            matches!(tree.base_rel(c), "obl" | "nmod")
                && tree.deprel(c) != "nmod:poss"
                && tree
                    .case_of(c)
                    .is_some_and(|p| PARTICIPANT.contains(&p.as_str()))
        })
        .collect()
}

/// Merges the events of one sentence:
/// - an event from a purpose clause lends its target to the untargeted event of the
///   clause it explains and is dropped; an untargeted purpose is dropped too;
/// - an untargeted event whose complement coded an event of the same source takes
///   that event's target, and the complement (what was threatened, promised,
///   demanded) is dropped;
/// - an event coded for the same trigger and source both with and without a target
///   keeps only the targeted one;
/// - a target of the source's own country is dropped when the same trigger found a
///   target of another country, or replaced by another participant of the trigger.
pub(crate) fn merge(
    r: &Resolver,
    fired: &[usize],
    key: &dyn Fn(usize) -> String,
    out: &mut Vec<Coded>,
) {
    let tree = r.tree;
    let n = out.len();
    let mut drop = vec![false; n];
    // Purpose clauses.
    for k in 0..n {
        let Some(h) = purpose_of(r, out[k].token, fired) else {
            continue;
        };
        let heads: Vec<usize> = (0..n).filter(|&j| out[j].token == h && !drop[j]).collect();
        if heads.is_empty() {
            continue;
        }
        match out[k].target {
            // A purpose without a participant adds nothing to the event it explains.
            None => drop[k] = true,
            Some(g) => {
                for j in heads {
                    if out[j].target.is_none() && key(out[j].source) == key(out[k].source) {
                        out[j].target = Some(g);
                        drop[k] = true;
                    }
                }
            }
        }
    }
    // Complements of untargeted events ("threatened to break relations with X" read
    // with the complement as a separate trigger).
    for e in 0..n {
        if drop[e] || out[e].target.is_some() {
            continue;
        }
        let ev = out[e].token;
        let found = (0..n).find(|&f| {
            f != e
                && !drop[f]
                && out[f].target.is_some()
                && key(out[f].source) == key(out[e].source)
                && is_complement_of(tree, out[f].token, ev)
        });
        if let Some(f) = found {
            out[e].target = out[f].target;
            drop[f] = true;
        }
    }
    // Same trigger and source, with and without a target; self-targets beside
    // another target.
    for e in 0..n {
        if drop[e] {
            continue;
        }
        let same = |f: usize| {
            f != e
                && !drop[f]
                && out[f].token == out[e].token
                && key(out[f].source) == key(out[e].source)
        };
        match out[e].target {
            None => {
                if (0..n).any(|f| same(f) && out[f].target.is_some()) {
                    drop[e] = true;
                }
            }
            Some(g) if key(g) == key(out[e].source) => {
                if (0..n).any(|f| same(f) && out[f].target.is_some_and(|h| key(h) != key(g))) {
                    drop[e] = true;
                } else if let Some(&alt) = out[e]
                    .alternates
                    .iter()
                    .find(|&&a| key(a) != key(out[e].source))
                {
                    // "withdraw its troops from Lebanon": the other party.
                    out[e].target = Some(alt);
                }
            }
            Some(_) => {}
        }
    }
    let mut k = 0;
    out.retain(|_| {
        k += 1;
        !drop[k - 1]
    });
}

/// True when `f` heads an `xcomp` complement of `e` (directly or through another
/// complement).
fn is_complement_of(tree: &Tree, f: usize, e: usize) -> bool {
    let mut cur = f;
    for _ in 0..3 {
        if tree.base_rel(cur) != "xcomp" {
            return false;
        }
        match tree.head(cur) {
            Some(h) if h == e => return true,
            Some(h) => cur = h,
            None => return false,
        }
    }
    false
}

/// How an event's trigger hangs under another event's trigger.
pub(crate) struct Governor {
    /// The governing trigger.
    pub token: usize,
    /// The relation of the last step up to it.
    pub rel: String,
    /// The path crossed a free participial clause ("shelled the town, killing …").
    pub participle: bool,
}

/// For verb dictionaries that code verb phrases (PETRARCH's): drops events whose
/// trigger is a non-finite verb without a subject of its own ("after leaving X",
/// "urged Y to help …") inside the clause of another event; such a phrase is part of
/// the governing act.
pub(crate) fn drop_nonfinite_embedded(tree: &Tree, lex: &Lexicon, out: &mut Vec<Coded>) {
    let tokens: Vec<usize> = out.iter().map(|c| c.token).collect();
    let nonfinite = |k: usize| {
        tree.is_verb(k)
            && matches!(tree.tokens[k].xpos.as_str(), "VB" | "VBG")
            && tree.child_rel(k, "nsubj").is_none()
            && !tree
                .children(k)
                .iter()
                .any(|&a| tree.base_rel(a) == "aux" && tree.tokens[a].xpos == "MD")
    };
    out.retain(|c| {
        !(nonfinite(c.token)
            && governing_event(tree, lex, c.token, &tokens).is_some_and(|g| g.token != c.token))
    });
}

/// The event trigger among `tokens` that governs trigger `i`: the nearest ancestor
/// that is one, climbing past coordination (a conjunct is a sibling event, not a
/// part of it) and stopping at a verb of speech (what is said is reported in its own
/// right), at parataxis and at a subject (an act named in the subject is not part of
/// the predicate's act).
pub(crate) fn governing_event(
    tree: &Tree,
    lex: &Lexicon,
    i: usize,
    tokens: &[usize],
) -> Option<Governor> {
    let mut cur = i;
    let mut participle = false;
    for _ in 0..tree.len().min(12) {
        let rel = tree.base_rel(cur);
        if matches!(rel, "parataxis" | "nsubj" | "csubj") {
            return None;
        }
        participle |= is_free_participle(tree, cur);
        let h = tree.head(cur)?;
        if h == i {
            return None;
        }
        // "disperse demonstrators protesting the results": what a party named in
        // the act is doing is an act of its own.
        if rel == "acl" && tree.tokens[cur].xpos == "VBG" && tree.is_noun(h) && !tokens.contains(&h)
        {
            return None;
        }
        if rel != "conj" {
            if tokens.contains(&h) {
                return Some(Governor {
                    token: h,
                    rel: rel.to_string(),
                    participle,
                });
            }
            if tree.is_verb(h) && lex.is_speech(tree.lemma(h)) {
                return None;
            }
        }
        cur = h;
    }
    None
}

/// The family of a CAMEO code for telling an elaboration from a second act:
/// its root, with the three roots of force (18, 19, 20) as one.
fn family(code: &str) -> &str {
    match code.get(..2) {
        Some("18" | "19" | "20") => "force",
        Some(root) => root,
        None => code,
    }
}

/// True when `c` heads a free participial clause ("broke off relations, accusing
/// Rabat of …"; "wrote to his counterpart, asking for a meeting"): a second act of
/// the same subject told alongside the first, not a part of it.
fn is_free_participle(tree: &Tree, c: usize) -> bool {
    tree.base_rel(c) == "advcl"
        && tree.is_verb(c)
        && tree.tokens[c].xpos == "VBG"
        && mark_of(tree, c).is_none()
        && tree.child_rel(c, "nsubj").is_none()
}

/// Drops events whose trigger sits inside the clause or phrase of another event of
/// the sentence: what was demanded, offered, protested against or given as the
/// background of the main act ("rejected a US offer to host a summit", "imposed
/// tariffs after Canberra called for an inquiry") is part of that act, not another.
/// - Statements (CAMEO 01) govern nothing: what they state is reported in its own
///   right; an act flagged as historical is an event of its own time.
/// - A free participle is a second act unless it is of the same family as the act
///   it hangs on ("shelled the town, killing 20").
/// - When the embedded act is the governing verb's object ("staged a hunger strike
///   against X") and only it names a target, it stands for the act instead.
/// - A nominal act of the same family with other parties, inside a nominal act, is
///   listed beside it, not part of it.
pub(crate) fn drop_embedded(tree: &Tree, lex: &Lexicon, out: &mut Vec<Coded>) {
    let n = out.len();
    let tokens: Vec<usize> = out
        .iter()
        .filter(|c| !c.code.starts_with("01"))
        .map(|c| c.token)
        .collect();
    let mut drop = vec![false; n];
    for k in 0..n {
        // A background act dated apart from the main one ("since Russia's operation
        // in February 2022") is an event of its own time.
        if out[k].flags.historical {
            continue;
        }
        let Some(g) = governing_event(tree, lex, out[k].token, &tokens) else {
            continue;
        };
        let (h, rel) = (g.token, g.rel);
        let heads: Vec<usize> = (0..n).filter(|&j| out[j].token == h).collect();
        // A free participle is a second act ("closed its embassy, accusing Rabat of
        // …") unless it tells more of the same one ("shelled the town, killing 20").
        if g.participle
            && !heads
                .iter()
                .any(|&j| family(&out[j].code) == family(&out[k].code))
        {
            continue;
        }
        // A nominal act of the same family listed inside another with parties of
        // its own ("contacts between Moscow and Paris, as well as Russia's channels
        // with the United States" read as one phrase) is a second act.
        let listed = tree.is_noun(out[k].token)
            && tree.is_noun(h)
            && heads.iter().all(|&j| {
                family(&out[j].code) == family(&out[k].code)
                    && out[j].source != out[k].source
                    && out[j].target != out[k].target
            });
        if listed && out[k].target.is_some() {
            continue;
        }
        let object = rel == "obj" && tree.head(out[k].token) == Some(h);
        if object && out[k].target.is_some() && heads.iter().all(|&j| out[j].target.is_none()) {
            for j in heads {
                drop[j] = true;
            }
        } else {
            drop[k] = true;
        }
    }
    let mut k = 0;
    out.retain(|_| {
        k += 1;
        !drop[k - 1]
    });
}
