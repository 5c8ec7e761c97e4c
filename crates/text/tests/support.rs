//! Helpers shared by the test modules.

use std::path::PathBuf;

use parley_text::{clean, split_sentences, RawArticle};
use parley_types::Document;

/// `../shared` beside the workspace (or `PARLEY_SHARED`); `None` when absent outside CI.
pub fn shared_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("PARLEY_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared")));
    if dir.join("DESIGN.md").is_file() {
        return Some(dir);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "CI needs the shared data at {}",
        dir.display()
    );
    None
}

/// Cleans `text` as an article with id `id` and splits its sentences.
pub fn clean_text(id: &str, text: &str) -> Document {
    let raw = RawArticle {
        id: id.into(),
        origin: format!("{id}.txt"),
        text: text.into(),
        ..RawArticle::default()
    };
    let mut doc = clean(&raw);
    split_sentences(&mut doc);
    doc
}

/// Checks the invariants every cleaned document must hold: pieces of the offset map
/// equal the raw bytes, every other byte is an inserted space or newline, removed
/// spans are inside the raw text and on char boundaries, sentences are valid spans.
pub fn check_invariants(doc: &Document) {
    let mut covered = vec![false; doc.text.len()];
    for &(c, r, len) in &doc.offsets.pieces {
        assert_eq!(
            doc.text.get(c..c + len),
            doc.raw.get(r..r + len),
            "piece ({c}, {r}, {len}) differs from the raw text"
        );
        covered[c..c + len].iter_mut().for_each(|b| *b = true);
    }
    for (i, b) in doc.text.bytes().enumerate() {
        assert!(
            covered[i] || b == b' ' || b == b'\n',
            "byte {i} ({b:#x}) of the cleaned text is not from the raw text"
        );
    }
    for r in &doc.removed {
        assert!(
            doc.raw.get(r.span.start..r.span.end).is_some(),
            "removed span {:?} invalid",
            r.span
        );
    }
    for (i, s) in doc.sentences.iter().enumerate() {
        assert_eq!(s.index, i);
        assert_eq!(
            doc.text.get(s.span.start..s.span.end),
            Some(s.text.as_str())
        );
        assert!(!s.text.is_empty());
    }
}

/// The text of a JSON/TOML fixture collection with unique names.
pub fn assert_unique<'a>(names: impl IntoIterator<Item = &'a str>) {
    let mut seen = std::collections::HashSet::new();
    for n in names {
        assert!(seen.insert(n), "duplicate fixture name {n:?}");
    }
}

/// Reads a fixture file of the crate's `tests/fixtures`.
pub fn fixture(name: &str) -> String {
    let path = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures")).join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}
