//! Averaged perceptron over hashed features: the learner behind the tagger and the
//! parser.
//!
//! Feature hashing keeps the model a flat table (`buckets × classes`), so scoring is a
//! handful of contiguous row additions with no hash-map look-ups. Trained weights are
//! averaged, then quantised to `i8` with one scale per table: a quarter of the
//! memory of `f32` (scoring is bound by memory traffic, not arithmetic), and a
//! margin-based classifier only needs the ordering of the scores. (Retrained with
//! `i8` weights, the model tags and attaches as well as with `i16` ones: every EWT
//! figure within 0.2 points, some up, some down.)

use crate::codec::{Decoder, Encoder};
use crate::NlpError;

/// A trained, quantised weight table.
///
/// Most rows of a hashed table are never trained, so only non-empty rows are kept,
/// laid out so that finding a row costs one memory access before its weights:
///
/// - tables with few classes (the transition table) keep a bitmap over all rows,
///   with a running count every 64 rows, which gives a row's place among the kept
///   rows; an empty row maps to an all-zero row at the end, so a look-up has no
///   branch;
/// - tables with many classes keep most rows sparse (a trained tagger row holds
///   about 4 of 100 classes) as (class, weight) cells of two bytes; every 8 rows
///   share a [`Group`] giving where their cells start and where each row ends.
///   The rows with many entries (the frequent features, hit by almost every word)
///   are kept dense instead, as `i32` padded to whole vector steps, so adding one
///   is a few vector additions.
///
/// All layouts give the same sums as a plain row-major table (a test checks it).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Weights {
    classes: usize,
    mask: u64,
    store: Store,
}

/// 64 rows of the bitmap: which are kept, and how many are kept before them.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Block {
    bits: u64,
    rank: u32,
}

/// 8 rows of a sparse table: row `i` holds cells `base + ends[i - 1]..base +
/// ends[i]` (`ends[-1]` = 0). A group of more than 255 cells is wide: `base` has
/// [`WIDE`] set and the rest of it points at 9 absolute bounds in `wide`.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Group {
    base: u32,
    ends: [u8; 8],
}

#[derive(Debug, Clone, PartialEq)]
enum Store {
    /// `index` over all rows; `data` = `kept rows × classes`, row-major, then one
    /// zero row.
    Dense { index: Vec<Block>, data: Vec<i8> },
    /// `cells`: every kept row in row order: a sparse row as one [`cell`] per
    /// (class, weight), a dense row as the two cells [`DENSE_MARK`], `d`: its
    /// weights are `dense[d * width..(d + 1) * width]` ([`Weights::width`]),
    /// widened to `i32` and zero-padded.
    Sparse {
        groups: Vec<Group>,
        wide: Vec<u32>,
        cells: Vec<u16>,
        dense: Vec<i32>,
    },
}

/// Features scored per batch (see [`Weights::score`]).
const CHUNK: usize = 64;

/// Tables with more classes than this are stored sparse.
const DENSE_MAX_CLASSES: usize = 4;

/// Most classes of a sparse table (a class fits a cell's byte, 255 marks dense
/// rows).
const SPARSE_MAX_CLASSES: usize = 255;

/// Rows per sparse [`Group`].
const GROUP: usize = 8;

/// Marks a wide [`Group`].
const WIDE: u32 = 1 << 31;

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

/// The groups of a sparse table whose row `r` holds `lens[r]` cells.
fn build_groups(lens: &[u32]) -> (Vec<Group>, Vec<u32>) {
    let mut groups = Vec::with_capacity(lens.len().div_ceil(GROUP));
    let mut wide = Vec::new();
    let mut at = 0u32;
    for g in lens.chunks(GROUP) {
        let total: u32 = g.iter().sum();
        if total <= 255 {
            let mut ends = [0u8; GROUP];
            let mut end = 0u32;
            for (i, e) in ends.iter_mut().enumerate() {
                end += g.get(i).copied().unwrap_or(0);
                *e = end as u8;
            }
            groups.push(Group { base: at, ends });
        } else {
            groups.push(Group {
                base: WIDE | (wide.len() / (GROUP + 1)) as u32,
                ends: [0; GROUP],
            });
            let mut end = at;
            wide.push(end);
            for i in 0..GROUP {
                end += g.get(i).copied().unwrap_or(0);
                wide.push(end);
            }
        }
        at += total;
    }
    (groups, wide)
}

impl Weights {
    /// A table from its full row-major weights (`rows × classes`).
    pub(crate) fn from_dense(classes: usize, mask: u64, data: Vec<i8>) -> Weights {
        let rows = data.len() / classes.max(1);
        let row = |r: usize| &data[r * classes..(r + 1) * classes];
        let nonzero = |r: usize| row(r).iter().any(|&w| w != 0);
        let store = if classes <= DENSE_MAX_CLASSES {
            let mut d = Vec::new();
            for r in (0..rows).filter(|&r| nonzero(r)) {
                d.extend_from_slice(row(r));
            }
            d.extend(std::iter::repeat_n(0, classes));
            Store::Dense {
                index: build_index(rows, nonzero),
                data: d,
            }
        } else {
            let mut lens = Vec::with_capacity(rows);
            let mut entries = Vec::new();
            for r in 0..rows {
                let before = entries.len();
                for (c, &w) in row(r).iter().enumerate() {
                    if w != 0 {
                        entries.push((c as u8, w));
                    }
                }
                lens.push((entries.len() - before) as u32);
            }
            Store::sparse(classes, &lens, &entries)
        };
        Weights {
            classes,
            mask,
            store,
        }
    }

    /// Number of classes scored.
    pub(crate) fn classes(&self) -> usize {
        self.classes
    }

    /// Length of the score buffers [`Weights::score`] wants: the classes, padded to
    /// a whole number of vector lanes (the padding scores stay 0 and mean nothing).
    pub(crate) fn width(&self) -> usize {
        padded(self.classes)
    }

    fn rows(&self) -> usize {
        self.mask as usize + 1
    }

    /// Adds the rows of `feats` into `scores` (one slot per class, or
    /// [`Weights::width`] slots; `scores` is cleared first).
    ///
    /// Features go in batches: first every row address of the batch is computed
    /// (without branches, so the memory loads overlap), then the rows are added.
    #[inline]
    pub(crate) fn score(&self, feats: &[u64], scores: &mut [i32]) {
        scores.iter_mut().for_each(|s| *s = 0);
        self.add(feats, scores);
    }

    /// Adds the rows of `feats` into `scores` without clearing it first.
    #[inline]
    pub(crate) fn add(&self, feats: &[u64], scores: &mut [i32]) {
        for chunk in feats.chunks(CHUNK) {
            match &self.store {
                Store::Dense { index, data } => self.add_dense(index, data, chunk, scores),
                Store::Sparse {
                    groups,
                    wide,
                    cells,
                    dense,
                } => self.add_sparse(groups, wide, cells, dense, chunk, scores),
            }
        }
    }

    fn add_dense(&self, index: &[Block], data: &[i8], feats: &[u64], scores: &mut [i32]) {
        let c = self.classes;
        let zero = match c {
            3 => data.len() / 3,
            _ => data.len() / c.max(1),
        }
        .saturating_sub(1);
        let mut slots = [0u32; CHUNK];
        for (s, &f) in slots.iter_mut().zip(feats) {
            *s = dense_slot(index, (f & self.mask) as usize, zero as u32);
        }
        let slots = slots[..feats.len()].iter().map(|&k| k as usize * c);
        if c == 3 && scores.len() == 3 {
            let (mut a, mut b, mut d) = (0i32, 0i32, 0i32);
            for k in slots {
                if let Some(r) = data.get(k..k + 3) {
                    a += i32::from(r[0]);
                    b += i32::from(r[1]);
                    d += i32::from(r[2]);
                }
            }
            scores[0] += a;
            scores[1] += b;
            scores[2] += d;
            return;
        }
        for k in slots {
            for (s, &x) in scores.iter_mut().zip(data.get(k..k + c).unwrap_or(&[])) {
                *s += i32::from(x);
            }
        }
    }

    fn add_sparse(
        &self,
        groups: &[Group],
        wide: &[u32],
        cells: &[u16],
        dense: &[i32],
        feats: &[u64],
        scores: &mut [i32],
    ) {
        let c = self.classes;
        let width = padded(c);
        let mut rows = [(0u32, 0u32); CHUNK];
        for (r, &f) in rows.iter_mut().zip(feats) {
            *r = sparse_range(groups, wide, (f & self.mask) as usize);
        }
        let rows = &rows[..feats.len()];
        // Sparse rows are added at once, dense rows after them.
        let mut dense_rows = [0u32; CHUNK];
        let mut m = 0;
        for &(a, b) in rows {
            let row = cells.get(a as usize..b as usize).unwrap_or(&[]);
            if let [DENSE_MARK, d] = *row {
                dense_rows[m] = u32::from(d);
                m += 1;
                continue;
            }
            for &x in row {
                let (k, w) = uncell(x);
                if let Some(s) = scores.get_mut(k) {
                    *s += w;
                }
            }
        }
        let dense_rows = &dense_rows[..m];
        if dense_rows.is_empty() {
            return;
        }
        if scores.len() == width {
            for &d in dense_rows {
                let a = d as usize * width;
                let row = dense.get(a..a + width).unwrap_or(&[]);
                for (s, w) in scores.chunks_exact_mut(LANES).zip(row.chunks_exact(LANES)) {
                    for k in 0..LANES {
                        s[k] += w[k];
                    }
                }
            }
        } else {
            for &d in dense_rows {
                let a = d as usize * width;
                for (s, &w) in scores.iter_mut().zip(dense.get(a..a + c).unwrap_or(&[])) {
                    *s += w;
                }
            }
        }
    }

    /// Writes the table in the model-file layout (every row, empty ones included):
    /// a dense table as all its weights, row-major; a sparse one as each row's
    /// entry count, then the entries' classes, then their weights (one byte each).
    pub(crate) fn encode(&self, e: &mut Encoder) {
        e.len(self.classes);
        e.u64(self.mask);
        let rows = self.rows();
        match &self.store {
            Store::Dense { index, data } => {
                e.len(0);
                let c = self.classes;
                let zero = (data.len() / c.max(1)).saturating_sub(1);
                let mut full = vec![0i8; rows * c];
                for r in 0..rows {
                    let k = dense_slot(index, r, zero as u32) as usize * c;
                    full[r * c..(r + 1) * c].copy_from_slice(&data[k..k + c]);
                }
                e.i8s(&full);
            }
            Store::Sparse {
                groups,
                wide,
                cells,
                dense,
            } => {
                e.len(1);
                let c = self.classes;
                let mut lens = Vec::with_capacity(rows);
                let (mut ks, mut ws) = (Vec::new(), Vec::new());
                for r in 0..rows {
                    let (a, b) = sparse_range(groups, wide, r);
                    let row = &cells[a as usize..b as usize];
                    let before = ks.len();
                    if let [DENSE_MARK, d] = *row {
                        let a = usize::from(d) * padded(c);
                        for (k, &w) in dense[a..a + c].iter().enumerate() {
                            if w != 0 {
                                ks.push(k as u8 as i8);
                                ws.push(w as i8);
                            }
                        }
                    } else {
                        for &x in row {
                            let (k, w) = uncell(x);
                            ks.push(k as u8 as i8);
                            ws.push(w as i8);
                        }
                    }
                    lens.push((ks.len() - before) as u8 as i8);
                }
                e.i8s(&lens);
                e.i8s(&ks);
                e.i8s(&ws);
            }
        }
    }

    /// Reads a table written by [`Weights::encode`] (or, for format versions before
    /// 5, its `i16` predecessor, rescaled to `i8`).
    pub(crate) fn decode(d: &mut Decoder<'_>) -> Result<Weights, NlpError> {
        let at = d.pos();
        let classes = d.len(0)?;
        let mask = d.u64()?;
        let bad = || NlpError::model("weight table has the wrong size", at);
        let rows = usize::try_from(mask)
            .ok()
            .and_then(|m| m.checked_add(1))
            .ok_or_else(bad)?;
        if classes == 0 || rows > (1 << 26) || !rows.is_power_of_two() {
            return Err(bad());
        }
        let wide_weights = d.version() < 5;
        // Weights, as `i8` (the older `i16` ones rescaled).
        let weights = |d: &mut Decoder<'_>| -> Result<Vec<i8>, NlpError> {
            if wide_weights {
                Ok(d.i16s()?.into_iter().map(narrow).collect())
            } else {
                d.i8s()
            }
        };
        // Small counts: bytes, or `i16` before version 5.
        let counts = |d: &mut Decoder<'_>| -> Result<Vec<u32>, NlpError> {
            Ok(if wide_weights {
                d.i16s()?.iter().map(|&x| u32::from(x as u16)).collect()
            } else {
                d.i8s()?.iter().map(|&x| u32::from(x as u8)).collect()
            })
        };
        let kind = d.len(0)?;
        match kind {
            0 => {
                let data = weights(d)?;
                if data.len() != rows * classes || classes > DENSE_MAX_CLASSES {
                    return Err(bad());
                }
                Ok(Weights::from_dense(classes, mask, data))
            }
            1 => {
                let lens = counts(d)?;
                let ks = counts(d)?;
                let ws = weights(d)?;
                if lens.len() != rows
                    || ks.len() != ws.len()
                    || classes <= DENSE_MAX_CLASSES
                    || classes >= SPARSE_MAX_CLASSES
                {
                    return Err(bad());
                }
                let total: u64 = lens.iter().map(|&l| u64::from(l)).sum();
                if total != ks.len() as u64
                    || total >= u64::from(WIDE / 4)
                    || ks.iter().any(|&k| k as usize >= classes)
                {
                    return Err(bad());
                }
                // Rescaled weights may have become 0: such entries are dropped.
                let mut kept_lens = Vec::with_capacity(rows);
                let mut entries = Vec::with_capacity(ks.len());
                let mut at = 0;
                for &n in &lens {
                    let before = entries.len();
                    for (&k, &w) in ks[at..at + n as usize].iter().zip(&ws[at..]) {
                        if w != 0 {
                            entries.push((k as u8, w));
                        }
                    }
                    at += n as usize;
                    kept_lens.push((entries.len() - before) as u32);
                }
                Ok(Weights {
                    classes,
                    mask,
                    store: Store::sparse(classes, &kept_lens, &entries),
                })
            }
            _ => Err(bad()),
        }
    }
}

/// A weight of a format-4 table (±32,000 scale) on the `i8` scale (±127).
fn narrow(w: i16) -> i8 {
    (f32::from(w) * 127.0 / 32_000.0)
        .round()
        .clamp(-127.0, 127.0) as i8
}

impl Store {
    /// A sparse store from row lengths and the (class, weight) entries of all rows
    /// in row order (classes ascending within a row).
    fn sparse(classes: usize, lens: &[u32], entries: &[(u8, i8)]) -> Store {
        let width = padded(classes);
        let dense_min = (classes.div_ceil(2) / 2).max(2);
        let mut cells = Vec::with_capacity(entries.len() + 2);
        let mut dense = Vec::new();
        let mut counts = Vec::with_capacity(lens.len());
        let mut at = 0usize;
        for &n in lens {
            let row = entries.get(at..at + n as usize).unwrap_or(&[]);
            at += n as usize;
            let d = dense.len() / width;
            if row.len() >= dense_min && d <= usize::from(u16::MAX) {
                dense.resize(dense.len() + width, 0);
                for &(k, w) in row {
                    if let Some(x) = dense.get_mut(d * width + usize::from(k)) {
                        *x += i32::from(w);
                    }
                }
                cells.push(DENSE_MARK);
                cells.push(d as u16);
                counts.push(2);
            } else {
                cells.extend(row.iter().map(|&(k, w)| cell(k, w)));
                counts.push(row.len() as u32);
            }
        }
        let (groups, wide) = build_groups(&counts);
        Store::Sparse {
            groups,
            wide,
            cells,
            dense,
        }
    }
}

/// The cell of a sparse row's entry: class in the high byte, weight in the low.
fn cell(class: u8, weight: i8) -> u16 {
    u16::from(class) << 8 | u16::from(weight as u8)
}

/// The (class, weight) of a cell.
#[inline(always)]
fn uncell(x: u16) -> (usize, i32) {
    (usize::from(x >> 8), i32::from(x as u8 as i8))
}

/// The first cell of a dense row (class 255 does not exist); the second cell is
/// the row's place in the dense rows.
const DENSE_MARK: u16 = 0xFFFF;

/// Scores added per vector step of a dense row.
const LANES: usize = 8;

/// `classes` rounded up to whole vector steps.
fn padded(classes: usize) -> usize {
    classes.div_ceil(LANES) * LANES
}

/// Place of row `r` in a dense store (`zero` when the row is empty), computed
/// without branches so that the look-ups of a batch overlap.
#[inline(always)]
fn dense_slot(index: &[Block], r: usize, zero: u32) -> u32 {
    let b = index
        .get(r >> 6)
        .copied()
        .unwrap_or(Block { bits: 0, rank: 0 });
    let i = r & 63;
    let k = b.rank + (b.bits & ((1u64 << i) - 1)).count_ones();
    let keep = 0u32.wrapping_sub(((b.bits >> i) & 1) as u32);
    (k & keep) | (zero & !keep)
}

/// Entry range of row `r` in a sparse store.
#[inline(always)]
fn sparse_range(groups: &[Group], wide: &[u32], r: usize) -> (u32, u32) {
    let Some(g) = groups.get(r / GROUP) else {
        return (0, 0);
    };
    let i = r % GROUP;
    if g.base & WIDE != 0 {
        let w = (g.base & !WIDE) as usize * (GROUP + 1) + i;
        return match (wide.get(w), wide.get(w + 1)) {
            (Some(&a), Some(&b)) => (a, b),
            _ => (0, 0),
        };
    }
    let end = u32::from(g.ends[i]);
    let start = if i == 0 { 0 } else { u32::from(g.ends[i - 1]) };
    (g.base + start, g.base + end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::trainer::Trainer;

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

    /// A table with `classes` classes over 2^`bits` rows: rows empty, with a few
    /// entries, or nearly full (so both row kinds occur, and wide groups for many
    /// classes).
    fn random_table(classes: usize, bits: u32, rng: &mut crate::shuffle::Rng) -> Vec<i8> {
        let rows = 1usize << bits;
        let mut data = vec![0i8; rows * classes];
        for r in 0..rows {
            let fill = match rng.next_u64() % 5 {
                0 => 0.0,
                1 => 0.05,
                2 => 0.2,
                3 => 0.24,
                _ => 0.95,
            };
            for c in 0..classes {
                if rng.unit() < fill {
                    data[r * classes + c] = ((rng.next_u64() % 255) as i32 - 127) as i8;
                }
            }
        }
        data
    }

    #[test]
    fn scores_equal_a_plain_row_sum_for_every_layout() {
        let mut rng = crate::shuffle::Rng::new(7);
        for classes in [1, 3, 4, 5, 51, 102, 254] {
            let bits = 8;
            let data = random_table(classes, bits, &mut rng);
            let w = Weights::from_dense(classes, (1 << bits) - 1, data.clone());
            if let Store::Sparse { wide, .. } = &w.store {
                assert!(
                    classes < 254 || !wide.is_empty(),
                    "{classes}: no wide group"
                );
            }
            let mut e = Encoder::default();
            w.encode(&mut e);
            let back = Weights::decode(&mut Decoder::new(&e.buf)).expect("decodes");
            assert_eq!(back, w, "{classes}: round trip");
            for n in [0, 1, 7, 40, 100] {
                let feats: Vec<u64> = (0..n).map(|_| rng.next_u64()).collect();
                let mut want = vec![0i32; classes];
                for &f in &feats {
                    let r = (f & w.mask) as usize;
                    for (s, &x) in want.iter_mut().zip(&data[r * classes..(r + 1) * classes]) {
                        *s += i32::from(x);
                    }
                }
                for len in [classes, w.width()] {
                    let mut got = vec![5i32; len];
                    back.score(&feats, &mut got);
                    assert_eq!(got[..classes], want[..], "{classes} classes, {n} features");
                    assert!(got[classes..].iter().all(|&s| s == 0));
                }
            }
        }
    }
}
