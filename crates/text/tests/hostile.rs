//! Hostile input: reported, never a crash, never stopping the good articles, and fast.

use std::path::Path;

use parley_text::{
    clean, read_path, split_sentences, RawArticle, TextError, MAX_SENTENCE_BYTES,
    MAX_SENTENCE_WORDS,
};

use crate::support::check_invariants;

fn write(dir: &Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write");
    path
}

/// A deterministic byte stream (xorshift), so failures reproduce.
fn noise(len: usize, seed: u64) -> Vec<u8> {
    let mut x = seed.max(1);
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

fn first(path: &Path) -> Result<RawArticle, TextError> {
    read_path(path).next().expect("one item")
}

/// What a hostile file must produce.
enum Outcome {
    Binary,
    Empty,
    Article { warned: bool },
}

#[test]
fn hostile_files_are_reported_per_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cases: Vec<(&str, Vec<u8>, Outcome)> = vec![
        ("random_bytes.txt", noise(4096, 7), Outcome::Binary),
        ("random_small.txt", noise(40, 99), Outcome::Binary),
        ("empty.txt", Vec::new(), Outcome::Empty),
        ("blank.txt", b" \n\t\r\n \n".to_vec(), Outcome::Empty),
        ("bom_only.txt", b"\xEF\xBB\xBF".to_vec(), Outcome::Empty),
        ("nul.txt", b"Kenya said\0 no.".to_vec(), Outcome::Binary),
        (
            "latin1.txt",
            b"Caf\xE9 owners in Bogot\xE1 protested on Monday.".to_vec(),
            Outcome::Article { warned: true },
        ),
        (
            "crlf_bom.txt",
            b"\xEF\xBB\xBFLIMA (EFE) - Peru protested.\r\n\r\nChile replied.\r\n".to_vec(),
            Outcome::Article { warned: false },
        ),
        (
            "control.txt",
            b"Talks \x1b[31mresumed\x1b[0m in Oslo.\x0c\x07".to_vec(),
            Outcome::Article { warned: false },
        ),
    ];
    for (name, bytes, outcome) in cases {
        let path = write(dir.path(), name, &bytes);
        let got = first(&path);
        match (outcome, got) {
            (Outcome::Binary, Err(TextError::Binary { location, .. })) => {
                assert!(location.path.ends_with(name))
            }
            (Outcome::Empty, Err(TextError::Empty { location })) => {
                assert!(location.path.ends_with(name))
            }
            (Outcome::Article { warned }, Ok(a)) => {
                assert_eq!(!a.warnings.is_empty(), warned, "{name}: {:?}", a.warnings);
                let mut doc = clean(&a);
                split_sentences(&mut doc);
                check_invariants(&doc);
                assert!(!doc.sentences.is_empty(), "{name}");
                assert!(
                    !doc.text.contains(['\u{1b}', '\u{7}', '\u{feff}', '\r']),
                    "{name}: {:?}",
                    doc.text
                );
            }
            (_, other) => panic!("{name}: unexpected {other:?}"),
        }
    }
}

#[test]
fn broken_jsonl_lines_do_not_stop_good_ones() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut body = Vec::new();
    body.extend_from_slice(b"{\"id\":\"g1\",\"text\":\"Oslo and Reykjavik signed a pact.\"}\n");
    body.extend_from_slice(b"{\"id\":\"b1\",\"text\":\"truncated\n");
    body.extend_from_slice(&noise(200, 3));
    body.push(b'\n');
    body.extend_from_slice(b"{\"id\":\"g2\",\"text\":\"Caf\xE9 talks went on.\"}\n");
    body.extend_from_slice(b"{\"id\":\"b2\",\"text\":42}\n");
    body.extend_from_slice(b"{\"id\":\"g3\",\"text\":\"Quito protested.\"}");
    let path = write(dir.path(), "mixed.jsonl", &body);
    let out: Vec<_> = read_path(&path).collect();
    let good: Vec<&str> = out
        .iter()
        .filter_map(|r| r.as_ref().ok())
        .map(|a| a.id.as_str())
        .collect();
    assert_eq!(good, vec!["g1", "g2", "g3"]);
    let bad_lines: Vec<usize> = out
        .iter()
        .filter_map(|r| r.as_ref().err())
        .filter_map(|e| e.location().line)
        .collect();
    assert!(
        bad_lines.contains(&2) && bad_lines.contains(&5),
        "{bad_lines:?}"
    );
    let g2 = out
        .iter()
        .filter_map(|r| r.as_ref().ok())
        .find(|a| a.id == "g2")
        .expect("g2");
    assert_eq!(
        g2.warnings.len(),
        1,
        "invalid UTF-8 in a JSONL line is repaired with a warning"
    );
}

#[test]
fn ten_megabyte_article_cleans_and_splits_in_seconds() {
    let para = "Officials in Nairobi said on Monday that talks with Kampala over the disputed island would resume next week. \
                \"We remain committed to dialogue,\" the foreign ministry said in a statement.\n\n\
                READ MORE: Uganda Denies Border Incursion - Army\n\n\
                © AFP Photo/ Jane Roe\n\n";
    let text = para.repeat(10 * 1024 * 1024 / para.len() + 1);
    assert!(text.len() >= 10 * 1024 * 1024);
    let raw = RawArticle {
        id: "big".into(),
        text,
        ..RawArticle::default()
    };
    let mut doc = clean(&raw);
    split_sentences(&mut doc);
    let copies = raw.text.matches("READ MORE").count();
    assert_eq!(doc.sentences.len(), 2 * copies);
    assert!(!doc.text.contains("READ MORE") && !doc.text.contains("Jane Roe"));
    check_invariants(&doc);
}

#[test]
fn fifty_thousand_word_sentence_is_cut_fast() {
    let words = [
        "the",
        "delegation",
        "from",
        "Lusaka",
        "and",
        "Harare",
        "discussed",
        "trade",
        "routes",
    ];
    let text: String = (0..50_000)
        .map(|i| words[i % words.len()])
        .collect::<Vec<_>>()
        .join(" ")
        + ".";
    let raw = RawArticle {
        id: "long".into(),
        text,
        ..RawArticle::default()
    };
    let mut doc = clean(&raw);
    split_sentences(&mut doc);
    assert!(doc.sentences.len() >= 50_000 / MAX_SENTENCE_WORDS);
    for s in &doc.sentences {
        assert!(
            s.text.len() <= MAX_SENTENCE_BYTES + 8,
            "{} bytes",
            s.text.len()
        );
        assert!(s.text.split_whitespace().count() <= MAX_SENTENCE_WORDS);
    }
    // Nothing is lost by cutting.
    let joined: Vec<&str> = doc
        .sentences
        .iter()
        .flat_map(|s| s.text.split_whitespace())
        .collect();
    assert_eq!(joined.len(), 50_000);
    check_invariants(&doc);
}

#[test]
fn pathological_shapes_stay_linear() {
    for (name, text) in [
        ("dots", ".".repeat(2_000_000)),
        ("dotted_token", "a.".repeat(1_000_000)),
        ("one_token", "x".repeat(3_000_000)),
        ("newlines", "\n".repeat(2_000_000)),
        ("short_lines", "Yes\n".repeat(500_000)),
        ("quotes", "\"".repeat(1_000_000)),
        ("brackets", "(".repeat(1_000_000)),
    ] {
        let raw = RawArticle {
            id: name.into(),
            text,
            ..RawArticle::default()
        };
        let mut doc = clean(&raw);
        split_sentences(&mut doc);
        check_invariants(&doc);
    }
}
