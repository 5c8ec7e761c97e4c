//! The seed stories, through `parley code` exactly as a user runs it.

use parley_eval::seeds::{read_expected, score_story};
use parley_types::{Document, Event};

use crate::support::{arg, json_lines, run, shared};

#[test]
fn seed_stories_yield_every_must_event_and_no_trap_event() {
    let Some(shared) = shared() else { return };
    let seeds = shared.join("seeds");
    let stories = read_expected(&seeds.join("expected.json")).expect("expected.json");
    let tmp = tempfile::tempdir().expect("temp dir");
    let articles = tmp.path().join("articles.jsonl");
    let mut args = vec![
        "code".to_string(),
        "--articles".into(),
        arg(&articles).into(),
    ];
    for s in &stories {
        args.push(arg(&seeds.join(format!("{}.txt", s.id))).to_string());
    }
    let out = crate::support::parley()
        .args(&args)
        .output()
        .expect("parley runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let events: Vec<Event> = json_lines(&out.stdout)
        .into_iter()
        .map(|v| serde_json::from_value(v).expect("event record"))
        .collect();
    let docs: Vec<Document> = json_lines(&std::fs::read(&articles).expect("articles"))
        .into_iter()
        .map(|v| serde_json::from_value(v).expect("article record"))
        .collect();
    for story in &stories {
        let doc = docs
            .iter()
            .find(|d| d.id == story.id)
            .expect("article written");
        let mine: Vec<Event> = events
            .iter()
            .filter(|e| e.doc_id == story.id)
            .cloned()
            .collect();
        let report = score_story(story, doc, &mine);
        assert!(
            report.must_missed.is_empty(),
            "{}: missing {:#?}",
            story.id,
            report.must_missed
        );
        assert!(
            report.trap_events.is_empty(),
            "{}: trap events {:#?}",
            story.id,
            report.trap_events
        );
        assert!(
            report.traps_left.is_empty(),
            "{}: furniture left {:#?}",
            story.id,
            report.traps_left
        );
        assert!(
            report.body_missing.is_empty(),
            "{}: lost {:#?}",
            story.id,
            report.body_missing
        );
        assert_eq!(
            report.doc_date.0, report.doc_date.1,
            "{}: doc_date",
            story.id
        );
        assert_eq!(
            report.dateline.0, report.dateline.1,
            "{}: dateline",
            story.id
        );
        assert!(
            report.thursday_ok(),
            "{}: 'on Thursday' dates {:?}",
            story.id,
            report.thursday
        );
    }
}

#[test]
fn coding_twice_gives_identical_output() {
    let Some(shared) = shared() else { return };
    let files: Vec<String> = std::fs::read_dir(shared.join("seeds"))
        .expect("seeds")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| arg(&p).to_string())
        .collect();
    let mut args = vec!["code"];
    args.extend(files.iter().map(String::as_str));
    let a = run(&args);
    let b = run(&args);
    assert!(a.status.success());
    assert!(!a.stdout.is_empty());
    assert_eq!(a.stdout, b.stdout);
}
