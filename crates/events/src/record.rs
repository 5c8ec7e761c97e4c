//! Building event records: code facts from the CAMEO table and stable event ids.

use parley_types::{Actor, Attribution, Event, EventFlags};

/// An event for `code` with the CAMEO table's Goldstein, QuadClass and PLOVER facts
/// (null for codes outside the table).
pub(crate) fn event(
    code: &str,
    source: Actor,
    target: Option<Actor>,
    flags: EventFlags,
    attribution: Option<Attribution>,
) -> Event {
    let info = parley_cameo::lookup(code);
    Event {
        cameo: code.to_string(),
        cameo_root: code.get(..2).unwrap_or(code).to_string(),
        quad_class: info.map(|i| i.quad_class.number()),
        goldstein: info.map(|i| i.goldstein),
        plover: info.and_then(|i| i.plover).map(str::to_string),
        plover_mode: info.and_then(|i| i.mode).map(str::to_string),
        plover_context: info
            .map(|i| i.context.iter().map(|c| c.to_string()).collect())
            .unwrap_or_default(),
        source,
        target,
        flags,
        attribution,
        ..Event::default()
    }
}

/// A stable id: hash of document id, sentence index, the event's fields and the
/// dictionary version.
pub(crate) fn event_id(e: &Event, version: &str) -> String {
    let mut h = blake3::Hasher::new();
    for part in [
        e.doc_id.as_str(),
        &e.sentence_index.to_string(),
        &e.cameo,
        &e.source.code,
        &e.source.span.start.to_string(),
        e.target.as_ref().map_or("", |t| t.code.as_str()),
        &e.target
            .as_ref()
            .map_or(String::new(), |t| t.span.start.to_string()),
        &e.evidence.span.start.to_string(),
        &format!("{:?}", e.flags),
        version,
    ] {
        h.update(part.as_bytes());
        h.update(&[0x1f]);
    }
    h.finalize().to_hex()[..24].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use parley_types::Span;

    #[test]
    fn fills_code_facts() {
        let e = event(
            "163",
            Actor::new("WST", "Western countries", Span::new(0, 17)),
            None,
            EventFlags::default(),
            None,
        );
        assert_eq!(e.cameo_root, "16");
        assert_eq!(e.quad_class, Some(4));
        assert_eq!(e.goldstein, Some(-8.0));
        assert_eq!(e.plover.as_deref(), Some("COERCE"));
        let odd = event("9999", Actor::default(), None, EventFlags::default(), None);
        assert_eq!(odd.plover, None);
        assert_eq!(odd.goldstein, None);
    }

    #[test]
    fn ids_are_stable_and_distinct() {
        let mut e = event(
            "111",
            Actor::new("IRN", "Iran", Span::new(0, 4)),
            None,
            EventFlags::default(),
            None,
        );
        e.doc_id = "d".into();
        let a = event_id(&e, "v1");
        assert_eq!(a, event_id(&e, "v1"));
        assert_ne!(a, event_id(&e, "v2"));
        e.cameo = "112".into();
        assert_ne!(a, event_id(&e, "v1"));
    }
}
