//! Mentions: what the recognizer finds in a sentence.

use parley_types::Actor;

/// What kind of phrase names the actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MentionKind {
    /// A state or territory by name ("France", "the United States").
    Country,
    /// A nationality adjective or demonym ("Russian", "Palestinians").
    Demonym,
    /// A capital or seat of government used for its government ("Paris", "the Kremlin").
    Capital,
    /// Another city or place inside a country ("Basra").
    City,
    /// A named state institution ("Quai d'Orsay", "the Pentagon").
    Institution,
    /// A named person ("Maria Zakharova", "Studennikov").
    Person,
    /// An armed or political non-state group ("Hezbollah").
    Group,
    /// An intergovernmental organisation ("the U.N. Security Council").
    Igo,
    /// A non-governmental organisation ("Amnesty International").
    Ngo,
    /// A region or bloc ("the West", "Western countries").
    Region,
    /// A role phrase with no name ("Turkish police", "the French president").
    Role,
    /// A pronoun ("she", "it", "they").
    Pronoun,
    /// A definite description that refers back ("the minister", "Madame Minister",
    /// "the ministry", "the two countries").
    Nominal,
}

impl MentionKind {
    /// Lower-case name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            MentionKind::Country => "country",
            MentionKind::Demonym => "demonym",
            MentionKind::Capital => "capital",
            MentionKind::City => "city",
            MentionKind::Institution => "institution",
            MentionKind::Person => "person",
            MentionKind::Group => "group",
            MentionKind::Igo => "igo",
            MentionKind::Ngo => "ngo",
            MentionKind::Region => "region",
            MentionKind::Role => "role",
            MentionKind::Pronoun => "pronoun",
            MentionKind::Nominal => "nominal",
        }
    }

    /// Parses the names [`MentionKind::as_str`] gives.
    pub fn parse(s: &str) -> Option<MentionKind> {
        Some(match s {
            "country" => MentionKind::Country,
            "demonym" => MentionKind::Demonym,
            "capital" => MentionKind::Capital,
            "city" => MentionKind::City,
            "institution" => MentionKind::Institution,
            "person" => MentionKind::Person,
            "group" => MentionKind::Group,
            "igo" => MentionKind::Igo,
            "ngo" => MentionKind::Ngo,
            "region" => MentionKind::Region,
            "role" => MentionKind::Role,
            "pronoun" => MentionKind::Pronoun,
            "nominal" => MentionKind::Nominal,
            _ => return None,
        })
    }
}

/// One actor mention in a sentence.
///
/// `actor.span` is in document (cleaned text) byte offsets and `actor.text` is the
/// phrase as written. A pronoun or description that could not be resolved keeps an
/// empty `actor.code` (see [`Mention::is_resolved`]); nothing is guessed.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Code, country, sector, text, resolved name and span.
    pub actor: Actor,
    /// What kind of phrase it is.
    pub kind: MentionKind,
    /// The mention this one refers to, as (sentence index, mention index), for
    /// pronouns, titles, surnames and descriptions resolved in the document.
    pub antecedent: Option<(usize, usize)>,
    /// For a plural reference ("the two countries") or a distributed compound, every
    /// actor it stands for; `actor` is then the first of them. Empty otherwise.
    pub members: Vec<Actor>,
    /// Index of the syntactic head token in the sentence, when tokens are present.
    pub head: Option<usize>,
    /// Inside a direct quotation.
    pub quoted: bool,
    /// Denotes a plural group ("officials", "they").
    pub plural: bool,
}

impl Mention {
    /// True when the mention carries an actor code.
    pub fn is_resolved(&self) -> bool {
        !self.actor.code.is_empty()
    }
}
