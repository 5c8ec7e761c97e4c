//! Reading inputs from files: `.txt`, `.jsonl`, errors with their locations.

use std::io::Write;
use std::path::Path;

use parley_text::{read_path, TextError};

fn write(dir: &Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = dir.join(name);
    let mut f = std::fs::File::create(&path).expect("create");
    f.write_all(bytes).expect("write");
    path
}

#[test]
fn txt_file_is_one_article_named_by_its_stem() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(
        dir.path(),
        "kenya_envoy.txt",
        b"Kenya recalled its envoy on Monday.\n",
    );
    let out: Vec<_> = read_path(&path).collect();
    assert_eq!(out.len(), 1);
    let a = out[0].as_ref().expect("article");
    assert_eq!(a.id, "kenya_envoy");
    assert_eq!(a.origin, path.display().to_string());
    assert!(a.warnings.is_empty());
}

#[test]
fn jsonl_file_streams_articles_and_errors_in_order() {
    let dir = tempfile::tempdir().expect("tempdir");
    let body = concat!(
        "{\"id\":\"a1\",\"text\":\"Chile and Peru held talks.\",\"date\":\"05th May, 2023\",\"title\":\"Talks\",\"url\":\"https://example.org/a1\",\"source\":\"Andina\"}\n",
        "{\"id\":\"a2\",\"text\":\"\"}\n",
        "this is not json\n",
        "{\"id\":\"a4\",\"text\":\"Peru recalled its ambassador.\",\"date\":\"someday\"}\n",
        "{\"id\":\"a5\",\"text\":\"bad \\u0000 nul\"}\n",
    );
    let path = write(dir.path(), "feed.jsonl", body.as_bytes());
    let out: Vec<_> = read_path(&path).collect();
    assert_eq!(out.len(), 5);
    let a1 = out[0].as_ref().expect("a1");
    assert_eq!(
        a1.date.map(|d| d.to_string()).as_deref(),
        Some("2023-05-05")
    );
    assert_eq!(
        (a1.title.as_deref(), a1.url.as_deref(), a1.source.as_deref()),
        (
            Some("Talks"),
            Some("https://example.org/a1"),
            Some("Andina")
        )
    );
    assert!(a1.origin.ends_with("feed.jsonl:1"));
    let e2 = out[1].as_ref().expect_err("empty text");
    assert!(matches!(e2, TextError::MissingText { .. }));
    assert!(e2.to_string().contains("feed.jsonl:2 (article a2)"), "{e2}");
    let e3 = out[2].as_ref().expect_err("bad json");
    assert!(matches!(e3, TextError::InvalidJson { .. }));
    assert_eq!(e3.location().line, Some(3));
    let a4 = out[3].as_ref().expect("a4");
    assert_eq!(a4.date, None);
    assert_eq!(a4.warnings.len(), 1, "{:?}", a4.warnings);
    assert!(matches!(out[4], Err(TextError::Binary { .. })));
}

#[test]
fn unreadable_and_missing_files_are_errors() {
    let out: Vec<_> = read_path(Path::new("/nonexistent/dir/story.txt")).collect();
    assert!(matches!(&out[..], [Err(TextError::Unreadable { .. })]));
    let out: Vec<_> = read_path(Path::new("/nonexistent/dir/feed.jsonl")).collect();
    assert!(matches!(&out[..], [Err(TextError::Unreadable { .. })]));
    let dir = tempfile::tempdir().expect("tempdir");
    let out: Vec<_> = read_path(dir.path()).collect();
    assert!(
        matches!(&out[..], [Err(TextError::Unreadable { .. })]),
        "a directory is not an article"
    );
}
