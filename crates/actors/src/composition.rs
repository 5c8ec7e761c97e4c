//! Composition: turning the phrases found in a sentence into actor drafts.
//!
//! Pieces next to each other form one actor ("Russian" + "Foreign Ministry" +
//! "spokeswoman" + "Maria Zakharova"); "Country's X", "X of Country", "X in Country"
//! and appositions ("Name, the minister-counselor at the Russian Embassy") join
//! phrases; a role shared by two nationalities ("Hungarian and Romanian officials")
//! is given to both.

use parley_types::{Date, Sentence};

use crate::dictionary::ActorDictionary;
use crate::draft::{Draft, Last};
use crate::entry::{Meaning, Modifier, Reference};
use crate::gap::{classify, name_after, name_before, Gap};
use crate::matcher::{Hit, MatchScratch};
use crate::mention::MentionKind;

/// Composes sentences of one document, reusing buffers.
pub(crate) struct Composer<'d> {
    dict: &'d ActorDictionary,
    date: Option<Date>,
    scratch: MatchScratch,
    hits: Vec<Hit>,
}

const POSSESSIVE_PRONOUNS: &[&str] = &["its", "their", "his", "her"];

thread_local! {
    /// Buffers of the last composer on this thread, reused by the next document.
    static SPARE: std::cell::Cell<Option<(MatchScratch, Vec<Hit>)>> = const { std::cell::Cell::new(None) };
}

impl Drop for Composer<'_> {
    fn drop(&mut self) {
        let buffers = (
            std::mem::take(&mut self.scratch),
            std::mem::take(&mut self.hits),
        );
        SPARE.with(|spare| spare.set(Some(buffers)));
    }
}

impl<'d> Composer<'d> {
    pub fn new(dict: &'d ActorDictionary, date: Option<Date>) -> Composer<'d> {
        let (scratch, hits) = SPARE.with(|spare| spare.take()).unwrap_or_default();
        Composer {
            dict,
            date,
            scratch,
            hits,
        }
    }

    /// The drafts of one sentence, in text order, offsets local to the sentence.
    pub fn sentence(&mut self, sentence: &Sentence) -> Vec<Draft> {
        let text = sentence.text.as_str();
        self.dict
            .matcher
            .find(text, &mut self.scratch, &mut self.hits);
        let mut drafts = self.chains(text);
        self.capture_names(text, &mut drafts);
        merge_places(text, &mut drafts);
        distribute_roles(text, &mut drafts);
        merge_appositions(text, &mut drafts);
        place_communities(&mut drafts);
        state_outlets(text, &mut drafts);
        for d in &mut drafts {
            if d.root.is_none() && d.person.is_none() && d.has_role() && !d.definite {
                d.definite = preceded_by_definite(text, d.start);
            }
            if d.root.is_some()
                && d.name.is_none()
                && d.person.is_none()
                && d.person_like
                && !d.plural
            {
                self.fill_office_holder(d);
            }
        }
        drafts.retain(|d| !d.null);
        drafts
    }

    /// Pass 1: adjacent pieces into chains.
    fn chains(&self, text: &str) -> Vec<Draft> {
        let mut drafts: Vec<Draft> = Vec::new();
        for hit in &self.hits {
            let Some(m) = self.dict.meanings.get(hit.meaning as usize) else {
                continue;
            };
            // "multi-party elections", "anti-government protests": a role noun joined
            // to the word before it by a hyphen only qualifies the next noun.
            if matches!(m, Meaning::Role(_)) && hyphenated(text, hit.start) {
                continue;
            }
            if let Some(d) = drafts.last_mut() {
                let plausible = !matches!(
                    m,
                    Meaning::Reference(_) | Meaning::Modifier(Modifier::Title(_))
                );
                let gap = if plausible {
                    classify(text.get(d.end..hit.start).unwrap_or("?"))
                } else {
                    Gap::Other
                };
                let word = text.get(d.start..d.end).unwrap_or("");
                // "Bosnian Serbs": a people living in the state the adjective names.
                if gap == Gap::Adjacent && community_of(d, m) {
                    d.sectors = vec!["CVL".to_string()];
                    d.end = hit.end;
                    d.plural = true;
                    d.adjective = false;
                    continue;
                }
                if plausible && takes(d, m, gap, word) {
                    d.add(m, hit.end, self.date);
                    continue;
                }
            }
            drafts.push(Draft::from_meaning(m, hit.start, hit.end, self.date));
            if let Some(d) = drafts.last_mut() {
                if d.reference.is_some() {
                    let w = text.get(hit.start..hit.end).unwrap_or("");
                    d.possessive_pronoun = POSSESSIVE_PRONOUNS
                        .iter()
                        .any(|p| p.eq_ignore_ascii_case(w));
                }
            }
        }
        drafts
    }

    /// Unknown names after person roles and titles, and before appositions.
    fn capture_names(&self, text: &str, drafts: &mut Vec<Draft>) {
        let mut added = Vec::new();
        for i in 0..drafts.len() {
            let limit = drafts.get(i + 1).map_or(text.len(), |n| n.start);
            let d = &mut drafts[i];
            let wants_name = d.person.is_none()
                && d.name.is_none()
                && d.reference.is_none()
                && ((d.last == Last::Role && d.person_like && !d.plural)
                    || (d.last == Last::Modifier && d.title));
            if wants_name {
                if let Some((_, e)) = name_after(text, d.end, limit) {
                    d.name = text.get(d.end..e).map(|s| s.trim().to_string());
                    d.end = e;
                    d.last = Last::Name;
                }
            }
            // "Artem Studennikov, the minister-counselor …": a name before a comma.
            let floor = if i == 0 { 0 } else { drafts[i - 1].end };
            let d = &drafts[i];
            if d.has_role() && d.person.is_none() && d.name.is_none() {
                let before = text.get(floor..d.start).unwrap_or("");
                let trimmed = before.trim_end();
                let lower = trimmed.to_lowercase();
                let cut = [", the", ", a", ", an", ","]
                    .iter()
                    .find_map(|p| lower.strip_suffix(p).map(|s| s.len()));
                if let Some(cut) = cut {
                    if let Some((s, e)) = name_before(text, floor, floor + cut) {
                        let mut n = Draft::new(s, e);
                        n.name = text.get(s..e).map(str::to_string);
                        n.person_like = true;
                        n.last = Last::Name;
                        added.push(n);
                    }
                }
            }
        }
        if !added.is_empty() {
            drafts.extend(added);
            drafts.sort_by_key(|d| d.start);
        }
    }

    /// "the French president" on a date → the person holding that office.
    fn fill_office_holder(&self, d: &mut Draft) {
        let (Some(date), Some(root), Some(family)) =
            (self.date, d.root.as_deref(), d.families.last())
        else {
            return;
        };
        if d.former {
            return;
        }
        if let Some(p) = self.dict.holder(root, family, date) {
            d.person = Some(p);
            if let Some(person) = self.dict.persons.get(p) {
                d.gender = d.gender.or(person.gender);
            }
        }
    }
}

/// Whether the word at `start` is joined by a hyphen to a word before it.
fn hyphenated(text: &str, start: usize) -> bool {
    let mut before = text.get(..start).unwrap_or("").chars().rev();
    before.next() == Some('-') && before.next().is_some_and(char::is_alphanumeric)
}

/// Is `m` a people noun ("Serbs") after a bare nationality adjective ("Bosnian")
/// or a country's name ("Kosovo Albanians")?
fn community_of(d: &Draft, m: &Meaning) -> bool {
    d.is_bare_base()
        && !d.ethnic
        && d.prefixes.is_empty()
        && ((d.adjective && d.base_kind == Some(MentionKind::Demonym))
            || d.base_kind == Some(MentionKind::Country))
        && matches!(
            m,
            Meaning::Actor {
                kind: MentionKind::Demonym,
                plural: true,
                ..
            }
        )
}

/// May draft `d` take meaning `m` across `gap`? `word` is the draft's text so far.
fn takes(d: &Draft, m: &Meaning, gap: Gap, word: &str) -> bool {
    if d.null {
        return false;
    }
    match m {
        Meaning::Role(r) => match gap {
            Gap::Adjacent => {
                let after = match d.last {
                    Last::Modifier | Last::Base | Last::Role => true,
                    Last::Reference => {
                        d.possessive_pronoun && !d.has_role() && POSSESSIVE_PRONOUNS.contains(&word)
                    }
                    Last::Person | Last::Name => false,
                };
                after && !(r.prefix && d.root.is_some())
            }
            Gap::Possessive | Gap::Skip => d.last == Last::Base && !d.has_role(),
            _ => false,
        },
        Meaning::Actor { kind, code, .. } => {
            if gap != Gap::Adjacent {
                return false;
            }
            let only_prefixes = d.root.is_none() && !d.prefixes.is_empty() && d.person.is_none();
            let after_modifier = d.last == Last::Modifier && d.root.is_none() && !d.has_role();
            let demonym_institution = d.adjective
                && d.is_bare_base()
                && matches!(
                    kind,
                    MentionKind::Institution
                        | MentionKind::Group
                        | MentionKind::Igo
                        | MentionKind::Ngo
                )
                && code.starts_with(d.root.as_deref().unwrap_or("~"));
            only_prefixes || after_modifier || demonym_institution
        }
        Meaning::Person(_) => {
            d.person.is_none()
                && d.name.is_none()
                && match gap {
                    Gap::Adjacent => {
                        matches!(d.last, Last::Role | Last::Modifier)
                            || (d.adjective && d.is_bare_base())
                    }
                    Gap::Possessive => {
                        d.is_bare_base() && d.base_kind == Some(MentionKind::Country)
                    }
                    _ => false,
                }
        }
        Meaning::Modifier(Modifier::Former) => gap == Gap::Adjacent && d.is_bare_base(),
        Meaning::Modifier(_) | Meaning::Reference(_) => false,
    }
}

/// Pass 2: "X of Country", "X in Country", "X at the Russian Embassy".
fn merge_places(text: &str, drafts: &mut Vec<Draft>) {
    let mut i = 0;
    while i + 1 < drafts.len() {
        let (d, e) = (&drafts[i], &drafts[i + 1]);
        let left_ok = d.root.is_none()
            && d.person.is_none()
            && d.has_role()
            && d.reference.is_none()
            && !d.null;
        let right_ok = e.root.is_some()
            && e.person.is_none()
            && e.name.is_none()
            && !e.null
            && e.reference.is_none();
        let place = matches!(
            e.base_kind,
            Some(
                MentionKind::Country
                    | MentionKind::Capital
                    | MentionKind::City
                    | MentionKind::Region
            )
        ) && !e.has_role();
        let institution = e.has_role()
            || matches!(
                e.base_kind,
                Some(
                    MentionKind::Institution
                        | MentionKind::Igo
                        | MentionKind::Ngo
                        | MentionKind::Group
                )
            );
        let merge = left_ok
            && right_ok
            && match classify(text.get(d.end..e.start).unwrap_or("?")) {
                Gap::Of => true,
                Gap::In => place || (institution && !e.person_like),
                _ => false,
            };
        if merge {
            let e = drafts.remove(i + 1);
            // A capital named as a place ("demonstrators in Baghdad") is the
            // country, not its government: the role decides the sector.
            let capital = e.base_kind == Some(MentionKind::Capital) && !e.has_role();
            let d = &mut drafts[i];
            d.root = e.root;
            d.sectors = if capital && !d.role_sectors.is_empty() {
                Vec::new()
            } else {
                e.sectors
            };
            if d.sectors.iter().any(|s| d.role_sectors.contains(s)) {
                d.role_sectors.clear();
            }
            d.prefixes.extend(e.prefixes);
            d.end = e.end;
            d.base_kind = e.base_kind;
            d.definite = false;
            continue;
        }
        i += 1;
    }
}

/// Pass 3: "Hungarian and Romanian officials": the role goes to both.
fn distribute_roles(text: &str, drafts: &mut [Draft]) {
    for i in (0..drafts.len().saturating_sub(1)).rev() {
        let (left, right) = drafts.split_at_mut(i + 1);
        let (d, e) = (&mut left[i], &right[0]);
        let nationality = matches!(
            d.base_kind,
            Some(MentionKind::Country | MentionKind::Demonym)
        );
        if nationality
            && d.is_bare_base()
            && e.has_role()
            && e.root.is_some()
            && e.person.is_none()
            && e.name.is_none()
            && classify(text.get(d.end..e.start).unwrap_or("?")) == Gap::And
        {
            d.role_sectors.clone_from(&e.role_sectors);
            d.roles = e.roles;
            d.families.clone_from(&e.families);
            d.plural = e.plural;
            d.person_like = e.person_like;
            d.adjective = false;
        }
    }
    let placed = |d: &Draft| {
        text.get(d.start..d.end).is_some_and(|t| {
            let t = t.to_ascii_lowercase();
            [" in ", " from ", " of "].iter().any(|p| t.contains(p))
        })
    };
    // "officials in Baghdad and Washington", "rebels from Chad and Sudan", "the
    // ambassadors of Norway, Sweden and Denmark": a plural role placed in several
    // states belongs to each.
    for i in 0..drafts.len().saturating_sub(1) {
        let d = &drafts[i];
        if !(placed(d) && d.plural && d.has_role() && d.root.is_some() && d.person.is_none()) {
            continue;
        }
        // The states of the list: bare nationalities joined by commas, the last by
        // "and" (a list that never reaches "and" may be an apposition: "in Baghdad,
        // Iraq").
        let mut members = Vec::new();
        let mut end = d.end;
        for (j, e) in drafts.iter().enumerate().skip(i + 1) {
            let nationality = matches!(
                e.base_kind,
                Some(MentionKind::Country | MentionKind::Demonym)
            );
            if !nationality || !e.is_bare_base() {
                break;
            }
            let gap = text.get(end..e.start).unwrap_or("?").trim();
            let last = match gap {
                "," => false,
                "and" | ", and" => true,
                _ => break,
            };
            members.push(j);
            end = e.end;
            if last {
                let role = drafts[i].clone();
                for &k in &members {
                    let e = &mut drafts[k];
                    e.role_sectors.clone_from(&role.role_sectors);
                    e.roles = role.roles;
                    e.families.clone_from(&role.families);
                    e.plural = true;
                    e.person_like = role.person_like;
                    e.adjective = false;
                }
                break;
            }
        }
    }
    // "Danish media and government", "Iraqi police and soldiers": the nationality
    // before the first of coordinated role nouns qualifies each.
    for i in 0..drafts.len().saturating_sub(1) {
        let (left, right) = drafts.split_at_mut(i + 1);
        let (d, e) = (&left[i], &mut right[0]);
        let national = matches!(
            d.base_kind,
            Some(MentionKind::Country | MentionKind::Demonym)
        ) && d.last == Last::Role
            && d.person.is_none()
            && d.name.is_none()
            && !placed(d);
        if national
            && d.root.is_some()
            && e.root.is_none()
            && e.has_role()
            && e.person.is_none()
            && e.name.is_none()
            && e.reference.is_none()
            && !e.null
            && classify(text.get(d.end..e.start).unwrap_or("?")) == Gap::And
        {
            e.root.clone_from(&d.root);
            e.base_kind = d.base_kind;
            e.sectors.clone_from(&d.sectors);
            e.prefixes.clone_from(&d.prefixes);
        }
    }
}

/// Pass 4: appositions in both directions.
fn merge_appositions(text: &str, drafts: &mut Vec<Draft>) {
    let mut i = 0;
    while i + 1 < drafts.len() {
        let (d, e) = (&drafts[i], &drafts[i + 1]);
        let candidates = (d.person.is_some() || d.name.is_some() || d.has_role())
            && (e.has_role() || e.person.is_some());
        if !candidates || classify(text.get(d.end..e.start).unwrap_or("?")) != Gap::Apposition {
            i += 1;
            continue;
        }
        // "Name, the minister-counselor at the Russian Embassy"
        let name_then_role = (d.person.is_some() || d.name.is_some())
            && !d.has_role()
            && d.root.is_none()
            && e.has_role()
            && e.root.is_some()
            && e.person.is_none()
            && e.name.is_none()
            && !e.plural;
        // "Russia's ambassador to France, Alexei Meshkov"
        let role_then_name = d.has_role()
            && d.root.is_some()
            && d.person.is_none()
            && d.name.is_none()
            && d.person_like
            && !d.plural
            && e.person.is_some()
            && !e.has_role()
            && e.root.is_none();
        if name_then_role {
            let e = drafts.remove(i + 1);
            let d = &mut drafts[i];
            d.root = e.root;
            d.sectors = e.sectors;
            d.role_sectors = e.role_sectors;
            d.prefixes = e.prefixes;
            d.families = e.families;
            d.former = e.former;
            d.gender = d.gender.or(e.gender);
            d.end = e.end;
            continue;
        }
        if role_then_name {
            let e = drafts.remove(i + 1);
            let d = &mut drafts[i];
            d.person = e.person;
            d.end = e.end;
            continue;
        }
        i += 1;
    }
}

/// Pass 5: "ethnic Albanians ... in southern Serbia": a community named by its
/// origin belongs to the state the sentence places it in, the nearest other
/// country or town named; it is civilians unless a role noun says otherwise.
fn place_communities(drafts: &mut [Draft]) {
    for i in 0..drafts.len() {
        if !drafts[i].ethnic {
            continue;
        }
        let Some(own) = drafts[i].root.clone() else {
            drafts[i].null = true;
            continue;
        };
        let at = drafts[i].start;
        let place = drafts
            .iter()
            .enumerate()
            .filter(|(j, p)| {
                *j != i
                    && matches!(
                        p.base_kind,
                        Some(MentionKind::Country | MentionKind::Capital | MentionKind::City)
                    )
                    && p.root.as_deref().is_some_and(|r| r.len() == 3 && r != own)
            })
            .min_by_key(|(_, p)| p.start.abs_diff(at))
            .and_then(|(_, p)| p.root.clone());
        let d = &mut drafts[i];
        if let Some(root) = place {
            d.root = Some(root);
        }
        d.sectors = if d.role_sectors.is_empty() {
            vec!["CVL".to_string()]
        } else {
            Vec::new()
        };
        d.adjective = false;
    }
}

/// Words before a media noun that make the outlet the state's.
const STATE_RUN: &[&str] = &[
    "official",
    "state",
    "state-run",
    "state-owned",
    "state-controlled",
    "government",
    "government-run",
    "government-owned",
    "government-controlled",
];

/// Pass 6: "the official Syrian newspaper", "a state-run Iranian daily": an
/// outlet the state runs speaks for its government (`GOV`, then `MED`).
fn state_outlets(text: &str, drafts: &mut Vec<Draft>) {
    let mut i = 0;
    while i < drafts.len() {
        let d = &drafts[i];
        if d.role_sectors != ["MED"] || !d.sectors.is_empty() {
            i += 1;
            continue;
        }
        // "official" read as a role noun of its own, right before the outlet.
        let lone_word =
            |p: &Draft| p.roles == 1 && p.root.is_none() && p.person.is_none() && p.name.is_none();
        if i > 0
            && lone_word(&drafts[i - 1])
            && text
                .get(drafts[i - 1].start..d.start)
                .is_some_and(|w| STATE_RUN.contains(&w.trim().to_lowercase().as_str()))
        {
            let start = drafts[i - 1].start;
            drafts.remove(i - 1);
            let d = &mut drafts[i - 1];
            d.start = start;
            d.role_sectors = vec!["GOV".to_string(), "MED".to_string()];
            continue;
        }
        let floor = if i == 0 { 0 } else { drafts[i - 1].end };
        let before = text.get(floor..d.start).unwrap_or("").trim_end();
        let word_start = before
            .rfind(|c: char| c.is_whitespace() || c == '(' || c == '"')
            .map_or(0, |p| p + 1);
        let word = before.get(word_start..).unwrap_or("").to_lowercase();
        if STATE_RUN.contains(&word.as_str()) {
            let d = &mut drafts[i];
            d.role_sectors = vec!["GOV".to_string(), "MED".to_string()];
            d.start = floor + word_start;
        }
        i += 1;
    }
}

/// True when the word before `start` is "the", "this" or "that".
fn preceded_by_definite(text: &str, start: usize) -> bool {
    let before = text.get(..start).unwrap_or("").trim_end();
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '"' || c == '(')
        .next()
        .unwrap_or("");
    matches!(word.to_lowercase().as_str(), "the" | "this" | "that")
}

/// Pronoun kinds a draft may refer back to (used by coreference).
pub(crate) fn compatible(reference: Reference, candidate: &Draft) -> bool {
    match reference {
        Reference::Personal(g) => {
            candidate.person_like
                && !candidate.plural
                && match (g, candidate.gender) {
                    (Some(a), Some(b)) => a == b,
                    _ => true,
                }
        }
        Reference::Thing => {
            !(candidate.person_like
                || candidate.plural
                || (candidate.adjective && candidate.is_bare_base()))
                && candidate.reference.is_none()
        }
        Reference::Plural => candidate.plural && candidate.reference != Some(Reference::Pair),
        Reference::Pair => false,
    }
}
