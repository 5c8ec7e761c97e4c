//! What a channel statement is: which channel, in which state, said by whom, when.

use parley_types::{Actor, Date, Span};
use serde::{Deserialize, Serialize};

/// A kind of communication channel between two states.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChannelKind {
    /// Embassies, consulates, ambassadors, diplomatic relations.
    Embassies,
    /// Presidents, prime ministers, heads of state: their calls, visits, summits.
    Leaders,
    /// Foreign ministers and foreign ministries.
    ForeignMinisters,
    /// Working contacts of diplomats with the host country's services.
    Diplomats,
    /// Inter-ministerial and inter-agency consultations.
    Consultations,
    /// Intergovernmental commissions, committees and working groups.
    Intergovernmental,
    /// Military-to-military contacts.
    Military,
    /// Parliaments and lawmakers.
    Parliamentary,
    /// Culture, education, science, sport.
    Cultural,
    /// Trade, investment, energy, business.
    Economic,
    /// Political dialogue and cooperation in general ("contacts", "talks", "ties").
    Political,
}

impl ChannelKind {
    /// Every kind, in display order.
    pub const ALL: [ChannelKind; 11] = [
        ChannelKind::Embassies,
        ChannelKind::Leaders,
        ChannelKind::ForeignMinisters,
        ChannelKind::Diplomats,
        ChannelKind::Consultations,
        ChannelKind::Intergovernmental,
        ChannelKind::Military,
        ChannelKind::Parliamentary,
        ChannelKind::Cultural,
        ChannelKind::Economic,
        ChannelKind::Political,
    ];

    /// The name used in the lexicon, the database and JSON (`foreign_ministers`).
    pub fn name(self) -> &'static str {
        match self {
            ChannelKind::Embassies => "embassies",
            ChannelKind::Leaders => "leaders",
            ChannelKind::ForeignMinisters => "foreign_ministers",
            ChannelKind::Diplomats => "diplomats",
            ChannelKind::Consultations => "consultations",
            ChannelKind::Intergovernmental => "intergovernmental",
            ChannelKind::Military => "military",
            ChannelKind::Parliamentary => "parliamentary",
            ChannelKind::Cultural => "cultural",
            ChannelKind::Economic => "economic",
            ChannelKind::Political => "political",
        }
    }

    /// A human label ("embassies and ambassadors").
    pub fn label(self) -> &'static str {
        match self {
            ChannelKind::Embassies => "embassies and ambassadors",
            ChannelKind::Leaders => "leaders' calls and visits",
            ChannelKind::ForeignMinisters => "foreign ministers",
            ChannelKind::Diplomats => "diplomats' working contacts",
            ChannelKind::Consultations => "inter-ministerial consultations",
            ChannelKind::Intergovernmental => "intergovernmental commissions and working groups",
            ChannelKind::Military => "military-to-military contacts",
            ChannelKind::Parliamentary => "parliamentary contacts",
            ChannelKind::Cultural => "cultural and educational cooperation",
            ChannelKind::Economic => "economic cooperation",
            ChannelKind::Political => "political dialogue and cooperation",
        }
    }

    /// The kind named `name` (see [`ChannelKind::name`]).
    pub fn from_name(name: &str) -> Option<ChannelKind> {
        ChannelKind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// True for the catch-all kind, which yields to any specific kind in one phrase.
    pub fn is_generic(self) -> bool {
        self == ChannelKind::Political
    }
}

/// The state a channel is said to be in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChannelState {
    /// Working, in contact, maintained.
    Active,
    /// Cut back, downgraded, kept to a minimum.
    Reduced,
    /// Suspended, frozen, halted, on hold.
    Suspended,
    /// Ended, severed, discontinued, closed.
    Ended,
    /// Resumed, restored, reopened.
    Restored,
}

impl ChannelState {
    /// Every state.
    pub const ALL: [ChannelState; 5] = [
        ChannelState::Active,
        ChannelState::Reduced,
        ChannelState::Suspended,
        ChannelState::Ended,
        ChannelState::Restored,
    ];

    /// The name used in the lexicon, the database and JSON.
    pub fn name(self) -> &'static str {
        match self {
            ChannelState::Active => "active",
            ChannelState::Reduced => "reduced",
            ChannelState::Suspended => "suspended",
            ChannelState::Ended => "ended",
            ChannelState::Restored => "restored",
        }
    }

    /// The state named `name`.
    pub fn from_name(name: &str) -> Option<ChannelState> {
        ChannelState::ALL.into_iter().find(|s| s.name() == name)
    }

    /// True when the channel works (active or restored).
    pub fn is_open(self) -> bool {
        matches!(self, ChannelState::Active | ChannelState::Restored)
    }

    /// The state a negation turns this one into ("did not break off" → active).
    pub fn negated(self) -> ChannelState {
        if self.is_open() {
            ChannelState::Suspended
        } else {
            ChannelState::Active
        }
    }
}

/// Whether a statement reports a fact or a wish, plan or condition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    /// Reported as the case ("talks were suspended").
    Asserted,
    /// Wanted, planned, needed or conditional ("it is necessary to maintain dialogue").
    Intended,
}

/// One statement about a channel between two states, read from one sentence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChannelStatement {
    /// The article.
    pub doc_id: String,
    /// Sentence position in the article.
    pub sentence_index: usize,
    /// The sentence text.
    pub sentence: String,
    /// The two states, as ISO-3 codes in alphabetical order.
    pub dyad: (String, String),
    /// Which channel.
    pub kind: ChannelKind,
    /// Its state.
    pub state: ChannelState,
    /// Fact or wish.
    pub modality: Modality,
    /// True when the state word was negated ("did not break off").
    pub negated: bool,
    /// The words that name the channel.
    pub marker: String,
    /// The words that give the state.
    pub cue: String,
    /// Byte range of channel and state words in the cleaned text.
    pub span: Span,
    /// Who says so, when someone does.
    pub speaker: Option<Actor>,
    /// When it was said (the statement's date, else the publication date).
    pub date: Option<Date>,
}

impl ChannelStatement {
    /// True when the statement concerns the states `a` and `b` (either order).
    pub fn concerns(&self, a: &str, b: &str) -> bool {
        (self.dyad.0 == a && self.dyad.1 == b) || (self.dyad.0 == b && self.dyad.1 == a)
    }
}

/// Orders two country codes alphabetically.
pub fn dyad_key(a: &str, b: &str) -> (String, String) {
    if a <= b {
        (a.to_string(), b.to_string())
    } else {
        (b.to_string(), a.to_string())
    }
}

/// A short name for a speaker: the resolved name, else the matched text, else the code.
pub fn speaker_name(actor: &Actor) -> &str {
    actor
        .name
        .as_deref()
        .filter(|n| !n.is_empty())
        .or(Some(actor.text.as_str()).filter(|t| !t.is_empty()))
        .unwrap_or(&actor.code)
}
