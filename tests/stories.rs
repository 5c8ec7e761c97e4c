//! The project's own story fixtures (tests/data/stories) through `parley code`: what
//! must always hold — publication date, dateline, no event from page furniture, no
//! furniture left in the text. Their event recall is scored by `parley evaluate`.

use parley_eval::stories::{read_dir, score_story};
use parley_types::{Document, Event};

use crate::support::{arg, json_lines, parley, root};

#[test]
fn story_pages_keep_metadata_and_yield_nothing_from_furniture() {
    let stories = read_dir(&root().join("tests/data/stories")).expect("story fixtures");
    assert!(stories.len() >= 6, "{} story fixtures", stories.len());
    let mut problems = Vec::new();
    for (page, story) in &stories {
        let tmp = tempfile::tempdir().expect("temp dir");
        let articles = tmp.path().join("a.jsonl");
        let out = parley()
            .args(["code", "--articles", arg(&articles), arg(page)])
            .output()
            .expect("parley runs");
        assert!(
            out.status.success(),
            "{}: {}",
            story.story,
            String::from_utf8_lossy(&out.stderr)
        );
        let events: Vec<Event> = json_lines(&out.stdout)
            .into_iter()
            .map(|v| serde_json::from_value(v).expect("event"))
            .collect();
        let doc: Document = serde_json::from_value(
            json_lines(&std::fs::read(&articles).expect("articles"))[0].clone(),
        )
        .expect("article");
        let s = score_story(story, &doc, &events);
        problems.extend(s.metadata.iter().map(|m| format!("{}: {m}", story.story)));
        problems.extend(
            s.furniture_events
                .iter()
                .map(|(l, c)| format!("{}: event {c} from «{l}»", story.story)),
        );
        problems.extend(
            s.furniture_left
                .iter()
                .map(|l| format!("{}: furniture left «{l}»", story.story)),
        );
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
