//! Argument assignment: which actors stand in the source and target positions of a
//! trigger.

use super::tree::Tree;

/// Relations that start a new clause: actor search does not cross them.
const CLAUSAL: &[&str] = &[
    "acl",
    "advcl",
    "ccomp",
    "csubj",
    "parataxis",
    "xcomp",
    "conj",
    "cc",
    "punct",
    "mark",
];

/// Prepositions whose nominals are circumstances, not participants.
const CIRCUMSTANTIAL: &[&str] = &[
    "in",
    "at",
    "during",
    "since",
    "after",
    "before",
    "despite",
    "until",
    "near",
    "over",
    "inside",
    "outside",
    "across",
    "throughout",
    "amid",
    "under",
    "following",
    "via",
    "through",
    "within",
    "ago",
];

/// Nouns of the edge or side of a place.
const EDGES: &[&str] = &["border", "frontier", "boundary", "coast", "shore", "side"];

/// Nouns of documents and statements whose author does what they say ("issued a
/// declaration demanding …").
const STATEMENTS: &[&str] = &[
    "statement",
    "declaration",
    "communique",
    "communiqué",
    "resolution",
    "letter",
    "note",
    "decree",
    "order",
    "appeal",
    "ultimatum",
    "message",
];

/// Lemmas of relative and first-person pronouns.
pub(crate) const RELATIVE: &[&str] = &["who", "which", "that", "whom"];
pub(crate) const FIRST_PERSON: &[&str] = &["we", "us", "our", "i", "me", "my", "ours"];

/// Resolves the actors sentence tokens belong to.
pub(crate) struct Resolver<'t, 'a> {
    pub tree: &'t Tree<'a>,
    /// Actor index of each token, if inside a mention.
    pub in_actor: &'t [Option<usize>],
    /// For each actor, the first actor with the same code: two mentions of France
    /// are one party.
    pub canon: &'t [usize],
    /// For each actor, whether it names a place (a country, capital or city: it has
    /// a country and no sector but the capital's government).
    pub place: &'t [bool],
    /// For each actor, the other actors on the same words: the members of one
    /// compound ("both countries", "France and Germany said *they* …"). May be empty.
    pub together: &'t [Vec<usize>],
}

impl Resolver<'_, '_> {
    /// Actors of the nominal at `i`: the mention it sits in, or the nearest mention in
    /// its noun phrase (possessor, modifier, "of"/"between" nominal), then the same for
    /// each conjunct. Deduplicated, in sentence order.
    pub fn actors_of(&self, i: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let mut members = vec![i];
        members.extend(
            self.tree
                .conjuncts(i)
                .into_iter()
                .filter(|&c| !self.subject_of_other_clause(c)),
        );
        let push = |a: usize, out: &mut Vec<usize>| {
            if !out.contains(&a) {
                out.push(a);
            }
        };
        for m in members {
            if let Some(a) = self.phrase_actor(m, 0) {
                push(a, &mut out);
            } else {
                // "relations between X and Y": a pair under one nominal.
                for pair in self.between(m) {
                    push(pair, &mut out);
                }
            }
            // "The United States and … France" flattened into one phrase: an actor
            // hanging as a compound on a member that carries the "and".
            if self.tree.children_rel(m, "cc").next().is_some() {
                for &c in self.tree.children(m) {
                    if matches!(self.tree.deprel(c), "compound" | "nsubj") {
                        if let Some(a) = self.in_actor.get(c).copied().flatten() {
                            push(a, &mut out);
                        }
                    }
                }
            }
            // "French and Russian diplomats", "US and British forces": coordinated
            // national modifiers.
            for &c in self.tree.children(m) {
                let rel = self.tree.deprel(c);
                if rel == "amod" || (rel == "compound" && !self.tree.conjuncts(c).is_empty()) {
                    for k in std::iter::once(c).chain(self.tree.conjuncts(c)) {
                        if let Some(a) = self.in_actor.get(k).copied().flatten() {
                            if !self.tree.conjuncts(c).is_empty() || Some(a) != self.in_actor[m] {
                                push(a, &mut out);
                            }
                        }
                    }
                }
            }
            // "its allies, including France": named members count too.
            for &c in self.tree.children(m) {
                if matches!(self.tree.base_rel(c), "nmod" | "appos" | "acl")
                    && self
                        .tree
                        .children(c)
                        .iter()
                        .chain(std::iter::once(&c))
                        .any(|&k| {
                            matches!(
                                self.tree.lemma(k).to_ascii_lowercase().as_str(),
                                "include" | "including" | "notably" | "especially"
                            )
                        })
                {
                    for k in std::iter::once(c)
                        .chain(self.tree.children(c).iter().copied())
                        .chain(self.tree.conjuncts(c))
                    {
                        if let Some(a) = self.in_actor.get(k).copied().flatten() {
                            push(a, &mut out);
                        }
                    }
                }
            }
        }
        out
    }

    /// The actors of a `between X and Y` dependent of `i`.
    pub fn between(&self, i: usize) -> Vec<usize> {
        let mut out = Vec::new();
        for c in self
            .tree
            .children_rel(i, "nmod")
            .chain(self.tree.children_rel(i, "obl"))
        {
            if self.tree.case_of(c).as_deref() == Some("between") {
                for m in std::iter::once(c).chain(self.tree.conjuncts(c)) {
                    if let Some(a) = self.phrase_actor(m, 0) {
                        if !out.contains(&a) {
                            out.push(a);
                        }
                    }
                }
            }
        }
        out
    }

    /// The mention the noun phrase headed by `i` names, searching its own dependents
    /// (not across clauses) breadth first.
    fn phrase_actor(&self, i: usize, depth: usize) -> Option<usize> {
        if let Some(a) = self.in_actor.get(i).copied().flatten() {
            return Some(a);
        }
        if depth >= 3 {
            return None;
        }
        let tree = self.tree;
        // Possessors and modifiers first ("Russia's foreign ministry", "French
        // officials"), then "of" nominals and appositions ("the government of Syria").
        let mut order: Vec<usize> = Vec::new();
        for &c in tree.children(i) {
            let rel = tree.deprel(c);
            if matches!(rel, "nmod:poss" | "amod" | "compound" | "flat" | "appos") {
                order.push(c);
            }
        }
        for &c in tree.children(i) {
            if tree.base_rel(c) == "nmod" && tree.deprel(c) != "nmod:poss" {
                let case = tree.case_of(c);
                // "calls by Belarus", "an appeal from Gbagbo": the author; "a camp
                // for Congolese refugees", "an aid programme for Bosnia": whom it
                // serves.
                // "in" places the phrase only when it names a place or party itself
                // ("officials in Baghdad"), not "people in defiance of X".
                let placed = case.as_deref() == Some("in")
                    && self.in_actor.get(c).copied().flatten().is_some();
                if placed || matches!(case.as_deref(), Some("of" | "from" | "by" | "for")) {
                    order.push(c);
                }
            }
        }
        for c in order {
            if CLAUSAL.contains(&tree.base_rel(c)) {
                continue;
            }
            if let Some(a) = self.phrase_actor(c, depth + 1) {
                return Some(a);
            }
        }
        None
    }

    /// The subject of the clause headed by `v`, climbing through control
    /// (`agreed to expel`), coordination of verbs, relative clauses and
    /// participles. Returns the token that names the subject.
    pub fn subject(&self, v: usize) -> Option<usize> {
        let tree = self.tree;
        let mut cur = v;
        for _ in 0..8 {
            if let Some(s) = tree.children(cur).iter().copied().find(|&c| {
                matches!(tree.deprel(c), "nsubj" | "csubj" | "nsubj:outer")
                        // "Paris is prepared to bomb": a passive controller's subject.
                        || (cur != v && tree.deprel(c) == "nsubj:pass")
            }) {
                // "the army, which shelled the town": the relative pronoun stands for
                // the noun the clause modifies.
                if RELATIVE.contains(&tree.lemma(s).to_ascii_lowercase().as_str())
                    && tree.base_rel(cur) == "acl"
                {
                    return tree.head(cur);
                }
                return Some(s);
            }
            // "Russia has threatened …" with the subject hung on the auxiliary.
            if let Some(s) = tree
                .children_rel(cur, "aux")
                .find_map(|a| tree.child_rel(a, "nsubj"))
            {
                return Some(s);
            }
            let rel = tree.deprel(cur);
            let head = tree.head(cur)?;
            match tree.base_rel(cur) {
                "xcomp" => {
                    // Object control ("urged Iran to stop") when the object is an
                    // actor; subject control otherwise.
                    if let Some(o) = tree.child_rel(head, "obj") {
                        if !self.actors_of(o).is_empty() {
                            return Some(o);
                        }
                    }
                    cur = head;
                }
                "conj" => cur = head,
                "acl" if rel == "acl:relcl" => return Some(head),
                "acl" | "amod" => {
                    // "forces loyal to X, attacking the town": the modified noun acts,
                    // unless the participle is passive ("a town shelled by X").
                    // "Western countries imposed sanctions" misread as a noun phrase
                    // with "imposed" modifying "sanctions": the actor above it acts.
                    // "responded at the time by expelling …" read with the means
                    // clause on a nominal: the verb above it acts.
                    let means = tree
                        .children_rel(cur, "mark")
                        .any(|m| tree.lemma(m).eq_ignore_ascii_case("by"));
                    if let Some(up) = tree.head(head).filter(|&u| means && tree.is_verb(u)) {
                        if self.in_actor[head].is_none() {
                            cur = up;
                            continue;
                        }
                    }
                    if self.in_actor[head].is_none() {
                        if let Some(up) = tree.head(head) {
                            if self.in_actor[up].is_some()
                                && matches!(tree.base_rel(head), "nmod" | "obj" | "appos")
                            {
                                return Some(up);
                            }
                            // "X issued a statement condemning Y": the document's
                            // author acts.
                            if tree.base_rel(head) == "obj"
                                && tree.is_verb(up)
                                && STATEMENTS
                                    .contains(&tree.lemma(head).to_ascii_lowercase().as_str())
                            {
                                cur = up;
                                continue;
                            }
                        }
                    }
                    if tree.is_passive(cur) {
                        return None;
                    }
                    return Some(head);
                }
                // "…, accusing Iran of …": the main clause's subject.
                "advcl" | "ccomp" | "csubj"
                    if rel == "advcl" || tree.children_rel(cur, "mark").next().is_none() =>
                {
                    cur = head;
                }
                _ => return None,
            }
        }
        None
    }

    /// The tokens `[start, end)` of the actor mention on token `k` (`k` alone when it
    /// is in none).
    fn extent(&self, k: usize) -> (usize, usize) {
        let Some(a) = self.in_actor.get(k).copied().flatten() else {
            return (k, k + 1);
        };
        let (mut start, mut end) = (k, k + 1);
        while start > 0 && self.in_actor[start - 1] == Some(a) {
            start -= 1;
        }
        while end < self.in_actor.len() && self.in_actor[end] == Some(a) {
            end += 1;
        }
        (start, end)
    }

    /// True when the nominal at `c`, read by the parser as a conjunct, is followed by
    /// a finite verb it does not belong under: the subject of a clause of its own
    /// ("attacked Ukraine, and France condemned the strike").
    fn subject_of_other_clause(&self, c: usize) -> bool {
        let tree = self.tree;
        let (start, end) = self.extent(c);
        let finite = |k: usize| {
            tree.upos(k) == "VERB"
                && matches!(tree.tokens[k].xpos.as_str(), "VBD" | "VBZ" | "VBP")
                && !tree.ancestors(c).contains(&k)
        };
        if end < tree.len() && finite(end) {
            return true;
        }
        // "…, Palestinian officials and US witnesses said": after a comma, the first
        // of coordinated subjects of a clause of their own.
        let after_comma = start > 0 && tree.tokens[start - 1].text == ",";
        if after_comma && end < tree.len() && tree.upos(end) == "CCONJ" {
            for k in end + 1..(end + 5).min(tree.len()) {
                if finite(k) {
                    return true;
                }
                if !matches!(tree.upos(k), "DET" | "ADJ" | "PROPN" | "NOUN" | "NUM") {
                    break;
                }
            }
        }
        false
    }

    /// Actors coordinated with actor `a` by the words around it ("Gondor and
    /// Osgiliath", "Bree, Fornost and Rohan"), for trees that lost the coordination.
    pub fn linear_group(&self, a: usize) -> Vec<usize> {
        let tree = self.tree;
        let span: Vec<usize> = (0..tree.len())
            .filter(|&k| self.in_actor[k] == Some(a))
            .collect();
        let (Some(&first), Some(&last)) = (span.first(), span.last()) else {
            return vec![a];
        };
        let joiner = |k: usize| {
            matches!(
                tree.tokens[k].text.to_ascii_lowercase().as_str(),
                "and" | "," | "&"
            )
        };
        let mut out = vec![a];
        let n = tree.len();
        // Words that may stand between a joiner and the next member's name ("the
        // awful Fornost", "and the European Union").
        let modifier = |k: usize| {
            matches!(tree.upos(k), "DET" | "ADJ")
                || (matches!(tree.tokens[k].xpos.as_str(), "VBG" | "VBN")
                    && tree.children(k).iter().all(|&c| {
                        matches!(tree.upos(c), "PUNCT" | "CCONJ" | "DET")
                            // "neighbouring Slovakia" read as a verb and its object.
                            || c == k + 1 && self.in_actor[c].is_some()
                    }))
        };
        // A member followed by a verb other than the one the list belongs to starts a
        // clause of its own ("… Ukraine, and France condemned it"): not part of the
        // list ("Fornost and Gondor welcomed" is).
        // The subject of `verb` among the tokens start..end, if one is.
        let subject_in = |start: usize, end: usize, verb: usize| {
            (start..end).any(|k| tree.head(k) == Some(verb) && tree.base_rel(k) == "nsubj")
        };
        // The verb a name at `k` would be the subject of, when a verb or auxiliary
        // stands there; an auxiliary or copula stands for the clause it serves ("…
        // and the Front are guilty").
        let verb_at = |k: usize| {
            (k < n && matches!(tree.upos(k), "VERB" | "AUX")).then(|| {
                if tree.upos(k) == "AUX" {
                    tree.head(k).unwrap_or(k)
                } else {
                    k
                }
            })
        };
        let starts_clause = |start: usize, end: usize| {
            let Some(verb) = verb_at(end) else {
                return false;
            };
            // "… a village in the region, police said": the member is the subject of
            // a verb the list's first member is no subject of.
            !tree.ancestors(first).contains(&verb)
                || (subject_in(start, end, verb) && !subject_in(first, last + 1, verb))
        };
        // Skips up to two of a name's own modifiers leftwards from `k`.
        let skip_left = |mut k: usize| {
            let mut skipped = 0;
            while k > 0 && skipped < 2 && self.in_actor[k - 1].is_none() && modifier(k - 1) {
                k -= 1;
                skipped += 1;
            }
            k
        };
        // Rightwards.
        let mut k = last + 1;
        while k + 1 < n && joiner(k) {
            let mut j = k + 1;
            // ", and" (a serial comma).
            if j + 1 < n && tree.tokens[k].text == "," && joiner(j) {
                j += 1;
            }
            let mut skipped = 0;
            while j + 1 < n && skipped < 2 && self.in_actor[j].is_none() && modifier(j) {
                j += 1;
                skipped += 1;
            }
            match self.in_actor[j] {
                Some(b) if !out.contains(&b) => {
                    let end = self.extent(j).1;
                    // "Pakistan, a key U.S. ally": a name modifying a noun after it
                    // belongs to that noun's phrase (an apposition), not the list.
                    let modifies_next = end < n
                        && end > j
                        && tree.head(end - 1).is_some_and(|h| {
                            h >= end
                                && self.in_actor[h].is_none()
                                && matches!(tree.upos(h), "NOUN" | "PROPN")
                        })
                        && matches!(tree.deprel(end - 1), "compound" | "amod" | "nmod:poss");
                    if starts_clause(j, end) || modifies_next {
                        break;
                    }
                    out.push(b);
                    k = end;
                }
                _ => break,
            }
        }
        // Leftwards, past the name's own modifiers ("the awful Fornost"). When the
        // name is itself the subject of the verb right after it, a name before the
        // joiner that is the object of another verb belongs to that verb's clause
        // ("Russia attacked Ukraine, and France condemned it").
        let own_verb = verb_at(last + 1).filter(|&v| subject_in(first, last + 1, v));
        let mut k = skip_left(first);
        while k >= 2 && joiner(k - 1) {
            let mut j = k - 1;
            // ", and" read leftwards.
            if j >= 2 && joiner(j - 1) && tree.tokens[j - 1].text == "," {
                j -= 1;
            }
            let Some(b) = self.in_actor[j - 1] else { break };
            let (start, end) = self.extent(j - 1);
            // The member's role is that of the first conjunct it is joined to.
            let role = |mut t: usize| {
                for _ in 0..8 {
                    match tree.head(t) {
                        Some(h) if tree.base_rel(t) == "conj" && !(start..end).contains(&h) => {
                            t = h
                        }
                        _ => break,
                    }
                }
                t
            };
            let object_elsewhere = |v: usize| {
                (start..end).map(role).any(|t| {
                    tree.head(t).is_some_and(|h| {
                        h != v
                            && !(start..end).contains(&h)
                            && tree.upos(h) == "VERB"
                            && matches!(tree.base_rel(t), "obj" | "iobj" | "obl")
                    })
                })
            };
            if out.contains(&b) || own_verb.is_some_and(object_elsewhere) {
                break;
            }
            out.push(b);
            k = skip_left(start);
        }
        out
    }

    /// The nearest actor ending just before token `i` (at most two tokens back,
    /// skipping commas and auxiliaries), or the possessor of the noun right before it
    /// ("Lorien's new mayor left").
    pub fn actor_before(&self, i: usize) -> Option<usize> {
        let mut k = i;
        for _ in 0..3 {
            k = k.checked_sub(1)?;
            if let Some(a) = self.in_actor[k] {
                return Some(a);
            }
            if self.tree.upos(k) == "NOUN" {
                let mut j = k;
                while j > 0 && self.tree.upos(j - 1) == "ADJ" {
                    j -= 1;
                }
                let possessive = j >= 2
                    && self.tree.tokens[j - 1].xpos == "POS"
                    && self.in_actor[j - 2].is_some();
                return possessive.then(|| self.in_actor[j - 2]).flatten();
            }
            if !matches!(self.tree.upos(k), "PUNCT" | "AUX" | "ADV" | "PART") {
                return None;
            }
        }
        None
    }

    /// The passive agent ("by X") of `v`.
    pub fn agent(&self, v: usize) -> Option<usize> {
        let tree = self.tree;
        let by = |c: usize| {
            tree.deprel(c) == "obl:agent"
                || (tree.base_rel(c) == "obl" && tree.case_of(c).as_deref() == Some("by"))
        };
        tree.children(v)
            .iter()
            .copied()
            .find(|&c| by(c))
            .or_else(|| {
                // "was opposed earlier by X" with the agent hung on the adverb.
                tree.children_rel(v, "advmod")
                    .find_map(|a| tree.children(a).iter().copied().find(|&c| by(c)))
            })
    }

    /// Nominal dependents of `i` introduced by one of `preps`, also looking at the
    /// dependents of `object` ("cut ties *with* X" where "with" hangs on "ties").
    pub fn prepositional(&self, i: usize, object: Option<usize>, preps: &[String]) -> Vec<usize> {
        let tree = self.tree;
        let mut out = Vec::new();
        let mut heads: Vec<usize> = std::iter::once(i).chain(object).collect();
        // A clause on the object ("blew up power lines leading into Kabul").
        if let Some(o) = object {
            heads.extend(tree.children_rel(o, "acl").filter(|&c| tree.is_verb(c)));
        }
        // "imposed tariffs and other restrictions on X": the object's conjuncts.
        if let Some(o) = object {
            heads.extend(tree.conjuncts(o));
        }
        // "the work of the groups with Moscow": the object's own nominals.
        for o in heads.clone().into_iter().skip(1) {
            for &c in tree.children(o) {
                if tree.base_rel(c) == "nmod" && self.in_actor[c].is_none() && !heads.contains(&c) {
                    heads.push(c);
                }
            }
        }
        // "ready for talks with Russia", "in contact with Moscow": one level down.
        for &c in tree.children(i) {
            if matches!(tree.base_rel(c), "obl" | "nmod" | "xcomp")
                && self.in_actor[c].is_none()
                && !heads.contains(&c)
            {
                heads.push(c);
            }
        }
        for h in heads {
            for &c in tree.children(h) {
                if !matches!(tree.base_rel(c), "obl" | "nmod" | "advcl" | "xcomp" | "obj")
                    || tree.deprel(c) == "nmod:poss"
                {
                    continue;
                }
                if let Some(case) = tree.case_of(c) {
                    if preps
                        .iter()
                        .any(|p| *p == case || case.ends_with(p.as_str()))
                    {
                        out.push(c);
                    }
                }
            }
        }
        out
    }

    /// Actors named as a pair inside the phrase headed by `i` ("activities under the
    /// China-Australia Strategic Economic Dialogue", "the India-Pakistan border"):
    /// two mentions joined by a hyphen among the phrase's dependents, not across
    /// clauses, to three levels.
    pub fn hyphen_pair(&self, i: usize) -> Vec<usize> {
        let tree = self.tree;
        let mut phrase = vec![i];
        let mut frontier = vec![i];
        for _ in 0..3 {
            let mut next = Vec::new();
            for &h in &frontier {
                for &c in tree.children(h) {
                    if !CLAUSAL.contains(&tree.base_rel(c)) {
                        phrase.push(c);
                        next.push(c);
                    }
                }
            }
            frontier = next;
        }
        let hyphen = |k: usize| matches!(tree.tokens[k].text.as_str(), "-" | "\u{2013}" | "/");
        let mut out = Vec::new();
        for k in 1..tree.len().saturating_sub(1) {
            if !hyphen(k) {
                continue;
            }
            let (Some(a), Some(b)) = (self.in_actor[k - 1], self.in_actor[k + 1]) else {
                continue;
            };
            if a != b && phrase.contains(&(k - 1)) && phrase.contains(&(k + 1)) {
                for x in [a, b] {
                    if !out.contains(&x) {
                        out.push(x);
                    }
                }
            }
        }
        out
    }

    /// Default target tokens: object, indirect object, then participant obliques.
    pub fn default_targets(&self, i: usize, object: Option<usize>) -> Vec<usize> {
        let tree = self.tree;
        let mut out = Vec::new();
        for rel in ["obj", "iobj"] {
            out.extend(tree.children_rel(i, rel));
        }
        for &c in tree.children(i) {
            if matches!(tree.base_rel(c), "obl" | "nmod")
                && !matches!(
                    tree.deprel(c),
                    "obl:agent" | "nmod:poss" | "obl:tmod" | "nmod:tmod"
                )
            {
                let case = tree.case_of(c).unwrap_or_default();
                if !CIRCUMSTANTIAL.contains(&case.as_str()) && case != "by" {
                    out.push(c);
                }
            }
        }
        if let Some(o) = object {
            for &c in tree.children(o) {
                if tree.base_rel(c) == "nmod" && tree.deprel(c) != "nmod:poss" {
                    let case = tree.case_of(c).unwrap_or_default();
                    if !CIRCUMSTANTIAL.contains(&case.as_str()) {
                        out.push(c);
                    }
                }
            }
        }
        out
    }

    /// A place the act at `i` happens in ("imposed a curfew *in Algiers*", "shelled
    /// villages *in Darfur*"): a place actor in a locative phrase on the trigger or
    /// on its object.
    pub fn place_of(&self, i: usize, object: Option<usize>) -> Option<usize> {
        const AT: &[&str] = &["in", "at", "near", "into", "inside", "across", "throughout"];
        let tree = self.tree;
        // The trigger, its object, and the act it threatens or intends ("threatened
        // to institute a curfew in Algiers") with that act's object.
        let mut heads: Vec<usize> = std::iter::once(i).chain(object).collect();
        // A clause on the object ("blew up power lines leading into Kabul").
        if let Some(o) = object {
            heads.extend(tree.children_rel(o, "acl").filter(|&c| tree.is_verb(c)));
        }
        for x in tree.children_rel(i, "xcomp") {
            heads.push(x);
            heads.extend(tree.children_rel(x, "obj"));
        }
        heads
            .into_iter()
            .flat_map(|h| tree.children(h).iter().copied())
            .filter(|&c| matches!(tree.base_rel(c), "obl" | "nmod"))
            .filter(|&c| tree.case_of(c).is_some_and(|k| AT.contains(&k.as_str())))
            .find_map(|c| self.in_actor[c].filter(|&a| self.place.get(a).copied().unwrap_or(false)))
    }

    /// A party named deep in the phrases that complete the act at `i` ("agreed
    /// to an extension of the mandate for the force *in Lebanon*", "demonstrations
    /// against violations *by the Israeli military*", "approved a law recognizing
    /// victories by *Djindjic's* coalition"): breadth first through nominal links,
    /// objects and participle clauses, five levels down from the trigger and its
    /// object, skipping `sources`. For acts that name no party where one is expected.
    pub fn nominal_party(
        &self,
        i: usize,
        object: Option<usize>,
        sources: &[usize],
    ) -> Option<usize> {
        const LINKS: &[&str] = &[
            "obj", "obl", "nmod", "compound", "amod", "appos", "acl", "conj",
        ];
        let tree = self.tree;
        let own = |a: usize| sources.iter().any(|&s| self.party(s) == self.party(a));
        let mut seen: Vec<usize> = vec![i];
        let mut frontier: Vec<usize> = object.filter(|&o| o != i).into_iter().collect();
        frontier.extend(tree.children(i).iter().copied().filter(|&c| {
            matches!(tree.base_rel(c), "obj" | "obl" | "nmod")
                && !matches!(tree.deprel(c), "obl:tmod" | "nmod:tmod" | "obl:agent")
        }));
        for _ in 0..5 {
            let mut next = Vec::new();
            for &h in &frontier {
                if seen.contains(&h) {
                    continue;
                }
                seen.push(h);
                // "a stronghold on the Thai border": a place beside a country, not
                // the country.
                if EDGES.contains(&tree.lemma(h).to_ascii_lowercase().as_str()) {
                    continue;
                }
                // The source itself ("a delegation of monitors from X" read as the
                // host's own delegation) is looked through.
                if let Some(a) = self.in_actor.get(h).copied().flatten().filter(|&a| !own(a)) {
                    return Some(a);
                }
                next.extend(tree.children(h).iter().copied().filter(|&c| {
                    LINKS.contains(&tree.base_rel(c))
                        && !matches!(tree.deprel(c), "obl:tmod" | "nmod:tmod")
                        && (tree.base_rel(c) != "acl" || tree.is_verb(c))
                }));
            }
            frontier = next;
        }
        None
    }

    /// The actor named by "on X's initiative" (or at X's behest, request, insistence)
    /// anywhere on the path from `i` to the clause root.
    pub fn initiative(&self, i: usize) -> Option<usize> {
        const WORDS: &[&str] = &[
            "initiative",
            "behest",
            "insistence",
            "instigation",
            "urging",
            "order",
            "orders",
            "request",
        ];
        let tree = self.tree;
        let mut path = vec![i];
        path.extend(tree.ancestors(i));
        for h in path {
            for &c in tree.children(h) {
                if matches!(tree.base_rel(c), "obl" | "nmod")
                    && WORDS.contains(&tree.lemma(c).to_ascii_lowercase().as_str())
                {
                    if let Some(case) = tree.case_of(c) {
                        if matches!(case.as_str(), "on" | "at" | "upon" | "by") {
                            if let Some(a) = self.phrase_actor(c, 0) {
                                return Some(a);
                            }
                        }
                    }
                }
            }
        }
        None
    }

    /// The party actor `a` stands for: the first actor with its code (two mentions
    /// of France are one party).
    pub fn party(&self, a: usize) -> usize {
        self.canon.get(a).copied().unwrap_or(a)
    }

    /// True when `i` is a first-person pronoun ("we", "our").
    pub fn is_first_person(&self, i: usize) -> bool {
        FIRST_PERSON.contains(&self.tree.lemma(i).to_ascii_lowercase().as_str())
            || self
                .tree
                .children_rel(i, "nmod:poss")
                .any(|c| FIRST_PERSON.contains(&self.tree.lemma(c).to_ascii_lowercase().as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::super::tree::{build, Tree};
    use super::*;

    #[test]
    fn subject_climbs_control_and_relatives() {
        // Iran agreed to expel the diplomats
        let toks = build::tokens(&[
            ("Iran", "Iran", "PROPN", 2, "nsubj"),
            ("agreed", "agree", "VERB", 0, "root"),
            ("to", "to", "PART", 4, "mark"),
            ("expel", "expel", "VERB", 2, "xcomp"),
            ("diplomats", "diplomat", "NOUN", 4, "obj"),
        ]);
        let tree = Tree::new(&toks);
        let in_actor = vec![Some(0), None, None, None, None];
        let canon = vec![0, 1, 2];
        let r = Resolver {
            tree: &tree,
            in_actor: &in_actor,
            canon: &canon,
            place: &[],
            together: &[],
        };
        assert_eq!(r.subject(3), Some(0));
        assert_eq!(r.actors_of(0), vec![0]);
    }

    #[test]
    fn between_pairs_and_possessors() {
        // relations between Russia and France ; France's initiative
        let toks = build::tokens(&[
            ("relations", "relation", "NOUN", 0, "root"),
            ("between", "between", "ADP", 3, "case"),
            ("Russia", "Russia", "PROPN", 1, "nmod"),
            ("and", "and", "CCONJ", 5, "cc"),
            ("France", "France", "PROPN", 3, "conj"),
        ]);
        let tree = Tree::new(&toks);
        let in_actor = vec![None, None, Some(0), None, Some(1)];
        let canon = vec![0, 1, 2];
        let r = Resolver {
            tree: &tree,
            in_actor: &in_actor,
            canon: &canon,
            place: &[],
            together: &[],
        };
        assert_eq!(r.between(0), vec![0, 1]);
        assert_eq!(r.actors_of(0), vec![0, 1]);
    }
}
