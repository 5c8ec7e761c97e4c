//! Synthetic articles for benchmarks and crash tests: deterministic, so a test can
//! recompute what any article should contain.

use parley_types::{Actor, Date, Document, Event, Evidence, Span};

use crate::store::content_hash;

/// Country keys the generator draws from (besides the benchmark dyad).
const COUNTRIES: &[&str] = &[
    "USA", "CHN", "DEU", "GBR", "JPN", "IND", "BRA", "CAN", "AUS", "ITA", "ESP", "MEX", "KOR",
    "IDN", "TUR", "SAU", "ARG", "ZAF", "EGY", "NGA", "POL", "UKR", "IRN", "ISR", "PAK", "VNM",
    "THA", "NLD", "SWE", "NOR", "FIN", "GRC", "PRT", "BEL", "CHE", "AUT", "HUN", "CZE", "ROU",
    "SRB", "KAZ", "UZB", "AZE", "ARM", "GEO", "BLR", "SYR", "IRQ", "JOR", "LBN", "QAT", "ARE",
    "KEN", "ETH", "DZA", "MAR", "CHL", "PER", "COL", "VEN",
];

/// (CAMEO code, root, QuadClass, Goldstein, PLOVER, trigger lemma).
const CODES: &[(&str, &str, u8, f64, &str, &str)] = &[
    ("040", "04", 1, 1.0, "CONSULT", "meet"),
    ("042", "04", 1, 1.9, "CONSULT", "visit"),
    ("036", "03", 1, 4.0, "CONSULT", "agree to meet"),
    ("051", "05", 1, 3.4, "COOPERATE", "praise"),
    ("057", "05", 1, 8.0, "AGREE", "sign"),
    ("061", "06", 2, 6.4, "COOPERATE", "cooperate"),
    ("071", "07", 2, 7.4, "AID", "aid"),
    ("112", "11", 3, -2.0, "ACCUSE", "accuse"),
    ("120", "12", 3, -4.0, "REJECT", "reject"),
    ("130", "13", 3, -4.4, "THREATEN", "threaten"),
    ("141", "14", 3, -6.5, "PROTEST", "protest"),
    ("161", "16", 4, -4.0, "SANCTION", "suspend"),
    ("163", "16", 4, -8.0, "SANCTION", "sanction"),
    ("172", "17", 4, -5.0, "COERCE", "expel"),
    ("190", "19", 4, -10.0, "ASSAULT", "attack"),
];

const OBJECTS: &[&str] = &[
    "talk", "trade", "aid", "visit", "deal", "border", "embassy", "flight", "loan", "grain",
];
const OUTLETS: &[&str] = &[
    "Wire A",
    "Wire B",
    "Daily C",
    "Gazette D",
    "Radio E",
    "Times F",
];

/// A deterministic generator of coded articles.
#[derive(Debug, Clone)]
pub struct Synthetic {
    /// Events per article.
    pub events_per_article: usize,
    /// The benchmark dyad (keys).
    pub dyad: (String, String),
    /// Share of events on the benchmark dyad (either direction).
    pub dyad_share: f64,
    /// First year of event dates.
    pub first_year: i32,
    /// Number of years dates spread over.
    pub years: i32,
}

impl Default for Synthetic {
    fn default() -> Self {
        Synthetic {
            events_per_article: 20,
            dyad: ("RUS".into(), "FRA".into()),
            dyad_share: 0.015,
            first_year: 2015,
            years: 10,
        }
    }
}

/// splitmix64: a small, good, dependency-free generator.
fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

impl Synthetic {
    /// Article `i`: its document, events and content hash.
    pub fn article(&self, i: u64) -> (Document, Vec<Event>, String) {
        let mut r = mix(i.wrapping_mul(0x1000_0000_01B3) ^ 0x5eed);
        let mut next = || {
            r = mix(r);
            r
        };
        let days = (self.years.max(1) * 365) as u64;
        let start = Date::from_ymd_opt(self.first_year, 1, 1).unwrap_or_default();
        let doc_date = start + chrono::Duration::days((next() % days) as i64);
        let id = format!("syn{i:09}");
        let outlet = OUTLETS[(next() % OUTLETS.len() as u64) as usize];
        let doc = Document {
            id: id.clone(),
            doc_date: Some(doc_date),
            outlet: Some(outlet.to_string()),
            url: Some(format!("https://example.org/{id}")),
            ..Document::default()
        };
        let mut events = Vec::with_capacity(self.events_per_article);
        for k in 0..self.events_per_article {
            let on_dyad = (next() % 1_000_000) as f64 / 1_000_000.0 < self.dyad_share;
            let (src, tgt) = if on_dyad {
                if next() % 2 == 0 {
                    (self.dyad.0.clone(), self.dyad.1.clone())
                } else {
                    (self.dyad.1.clone(), self.dyad.0.clone())
                }
            } else {
                let a = COUNTRIES[(next() % COUNTRIES.len() as u64) as usize];
                let mut b = COUNTRIES[(next() % COUNTRIES.len() as u64) as usize];
                if a == b {
                    b = "UNK";
                }
                (a.to_string(), b.to_string())
            };
            let (cameo, root, quad, g, plover, trigger) =
                CODES[(next() % CODES.len() as u64) as usize];
            let object = OBJECTS[(next() % OBJECTS.len() as u64) as usize];
            let lag = (next() % 3) as i64;
            let sentence = format!("{src} {trigger} {object} {tgt} ({k}).");
            events.push(Event {
                event_id: format!("{id}-{k}"),
                doc_id: id.clone(),
                doc_date: Some(doc_date),
                date: Some(doc_date - chrono::Duration::days(lag)),
                sentence_index: k,
                sentence,
                source: Actor::new(&src, &src, Span::new(0, 3)),
                target: Some(Actor::new(&tgt, &tgt, Span::new(4, 7))),
                cameo: cameo.into(),
                cameo_root: root.into(),
                quad_class: Some(quad),
                goldstein: Some(g),
                plover: Some(plover.into()),
                evidence: Evidence {
                    trigger: format!("{trigger} {object} #{}", next() % 50_000),
                    span: Span::default(),
                    rule: "synthetic".into(),
                },
                ..Event::default()
            });
        }
        let hash = content_hash(&format!("{id}/{}", self.events_per_article));
        (doc, events, hash)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn is_deterministic_and_hits_the_dyad() {
        let s = Synthetic {
            dyad_share: 0.5,
            ..Synthetic::default()
        };
        let (d1, e1, h1) = s.article(7);
        let (d2, e2, h2) = s.article(7);
        assert_eq!((d1.id, h1), (d2.id, h2));
        assert_eq!(e1, e2);
        let on: usize = (0..50)
            .map(|i| {
                s.article(i)
                    .1
                    .iter()
                    .filter(|e| e.source.key() == "RUS" || e.source.key() == "FRA")
                    .count()
            })
            .sum();
        assert!(on > 300 && on < 700, "{on}");
    }
}
