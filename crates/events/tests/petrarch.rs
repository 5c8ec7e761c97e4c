//! The PETRARCH records harness on the shared records, and the verb reader on the
//! shared verb dictionary.

use std::path::PathBuf;

/// `../shared/eval/petrarch-unit`, or `None` (skip) when absent outside CI.
fn unit_dir() -> Option<PathBuf> {
    let base = std::env::var_os("PARLEY_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared")));
    let dir = base.join("eval/petrarch-unit");
    if dir.is_dir() {
        return Some(dir);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "shared data missing at {}",
        dir.display()
    );
    None
}

#[test]
fn reads_the_shared_verb_dictionary() {
    let Some(dir) = unit_dir() else { return };
    let coder = parley_events::Coder::with_petrarch_dir(&dir).unwrap_or_else(|e| panic!("{e}"));
    let n = coder.patterns().patterns().len();
    assert!(n > 400, "only {n} patterns read");
    assert!(!coder.patterns().discards().is_empty());
}

#[test]
fn records_parse_and_leave_errors_out() {
    let Some(dir) = unit_dir() else { return };
    let records =
        parley_events::petrarch::records::read_records(&dir.join("PETR.UnitTest.records.xml"))
            .unwrap_or_else(|e| panic!("{e}"));
    let scored = records.iter().filter(|r| r.gold.is_some()).count();
    assert!(scored >= 270, "{scored} scored records");
    assert!(records.iter().any(|r| r.gold.is_none()));
}

/// Codes `text` with a verb dictionary written to a scratch folder.
fn code_with_verbs(verbs: &str, text: &str) -> Vec<(String, String, String)> {
    static CALLS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let call = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("parley-petrarch-{}-{call}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(dir.join("test.verbs.txt"), verbs).unwrap_or_else(|e| panic!("{e}"));
    let coder = parley_events::Coder::with_petrarch_dir(&dir).unwrap_or_else(|e| panic!("{e}"));
    let _ = std::fs::remove_dir_all(&dir);
    let mut doc = parley_actors::document_from_text("t", text, None);
    for s in &mut doc.sentences {
        parley_nlp::Model::embedded().annotate(s);
    }
    let mentions = parley_actors::ActorDictionary::builtin().recognize(&doc);
    let mut out: Vec<(String, String, String)> = coder
        .code_document(&doc, &mentions)
        .into_iter()
        .map(|e| {
            let target = e.target.map(|t| t.key().to_string()).unwrap_or_default();
            (e.source.key().to_string(), target, e.cameo)
        })
        .collect();
    out.sort();
    out
}

#[test]
fn a_paired_code_codes_the_act_back() {
    let verbs = "--- ARRIVE  [032:033]  ---\nARRIVE\n\n--- MEET  [031:031]  ---\nMEET\n\n\
                 --- MET  [031:032]  ---\nMET\n\n--- LEAVE  [012]  ---\nLEAVE\n";
    let triple = |s: &str, t: &str, c: &str| (s.to_string(), t.to_string(), c.to_string());
    // `[032:033]`: the visit, and the hosting of it.
    assert_eq!(
        code_with_verbs(verbs, "The Kenyan president arrived in Uganda on Monday."),
        vec![triple("KEN", "UGA", "032"), triple("UGA", "KEN", "033")]
    );
    // A block for the very form the text uses ("MET") beats the lemma's ("MEET").
    assert_eq!(
        code_with_verbs(
            verbs,
            "The Kenyan president met Ugandan officials in Kampala."
        ),
        vec![triple("KEN", "UGA", "031"), triple("UGA", "KEN", "032")]
    );
}

#[test]
fn verb_phrases_inside_another_act_and_degree_words_code_nothing() {
    let verbs = "--- URGE  [102]  ---\nURGE\n\n--- HELP  [031]  ---\nHELP\n\n\
                 --- CLOSE  [192]  ---\nCLOSE\n";
    let triple = |s: &str, t: &str, c: &str| (s.to_string(), t.to_string(), c.to_string());
    // The help urged is part of the urging, not a second act.
    assert_eq!(
        code_with_verbs(verbs, "Kenya urged Uganda to help Somalia."),
        vec![triple("KEN", "UGA", "102")]
    );
    // "very close" is an adjective, whatever the tagger says.
    assert_eq!(
        code_with_verbs(
            verbs,
            "Kenyan troops marched very close to the Somali border."
        ),
        Vec::<(String, String, String)>::new()
    );
}
