//! Two stories written for these tests about Australia and China, four years apart:
//! the timeline turns from cooperation to conflict, the ledger records the channels,
//! and two ministries contradict each other.

use parley_relations::{ChannelKind, ChannelState};
use parley_store::{DyadQuery, Period, Store};

use crate::build::{article, ingest, Coded};

pub fn warm_year() -> Coded {
    article("au-cn-2017", "Harbour Herald", "2017-03-25", &[
        "Chinese Premier Li Keqiang and Australian Prime Minister Malcolm Turnbull held talks in Canberra on Friday.",
        "Contacts between the two governments, including those at the highest level, are regular and intense, an Australian official said.",
    ])
    .actor("Chinese Premier Li Keqiang", "CHNGOV", Some("Li Keqiang"))
    .actor("Australian Prime Minister Malcolm Turnbull", "AUSGOV", Some("Malcolm Turnbull"))
    .actor("Canberra", "AUSGOV", None)
    .actor("Australian official", "AUSGOV", None)
    .event(0, "CHNGOV", "AUSGOV", "040", "held talks", Some("2017-03-24"))
    .event(0, "AUSGOV", "CHNGOV", "040", "held talks", Some("2017-03-24"))
}

pub fn cold_year() -> Coded {
    article("au-cn-2021", "Harbour Herald", "2021-05-07", &[
        "China indefinitely suspended all activity under the China-Australia Strategic Economic Dialogue on Thursday, Beijing's planning agency said.",
        "Australian Trade Minister Dan Tehan said contacts between ministers of the two countries had been frozen for more than a year.",
        "China imposed tariffs of up to 212 percent on Australian wine in March.",
        "Chinese foreign ministry spokesman Wang Wenbin said that dialogue with Canberra remained open.",
        "Tehan replied that political dialogue between Canberra and Beijing had been suspended by China.",
    ])
    .actor("China", "CHN", None)
    .actor("Australia", "AUS", None)
    .actor("Beijing's planning agency", "CHNGOV", None)
    .actor("Australian Trade Minister Dan Tehan", "AUSGOV", Some("Dan Tehan"))
    .actor("Australian wine", "AUS", None)
    .actor("Chinese foreign ministry spokesman Wang Wenbin", "CHNGOV", Some("Wang Wenbin"))
    .actor("Canberra", "AUSGOV", None)
    .actor("Beijing", "CHNGOV", None)
    .actor("Tehan", "AUSGOV", Some("Dan Tehan"))
    .event(0, "CHN", "AUS", "161", "suspended", Some("2021-05-06"))
    .event(2, "CHN", "AUS", "163", "imposed tariffs", Some("2021-03-26"))
}

fn store() -> Store {
    let mut s = Store::open_in_memory().expect("store");
    ingest(&mut s, &[&warm_year(), &cold_year()]);
    s
}

#[test]
fn timeline_turns_from_cooperation_to_conflict() {
    let t = store()
        .dyad(&DyadQuery {
            by: Period::Year,
            ..DyadQuery::new("CHN", "AUS")
        })
        .expect("timeline");
    let year = |y: &str| {
        t.periods
            .iter()
            .find(|p| p.period == y)
            .expect("period present")
    };
    let warm = year("2017");
    assert!(warm.goldstein_mean.is_some_and(|g| g > 0.0), "{warm:#?}");
    assert_eq!(warm.top_types[0].plover, "CONSULT");
    assert_eq!(warm.quad_counts.verbal_cooperation, 2);
    let cold = year("2021");
    assert!(cold.goldstein_mean.is_some_and(|g| g < 0.0), "{cold:#?}");
    assert_eq!(cold.top_types[0].plover, "SANCTION");
    assert_eq!(cold.quad_counts.material_conflict, 2);
    assert!((cold.goldstein_sum - (-12.0)).abs() < 1e-9);
    assert!(!cold.key_events.is_empty() && cold.key_events[0].sentence.contains("China"));
    assert!(
        (cold.volume - 1.0).abs() < 1e-9,
        "every stored mention is on this dyad"
    );
}

#[test]
fn ledger_lists_each_channel_with_state_and_date() {
    let s = store();
    let l = s.channels("CHN", "AUS", None).expect("ledger");
    let get = |k: ChannelKind| {
        l.iter()
            .find(|e| e.kind == k)
            .map(|e| (e.state, e.since.map(|d| d.to_string()).unwrap_or_default()))
    };
    assert_eq!(
        get(ChannelKind::Leaders),
        Some((ChannelState::Active, "2017-03-25".into())),
        "{l:#?}"
    );
    assert_eq!(
        get(ChannelKind::Economic),
        Some((ChannelState::Suspended, "2021-05-06".into())),
        "{l:#?}"
    );
    assert_eq!(
        get(ChannelKind::ForeignMinisters),
        Some((ChannelState::Suspended, "2021-05-07".into())),
        "{l:#?}"
    );
    assert_eq!(
        get(ChannelKind::Political).map(|x| x.0),
        Some(ChannelState::Suspended),
        "{l:#?}"
    );
    // As of 2018 only the warm year is known.
    let early = s
        .channels("AUS", "CHN", "2018-01-01".parse().ok())
        .expect("ledger");
    assert!(
        early.iter().all(|e| e.state == ChannelState::Active),
        "{early:#?}"
    );
    assert!(early.iter().any(|e| e.kind == ChannelKind::Political));
}

#[test]
fn claims_pair_the_two_ministries_and_nothing_else() {
    let r = store().claims("AUS", "CHN", None).expect("claims");
    assert_eq!(r.contradictions.len(), 1, "{:#?}", r.contradictions);
    let c = &r.contradictions[0];
    assert_eq!(c.kind, ChannelKind::Political);
    assert!(c.open.iter().all(|x| x.speaker_name() == "Wang Wenbin"));
    assert!(c.closed.iter().all(|x| x.speaker_name() == "Dan Tehan"));
    assert!(!c.open.is_empty() && !c.closed.is_empty());
    assert!(r
        .claims
        .iter()
        .any(|x| x.kind == ChannelKind::ForeignMinisters && x.speaker_name() == "Dan Tehan"));
}
