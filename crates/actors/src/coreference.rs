//! In-document coreference: surnames, titles, descriptions and pronouns pointed at
//! the nearest compatible actor before them; the output mentions.

use std::collections::HashMap;

use parley_types::{Actor, Document, Sentence, Span};

use crate::composition::compatible;
use crate::dictionary::ActorDictionary;
use crate::draft::{split_root, Draft, Last};
use crate::entry::{Gender, Reference};
use crate::mention::{Mention, MentionKind};

/// How many sentences back a pronoun or description may look.
const WINDOW: usize = 4;

struct Item {
    sentence: usize,
    draft: Draft,
    code: Option<(String, Option<String>)>,
    antecedent: Option<usize>,
    members: Vec<Actor>,
    name: Option<String>,
    quoted: bool,
    /// For a possessive pronoun: where the subject of its clause starts (sentence
    /// offset; "Pakistan … has urged *its* citizens").
    binder_at: Option<usize>,
    /// For a plural subject pronoun: where the coordinated subjects of the verb of
    /// saying above it start ("*France* and *Germany* said they …").
    group_at: Vec<usize>,
    /// Joined by "and" to the mention before it in the same sentence ("between
    /// Israel *and Iran*").
    and_before: bool,
}

/// Resolves references across the document and builds the output mentions.
pub(crate) fn resolve(
    dict: &ActorDictionary,
    doc: &Document,
    drafts: Vec<Vec<Draft>>,
) -> Vec<Vec<Mention>> {
    let quotes = quoted_ranges(&doc.text);
    let date = doc.doc_date;
    let mut items: Vec<Item> = Vec::new();
    for (si, (sentence, list)) in doc.sentences.iter().zip(drafts).enumerate() {
        for draft in list {
            if is_expletive(sentence, &draft) {
                continue;
            }
            let code = if draft.is_nominal() {
                None
            } else {
                draft.code(dict, date)
            };
            let name = draft
                .person
                .and_then(|p| dict.persons.get(p))
                .map(|p| p.name.clone())
                .or_else(|| draft.name.clone());
            let at = sentence.span.start + draft.start;
            let binder_at = if draft.possessive_pronoun {
                clause_subject(sentence, at)
                    .map(|k| sentence.tokens[k].span.start - sentence.span.start)
            } else {
                None
            };
            let group_at = match draft.reference {
                Some(Reference::Plural) => speakers_of_clause(sentence, at),
                Some(Reference::Thing) if !draft.possessive_pronoun => {
                    speaker_of_clause(sentence, at).into_iter().collect()
                }
                _ => Vec::new(),
            }
            .into_iter()
            .map(|k| sentence.tokens[k].span.start - sentence.span.start)
            .collect();
            items.push(Item {
                sentence: si,
                binder_at,
                group_at,
                and_before: false,
                quoted: inside(&quotes, at),
                draft,
                code,
                antecedent: None,
                members: Vec::new(),
                name,
            });
        }
    }
    add_name_occurrences(doc, &quotes, &mut items);
    // Sort into text order and renumber the antecedent links made so far.
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_by_key(|&i| (items[i].sentence, items[i].draft.start));
    let mut new_index = vec![0; items.len()];
    for (new, &old) in order.iter().enumerate() {
        new_index[old] = new;
    }
    let mut slots: Vec<Option<Item>> = items.into_iter().map(Some).collect();
    let mut items: Vec<Item> = order.iter().filter_map(|&old| slots[old].take()).collect();
    for it in &mut items {
        it.antecedent = it.antecedent.map(|a| new_index[a]);
    }
    // Which mentions are joined by "and" to the one before them.
    for i in 1..items.len() {
        let (prev, it) = (&items[i - 1], &items[i]);
        if prev.sentence != it.sentence {
            continue;
        }
        let gap = doc
            .sentences
            .get(it.sentence)
            .and_then(|s| s.text.get(prev.draft.end..it.draft.start))
            .unwrap_or("")
            .trim();
        items[i].and_before = matches!(gap, "and" | ", and" | "and the" | ", and the");
    }
    for i in 0..items.len() {
        resolve_one(&mut items, i);
    }
    output(dict, doc, items)
}

/// Names defined by a resolved mention ("Artem Studennikov" as RUSGOV) and their
/// surnames, found again anywhere in the document.
fn add_name_occurrences(doc: &Document, quotes: &[(usize, usize)], items: &mut Vec<Item>) {
    let mut table: Vec<(String, usize)> = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (i, it) in items.iter().enumerate() {
        let (Some(name), Some(_)) = (&it.name, &it.code) else {
            continue;
        };
        if it.draft.reference.is_some() || it.draft.plural || !it.draft.person_like {
            continue;
        }
        let mut keys = vec![name.clone()];
        let words: Vec<&str> = name.split_whitespace().collect();
        if words.len() >= 2 {
            if let Some(last) = words.last().filter(|w| w.chars().count() >= 3) {
                keys.push((*last).to_string());
            }
        }
        for k in keys {
            if !seen.contains_key(&k) {
                seen.insert(k.clone(), i);
                table.push((k, i));
            }
        }
    }
    if table.is_empty() {
        return;
    }
    // Unresolved names ("Mr. Studennikov") get their antecedent here.
    for it in items.iter_mut() {
        if it.code.is_none() && it.draft.reference.is_none() {
            if let Some(name) = &it.name {
                let found = table
                    .iter()
                    .find(|(k, _)| name == k || name.ends_with(&format!(" {k}")));
                if let Some((_, def)) = found {
                    it.antecedent = Some(*def);
                }
            }
        }
    }
    // Names start with a capital letter: look each capitalised word up.
    let single: HashMap<&str, usize> = table
        .iter()
        .filter(|(k, _)| !k.contains(' '))
        .map(|(k, d)| (k.as_str(), *d))
        .collect();
    let multi: Vec<(&str, usize)> = table
        .iter()
        .filter(|(k, _)| k.contains(' '))
        .map(|(k, d)| (k.as_str(), *d))
        .collect();
    let mut taken: Vec<Vec<(usize, usize)>> = vec![Vec::new(); doc.sentences.len()];
    for it in items.iter() {
        if let Some(t) = taken.get_mut(it.sentence) {
            t.push((it.draft.start, it.draft.end));
        }
    }
    let mut extra = Vec::new();
    for (si, sentence) in doc.sentences.iter().enumerate() {
        let text = sentence.text.as_str();
        let mut found: Vec<(usize, usize, usize)> = Vec::new();
        let mut prev_alnum = false;
        for (s, c) in text.char_indices() {
            let starts_word = !prev_alnum && c.is_uppercase();
            prev_alnum = c.is_alphanumeric();
            if !starts_word {
                continue;
            }
            let rest = &text[s..];
            let long = multi
                .iter()
                .filter(|(k, _)| rest.starts_with(k))
                .max_by_key(|(k, _)| k.len());
            if let Some((k, def)) = long {
                found.push((s, s + k.len(), *def));
                continue;
            }
            let wlen = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '-'))
                .unwrap_or(rest.len());
            if let Some(def) = single.get(&rest[..wlen]) {
                found.push((s, s + wlen, *def));
            }
        }
        for (s, e, def) in found {
            let def = &def;
            let after_ok = text[e..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric());
            if !after_ok || taken[si].iter().any(|&(a, b)| s < b && a < e) {
                continue;
            }
            taken[si].push((s, e));
            let defn = &items[*def];
            let mut d = Draft::new(s, e);
            d.name = defn.name.clone();
            d.person_like = true;
            d.gender = defn.draft.gender;
            d.person = defn.draft.person;
            d.families.clone_from(&defn.draft.families);
            d.last = Last::Name;
            extra.push(Item {
                sentence: si,
                quoted: inside(quotes, sentence.span.start + s),
                draft: d,
                code: None,
                antecedent: Some(*def),
                members: Vec::new(),
                name: defn.name.clone(),
                binder_at: None,
                group_at: Vec::new(),
                and_before: false,
            });
        }
    }
    items.extend(extra);
}

/// Resolves item `i` from the items before it.
fn resolve_one(items: &mut [Item], i: usize) {
    // Surname and name links made earlier: copy the definition's code.
    if let Some(def) = items[i].antecedent {
        if items[i].code.is_none() {
            let (code, gender) = (items[def].code.clone(), items[def].draft.gender);
            let it = &mut items[i];
            it.code = code;
            it.draft.gender = it.draft.gender.or(gender);
        }
        return;
    }
    let d = &items[i].draft;
    let sentence = items[i].sentence;
    let quoted = items[i].quoted;
    let floor = sentence.saturating_sub(WINDOW);
    // "France and Germany said they would …": the coordinated subjects of the verb of
    // saying the pronoun's clause hangs on, when they are states.
    if items[i].group_at.len() >= 2 {
        let mut members: Vec<(usize, String)> = Vec::new();
        for &at in &items[i].group_at {
            let Some(j) = (0..i).rev().find(|&j| {
                items[j].sentence == sentence
                    && items[j].draft.start <= at
                    && at < items[j].draft.end
            }) else {
                continue;
            };
            let Some((code, _)) = &items[j].code else {
                continue;
            };
            let (root, _) = split_root(code);
            if root.len() == 3 && !members.iter().any(|(_, r)| *r == root) {
                members.push((j, root));
            }
        }
        if members.len() == items[i].group_at.len() {
            join_members(items, i, &members, true);
            return;
        }
    }
    // "France said it needed clearer rules": "it" as the subject of what a state or
    // body says is the speaker, not a nearer name in between ("France, which is to
    // lead the UNIFIL mission, said it …").
    if d.reference == Some(Reference::Thing) && items[i].group_at.len() == 1 {
        let at = items[i].group_at[0];
        let speaker = (0..i).rev().find(|&j| {
            items[j].sentence == sentence && items[j].draft.start <= at && at < items[j].draft.end
        });
        if let Some(j) = speaker.filter(|&j| items[j].draft.person.is_none()) {
            if let Some(code) = items[j].code.clone() {
                items[i].code = Some(code);
                return;
            }
        }
    }
    if d.reference == Some(Reference::Pair) {
        let mut members: Vec<(usize, String)> = Vec::new();
        // A pair named together ("between Israel and Iran") before the last two
        // states named.
        let root_of = |j: usize| -> Option<String> {
            let c = &items[j];
            let is_country = matches!(
                c.draft.base_kind,
                Some(MentionKind::Country | MentionKind::Capital | MentionKind::Demonym)
            );
            let (root, _) = split_root(&c.code.as_ref()?.0);
            (is_country && root.len() == 3).then_some(root)
        };
        for j in (1..i).rev() {
            if items[j].sentence < floor {
                break;
            }
            if !items[j].and_before || items[j - 1].sentence != items[j].sentence {
                continue;
            }
            if let (Some(a), Some(b)) = (root_of(j), root_of(j - 1)) {
                if a != b {
                    members = vec![(j, a), (j - 1, b)];
                    break;
                }
            }
        }
        for j in (0..i).rev() {
            if items[j].sentence < floor || members.len() == 2 {
                break;
            }
            if let Some(root) = root_of(j).filter(|r| !members.iter().any(|(_, m)| m == r)) {
                members.push((j, root));
            }
        }
        if members.len() == 2 {
            members.reverse();
            join_members(items, i, &members, false);
        }
        return;
    }
    let wanted: Want = if let Some(r) = d.reference {
        Want::Reference(r)
    } else if d.is_nominal() {
        Want::Family(
            d.families.last().cloned().unwrap_or_default(),
            d.gender,
            d.plural,
        )
    } else {
        return;
    };
    // A possessive pronoun is bound by the subject of its clause when that fits.
    let binder = items[i].binder_at.and_then(|at| {
        (0..i).rev().find(|&j| {
            items[j].sentence == sentence && items[j].draft.start <= at && at < items[j].draft.end
        })
    });
    let mut found = match (&wanted, binder) {
        (Want::Reference(r), Some(j))
            if items[j].code.is_some() && compatible(*r, &items[j].draft) =>
        {
            Some(j)
        }
        _ => None,
    };
    for pass in 0..2 {
        if found.is_some() {
            break;
        }
        for j in (0..i).rev() {
            let c = &items[j];
            if c.sentence < floor {
                break;
            }
            if c.code.is_none() || (pass == 0 && c.quoted && !quoted) {
                continue;
            }
            let ok = match &wanted {
                Want::Reference(r) => compatible(*r, &c.draft),
                Want::Family(f, g, plural) => {
                    family_matches(f, &c.draft.families)
                        && c.draft.plural == *plural
                        && match (g, c.draft.gender) {
                            (Some(a), Some(b)) => *a == b,
                            _ => true,
                        }
                }
            };
            if ok {
                found = Some(j);
                break;
            }
        }
        if found.is_some() {
            break;
        }
    }
    let Some(j) = found else {
        // An unresolved description keeps the sector its own words give.
        if matches!(wanted, Want::Family(..)) {
            let it = &mut items[i];
            it.code = it.draft.code_without_root();
        }
        return;
    };
    let (code, gender, person, name, families) = {
        let c = &items[j];
        (
            c.code.clone(),
            c.draft.gender,
            c.draft.person,
            c.name.clone(),
            c.draft.families.clone(),
        )
    };
    let it = &mut items[i];
    it.antecedent = Some(j);
    it.code = match (&code, it.draft.possessive_pronoun && it.draft.has_role()) {
        (Some((c, _)), true) => {
            let (root, _) = split_root(c);
            let sectors = it.draft.role_sectors.clone();
            Some((
                format!("{root}{}", sectors.concat()),
                sectors.first().cloned(),
            ))
        }
        _ => code,
    };
    if !(it.draft.possessive_pronoun && it.draft.has_role()) {
        it.draft.gender = it.draft.gender.or(gender);
        if it.draft.person_like {
            it.draft.person = it.draft.person.or(person);
            it.name = it.name.clone().or(name);
            if it.draft.families.is_empty() {
                it.draft.families = families;
            }
        }
    }
}

/// Makes item `i` stand for the compound of `members` (item, root) in that order:
/// each member with its whole code (`whole`) or its state's root.
fn join_members(items: &mut [Item], i: usize, members: &[(usize, String)], whole: bool) {
    let actors: Vec<Actor> = members
        .iter()
        .map(|(j, root)| {
            let code = match &items[*j].code {
                Some((c, _)) if whole => c.as_str(),
                _ => root.as_str(),
            };
            let name = items[*j].name.as_deref().unwrap_or(root);
            Actor::new(code, name, Span::default())
        })
        .collect();
    let it = &mut items[i];
    it.code = actors.first().map(|a| (a.code.clone(), None));
    it.members = actors;
    it.antecedent = members.first().map(|(j, _)| *j);
}

enum Want {
    Reference(Reference),
    Family(String, Option<Gender>, bool),
}

/// "minister" matches "minister" and "foreign minister"; "ministry" matches
/// "foreign ministry".
fn family_matches(wanted: &str, families: &[String]) -> bool {
    !wanted.is_empty()
        && families
            .iter()
            .any(|f| f == wanted || f.ends_with(&format!(" {wanted}")))
}

/// "It is not clear …": a pronoun that refers to nothing.
fn is_expletive(sentence: &Sentence, d: &Draft) -> bool {
    if d.reference != Some(Reference::Thing) {
        return false;
    }
    if !sentence.tokens.is_empty() {
        let start = sentence.span.start + d.start;
        return sentence
            .tokens
            .iter()
            .any(|t| t.span.start == start && t.deprel == "expl");
    }
    let word = sentence
        .text
        .get(d.start..d.end)
        .unwrap_or("")
        .to_lowercase();
    if word != "it" {
        return false;
    }
    let rest = sentence.text.get(d.end..).unwrap_or("").to_lowercase();
    let mut words = rest
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()));
    let verb = words.next().unwrap_or("");
    if is_predicate_adjective(verb) {
        // "considered it necessary to …"
        return true;
    }
    let linking = [
        "is", "was", "seems", "seemed", "appears", "remains", "would", "will", "has", "had",
    ];
    linking.contains(&verb) && words.take(4).any(is_predicate_adjective)
}

fn is_predicate_adjective(w: &str) -> bool {
    const WORDS: &[&str] = &[
        "clear",
        "unclear",
        "possible",
        "impossible",
        "necessary",
        "unnecessary",
        "important",
        "likely",
        "unlikely",
        "time",
        "true",
        "hard",
        "difficult",
        "easy",
        "known",
        "reported",
        "expected",
        "believed",
        "said",
        "obvious",
        "evident",
        "worth",
        "too",
        "essential",
        "vital",
        "crucial",
        "appropriate",
        "imperative",
        "unacceptable",
        "acceptable",
    ];
    WORDS.contains(&w)
}

/// Byte ranges of the text inside double quotes.
fn quoted_ranges(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match c {
            '\u{201C}' => open = Some(i),
            '\u{201D}' => {
                if let Some(s) = open.take() {
                    out.push((s, i));
                }
            }
            '"' => match open.take() {
                Some(s) => out.push((s, i)),
                None => open = Some(i),
            },
            _ => {}
        }
    }
    out
}

fn inside(ranges: &[(usize, usize)], at: usize) -> bool {
    ranges.iter().any(|&(s, e)| s < at && at < e)
}

/// The output mentions, with antecedents as (sentence, mention) positions.
fn output(dict: &ActorDictionary, doc: &Document, items: Vec<Item>) -> Vec<Vec<Mention>> {
    let mut out: Vec<Vec<Mention>> = vec![Vec::new(); doc.sentences.len()];
    let mut position = vec![(0usize, 0usize); items.len()];
    for (i, it) in items.iter().enumerate() {
        position[i] = (it.sentence, out.get(it.sentence).map_or(0, Vec::len));
        let Some(sentence) = doc.sentences.get(it.sentence) else {
            continue;
        };
        let text = sentence
            .text
            .get(it.draft.start..it.draft.end)
            .unwrap_or("");
        let mut actor = it
            .draft
            .actor(it.code.clone(), text, sentence.span.start, dict);
        if actor.name.is_none() {
            actor.name.clone_from(&it.name);
        }
        let kind = it.draft.kind();
        out[it.sentence].push(Mention {
            actor,
            kind,
            antecedent: None,
            members: it.members.clone(),
            head: head_token(sentence, it.draft.start, it.draft.end),
            quoted: it.quoted,
            plural: it.draft.plural,
        });
    }
    for (i, it) in items.iter().enumerate() {
        if let Some(a) = it.antecedent {
            let (s, m) = position[i];
            if let Some(mention) = out.get_mut(s).and_then(|l| l.get_mut(m)) {
                mention.antecedent = Some(position[a]);
            }
        }
    }
    out
}

/// The subject of the clause the word starting at document offset `at` sits in:
/// climbing from the word to the first verb that has a subject, through
/// coordinated and controlled verbs ("… has refused … and has urged its citizens").
fn clause_subject(sentence: &Sentence, at: usize) -> Option<usize> {
    let tokens = &sentence.tokens;
    let word = tokens.iter().position(|t| t.span.start == at)?;
    let mut k = tokens[word].head?;
    for _ in 0..8 {
        let t = tokens.get(k)?;
        if t.upos == "VERB" || t.upos == "AUX" {
            if let Some(s) = tokens.iter().position(|c| {
                c.head == Some(k) && matches!(c.deprel.as_str(), "nsubj" | "nsubj:pass")
            }) {
                return Some(s);
            }
            if !matches!(t.deprel.as_str(), "conj" | "xcomp") {
                return None;
            }
        }
        k = t.head?;
    }
    None
}

/// For a pronoun subject of a clause reported by a verb of saying ("France said
/// *it* would …"): the subject of that verb and its conjuncts ("France and Germany
/// said *they* …"), the subject first.
fn clause_speakers(sentence: &Sentence, at: usize) -> Vec<usize> {
    let tokens = &sentence.tokens;
    let subject = || {
        let word = tokens.iter().position(|t| t.span.start == at)?;
        let t = &tokens[word];
        let v = t.head.filter(|_| t.deprel == "nsubj")?;
        let h = tokens[v].head.filter(|_| tokens[v].deprel == "ccomp")?;
        tokens
            .iter()
            .position(|c| c.head == Some(h) && c.deprel == "nsubj")
    };
    let Some(s) = subject() else {
        return Vec::new();
    };
    let mut out = vec![s];
    out.extend(
        tokens
            .iter()
            .enumerate()
            .filter(|(_, c)| c.head == Some(s) && c.deprel == "conj")
            .map(|(k, _)| k),
    );
    out
}

/// The one speaker of the clause whose subject is at `at` ("it"), if not several.
fn speaker_of_clause(sentence: &Sentence, at: usize) -> Option<usize> {
    match clause_speakers(sentence, at).as_slice() {
        [s] => Some(*s),
        _ => None,
    }
}

/// The several speakers of the clause whose subject is at `at` ("they"), or none.
fn speakers_of_clause(sentence: &Sentence, at: usize) -> Vec<usize> {
    let out = clause_speakers(sentence, at);
    if out.len() < 2 {
        Vec::new()
    } else {
        out
    }
}

/// The token heading the mention's words, when the sentence has tokens.
fn head_token(sentence: &Sentence, start: usize, end: usize) -> Option<usize> {
    let span = Span::new(sentence.span.start + start, sentence.span.start + end);
    let tokens = &sentence.tokens;
    // Tokens are in text order: the mention's tokens are one contiguous run.
    let lo = tokens.partition_point(|t| t.span.start < span.start);
    let hi = lo
        + tokens[lo..]
            .iter()
            .take_while(|t| span.contains(t.span))
            .count();
    (lo..hi)
        .rev()
        .find(|&i| tokens[i].head.is_none_or(|h| !(lo..hi).contains(&h)))
}
