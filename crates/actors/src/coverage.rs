//! What the dictionary covers: counts per category, countries with dated office
//! holders and the dates their offices span.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use parley_types::Date;

use crate::dictionary::ActorDictionary;
use crate::entry::Meaning;

/// Counts and office coverage of a dictionary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Coverage {
    /// Distinct actors per category ("country", "capital", "igo", …), plus "role"
    /// (distinct role nouns), "person" and "phrase".
    pub counts: BTreeMap<String, usize>,
    /// Per code root: office title → (holders, earliest start, latest end; `None`
    /// end = still in office).
    pub offices: BTreeMap<String, BTreeMap<String, OfficeSpan>>,
}

/// The holders of one office and the dates they cover.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OfficeSpan {
    /// How many people held it.
    pub holders: usize,
    /// Earliest recorded start.
    pub from: Option<Date>,
    /// Latest recorded end; `None` when someone holds it now.
    pub until: Option<Date>,
    /// True when some holder's term is open-ended.
    pub current: bool,
}

impl ActorDictionary {
    /// What this dictionary covers.
    pub fn coverage(&self) -> Coverage {
        let mut actors: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        let mut roles = BTreeSet::new();
        for m in &self.meanings {
            match m {
                Meaning::Actor {
                    kind, code, name, ..
                } => {
                    let key = format!("{code}|{}", name.as_deref().unwrap_or(""));
                    actors
                        .entry(kind.as_str().to_string())
                        .or_default()
                        .insert(key);
                }
                Meaning::Role(r) => {
                    roles.insert(r.family.clone());
                }
                _ => {}
            }
        }
        let mut c = Coverage::default();
        for (k, set) in actors {
            c.counts.insert(k, set.len());
        }
        c.counts.insert("role".into(), roles.len());
        c.counts.insert("person".into(), self.persons.len());
        c.counts.insert("phrase".into(), self.phrase_count());
        for p in &self.persons {
            for o in &p.offices {
                let span = c
                    .offices
                    .entry(o.root.clone())
                    .or_default()
                    .entry(o.title.clone())
                    .or_default();
                span.holders += 1;
                span.from = match (span.from, o.from) {
                    (Some(a), Some(b)) => Some(a.min(b)),
                    (a, b) => a.or(b),
                };
                if o.until.is_none() {
                    span.current = true;
                }
                span.until = match (span.until, o.until) {
                    (Some(a), Some(b)) => Some(a.max(b)),
                    (a, b) => a.or(b),
                };
            }
        }
        c
    }
}

impl fmt::Display for Coverage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "category\tcount")?;
        for (k, v) in &self.counts {
            writeln!(f, "{k}\t{v}")?;
        }
        writeln!(f)?;
        writeln!(f, "root\toffice\tholders\tfrom\tuntil")?;
        for (root, offices) in &self.offices {
            for (title, s) in offices {
                let from = s.from.map_or_else(|| "?".to_string(), |d| d.to_string());
                let until = if s.current {
                    "now".to_string()
                } else {
                    s.until.map_or_else(|| "?".to_string(), |d| d.to_string())
                };
                writeln!(f, "{root}\t{title}\t{}\t{from}\t{until}", s.holders)?;
            }
        }
        Ok(())
    }
}
