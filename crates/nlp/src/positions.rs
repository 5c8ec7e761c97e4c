//! Transition scores of the features that read a single position (a stack item or
//! the buffer front), computed once per sentence and position instead of once per
//! transition: the parser then scores only the features that combine positions.

use crate::feature::feat;
use crate::parser::{buffer_features, stack_features, Input, NO};
use crate::perceptron::Weights;

/// Per-position partial transition scores of one sentence, each computed on first
/// use (a position never seen in a role costs nothing).
pub(crate) struct PositionScores {
    /// `stack[depth][p]`: stack item `depth` (0 = top) is `p`; index `n + 1` is
    /// `NO` (no such item).
    stack: [Vec<Option<[i32; 3]>>; 3],
    /// `buffer[b]`: the buffer front is `b` (bias included).
    buffer: Vec<Option<[i32; 3]>>,
    /// Words in the sentence.
    n: usize,
    feats: Vec<u64>,
}

impl PositionScores {
    /// An empty table for `n` words.
    pub(crate) fn new(n: usize) -> PositionScores {
        PositionScores {
            stack: std::array::from_fn(|_| vec![None; n + 2]),
            buffer: vec![None; n + 1],
            n,
            feats: Vec::with_capacity(16),
        }
    }

    /// The partial score of stack items `s` (top first) and buffer front `b`.
    pub(crate) fn get(
        &mut self,
        actions: &Weights,
        x: &Input<'_>,
        s: [u32; 3],
        b: usize,
    ) -> [i32; 3] {
        let n = self.n;
        let feats = &mut self.feats;
        let score = |feats: &[u64]| {
            let mut s = [0i32; 3];
            actions.score(feats, &mut s);
            s
        };
        let mut out = match self.buffer.get_mut(b) {
            Some(Some(v)) => *v,
            Some(slot) => {
                feats.clear();
                feats.push(feat(100, 0, 0, 0));
                buffer_features(x, n, b, feats);
                *slot.insert(score(feats))
            }
            None => [0; 3],
        };
        for (depth, (table, &p)) in self.stack.iter_mut().zip(&s).enumerate() {
            let i = if p == NO { n + 1 } else { p as usize };
            let v = match table.get_mut(i) {
                Some(Some(v)) => *v,
                Some(slot) => {
                    feats.clear();
                    stack_features(x, depth, p, feats);
                    *slot.insert(score(feats))
                }
                None => [0; 3],
            };
            for (o, x) in out.iter_mut().zip(v) {
                *o += x;
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feature::WordFacts;
    use crate::parser::{action_features, configuration_features, stack_top, State};

    /// Position scores plus the remaining features give the score of all features,
    /// in every state the parser passes through.
    #[test]
    fn split_scores_equal_full_scores() {
        let m = crate::Model::embedded();
        let text = "The envoy, who arrived in Cairo late on Monday, said talks with \
                    rebel leaders had not produced a deal.";
        let words: Vec<WordFacts> = m
            .tokenize(text, 0)
            .iter()
            .map(|t| m.facts(&t.text))
            .collect();
        let mut classes = Vec::new();
        m.tagger.tag(&words, &mut classes);
        let tags: Vec<u64> = classes.iter().map(|&c| c as u64 + 1).collect();
        let x = Input {
            words: &words,
            tags: &tags,
        };
        let actions = &m.parser.actions;
        let mut feats = Vec::new();
        let mut positions = PositionScores::new(words.len());
        let mut st = State::new(words.len());
        let mut lscores = vec![0i32; m.parser.labeler.width()];
        let mut steps = 0;
        while !st.terminal() {
            action_features(&st, &x, &mut feats);
            let mut full = [0i32; 3];
            actions.score(&feats, &mut full);
            feats.clear();
            configuration_features(&st, &x, &mut feats);
            let (s0, s1, s2) = stack_top(&st);
            let mut split = positions.get(actions, &x, [s0, s1, s2], st.b);
            actions.add(&feats, &mut split);
            assert_eq!(full, split, "step {steps}");
            let v = st.valid();
            let best = (0..3)
                .filter(|&a| v[a])
                .max_by_key(|&a| (full[a], std::cmp::Reverse(a)))
                .expect("a valid transition");
            let label = if best == crate::parser::SHIFT {
                0
            } else {
                m.parser.label(&st, &x, best, &mut feats, &mut lscores)
            };
            st.apply(best, label);
            steps += 1;
        }
        assert_eq!(steps, 2 * words.len());
    }
}
