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
