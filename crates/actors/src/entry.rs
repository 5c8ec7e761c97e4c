//! What a dictionary phrase means: the entries the matcher points to.

use crate::mention::MentionKind;
use parley_types::Date;

/// Grammatical gender a role noun, title or person implies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gender {
    Female,
    Male,
}

/// A code valid over a date range (both ends inclusive where given).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DatedCode {
    pub code: String,
    pub from: Option<Date>,
    pub until: Option<Date>,
}

impl DatedCode {
    pub fn covers(&self, date: Date) -> bool {
        self.from.is_none_or(|f| f <= date) && self.until.is_none_or(|u| date <= u)
    }
}

/// A sector-bearing role noun ("minister", "troops", "embassy").
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Role {
    /// The sector code it adds (`GOV`, `MIL`, …); may be several sectors (`GOVMED`).
    pub sector: String,
    /// Canonical singular form ("foreign minister"): used to match titles in
    /// coreference ("the minister" ↔ "foreign minister").
    pub family: String,
    /// The canonical form of the role's synonym set ("foreign ministry" for "ministry
    /// of foreign affairs").
    pub kin: String,
    /// Denotes one person ("spokeswoman"), not a body ("ministry").
    pub person: bool,
    /// Plural or mass noun ("troops", "police").
    pub plural: bool,
    /// Gender the noun implies.
    pub gender: Option<Gender>,
    /// Written before the actor code (`NGO~` in PETRARCH agents).
    pub prefix: bool,
    /// Appends its sector even when the actor already has one (PETRARCH agents).
    pub stack: bool,
    /// A later role noun replaces its sector ("Hutu rebels" are rebels, "village
    /// elders" are not a village).
    pub weak: bool,
}

/// A word that changes the actor it precedes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Modifier {
    /// "former", "ex-": the actor is an elite, not an office holder.
    Former,
    /// "Madame", "Mr": a title before a role or name.
    Title(Option<Gender>),
    /// "ethnic": a community named by its origin, living in another state
    /// ("ethnic Albanians in southern Serbia").
    Ethnic,
}

/// A pronoun or plural reference to be resolved in the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reference {
    /// he/she/him/his/her.
    Personal(Option<Gender>),
    /// it/its.
    Thing,
    /// they/them/their.
    Plural,
    /// "the two countries", "both sides".
    Pair,
}

/// What a matched phrase stands for.
#[derive(Debug, Clone)]
pub(crate) enum Meaning {
    /// A named actor with a code (country, capital, institution, IGO, group, …).
    Actor {
        kind: MentionKind,
        /// Default code.
        code: String,
        /// Date-restricted codes, tried in order before the default.
        dated: Vec<DatedCode>,
        /// Canonical name ("French Ministry for Europe and Foreign Affairs").
        name: Option<String>,
        /// Role families the actor itself carries ("ministry" for the Quai d'Orsay).
        family: Option<String>,
        /// Adjective form ("Russian") rather than a noun.
        adjective: bool,
        /// A plural noun ("Russians", "Western countries").
        plural: bool,
    },
    /// A named person with dated offices.
    Person(usize),
    /// A role noun.
    Role(Role),
    /// A modifier word.
    Modifier(Modifier),
    /// A pronoun or plural reference.
    Reference(Reference),
}

/// One office a person held.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Office {
    /// "president", "prime minister", "foreign minister", "spokesperson", …
    pub title: String,
    /// Code root of the office (country or IGO), e.g. `FRA` or `IGOUNO`.
    pub root: String,
    /// Sector of the office.
    pub sector: String,
    pub from: Option<Date>,
    pub until: Option<Date>,
}

impl Office {
    pub fn covers(&self, date: Date) -> bool {
        self.from.is_none_or(|f| f <= date) && self.until.is_none_or(|u| date <= u)
    }
}

/// A named person with dated offices.
#[derive(Debug, Clone)]
pub(crate) struct Person {
    pub name: String,
    /// Code root the person belongs to when no office applies (nationality).
    pub root: String,
    pub gender: Option<Gender>,
    pub offices: Vec<Office>,
}

/// How a dictionary phrase's letter case must appear in text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct CaseRule {
    /// Two bits per word: 0 any case, 1 capitalised, 2 all capitals.
    pub mask: u64,
    pub words: u8,
}

impl CaseRule {
    /// The rule a phrase written as in `phrase` implies ("US" must be capitals,
    /// "Paris" capitalised, "minister" any case).
    pub fn of(phrase: &str) -> CaseRule {
        let mut rule = CaseRule::default();
        for (i, w) in phrase.split_whitespace().enumerate().take(32) {
            let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
            let bits = if letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase()) {
                2
            } else if w.chars().next().is_some_and(char::is_uppercase) {
                1
            } else {
                0
            };
            rule.mask |= bits << (2 * i);
            rule.words = (i + 1) as u8;
        }
        rule
    }

    /// A rule that accepts any case.
    pub fn any() -> CaseRule {
        CaseRule::default()
    }

    /// True when `text` (the original words the phrase matched) obeys the rule.
    pub fn accepts(&self, text: &str) -> bool {
        if self.mask == 0 {
            return true;
        }
        text.split_whitespace().enumerate().take(32).all(|(i, w)| {
            match (self.mask >> (2 * i)) & 3 {
                1 => w
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_numeric()),
                2 => !w.chars().any(char::is_lowercase),
                _ => true,
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_rules_follow_the_written_phrase() {
        let us = CaseRule::of("US");
        assert!(us.accepts("US"));
        assert!(!us.accepts("us"));
        let paris = CaseRule::of("Paris");
        assert!(paris.accepts("PARIS"));
        assert!(!paris.accepts("paris"));
        assert!(CaseRule::of("minister").accepts("Minister"));
        let quai = CaseRule::of("Quai d'Orsay");
        assert!(quai.accepts("Quai d'Orsay"));
        assert!(!quai.accepts("quai d'Orsay"));
    }
}
