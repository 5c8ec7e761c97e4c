//! The project's own dictionaries (`data/*.txt`), embedded and parsed at load.
//!
//! Every file is one entry a line, columns separated by `|`, lists by `;`, `#`
//! starting a comment. Each file's header says what its columns mean.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::dictionary::DictionaryBuilder;
use crate::entry::{
    CaseRule, DatedCode, Gender, Meaning, Modifier, Office, Person, Reference, Role,
};
use crate::error::ActorError;
use crate::mention::MentionKind;

pub(crate) const COUNTRIES: &str = include_str!("../data/countries.txt");
pub(crate) const CITIES: &str = include_str!("../data/cities.txt");
pub(crate) const INSTITUTIONS: &str = include_str!("../data/institutions.txt");
pub(crate) const ORGANIZATIONS: &str = include_str!("../data/organizations.txt");
pub(crate) const GROUPS: &str = include_str!("../data/groups.txt");
pub(crate) const REGIONS: &str = include_str!("../data/regions.txt");
pub(crate) const ROLES: &str = include_str!("../data/roles.txt");
pub(crate) const PEOPLE: &str = include_str!("../data/people.txt");
pub(crate) const REFERENCES: &str = include_str!("../data/references.txt");

/// The data lines of a file: (1-based line number, columns).
pub(crate) fn rows(text: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    text.lines().enumerate().filter_map(|(i, line)| {
        let line = line.split('#').next().unwrap_or("").trim();
        (!line.is_empty()).then(|| (i + 1, line.split('|').map(str::trim).collect()))
    })
}

/// Items of a `;` list.
pub(crate) fn list(col: &str) -> impl Iterator<Item = &str> {
    col.split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty() && *s != "-")
}

fn column<'a>(cols: &[&'a str], i: usize, file: &str, line: usize) -> Result<&'a str, ActorError> {
    cols.get(i).copied().ok_or_else(|| {
        ActorError::syntax(file, line, format!("expected at least {} columns", i + 1))
    })
}

fn dated_actor(kind: MentionKind, code: &str, name: Option<&str>, dated: &[DatedCode]) -> Meaning {
    Meaning::Actor {
        kind,
        code: code.to_string(),
        dated: dated.to_vec(),
        name: name.map(str::to_string),
        family: None,
        adjective: false,
        plural: false,
    }
}

/// English plural of a noun phrase's last word.
pub(crate) fn plural(phrase: &str) -> String {
    let lower = phrase.to_lowercase();
    let ends = |s: &str| lower.ends_with(s);
    if ends("man") && !ends("human") && !ends("german") {
        format!("{}en", &phrase[..phrase.len() - 2])
    } else if ends("y") && !ends("ay") && !ends("ey") && !ends("oy") && !ends("uy") {
        format!("{}ies", &phrase[..phrase.len() - 1])
    } else if ends("s") || ends("x") || ends("ch") || ends("sh") || ends("z") {
        format!("{phrase}es")
    } else {
        format!("{phrase}s")
    }
}

/// States, places, institutions, organisations, groups, regions and people.
pub(crate) fn load_actors(b: &mut DictionaryBuilder) -> Result<(), ActorError> {
    load_countries(b)?;
    load_cities(b)?;
    for (file, text) in [
        ("builtin:institutions.txt", INSTITUTIONS),
        ("builtin:organizations.txt", ORGANIZATIONS),
        ("builtin:groups.txt", GROUPS),
        ("builtin:regions.txt", REGIONS),
    ] {
        load_named(b, file, text)?;
    }
    load_people(b)
}

fn load_countries(b: &mut DictionaryBuilder) -> Result<(), ActorError> {
    let file = "builtin:countries.txt";
    for (line, cols) in rows(COUNTRIES) {
        let mut codes = list(column(&cols, 0, file, line)?);
        let code = codes.next().unwrap_or("");
        // "SSD; SDN ..2011-07-08": before independence its names are the older state's.
        let before = dated_codes(codes, file, line)?;
        let with_suffix = |suffix: &str| -> Vec<DatedCode> {
            before
                .iter()
                .map(|d| DatedCode {
                    code: format!("{}{suffix}", d.code),
                    ..d.clone()
                })
                .collect()
        };
        if code.len() != 3 || !code.bytes().all(|c| c.is_ascii_uppercase()) {
            return Err(ActorError::syntax(
                file,
                line,
                format!("bad country code {code:?}"),
            ));
        }
        let names: Vec<&str> = list(column(&cols, 1, file, line)?).collect();
        let canonical = names.first().copied();
        let m = b.meaning(dated_actor(MentionKind::Country, code, canonical, &before));
        for n in &names {
            b.phrase(n, m, CaseRule::of(n));
        }
        let adj = b.meaning(Meaning::Actor {
            kind: MentionKind::Demonym,
            code: code.to_string(),
            dated: before.clone(),
            name: canonical.map(str::to_string),
            family: None,
            adjective: true,
            plural: false,
        });
        // "Nigerians", "Palestinians": the people of the country, civilians.
        let people = b.meaning(Meaning::Actor {
            kind: MentionKind::Demonym,
            code: format!("{code}CVL"),
            dated: with_suffix("CVL"),
            name: canonical.map(str::to_string),
            family: None,
            adjective: false,
            plural: true,
        });
        let person = b.meaning(Meaning::Actor {
            kind: MentionKind::Demonym,
            code: code.to_string(),
            dated: before.clone(),
            name: canonical.map(str::to_string),
            family: None,
            adjective: false,
            plural: false,
        });
        for a in list(cols.get(2).copied().unwrap_or("")) {
            b.phrase(a, adj, CaseRule::of(a));
            if a.ends_with("an") || a.ends_with('i') {
                let p = format!("{a}s");
                b.phrase(&p, people, CaseRule::of(&p));
            }
        }
        for n in list(cols.get(3).copied().unwrap_or("")) {
            b.phrase(n, person, CaseRule::of(n));
            let p = plural(n);
            b.phrase(&p, people, CaseRule::of(&p));
        }
        // Before independence a capital is a town of the older state.
        let gov = format!("{code}GOV");
        for c in list(cols.get(4).copied().unwrap_or("")) {
            let m = b.meaning(dated_actor(MentionKind::Capital, &gov, Some(c), &before));
            b.phrase(c, m, CaseRule::of(c));
        }
        for s in list(cols.get(5).copied().unwrap_or("")) {
            let m = b.meaning(dated_actor(
                MentionKind::Institution,
                &gov,
                Some(s),
                &with_suffix("GOV"),
            ));
            b.phrase(s, m, CaseRule::of(s));
        }
    }
    Ok(())
}

fn load_cities(b: &mut DictionaryBuilder) -> Result<(), ActorError> {
    // A town of a state that became independent belonged to the older one before.
    let mut before: HashMap<&str, Vec<DatedCode>> = HashMap::new();
    for (line, cols) in rows(COUNTRIES) {
        let mut codes = list(cols.first().copied().unwrap_or(""));
        let code = codes.next().unwrap_or("");
        let dated = dated_codes(codes, "builtin:countries.txt", line)?;
        if !dated.is_empty() {
            before.insert(code, dated);
        }
    }
    let file = "builtin:cities.txt";
    for (line, cols) in rows(CITIES) {
        let code = column(&cols, 0, file, line)?;
        let dated = before.get(code).map_or(&[][..], Vec::as_slice);
        for c in list(column(&cols, 1, file, line)?) {
            let m = b.meaning(dated_actor(MentionKind::City, code, Some(c), dated));
            b.phrase(c, m, CaseRule::of(c));
        }
    }
    Ok(())
}

const PLURAL_HEADS: &[&str] = &[
    "countries",
    "nations",
    "powers",
    "governments",
    "states",
    "allies",
    "members",
    "forces",
];

/// `CODE | kind | family | phrases`: the first phrase is the canonical name.
fn load_named(b: &mut DictionaryBuilder, file: &str, text: &str) -> Result<(), ActorError> {
    for (line, cols) in rows(text) {
        let mut codes = list(column(&cols, 0, file, line)?);
        let code = codes.next().unwrap_or("");
        let dated = dated_codes(codes, file, line)?;
        let kind = MentionKind::parse(column(&cols, 1, file, line)?)
            .ok_or_else(|| ActorError::syntax(file, line, format!("unknown kind {:?}", cols[1])))?;
        let family = Some(column(&cols, 2, file, line)?)
            .filter(|f| *f != "-")
            .map(str::to_string);
        let phrases: Vec<&str> = list(column(&cols, 3, file, line)?).collect();
        let Some(canonical) = phrases.first().copied() else {
            return Err(ActorError::syntax(file, line, "no phrase"));
        };
        for p in &phrases {
            let last = p.rsplit(' ').next().unwrap_or("").to_lowercase();
            let m = b.meaning(Meaning::Actor {
                kind,
                code: code.to_string(),
                dated: dated.clone(),
                name: Some(
                    if family.as_deref() == Some("broadcaster") {
                        *p
                    } else {
                        canonical
                    }
                    .to_string(),
                ),
                family: family.clone(),
                adjective: false,
                plural: PLURAL_HEADS.contains(&last.as_str()),
            });
            b.phrase(p, m, CaseRule::of(p));
        }
    }
    Ok(())
}

/// Dated codes written after the default one: `CODE FROM..UNTIL` each.
fn dated_codes<'a>(
    codes: impl Iterator<Item = &'a str>,
    file: &str,
    line: usize,
) -> Result<Vec<DatedCode>, ActorError> {
    let mut dated = Vec::new();
    for c in codes {
        let (c, dates) = c
            .split_once(' ')
            .filter(|(_, d)| d.contains(".."))
            .ok_or_else(|| {
                ActorError::syntax(
                    file,
                    line,
                    format!("dated code {c:?} needs 'CODE FROM..UNTIL'"),
                )
            })?;
        let (from, until) = dates.split_once("..").unwrap_or((dates, ""));
        dated.push(DatedCode {
            code: c.to_string(),
            from: parse_date(from, file, line)?,
            until: parse_date(until, file, line)?,
        });
    }
    Ok(dated)
}

/// Parses `YYYY-MM-DD`; an empty string is an open end.
pub(crate) fn parse_date(
    s: &str,
    file: &str,
    line: usize,
) -> Result<Option<NaiveDate>, ActorError> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| ActorError::syntax(file, line, format!("bad date {s:?} (want YYYY-MM-DD)")))
}

/// `ROOT | full name | aliases | gender | title[@ROOT] from..until; …`
fn load_people(b: &mut DictionaryBuilder) -> Result<(), ActorError> {
    let file = "builtin:people.txt";
    for (line, cols) in rows(PEOPLE) {
        let root = column(&cols, 0, file, line)?;
        let name = column(&cols, 1, file, line)?;
        let gender = match cols.get(3).copied().unwrap_or("") {
            "f" => Some(Gender::Female),
            "m" => Some(Gender::Male),
            "" | "-" => None,
            g => return Err(ActorError::syntax(file, line, format!("bad gender {g:?}"))),
        };
        let mut offices = Vec::new();
        for o in list(cols.get(4).copied().unwrap_or("")) {
            let (title, dates) = o
                .rsplit_once(' ')
                .filter(|(_, d)| d.contains(".."))
                .ok_or_else(|| {
                    ActorError::syntax(
                        file,
                        line,
                        format!("office {o:?} needs 'title FROM..UNTIL'"),
                    )
                })?;
            let (from, until) = dates.split_once("..").unwrap_or((dates, ""));
            let (title, office_root) = title.split_once('@').unwrap_or((title, root));
            offices.push(Office {
                title: title.trim().to_string(),
                root: office_root.trim().to_string(),
                sector: "GOV".to_string(),
                from: parse_date(from, file, line)?,
                until: parse_date(until, file, line)?,
            });
        }
        let p = b.person(Person {
            name: name.to_string(),
            root: root.to_string(),
            gender,
            offices,
        });
        let m = b.meaning(Meaning::Person(p));
        b.phrase(name, m, CaseRule::of(name));
        for a in list(cols.get(2).copied().unwrap_or("")) {
            b.phrase(a, m, CaseRule::of(a));
        }
    }
    Ok(())
}

/// `SECTOR | flags | forms`: role nouns with their CAMEO sector.
pub(crate) fn load_roles(b: &mut DictionaryBuilder) -> Result<(), ActorError> {
    let file = "builtin:roles.txt";
    for (line, cols) in rows(ROLES) {
        let sector = column(&cols, 0, file, line)?;
        let flags: Vec<&str> = column(&cols, 1, file, line)?
            .split(',')
            .map(str::trim)
            .collect();
        for f in &flags {
            if !["", "-", "person", "f", "m", "mass", "noplural", "weak"].contains(f) {
                return Err(ActorError::syntax(
                    file,
                    line,
                    format!("unknown flag {f:?}"),
                ));
            }
        }
        let has = |f: &str| flags.contains(&f);
        let forms: Vec<&str> = list(column(&cols, 2, file, line)?).collect();
        let Some(first) = forms.first() else {
            return Err(ActorError::syntax(file, line, "no role noun"));
        };
        let kin = first.split('/').next().unwrap_or(first).to_lowercase();
        let gender = if has("f") {
            Some(Gender::Female)
        } else if has("m") {
            Some(Gender::Male)
        } else {
            None
        };
        let role = |plural: bool, family: &str| Role {
            sector: sector.to_string(),
            family: family.to_string(),
            kin: kin.clone(),
            person: has("person"),
            plural,
            gender,
            prefix: false,
            stack: false,
            weak: has("weak"),
        };
        for form in forms {
            let (one, more) = match form.split_once('/') {
                Some((o, m)) => (o.trim(), Some(m.trim().to_string())),
                None if has("mass") || has("noplural") => (form, None),
                None => (form, Some(plural(form))),
            };
            let family = one.to_lowercase();
            let singular = b.meaning(Meaning::Role(role(has("mass"), &family)));
            let many = b.meaning(Meaning::Role(role(true, &family)));
            b.phrase(one, singular, CaseRule::of(one));
            if let Some(more) = more {
                b.phrase(&more, many, CaseRule::of(&more));
            }
        }
    }
    Ok(())
}

/// `kind | words`: pronouns, plural references, titles and modifiers.
pub(crate) fn load_references(b: &mut DictionaryBuilder) -> Result<(), ActorError> {
    let file = "builtin:references.txt";
    for (line, cols) in rows(REFERENCES) {
        let kind = column(&cols, 0, file, line)?;
        let meaning = match kind {
            "she" => Meaning::Reference(Reference::Personal(Some(Gender::Female))),
            "he" => Meaning::Reference(Reference::Personal(Some(Gender::Male))),
            "it" => Meaning::Reference(Reference::Thing),
            "they" => Meaning::Reference(Reference::Plural),
            "pair" => Meaning::Reference(Reference::Pair),
            "former" => Meaning::Modifier(Modifier::Former),
            "ethnic" => Meaning::Modifier(Modifier::Ethnic),
            "title-f" => Meaning::Modifier(Modifier::Title(Some(Gender::Female))),
            "title-m" => Meaning::Modifier(Modifier::Title(Some(Gender::Male))),
            "title" => Meaning::Modifier(Modifier::Title(None)),
            other => {
                return Err(ActorError::syntax(
                    file,
                    line,
                    format!("unknown reference kind {other:?}"),
                ))
            }
        };
        let m = b.meaning(meaning);
        for w in list(column(&cols, 1, file, line)?) {
            b.phrase(w, m, CaseRule::of(w));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals() {
        assert_eq!(plural("spokesman"), "spokesmen");
        assert_eq!(plural("ministry"), "ministries");
        assert_eq!(plural("embassy"), "embassies");
        assert_eq!(plural("attorney"), "attorneys");
        assert_eq!(plural("police"), "polices");
        assert_eq!(plural("human rights activist"), "human rights activists");
        assert_eq!(plural("congress"), "congresses");
    }

    #[test]
    fn people_are_listed_once() {
        let mut seen = std::collections::HashSet::new();
        for (line, cols) in rows(PEOPLE) {
            let name = cols.get(1).copied().unwrap_or("");
            assert!(
                seen.insert(name),
                "people.txt:{line}: {name} is listed twice; merge the offices"
            );
        }
    }

    #[test]
    fn builtin_data_compiles() {
        if let Err(e) = crate::ActorDictionary::try_builtin() {
            panic!("{e}");
        }
    }
}
