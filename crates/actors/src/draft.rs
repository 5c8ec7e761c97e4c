//! A draft mention: the pieces of one actor phrase gathered while composing, and
//! how they turn into a code.

use parley_types::{Actor, Date, Span};

use crate::dictionary::ActorDictionary;
use crate::entry::{DatedCode, Gender, Meaning, Modifier, Reference, Role};
use crate::mention::MentionKind;

/// What the last piece added to a draft was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Last {
    Modifier,
    Base,
    Role,
    Person,
    Name,
    Reference,
}

/// An actor phrase being composed (offsets local to the sentence).
#[derive(Debug, Clone)]
pub(crate) struct Draft {
    pub start: usize,
    pub end: usize,
    /// Kind of the named part (country, capital, institution, …), if any.
    pub base_kind: Option<MentionKind>,
    /// Code root: a country (`RUS`), an organisation (`IGOUNO`) or a bloc (`WST`).
    pub root: Option<String>,
    /// Sectors that come with the named part (`GOV` for the Kremlin).
    pub sectors: Vec<String>,
    /// Sectors added by role nouns.
    pub role_sectors: Vec<String>,
    /// Codes written before the root (`NGO~` agents).
    pub prefixes: Vec<String>,
    pub name: Option<String>,
    /// Canonical name of the named part (institution, organisation, group).
    pub base_name: Option<String>,
    /// Number of role nouns added.
    pub roles: usize,
    pub person: Option<usize>,
    /// Role families ("foreign ministry", "spokeswoman"); the last is the head.
    pub families: Vec<String>,
    pub person_like: bool,
    pub plural: bool,
    pub gender: Option<Gender>,
    pub former: bool,
    pub title: bool,
    pub definite: bool,
    pub adjective: bool,
    pub reference: Option<Reference>,
    pub possessive_pronoun: bool,
    /// Began with "ethnic": the community's state is the place the sentence names.
    pub ethnic: bool,
    /// The last role noun gives way to a later one.
    pub weak_role: bool,
    pub null: bool,
    pub last: Last,
}

/// Splits a code into its root and three-letter sectors: `RUSGOV` → (`RUS`, [`GOV`]),
/// `IGOUNOMIL` → (`IGOUNO`, [`MIL`]).
pub(crate) fn split_root(code: &str) -> (String, Vec<String>) {
    let code = code.trim();
    let root_len = if ["IGO", "NGO", "IMG", "MNC"]
        .iter()
        .any(|p| code.starts_with(p))
        && code.len() >= 6
    {
        6
    } else {
        3.min(code.len())
    };
    let (root, rest) = code.split_at(root_len);
    let mut sectors = Vec::new();
    let mut r = rest;
    while !r.is_empty() {
        let n = 3.min(r.len());
        let (s, tail) = r.split_at(n);
        sectors.push(s.to_string());
        r = tail;
    }
    (root.to_string(), sectors)
}

/// Picks the code valid on `date`: the first matching dated code, else the default.
pub(crate) fn code_at(default: &str, dated: &[DatedCode], date: Option<Date>) -> String {
    if let Some(d) = date {
        if let Some(c) = dated.iter().find(|c| c.covers(d)) {
            return c.code.clone();
        }
    }
    if default.is_empty() {
        // An entry with only dated codes and no date match: the open-ended one.
        if let Some(c) = dated.iter().find(|c| c.from.is_none() && c.until.is_none()) {
            return c.code.clone();
        }
    }
    default.to_string()
}

impl Draft {
    pub fn new(start: usize, end: usize) -> Draft {
        Draft {
            start,
            end,
            base_kind: None,
            root: None,
            sectors: Vec::new(),
            role_sectors: Vec::new(),
            prefixes: Vec::new(),
            name: None,
            base_name: None,
            roles: 0,
            person: None,
            families: Vec::new(),
            person_like: false,
            plural: false,
            gender: None,
            former: false,
            title: false,
            definite: false,
            adjective: false,
            reference: None,
            possessive_pronoun: false,
            ethnic: false,
            weak_role: false,
            null: false,
            last: Last::Base,
        }
    }

    /// Starts a draft from one matched meaning.
    pub fn from_meaning(m: &Meaning, start: usize, end: usize, date: Option<Date>) -> Draft {
        let mut d = Draft::new(start, end);
        d.add(m, end, date);
        d
    }

    /// Adds a matched meaning ending at `end`.
    pub fn add(&mut self, m: &Meaning, end: usize, date: Option<Date>) {
        self.end = self.end.max(end);
        match m {
            Meaning::Actor {
                kind,
                code,
                dated,
                name,
                family,
                adjective,
                plural,
            } => {
                let code = code_at(code, dated, date);
                if code.is_empty() {
                    self.null = true;
                }
                let (root, sectors) = split_root(&code);
                self.root = Some(root);
                self.sectors = sectors;
                self.base_kind = Some(*kind);
                if matches!(
                    kind,
                    MentionKind::Institution
                        | MentionKind::Igo
                        | MentionKind::Ngo
                        | MentionKind::Group
                ) {
                    self.base_name.clone_from(name);
                }
                if let Some(f) = family {
                    self.families.push(f.clone());
                }
                self.adjective = *adjective;
                self.plural = *plural;
                self.last = Last::Base;
            }
            Meaning::Person(p) => {
                self.person = Some(*p);
                self.last = Last::Person;
                self.person_like = true;
                self.plural = false;
            }
            Meaning::Role(r) => self.add_role(r),
            Meaning::Modifier(Modifier::Former) => {
                self.former = true;
                self.last = Last::Modifier;
            }
            Meaning::Modifier(Modifier::Ethnic) => {
                self.ethnic = true;
                self.last = Last::Modifier;
            }
            Meaning::Modifier(Modifier::Title(g)) => {
                self.title = true;
                self.gender = self.gender.or(*g);
                self.person_like = true;
                self.last = Last::Modifier;
            }
            Meaning::Reference(r) => {
                self.reference = Some(*r);
                self.last = Last::Reference;
                match r {
                    Reference::Personal(g) => {
                        self.gender = *g;
                        self.person_like = true;
                    }
                    Reference::Plural | Reference::Pair => self.plural = true,
                    Reference::Thing => {}
                }
            }
        }
    }

    pub fn add_role(&mut self, r: &Role) {
        if r.prefix {
            self.prefixes.push(r.sector.clone());
        } else if r.stack {
            for s in split_root(&format!("XXX{}", r.sector)).1 {
                if !self.sectors.contains(&s) && !self.role_sectors.contains(&s) {
                    self.role_sectors.push(s);
                }
            }
        } else if self.sectors.is_empty() && (self.role_sectors.is_empty() || self.weak_role) {
            self.role_sectors = split_root(&format!("XXX{}", r.sector)).1;
        }
        self.weak_role = r.weak && !r.stack;
        if r.kin != r.family {
            self.families.push(r.kin.clone());
        }
        self.families.push(r.family.clone());
        self.roles += 1;
        self.person_like = r.person;
        self.plural = r.plural;
        if r.gender.is_some() {
            self.gender = r.gender;
        }
        self.adjective = false;
        self.last = Last::Role;
    }

    /// True when the draft holds a role noun.
    pub fn has_role(&self) -> bool {
        self.roles > 0
    }

    /// True when only nationality adjectives, modifiers or prefixes are present.
    pub fn is_bare_base(&self) -> bool {
        self.root.is_some() && !self.has_role() && self.person.is_none() && self.name.is_none()
    }

    /// The sectors the draft's code ends with.
    fn final_sectors(&self) -> Vec<String> {
        let mut s = self.sectors.clone();
        if self.former {
            s.push("ELI".into());
        } else {
            s.extend(self.role_sectors.iter().cloned());
        }
        s
    }

    /// The code this draft stands for on `date`, if it stands for one by itself.
    pub fn code(
        &self,
        dict: &ActorDictionary,
        date: Option<Date>,
    ) -> Option<(String, Option<String>)> {
        if self.null || self.reference.is_some() {
            return None;
        }
        let mut root = self.root.clone();
        let mut sectors = self.final_sectors();
        if let Some(p) = self.person.and_then(|p| dict.persons.get(p)) {
            let office = match date {
                Some(d) => p.offices.iter().find(|o| o.covers(d)),
                None => p.offices.last(),
            };
            let ended = match (date, p.offices.iter().filter_map(|o| o.until).max()) {
                (Some(d), Some(u)) => {
                    d > u && office.is_none() && p.offices.iter().all(|o| o.until.is_some())
                }
                _ => false,
            };
            if root.is_none() {
                root = Some(office.map_or_else(|| p.root.clone(), |o| o.root.clone()));
            }
            if sectors.is_empty() {
                match office {
                    Some(o) if Some(&o.root) == root.as_ref() => sectors.push(o.sector.clone()),
                    _ if ended => sectors.push("ELI".into()),
                    _ => {}
                }
            }
        }
        let sector = sectors.first().cloned();
        let code = match &root {
            Some(r) => format!("{}{}{}", self.prefixes.concat(), r, sectors.concat()),
            None if !sectors.is_empty() => {
                format!("{}{}", self.prefixes.concat(), sectors.concat())
            }
            None => return None,
        };
        Some((code, sector))
    }

    /// The sectors alone, for a description whose country is not known.
    pub fn code_without_root(&self) -> Option<(String, Option<String>)> {
        let s = self.final_sectors();
        (!s.is_empty()).then(|| {
            (
                format!("{}{}", self.prefixes.concat(), s.concat()),
                s.first().cloned(),
            )
        })
    }

    /// The mention kind the draft has by itself (before coreference).
    pub fn kind(&self) -> MentionKind {
        if self.reference == Some(Reference::Pair) {
            return MentionKind::Nominal;
        }
        if self.reference.is_some() && !self.has_role() {
            return MentionKind::Pronoun;
        }
        if self.person.is_some() || (self.name.is_some() && self.base_kind.is_none()) {
            return MentionKind::Person;
        }
        if self.is_nominal() || (self.reference.is_some() && self.has_role()) {
            return MentionKind::Nominal;
        }
        if self.has_role() {
            return MentionKind::Role;
        }
        self.base_kind.unwrap_or(MentionKind::Role)
    }

    /// A definite description or title with no name and no country of its own.
    pub fn is_nominal(&self) -> bool {
        self.root.is_none()
            && self.person.is_none()
            && self.name.is_none()
            && self.has_role()
            && (self.definite || self.title)
    }

    /// Builds the output actor for the draft (offsets shifted to the document).
    pub fn actor(
        &self,
        code: Option<(String, Option<String>)>,
        text: &str,
        offset: usize,
        dict: &ActorDictionary,
    ) -> Actor {
        let span = Span::new(self.start + offset, self.end + offset);
        let mut actor = match code {
            Some((code, sector)) => {
                let mut a = Actor::new(&code, text, span);
                if sector.is_some() || a.country.is_none() {
                    a.sector = sector;
                }
                a
            }
            None => Actor {
                text: text.to_string(),
                span,
                ..Actor::default()
            },
        };
        actor.name = self
            .person
            .and_then(|p| dict.persons.get(p))
            .map(|p| p.name.clone())
            .or_else(|| self.name.clone())
            .or_else(|| self.base_name.clone());
        actor
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_roots_and_sectors() {
        assert_eq!(
            split_root("RUSGOV"),
            ("RUS".to_string(), vec!["GOV".to_string()])
        );
        assert_eq!(
            split_root("IGOUNOMIL"),
            ("IGOUNO".to_string(), vec!["MIL".to_string()])
        );
        assert_eq!(split_root("WST"), ("WST".to_string(), vec![]));
        assert_eq!(
            split_root("PSEREBHMS").1,
            vec!["REB".to_string(), "HMS".to_string()]
        );
    }

    #[test]
    fn dated_codes_win_in_order() {
        let d = |s: &str| Date::parse_from_str(s, "%Y-%m-%d").ok();
        let dated = vec![
            DatedCode {
                code: "ORCHOB".into(),
                from: d("2010-01-09"),
                until: d("2010-01-12"),
            },
            DatedCode {
                code: "HOBMIL".into(),
                from: d("2008-01-20"),
                until: d("2012-11-09"),
            },
        ];
        assert_eq!(code_at("HOB", &dated, d("2010-01-10")), "ORCHOB");
        assert_eq!(code_at("HOB", &dated, d("2011-01-10")), "HOBMIL");
        assert_eq!(code_at("HOB", &dated, d("2015-01-10")), "HOB");
        assert_eq!(code_at("HOB", &dated, None), "HOB");
    }
}
