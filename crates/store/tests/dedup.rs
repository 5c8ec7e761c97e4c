//! Stories: the same event from several articles is one event with mentions; two
//! different events on one dyad and day stay two.

use parley_store::{EventFilter, IngestOptions, OnDuplicate, Store};

use crate::build::{article, ingest};

fn expulsion(id: &str, outlet: &str, sentence: &str, trigger: &str) -> crate::build::Coded {
    article(id, outlet, "2024-06-12", &[sentence]).event(
        0,
        "POL",
        "BLR",
        "172",
        trigger,
        Some("2024-06-11"),
    )
}

#[test]
fn same_article_twice_is_stored_once() {
    let mut store = Store::open_in_memory().expect("store");
    let a = expulsion(
        "p1",
        "Wire One",
        "Poland expelled two Belarusian diplomats on Tuesday.",
        "expelled",
    );
    let r1 = ingest(&mut store, &[&a]);
    let r2 = ingest(&mut store, &[&a]);
    assert_eq!((r1.articles, r1.skipped), (1, 0));
    assert_eq!((r2.articles, r2.skipped), (0, 1));
    let ev = store.events(&EventFilter::default()).expect("events");
    assert_eq!(ev.len(), 1);
    assert_eq!(
        (ev[0].num_mentions, ev[0].num_articles, ev[0].num_sources),
        (1, 1, 1)
    );
}

#[test]
fn recoding_replaces_the_article_instead_of_doubling_it() {
    let mut store = Store::open_in_memory().expect("store");
    let a = expulsion(
        "p1",
        "Wire One",
        "Poland expelled two Belarusian diplomats on Tuesday.",
        "expelled",
    );
    ingest(&mut store, &[&a]);
    let opts = IngestOptions {
        on_duplicate: OnDuplicate::Recode,
        ..IngestOptions::default()
    };
    let r = store.ingest(&[a.as_article()], opts).expect("recode");
    assert_eq!((r.articles, r.recoded), (1, 1));
    let stats = store.stats().expect("stats");
    assert_eq!((stats.articles, stats.events, stats.mentions), (1, 1, 1));
}

#[test]
fn one_story_from_two_outlets_is_one_event_with_two_mentions() {
    let mut store = Store::open_in_memory().expect("store");
    let a = expulsion(
        "p1",
        "Wire One",
        "Poland expelled two Belarusian diplomats on Tuesday.",
        "expelled",
    );
    let b = article(
        "p2",
        "Evening Courier",
        "2024-06-13",
        &[
            "Warsaw expels Belarusian envoys.",
            "The Polish government expels two diplomats from Belarus, the foreign ministry said.",
        ],
    )
    .event(0, "POL", "BLR", "172", "expels", Some("2024-06-11"))
    .event(1, "POL", "BLR", "172", "expels", Some("2024-06-11"));
    ingest(&mut store, &[&a]);
    ingest(&mut store, &[&b]);
    let ev = store.events(&EventFilter::default()).expect("events");
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].num_mentions, 3);
    assert_eq!(ev[0].num_articles, 2);
    assert_eq!(ev[0].num_sources, 2);
    assert_eq!(
        ev[0].first_seen.map(|d| d.to_string()).as_deref(),
        Some("2024-06-12")
    );
    let m = store.mentions(ev[0].id).expect("mentions");
    assert_eq!(m.len(), 3);
    assert_eq!(m[2].sentence_index, 1);
    assert_eq!(m[1].outlet.as_deref(), Some("Evening Courier"));
    let span = m[0].span;
    assert_eq!(&a.doc.text[span[0] as usize..span[1] as usize], "expelled");
}

#[test]
fn two_different_events_on_one_dyad_and_day_stay_two() {
    let mut store = Store::open_in_memory().expect("store");
    let a = article(
        "p3",
        "Wire One",
        "2024-06-12",
        &[
            "Poland expelled two Belarusian diplomats on Tuesday.",
            "Poland also imposed sanctions on Belarusian officials on Tuesday.",
            "Poland accused Belarus of pushing migrants across the border on Tuesday.",
        ],
    )
    .event(0, "POL", "BLR", "172", "expelled", Some("2024-06-11"))
    .event(
        1,
        "POL",
        "BLR",
        "163",
        "imposed sanctions",
        Some("2024-06-11"),
    )
    .event(2, "POL", "BLR", "112", "accused", Some("2024-06-11"));
    // Same root, same day, different trigger: a second, different expulsion-type act.
    let b = article(
        "p4",
        "Wire Two",
        "2024-06-12",
        &["Poland closed the Belarusian consulate in Gdansk on Tuesday."],
    )
    .event(0, "POL", "BLR", "172", "closed", Some("2024-06-11"));
    ingest(&mut store, &[&a, &b]);
    let ev = store.events(&EventFilter::default()).expect("events");
    assert_eq!(ev.len(), 4, "{ev:#?}");
    assert!(ev.iter().all(|e| e.num_mentions == 1));
}

#[test]
fn the_date_window_separates_repeated_acts() {
    let mut store = Store::open_in_memory().expect("store");
    let a = expulsion(
        "p1",
        "Wire One",
        "Poland expelled two Belarusian diplomats on Tuesday.",
        "expelled",
    );
    let b = article(
        "p5",
        "Wire One",
        "2024-07-02",
        &["Poland expelled another Belarusian diplomat."],
    )
    .event(0, "POL", "BLR", "172", "expelled", None);
    ingest(&mut store, &[&a, &b]);
    assert_eq!(
        store.events(&EventFilter::default()).expect("events").len(),
        2
    );
}
