//! Timeline periods, volume normalisation and the SVG plot.

use parley_store::{plot, DyadQuery, Period, Store};

use crate::build::{article, ingest};

#[test]
fn volume_is_the_dyad_share_of_all_mentions() {
    let mut store = Store::open_in_memory().expect("store");
    let a = article(
        "m1",
        "Wire",
        "2022-02-10",
        &[
            "Mexico and Canada signed a deal.",
            "Chile accused Peru of spying.",
        ],
    )
    .event(0, "MEX", "CAN", "057", "signed", None)
    .event(1, "CHL", "PER", "112", "accused", None);
    let b = article(
        "m2",
        "Wire",
        "2022-03-10",
        &["Canada and Mexico held talks."],
    )
    .event(0, "CAN", "MEX", "040", "held talks", None);
    ingest(&mut store, &[&a, &b]);
    let t = store
        .dyad(&DyadQuery {
            by: Period::Month,
            ..DyadQuery::new("MEX", "CAN")
        })
        .expect("timeline");
    assert_eq!(t.periods.len(), 2);
    assert_eq!(t.periods[0].period, "2022-02");
    assert!((t.periods[0].volume - 0.5).abs() < 1e-9);
    assert!((t.periods[1].volume - 1.0).abs() < 1e-9);
    let directed = store
        .dyad(&DyadQuery {
            direction: parley_store::Direction::Directed,
            ..DyadQuery::new("MEX", "CAN")
        })
        .expect("timeline");
    assert_eq!(directed.periods.iter().map(|p| p.events).sum::<u64>(), 1);
    let from = store
        .dyad(&DyadQuery {
            from: "2022-03-01".parse().ok(),
            ..DyadQuery::new("MEX", "CAN")
        })
        .expect("timeline");
    assert_eq!(from.periods.iter().map(|p| p.events).sum::<u64>(), 1);
    let svg = plot::svg(&t);
    assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
    assert_eq!(
        svg.matches("<rect").count(),
        1 + 2 + 2 + 4,
        "background, 2 Goldstein bars, 2 count bars, 4 legend keys"
    );
    assert!(svg.contains("2022-03"));
}
