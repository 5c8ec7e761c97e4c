//! The coding engine: triggers on the dependency tree, then source, target, flags,
//! intent and speaker for each.

pub(crate) mod args;
pub(crate) mod clauses;
pub(crate) mod matcher;
pub(crate) mod modality;
pub(crate) mod repair;
pub(crate) mod speech;
pub(crate) mod tree;

use parley_types::{Actor, EventFlags, Token};

use crate::pattern::{PatternSet, TargetSlot, TriggerKind};
use args::Resolver;
use matcher::Trigger;
use modality::{Control, Lexicon};
use tree::Tree;

/// An actor mention located on the sentence's tokens.
#[derive(Debug, Clone)]
pub(crate) struct ActorRef {
    pub actor: Actor,
    /// Token range `[start, end)` the mention covers.
    pub start: usize,
    pub end: usize,
}

/// One event found in a sentence, with indices into the sentence's actors.
#[derive(Debug, Clone)]
pub(crate) struct Coded {
    pub code: String,
    pub source: usize,
    pub target: Option<usize>,
    pub flags: EventFlags,
    pub speaker: Option<usize>,
    pub quoted: bool,
    /// Trigger token range (first, last) for the evidence span.
    pub trigger: (usize, usize),
    /// The trigger's head token (the clause it belongs to).
    pub token: usize,
    /// Other participants of the trigger, candidates when the target is the
    /// source's own side.
    pub alternates: Vec<usize>,
    pub rule: String,
}

/// Why a candidate trigger did or did not become an event (for `parley explain`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    /// The trigger word.
    pub trigger: String,
    /// The rule that matched.
    pub rule: String,
    /// What happened: `coded …` or the reason it was dropped.
    pub outcome: String,
}

/// Context from outside the sentence.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Context {
    pub doc_year: Option<i32>,
    /// A speaker found in a neighbouring sentence, for quotes whose attribution sits
    /// elsewhere.
    pub neighbour_speaker: Option<usize>,
    /// A foreign (PETRARCH) dictionary: codes are used as written (no intent or
    /// refusal mapping, no demands from speech) and targets fall back to the first
    /// actor after the verb, as PETRARCH does.
    pub foreign: bool,
}

/// Codes one sentence.
#[cfg(test)]
pub(crate) fn code_sentence(
    set: &PatternSet,
    lex: &Lexicon,
    tokens: &[Token],
    actors: &[ActorRef],
    ctx: Context,
    explain: Option<&mut Vec<Decision>>,
) -> Vec<Coded> {
    let mut repairs = Vec::new();
    let tokens = repair::repair_noting(tokens, lex, &mut repairs);
    code_repaired(set, lex, &tokens, &repairs, actors, ctx, explain)
}

/// Codes one sentence whose tree [`repair::repair_noting`] has already repaired
/// (`repairs` as it noted them, for `explain`).
#[allow(clippy::too_many_arguments)]
pub(crate) fn code_repaired(
    set: &PatternSet,
    lex: &Lexicon,
    tokens: &[Token],
    repairs: &[(usize, &'static str)],
    actors: &[ActorRef],
    ctx: Context,
    mut explain: Option<&mut Vec<Decision>>,
) -> Vec<Coded> {
    if let Some(log) = explain.as_deref_mut() {
        for &(i, what) in repairs {
            log.push(Decision {
                trigger: tokens[i].text.clone(),
                rule: "tree repair".into(),
                outcome: format!("{what} (the tree above is before repair)"),
            });
        }
    }
    let tree = Tree::new(tokens);
    let mut in_actor = vec![None; tokens.len()];
    for (k, a) in actors.iter().enumerate() {
        for slot in in_actor
            .iter_mut()
            .take(a.end.min(tokens.len()))
            .skip(a.start)
        {
            slot.get_or_insert(k);
        }
    }
    let canon: Vec<usize> = actors
        .iter()
        .enumerate()
        .map(|(k, a)| {
            actors
                .iter()
                .position(|b| b.actor.code == a.actor.code)
                .unwrap_or(k)
        })
        .collect();
    let place: Vec<bool> = actors
        .iter()
        .map(|a| {
            let x = &a.actor;
            x.country.is_some()
                && x.name.is_none()
                && matches!(x.sector.as_deref(), None | Some("GOV"))
                && (a.start..a.end.min(tokens.len())).any(|k| tokens[k].upos == "PROPN")
                && (a.start..a.end.min(tokens.len())).all(|k| tokens[k].upos != "PRON")
        })
        .collect();
    let together: Vec<Vec<usize>> = actors
        .iter()
        .enumerate()
        .map(|(k, a)| {
            (0..actors.len())
                .filter(|&j| j != k && actors[j].start == a.start && actors[j].end == a.end)
                .collect()
        })
        .collect();
    let resolver = Resolver {
        canon: &canon,
        tree: &tree,
        in_actor: &in_actor,
        place: &place,
        together: &together,
    };

    // 1. Triggers.
    let mut triggers: Vec<Trigger> = Vec::new();
    for i in 0..tokens.len() {
        if in_actor[i].is_some()
            || lex.is_speech(tree.lemma(i)) && tree.is_verb(i) && !set.has_head(tree.lemma(i))
        {
            continue;
        }
        if let Some(t) = matcher::best_match(&tree, set, i, &in_actor) {
            triggers.push(t);
        }
    }
    // A noun trigger that is the object of a verb trigger is part of it ("imposed
    // sanctions"); a control verb whose complement fired is carried by it.
    let fired: Vec<usize> = triggers.iter().map(|t| t.token).collect();
    let covered: Vec<usize> = triggers.iter().filter_map(|t| t.object).collect();
    triggers.retain(|t| !covered.contains(&t.token));
    // What someone is accused of is alleged, not done ("accused X of attacking").
    let accusers: Vec<usize> = triggers
        .iter()
        .filter(|t| {
            set.get(t.pattern)
                .is_some_and(|p| p.code.starts_with("11") && !set.any_part_of_speech())
        })
        .map(|t| t.token)
        .collect();
    triggers.retain(|t| {
        // "accused X of violating …, ignoring … and sending …": every conjunct.
        let mut k = t.token;
        for _ in 0..4 {
            match tree.head(k) {
                Some(h) if tree.base_rel(k) == "conj" && tree.is_verb(h) => k = h,
                _ => break,
            }
        }
        let alleged = tree.head(k).is_some_and(|h| accusers.contains(&h))
            && matches!(tree.base_rel(k), "advcl" | "ccomp" | "acl")
            && tree
                .children_rel(k, "mark")
                .any(|m| matches!(tree.lemma(m).to_ascii_lowercase().as_str(), "of" | "for"));
        !alleged && !alleged_in_list(&tree, &accusers, t.token)
    });
    // A control verb whose pattern names its complement ("prepare to resume …",
    // written as a construction with `r:` and `m:`) codes the whole; otherwise the
    // complement does, its code adjusted for the control verb.
    let construction = |tok: usize| {
        triggers.iter().any(|t| {
            t.token == tok
                && set
                    .get(t.pattern)
                    .is_some_and(|p| !p.requires.is_empty() && !p.modifier.is_empty())
        })
    };
    let mut controllers: Vec<usize> = Vec::new();
    let mut carried: Vec<usize> = Vec::new();
    for t in &triggers {
        let ch = modality::chain(&tree, lex, t.token);
        if let Some((c, _)) = ch.control {
            if c != t.token {
                if construction(c) && !set.any_part_of_speech() {
                    carried.push(t.token);
                } else {
                    controllers.push(c);
                }
            }
        }
    }
    triggers.retain(|t| {
        !covered.contains(&t.token)
            && !controllers.contains(&t.token)
            && !carried.contains(&t.token)
    });
    // The condition of an event ("… unless X closes its base") is not an event.
    let conditions: Vec<usize> = triggers
        .iter()
        .map(|t| t.token)
        .filter(|&i| clauses::is_condition(&tree, i, &fired))
        .collect();
    if let Some(log) = explain.as_deref_mut() {
        for &i in &conditions {
            log.push(Decision {
                trigger: tokens[i].text.clone(),
                rule: "condition".into(),
                outcome: "the condition of another event, not coded".into(),
            });
        }
    }
    triggers.retain(|t| !conditions.contains(&t.token));

    let speech = speech::Speech::new(&tree, lex, &resolver);
    let mut out = Vec::new();
    for t in &triggers {
        let Some(p) = set.get(t.pattern) else {
            continue;
        };
        let before = out.len();
        let reason = code_trigger(&tree, lex, &resolver, &speech, p, t, ctx, &mut out);
        // "workers protested in Belgrade": a protest by people rather than by a state
        // or its officials is a demonstration (141), not an official complaint (11x).
        if !ctx.foreign && tree.lemma(t.token).eq_ignore_ascii_case("protest") {
            for c in &mut out[before..] {
                let public = actors
                    .get(c.source)
                    .and_then(|a| a.actor.sector.as_deref())
                    .is_some_and(|s| PUBLIC.contains(&s));
                if c.code.starts_with("11") && public {
                    c.code = "141".into();
                    c.rule = format!("{} (a protest by people, not officials: 141)", c.rule);
                }
            }
        }
        if let Some(log) = explain.as_deref_mut() {
            let outcome = match reason {
                Some(r) => r,
                None => format!("coded {} event(s)", out.len() - before),
            };
            log.push(Decision {
                trigger: tokens[t.token].text.clone(),
                rule: p.rule.clone(),
                outcome,
            });
        }
    }
    // Demands in reported speech: "X said Y must …".
    for d in speech
        .demands(&tree, lex, &resolver, &fired)
        .into_iter()
        .filter(|_| !ctx.foreign)
    {
        out.push(d);
    }
    let key = |a: usize| {
        actors
            .get(a)
            .map(|x| x.actor.key().to_string())
            .unwrap_or_default()
    };
    let fired: Vec<usize> = triggers.iter().map(|t| t.token).collect();
    clauses::merge(&resolver, &fired, &key, &mut out);
    if ctx.foreign {
        clauses::drop_nonfinite_embedded(&tree, lex, &mut out);
    } else {
        clauses::drop_embedded(&tree, lex, &mut out);
    }
    out
}

/// "accused X of violating rights, ignoring the law and sending …" with the list
/// torn apart by the parser: a bare gerund (no subject, subordinator or auxiliary)
/// after an accusation's "of"/"for" + gerund, with only the list's words between
/// them (no other finite verb, no stronger stop than a comma).
fn alleged_in_list(tree: &Tree, accusers: &[usize], i: usize) -> bool {
    let bare = tree.tokens[i].xpos == "VBG"
        && !tree
            .children(i)
            .iter()
            .any(|&c| matches!(tree.base_rel(c), "nsubj" | "mark" | "aux"));
    let Some(&a) = accusers.iter().filter(|&&a| a < i).max().filter(|_| bare) else {
        return false;
    };
    let mut opened = false;
    for k in a + 1..i {
        let word = tree.tokens[k].text.to_ascii_lowercase();
        if matches!(word.as_str(), ";" | ":" | "." | "\"" | "but") {
            return false;
        }
        if matches!(tree.tokens[k].xpos.as_str(), "VBD" | "VBZ" | "VBP" | "MD") {
            return false;
        }
        if matches!(word.as_str(), "of" | "for")
            && tree.tokens.get(k + 1).is_some_and(|n| n.xpos == "VBG")
        {
            opened = true;
        }
    }
    opened
}

/// Codes one trigger into `out`; returns why nothing was coded, if so.
#[allow(clippy::too_many_arguments)]
fn code_trigger(
    tree: &Tree,
    lex: &Lexicon,
    r: &Resolver,
    speech: &speech::Speech,
    p: &crate::pattern::Pattern,
    t: &Trigger,
    ctx: Context,
    out: &mut Vec<Coded>,
) -> Option<String> {
    let i = t.token;
    let ch = modality::chain(tree, lex, i);
    if speech.is_demanded(tree, lex, ch.tokens.last().copied().unwrap_or(i)) {
        return Some("demanded in reported speech, not done".into());
    }
    // "Yanukovych's campaign said …": a nominal act that is the subject of saying
    // is the body that speaks.
    if p.kind == TriggerKind::Noun
        && tree.base_rel(i) == "nsubj"
        && tree.head(i).is_some_and(|h| lex.is_speech(tree.lemma(h)))
    {
        return Some("the subject of a verb of saying: a speaker, not an act".into());
    }
    let mut flags = modality::flags(tree, &ch, ctx.doc_year);
    let passive = (tree.is_verb(i) || tree.is_participle(i)) && tree.is_passive(i);
    // "forces were engaged in ethnic cleansing", "groups involved in the attacks": a
    // passive form without an agent that tells what its subject does.
    let stative = passive
        && r.agent(i).is_none()
        && STATIVE.contains(&tree.lemma(i).to_ascii_lowercase().as_str());
    let stative_subject = stative.then(|| tree.child_rel(i, "nsubj:pass")).flatten();
    let passive = passive && !stative;

    // Sources and targets as actor indices.
    let mut sources: Vec<usize> = Vec::new();
    let mut targets: Vec<usize> = Vec::new();
    let mut source_tok: Option<usize> = None;
    if let Some(s) = t.linear_source {
        sources = r.in_actor[s].into_iter().collect();
    }
    if let Some(g) = t.linear_target {
        targets = r.in_actor[g].into_iter().collect();
    }
    let is_noun = p.kind == TriggerKind::Noun || tree.is_noun(i);
    // "rejected an Australian ultimatum", "accepted the Indian offer": a nominal
    // carried by a control verb is done by the verb's subject, and the national
    // modifier names the party whose act it is, the target.
    let controlled: Option<(usize, Vec<usize>)> = ch
        .control
        .filter(|&(c, _)| !ctx.foreign && c != i && tree.head(i) == Some(c))
        .and_then(|(c, _)| r.subject(c))
        .map(|s| (s, r.actors_of(s)))
        .filter(|(_, a)| !a.is_empty());
    if sources.is_empty() {
        if is_noun && p.target == TargetSlot::Modifier {
            // A label: the speaker (first person) or the governing clause's subject
            // calls the modifier's actor something.
            source_tok = tree
                .child_rel(i, "nmod:poss")
                .or_else(|| tree.child_rel(i, "nsubj"));
            if let Some(h) = tree.head(i).filter(|_| source_tok.is_none()) {
                source_tok = r.subject(h);
            }
            sources = source_tok.map(|s| r.actors_of(s)).unwrap_or_default();
        } else if let Some((s, a)) = controlled.as_ref().filter(|_| is_noun) {
            source_tok = Some(*s);
            sources = a.clone();
        } else if is_noun {
            sources = noun_sources(tree, r, i);
            source_tok = tree
                .child_rel(i, "nsubj")
                .or_else(|| tree.child_rel(i, "nmod:poss"));
        } else if passive {
            if let Some(a) = r.agent(i) {
                sources = r.actors_of(a);
            } else if matches!(tree.base_rel(i), "acl" | "amod") {
                if let Some(s) = r.subject(i) {
                    sources = r.actors_of(s);
                }
            }
        } else if let Some(s) = stative_subject.or_else(|| r.subject(i)) {
            source_tok = Some(s);
            sources = r.actors_of(s);
            // Two subjects on one verb: a coordination the parser split ("Fornost and
            // the evil awful Gondor welcomed …").
            if let Some(h) = tree.head(s) {
                let joined = |o: usize| {
                    let (a, b) = (o.min(s), o.max(s));
                    b < h
                        && (a + 1..b).any(|k| tree.upos(k) == "CCONJ")
                        && (a + 1..b).all(|k| !matches!(tree.upos(k), "VERB" | "AUX" | "PRON"))
                };
                for other in tree
                    .children_rel(h, "nsubj")
                    .filter(|&o| o != s && joined(o))
                {
                    for a in r.actors_of(other) {
                        if !sources.contains(&a) {
                            sources.push(a);
                        }
                    }
                }
            }
            if sources.is_empty()
                && args::RELATIVE.contains(&tree.lemma(s).to_ascii_lowercase().as_str())
            {
                // "Australia, which condemned …" parsed without the relative clause.
                sources.extend(r.actor_before(s));
            }
        }
        let participle = matches!(tree.base_rel(i), "acl" | "amod") && r.agent(i).is_none();
        // The words before "to demand" are no subject of the infinitive.
        let infinitive = tree
            .children_rel(i, "mark")
            .any(|m| tree.lemma(m).eq_ignore_ascii_case("to"));
        if sources.is_empty() && (!passive || participle) && !is_noun && !infinitive {
            // Parser fallback: "Moscow sent troops" with "Moscow" misread; the
            // actor right before the verb.
            sources.extend(r.actor_before(i));
        }
    }
    if targets.is_empty() && t.linear_target.is_none() {
        let mut toks: Vec<usize> = Vec::new();
        if passive {
            toks.extend(
                tree.children(i)
                    .iter()
                    .copied()
                    .filter(|&c| tree.deprel(c) == "nsubj:pass"),
            );
            if toks.is_empty() && matches!(tree.base_rel(i), "acl" | "amod") {
                toks.extend(tree.head(i));
            }
        }
        // A light verb's obliques count for its noun ("held talks with X").
        let host = if is_noun && matches!(tree.base_rel(i), "obj") {
            tree.head(i)
        } else {
            None
        };
        match &p.target {
            TargetSlot::Nothing => {}
            TargetSlot::Modifier => {
                toks.extend(tree.children(i).iter().copied().filter(|&c| {
                    matches!(tree.deprel(c), "amod" | "compound" | "nmod:poss")
                        && !r.is_first_person(c)
                }));
            }
            TargetSlot::Object => {
                toks.extend(tree.children_rel(i, "obj"));
                toks.extend(tree.children_rel(i, "iobj"));
            }
            TargetSlot::Preposition(preps) => {
                toks.extend(r.prepositional(i, t.object, preps));
                if let Some(h) = host {
                    toks.extend(r.prepositional(h, None, preps));
                }
                if preps.iter().any(|p| p == "obj") || (toks.is_empty() && !is_noun) {
                    toks.extend(tree.children_rel(i, "obj"));
                    toks.extend(tree.children_rel(i, "iobj"));
                }
                if toks.is_empty() && is_noun {
                    toks.extend(linear_target(tree, r, i, preps));
                }
                // "rallies in the Gaza Strip against the leader": a party named
                // outright beats the place the act happens in.
                let place = |c: usize| {
                    tree.case_of(c).is_some_and(|k| {
                        matches!(k.as_str(), "in" | "at" | "outside" | "inside" | "near")
                    })
                };
                if toks.iter().any(|&c| place(c))
                    && toks
                        .iter()
                        .any(|&c| !place(c) && !r.actors_of(c).is_empty())
                {
                    toks.retain(|&c| !place(c));
                }
            }
            TargetSlot::Default => {
                toks.extend(r.default_targets(i, t.object));
                if let Some(h) = host {
                    toks.extend(r.default_targets(h, None).into_iter().filter(|&c| c != i));
                }
            }
        }
        for tok in toks {
            for a in r.actors_of(tok) {
                if !targets.contains(&a) {
                    targets.push(a);
                }
            }
        }
    }
    // "donated and delivered medicine to X", "seized and burned the embassy":
    // coordinated verbs that share a subject share their objects too.
    if targets.is_empty() && !is_noun && !passive && t.linear_target.is_none() {
        let own_subject = |v: usize| tree.child_rel(v, "nsubj").is_some();
        let mut partners: Vec<usize> = tree
            .children_rel(i, "conj")
            .filter(|&c| tree.is_verb(c) && !own_subject(c))
            .collect();
        if tree.base_rel(i) == "conj" && !own_subject(i) {
            partners.extend(tree.head(i).filter(|&h| tree.is_verb(h)));
        }
        for v in partners {
            let mut toks: Vec<usize> = Vec::new();
            match &p.target {
                TargetSlot::Object => {
                    toks.extend(tree.children_rel(v, "obj"));
                    toks.extend(tree.children_rel(v, "iobj"));
                }
                TargetSlot::Preposition(preps) => {
                    toks.extend(r.prepositional(v, None, preps));
                    if preps.iter().any(|p| p == "obj") {
                        toks.extend(tree.children_rel(v, "obj"));
                    }
                }
                TargetSlot::Default => toks.extend(r.default_targets(v, None)),
                TargetSlot::Nothing | TargetSlot::Modifier => {}
            }
            for tok in toks {
                for a in r.actors_of(tok) {
                    if !sources.contains(&a) && !targets.contains(&a) {
                        targets.push(a);
                    }
                }
            }
            if !targets.is_empty() {
                break;
            }
        }
    }
    // "demanded that France stop …": the subject of the demanded clause.
    if targets.is_empty() && !is_noun && p.target != TargetSlot::Nothing {
        // "accused Damascus of carrying out": the subject of the "of" clause.
        let complement = |c: usize| {
            tree.base_rel(c) == "ccomp"
                || (tree.base_rel(c) == "advcl"
                    && tree.children_rel(c, "mark").any(|m| {
                        matches!(tree.lemma(m).to_ascii_lowercase().as_str(), "of" | "for")
                    }))
        };
        if let Some(c) = tree.children(i).iter().copied().find(|&c| complement(c)) {
            if let Some(subj) = tree.child_rel(c, "nsubj") {
                targets = r.actors_of(subj);
            }
        }
    }
    // "threatened to deliver blows to X": the complement's participants.
    if targets.is_empty() && !is_noun && p.target != TargetSlot::Nothing && !ctx.foreign {
        targets = clauses::complement_targets(r, i)
            .into_iter()
            .filter(|a| !sources.contains(a))
            .collect();
    }
    // "reiterated its demand that Israel ease …": the subject of the noun's clause.
    if targets.is_empty() && p.target != TargetSlot::Nothing && !ctx.foreign {
        let noun = if is_noun { Some(i) } else { t.object };
        if let Some(n) = noun {
            targets = clauses::noun_clause_subject(r, n)
                .into_iter()
                .filter(|a| !sources.contains(a))
                .collect();
        }
    }
    if targets.is_empty() && is_noun && controlled.is_some() {
        targets = tree
            .children(i)
            .iter()
            .filter(|&&c| matches!(tree.deprel(c), "amod" | "compound" | "nmod:poss"))
            .filter_map(|&c| r.in_actor[c])
            .filter(|a| !sources.contains(a))
            .collect();
    }
    // "suspended activities under the China-Australia dialogue": a pair named in the
    // object (or in the nominal trigger itself); the member that is not the source.
    if targets.is_empty() && p.target != TargetSlot::Nothing && !ctx.foreign {
        let phrases: Vec<usize> = if is_noun {
            vec![i]
        } else {
            t.object
                .into_iter()
                .chain(tree.children_rel(i, "obj"))
                .collect()
        };
        for ph in phrases {
            for a in r.hyphen_pair(ph) {
                if !targets.contains(&a) {
                    targets.push(a);
                }
            }
        }
    }
    if targets.is_empty() && p.target != TargetSlot::Nothing && !ctx.foreign && !is_noun {
        targets = clauses::object_author(r, i, t.object)
            .into_iter()
            .filter(|a| !sources.contains(a))
            .collect();
    }
    let linear = match &p.target {
        TargetSlot::Preposition(preps) if !ctx.foreign && !is_noun => {
            let from = t.object.filter(|&o| o > i).unwrap_or(i);
            linear_participant(tree, r, from, preps)
                .or_else(|| {
                    // "ordered former president X to appear" with X misattached: a
                    // pattern that takes an object reads the noun phrase after the verb.
                    let takes_object = preps.iter().any(|p| p == "obj");
                    (takes_object && !passive)
                        .then(|| linear_object(tree, r, i))
                        .flatten()
                })
                .filter(|a| !sources.contains(a))
        }
        TargetSlot::Object | TargetSlot::Default if !ctx.foreign && !is_noun && !passive => {
            linear_object(tree, r, i).filter(|a| !sources.contains(a))
        }
        _ => None,
    };
    if targets.is_empty() {
        targets.extend(linear);
    }
    // "demanding that President Mugabe abandon …", "its demand that Israel ease …"
    // with the subjunctive verb misread as a noun: the party after "that" is the one
    // asked.
    let own = |a: usize| sources.iter().any(|&s| r.party(s) == r.party(a));
    if targets.iter().all(|&a| own(a)) && !ctx.foreign && p.code.starts_with("10") {
        let from = t.object.filter(|&o| o > i).unwrap_or(i);
        if let Some(a) = demanded_party(tree, r, from).filter(|&a| !own(a)) {
            targets = vec![a];
        }
    }
    if targets.is_empty() && ctx.foreign {
        if let Some(a) =
            (i + 1..tree.len()).find_map(|k| r.in_actor[k].filter(|a| !sources.contains(a)))
        {
            targets.push(a);
        }
    }
    // Speaker and first-person sources inside quotes.
    let (speaker, quoted) = speech.speaker_of(tree, lex, r, ch.tokens.last().copied().unwrap_or(i));
    // "said the raid was “an authoritarian act”": the clause's predicate is quoted,
    // the act it talks about is not the speaker's.
    let quoted = quoted && speech.is_quoted(i);
    let speaker = speaker.or(if quoted { ctx.neighbour_speaker } else { None });
    if sources.is_empty() {
        let first_person = source_tok.is_some_and(|s| r.is_first_person(s));
        if let (Some(sp), true) = (speaker, first_person || (quoted && source_tok.is_none())) {
            sources.push(sp);
        }
    }
    if sources.is_empty() {
        return Some("no source actor".into());
    }
    if p.target == TargetSlot::Modifier && targets.is_empty() {
        return Some("a label without a labelled actor".into());
    }
    // "the Syrian war", "French officials": a national modifier alone does not make
    // a nominal an event; it needs a target or a specific pattern.
    if is_noun
        && targets.is_empty()
        && p.modifier.is_empty()
        && p.state.is_empty()
        && p.own_case.is_empty()
        && tree
            .children(i)
            .iter()
            .any(|&c| matches!(tree.deprel(c), "amod" | "compound") && r.in_actor[c].is_some())
        && !tree
            .children(i)
            .iter()
            .any(|&c| tree.deprel(c) == "nmod:poss" && r.in_actor[c].is_some())
    {
        return Some("a nominal with only a national modifier".into());
    }
    // Coordinations the tree lost ("Gondor and Osgiliath" read as one phrase), then
    // the other members of a compound on the same words ("the two countries").
    let widen = |list: &mut Vec<usize>| {
        let mut all: Vec<usize> = Vec::new();
        for &a in list.iter() {
            for b in r.linear_group(a) {
                if !all.contains(&b) {
                    all.push(b);
                }
            }
        }
        for k in 0..all.len() {
            for &b in r.together.get(all[k]).map_or(&[][..], Vec::as_slice) {
                if !all.contains(&b) {
                    all.push(b);
                }
            }
        }
        *list = all;
    };
    widen(&mut sources);
    widen(&mut targets);
    targets.retain(|a| !sources.contains(a));
    // Two mentions of the same actor are one party.
    let canon = |list: &[usize]| {
        let mut out: Vec<usize> = Vec::new();
        for &a in list {
            let c = r.party(a);
            if !out.contains(&c) {
                out.push(c);
            }
        }
        out
    };
    let sources = canon(&sources);
    let mut targets = canon(&targets);
    // "on France's initiative": agency over a pair.
    let initiative = r.initiative(i).map(|a| r.party(a));
    targets.retain(|a| !sources.contains(a));

    // Intent, threat, refusal.
    let mut code = if ctx.foreign {
        p.code.clone()
    } else {
        adjust_code(&p.code, ch.control.map(|c| c.1), &mut flags)
    };
    // A threat or announced act made conditional on another party ("threatened to
    // strike unless Baghdad accepts", "will withdraw unless X holds elections"): that
    // party is the target, and an ultimatum is a threat.
    if !ctx.foreign && !is_noun {
        // "announced that it will withdraw … unless X …": the condition may hang on
        // the verb of speech that carries the clause, or on the first of coordinated
        // verbs ("responded …, and has refused to hold talks until X reverses").
        let mut carriers = ch.tokens.clone();
        if let Some(&last) = ch.tokens.last() {
            if tree.base_rel(last) == "ccomp" {
                carriers.extend(tree.head(last).filter(|&h| lex.is_speech(tree.lemma(h))));
            }
            if tree.base_rel(last) == "conj" {
                carriers.extend(tree.head(last));
            }
        }
        if let Some((party, ultimatum)) = clauses::condition_subject(r, &carriers) {
            let party: Vec<usize> = canon(&party)
                .into_iter()
                .filter(|a| !sources.contains(a))
                .collect();
            // "refused to hold talks until New Delhi reverses its decision": a
            // refusal is aimed at the party whose act would lift it.
            if code.starts_with("12") && targets.is_empty() {
                targets = party.clone();
            }
            let threat = code.starts_with("13");
            let announced = ultimatum && (flags.future || code.starts_with("03"));
            if !party.is_empty() && (threat || announced) {
                if !threat {
                    code = modality::intent_code(&p.code)
                        .filter(|c| c.starts_with("13"))
                        .unwrap_or("130")
                        .to_string();
                }
                // An ultimatum is aimed at the party it is put to.
                if targets.is_empty() || !threat {
                    targets = party;
                }
            }
        }
    }

    let mut pairs: Vec<(usize, Option<usize>)> = Vec::new();
    // Parties that jointly agree, meet or cooperate ("Xi and Abbott agreed …") act
    // toward each other; joint praise, recognition or apology does not, so of the 05
    // codes only cooperation itself (050) and signing an agreement (057) are mutual.
    let mutual = !ctx.foreign
        && (code
            .get(..2)
            .is_some_and(|r| matches!(r, "03" | "04" | "06"))
            || matches!(code.as_str(), "050" | "057"));
    if targets.is_empty()
        && sources.len() >= 2
        && (p.reciprocal || mutual || initiative.is_some() || ctx.foreign)
    {
        match initiative.filter(|a| sources.contains(a)) {
            Some(a) => {
                for &b in &sources {
                    if b != a {
                        pairs.push((a, Some(b)));
                    }
                }
            }
            None => {
                for &a in &sources {
                    for &b in &sources {
                        if a != b {
                            pairs.push((a, Some(b)));
                        }
                    }
                }
            }
        }
    } else if targets.is_empty() {
        // No party named: the place the act happens in stands for those it touches.
        // Talks are held with a party, not with the place they are held in ("met in
        // New York", "speaking in Sydney") nor with a country they are about; a visit
        // (042, 043) is to a place.
        let talks = code.starts_with("04") && !matches!(code.as_str(), "042" | "043");
        let place = if ctx.foreign || p.target == TargetSlot::Nothing {
            None
        } else {
            let mut skip = sources.clone();
            if talks {
                skip.extend((0..r.place.len()).filter(|&a| r.place[a]));
            }
            r.place_of(i, t.object)
                .filter(|a| !skip.contains(a))
                .or_else(|| r.nominal_party(i, t.object, &skip))
        };
        pairs.extend(sources.iter().map(|&s| (s, place)));
    } else {
        for &s in &sources {
            for &g in &targets {
                if s != g {
                    pairs.push((s, Some(g)));
                }
            }
        }
    }
    if pairs.is_empty() {
        return Some("source and target are the same actor".into());
    }
    let last = t.object.filter(|&o| o > i).unwrap_or(i);
    let alternates: Vec<usize> = if ctx.foreign || is_noun {
        Vec::new()
    } else {
        let mut all = clauses::participant_actors(r, i, t.object);
        all.extend(linear);
        canon(&all)
            .into_iter()
            .filter(|a| !sources.contains(a) && !targets.contains(a))
            .collect()
    };
    let first = t.object.filter(|&o| o < i).unwrap_or(i);
    // A paired code: the target's act back toward the source ("arrived in X": X
    // hosts the visitor).
    let mut coded: Vec<(String, usize, Option<usize>)> =
        pairs.iter().map(|&(s, g)| (code.clone(), s, g)).collect();
    if let Some(back) = p.reverse_code.as_ref() {
        for &(s, g) in &pairs {
            let Some(g) = g else { continue };
            let reverse = (back.clone(), g, Some(s));
            if !coded.contains(&reverse) {
                coded.push(reverse);
            }
        }
    }
    for (code, s, g) in coded {
        let speaker = speaker.filter(|&sp| r.party(sp) != s);
        out.push(Coded {
            code,
            source: s,
            target: g,
            flags,
            speaker,
            quoted,
            trigger: (first, last),
            token: i,
            alternates: alternates.clone(),
            rule: p.rule.clone(),
        });
    }
    None
}

/// Parser fallback for nouns: "channels with the United States" read off the words
/// when the tree does not attach the nominal to the noun.
fn linear_target(tree: &Tree, r: &Resolver, i: usize, preps: &[String]) -> Option<usize> {
    let end = (i + 4).min(tree.len());
    let at = (i + 1..end).find(|&k| {
        preps
            .iter()
            .any(|p| tree.tokens[k].text.eq_ignore_ascii_case(p))
    })?;
    (at + 1..(at + 4).min(tree.len())).find(|&k| r.in_actor[k].is_some())
}

/// Parser fallback for verbs: the actor right after one of the pattern's
/// prepositions within the few words after the trigger ("withdraw its troops from
/// neighboring Lebanon" with "neighboring" misread as a verb), not across a comma.
fn linear_participant(tree: &Tree, r: &Resolver, from: usize, preps: &[String]) -> Option<usize> {
    let stop = |k: usize| matches!(tree.tokens[k].text.as_str(), "," | "." | ";" | ":");
    let mut at = None;
    for k in from + 1..(from + 5).min(tree.len()) {
        if stop(k) {
            return None;
        }
        if preps
            .iter()
            .any(|p| tree.tokens[k].text.eq_ignore_ascii_case(p))
        {
            at = Some(k);
            break;
        }
    }
    let at = at?;
    for k in at + 1..(at + 4).min(tree.len()) {
        if stop(k) {
            return None;
        }
        if r.in_actor[k].is_some() {
            return r.in_actor[k];
        }
    }
    None
}

/// Parser fallback for demands: the actor opening the clause after "that" right
/// after the trigger (or its object), over a date word ("its demand today that Israel
/// ease …"), determiners and titles.
fn demanded_party(tree: &Tree, r: &Resolver, from: usize) -> Option<usize> {
    let that = (from + 1..(from + 3).min(tree.len()))
        .find(|&k| tree.tokens[k].text.eq_ignore_ascii_case("that"))?;
    if (from + 1..that).any(|k| !matches!(tree.upos(k), "NOUN" | "PROPN" | "ADV")) {
        return None;
    }
    for k in that + 1..(that + 4).min(tree.len()) {
        if r.in_actor[k].is_some() {
            return r.in_actor[k];
        }
        if !matches!(tree.upos(k), "DET" | "ADJ" | "PROPN") {
            return None;
        }
    }
    None
}

/// Parser fallback for verbs: the actor of the noun phrase right after the verb
/// ("tortured scores of Liberian refugees" with the tree lost), read over
/// determiners, numbers, modifiers and "of", not across a clause or another
/// preposition.
fn linear_object(tree: &Tree, r: &Resolver, i: usize) -> Option<usize> {
    for k in i + 1..(i + 6).min(tree.len()) {
        if r.in_actor[k].is_some() {
            return r.in_actor[k];
        }
        let of = tree.tokens[k].text.eq_ignore_ascii_case("of");
        // "extradited suspected militant X": a participle used as an adjective.
        let participle = tree.tokens[k].xpos == "VBN";
        if !of && !participle && !matches!(tree.upos(k), "DET" | "NUM" | "ADJ" | "NOUN" | "PRON") {
            return None;
        }
    }
    None
}

/// Sources of a noun trigger: possessor, national modifier, "by/from X", the subject
/// of a copular or light verb, or a "between" pair.
fn noun_sources(tree: &Tree, r: &Resolver, i: usize) -> Vec<usize> {
    for &c in tree.children(i) {
        if tree.deprel(c) == "nmod:poss" {
            if let Some(a) = r.in_actor[c] {
                return vec![a];
            }
        }
    }
    for &c in tree.children(i) {
        if matches!(tree.deprel(c), "amod" | "compound") {
            if let Some(a) = r.in_actor[c] {
                return vec![a];
            }
        }
    }
    for &c in tree.children(i) {
        if tree.base_rel(c) == "nmod" && matches!(tree.case_of(c).as_deref(), Some("by" | "from")) {
            let a = r.actors_of(c);
            if !a.is_empty() {
                return a;
            }
        }
    }
    if let Some(s) = tree.child_rel(i, "nsubj") {
        let a = r.actors_of(s);
        if !a.is_empty() {
            return a;
        }
    }
    let pair = r.between(i);
    if !pair.is_empty() {
        return pair;
    }
    if let Some(h) = tree.head(i) {
        // "launched an attack": the subject of the verb carrying the nominal does it,
        // unless the verb only undergoes, sees or judges it ("refugees fleeing the
        // war", "witnesses saw the raid").
        let experiencer = UNDERGO.contains(&tree.lemma(h).to_ascii_lowercase().as_str());
        // "called the attacks unacceptable", "considered the raid an act of war": an
        // object with a predicate after it is judged, not done; and the predicate
        // itself ("what it called a campaign of harassment") is a name given.
        let judged =
            tree.children(h).iter().any(|&c| {
                c > i && tree.base_rel(c) == "xcomp" && matches!(tree.upos(c), "ADJ" | "NOUN")
            }) || tree.children(i).iter().any(|&c| {
                c > i && tree.upos(c) == "ADJ" && matches!(tree.base_rel(c), "acl" | "amod")
            }) || (matches!(tree.base_rel(i), "xcomp" | "obj")
                && tree.children_rel(h, "obj").any(|o| o < i));
        let experiencer = experiencer || judged;
        if matches!(tree.base_rel(i), "obj" | "xcomp") && tree.is_verb(h) && !experiencer {
            if let Some(s) = r.subject(h) {
                return r.actors_of(s);
            }
        }
        if matches!(tree.base_rel(i), "nsubj") {
            // "talks with X remain active": the pair is under the noun itself.
            return r.between(i);
        }
    }
    Vec::new()
}

/// Sectors of people who protest in the street rather than through official channels.
const PUBLIC: &[&str] = &[
    "CVL", "OPP", "LAB", "EDU", "REF", "HRI", "AGR", "ENV", "REL",
];

/// Verbs whose passive without an agent tells what the subject does.
const STATIVE: &[&str] = &["engage", "involve"];

/// Verbs whose subject undergoes, perceives or judges the act named by their object
/// rather than doing it.
const UNDERGO: &[&str] = &[
    "flee",
    "escape",
    "survive",
    "suffer",
    "endure",
    "fear",
    "avoid",
    "witness",
    "see",
    "watch",
    "mourn",
    "remember",
    "recall",
    "report",
    "describe",
    "document",
    "face",
    "experience",
    "evade",
    "dodge",
    "weather",
    "cover",
    "film",
    "photograph",
    "investigate",
    "probe",
    "condemn",
    "denounce",
    "deplore",
    "criticize",
    "criticise",
    "blame",
    "deny",
    // Receiving what another gives ("tried to win international support").
    "win",
    "gain",
    "earn",
    "receive",
    "get",
    "obtain",
    "secure",
    "lose",
    "enjoy",
    "attract",
    "garner",
];

/// Applies control verbs and tense: intents, threats, refusals.
fn adjust_code(code: &str, control: Option<Control>, flags: &mut EventFlags) -> String {
    let root: u8 = code.get(..2).and_then(|r| r.parse().ok()).unwrap_or(0);
    let material = (4..=8).contains(&root) || (14..=20).contains(&root);
    match control {
        Some(Control::Refusal) => {
            flags.negated = false;
            modality::refusal_code(code).unwrap_or("120").to_string()
        }
        Some(Control::Threat) => modality::intent_code(code)
            .filter(|c| c.starts_with("13"))
            .unwrap_or("130")
            .to_string(),
        Some(Control::Intent) | Some(Control::Plan) => {
            flags.future = true;
            modality::intent_code(code)
                .map(str::to_string)
                .unwrap_or_else(|| code.to_string())
        }
        None if material && (flags.future || flags.hypothetical) && !flags.negated => {
            modality::intent_code(code)
                .map(str::to_string)
                .unwrap_or_else(|| code.to_string())
        }
        None if material && flags.future && flags.negated => {
            // "will not withdraw": a refusal.
            flags.negated = false;
            modality::refusal_code(code)
                .map(str::to_string)
                .unwrap_or_else(|| code.to_string())
        }
        None => code.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::tree::build;
    use super::*;
    use crate::dictionary::{parse_with_sets, WordSets};
    use parley_types::Span;

    const DICT: &str = "@SPEECH = say|tell\n@INTENT = agree|promise\n@THREAT = threaten\n@REFUSAL = refuse\n@PLAN = plan\n\
        166 v:expel t:obj\n111 v:condemn t:obj\n044 v:meet t:with recip\n040 v:hold o:talk|talks t:with recip\n\
        163 n:sanction t:against|on\n190 v:attack t:obj\n0874 v:withdraw o:troops t:from\n";

    fn setup() -> (PatternSet, Lexicon) {
        let (p, sets): (_, WordSets) =
            parse_with_sets(&[("t.txt", DICT)]).expect("test dictionary");
        let get = |n: &str| sets.get(n).cloned().unwrap_or_default();
        let lex = Lexicon {
            speech: get("SPEECH"),
            intent: get("INTENT"),
            threat: get("THREAT"),
            refusal: get("REFUSAL"),
            plan: get("PLAN"),
            demand_modals: Vec::new(),
        };
        (PatternSet::new(p, "t".into()), lex)
    }

    fn actor(code: &str, tok: usize) -> ActorRef {
        ActorRef {
            actor: Actor::new(code, code, Span::default()),
            start: tok,
            end: tok + 1,
        }
    }

    fn run(
        rows: &[(&str, &str, &str, usize, &str)],
        actors: &[ActorRef],
    ) -> Vec<(String, String, String, EventFlags)> {
        let (set, lex) = setup();
        let toks = build::tokens(rows);
        code_sentence(&set, &lex, &toks, actors, Context::default(), None)
            .into_iter()
            .map(|c| {
                let s = actors[c.source].actor.code.clone();
                let t = c
                    .target
                    .map_or("-".to_string(), |t| actors[t].actor.code.clone());
                (c.code, s, t, c.flags)
            })
            .collect()
    }

    #[test]
    fn passive_with_agent() {
        // Diplomats were expelled by Iran
        let rows = [
            ("Diplomats", "diplomat", "NOUN", 3, "nsubj:pass"),
            ("were", "be", "AUX", 3, "aux:pass"),
            ("expelled", "expel", "VERB", 0, "root"),
            ("by", "by", "ADP", 5, "case"),
            ("Iran", "Iran", "PROPN", 3, "obl:agent"),
        ];
        let got = run(&rows, &[actor("IRQGOV", 0), actor("IRN", 4)]);
        assert_eq!(got.len(), 1);
        assert_eq!(
            (got[0].0.as_str(), got[0].1.as_str(), got[0].2.as_str()),
            ("166", "IRN", "IRQGOV")
        );
    }

    #[test]
    fn negation_and_compound_subject() {
        // Iran and Iraq did not condemn Syria
        let rows = [
            ("Iran", "Iran", "PROPN", 6, "nsubj"),
            ("and", "and", "CCONJ", 3, "cc"),
            ("Iraq", "Iraq", "PROPN", 1, "conj"),
            ("did", "do", "AUX", 6, "aux"),
            ("not", "not", "PART", 6, "advmod"),
            ("condemn", "condemn", "VERB", 0, "root"),
            ("Syria", "Syria", "PROPN", 6, "obj"),
        ];
        let got = run(&rows, &[actor("IRN", 0), actor("IRQ", 2), actor("SYR", 6)]);
        assert_eq!(got.len(), 2);
        assert!(got
            .iter()
            .all(|g| g.0 == "111" && g.2 == "SYR" && g.3.negated));
        assert!(got.iter().any(|g| g.1 == "IRQ"));
    }

    #[test]
    fn reciprocal_pair_and_light_verb() {
        // Egypt and Jordan held talks
        let rows = [
            ("Egypt", "Egypt", "PROPN", 4, "nsubj"),
            ("and", "and", "CCONJ", 3, "cc"),
            ("Jordan", "Jordan", "PROPN", 1, "conj"),
            ("held", "hold", "VERB", 0, "root"),
            ("talks", "talk", "NOUN", 4, "obj"),
        ];
        let got = run(&rows, &[actor("EGY", 0), actor("JOR", 2)]);
        let pairs: Vec<(&str, &str)> = got.iter().map(|g| (g.1.as_str(), g.2.as_str())).collect();
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(pairs.contains(&("EGY", "JOR")) && pairs.contains(&("JOR", "EGY")));
    }

    #[test]
    fn control_verbs_make_intents_and_refusals() {
        // Iran threatened to attack Iraq
        let rows = [
            ("Iran", "Iran", "PROPN", 2, "nsubj"),
            ("threatened", "threaten", "VERB", 0, "root"),
            ("to", "to", "PART", 4, "mark"),
            ("attack", "attack", "VERB", 2, "xcomp"),
            ("Iraq", "Iraq", "PROPN", 4, "obj"),
        ];
        let got = run(&rows, &[actor("IRN", 0), actor("IRQ", 4)]);
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(got[0].0.starts_with("13"), "{got:?}");
        // Iran refused to meet Iraq
        let rows = [
            ("Iran", "Iran", "PROPN", 2, "nsubj"),
            ("refused", "refuse", "VERB", 0, "root"),
            ("to", "to", "PART", 4, "mark"),
            ("meet", "meet", "VERB", 2, "xcomp"),
            ("Iraq", "Iraq", "PROPN", 4, "obj"),
        ];
        let got = run(&rows, &[actor("IRN", 0), actor("IRQ", 4)]);
        assert_eq!(
            got.iter().map(|g| g.0.as_str()).collect::<Vec<_>>(),
            vec!["125"]
        );
    }

    #[test]
    fn reported_speech_keeps_the_reported_source() {
        // Iran said Iraq expelled diplomats
        let rows = [
            ("Iran", "Iran", "PROPN", 2, "nsubj"),
            ("said", "say", "VERB", 0, "root"),
            ("Iraq", "Iraq", "PROPN", 4, "nsubj"),
            ("expelled", "expel", "VERB", 2, "ccomp"),
            ("diplomats", "diplomat", "NOUN", 4, "obj"),
        ];
        let (set, lex) = setup();
        let toks = build::tokens(&rows);
        let actors = [actor("IRN", 0), actor("IRQ", 2), actor("KWTGOV", 4)];
        let got = code_sentence(&set, &lex, &toks, &actors, Context::default(), None);
        assert_eq!(got.len(), 1);
        assert_eq!(actors[got[0].source].actor.code, "IRQ");
        assert_eq!(
            got[0].speaker.map(|s| actors[s].actor.code.as_str()),
            Some("IRN")
        );
    }

    #[test]
    fn demand_in_speech() {
        // Iran said Iraq should stop
        let rows = [
            ("Iran", "Iran", "PROPN", 2, "nsubj"),
            ("said", "say", "VERB", 0, "root"),
            ("Iraq", "Iraq", "PROPN", 5, "nsubj"),
            ("should", "should", "AUX", 5, "aux"),
            ("stop", "stop", "VERB", 2, "ccomp"),
        ];
        let got = run(&rows, &[actor("IRN", 0), actor("IRQ", 2)]);
        assert_eq!(got.len(), 1);
        assert_eq!(
            (got[0].0.as_str(), got[0].1.as_str(), got[0].2.as_str()),
            ("100", "IRN", "IRQ")
        );
    }

    #[test]
    fn misattached_preposition_read_off_the_words() {
        // Iran withdrew its troops from neighbouring Iraq ("neighbouring" misread as
        // a verb taking "Iraq" as its object)
        let rows = [
            ("Iran", "Iran", "PROPN", 2, "nsubj"),
            ("withdrew", "withdraw", "VERB", 0, "root"),
            ("its", "its", "PRON", 4, "nmod:poss"),
            ("troops", "troops", "NOUN", 2, "obj"),
            ("from", "from", "SCONJ", 6, "mark"),
            ("neighbouring", "neighbour", "VERB", 2, "advcl"),
            ("Iraq", "Iraq", "PROPN", 6, "obj"),
        ];
        let got = run(&rows, &[actor("IRN", 0), actor("IRQ", 6)]);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(
            (got[0].0.as_str(), got[0].1.as_str(), got[0].2.as_str()),
            ("0874", "IRN", "IRQ")
        );
    }

    #[test]
    fn lost_object_read_off_the_words() {
        // Iran attacked two Iraqi villages (the object misread as a clause subject)
        let rows = [
            ("Iran", "Iran", "PROPN", 2, "nsubj"),
            ("attacked", "attack", "VERB", 0, "root"),
            ("two", "two", "NUM", 5, "nummod"),
            ("Iraqi", "Iraqi", "ADJ", 5, "amod"),
            ("villages", "village", "NOUN", 6, "nsubj"),
            ("burned", "burn", "VERB", 2, "advcl"),
        ];
        let got = run(&rows, &[actor("IRN", 0), actor("IRQ", 3)]);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!((got[0].1.as_str(), got[0].2.as_str()), ("IRN", "IRQ"));
    }

    #[test]
    fn embedded_act_is_part_of_the_governing_one() {
        // Iran condemned Iraq after Syria attacked Jordan
        let rows = [
            ("Iran", "Iran", "PROPN", 2, "nsubj"),
            ("condemned", "condemn", "VERB", 0, "root"),
            ("Iraq", "Iraq", "PROPN", 2, "obj"),
            ("after", "after", "SCONJ", 6, "mark"),
            ("Syria", "Syria", "PROPN", 6, "nsubj"),
            ("attacked", "attack", "VERB", 2, "advcl"),
            ("Jordan", "Jordan", "PROPN", 6, "obj"),
        ];
        let actors = [
            actor("IRN", 0),
            actor("IRQ", 2),
            actor("SYR", 4),
            actor("JOR", 6),
        ];
        let got = run(&rows, &actors);
        assert_eq!(
            got.iter().map(|g| g.0.as_str()).collect::<Vec<_>>(),
            vec!["111"],
            "{got:?}"
        );
        // Iran condemned Iraq, and Syria attacked Jordan: coordination keeps both.
        let rows = [
            ("Iran", "Iran", "PROPN", 2, "nsubj"),
            ("condemned", "condemn", "VERB", 0, "root"),
            ("Iraq", "Iraq", "PROPN", 2, "obj"),
            ("and", "and", "CCONJ", 6, "cc"),
            ("Syria", "Syria", "PROPN", 6, "nsubj"),
            ("attacked", "attack", "VERB", 2, "conj"),
            ("Jordan", "Jordan", "PROPN", 6, "obj"),
        ];
        let got = run(&rows, &actors);
        assert!(
            got.iter()
                .any(|g| g.0 == "190" && g.1 == "SYR" && g.2 == "JOR"),
            "{got:?}"
        );
    }

    #[test]
    fn no_source_no_event() {
        let rows = [
            ("Sanctions", "sanction", "NOUN", 0, "root"),
            ("on", "on", "ADP", 3, "case"),
            ("Iran", "Iran", "PROPN", 1, "nmod"),
        ];
        assert!(run(&rows, &[actor("IRN", 2)]).is_empty());
    }
}
