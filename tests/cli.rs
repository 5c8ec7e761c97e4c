//! The command line itself: help, usage errors, the shipped examples.

use crate::support::{json_lines, run};

#[test]
fn help_teaches_each_command() {
    let out = run(&["--help"]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    for cmd in ["code", "evaluate"] {
        assert!(text.contains(cmd), "--help lists {cmd}");
    }
    let out = run(&["code", "--help"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("Exit status"));
}

#[test]
fn bad_usage_exits_2() {
    assert_eq!(run(&["code"]).status.code(), Some(2));
    assert_eq!(run(&["no-such-command"]).status.code(), Some(2));
}

#[test]
fn shipped_examples_code_to_events() {
    let out = run(&[
        "code",
        "examples/articles/warsaw_berlin_talks.txt",
        "examples/articles/kyiv_grain.jsonl",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let events = json_lines(&out.stdout);
    assert!(events.len() >= 4, "{} events", events.len());
    for e in &events {
        for field in [
            "event_id",
            "doc_id",
            "cameo",
            "cameo_root",
            "source",
            "evidence",
            "flags",
        ] {
            assert!(e.get(field).is_some(), "{field} in {e}");
        }
    }
    let docs: std::collections::BTreeSet<&str> =
        events.iter().filter_map(|e| e["doc_id"].as_str()).collect();
    assert!(
        docs.contains("warsaw_berlin_talks") && docs.contains("sanctions-2024-02-23"),
        "{docs:?}"
    );
}
