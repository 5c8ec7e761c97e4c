//! Training a weight table: the averaged perceptron's update rule and averaging.

use crate::perceptron::Weights;

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
        let scale = if max > 0.0 { 127.0 / max } else { 1.0 };
        let data = avg.iter().map(|x| (x * scale).round() as i8).collect();
        Weights::from_dense(self.classes, self.mask, data)
    }
}
