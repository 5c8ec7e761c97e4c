//! Scoring against a gold treebank, counted like the CoNLL 2018 shared-task scorer:
//! over syntactic words (punctuation included), system and gold words aligned by
//! their character spans in the sentence with whitespace removed; every figure is an
//! F1 of (correct aligned words) against gold and system word counts, and LAS
//! compares the universal part of the relation (`obl:agent` counts as `obl`).

use std::fmt;

use parley_types::Token;

use crate::conllu::GoldSentence;

/// Correct, gold and system counts of one measure.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Count {
    /// Aligned words that are right.
    pub correct: usize,
    /// Gold words.
    pub gold: usize,
    /// System words.
    pub system: usize,
}

impl Count {
    /// F1 in percent (equal to accuracy when tokenization is perfect).
    pub fn f1(&self) -> f64 {
        let d = self.gold + self.system;
        if d == 0 {
            0.0
        } else {
            200.0 * self.correct as f64 / d as f64
        }
    }
}

/// All measures of one evaluation.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scores {
    /// Word segmentation.
    pub words: Count,
    /// Universal POS.
    pub upos: Count,
    /// Penn Treebank POS.
    pub xpos: Count,
    /// Lemma.
    pub lemma: Count,
    /// Unlabelled attachment.
    pub uas: Count,
    /// Labelled attachment (universal relation).
    pub las: Count,
    /// Labelled attachment with full relation subtypes (`nsubj:pass`).
    pub las_full: Count,
    /// Sentences scored.
    pub sentences: usize,
}

/// Spans of each word's characters in the sentence with whitespace removed.
fn char_spans<'a>(forms: impl Iterator<Item = &'a str>) -> Vec<(usize, usize)> {
    let mut pos = 0;
    forms
        .map(|f| {
            let n = f.chars().filter(|c| !c.is_whitespace()).count();
            let s = (pos, pos + n);
            pos += n;
            s
        })
        .collect()
}

fn universal(rel: &str) -> &str {
    rel.split(':').next().unwrap_or(rel)
}

impl Scores {
    /// Adds one sentence: gold words against system tokens of the same sentence.
    pub fn add(&mut self, gold: &GoldSentence, system: &[Token]) {
        self.sentences += 1;
        let gs = char_spans(gold.words.iter().map(|w| w.form.as_str()));
        let ss = char_spans(system.iter().map(|t| t.text.as_str()));
        // Alignment: system word index of each gold word, where spans are equal.
        let mut align: Vec<Option<usize>> = vec![None; gs.len()];
        let mut sys_to_gold: Vec<Option<usize>> = vec![None; ss.len()];
        let (mut i, mut j) = (0, 0);
        while i < gs.len() && j < ss.len() {
            if gs[i] == ss[j] {
                align[i] = Some(j);
                sys_to_gold[j] = Some(i);
                i += 1;
                j += 1;
            } else if gs[i].1 <= ss[j].1 {
                i += 1;
            } else {
                j += 1;
            }
        }
        for m in [
            &mut self.words,
            &mut self.upos,
            &mut self.xpos,
            &mut self.lemma,
            &mut self.uas,
            &mut self.las,
            &mut self.las_full,
        ] {
            m.gold += gs.len();
            m.system += ss.len();
        }
        for (gi, w) in gold.words.iter().enumerate() {
            let Some(sj) = align[gi] else { continue };
            let t = &system[sj];
            self.words.correct += 1;
            self.upos.correct += usize::from(t.upos == w.upos);
            self.xpos.correct += usize::from(t.xpos == w.xpos);
            self.lemma.correct += usize::from(t.lemma == w.lemma);
            let head_ok = match (t.head, w.head) {
                (None, 0) => true,
                (Some(h), g) if g > 0 => sys_to_gold.get(h).copied().flatten() == Some(g - 1),
                _ => false,
            };
            if head_ok {
                self.uas.correct += 1;
                self.las.correct += usize::from(universal(&t.deprel) == universal(&w.deprel));
                self.las_full.correct += usize::from(t.deprel == w.deprel);
            }
        }
    }
}

impl fmt::Display for Scores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "sentences {}  gold words {}  system words {}",
            self.sentences, self.words.gold, self.words.system
        )?;
        for (name, c) in [
            ("Words", self.words),
            ("UPOS", self.upos),
            ("XPOS", self.xpos),
            ("Lemmas", self.lemma),
            ("UAS", self.uas),
            ("LAS", self.las),
            ("LAS(full)", self.las_full),
        ] {
            writeln!(f, "{name:<10} {:6.2}", c.f1())?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conllu::GoldWord;

    fn gw(form: &str, head: usize, rel: &str) -> GoldWord {
        GoldWord {
            form: form.into(),
            lemma: form.into(),
            upos: "X".into(),
            xpos: "X".into(),
            head,
            deprel: rel.into(),
        }
    }

    fn tok(text: &str, head: Option<usize>, rel: &str) -> Token {
        Token {
            text: text.into(),
            lemma: text.into(),
            upos: "X".into(),
            xpos: "X".into(),
            head,
            deprel: rel.into(),
            ..Default::default()
        }
    }

    #[test]
    fn misaligned_words_count_against_both_sides() {
        let gold = GoldSentence {
            text: "They don't".into(),
            words: vec![
                gw("They", 2, "nsubj"),
                gw("do", 0, "root"),
                gw("n't", 2, "advmod"),
            ],
        };
        let sys = [
            tok("They", Some(1), "nsubj:pass"),
            tok("don't", None, "root"),
        ];
        let mut s = Scores::default();
        s.add(&gold, &sys);
        assert_eq!(
            s.words,
            Count {
                correct: 1,
                gold: 3,
                system: 2
            }
        );
        // "They" is aligned but its system head ("don't") aligns with no gold word.
        assert_eq!(s.uas.correct, 0);
        let sys = [
            tok("They", Some(1), "nsubj:pass"),
            tok("do", None, "root"),
            tok("n't", Some(1), "advmod"),
        ];
        let mut s = Scores::default();
        s.add(&gold, &sys);
        assert_eq!(s.uas.correct, 3);
        assert_eq!(s.las.correct, 3);
        assert_eq!(s.las_full.correct, 2);
        assert!((s.las.f1() - 100.0).abs() < 1e-9);
    }
}
