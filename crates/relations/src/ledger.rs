//! The channel ledger: the last known state of each channel between two states.

use parley_types::Date;
use serde::{Deserialize, Serialize};

use crate::channel::{speaker_name, ChannelKind, ChannelState, ChannelStatement, Modality};

/// The last known state of one channel.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LedgerEntry {
    /// Which channel.
    pub kind: ChannelKind,
    /// Its last known state.
    pub state: ChannelState,
    /// When it was first said to be in that state (after being in another).
    pub since: Option<Date>,
    /// The latest statement's date.
    pub last_seen: Option<Date>,
    /// The statements that say so, oldest first.
    pub evidence: Vec<ChannelStatement>,
    /// True when, on the latest date, different speakers describe the channel as open
    /// and as not open.
    pub disputed: bool,
}

/// Folds statements about one pair of states into one entry per channel kind.
///
/// Only asserted statements count (not wishes or plans), and only those dated on or
/// before `as_of` when given. Statements are taken in order of date, article and
/// sentence; a new state replaces the old one and restarts `since`. Statements without
/// a date come first.
pub fn ledger(statements: &[ChannelStatement], as_of: Option<Date>) -> Vec<LedgerEntry> {
    let mut st: Vec<&ChannelStatement> = statements
        .iter()
        .filter(|s| s.modality == Modality::Asserted)
        .filter(|s| match (as_of, s.date) {
            (Some(limit), Some(d)) => d <= limit,
            _ => true,
        })
        .collect();
    st.sort_by(|a, b| {
        a.date
            .cmp(&b.date)
            .then_with(|| a.doc_id.cmp(&b.doc_id))
            .then(a.sentence_index.cmp(&b.sentence_index))
    });
    let mut out: Vec<LedgerEntry> = Vec::new();
    for s in &st {
        match out.iter_mut().find(|e| e.kind == s.kind) {
            Some(e) if e.state == s.state => {
                e.last_seen = s.date.or(e.last_seen);
                e.evidence.push((*s).clone());
            }
            Some(e) => {
                *e = LedgerEntry {
                    kind: s.kind,
                    state: s.state,
                    since: s.date,
                    last_seen: s.date,
                    evidence: vec![(*s).clone()],
                    disputed: false,
                };
            }
            None => out.push(LedgerEntry {
                kind: s.kind,
                state: s.state,
                since: s.date,
                last_seen: s.date,
                evidence: vec![(*s).clone()],
                disputed: false,
            }),
        }
    }
    for e in &mut out {
        let latest: Vec<&&ChannelStatement> = st
            .iter()
            .filter(|s| s.kind == e.kind && s.date == e.last_seen)
            .collect();
        e.disputed = latest.iter().any(|x| {
            latest.iter().any(|y| {
                x.state.is_open() != y.state.is_open()
                    && matches!((&x.speaker, &y.speaker), (Some(p), Some(q)) if speaker_name(p) != speaker_name(q))
            })
        });
    }
    out.sort_by_key(|e| e.kind);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::channel::dyad_key;
    use parley_types::Span;

    fn st(
        kind: ChannelKind,
        state: ChannelState,
        date: &str,
        modality: Modality,
    ) -> ChannelStatement {
        ChannelStatement {
            doc_id: "d".into(),
            sentence_index: 0,
            sentence: String::new(),
            dyad: dyad_key("DEU", "POL"),
            kind,
            state,
            modality,
            negated: false,
            marker: String::new(),
            cue: String::new(),
            span: Span::default(),
            speaker: None,
            date: date.parse().ok(),
        }
    }

    #[test]
    fn later_state_replaces_earlier_and_restarts_since() {
        use ChannelState::*;
        let k = ChannelKind::Embassies;
        let v = vec![
            st(k, Active, "2019-01-01", Modality::Asserted),
            st(k, Suspended, "2021-03-01", Modality::Asserted),
            st(k, Suspended, "2021-06-01", Modality::Asserted),
            st(k, Restored, "2022-06-01", Modality::Intended),
        ];
        let l = ledger(&v, None);
        assert_eq!(l.len(), 1);
        assert_eq!(l[0].state, Suspended);
        assert_eq!(l[0].since, "2021-03-01".parse().ok());
        assert_eq!(l[0].last_seen, "2021-06-01".parse().ok());
        assert_eq!(l[0].evidence.len(), 2);
        let earlier = ledger(&v, "2020-01-01".parse().ok());
        assert_eq!(earlier[0].state, Active);
    }
}
