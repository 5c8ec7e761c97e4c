//! Flags (negation, modality, hypothesis, history) and intent: how the clause around
//! a trigger qualifies the act, and when "promised to", "threatened to", "refused to"
//! or "will" turn the act into a CAMEO intent or rejection code.

use parley_types::EventFlags;

use super::tree::Tree;

/// What a control verb above the trigger does to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Control {
    /// "agreed to", "promised to", "offered to": an intent (03x / 13x).
    Intent,
    /// "threatened to", "warned it would": a threat (13x).
    Threat,
    /// "refused to", "declined to", "failed to": a rejection (12x).
    Refusal,
    /// "plans to", "is preparing to": not yet happened.
    Plan,
}

/// Word lists the engine reads from the dictionary's sets.
#[derive(Debug, Clone, Default)]
pub(crate) struct Lexicon {
    pub speech: Vec<String>,
    pub intent: Vec<String>,
    pub threat: Vec<String>,
    pub refusal: Vec<String>,
    pub plan: Vec<String>,
    pub demand_modals: Vec<String>,
}

impl Lexicon {
    pub fn control(&self, lemma: &str) -> Option<Control> {
        let l = lemma.to_ascii_lowercase();
        if self.threat.contains(&l) {
            Some(Control::Threat)
        } else if self.refusal.contains(&l) {
            Some(Control::Refusal)
        } else if self.intent.contains(&l) {
            Some(Control::Intent)
        } else if self.plan.contains(&l) {
            Some(Control::Plan)
        } else {
            None
        }
    }

    pub fn is_speech(&self, lemma: &str) -> bool {
        self.speech.iter().any(|s| s.eq_ignore_ascii_case(lemma))
    }
}

const NEGATIONS: &[&str] = &["not", "never", "n't", "no", "neither", "nor"];
const FUTURE: &[&str] = &["will", "shall", "'ll", "wo", "going"];
const CONDITIONAL: &[&str] = &[
    "would", "may", "might", "could", "should", "must", "can", "ought",
];
const HYPOTHETICAL_MARKS: &[&str] = &["if", "unless", "whether", "lest"];

/// The clause chain of a trigger: the trigger and the verbs it is the `xcomp` of
/// ("decided to expel": expel, decided), with the control verb found on the way.
pub(crate) struct Chain {
    pub tokens: Vec<usize>,
    pub control: Option<(usize, Control)>,
}

/// Climbs `xcomp` (and `ccomp` of adjectives: "ready to", "willing to") from `i`.
pub(crate) fn chain(tree: &Tree, lex: &Lexicon, i: usize) -> Chain {
    let mut tokens = vec![i];
    let mut control = None;
    let mut cur = i;
    // A noun trigger under a light or control verb ("offered talks").
    if tree.is_noun(i) && matches!(tree.base_rel(i), "obj" | "nsubj") {
        if let Some(h) = tree.head(i) {
            if let Some(c) = lex.control(tree.lemma(h)) {
                control = Some((h, c));
            }
            tokens.push(h);
            cur = h;
        }
    }
    for _ in 0..6 {
        let Some(h) = tree.head(cur) else { break };
        // "warned it could launch strikes": threats also govern a clause.
        let threat_clause =
            tree.base_rel(cur) == "ccomp" && lex.control(tree.lemma(h)) == Some(Control::Threat);
        if !(tree.base_rel(cur) == "xcomp" || threat_clause) {
            break;
        }
        tokens.push(h);
        if control.is_none() {
            if let Some(c) = lex.control(tree.lemma(h)) {
                control = Some((h, c));
            }
        }
        cur = h;
    }
    Chain { tokens, control }
}

/// Flags of the event triggered at `i` with clause chain `chain`.
pub(crate) fn flags(tree: &Tree, chain: &Chain, doc_year: Option<i32>) -> EventFlags {
    let mut f = EventFlags::default();
    for &t in &chain.tokens {
        for &c in tree.children(t) {
            let lemma = tree.lemma(c).to_ascii_lowercase();
            let rel = tree.deprel(c);
            if (rel == "advmod" || rel == "det" || rel == "aux" || rel == "cc:preconj")
                && NEGATIONS.contains(&lemma.as_str())
            {
                f.negated = true;
            }
            if rel.starts_with("aux") {
                if FUTURE.contains(&lemma.as_str()) {
                    f.future = true;
                } else if CONDITIONAL.contains(&lemma.as_str()) {
                    f.hypothetical = true;
                }
            }
            if rel == "mark" && lemma == "since" {
                f.historical = true;
            }
            if rel == "mark" && hypothetical_mark(tree, c) {
                f.hypothetical = true;
            }
            if matches!(tree.base_rel(c), "obl" | "advcl" | "nmod")
                && is_historical(tree, c, doc_year)
            {
                f.historical = true;
            }
        }
    }
    // A nominal act inside a dated phrase: "since the beginning of Russia's
    // operation", "since the start of the war".
    if let Some(&top) = chain.tokens.last() {
        let mut cur = top;
        for _ in 0..2 {
            let Some(h) = tree.head(cur) else { break };
            if tree.base_rel(cur) != "nmod" || !tree.is_noun(h) {
                break;
            }
            if is_historical(tree, h, doc_year) {
                f.historical = true;
            }
            cur = h;
        }
    }
    // A trigger inside an "if" clause, or under a negated head ("was not interested in
    // Russia's isolation").
    if let Some(&top) = chain.tokens.last() {
        let mut cur = top;
        for _ in 0..4 {
            let Some(h) = tree.head(cur) else { break };
            if tree.base_rel(cur) == "advcl"
                && tree
                    .children_rel(cur, "mark")
                    .any(|m| hypothetical_mark(tree, m))
            {
                f.hypothetical = true;
            }
            if !matches!(tree.base_rel(cur), "obl" | "nmod" | "obj" | "xcomp") {
                break;
            }
            if tree.children(h).iter().any(|&c| {
                tree.deprel(c) == "advmod"
                    && NEGATIONS.contains(&tree.lemma(c).to_ascii_lowercase().as_str())
            }) {
                f.negated = true;
            }
            cur = h;
        }
    }
    f
}

/// A mark of a condition or open question: "if", "whether", also inside a
/// multi-word mark ("on whether or not", with "whether" a `fixed` part of "on").
fn hypothetical_mark(tree: &Tree, m: usize) -> bool {
    std::iter::once(m)
        .chain(tree.children_rel(m, "fixed"))
        .any(|k| HYPOTHETICAL_MARKS.contains(&tree.lemma(k).to_ascii_lowercase().as_str()))
}

/// "since February 2022", "in 1988" (before the publication year), "years ago".
fn is_historical(tree: &Tree, c: usize, doc_year: Option<i32>) -> bool {
    let case = tree.case_of(c).unwrap_or_default();
    let mark = tree
        .children_rel(c, "mark")
        .next()
        .map(|m| tree.lemma(m).to_ascii_lowercase())
        .unwrap_or_default();
    if case == "since" || mark == "since" {
        return true;
    }
    if tree
        .children(c)
        .iter()
        .any(|&k| tree.lemma(k).eq_ignore_ascii_case("ago"))
    {
        return true;
    }
    if case == "in" {
        // "in 1988", or a month with its year ("in February 2022").
        let year = std::iter::once(c)
            .chain(
                tree.children(c)
                    .iter()
                    .copied()
                    .filter(|&k| tree.upos(k) == "NUM"),
            )
            .find_map(|k| tree.tokens[k].text.parse::<i32>().ok());
        if let (Some(year), Some(doc)) = (year, doc_year) {
            return (1800..doc).contains(&year);
        }
    }
    false
}

/// The intent code of an act: what "promised to" / "will" make of it.
pub(crate) fn intent_code(code: &str) -> Option<&'static str> {
    Some(match code {
        "040" | "041" | "042" | "043" | "044" | "046" | "04" => "036",
        "045" => "039",
        "050" | "051" | "052" | "053" | "054" | "055" | "056" | "05" => "032",
        "057" => "030",
        "060" | "06" => "031",
        "061" => "0311",
        "062" => "0312",
        "063" => "0313",
        "064" => "0314",
        "070" | "075" | "07" => "033",
        "071" => "0331",
        "072" => "0332",
        "073" => "0333",
        "074" => "0334",
        "080" | "08" => "035",
        "081" | "0811" | "0812" | "0813" | "0814" => "0351",
        "082" => "0352",
        "083" => "034",
        "0831" => "0341",
        "0832" => "0342",
        "0833" => "0343",
        "0834" => "0344",
        "084" | "0841" | "0842" => "0353",
        "085" => "0354",
        "086" | "0861" | "0862" | "0863" => "0355",
        "087" | "0871" | "0872" | "0873" | "0874" => "0356",
        "14" | "140" | "141" | "142" | "143" | "144" | "145" => "133",
        "15" | "150" | "151" | "152" | "153" | "154" => "138",
        "16" | "160" => "131",
        "161" => "1313",
        "162" | "1621" | "1622" | "1623" => "1311",
        "163" => "1312",
        "164" => "134",
        "165" => "135",
        "166" | "1661" | "1662" | "1663" => "136",
        "17" | "170" | "171" | "1711" | "1712" | "173" | "174" => "130",
        "172" => "132",
        "1721" => "1321",
        "1722" => "1322",
        "1723" => "1323",
        "1724" => "1324",
        "175" => "137",
        "191" => "1381",
        "192" => "1382",
        "204" | "2041" | "2042" => "1385",
        c if c.starts_with("18") || c.starts_with("20") => "1383",
        c if c.starts_with("19") => "1384",
        _ => return None,
    })
}

/// The rejection code of an act: what "refused to" makes of it.
pub(crate) fn refusal_code(code: &str) -> Option<&'static str> {
    Some(match code {
        c if c.starts_with("04") && c != "045" => "125",
        "045" => "126",
        c if c.starts_with("03") => "120",
        c if c.starts_with("05") => "120",
        "061" => "1211",
        "062" => "1212",
        c if c.starts_with("06") => "121",
        "071" => "1221",
        "072" => "1222",
        "073" => "1223",
        "074" => "1224",
        c if c.starts_with("07") => "122",
        "081" | "0811" | "0812" | "0813" | "0814" => "1241",
        "082" => "1242",
        "083" => "123",
        "0831" => "1231",
        "0832" => "1232",
        "0833" => "1233",
        "0834" => "1234",
        "084" | "0841" | "0842" => "1243",
        "085" => "1244",
        "086" | "0861" | "0862" | "0863" => "1245",
        "087" | "0871" | "0872" | "0873" | "0874" => "1246",
        c if c.starts_with("08") => "124",
        _ => return None,
    })
}

/// The demand code of an act someone says another "must" or "should" do.
pub(crate) fn demand_code(code: &str) -> &'static str {
    match code {
        c if c.starts_with("04") => "106",
        "061" => "1011",
        "062" => "1012",
        "063" => "1013",
        "064" => "1014",
        c if c.starts_with("06") => "101",
        "071" => "1031",
        "072" => "1032",
        "073" => "1033",
        "074" => "1034",
        c if c.starts_with("07") => "103",
        c if c.starts_with("084") => "1053",
        "085" => "1054",
        c if c.starts_with("086") => "1055",
        c if c.starts_with("087") => "1056",
        c if c.starts_with("08") => "105",
        _ => "100",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intent_and_refusal_codes_are_cameo_codes() {
        for info in parley_cameo::codes() {
            for mapped in [
                intent_code(info.code),
                refusal_code(info.code),
                Some(demand_code(info.code)),
            ]
            .into_iter()
            .flatten()
            {
                assert!(
                    parley_cameo::lookup(mapped).is_some(),
                    "{} -> {mapped}",
                    info.code
                );
            }
        }
        assert_eq!(intent_code("166"), Some("136"));
        assert_eq!(refusal_code("042"), Some("125"));
        assert_eq!(intent_code("111"), None);
    }
}
