//! A read-only view of one parsed sentence: children lists and the dependency
//! queries argument assignment needs.

use parley_types::Token;

/// A UD relation without its subtype (`obl` for `obl:agent`); called for nearly
/// every token the coder looks at, so a byte search rather than a string split.
pub(crate) fn universal(rel: &str) -> &str {
    match rel.bytes().position(|b| b == b':') {
        Some(i) => &rel[..i],
        None => rel,
    }
}

/// The dependency tree of one sentence.
pub(crate) struct Tree<'a> {
    pub tokens: &'a [Token],
    children: Vec<Vec<usize>>,
}

impl<'a> Tree<'a> {
    /// Builds children lists; heads out of range are treated as roots.
    pub fn new(tokens: &'a [Token]) -> Tree<'a> {
        let mut children = vec![Vec::new(); tokens.len()];
        for (i, t) in tokens.iter().enumerate() {
            if let Some(h) = t.head {
                if h < tokens.len() && h != i {
                    children[h].push(i);
                }
            }
        }
        Tree { tokens, children }
    }

    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    pub fn lemma(&self, i: usize) -> &str {
        &self.tokens[i].lemma
    }

    pub fn deprel(&self, i: usize) -> &str {
        &self.tokens[i].deprel
    }

    /// The relation without its subtype (`obl` for `obl:agent`).
    pub fn base_rel(&self, i: usize) -> &str {
        universal(self.deprel(i))
    }

    pub fn upos(&self, i: usize) -> &str {
        &self.tokens[i].upos
    }

    pub fn head(&self, i: usize) -> Option<usize> {
        self.tokens[i]
            .head
            .filter(|&h| h < self.tokens.len() && h != i)
    }

    pub fn children(&self, i: usize) -> &[usize] {
        &self.children[i]
    }

    /// Children whose relation (with or without subtype) is `rel`.
    pub fn children_rel<'s>(&'s self, i: usize, rel: &'s str) -> impl Iterator<Item = usize> + 's {
        self.children[i].iter().copied().filter(move |&c| {
            let d = self.deprel(c);
            d == rel || universal(d) == rel
        })
    }

    /// First child with exactly the relation `rel` or its subtype.
    pub fn child_rel(&self, i: usize, rel: &str) -> Option<usize> {
        self.children_rel(i, rel).next()
    }

    /// The preposition (lower-cased lemma of the `case` child) of a nominal, joined
    /// for multiword cases ("out of").
    pub fn case_of(&self, i: usize) -> Option<String> {
        let cases: Vec<&str> = self
            .children_rel(i, "case")
            .map(|c| self.lemma(c))
            .collect();
        if cases.is_empty() {
            return None;
        }
        let mut s = String::new();
        for c in cases {
            if !s.is_empty() {
                s.push(' ');
            }
            s.push_str(&c.to_ascii_lowercase());
        }
        Some(s)
    }

    /// True when token `i` is a verb or auxiliary-like predicate.
    pub fn is_verb(&self, i: usize) -> bool {
        matches!(self.upos(i), "VERB")
            || self.tokens[i].xpos.starts_with("VB") && self.upos(i) != "AUX"
    }

    /// True when token `i` is a past participle: tagged so, or an adjective with a
    /// participle's ending modifying a noun ("two wounded soldiers", which taggers
    /// read as an adjective as often as a verb).
    pub fn is_participle(&self, i: usize) -> bool {
        let t = &self.tokens[i];
        t.xpos == "VBN"
            || (t.xpos == "JJ"
                && matches!(self.base_rel(i), "acl" | "amod")
                && t.text.len() > 4
                && t.text.to_ascii_lowercase().ends_with("ed"))
    }

    /// True when token `i` is a common or proper noun.
    pub fn is_noun(&self, i: usize) -> bool {
        matches!(self.upos(i), "NOUN" | "PROPN") || self.tokens[i].xpos.starts_with("NN")
    }

    /// True when the clause headed by `i` is passive.
    pub fn is_passive(&self, i: usize) -> bool {
        // A clause with an active subject or an object is active whatever else the
        // parser attached ("Since 2022, X have sanctioned Y").
        if self.children[i]
            .iter()
            .any(|&c| matches!(self.deprel(c), "nsubj" | "obj"))
        {
            return false;
        }
        self.children[i]
            .iter()
            .any(|&c| matches!(self.deprel(c), "nsubj:pass" | "aux:pass" | "csubj:pass"))
            || (self.is_participle(i)
                && matches!(self.base_rel(i), "acl" | "amod")
                // "troops surrounded and shelled the post" read as a noun phrase:
                // an object on the participle or on its conjunct makes it active.
                && !std::iter::once(i)
                    .chain(self.children_rel(i, "conj"))
                    .any(|v| {
                        self.children[v]
                            .iter()
                            .any(|&c| matches!(self.deprel(c), "obj" | "iobj"))
                    }))
    }

    /// Conjuncts of `i` (transitively), not including `i`.
    pub fn conjuncts(&self, i: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let mut stack: Vec<usize> = self.children_rel(i, "conj").collect();
        while let Some(c) = stack.pop() {
            if out.contains(&c) || c == i {
                continue;
            }
            out.push(c);
            stack.extend(self.children_rel(c, "conj"));
        }
        out.sort_unstable();
        out
    }

    /// Ancestors of `i`, nearest first (stops on cycles).
    pub fn ancestors(&self, i: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let mut cur = self.head(i);
        while let Some(h) = cur {
            if out.contains(&h) || out.len() > self.len() {
                break;
            }
            out.push(h);
            cur = self.head(h);
        }
        out
    }
}

#[cfg(test)]
pub(crate) mod build {
    //! Hand-built trees for unit tests.
    use parley_types::{Span, Token};

    /// Builds tokens from `(text, lemma, upos, head (1-based, 0 = root), deprel)`.
    pub fn tokens(rows: &[(&str, &str, &str, usize, &str)]) -> Vec<Token> {
        let mut out = Vec::new();
        let mut pos = 0;
        for &(text, lemma, upos, head, deprel) in rows {
            let xpos = match upos {
                "VERB" => "VB",
                "NOUN" => "NN",
                "PROPN" => "NNP",
                "AUX" => "MD",
                _ => upos,
            };
            out.push(Token {
                span: Span::new(pos, pos + text.len()),
                text: text.to_string(),
                lemma: lemma.to_string(),
                upos: upos.to_string(),
                xpos: xpos.to_string(),
                head: head.checked_sub(1),
                deprel: deprel.to_string(),
            });
            pos += text.len() + 1;
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn children_and_cases() {
        let toks = build::tokens(&[
            ("Iran", "Iran", "PROPN", 2, "nsubj"),
            ("met", "meet", "VERB", 0, "root"),
            ("with", "with", "ADP", 4, "case"),
            ("Iraq", "Iraq", "PROPN", 2, "obl"),
        ]);
        let t = Tree::new(&toks);
        assert_eq!(t.children(1), &[0, 3]);
        assert_eq!(t.case_of(3).as_deref(), Some("with"));
        assert_eq!(t.child_rel(1, "nsubj"), Some(0));
        assert!(!t.is_passive(1));
        assert_eq!(t.ancestors(2), vec![3, 1]);
    }

    #[test]
    fn survives_cycles() {
        let mut toks = build::tokens(&[("a", "a", "NOUN", 2, "dep"), ("b", "b", "NOUN", 1, "dep")]);
        toks[0].deprel = "conj".into();
        toks[1].deprel = "conj".into();
        let t = Tree::new(&toks);
        assert!(t.ancestors(0).len() <= 2);
        assert!(t.conjuncts(0).len() <= 2);
    }
}
