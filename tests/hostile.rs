//! Hostile input: every bad input is reported with its location and skipped; the good
//! articles in the same run are still coded.

use std::fs;

use crate::support::{arg, json_lines, parley};

const GOOD: &str = "BERLIN (Wire) - Germany expelled two Russian diplomats on Monday, \
the foreign ministry said.\n\nRussia accused Germany of hostile acts.\n";

#[test]
fn bad_inputs_are_reported_and_good_ones_coded() {
    let dir = tempfile::tempdir().expect("temp dir");
    let p = |name: &str| dir.path().join(name);
    fs::write(p("good.txt"), GOOD).unwrap();
    fs::write(p("empty.txt"), "").unwrap();
    let noise: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    fs::write(p("random.txt"), noise).unwrap();
    let mut latin1 =
        b"PARIS - France recalled its ambassador from Mali, the ministry said. Caf\xe9.".to_vec();
    latin1.push(b'\n');
    fs::write(p("latin1.txt"), latin1).unwrap();
    let jsonl = format!(
        "{}\n{{not json\n{{\"id\": \"no-text\"}}\n\n{}\n",
        serde_json::json!({"id": "j1", "text": GOOD, "date": "2024-05-06"}),
        serde_json::json!({"id": "j2", "text": GOOD.replace("Germany", "Poland")})
    );
    fs::write(p("feed.jsonl"), jsonl).unwrap();
    let names = [
        "good.txt",
        "empty.txt",
        "random.txt",
        "latin1.txt",
        "feed.jsonl",
        "missing.txt",
    ];
    let paths: Vec<_> = names.iter().map(|n| p(n)).collect();
    let out = parley()
        .arg("code")
        .args(paths.iter().map(|x| arg(x)))
        .output()
        .expect("parley runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    for named in [
        "empty.txt",
        "random.txt",
        "missing.txt",
        "feed.jsonl:2",
        "feed.jsonl:3",
    ] {
        assert!(stderr.contains(named), "stderr names {named}: {stderr}");
    }
    assert!(
        stderr.contains("latin1.txt") && stderr.contains("warning"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    let events = json_lines(&out.stdout);
    for id in ["good", "j1", "j2", "latin1"] {
        assert!(
            events.iter().any(|e| e["doc_id"] == id),
            "events of {id}: {stderr}"
        );
    }
}

#[test]
fn huge_article_and_huge_sentence_are_coded() {
    let dir = tempfile::tempdir().expect("temp dir");
    let big = dir.path().join("big.txt");
    let mut text = String::with_capacity(10_500_000);
    while text.len() < 10_000_000 {
        text.push_str(GOOD);
        text.push('\n');
    }
    fs::write(&big, &text).unwrap();
    let long = dir.path().join("long.txt");
    let words: Vec<&str> = [
        "Iran", "warned", "Iraq", "and", "the", "talks", "went", "on",
    ]
    .iter()
    .cycle()
    .take(50_000)
    .copied()
    .collect();
    fs::write(&long, words.join(" ") + ".").unwrap();
    let out = parley()
        .args(["code", arg(&big), arg(&long)])
        .output()
        .expect("parley runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let events = json_lines(&out.stdout);
    assert!(
        events.iter().filter(|e| e["doc_id"] == "big").count() > 1000,
        "{stderr}"
    );
}
