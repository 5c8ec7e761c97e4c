//! Nationality of unnamed actors: a bare sector ("police", "the government",
//! "students") takes the one country its sentence, or else its article, speaks of.

use parley_actors::Mention;
use parley_types::Actor;

/// True for a code made only of national sectors ("COP", "GOVCVL").
pub(crate) fn is_local_sector(code: &str) -> bool {
    !code.is_empty()
        && code.len().is_multiple_of(3)
        && code
            .as_bytes()
            .chunks(3)
            .all(|c| std::str::from_utf8(c).is_ok_and(parley_types::is_sector))
}

/// Words naming a state's presence abroad: a country named only through them is not
/// where the story happens ("protesters stormed the Danish embassy").
const ABROAD: &[&str] = &[
    "embassy",
    "embassies",
    "consulate",
    "consulates",
    "ambassador",
    "ambassadors",
    "envoy",
    "envoys",
    "diplomat",
    "diplomats",
    "legation",
];

/// The distinct countries named by `mentions` (compound members included), leaving
/// out those named only through their missions abroad.
pub(crate) fn countries(mentions: &[Mention]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for m in mentions {
        let lower = m.actor.text.to_lowercase();
        if lower
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| ABROAD.contains(&w))
        {
            continue;
        }
        for a in std::iter::once(&m.actor).chain(&m.members) {
            if let Some(c) = a.country.as_ref().filter(|c| c.len() == 3) {
                if !out.contains(c) {
                    out.push(c.clone());
                }
            }
        }
    }
    out
}

/// The one country of a sentence, else of its article; none when either names
/// several (then an unnamed "police" could be any of them).
pub(crate) fn sole_country(sentence: &[String], article: &[String]) -> Option<String> {
    match (sentence, article) {
        ([one], _) => Some(one.clone()),
        ([], [one]) => Some(one.clone()),
        _ => None,
    }
}

/// `actor` as a member of `country` ("COP" in an Iraqi story becomes "IRQCOP").
pub(crate) fn localize(actor: &Actor, country: &str) -> Actor {
    let mut out = Actor::new(&format!("{country}{}", actor.code), &actor.text, actor.span);
    out.name = actor.name.clone();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use parley_types::Span;

    #[test]
    fn sectors_take_the_single_country() {
        assert!(is_local_sector("COP"));
        assert!(is_local_sector("GOVCVL"));
        assert!(!is_local_sector("IGO"));
        assert!(!is_local_sector("IRQ"));
        let one = vec!["IRQ".to_string()];
        let two = vec!["IRQ".to_string(), "USA".to_string()];
        assert_eq!(sole_country(&one, &two).as_deref(), Some("IRQ"));
        assert_eq!(sole_country(&[], &one).as_deref(), Some("IRQ"));
        assert_eq!(sole_country(&two, &one), None);
        assert_eq!(sole_country(&[], &two), None);
        let a = localize(&Actor::new("COP", "police", Span::default()), "IRQ");
        assert_eq!((a.code.as_str(), a.key()), ("IRQCOP", "IRQ"));
    }

    #[test]
    fn a_country_named_only_by_its_mission_abroad_is_not_the_scene() {
        let mention = |code: &str, text: &str| Mention {
            actor: Actor::new(code, text, Span::default()),
            kind: parley_actors::MentionKind::Role,
            antecedent: None,
            members: Vec::new(),
            head: None,
            quoted: false,
            plural: false,
        };
        let only_embassy = [
            mention("CVL", "Protesters"),
            mention("DNKGOV", "the Danish embassy"),
        ];
        assert!(countries(&only_embassy).is_empty());
        let scene = [
            mention("PAKCOP", "Pakistani police"),
            mention("DNKGOV", "Danish embassy"),
        ];
        assert_eq!(countries(&scene), vec!["PAK".to_string()]);
    }
}
