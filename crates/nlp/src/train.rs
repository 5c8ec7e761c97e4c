//! Training a complete model from a UD treebank (train split; dev split for choosing
//! the best epoch). Seeded: the same data and options give the same model bytes.
//!
//! The parser learns from *predicted* tags: the train split is tagged by taggers
//! trained on the other folds (jackknifing), so the parser sees tagging errors like
//! the ones it meets at run time.

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;

use crate::conllu::GoldSentence;
use crate::feature::WordFacts;
use crate::lemmatizer::Lemmatizer;
use crate::lexicon::Lexicon;
use crate::parser_train::{train_parser, ParseExample};
use crate::tagger::{Tagger, TaggerSetup};
use crate::tokenizer::Tokenizer;
use crate::wordclass::WordClasses;
use crate::{Model, NlpError};

/// Training options.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    /// Tagger epochs (the best on dev is kept).
    pub tagger_epochs: usize,
    /// Parser epochs (the best on dev is kept).
    pub parser_epochs: usize,
    /// Folds for jackknife tagging of the parser's training data (1 = gold tags).
    pub folds: usize,
    /// Random seed.
    pub seed: u64,
    /// Free text stored in the model (data, date).
    pub provenance: String,
    /// A WordNet database directory (`/usr/share/wordnet`) for the open-class word
    /// lists; `None` trains without them.
    pub wordnet: Option<PathBuf>,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            tagger_epochs: 10,
            parser_epochs: 15,
            folds: 4,
            seed: 1,
            provenance: String::new(),
            wordnet: None,
        }
    }
}

type Tagged = (Vec<WordFacts>, Vec<usize>);

/// Trains a model on `train`, choosing epochs on `dev`; `log` receives progress lines.
///
/// # Errors
/// [`NlpError::Io`] when the WordNet directory named in `opts` cannot be read.
pub fn train(
    train: &[GoldSentence],
    dev: &[GoldSentence],
    opts: &TrainOptions,
    log: &mut dyn FnMut(String),
) -> Result<Model, NlpError> {
    let word_classes = match &opts.wordnet {
        Some(dir) => WordClasses::read_wordnet(dir)?,
        None => WordClasses::default(),
    };
    log(format!(
        "open-class word lists: {} lemmas",
        word_classes.lemmas().len()
    ));
    let tokenizer = Tokenizer::learn(
        train
            .iter()
            .flat_map(|s| s.words.iter().map(|w| w.form.as_str())),
    );
    let lemmatizer = Lemmatizer::learn_with(
        train.iter().flat_map(|s| {
            s.words
                .iter()
                .map(|w| (w.form.as_str(), w.xpos.as_str(), w.lemma.as_str()))
        }),
        &word_classes,
    );
    let tagset: BTreeSet<(String, String)> = train
        .iter()
        .flat_map(|s| s.words.iter().map(|w| (w.upos.clone(), w.xpos.clone())))
        .collect();
    let classes: Vec<(String, String)> = tagset.into_iter().collect();
    let class_id: HashMap<(String, String), usize> = classes
        .iter()
        .cloned()
        .enumerate()
        .map(|(i, c)| (c, i))
        .collect();
    let relset: BTreeSet<String> = train
        .iter()
        .flat_map(|s| s.words.iter().map(|w| w.deprel.clone()))
        .chain(["root".to_string()])
        .collect();
    let labels: Vec<String> = relset.into_iter().collect();
    let label_id: HashMap<&str, u16> = labels
        .iter()
        .enumerate()
        .map(|(i, l)| (l.as_str(), i as u16))
        .collect();

    let lexicon = Lexicon::learn(train.iter().flat_map(|s| {
        s.words.iter().map(|w| {
            (
                w.form.as_str(),
                class_id
                    .get(&(w.upos.clone(), w.xpos.clone()))
                    .copied()
                    .unwrap_or(0),
            )
        })
    }));
    let tagged = |s: &[GoldSentence]| -> Vec<Tagged> {
        s.iter()
            .map(|s| {
                let w = s
                    .words
                    .iter()
                    .map(|w| WordFacts::with_classes(&w.form, &word_classes))
                    .collect();
                let c = s
                    .words
                    .iter()
                    .map(|w| {
                        class_id
                            .get(&(w.upos.clone(), w.xpos.clone()))
                            .copied()
                            .unwrap_or(0)
                    })
                    .collect();
                (w, c)
            })
            .collect()
    };
    let train_t = tagged(train);

    let dev_t = tagged(dev);

    // Jackknife: predicted tags for the train split.
    let mut predicted: Vec<Vec<usize>> = train_t.iter().map(|(_, g)| g.clone()).collect();
    if opts.folds > 1 {
        for fold in 0..opts.folds {
            let rest: Vec<Tagged> = train_t
                .iter()
                .enumerate()
                .filter(|(i, _)| i % opts.folds != fold)
                .map(|(_, t)| t.clone())
                .collect();
            log(format!("jackknife fold {}/{}", fold + 1, opts.folds));
            let setup = TaggerSetup {
                classes: &classes,
                lexicon: &lexicon,
                epochs: opts.tagger_epochs.min(6),
                seed: opts.seed + fold as u64 + 1,
            };
            let t = Tagger::train(&setup, &rest, &dev_t, log);
            for (i, (w, _)) in train_t.iter().enumerate() {
                if i % opts.folds == fold {
                    t.tag(w, &mut predicted[i]);
                }
            }
        }
    }
    log("final tagger".to_string());
    let setup = TaggerSetup {
        classes: &classes,
        lexicon: &lexicon,
        epochs: opts.tagger_epochs,
        seed: opts.seed,
    };
    let tagger = Tagger::train(&setup, &train_t, &dev_t, log);

    let example = |s: &GoldSentence, words: Vec<WordFacts>, tags: &[usize]| -> ParseExample {
        let n = s.words.len() as u32;
        ParseExample {
            words,
            tags: tags.iter().map(|&c| c as u64 + 1).collect(),
            heads: s
                .words
                .iter()
                .map(|w| if w.head == 0 { n } else { w.head as u32 - 1 })
                .collect(),
            labels: s
                .words
                .iter()
                .map(|w| label_id.get(w.deprel.as_str()).copied().unwrap_or(0))
                .collect(),
        }
    };
    let parse_train: Vec<ParseExample> = train
        .iter()
        .zip(&train_t)
        .zip(&predicted)
        .map(|((s, (w, _)), p)| example(s, w.clone(), p))
        .collect();
    let mut out = Vec::new();
    let parse_dev: Vec<ParseExample> = dev
        .iter()
        .zip(&dev_t)
        .map(|(s, (w, _))| {
            tagger.tag(w, &mut out);
            example(s, w.clone(), &out)
        })
        .collect();
    let parser = train_parser(
        labels,
        &parse_train,
        &parse_dev,
        opts.parser_epochs,
        opts.seed,
        log,
    );
    Ok(Model {
        tokenizer,
        tagger,
        lemmatizer,
        parser,
        classes: word_classes,
        provenance: opts.provenance.clone(),
    })
}
