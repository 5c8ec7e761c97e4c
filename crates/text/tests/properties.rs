//! Properties: cleaning and splitting never panic, and every span is valid.

use parley_text::{clean, dates, split_sentences, RawArticle};
use parley_types::Date;
use proptest::prelude::*;

use crate::support::check_invariants;

/// Strings built from news-page pieces, so generated input exercises the furniture
/// rules and not only random characters.
fn pagelike() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("MOSCOW (Sputnik - 05th May, 2023) ".to_string()),
        Just("READ MORE: ".to_string()),
        Just("© AP Photo/ ".to_string()),
        Just("\"".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("\r\n".to_string()),
        Just("U.S. ".to_string()),
        Just("Gen. ".to_string()),
        Just(". ".to_string()),
        Just("… ".to_string()),
        Just("\u{a0}".to_string()),
        Just("\u{feff}".to_string()),
        Just("(@Handle) ".to_string()),
        Just("15:46 GMT +312 April 2018".to_string()),
        Just(" - Analyst".to_string()),
        "[A-Za-z ]{0,12}",
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..24).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn clean_and_split_never_panic_on_any_string(text in any::<String>()) {
        let raw = RawArticle { id: "p".into(), text, ..RawArticle::default() };
        let mut doc = clean(&raw);
        split_sentences(&mut doc);
        check_invariants(&doc);
    }

    #[test]
    fn clean_and_split_hold_invariants_on_pagelike_text(text in pagelike()) {
        let raw = RawArticle { id: "p".into(), text, ..RawArticle::default() };
        let mut doc = clean(&raw);
        split_sentences(&mut doc);
        check_invariants(&doc);
        for s in &doc.sentences {
            prop_assert!(doc.text.is_char_boundary(s.span.start) && doc.text.is_char_boundary(s.span.end));
            prop_assert!(s.span.end <= doc.text.len());
        }
        for r in &doc.removed {
            prop_assert!(doc.raw.is_char_boundary(r.span.start) && doc.raw.is_char_boundary(r.span.end));
        }
    }

    #[test]
    fn date_parsers_never_panic(text in any::<String>(), days in 0i64..80_000) {
        let _ = dates::parse_publication_date(&text);
        let doc = Date::from_ymd_opt(1900, 1, 1).and_then(|d| d.checked_add_signed(chrono::Duration::days(days)));
        if let Some(doc) = doc {
            for e in dates::find_event_dates(&text, doc) {
                prop_assert!(text.get(e.span.start..e.span.end).is_some());
            }
        }
    }
}
