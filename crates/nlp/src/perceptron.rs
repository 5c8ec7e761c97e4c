//! Averaged perceptron over hashed features: the learner behind the tagger and the
//! parser.
//!
//! Feature hashing keeps the model a flat table (`buckets × classes`), so scoring is a
//! handful of contiguous row additions with no hash-map look-ups. Trained weights are
//! averaged, then quantised to `i16` with one scale per table: half the memory of
//! `f32`, and a margin-based classifier only needs the ordering of the scores.

use crate::codec::{Decoder, Encoder};
use crate::NlpError;

/// A trained, quantised weight table.
///
/// Only non-empty rows are kept: a bitmap over all hashed rows, with a running count
/// every 64 rows, maps a row to its place among the kept ones (most rows of a hashed
/// table are never trained, so this shrinks the transition table fourfold and lets
/// the look-ups stay in cache). Tables with many classes also keep each row sparse
/// (a trained tagger row holds about 4 of 100 classes).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Weights {
    classes: usize,
    mask: u64,
    index: Vec<Block>,
    store: Store,
}

/// 64 rows of the bitmap: which are kept, and how many are kept before them.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Block {
    bits: u64,
    rank: u32,
}

#[derive(Debug, Clone, PartialEq)]
enum Store {
    /// `kept rows × classes`, row-major.
    Dense(Vec<i16>),
    /// Kept row `k` holds `entries[offsets[k]..offsets[k + 1]]` as (class, weight).
    Sparse {
        offsets: Vec<u32>,
        entries: Vec<(u16, i16)>,
    },
}

/// Features scored per batch (see [`Weights::score`]).
const CHUNK: usize = 128;

/// Tables with more classes than this are stored sparse.
const DENSE_MAX_CLASSES: usize = 4;

/// Marks a feature whose row is empty.
const EMPTY: u32 = u32::MAX;

/// The bitmap blocks for `rows` rows, of which `kept(r)` are kept.
fn build_index(rows: usize, kept: impl Fn(usize) -> bool) -> Vec<Block> {
    let mut index = Vec::with_capacity(rows.div_ceil(64));
    let mut rank = 0u32;
    for b in 0..rows.div_ceil(64) {
        let mut bits = 0u64;
        for i in 0..64 {
            let r = b * 64 + i;
            if r < rows && kept(r) {
                bits |= 1 << i;
            }
        }
        index.push(Block { bits, rank });
        rank += bits.count_ones();
    }
    index
}

impl Weights {
    fn from_dense(classes: usize, mask: u64, data: Vec<i16>) -> Weights {
        let rows = data.len() / classes.max(1);
        let nonzero = |r: usize| data[r * classes..(r + 1) * classes].iter().any(|&w| w != 0);
        let index = build_index(rows, nonzero);
        let kept = (0..rows).filter(|&r| nonzero(r));
        let store = if classes <= DENSE_MAX_CLASSES {
            let mut d = Vec::new();
            for r in kept {
                d.extend_from_slice(&data[r * classes..(r + 1) * classes]);
            }
            Store::Dense(d)
        } else {
            let mut offsets = vec![0u32];
            let mut entries = Vec::new();
            for r in kept {
                for (c, &w) in data[r * classes..(r + 1) * classes].iter().enumerate() {
                    if w != 0 {
                        entries.push((c as u16, w));
                    }
                }
                offsets.push(entries.len() as u32);
            }
            Store::Sparse { offsets, entries }
        };
        Weights {
            classes,
            mask,
            index,
            store,
        }
    }

    /// Number of classes scored.
    pub(crate) fn classes(&self) -> usize {
        self.classes
    }

    fn rows(&self) -> usize {
        self.mask as usize + 1
    }

    /// Place of row `r` among the kept rows, or [`EMPTY`].
    #[inline]
    fn slot(&self, r: usize) -> u32 {
        match self.index.get(r >> 6) {
            Some(b) => {
                let bit = 1u64 << (r & 63);
                if b.bits & bit == 0 {
                    EMPTY
                } else {
                    b.rank + (b.bits & (bit - 1)).count_ones()
                }
            }
            None => EMPTY,
        }
    }

    /// Adds the rows of `feats` into `scores` (one slot per class).
    ///
    /// Features go in batches: first every row address of the batch is computed and
    /// its first weight loaded, so the memory loads overlap, then the rows are added.
    #[inline]
    pub(crate) fn score(&self, feats: &[u64], scores: &mut [i32]) {
        scores.iter_mut().for_each(|s| *s = 0);
        for chunk in feats.chunks(CHUNK) {
            self.score_chunk(chunk, scores);
        }
    }

    fn score_chunk(&self, feats: &[u64], scores: &mut [i32]) {
        let c = self.classes;
        let mut slots = [EMPTY; CHUNK];
        let mut n = 0;
        for &f in feats {
            let k = self.slot((f & self.mask) as usize);
            if k != EMPTY {
                slots[n] = k;
                n += 1;
            }
        }
        let slots = &slots[..n];
        let mut sink = 0i32;
        match &self.store {
            Store::Dense(data) => {
                for &k in slots {
                    sink ^= i32::from(data.get(k as usize * c).copied().unwrap_or(0));
                }
                std::hint::black_box(sink);
                for &k in slots {
                    let a = k as usize * c;
                    for (s, &x) in scores.iter_mut().zip(data.get(a..a + c).unwrap_or(&[])) {
                        *s += i32::from(x);
                    }
                }
            }
            Store::Sparse { offsets, entries } => {
                let mut rows = [(0usize, 0usize); CHUNK];
                for (r, &k) in rows.iter_mut().zip(slots) {
                    let k = k as usize;
                    if let (Some(&a), Some(&b)) = (offsets.get(k), offsets.get(k + 1)) {
                        *r = (a as usize, b as usize);
                    }
                }
                let rows = &rows[..n];
                for &(a, _) in rows {
                    sink ^= i32::from(entries.get(a).map_or(0, |e| e.1));
                }
                std::hint::black_box(sink);
                for &(a, b) in rows {
                    for &(k, w) in entries.get(a..b).unwrap_or(&[]) {
                        if let Some(s) = scores.get_mut(usize::from(k)) {
                            *s += i32::from(w);
                        }
                    }
                }
            }
        }
    }

    /// Writes the table in the model-file layout (every row, empty ones included).
    pub(crate) fn encode(&self, e: &mut Encoder) {
        e.len(self.classes);
        e.u64(self.mask);
        let rows = self.rows();
        match &self.store {
            Store::Dense(data) => {
                e.len(0);
                let c = self.classes;
                let mut full = vec![0i16; rows * c];
                for r in 0..rows {
                    let k = self.slot(r);
                    if k != EMPTY {
                        let k = k as usize * c;
                        full[r * c..(r + 1) * c].copy_from_slice(&data[k..k + c]);
                    }
                }
                e.i16s(&full);
            }
            Store::Sparse { offsets, entries } => {
                e.len(1);
                let lens: Vec<i16> = (0..rows)
                    .map(|r| match self.slot(r) {
                        EMPTY => 0,
                        k => (offsets[k as usize + 1] - offsets[k as usize]) as u16 as i16,
                    })
                    .collect();
                e.i16s(&lens);
                let ks: Vec<i16> = entries.iter().map(|&(k, _)| k as i16).collect();
                let ws: Vec<i16> = entries.iter().map(|&(_, w)| w).collect();
                e.i16s(&ks);
                e.i16s(&ws);
            }
        }
    }

    /// Reads a table written by [`Weights::encode`].
    pub(crate) fn decode(d: &mut Decoder<'_>) -> Result<Weights, NlpError> {
        let at = d.pos();
        let classes = d.len(0)?;
        let mask = d.u64()?;
        let bad = || NlpError::model("weight table has the wrong size", at);
        let rows = usize::try_from(mask)
            .ok()
            .and_then(|m| m.checked_add(1))
            .ok_or_else(bad)?;
        if classes == 0 || rows > (1 << 26) || classes > 4096 || !rows.is_power_of_two() {
            return Err(bad());
        }
        let kind = d.len(0)?;
        match kind {
            0 => {
                let data = d.i16s()?;
                if data.len() != rows * classes || classes > DENSE_MAX_CLASSES {
                    return Err(bad());
                }
                Ok(Weights::from_dense(classes, mask, data))
            }
            1 => {
                let lens = d.i16s()?;
                let ks = d.i16s()?;
                let ws = d.i16s()?;
                if lens.len() != rows || ks.len() != ws.len() || classes <= DENSE_MAX_CLASSES {
                    return Err(bad());
                }
                let mut offsets = Vec::new();
                let mut total = 0u32;
                offsets.push(0);
                for &l in &lens {
                    if l != 0 {
                        total = total.checked_add(u32::from(l as u16)).ok_or_else(bad)?;
                        offsets.push(total);
                    }
                }
                if total as usize != ks.len() || ks.iter().any(|&k| k < 0 || k as usize >= classes)
                {
                    return Err(bad());
                }
                Ok(Weights {
                    classes,
                    mask,
                    index: build_index(rows, |r| lens[r] != 0),
                    store: Store::Sparse {
                        offsets,
                        entries: ks.iter().map(|&k| k as u16).zip(ws).collect(),
                    },
                })
            }
            _ => Err(bad()),
        }
    }
}

/// Weights being trained: current weights plus the running sums for averaging
/// (Daumé's trick: `avg = w - u / c`).
pub(crate) struct Trainer {
    classes: usize,
    mask: u64,
    w: Vec<f32>,
    u: Vec<f32>,
    c: f32,
}

impl Trainer {
    pub(crate) fn new(bits: u32, classes: usize) -> Trainer {
        let rows = 1usize << bits;
        Trainer {
            classes,
            mask: (rows - 1) as u64,
            w: vec![0.0; rows * classes],
            u: vec![0.0; rows * classes],
            c: 1.0,
        }
    }

    pub(crate) fn score(&self, feats: &[u64], scores: &mut [f32]) {
        let c = self.classes;
        scores.iter_mut().for_each(|s| *s = 0.0);
        for &f in feats {
            let row = (f & self.mask) as usize * c;
            for (s, &x) in scores.iter_mut().zip(&self.w[row..row + c]) {
                *s += x;
            }
        }
    }

    /// One perceptron step: reward `good`, penalise `bad`.
    pub(crate) fn update(&mut self, feats: &[u64], good: usize, bad: usize) {
        let c = self.classes;
        for &f in feats {
            let row = (f & self.mask) as usize * c;
            self.w[row + good] += 1.0;
            self.u[row + good] += self.c;
            self.w[row + bad] -= 1.0;
            self.u[row + bad] -= self.c;
        }
    }

    /// Counts one training example (for averaging).
    pub(crate) fn tick(&mut self) {
        self.c += 1.0;
    }

    /// The averaged weights, quantised.
    pub(crate) fn averaged(&self) -> Weights {
        let avg: Vec<f32> = self
            .w
            .iter()
            .zip(&self.u)
            .map(|(w, u)| w - u / self.c)
            .collect();
        let max = avg.iter().fold(0.0f32, |m, x| m.max(x.abs()));
        let scale = if max > 0.0 { 32000.0 / max } else { 1.0 };
        let data = avg.iter().map(|x| (x * scale).round() as i16).collect();
        Weights::from_dense(self.classes, self.mask, data)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_separable_problem_and_round_trips() {
        // 2 classes: dense table; 6 classes: sparse table.
        for classes in [2, 6] {
            let mut t = Trainer::new(4, classes);
            let data = [(vec![0u64, 1, 2], 0usize), (vec![0u64, 3, 4], 1usize)];
            let mut s = vec![0.0f32; classes];
            for _ in 0..5 {
                for (f, y) in &data {
                    t.score(f, &mut s);
                    let p = usize::from(s[1] > s[0]);
                    if p != *y {
                        t.update(f, *y, p);
                    }
                    t.tick();
                }
            }
            let w = t.averaged();
            let mut e = Encoder::default();
            w.encode(&mut e);
            let back = Weights::decode(&mut Decoder::new(&e.buf)).expect("decodes");
            assert_eq!(back, w);
            let mut si = vec![0i32; classes];
            back.score(&[0, 3, 4], &mut si);
            assert!(si[1] > si[0], "{classes}: {si:?}");
            back.score(&[0, 1, 2], &mut si);
            assert!(si[0] > si[1], "{classes}: {si:?}");
        }
    }
}
