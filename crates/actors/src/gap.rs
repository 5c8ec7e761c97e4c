//! What lies between two actor phrases, and the capitalised names around them.

/// The words between two pieces of a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gap {
    /// Only white space: "Russian Foreign Ministry".
    Adjacent,
    /// "'s": "Russia's foreign ministry".
    Possessive,
    /// One or two adjectives: "Romania's new government", "Nicaragua's Sandinista
    /// government".
    Skip,
    /// "of", "of the": "the president of Armenia".
    Of,
    /// "in", "at", "from": "rebels in the Ivory Coast".
    In,
    /// "and": "Hungarian and Romanian officials".
    And,
    /// ",", ", the", ", a": an apposition.
    Apposition,
    /// Anything else.
    Other,
}

/// Adjectives that may stand between a country and its role noun.
const SKIPPABLE: &[&str] = &[
    "new",
    "senior",
    "top",
    "main",
    "chief",
    "deputy",
    "acting",
    "interim",
    "outgoing",
    "incoming",
    "ruling",
    "local",
    "federal",
    "state",
    "official",
    "provincial",
    "regional",
    "central",
    "leading",
    "powerful",
    "embattled",
    "radical",
    "hardline",
    "moderate",
    "elected",
    "then",
    "current",
    "military-backed",
    "transitional",
    "caretaker",
    "so-called",
    "self-styled",
    "veteran",
    "exiled",
    "own",
    "first",
    "communist",
    "socialist",
    "conservative",
    "islamist",
    "nationalist",
    "separatist",
];

/// Words that are capitalised but never part of a person's name.
pub(crate) const NOT_NAMES: &[&str] = &[
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "But",
    "And",
    "Or",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "This",
    "That",
    "These",
    "Those",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "After",
    "Before",
    "While",
    "When",
    "If",
    "As",
    "For",
    "From",
    "With",
    "By",
    "To",
    "Of",
    "Mr",
    "Mr.",
    "Mrs",
    "Mrs.",
    "Ms",
    "Ms.",
    "Madame",
    "Dr",
    "Dr.",
    "Today",
    "Yesterday",
];

/// Lower-case particles inside names ("Osama bin Laden", "Luiz Inácio Lula da Silva").
const NAME_PARTICLES: &[&str] = &[
    "bin", "bint", "ibn", "al", "el", "de", "da", "dos", "das", "do", "van", "von", "der", "den",
    "la", "le", "du", "di", "y",
];

/// Classifies `text`, the words between two pieces.
pub(crate) fn classify(text: &str) -> Gap {
    let t = text.trim();
    if t.is_empty() {
        return Gap::Adjacent;
    }
    // Longer gaps are never one of the short connectors below.
    if t.len() > 32 {
        return Gap::Other;
    }
    // One pass into a stack buffer: white space collapsed, ASCII lower-cased,
    // typographic apostrophe made plain.
    let mut buf = [0u8; 40];
    let mut n = 0;
    for (i, w) in t.split_whitespace().enumerate() {
        if i > 0 {
            buf[n] = b' ';
            n += 1;
        }
        for c in w.chars() {
            let c = if c == '\u{2019}' {
                '\''
            } else {
                c.to_ascii_lowercase()
            };
            let len = c.len_utf8();
            if n + len > buf.len() {
                return Gap::Other;
            }
            c.encode_utf8(&mut buf[n..n + len]);
            n += len;
        }
    }
    let lower = std::str::from_utf8(&buf[..n]).unwrap_or("");
    match lower {
        "'s" | "'" => return Gap::Possessive,
        "of" | "of the" => return Gap::Of,
        "in" | "in the" | "at" | "at the" | "from" | "from the" | "based in" | "based in the"
        | "operating in" | "operating in the" | "to" | "to the" => return Gap::In,
        "and" | "and the" => return Gap::And,
        // "Vietnamese-led forces": the leading state's own forces.
        "-led" => return Gap::Skip,
        "," | ", the" | ", a" | ", an" | ", who is the" | ", now the" => return Gap::Apposition,
        _ => {}
    }
    // One or two adjectives, possibly after "'s".
    let mut words = t.split_whitespace().peekable();
    if words
        .peek()
        .is_some_and(|w| matches!(*w, "'s" | "\u{2019}s"))
    {
        words.next();
    }
    let mut count = 0;
    for o in words {
        count += 1;
        let w = o.to_ascii_lowercase();
        let alpha = w.chars().all(|c| c.is_alphabetic() || c == '-');
        let fits = alpha
            && (SKIPPABLE.contains(&w.as_str())
                || (o.chars().next().is_some_and(char::is_uppercase) && !NOT_NAMES.contains(&o)));
        if !fits || count > 2 {
            return Gap::Other;
        }
    }
    if count == 0 {
        Gap::Other
    } else {
        Gap::Skip
    }
}

fn is_name_word(w: &str) -> bool {
    let mut chars = w.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    first.is_uppercase()
        && w.chars().any(char::is_lowercase)
        && w.chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '.' || c == '\u{2019}')
        && !NOT_NAMES.contains(&w)
}

/// A capitalised name starting right at `from` (after one space), ending before
/// `limit`: "Maria Zakharova" in "spokeswoman Maria Zakharova said". Returns the
/// name's local byte range.
pub(crate) fn name_after(text: &str, from: usize, limit: usize) -> Option<(usize, usize)> {
    let rest = text.get(from..limit)?;
    let skipped = rest.len() - rest.trim_start().len();
    if skipped == 0 || skipped > 3 {
        return None;
    }
    let start = from + skipped;
    let mut end = start;
    let mut words = 0;
    let mut pos = start;
    while pos < limit && words < 5 {
        let tail = text.get(pos..limit)?;
        let wlen = tail
            .find(|c: char| {
                c.is_whitespace() || matches!(c, ',' | ';' | ':' | ')' | '(' | '"' | '\u{201D}')
            })
            .unwrap_or(tail.len());
        let raw = &tail[..wlen];
        let (word, stop) = match raw
            .strip_suffix("'s")
            .or_else(|| raw.strip_suffix("\u{2019}s"))
        {
            Some(w) => (w, true),
            None => match raw.strip_suffix('.') {
                Some(w) if w.chars().count() > 2 => (w, true),
                _ => (raw, false),
            },
        };
        if is_name_word(word) {
            end = pos + word.len();
            words += 1;
        } else if !(words > 0 && NAME_PARTICLES.contains(&word)) {
            break;
        }
        let after = &tail[wlen..];
        if stop || !after.starts_with(' ') || after[1..].starts_with(char::is_whitespace) {
            break;
        }
        pos += wlen + 1;
    }
    (words > 0).then_some((start, end))
}

/// A capitalised name of at least two words ending right at `to` (before a comma):
/// "Artem Studennikov" in "Artem Studennikov, the minister-counselor".
pub(crate) fn name_before(text: &str, floor: usize, to: usize) -> Option<(usize, usize)> {
    let head = text.get(floor..to)?;
    let mut words: Vec<(usize, &str)> = Vec::new();
    let mut end = head.len();
    for w in head.rsplit(' ') {
        let start = end - w.len();
        if w.is_empty() || words.len() >= 4 {
            break;
        }
        if is_name_word(w) {
            words.push((start, w));
        } else if !NAME_PARTICLES.contains(&w) || words.is_empty() {
            break;
        }
        end = start.saturating_sub(1);
        if start == 0 {
            break;
        }
    }
    while words
        .last()
        .is_some_and(|(_, w)| NAME_PARTICLES.contains(w))
    {
        words.pop();
    }
    if words.len() < 2 {
        return None;
    }
    let first = words.last()?.0;
    Some((floor + first, to))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_gaps() {
        assert_eq!(classify(" "), Gap::Adjacent);
        assert_eq!(classify("'s "), Gap::Possessive);
        assert_eq!(classify("\u{2019}s "), Gap::Possessive);
        assert_eq!(classify(" of the "), Gap::Of);
        assert_eq!(classify("'s new "), Gap::Skip);
        assert_eq!(classify(" Sandinista "), Gap::Skip);
        assert_eq!(classify("-led "), Gap::Skip);
        assert_eq!(classify(" said on "), Gap::Other);
        assert_eq!(classify(", the "), Gap::Apposition);
    }

    #[test]
    fn finds_names_after_roles_and_before_commas() {
        let t = "spokeswoman Maria Zakharova said on Thursday";
        assert_eq!(
            name_after(t, 11, t.len()).map(|(s, e)| &t[s..e]),
            Some("Maria Zakharova")
        );
        let t = "Judge Alejandro Rivera's ruling";
        assert_eq!(
            name_after(t, 5, t.len()).map(|(s, e)| &t[s..e]),
            Some("Alejandro Rivera")
        );
        let t = "\"No,\" Artem Studennikov, the minister";
        let comma = t.find(", the").unwrap_or(0);
        assert_eq!(
            name_before(t, 0, comma).map(|(s, e)| &t[s..e]),
            Some("Artem Studennikov")
        );
        let t = "On Tuesday, the minister";
        assert_eq!(name_before(t, 0, 10), None);
    }
}
