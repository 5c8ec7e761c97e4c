//! The abbreviation lists of `data/abbreviations.txt`, parsed once.

use std::collections::HashSet;
use std::sync::OnceLock;

const LIST: &str = include_str!("../../data/abbreviations.txt");

struct Abbreviations {
    title: HashSet<&'static str>,
    last: HashSet<&'static str>,
}

fn lists() -> &'static Abbreviations {
    static LISTS: OnceLock<Abbreviations> = OnceLock::new();
    LISTS.get_or_init(|| {
        let mut title = HashSet::new();
        let mut last = HashSet::new();
        let mut section = "";
        for line in LIST.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if line.starts_with('[') {
                section = line;
                continue;
            }
            match section {
                "[title]" => title.insert(line),
                _ => last.insert(line),
            };
        }
        Abbreviations { title, last }
    })
}

/// The word before a dot, without leading quotes or brackets and the final dot.
fn stem(word: &str) -> &str {
    let w = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    w.strip_suffix('.').unwrap_or(w)
}

/// A word ending in a dot that never ends a sentence: a title ("Gen."), a month or
/// "No." before a number, or an initial ("J.").
pub(crate) fn is_non_final_abbreviation(word: &str) -> bool {
    if !word.ends_with('.') {
        return false;
    }
    let s = stem(word);
    let mut chars = s.chars();
    let initial = matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
    initial || lists().title.contains(s)
}

/// A word ending in a dot that may end a sentence: "U.S.", "Inc.", "p.m.", and any
/// dotted acronym of single letters.
pub(crate) fn is_final_abbreviation(word: &str) -> bool {
    if !word.ends_with('.') {
        return false;
    }
    let s = stem(word);
    lists().last.contains(s) || is_dotted_acronym(s)
}

/// "U.S", "N.A.T.O": single letters joined by dots.
fn is_dotted_acronym(s: &str) -> bool {
    let parts: Vec<&str> = s.split('.').collect();
    parts.len() >= 2
        && parts
            .iter()
            .all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic))
}

/// Words that usually open a sentence; after a [final](is_final_abbreviation)
/// abbreviation they signal a break.
pub(crate) fn is_sentence_opener(word: &str) -> bool {
    matches!(
        word,
        "The"
            | "A"
            | "An"
            | "He"
            | "She"
            | "It"
            | "They"
            | "We"
            | "I"
            | "You"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "There"
            | "In"
            | "On"
            | "At"
            | "But"
            | "And"
            | "However"
            | "Meanwhile"
            | "Earlier"
            | "Later"
            | "According"
            | "His"
            | "Her"
            | "Their"
            | "Its"
            | "Our"
            | "After"
            | "Before"
            | "When"
            | "While"
            | "If"
            | "As"
            | "Some"
            | "Many"
            | "Most"
            | "Both"
            | "Since"
            | "Last"
            | "Also"
            | "Still"
            | "Yet"
            | "So"
            | "Then"
            | "Officials"
            | "Speaking"
            | "Asked"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        assert!(is_non_final_abbreviation("Gen."));
        assert!(is_non_final_abbreviation("(Mr."));
        assert!(is_non_final_abbreviation("J."));
        assert!(!is_non_final_abbreviation("Gen"));
        assert!(!is_non_final_abbreviation("talks."));
        assert!(is_final_abbreviation("U.S."));
        assert!(is_final_abbreviation("p.m."));
        assert!(is_final_abbreviation("N.A.T.O."));
        assert!(!is_final_abbreviation("Moscow."));
    }
}
