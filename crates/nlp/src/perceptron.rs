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
/// Tables with many classes are stored sparse (compressed rows): a trained hashed
/// row holds only a few non-zero classes (about 4 of 100 for the tagger), so the
/// sparse form is 20–40 times smaller, fits in cache, and loads in milliseconds.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Weights {
    classes: usize,
    mask: u64,
    store: Store,
}

#[derive(Debug, Clone, PartialEq)]
enum Store {
    /// `rows × classes`, row-major.
    Dense(Vec<i16>),
    /// Row `r` holds `entries[offsets[r]..offsets[r + 1]]` as (class, weight).
    Sparse {
        offsets: Vec<u32>,
        entries: Vec<(u16, i16)>,
    },
}

/// Features scored per batch (see [`Weights::score`]).
const CHUNK: usize = 128;

/// Tables with more classes than this are stored sparse.
const DENSE_MAX_CLASSES: usize = 4;

impl Weights {
    fn from_dense(classes: usize, mask: u64, data: Vec<i16>) -> Weights {
        if classes <= DENSE_MAX_CLASSES {
            return Weights {
                classes,
                mask,
                store: Store::Dense(data),
            };
        }
        let mut offsets = Vec::with_capacity(data.len() / classes + 1);
        let mut entries = Vec::new();
        offsets.push(0);
        for row in data.chunks_exact(classes) {
            for (c, &w) in row.iter().enumerate() {
                if w != 0 {
                    entries.push((c as u16, w));
                }
            }
            offsets.push(entries.len() as u32);
        }
        Weights {
            classes,
            mask,
            store: Store::Sparse { offsets, entries },
        }
    }

    pub(crate) fn classes(&self) -> usize {
        self.classes
    }

    /// Adds the rows of `feats` into `scores` (length `classes`).
    ///
    /// Scoring is bound by memory latency (random rows of a large table), so it runs
    /// in two phases: first touch every row the features name — independent loads
    /// the CPU overlaps — then add the rows up from cache. A single loop would wait
    /// for each row in turn behind the branches of the variable-length inner loop.
    #[inline]
    pub(crate) fn score(&self, feats: &[u64], scores: &mut [i32]) {
        scores.iter_mut().for_each(|s| *s = 0);
        for chunk in feats.chunks(CHUNK) {
            self.score_chunk(chunk, scores);
        }
    }

    fn score_chunk(&self, feats: &[u64], scores: &mut [i32]) {
        let c = self.classes;
        let mut rows = [(0usize, 0usize); CHUNK];
        let rows = &mut rows[..feats.len()];
        let mut sink = 0i32;
        match &self.store {
            Store::Dense(data) => {
                if data.is_empty() {
                    return;
                }
                for (r, &f) in rows.iter_mut().zip(feats) {
                    let start = ((f & self.mask) as usize * c).min(data.len() - c);
                    *r = (start, start + c);
                    sink ^= i32::from(data[start]);
                }
                std::hint::black_box(sink);
                for &(a, b) in rows.iter() {
                    for (s, &x) in scores.iter_mut().zip(&data[a..b]) {
                        *s += i32::from(x);
                    }
                }
            }
            Store::Sparse { offsets, entries } => {
                if entries.is_empty() || offsets.len() < 2 {
                    return;
                }
                let last = offsets.len() - 2;
                for (r, &f) in rows.iter_mut().zip(feats) {
                    let i = ((f & self.mask) as usize).min(last);
                    *r = (offsets[i] as usize, offsets[i + 1] as usize);
                }
                let top = entries.len() - 1;
                for &(a, _) in rows.iter() {
                    sink ^= i32::from(entries[a.min(top)].1);
                }
                std::hint::black_box(sink);
                for &(a, b) in rows.iter() {
                    for &(k, w) in entries.get(a..b).unwrap_or(&[]) {
                        if let Some(s) = scores.get_mut(usize::from(k)) {
                            *s += i32::from(w);
                        }
                    }
                }
            }
        }
    }

    pub(crate) fn encode(&self, e: &mut Encoder) {
        e.len(self.classes);
        e.u64(self.mask);
        match &self.store {
            Store::Dense(data) => {
                e.len(0);
                e.i16s(data);
            }
            Store::Sparse { offsets, entries } => {
                e.len(1);
                // Row lengths (at most `classes` ≤ 4096), then the entries.
                let lens: Vec<i16> = offsets
                    .windows(2)
                    .map(|w| (w[1] - w[0]) as u16 as i16)
                    .collect();
                e.i16s(&lens);
                let ks: Vec<i16> = entries.iter().map(|&(k, _)| k as i16).collect();
                let ws: Vec<i16> = entries.iter().map(|&(_, w)| w).collect();
                e.i16s(&ks);
                e.i16s(&ws);
            }
        }
    }

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
        let store = match kind {
            0 => {
                let data = d.i16s()?;
                if data.len() != rows * classes {
                    return Err(bad());
                }
                Store::Dense(data)
            }
            1 => {
                let lens = d.i16s()?;
                let ks = d.i16s()?;
                let ws = d.i16s()?;
                if lens.len() != rows || ks.len() != ws.len() {
                    return Err(bad());
                }
                let mut offsets = Vec::with_capacity(rows + 1);
                let mut total = 0u32;
                offsets.push(0);
                for &l in &lens {
                    total = total.checked_add(u32::from(l as u16)).ok_or_else(bad)?;
                    offsets.push(total);
                }
                if total as usize != ks.len() || ks.iter().any(|&k| k < 0 || k as usize >= classes)
                {
                    return Err(bad());
                }
                Store::Sparse {
                    offsets,
                    entries: ks.iter().map(|&k| k as u16).zip(ws).collect(),
                }
            }
            _ => return Err(bad()),
        };
        Ok(Weights {
            classes,
            mask,
            store,
        })
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
