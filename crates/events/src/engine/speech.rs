//! Reported speech: who said it, whether it is a quotation, and demands made in
//! speech ("X said Y must …").

use parley_types::EventFlags;

use super::args::Resolver;
use super::modality::{demand_code, Lexicon};
use super::tree::Tree;
use super::Coded;

const QUOTES: &[&str] = &["\"", "“", "”", "``", "''", "«", "»"];
const DEMAND_MODALS: &[&str] = &["must", "should", "ought"];

/// Verbs whose "that" clause is a demand ("insisted that the troops leave").
const MANDATIVE: &[&str] = &[
    "demand",
    "insist",
    "urge",
    "ask",
    "request",
    "require",
    "propose",
    "recommend",
    "suggest",
    "call",
    "order",
    "command",
    "stipulate",
    "press",
];

/// Per-sentence speech facts.
pub(crate) struct Speech {
    /// True for tokens inside quotation marks.
    in_quote: Vec<bool>,
}

impl Speech {
    pub fn new(tree: &Tree, _lex: &Lexicon, _r: &Resolver) -> Speech {
        let mut in_quote = vec![false; tree.len()];
        let mut open = false;
        for (i, slot) in in_quote.iter_mut().enumerate() {
            let t = tree.tokens[i].text.as_str();
            if QUOTES.contains(&t) {
                open = !open;
                continue;
            }
            *slot = open;
        }
        // An unbalanced quote that closes in this sentence opened in an earlier one.
        let closes_only = tree
            .tokens
            .iter()
            .filter(|t| QUOTES.contains(&t.text.as_str()))
            .count()
            % 2
            == 1
            && tree
                .tokens
                .first()
                .is_some_and(|t| !QUOTES.contains(&t.text.as_str()));
        if closes_only {
            for s in in_quote.iter_mut() {
                *s = !*s;
            }
        }
        Speech { in_quote }
    }

    /// Whether token `i` stands between quotation marks.
    pub fn is_quoted(&self, i: usize) -> bool {
        self.in_quote.get(i).copied().unwrap_or(false)
    }

    /// The speaker of the clause whose top is `top`, and whether it is quoted.
    pub fn speaker_of(
        &self,
        tree: &Tree,
        lex: &Lexicon,
        r: &Resolver,
        top: usize,
    ) -> (Option<usize>, bool) {
        let quoted = self.in_quote.get(top).copied().unwrap_or(false);
        // Climb to the speech verb that embeds the clause ("said that …").
        let mut cur = top;
        for _ in 0..8 {
            let Some(h) = tree.head(cur) else { break };
            if matches!(
                tree.base_rel(cur),
                "ccomp" | "parataxis" | "xcomp" | "advcl"
            ) && lex.is_speech(tree.lemma(h))
            {
                if let Some(a) = speaker_actor(tree, r, h) {
                    return (Some(a), quoted);
                }
            }
            cur = h;
        }
        // "…, Zakharova said": the speech verb hangs under the clause as parataxis.
        for h in [Some(top), Some(cur)].into_iter().flatten() {
            for &c in tree.children(h) {
                // "staged rallies …, saying he must resign": a participle of saying
                // tells what the actors said, it does not report their act.
                let participle = tree.base_rel(c) == "advcl" && tree.tokens[c].xpos == "VBG";
                if matches!(tree.base_rel(c), "parataxis" | "ccomp" | "advcl" | "conj")
                    && !participle
                    && lex.is_speech(tree.lemma(c))
                    && c != top
                {
                    if let Some(a) = speaker_actor(tree, r, c) {
                        return (Some(a), quoted);
                    }
                }
            }
        }
        (None, quoted)
    }

    /// Events of the form "X said Y must/should …" not already coded: a demand by the
    /// speaker on Y.
    pub fn demands(&self, tree: &Tree, lex: &Lexicon, r: &Resolver, fired: &[usize]) -> Vec<Coded> {
        let mut out = Vec::new();
        for s in 0..tree.len() {
            if !(lex.is_speech(tree.lemma(s)) && tree.is_verb(s)) {
                continue;
            }
            let Some(speaker) = speaker_actor(tree, r, s) else {
                continue;
            };
            for &c in tree.children(s) {
                if !matches!(tree.base_rel(c), "ccomp" | "parataxis") {
                    continue;
                }
                let modal = tree.children(c).iter().any(|&a| {
                    tree.base_rel(a) == "aux"
                        && DEMAND_MODALS.contains(&tree.lemma(a).to_ascii_lowercase().as_str())
                }) || lex
                    .demand_modals
                    .iter()
                    .any(|m| tree.lemma(c).eq_ignore_ascii_case(m));
                if !modal {
                    continue;
                }
                let Some(subj) = tree.child_rel(c, "nsubj") else {
                    continue;
                };
                let targets = r.actors_of(subj);
                if targets.is_empty() {
                    continue;
                }
                // The embedded act is what is demanded, not something done.
                let embedded = fired.contains(&c);
                let code = if embedded { "100" } else { demand_code("") };
                for g in targets {
                    if r.party(g) == r.party(speaker) {
                        continue;
                    }
                    out.push(Coded {
                        code: code.to_string(),
                        source: speaker,
                        target: Some(g),
                        flags: EventFlags::default(),
                        speaker: None,
                        quoted: self.in_quote.get(c).copied().unwrap_or(false),
                        trigger: (c, c),
                        token: c,
                        alternates: Vec::new(),
                        rule: format!(
                            "speech: {} … {} (demand in reported speech)",
                            tree.tokens[s].text, tree.tokens[c].text
                        ),
                    });
                }
            }
        }
        out
    }

    /// True when the clause at `c` sits under a speech verb with a demand modal, or is
    /// a mandative subjunctive ("demanding that Syrian troops leave": a base form with
    /// a subject of its own, after "that"); its own event is then not coded as done.
    pub fn is_demanded(&self, tree: &Tree, lex: &Lexicon, c: usize) -> bool {
        let Some(h) = tree.head(c) else { return false };
        // A base form, or a present one that could be a base form after a verb of
        // demanding ("demanded that the troops leave").
        let base_form = match tree.tokens[c].xpos.as_str() {
            "VB" => true,
            "VBP" => MANDATIVE.contains(&tree.lemma(h).to_ascii_lowercase().as_str()),
            _ => false,
        };
        let subjunctive = tree.base_rel(c) == "ccomp"
            && base_form
            && tree.child_rel(c, "nsubj").is_some()
            && tree
                .children_rel(c, "mark")
                .any(|m| tree.lemma(m).eq_ignore_ascii_case("that"))
            && !tree.children(c).iter().any(|&a| tree.base_rel(a) == "aux");
        if subjunctive {
            return true;
        }
        matches!(tree.base_rel(c), "ccomp" | "parataxis")
            && lex.is_speech(tree.lemma(h))
            && tree.children(c).iter().any(|&a| {
                tree.base_rel(a) == "aux"
                    && DEMAND_MODALS.contains(&tree.lemma(a).to_ascii_lowercase().as_str())
            })
    }
}

/// The actor who speaks with verb `s`: its subject, or the passive agent
/// ("it was announced by X").
pub(crate) fn speaker_actor(tree: &Tree, r: &Resolver, s: usize) -> Option<usize> {
    subject_speaker(tree, r, s).or_else(|| {
        // '"…," Artem Studennikov told France Info' parsed without a subject: the
        // nearest actor between the closing quote and the verb.
        (0..s)
            .rev()
            .take_while(|&k| !QUOTES.contains(&tree.tokens[k].text.as_str()))
            .find_map(|k| r.in_actor[k])
    })
}

fn subject_speaker(tree: &Tree, r: &Resolver, s: usize) -> Option<usize> {
    let subj = tree
        .children(s)
        .iter()
        .copied()
        .find(|&c| matches!(tree.deprel(c), "nsubj" | "nsubj:pass"))
        .or_else(|| r.agent(s))
        // "…, saying he must resign": the subject of the clause the participle
        // hangs on.
        .or_else(|| {
            (tree.tokens[s].xpos == "VBG" && matches!(tree.base_rel(s), "advcl" | "acl"))
                .then(|| r.subject(s))
                .flatten()
        })?;
    r.actors_of(subj).first().copied()
}
