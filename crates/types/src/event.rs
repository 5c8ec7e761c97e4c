use serde::{Deserialize, Serialize};

use crate::{Date, Span};

/// An actor as it appears in an event: a CAMEO actor code with its parts.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    /// CAMEO actor code: country + sector (`RUSGOV`), or an IGO/NGO/region code
    /// (`IGOUNO`, `WST`).
    pub code: String,
    /// ISO 3166-1 alpha-3 country; `None` for IGOs, regions and unknowns.
    pub country: Option<String>,
    /// Primary sector (`GOV`, `MIL`, `REB`, …), if any.
    pub sector: Option<String>,
    /// The matched text.
    pub text: String,
    /// The resolved name of a person or institution, where known.
    #[serde(default)]
    pub name: Option<String>,
    /// Byte range of `text` in the cleaned document text.
    pub span: Span,
}

/// Codes that start with three letters but are not countries: international and
/// transnational actors and CAMEO's regions. ("CAF" and "NAM" are the Central African
/// Republic and Namibia; CAMEO writes Central Africa "CFR" and North America "NMR".)
const NON_COUNTRY_PREFIXES: &[&str] = &[
    "IGO", "NGO", "WST", "EUR", "AFR", "ASA", "MEA", "SAM", "NMR", "CAS", "SAS", "SEA", "WAF",
    "EAF", "CFR", "SAF", "NAF", "BLK", "CRB", "CEU", "EEU", "NRD", "SCN", "BAL", "MDT", "PGS",
    "LAM", "MID", "DEV", "UNK", "MNC", "INT", "IMG", "UIS", "NGM", "ARB", "CAU", "EIN",
];

/// CAMEO sector codes: a code that starts with one names no country ("JUD" for "the
/// court", "COP" for "police").
const SECTORS: &[&str] = &[
    "GOV", "MIL", "REB", "OPP", "CVL", "BUS", "MED", "COP", "JUD", "LEG", "EDU", "REL", "LAB",
    "AGR", "ELI", "SPY", "HLH", "REF", "UAF", "CRM", "PTY", "INS", "SEP", "ENV", "HRI", "JRN",
];

/// True when `code` is one three-letter CAMEO sector ("JUD", "COP"), not a state.
pub fn is_sector(code: &str) -> bool {
    SECTORS.contains(&code)
}

impl Actor {
    /// An actor for `code`, splitting a leading ISO-3 country and a following
    /// three-letter sector out of the code.
    pub fn new(code: &str, text: &str, span: Span) -> Actor {
        let (country, sector) = split_code(code);
        Actor {
            code: code.to_string(),
            country,
            sector,
            text: text.to_string(),
            name: None,
            span,
        }
    }

    /// The key evaluation compares: the country, or the first three letters of the code.
    pub fn key(&self) -> &str {
        match &self.country {
            Some(c) => c,
            None => self.code.get(..3).unwrap_or(&self.code),
        }
    }
}

/// Splits a CAMEO actor code into (country, first sector).
pub fn split_code(code: &str) -> (Option<String>, Option<String>) {
    let head = code.get(..3);
    let rest = code.get(3..6);
    match head {
        Some(h) if is_sector(h) => (None, Some(h.to_string())),
        Some(h)
            if h.bytes().all(|b| b.is_ascii_uppercase()) && !NON_COUNTRY_PREFIXES.contains(&h) =>
        {
            (
                Some(h.to_string()),
                rest.filter(|r| r.len() == 3).map(str::to_string),
            )
        }
        Some(_) => (None, rest.filter(|r| r.len() == 3).map(str::to_string)),
        None => (None, None),
    }
}

/// Qualifiers of an event; flagged events are still output.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventFlags {
    /// "did not attack", "denied trespassing".
    pub negated: bool,
    /// "would strike", "if … then".
    pub hypothetical: bool,
    /// Reported as not yet happened ("plans to", "will").
    pub future: bool,
    /// Background rather than news ("since February 2022").
    pub historical: bool,
}

/// Who reported an event when it is not its source ("X said Y expelled Z": X).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Attribution {
    /// The speaker.
    pub speaker: Option<Actor>,
    /// True when the words are a direct quotation.
    pub quoted: bool,
}

/// Why an event was coded.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    /// The trigger word or phrase.
    pub trigger: String,
    /// Its byte range in the cleaned text.
    pub span: Span,
    /// The pattern that fired (dictionary file, line and pattern).
    pub rule: String,
}

/// One coded event: the JSON Lines record of `parley code`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Stable hash of document id, sentence, event and model/dictionary version.
    pub event_id: String,
    /// The article id.
    pub doc_id: String,
    /// Publication date.
    pub doc_date: Option<Date>,
    /// Event date (relative references resolved against `doc_date`).
    pub date: Option<Date>,
    /// Sentence position in the document.
    pub sentence_index: usize,
    /// The sentence text.
    pub sentence: String,
    /// Who acted.
    pub source: Actor,
    /// Acted on whom, if anyone.
    pub target: Option<Actor>,
    /// CAMEO event code (`"161"`), or a dictionary's own code.
    pub cameo: String,
    /// The two-digit CAMEO root (`"16"`).
    pub cameo_root: String,
    /// 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    pub quad_class: Option<u8>,
    /// Goldstein scale weight of the code.
    pub goldstein: Option<f64>,
    /// PLOVER event type (`SANCTION`); none for CAMEO 01 and 02.
    pub plover: Option<String>,
    /// PLOVER mode.
    pub plover_mode: Option<String>,
    /// PLOVER contexts.
    pub plover_context: Vec<String>,
    /// Negated, hypothetical, future, historical.
    pub flags: EventFlags,
    /// The speaker when someone other than the source reports the event.
    pub attribution: Option<Attribution>,
    /// Trigger, span and the rule that fired.
    pub evidence: Evidence,
    /// Calibrated probability that type, source and target are right (omitted until
    /// calibrated).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_codes() {
        assert_eq!(
            split_code("RUSGOV"),
            (Some("RUS".into()), Some("GOV".into()))
        );
        assert_eq!(split_code("FRA"), (Some("FRA".into()), None));
        assert_eq!(split_code("IGOUNO"), (None, Some("UNO".into())));
        assert_eq!(split_code("WST"), (None, None));
        // Transnational armed groups and unidentified states name no country.
        assert_eq!(split_code("IMGMOSALQ"), (None, Some("MOS".into())));
        assert_eq!(split_code("UIS"), (None, None));
        // Country codes that look like region codes.
        assert_eq!(
            split_code("CAFGOV"),
            (Some("CAF".into()), Some("GOV".into()))
        );
        assert_eq!(split_code("NAM"), (Some("NAM".into()), None));
        assert_eq!(split_code("ARB"), (None, None));
        assert_eq!(split_code(""), (None, None));
    }

    #[test]
    fn key_is_country_or_prefix() {
        assert_eq!(Actor::new("RUSMIL", "x", Span::default()).key(), "RUS");
        assert_eq!(Actor::new("IGOUNO", "x", Span::default()).key(), "IGO");
        assert_eq!(Actor::new("WST", "x", Span::default()).key(), "WST");
    }

    #[test]
    fn a_sector_code_names_no_country() {
        for code in ["JUD", "COP", "LEG", "EDU", "GOV", "REFCVL"] {
            let a = Actor::new(code, "x", Span::default());
            assert_eq!(a.country, None, "{code}");
            assert_eq!(a.sector.as_deref(), code.get(..3), "{code}");
        }
        let a = Actor::new("CHLJUD", "x", Span::default());
        assert_eq!(a.country.as_deref(), Some("CHL"));
        assert_eq!(a.sector.as_deref(), Some("JUD"));
    }
}
