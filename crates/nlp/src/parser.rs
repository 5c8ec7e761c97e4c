//! Greedy transition-based dependency parser (arc-hybrid, root at the end of the
//! buffer), scored by two averaged perceptrons: one picks the transition
//! (shift / left-arc / right-arc), the other the UD relation of each new arc.
//!
//! Runs in time linear in the sentence length (2n transitions, constant features
//! each), so any input is parsed in bounded time.

use crate::codec::{Decoder, Encoder};
use crate::feature::{feat, WordFacts, NONE};
use crate::perceptron::Weights;
use crate::positions::PositionScores;
use crate::tagger::argmax_i32;
use crate::NlpError;

/// No node.
pub(crate) const NO: u32 = u32::MAX;
/// Transition: move the buffer front onto the stack.
pub(crate) const SHIFT: usize = 0;
/// Transition: the stack top becomes a dependent of the buffer front.
pub(crate) const LEFT: usize = 1;
/// Transition: the stack top becomes a dependent of the item below it.
pub(crate) const RIGHT: usize = 2;

const ROOT_WORD: u64 = 0x726f_6f74;

/// Parser configuration: stack, buffer front and the arcs built so far.
pub(crate) struct State {
    pub(crate) n: usize,
    pub(crate) stack: Vec<u32>,
    pub(crate) b: usize,
    pub(crate) heads: Vec<u32>,
    pub(crate) labels: Vec<u16>,
    lc1: Vec<u32>,
    lc2: Vec<u32>,
    rc1: Vec<u32>,
    rc2: Vec<u32>,
    nl: Vec<u8>,
    nr: Vec<u8>,
    lset: Vec<u64>,
    rset: Vec<u64>,
}

impl State {
    /// The initial state for `n` words (node `n` is the root).
    pub(crate) fn new(n: usize) -> State {
        let m = n + 1;
        State {
            n,
            stack: Vec::with_capacity(16),
            b: 0,
            heads: vec![NO; m],
            labels: vec![0; m],
            lc1: vec![NO; m],
            lc2: vec![NO; m],
            rc1: vec![NO; m],
            rc2: vec![NO; m],
            nl: vec![0; m],
            nr: vec![0; m],
            lset: vec![0; m],
            rset: vec![0; m],
        }
    }

    pub(crate) fn terminal(&self) -> bool {
        self.stack.is_empty() && self.b >= self.n
    }

    pub(crate) fn valid(&self) -> [bool; 3] {
        let k = self.stack.len();
        [
            self.b < self.n,
            k >= 1 && (self.b < self.n || k == 1),
            k >= 2,
        ]
    }

    /// The (head, dependent) arc an arc transition would add.
    pub(crate) fn arc_of(&self, action: usize) -> (usize, usize) {
        let k = self.stack.len();
        let s0 = self.stack[k - 1] as usize;
        if action == LEFT {
            (self.b, s0)
        } else {
            (self.stack[k - 2] as usize, s0)
        }
    }

    /// Applies a transition; `label` is the relation id of an arc transition.
    pub(crate) fn apply(&mut self, action: usize, label: u16) {
        match action {
            SHIFT => {
                self.stack.push(self.b as u32);
                self.b += 1;
            }
            _ => {
                let (h, d) = self.arc_of(action);
                self.stack.pop();
                self.heads[d] = h as u32;
                self.labels[d] = label + 1;
                let bit = 1u64 << (label % 64);
                if d < h {
                    self.lc2[h] = self.lc1[h];
                    self.lc1[h] = d as u32;
                    self.nl[h] = self.nl[h].saturating_add(1);
                    self.lset[h] |= bit;
                } else {
                    self.rc2[h] = self.rc1[h];
                    self.rc1[h] = d as u32;
                    self.nr[h] = self.nr[h].saturating_add(1);
                    self.rset[h] |= bit;
                }
            }
        }
    }

    /// Gold arcs lost by each transition (Goldberg & Nivre's dynamic oracle for
    /// arc-hybrid); `gold[d]` is the head of `d` (`n` for the root).
    pub(crate) fn costs(&self, gold: &[u32]) -> [u32; 3] {
        let k = self.stack.len();
        let n = self.n;
        let b = self.b;
        let in_buffer = |x: u32| (x as usize) >= b && (x as usize) <= n;
        let mut c = [u32::MAX; 3];
        let v = self.valid();
        if v[SHIFT] {
            let s0 = if k > 0 { self.stack[k - 1] } else { NO };
            let mut cost = 0;
            for &s in &self.stack {
                if gold[s as usize] == b as u32 {
                    cost += 1;
                }
                if gold[b] == s && s != s0 {
                    cost += 1;
                }
            }
            c[SHIFT] = cost;
        }
        if k >= 1 {
            let s0 = self.stack[k - 1];
            let s1 = if k >= 2 { self.stack[k - 2] } else { NO };
            let deps_in_buffer = (b..n).filter(|&d| gold[d] == s0).count() as u32;
            let g = gold[s0 as usize];
            if v[LEFT] {
                let lost_head = g != b as u32 && (g == s1 || in_buffer(g));
                c[LEFT] = u32::from(lost_head) + deps_in_buffer;
            }
            if v[RIGHT] {
                c[RIGHT] = u32::from(g != s1 && in_buffer(g)) + deps_in_buffer;
            }
        }
        c
    }
}

/// Distance bucket.
fn dist(a: usize, b: usize) -> u64 {
    match a.abs_diff(b) {
        d @ 0..=4 => d as u64,
        5..=9 => 5,
        _ => 6,
    }
}

/// What the feature functions read about the sentence.
pub(crate) struct Input<'a> {
    pub(crate) words: &'a [WordFacts],
    pub(crate) tags: &'a [u64],
}

impl Input<'_> {
    fn w(&self, p: u32) -> u64 {
        match p {
            NO => NONE,
            p if p as usize == self.words.len() => ROOT_WORD,
            p => self.words[p as usize].lower,
        }
    }

    /// The open-class tags of word `p` (see [`WordFacts::open`]).
    fn open(&self, p: u32) -> u64 {
        match p {
            NO => NONE,
            p if p as usize == self.words.len() => ROOT_WORD,
            p => self.words[p as usize].open,
        }
    }

    fn t(&self, p: u32) -> u64 {
        match p {
            NO => NONE,
            p if p as usize == self.words.len() => ROOT_WORD,
            p => self.tags[p as usize],
        }
    }
}

/// The stack's top three items (`NO` where the stack is shorter).
pub(crate) fn stack_top(st: &State) -> (u32, u32, u32) {
    let k = st.stack.len();
    let at = |i: usize| if k > i { st.stack[k - 1 - i] } else { NO };
    (at(0), at(1), at(2))
}

/// Features for choosing the next transition: the bias, those that read one
/// position each ([`stack_features`], [`buffer_features`]), then the rest
/// ([`configuration_features`]).
pub(crate) fn action_features(st: &State, x: &Input<'_>, out: &mut Vec<u64>) {
    out.clear();
    let (s0, s1, s2) = stack_top(st);
    out.push(feat(100, 0, 0, 0));
    stack_features(x, 0, s0, out);
    buffer_features(x, st.n, st.b, out);
    stack_features(x, 1, s1, out);
    stack_features(x, 2, s2, out);
    configuration_features(st, x, out);
}

/// The features of stack item `depth` (0 = top) being `p`.
pub(crate) fn stack_features(x: &Input<'_>, depth: usize, p: u32, out: &mut Vec<u64>) {
    let (w, t) = (x.w(p), x.t(p));
    match depth {
        0 => out.extend_from_slice(&[
            feat(101, w, t, 0),
            feat(102, w, 0, 0),
            feat(103, t, 0, 0),
            feat(116, t, x.open(p), 0),
        ]),
        1 => out.extend_from_slice(&[feat(112, w, t, 0), feat(113, w, 0, 0), feat(114, t, 0, 0)]),
        _ => out.push(feat(115, t, 0, 0)),
    }
}

/// The features of the buffer front being `b` (of `n` words).
pub(crate) fn buffer_features(x: &Input<'_>, n: usize, b: usize, out: &mut Vec<u64>) {
    let b0 = b as u32;
    let b1 = if b < n { b0 + 1 } else { NO };
    let b2 = if b + 1 < n { b0 + 2 } else { NO };
    let (b0w, b0t) = (x.w(b0), x.t(b0));
    let (b1w, b1t) = (x.w(b1), x.t(b1));
    let (b2w, b2t) = (x.w(b2), x.t(b2));
    out.extend_from_slice(&[
        feat(104, b0w, b0t, 0),
        feat(105, b0w, 0, 0),
        feat(106, b0t, 0, 0),
        feat(107, b1w, b1t, 0),
        feat(108, b1w, 0, 0),
        feat(109, b1t, 0, 0),
        feat(110, b2w, b2t, 0),
        feat(111, b2t, 0, 0),
        feat(117, b0t, x.open(b0), 0),
        feat(118, b1t, x.open(b1), 0),
    ]);
}

/// The transition features that combine positions or read the arcs built so far.
pub(crate) fn configuration_features(st: &State, x: &Input<'_>, out: &mut Vec<u64>) {
    let k = st.stack.len();
    let s0 = if k >= 1 { st.stack[k - 1] } else { NO };
    let s1 = if k >= 2 { st.stack[k - 2] } else { NO };
    let s2 = if k >= 3 { st.stack[k - 3] } else { NO };
    let b0 = st.b as u32;
    let b1 = if st.b < st.n { b0 + 1 } else { NO };
    let b2 = if st.b + 1 < st.n { b0 + 2 } else { NO };
    let ch = |v: &Vec<u32>, p: u32| if p == NO { NO } else { v[p as usize] };
    let lab = |p: u32| {
        if p == NO {
            0
        } else {
            u64::from(st.labels[p as usize])
        }
    };
    let s0l = ch(&st.lc1, s0);
    let s0l2 = ch(&st.lc2, s0);
    let s0r = ch(&st.rc1, s0);
    let s0r2 = ch(&st.rc2, s0);
    let s1l = ch(&st.lc1, s1);
    let s1r = ch(&st.rc1, s1);
    let b0l = ch(&st.lc1, b0);
    let b0l2 = ch(&st.lc2, b0);
    let (s0w, s0t) = (x.w(s0), x.t(s0));
    let (s1w, s1t) = (x.w(s1), x.t(s1));
    let (b0w, b0t) = (x.w(b0), x.t(b0));
    let (b1t, b2t) = (x.t(b1), x.t(b2));
    let s2t = x.t(s2);
    let d = if s0 == NO { 7 } else { dist(s0 as usize, st.b) };
    let d01 = if s1 == NO {
        7
    } else {
        dist(s0 as usize, s1 as usize)
    };
    let val = |v: &Vec<u8>, p: u32| {
        if p == NO {
            99
        } else {
            u64::from(v[p as usize])
        }
    };
    let set = |v: &Vec<u64>, p: u32| if p == NO { 1 << 63 } else { v[p as usize] };
    let f = [
        // Pairs.
        feat(120, s0w ^ s0t.rotate_left(17), b0w ^ b0t.rotate_left(17), 0),
        feat(121, s0w, s0t, b0w),
        feat(122, s0w, s0t, b0t),
        feat(123, s0w, b0w, b0t),
        feat(124, s0t, b0w, b0t),
        feat(125, s0w, b0w, 0),
        feat(126, s0t, b0t, 0),
        feat(127, b0t, b1t, 0),
        feat(128, s1w, s0w, 0),
        feat(129, s1t, s0t, 0),
        feat(130, s1t, b0t, 0),
        feat(131, s1w, s1t, s0t),
        feat(132, s1t, s0w, s0t),
        // Triples of tags.
        feat(140, b0t, b1t, b2t),
        feat(141, s0t, b0t, b1t),
        feat(142, s1t, s0t, b0t),
        feat(143, s2t, s1t, s0t),
        feat(144, s0t, x.t(s0l), b0t),
        feat(145, s0t, x.t(s0r), b0t),
        feat(146, s0t, b0t, x.t(b0l)),
        feat(147, s1t, x.t(s1r), s0t),
        feat(148, s1t, x.t(s1l), s0t),
        feat(149, s0t, x.t(s0l), x.t(s0l2)),
        feat(150, s0t, x.t(s0r), x.t(s0r2)),
        feat(151, b0t, x.t(b0l), x.t(b0l2)),
        // Distance.
        feat(160, s0w, d, 0),
        feat(161, s0t, d, 0),
        feat(162, b0w, d, 0),
        feat(163, b0t, d, 0),
        feat(164, s0t, b0t, d),
        feat(165, s0w, b0w, d),
        feat(166, s1t, s0t, d01),
        feat(167, s1w, s0w, d01),
        // Valency.
        feat(170, s0w, val(&st.nr, s0), 0),
        feat(171, s0t, val(&st.nr, s0), 0),
        feat(172, s0w, val(&st.nl, s0), 0),
        feat(173, s0t, val(&st.nl, s0), 0),
        feat(174, b0w, val(&st.nl, b0), 0),
        feat(175, b0t, val(&st.nl, b0), 0),
        feat(176, s1t, val(&st.nr, s1), 0),
        // Children.
        feat(180, x.w(s0l), 0, 0),
        feat(181, x.t(s0l), lab(s0l), 0),
        feat(182, x.w(s0r), 0, 0),
        feat(183, x.t(s0r), lab(s0r), 0),
        feat(184, x.w(b0l), 0, 0),
        feat(185, x.t(b0l), lab(b0l), 0),
        feat(186, x.t(s0l2), lab(s0l2), 0),
        feat(187, x.t(s0r2), lab(s0r2), 0),
        feat(188, x.t(b0l2), lab(b0l2), 0),
        feat(189, x.t(s1r), lab(s1r), 0),
        feat(190, lab(s0l), lab(s0r), s0t),
        // Label sets.
        feat(195, s0t, set(&st.lset, s0), 0),
        feat(196, s0t, set(&st.rset, s0), 0),
        feat(197, b0t, set(&st.lset, b0), 0),
        feat(198, s1t, set(&st.rset, s1), 0),
        feat(199, s0w, set(&st.rset, s0), 0),
        // Stack depth.
        feat(200, (k as u64).min(6), b0t, 0),
    ];
    out.extend_from_slice(&f);
}

/// Features for choosing the relation of the arc `h → d`.
pub(crate) fn label_features(st: &State, x: &Input<'_>, h: usize, d: usize, out: &mut Vec<u64>) {
    out.clear();
    let (h, d) = (h as u32, d as u32);
    let (hw, ht, dw, dt) = (x.w(h), x.t(h), x.w(d), x.t(d));
    let dir = u64::from(h < d);
    let dd = dist(h as usize, d as usize);
    let du = d as usize;
    let dl = st.lc1[du];
    let dr = st.rc1[du];
    let lab = |p: u32| {
        if p == NO {
            0
        } else {
            u64::from(st.labels[p as usize])
        }
    };
    let near = |p: u32, k: i64| -> u32 {
        let q = i64::from(p) + k;
        if q < 0 || q as usize >= st.n {
            NO
        } else {
            q as u32
        }
    };
    let suf = |p: u32| {
        if p == NO || p as usize >= st.n {
            NONE
        } else {
            x.words[p as usize].suffix[2]
        }
    };
    let f = [
        feat(300, 0, 0, 0),
        feat(301, hw, 0, 0),
        feat(302, ht, 0, 0),
        feat(303, dw, 0, 0),
        feat(304, dt, 0, 0),
        feat(305, ht, dt, 0),
        feat(306, hw, dt, 0),
        feat(307, ht, dw, 0),
        feat(308, hw, dw, 0),
        feat(309, ht, dt, dir),
        feat(310, ht, dt, dir << 8 | dd),
        feat(311, dt, dir, 0),
        feat(312, dw, dir, 0),
        feat(313, dt, st.lset[du], 0),
        feat(314, dt, st.rset[du], 0),
        feat(315, dt, x.t(dl), lab(dl)),
        feat(316, dt, x.t(dr), lab(dr)),
        feat(317, ht, x.w(dl), dir),
        feat(318, dt, x.w(dl), 0),
        feat(319, ht, st.lset[h as usize], dir),
        feat(320, ht, st.rset[h as usize], dir),
        feat(321, dt, x.t(near(d, -1)), x.t(near(d, 1))),
        feat(322, ht, x.t(near(h, -1)), x.t(near(h, 1))),
        feat(323, dt, suf(d), ht),
        feat(324, hw, x.w(dl), dt),
        feat(325, dw, ht, dir),
        feat(326, ht, dt, x.w(dl)),
    ];
    out.extend_from_slice(&f);
}

/// The trained parser.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Parser {
    pub(crate) actions: Weights,
    pub(crate) labeler: Weights,
    /// Relation names; `root` among them.
    pub(crate) labels: Vec<String>,
    pub(crate) root: u16,
}

impl Parser {
    /// Parses a tagged sentence; returns heads (`NO` for the root) and label ids.
    pub(crate) fn parse(&self, x: &Input<'_>) -> State {
        let n = x.words.len();
        let mut st = State::new(n);
        let mut feats = Vec::with_capacity(96);
        let mut positions = PositionScores::new(n);
        let mut scores = [0i32; 3];
        let mut lscores = vec![0i32; self.labeler.width()];
        while !st.terminal() {
            let v = st.valid();
            // A transition that is the only valid one needs no scoring.
            if v.iter().filter(|&&ok| ok).count() > 1 {
                feats.clear();
                configuration_features(&st, x, &mut feats);
                let (s0, s1, s2) = stack_top(&st);
                scores = positions.get(&self.actions, x, [s0, s1, s2], st.b);
                self.actions.add(&feats, &mut scores);
            }
            let mut best = usize::MAX;
            for a in 0..3 {
                if v[a] && (best == usize::MAX || scores[a] > scores[best]) {
                    best = a;
                }
            }
            if best == usize::MAX {
                break;
            }
            let label = if best == SHIFT {
                0
            } else {
                self.label(&st, x, best, &mut feats, &mut lscores)
            };
            st.apply(best, label);
        }
        st
    }

    pub(crate) fn label(
        &self,
        st: &State,
        x: &Input<'_>,
        action: usize,
        feats: &mut Vec<u64>,
        scores: &mut [i32],
    ) -> u16 {
        let (h, d) = st.arc_of(action);
        if h == st.n {
            return self.root;
        }
        label_features(st, x, h, d, feats);
        self.labeler.score(feats, scores);
        let scores = &mut scores[..self.labeler.classes()];
        if let Some(s) = scores.get_mut(usize::from(self.root)) {
            *s = i32::MIN;
        }
        argmax_i32(scores) as u16
    }

    pub(crate) fn encode(&self, e: &mut Encoder) {
        e.strs(&self.labels);
        self.actions.encode(e);
        self.labeler.encode(e);
    }

    pub(crate) fn decode(d: &mut Decoder<'_>) -> Result<Parser, NlpError> {
        let at = d.pos();
        let labels = d.strs()?;
        let actions = Weights::decode(d)?;
        let labeler = Weights::decode(d)?;
        let root = labels.iter().position(|l| l == "root");
        match root {
            Some(r) if actions.classes() == 3 && labeler.classes() == labels.len() => Ok(Parser {
                actions,
                labeler,
                labels,
                root: r as u16,
            }),
            _ => Err(NlpError::model(
                "parser tables do not match the relation list",
                at,
            )),
        }
    }
}
