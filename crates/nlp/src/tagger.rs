//! Part-of-speech tagger: a greedy left-to-right averaged perceptron predicting the
//! joint (UPOS, XPOS) pair, so the two tag sets always agree with each other.

use crate::codec::{Decoder, Encoder};

use crate::feature::{feat, WordFacts, END, START};
use crate::lexicon::Lexicon;
use crate::perceptron::Weights;
use crate::shuffle::Rng;
use crate::trainer::Trainer;
use crate::NlpError;

/// Hash-table size of the tagger (2^bits rows).
pub(crate) const TAGGER_BITS: u32 = 20;

/// What every tagger training run shares.
pub(crate) struct TaggerSetup<'a> {
    /// Tag names.
    pub(crate) classes: &'a [(String, String)],
    /// Tag dictionary and ambiguity classes.
    pub(crate) lexicon: &'a Lexicon,
    /// Epochs (the best on dev is kept).
    pub(crate) epochs: usize,
    /// Shuffling seed.
    pub(crate) seed: u64,
}

/// The trained tagger.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Tagger {
    pub(crate) weights: Weights,
    /// Class names: (UPOS, XPOS).
    pub(crate) classes: Vec<(String, String)>,
    lexicon: Lexicon,
}

/// Fills `out` with the features of word `i` given the two previous tags.
fn features(w: &[WordFacts], amb: &[u64], i: usize, p1: u64, p2: u64, out: &mut Vec<u64>) {
    out.clear();
    let x = &w[i];
    let at = |k: isize| -> Option<&WordFacts> {
        let j = i as isize + k;
        if j < 0 {
            None
        } else {
            w.get(j as usize)
        }
    };
    let lw = |k: isize| at(k).map_or(if k < 0 { START } else { END }, |f| f.lower);
    let suf3 = |k: isize| at(k).map_or(if k < 0 { START } else { END }, |f| f.suffix[2]);
    let shp = |k: isize| at(k).map_or(if k < 0 { START } else { END }, |f| f.shape);
    out.push(feat(0, 0, 0, 0));
    out.push(feat(1, x.lower, 0, 0));
    out.push(feat(2, x.form, 0, 0));
    for (k, s) in x.suffix.iter().enumerate() {
        out.push(feat(3 + k as u64, *s, 0, 0));
    }
    for (k, s) in x.prefix.iter().enumerate() {
        out.push(feat(7 + k as u64, *s, 0, 0));
    }
    out.push(feat(10, x.shape, 0, 0));
    out.push(feat(11, x.flags, u64::from(i == 0), 0));
    out.push(feat(12, lw(-1), 0, 0));
    out.push(feat(13, lw(-2), 0, 0));
    out.push(feat(14, lw(1), 0, 0));
    out.push(feat(15, lw(2), 0, 0));
    out.push(feat(16, p1, 0, 0));
    out.push(feat(17, p2, 0, 0));
    out.push(feat(18, p1, p2, 0));
    out.push(feat(19, p1, x.lower, 0));
    out.push(feat(20, suf3(-1), 0, 0));
    out.push(feat(21, suf3(1), 0, 0));
    out.push(feat(22, lw(-1), x.lower, 0));
    out.push(feat(23, x.lower, lw(1), 0));
    out.push(feat(24, shp(-1), x.shape, 0));
    out.push(feat(25, x.shape, shp(1), 0));
    out.push(feat(26, p1, x.suffix[2], 0));
    out.push(feat(27, lw(1), lw(2), 0));
    out.push(feat(28, p1, lw(1), 0));
    out.push(feat(29, lw(-1), lw(1), 0));
    out.push(feat(30, p1, x.suffix[1], 0));
    out.push(feat(31, p2, p1, x.suffix[2]));
    let am = |k: isize| {
        let j = i as isize + k;
        if j < 0 {
            START
        } else {
            amb.get(j as usize).copied().unwrap_or(END)
        }
    };
    out.push(feat(32, am(0), 0, 0));
    out.push(feat(33, am(1), 0, 0));
    out.push(feat(34, am(2), 0, 0));
    out.push(feat(35, am(0), am(1), 0));
    out.push(feat(36, p1, am(1), 0));
    out.push(feat(37, x.lower, am(1), 0));
    out.push(feat(38, am(1), am(2), 0));
    out.push(feat(39, p1, am(0), am(1)));
    // Open-class word lists: the tags the word (and its neighbours) can take.
    let op = |k: isize| at(k).map_or(if k < 0 { START } else { END }, |f| f.open);
    out.push(feat(40, x.open, 0, 0));
    out.push(feat(41, x.open, p1, 0));
    out.push(feat(42, op(1), 0, 0));
    out.push(feat(43, x.open, op(1), 0));
    out.push(feat(44, x.open, x.flags, 0));
    out.push(feat(45, x.open, x.suffix[1], 0));
    out.push(feat(46, op(-1), x.open, p1));
}

fn tag_value(class: usize) -> u64 {
    class as u64 + 1
}

impl Tagger {
    /// Tags a sentence; returns class ids.
    pub(crate) fn tag(&self, words: &[WordFacts], out: &mut Vec<usize>) {
        let amb: Vec<u64> = words
            .iter()
            .map(|w| self.lexicon.ambiguity(w.lower))
            .collect();
        let weights = &self.weights;
        out.clear();
        let mut feats = Vec::with_capacity(64);
        let mut scores = vec![0i32; weights.width()];
        let (mut p1, mut p2) = (START, START);
        for i in 0..words.len() {
            let best = match self.lexicon.sure(words[i].form) {
                Some(c) => c,
                None => {
                    features(words, &amb, i, p1, p2, &mut feats);
                    weights.score(&feats, &mut scores);
                    argmax_i32(&scores[..weights.classes()])
                }
            };
            out.push(best);
            p2 = p1;
            p1 = tag_value(best);
        }
    }

    pub(crate) fn encode(&self, e: &mut Encoder) {
        e.len(self.classes.len());
        for (u, x) in &self.classes {
            e.str(u);
            e.str(x);
        }
        self.lexicon.encode(e);
        self.weights.encode(e);
    }

    pub(crate) fn decode(d: &mut Decoder<'_>) -> Result<Tagger, NlpError> {
        let n = d.len(16)?;
        let mut classes = Vec::with_capacity(n);
        for _ in 0..n {
            classes.push((d.str()?, d.str()?));
        }
        let lexicon = Lexicon::decode(d, n)?;
        let at = d.pos();
        let weights = Weights::decode(d)?;
        if weights.classes() != classes.len() {
            return Err(NlpError::model(
                "tagger table does not match its tag list",
                at,
            ));
        }
        Ok(Tagger {
            weights,
            classes,
            lexicon,
        })
    }

    /// Trains on `train` (word facts with gold class ids), keeping the epoch that
    /// scores best on `dev`.
    pub(crate) fn train(
        setup: &TaggerSetup<'_>,
        train: &[(Vec<WordFacts>, Vec<usize>)],
        dev: &[(Vec<WordFacts>, Vec<usize>)],
        log: &mut dyn FnMut(String),
    ) -> Tagger {
        let TaggerSetup {
            classes,
            lexicon,
            epochs,
            seed,
        } = *setup;
        let mut t = Trainer::new(TAGGER_BITS, classes.len());
        let mut order: Vec<usize> = (0..train.len()).collect();
        let mut rng = Rng::new(seed);
        let mut feats = Vec::with_capacity(32);
        let mut scores = vec![0f32; classes.len()];
        let mut best: Option<(f64, Tagger)> = None;
        let make = |weights| Tagger {
            weights,
            classes: classes.to_vec(),
            lexicon: lexicon.clone(),
        };
        let ambs: Vec<Vec<u64>> = train
            .iter()
            .map(|(w, _)| w.iter().map(|w| lexicon.ambiguity(w.lower)).collect())
            .collect();
        for epoch in 0..epochs {
            rng.shuffle(&mut order);
            for &s in &order {
                let (words, gold) = &train[s];
                let amb = &ambs[s];
                let (mut p1, mut p2) = (START, START);
                for (i, &g) in gold.iter().enumerate() {
                    if let Some(c) = lexicon.sure(words[i].form) {
                        p2 = p1;
                        p1 = tag_value(c);
                        continue;
                    }
                    features(words, amb, i, p1, p2, &mut feats);
                    t.score(&feats, &mut scores);
                    let guess = argmax_f32(&scores);
                    if guess != g {
                        t.update(&feats, g, guess);
                    }
                    t.tick();
                    p2 = p1;
                    p1 = tag_value(guess);
                }
            }
            let tagger = make(t.averaged());
            let acc = tagger.accuracy(dev);
            log(format!(
                "tagger epoch {}: dev joint tag accuracy {:.2}",
                epoch + 1,
                acc * 100.0
            ));
            if best.as_ref().is_none_or(|(b, _)| acc > *b) {
                best = Some((acc, tagger));
            }
        }
        match best {
            Some((_, t)) => t,
            None => make(t.averaged()),
        }
    }

    fn accuracy(&self, data: &[(Vec<WordFacts>, Vec<usize>)]) -> f64 {
        let (mut ok, mut all) = (0usize, 0usize);
        let mut out = Vec::new();
        for (w, g) in data {
            self.tag(w, &mut out);
            ok += out.iter().zip(g).filter(|(a, b)| a == b).count();
            all += g.len();
        }
        ok as f64 / all.max(1) as f64
    }
}

/// Index of the largest score (the first on ties).
pub(crate) fn argmax_i32(s: &[i32]) -> usize {
    let mut best = 0;
    for (i, &v) in s.iter().enumerate() {
        if v > s[best] {
            best = i;
        }
    }
    best
}

fn argmax_f32(s: &[f32]) -> usize {
    let mut best = 0;
    for (i, &v) in s.iter().enumerate() {
        if v > s[best] {
            best = i;
        }
    }
    best
}

impl Tagger {
    pub(crate) fn from_parts(weights: Weights, classes: Vec<(String, String)>) -> Tagger {
        Tagger {
            weights,
            classes,
            lexicon: Lexicon::default(),
        }
    }
}
