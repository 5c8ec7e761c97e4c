//! Training the parser with a dynamic oracle: at every state the transitions that
//! lose the fewest gold arcs are correct, so after the first epoch training follows
//! the model's own (possibly wrong) predictions and learns to recover from errors.

use crate::feature::WordFacts;
use crate::parser::{action_features, label_features, Input, Parser, State, NO, SHIFT};
use crate::shuffle::Rng;
use crate::trainer::Trainer;

/// Rows (2^bits) of the transition table.
pub(crate) const ACTION_BITS: u32 = 22;
/// Rows (2^bits) of the relation table.
pub(crate) const LABEL_BITS: u32 = 20;

/// One training sentence: words, predicted tags, gold heads (`n` = root), gold labels.
pub(crate) struct ParseExample {
    pub(crate) words: Vec<WordFacts>,
    pub(crate) tags: Vec<u64>,
    pub(crate) heads: Vec<u32>,
    pub(crate) labels: Vec<u16>,
}

/// Attachment scores (UAS, LAS) of `parser` on `data`, in percent.
pub(crate) fn attachment(parser: &Parser, data: &[ParseExample]) -> (f64, f64) {
    let (mut u, mut l, mut all) = (0usize, 0usize, 0usize);
    for ex in data {
        let st = parser.parse(&Input {
            words: &ex.words,
            tags: &ex.tags,
        });
        for d in 0..ex.words.len() {
            let h = if st.heads[d] == NO {
                ex.words.len() as u32
            } else {
                st.heads[d]
            };
            if h == ex.heads[d] {
                u += 1;
                if st.labels[d] == ex.labels[d] + 1 {
                    l += 1;
                }
            }
            all += 1;
        }
    }
    let all = all.max(1) as f64;
    (100.0 * u as f64 / all, 100.0 * l as f64 / all)
}

/// Trains the parser, keeping the epoch with the best dev LAS.
pub(crate) fn train_parser(
    labels: Vec<String>,
    train: &[ParseExample],
    dev: &[ParseExample],
    epochs: usize,
    seed: u64,
    log: &mut dyn FnMut(String),
) -> Parser {
    let root = labels.iter().position(|l| l == "root").unwrap_or(0) as u16;
    let mut actions = Trainer::new(ACTION_BITS, 3);
    let mut labeler = Trainer::new(LABEL_BITS, labels.len());
    let mut rng = Rng::new(seed);
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut feats = Vec::with_capacity(96);
    let mut lfeats = Vec::with_capacity(32);
    let mut scores = [0f32; 3];
    let mut lscores = vec![0f32; labels.len()];
    let mut best: Option<(f64, Parser)> = None;
    for epoch in 0..epochs {
        rng.shuffle(&mut order);
        for &s in &order {
            let ex = &train[s];
            let x = Input {
                words: &ex.words,
                tags: &ex.tags,
            };
            let mut st = State::new(ex.words.len());
            while !st.terminal() {
                let v = st.valid();
                action_features(&st, &x, &mut feats);
                actions.score(&feats, &mut scores);
                let costs = st.costs(&ex.heads);
                let min = (0..3)
                    .filter(|&a| v[a])
                    .map(|a| costs[a])
                    .min()
                    .unwrap_or(0);
                let pick = |ok: &dyn Fn(usize) -> bool| {
                    let mut b = usize::MAX;
                    for a in 0..3 {
                        if v[a] && ok(a) && (b == usize::MAX || scores[a] > scores[b]) {
                            b = a;
                        }
                    }
                    b
                };
                let pred = pick(&|_| true);
                let gold = pick(&|a| costs[a] == min);
                if pred == usize::MAX || gold == usize::MAX {
                    break;
                }
                if costs[pred] > min {
                    actions.update(&feats, gold, pred);
                }
                actions.tick();
                let follow = if costs[pred] == min || epoch > 0 && rng.unit() < 0.9 {
                    pred
                } else {
                    gold
                };
                let mut label = 0u16;
                if follow != SHIFT {
                    let (h, d) = st.arc_of(follow);
                    if h == st.n {
                        label = root;
                    } else {
                        label_features(&st, &x, h, d, &mut lfeats);
                        labeler.score(&lfeats, &mut lscores);
                        lscores[root as usize] = f32::MIN;
                        let mut guess = 0;
                        for (i, &sc) in lscores.iter().enumerate() {
                            if sc > lscores[guess] {
                                guess = i;
                            }
                        }
                        label = guess as u16;
                        if ex.heads[d] == h as u32 {
                            let g = ex.labels[d];
                            if g != label && g != root {
                                labeler.update(&lfeats, g as usize, label as usize);
                            }
                            labeler.tick();
                            label = g;
                        }
                    }
                }
                st.apply(follow, label);
            }
        }
        let parser = Parser {
            actions: actions.averaged(),
            labeler: labeler.averaged(),
            labels: labels.clone(),
            root,
        };
        let (uas, las) = attachment(&parser, dev);
        log(format!(
            "parser epoch {}: dev UAS {uas:.2} LAS {las:.2}",
            epoch + 1
        ));
        if best.as_ref().is_none_or(|(b, _)| las > *b) {
            best = Some((las, parser));
        }
    }
    match best {
        Some((_, p)) => p,
        None => Parser {
            actions: actions.averaged(),
            labeler: labeler.averaged(),
            labels,
            root,
        },
    }
}
