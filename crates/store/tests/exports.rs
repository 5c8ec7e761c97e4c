//! Exports and schema versions.

use std::path::Path;

use parley_store::{EventFilter, ExportFormat, Store, StoreError, GDELT_COLUMNS, SCHEMA_VERSION};

use crate::build::ingest;
use crate::relations::{cold_year, warm_year};

fn store() -> Store {
    let mut s = Store::open_in_memory().expect("store");
    ingest(&mut s, &[&warm_year(), &cold_year()]);
    s
}

fn export(s: &Store, f: ExportFormat, filter: &EventFilter) -> String {
    let mut out = Vec::new();
    s.export(filter, f, &mut out, Path::new("out"))
        .expect("export");
    String::from_utf8(out).expect("utf-8")
}

#[test]
fn gdelt_rows_have_61_fields_with_the_required_ones_filled() {
    let text = export(&store(), ExportFormat::Gdelt, &EventFilter::default());
    let rows: Vec<Vec<&str>> = text.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows.len(), 4);
    let col = |name: &str| {
        GDELT_COLUMNS
            .iter()
            .position(|c| *c == name)
            .expect("column")
    };
    for r in &rows {
        assert_eq!(r.len(), 61);
        for name in [
            "GLOBALEVENTID",
            "SQLDATE",
            "Actor1Code",
            "Actor1Name",
            "Actor1CountryCode",
            "Actor2Code",
            "EventCode",
            "EventBaseCode",
            "EventRootCode",
            "QuadClass",
            "GoldsteinScale",
            "NumMentions",
            "NumSources",
            "NumArticles",
            "SOURCEURL",
        ] {
            assert!(!r[col(name)].is_empty(), "{name} empty in {r:?}");
        }
    }
    let sanction = rows
        .iter()
        .find(|r| r[col("EventCode")] == "163")
        .expect("163 row");
    assert_eq!(sanction[col("SQLDATE")], "20210326");
    assert_eq!(sanction[col("EventRootCode")], "16");
    assert_eq!(sanction[col("QuadClass")], "4");
    assert_eq!(sanction[col("Actor1CountryCode")], "CHN");
    assert_eq!(
        sanction[col("SOURCEURL")],
        "https://news.example/au-cn-2021"
    );
}

#[test]
fn csv_and_jsonl_carry_the_same_stories() {
    let s = store();
    let filter = EventFilter {
        plover: Some("sanction".into()),
        ..EventFilter::default()
    };
    let csv = export(&s, ExportFormat::Csv, &filter);
    assert_eq!(csv.lines().count(), 3, "header and two sanctions:\n{csv}");
    assert!(csv.starts_with("event_id,date,source_code"));
    let jsonl = export(&s, ExportFormat::Jsonl, &filter);
    let v: Vec<serde_json::Value> = jsonl
        .lines()
        .map(|l| serde_json::from_str(l).expect("json"))
        .collect();
    assert_eq!(v.len(), 2);
    assert!(v.iter().all(
        |x| x["plover"] == "SANCTION" && x["mentions"].as_array().is_some_and(|m| m.len() == 1)
    ));
}

#[test]
fn event_filters_combine() {
    let s = store();
    let by = |f: EventFilter| s.events(&f).expect("events").len();
    assert_eq!(by(EventFilter::default()), 4);
    assert_eq!(
        by(EventFilter {
            dyad: Some(("AUS".into(), "CHN".into())),
            ..EventFilter::default()
        }),
        4
    );
    assert_eq!(
        by(EventFilter {
            cameo: Some("16".into()),
            ..EventFilter::default()
        }),
        2
    );
    assert_eq!(
        by(EventFilter {
            actor: Some("AUSGOV".into()),
            ..EventFilter::default()
        }),
        2
    );
    assert_eq!(
        by(EventFilter {
            from: "2021-01-01".parse().ok(),
            to: "2021-04-01".parse().ok(),
            ..EventFilter::default()
        }),
        1
    );
    assert_eq!(
        by(EventFilter {
            dyad: Some(("AUS".into(), "FRA".into())),
            ..EventFilter::default()
        }),
        0
    );
}

#[cfg(feature = "parquet")]
#[test]
fn parquet_is_partitioned_by_year_and_month() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (rows, files) = store()
        .export_parquet(&EventFilter::default(), dir.path())
        .expect("parquet");
    assert_eq!((rows, files), (4, 3));
    for part in [
        "year=2017/month=3",
        "year=2021/month=3",
        "year=2021/month=5",
    ] {
        let f = dir.path().join(part).join(
            std::fs::read_dir(dir.path().join(part))
                .expect("partition")
                .next()
                .expect("file")
                .expect("entry")
                .file_name(),
        );
        let bytes = std::fs::read(&f).expect("read");
        assert!(
            bytes.starts_with(b"PAR1") && bytes.ends_with(b"PAR1"),
            "{}",
            f.display()
        );
    }
}

#[test]
fn schema_is_versioned_and_newer_files_are_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("v.db");
    {
        let s = Store::open(&path).expect("create");
        assert_eq!(s.schema_version().expect("version"), SCHEMA_VERSION);
    }
    let s = Store::open(&path).expect("reopen");
    assert_eq!(s.schema_version().expect("version"), SCHEMA_VERSION);
    drop(s);
    let conn = rusqlite::Connection::open(&path).expect("raw open");
    conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
        .expect("bump");
    drop(conn);
    match Store::open(&path) {
        Err(StoreError::SchemaTooNew { found, .. }) => assert_eq!(found, SCHEMA_VERSION + 1),
        other => panic!("expected SchemaTooNew, got {other:?}"),
    }
}
