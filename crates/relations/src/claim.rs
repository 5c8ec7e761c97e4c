//! Claims: who says what about a channel, and which claims contradict each other.

use parley_types::{Actor, Date};
use serde::{Deserialize, Serialize};

use crate::channel::{speaker_name, ChannelKind, ChannelState, ChannelStatement};

/// One statement with a speaker: "`speaker` says on `date` that `proposition`".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// Who says it.
    pub speaker: Actor,
    /// When.
    pub date: Option<Date>,
    /// The two states (alphabetical).
    pub dyad: (String, String),
    /// The channel the claim is about.
    pub kind: ChannelKind,
    /// True when the claim says the channel works (active, restored, or wanted so).
    pub open: bool,
    /// The proposition in words ("political dialogue and cooperation between FRA and RUS is working").
    pub proposition: String,
    /// The statement it comes from.
    pub statement: ChannelStatement,
}

impl Claim {
    /// The claim a statement makes, when someone makes it.
    pub fn from_statement(s: &ChannelStatement) -> Option<Claim> {
        let speaker = s.speaker.clone()?;
        let open = s.state.is_open();
        Some(Claim {
            speaker,
            date: s.date,
            dyad: s.dyad.clone(),
            kind: s.kind,
            open,
            proposition: proposition(s.kind, &s.dyad, s.state),
            statement: s.clone(),
        })
    }

    /// The speaker's short name.
    pub fn speaker_name(&self) -> &str {
        speaker_name(&self.speaker)
    }
}

fn proposition(kind: ChannelKind, dyad: &(String, String), state: ChannelState) -> String {
    let verb = match state {
        ChannelState::Active => "is working",
        ChannelState::Restored => "has been restored",
        ChannelState::Reduced => "has been reduced",
        ChannelState::Suspended => "is suspended",
        ChannelState::Ended => "has ended",
    };
    format!("{} between {} and {} {verb}", kind.label(), dyad.0, dyad.1)
}

/// Two sets of claims that contradict each other about one proposition: one side says
/// the channel works, the other that it does not.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Contradiction {
    /// What is disputed ("political dialogue and cooperation between FRA and RUS").
    pub topic: String,
    /// The two states.
    pub dyad: (String, String),
    /// The channel.
    pub kind: ChannelKind,
    /// Claims that it works.
    pub open: Vec<Claim>,
    /// Claims that it does not.
    pub closed: Vec<Claim>,
}

/// Pairs claims about the same channel between the same two states, made by different
/// speakers no more than `window_days` apart, one saying it works and the other that
/// it does not. Claims about different channels or different pairs of states are never
/// paired.
pub fn contradictions(claims: &[Claim], window_days: i64) -> Vec<Contradiction> {
    let mut out: Vec<Contradiction> = Vec::new();
    for a in claims.iter().filter(|a| a.open) {
        for b in claims.iter().filter(|b| !b.open) {
            let same = a.kind == b.kind && a.dyad == b.dyad;
            let close = match (a.date, b.date) {
                (Some(x), Some(y)) => (x - y).num_days().abs() <= window_days,
                _ => true,
            };
            if !same || !close || speaker_name(&a.speaker) == speaker_name(&b.speaker) {
                continue;
            }
            let topic = format!("{} between {} and {}", a.kind.label(), a.dyad.0, a.dyad.1);
            let c = match out
                .iter_mut()
                .position(|c| c.kind == a.kind && c.dyad == a.dyad)
            {
                Some(p) => &mut out[p],
                None => {
                    out.push(Contradiction {
                        topic,
                        dyad: a.dyad.clone(),
                        kind: a.kind,
                        open: Vec::new(),
                        closed: Vec::new(),
                    });
                    let last = out.len() - 1;
                    &mut out[last]
                }
            };
            if !c.open.contains(a) {
                c.open.push(a.clone());
            }
            if !c.closed.contains(b) {
                c.closed.push(b.clone());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::channel::{dyad_key, Modality};
    use parley_types::Span;

    fn claim(who: &str, kind: ChannelKind, state: ChannelState) -> Claim {
        let mut speaker = Actor::new("XXXGOV", who, Span::default());
        speaker.name = Some(who.into());
        let s = ChannelStatement {
            doc_id: "d".into(),
            sentence_index: 0,
            sentence: String::new(),
            dyad: dyad_key("JPN", "KOR"),
            kind,
            state,
            modality: Modality::Asserted,
            negated: false,
            marker: String::new(),
            cue: String::new(),
            span: Span::default(),
            speaker: Some(speaker),
            date: "2024-02-02".parse().ok(),
        };
        Claim::from_statement(&s).expect("has a speaker")
    }

    #[test]
    fn pairs_opposite_claims_on_one_channel() {
        let c = vec![
            claim("A", ChannelKind::Political, ChannelState::Active),
            claim("B", ChannelKind::Political, ChannelState::Suspended),
        ];
        let x = contradictions(&c, 30);
        assert_eq!(x.len(), 1);
        assert_eq!(x[0].open[0].speaker_name(), "A");
        assert_eq!(x[0].closed[0].speaker_name(), "B");
    }

    #[test]
    fn never_pairs_different_channels_or_one_speaker() {
        let c = vec![
            claim("A", ChannelKind::Embassies, ChannelState::Active),
            claim("B", ChannelKind::Political, ChannelState::Suspended),
            claim("B", ChannelKind::Political, ChannelState::Active),
        ];
        assert!(contradictions(&c, 30).is_empty());
    }
}
