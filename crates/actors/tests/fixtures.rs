//! Fixture files and the shared data folder.

use std::collections::HashSet;
use std::path::PathBuf;

use parley_actors::Mention;
use serde::Deserialize;

/// One expected mention.
#[derive(Debug, Clone, Deserialize)]
pub struct Expected {
    pub text: String,
    pub code: String,
    #[serde(default)]
    #[allow(dead_code)]
    pub note: Option<String>,
}

/// A fixture case: a text (inline or a file under shared/) and its mentions.
#[derive(Debug, Deserialize)]
pub struct Case {
    pub name: String,
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub file: Option<String>,
    pub date: Option<String>,
    #[allow(dead_code)]
    pub note: String,
    pub expected: Vec<Expected>,
}

#[derive(Debug, Deserialize)]
pub struct Fixture {
    pub cases: Vec<Case>,
}

pub fn load(name: &str) -> Fixture {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let fixture: Fixture =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut names = HashSet::new();
    for c in &fixture.cases {
        assert!(
            names.insert(c.name.clone()),
            "{name}: duplicate case name {:?}",
            c.name
        );
    }
    fixture
}

/// The shared data folder: `PARLEY_SHARED`, or `../shared` beside the workspace.
/// `None` when it is absent (then tests return early), but with `CI` set its absence
/// fails the test.
pub fn shared_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("PARLEY_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"));
    if dir.is_dir() {
        return Some(dir);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "shared data folder {} is missing",
        dir.display()
    );
    None
}

/// Compares mentions with the expected (text, code) list; returns the differences.
pub fn compare(case: &str, mentions: &[Mention], expected: &[Expected]) -> Vec<String> {
    let got: Vec<(String, String)> = mentions
        .iter()
        .map(|m| (m.actor.text.clone(), m.actor.code.clone()))
        .collect();
    let want: Vec<(String, String)> = expected
        .iter()
        .map(|e| (e.text.clone(), e.code.clone()))
        .collect();
    if got == want {
        return Vec::new();
    }
    let mut out = vec![format!("{case}: mentions differ (expected | actual)")];
    for i in 0..got.len().max(want.len()) {
        let w = want
            .get(i)
            .map_or("-".to_string(), |(t, c)| format!("{t} = {c}"));
        let g = got
            .get(i)
            .map_or("-".to_string(), |(t, c)| format!("{t} = {c}"));
        let mark = if w == g { " " } else { "!" };
        out.push(format!("{mark} {w:<60} | {g}"));
    }
    out
}
