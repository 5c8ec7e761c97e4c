//! Day aggregates: a timeline read from `dyad_days` equals the one computed from the
//! stories, after merges, skipped and recoded articles, a schema migration and (see
//! `crash.rs`) killed ingests.

use parley_store::synthetic::Synthetic;
use parley_store::{
    Article, Direction, DyadQuery, IngestOptions, OnDuplicate, Period, Store, Timeline,
    KEY_EVENTS_PER_DAY,
};

use crate::build::{article, ingest, Coded};

/// Asserts the aggregate timeline equals the one from the stories: counts, types and
/// key events exactly, Goldstein sums to rounding.
pub fn assert_same(store: &Store, q: &DyadQuery) -> Timeline {
    let fast = store.dyad(q).expect("timeline");
    let slow = store.dyad_from_stories(q).expect("timeline from stories");
    assert_eq!(
        fast.periods.len(),
        slow.periods.len(),
        "{fast:#?}\n{slow:#?}"
    );
    for (x, y) in fast.periods.iter().zip(&slow.periods) {
        let ids =
            |p: &parley_store::PeriodStats| p.key_events.iter().map(|k| k.id).collect::<Vec<_>>();
        assert_eq!(
            (
                &x.period,
                x.events,
                x.mentions,
                x.quad_counts,
                &x.top_types,
                x.total_mentions
            ),
            (
                &y.period,
                y.events,
                y.mentions,
                y.quad_counts,
                &y.top_types,
                y.total_mentions
            ),
        );
        assert_eq!(ids(x), ids(y), "key events of {}", x.period);
        assert!(
            (x.goldstein_sum - y.goldstein_sum).abs() < 1e-6,
            "{} vs {}",
            x.goldstein_sum,
            y.goldstein_sum
        );
    }
    fast
}

/// Every period length, both directions and the directed pair.
fn assert_same_all(store: &Store, a: &str, b: &str) {
    for by in [Period::Day, Period::Week, Period::Month, Period::Year] {
        for direction in [Direction::Both, Direction::Directed] {
            assert_same(
                store,
                &DyadQuery {
                    by,
                    direction,
                    ..DyadQuery::new(a, b)
                },
            );
        }
    }
}

fn report(id: &str, outlet: &str, date: &str, sentence: &str, code: &str, trigger: &str) -> Coded {
    article(id, outlet, date, &[sentence]).event(0, "NOR", "SWE", code, trigger, Some("2023-03-14"))
}

#[test]
fn merged_mentions_keep_the_aggregate_equal_to_the_stories() {
    let mut store = Store::open_in_memory().expect("store");
    // Seven different acts on one day (more than the key events kept per day), then
    // further reports of two of them from other outlets, in later batches.
    let acts = [
        ("057", "signed"),
        ("040", "met"),
        ("112", "accused"),
        ("161", "suspended"),
        ("163", "sanctioned"),
        ("172", "expelled"),
        ("036", "agreed"),
    ];
    assert!(acts.len() > KEY_EVENTS_PER_DAY);
    let first: Vec<Coded> = acts
        .iter()
        .enumerate()
        .map(|(i, (code, trigger))| {
            report(
                &format!("n{i}"),
                "Nordic Wire",
                "2023-03-15",
                &format!("Norway {trigger} a Swedish proposal on Tuesday."),
                code,
                trigger,
            )
        })
        .collect();
    ingest(&mut store, &first.iter().collect::<Vec<_>>());
    let before = assert_same(&store, &DyadQuery::new("NOR", "SWE"));
    assert_eq!(before.periods[0].events, acts.len() as u64);
    assert_eq!(before.periods[0].key_events.len(), 3);

    let again = [
        report(
            "r1",
            "Baltic Post",
            "2023-03-15",
            "Oslo expelled Swedish diplomats.",
            "172",
            "expelled",
        ),
        report(
            "r2",
            "Harbour News",
            "2023-03-16",
            "Norway expelled the Swedish envoys.",
            "172",
            "expelled",
        ),
        report(
            "r3",
            "Harbour News",
            "2023-03-16",
            "Norway accused Sweden of spying.",
            "112",
            "accused",
        ),
    ];
    for a in &again {
        ingest(&mut store, &[a]);
    }
    let after = assert_same_all_year(&store);
    let p = &after.periods[0];
    assert_eq!(p.events, acts.len() as u64, "merged, not new");
    assert_eq!(p.mentions, acts.len() as u64 + 3);
    // The expulsion (3 mentions) leads, then the accusation (2).
    assert_eq!(p.key_events[0].trigger, "expelled");
    assert_eq!(p.key_events[0].num_mentions, 3);
    assert_eq!(p.key_events[1].num_mentions, 2);
    assert_same_all(&store, "NOR", "SWE");
    // Asking for more key events than the days keep reads the stories.
    let many = store
        .dyad(&DyadQuery {
            key_events: KEY_EVENTS_PER_DAY + 2,
            ..DyadQuery::new("NOR", "SWE")
        })
        .expect("timeline");
    assert_eq!(many.periods[0].key_events.len(), acts.len());
}

fn assert_same_all_year(store: &Store) -> Timeline {
    assert_same(store, &DyadQuery::new("NOR", "SWE"))
}

#[test]
fn skipped_and_recoded_articles_keep_the_aggregate_equal() {
    let mut store = Store::open_in_memory().expect("store");
    let a = report(
        "s1",
        "Nordic Wire",
        "2023-03-15",
        "Norway expelled Swedish diplomats.",
        "172",
        "expelled",
    );
    let b = report(
        "s2",
        "Baltic Post",
        "2023-03-15",
        "Norway expelled two Swedish diplomats.",
        "172",
        "expelled",
    );
    let c = report(
        "s3",
        "Baltic Post",
        "2023-03-15",
        "Norway accused Sweden of spying.",
        "112",
        "accused",
    );
    ingest(&mut store, &[&a, &b, &c]);
    let first = assert_same(&store, &DyadQuery::new("NOR", "SWE"));
    // The same articles again: skipped, nothing changes.
    let r = ingest(&mut store, &[&a, &b, &c]);
    assert_eq!(r.skipped, 3);
    assert_eq!(assert_same(&store, &DyadQuery::new("NOR", "SWE")), first);
    // Recoding the first report of the merged story, then the only report of the other.
    let recode = IngestOptions {
        on_duplicate: OnDuplicate::Recode,
        ..IngestOptions::default()
    };
    for x in [&a, &c, &b] {
        let r = store.ingest(&[x.as_article()], recode).expect("recode");
        assert_eq!(r.recoded, 1);
        assert_same_all(&store, "NOR", "SWE");
    }
    let last = assert_same(&store, &DyadQuery::new("NOR", "SWE"));
    assert_eq!((last.periods[0].events, last.periods[0].mentions), (2, 3));
}

#[test]
fn synthetic_stores_with_recodes_agree() {
    let mut store = Store::open_in_memory().expect("store");
    let gen = Synthetic {
        events_per_article: 12,
        dyad_share: 0.3,
        years: 1,
        ..Synthetic::default()
    };
    let coded: Vec<_> = (0..300).map(|i| gen.article(i)).collect();
    let articles = |range: std::ops::Range<usize>| -> Vec<Article<'_>> {
        coded[range]
            .iter()
            .map(|(doc, events, hash)| Article {
                doc,
                mentions: &[],
                events,
                hash,
            })
            .collect()
    };
    store
        .ingest(&articles(0..200), IngestOptions::default())
        .expect("ingest");
    let recode = IngestOptions {
        on_duplicate: OnDuplicate::Recode,
        ..IngestOptions::default()
    };
    // Recoded and new articles in one batch.
    let r = store.ingest(&articles(150..300), recode).expect("ingest");
    assert_eq!((r.recoded, r.articles), (50, 150));
    let t = assert_same(&store, &DyadQuery::new("RUS", "FRA"));
    let stories: u64 = t.periods.iter().map(|p| p.events).sum();
    assert!(stories > 500, "{stories}");
    assert_same_all(&store, "RUS", "FRA");
    assert_same_all(&store, "USA", "CHN");
}

#[test]
fn a_version_1_file_gains_its_aggregates_on_open() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("old.db");
    let a = report(
        "o1",
        "Nordic Wire",
        "2023-03-15",
        "Norway expelled Swedish diplomats.",
        "172",
        "expelled",
    );
    let b = report(
        "o2",
        "Baltic Post",
        "2023-03-16",
        "Norway expelled two Swedish diplomats.",
        "172",
        "expelled",
    );
    let c = report(
        "o3",
        "Baltic Post",
        "2023-05-02",
        "Norway accused Sweden of spying.",
        "112",
        "accused",
    );
    let expected = {
        let mut store = Store::open(&path).expect("store");
        ingest(&mut store, &[&a, &b, &c]);
        store.dyad(&DyadQuery::new("NOR", "SWE")).expect("timeline")
    };
    // Turn the file back into the version 1 layout.
    {
        let conn = rusqlite::Connection::open(&path).expect("open");
        conn.execute_batch(
            "DROP TABLE dyad_days; DROP INDEX events_story;
             CREATE INDEX events_dyad ON events(src, tgt, day, root, quad, goldstein, plover, num_mentions);
             PRAGMA user_version = 1;",
        )
        .expect("downgrade");
    }
    let store = Store::open(&path).expect("migrate");
    assert_eq!(
        store.schema_version().expect("version"),
        parley_store::SCHEMA_VERSION
    );
    assert_eq!(assert_same(&store, &DyadQuery::new("NOR", "SWE")), expected);
    assert_same_all(&store, "NOR", "SWE");
}
