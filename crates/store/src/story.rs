//! Story keys: what makes two reported events the same real-world event.
//!
//! Two mentions are one story when they have the same source and target (by actor
//! key), the same CAMEO root, the same trigger lemma, the same polarity, objects that
//! agree (equal, or one unknown), and dates no more than a window apart. Everything
//! else (the exact CAMEO code, the wording, the outlet) may differ.

use chrono::Datelike;
use parley_types::{Date, Document, Event, Span};

/// The matching key of one reported event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct StoryKey {
    pub src: String,
    pub tgt: String,
    pub root: String,
    pub trigger: String,
    pub object: String,
    pub negated: bool,
    pub day: Option<i32>,
}

impl StoryKey {
    pub fn of(event: &Event, doc: &Document) -> StoryKey {
        let (trigger, object) =
            trigger_and_object(doc, event.evidence.span, &event.evidence.trigger);
        StoryKey {
            src: event.source.key().to_string(),
            tgt: event
                .target
                .as_ref()
                .map(|t| t.key().to_string())
                .unwrap_or_default(),
            root: if event.cameo_root.is_empty() {
                event.cameo.chars().take(2).collect()
            } else {
                event.cameo_root.clone()
            },
            trigger,
            object,
            negated: event.flags.negated,
            day: event.date.or(event.doc_date).or(doc.doc_date).map(day_of),
        }
    }

    /// True when a stored story with these trigger, object and polarity matches.
    pub fn agrees(&self, trigger: &str, object: &str, negated: bool) -> bool {
        self.trigger == trigger
            && self.negated == negated
            && (self.object == object || self.object.is_empty() || object.is_empty())
    }
}

/// Days from the common era: the store's date column.
pub fn day_of(d: Date) -> i32 {
    d.num_days_from_ce()
}

/// The date of a stored day number.
pub fn date_of(day: i32) -> Option<Date> {
    Date::from_num_days_from_ce_opt(day)
}

/// The trigger's lemma and the lemma of its object, from the parse when the document
/// has one, else a crude stem of the trigger words.
fn trigger_and_object(doc: &Document, span: Span, trigger: &str) -> (String, String) {
    for s in &doc.sentences {
        if !s.span.contains(span) || span.is_empty() {
            continue;
        }
        let inside: Vec<usize> = (0..s.tokens.len())
            .filter(|&i| span.overlaps(s.tokens[i].span))
            .collect();
        if inside.is_empty() {
            break;
        }
        let lemma = inside
            .iter()
            .map(|&i| {
                let t = &s.tokens[i];
                if t.lemma.is_empty() {
                    t.text.to_lowercase()
                } else {
                    t.lemma.to_lowercase()
                }
            })
            .collect::<Vec<_>>()
            .join(" ");
        let object = s
            .tokens
            .iter()
            .find(|t| {
                t.head.is_some_and(|h| inside.contains(&h))
                    && matches!(t.deprel.as_str(), "obj" | "nsubj:pass" | "obl")
            })
            .map(|t| {
                if t.lemma.is_empty() {
                    t.text.to_lowercase()
                } else {
                    t.lemma.to_lowercase()
                }
            })
            .unwrap_or_default();
        return (lemma, object);
    }
    (stem_phrase(trigger), String::new())
}

/// Lower case, each word stripped of a regular inflection ("suspended" → "suspend").
pub(crate) fn stem_phrase(s: &str) -> String {
    s.split_whitespace().map(stem).collect::<Vec<_>>().join(" ")
}

fn stem(w: &str) -> String {
    let w = w.to_lowercase();
    let mut base = w.as_str();
    for suf in ["ing", "ed", "es", "s"] {
        if w.len() > suf.len() + 3 {
            if let Some(stem) = w.strip_suffix(suf) {
                base = stem;
                break;
            }
        }
    }
    // "expelled", "expels" and "expel" all become "expel"; "stopped" becomes "stop".
    let b = base.as_bytes();
    let n = b.len();
    if n >= 3 && b[n - 1] == b[n - 2] && !b"aeiou".contains(&b[n - 1]) {
        base = &base[..n - 1];
    }
    base.trim_end_matches('e').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_inflections_alike() {
        assert_eq!(stem_phrase("suspended"), stem_phrase("suspends"));
        assert_eq!(stem_phrase("suspending"), stem_phrase("suspend"));
        assert_eq!(stem_phrase("stopped"), stem_phrase("stops"));
        assert_eq!(
            stem_phrase("Imposed sanctions"),
            stem_phrase("imposes sanction")
        );
        assert_eq!(stem_phrase("expelled"), stem_phrase("expels"));
        assert_eq!(stem_phrase("called for"), stem_phrase("calls for"));
        assert_ne!(stem_phrase("expelled"), stem_phrase("suspended"));
    }

    #[test]
    fn days_round_trip() {
        let d: Date = "2023-05-04".parse().expect("date");
        assert_eq!(date_of(day_of(d)), Some(d));
    }
}
