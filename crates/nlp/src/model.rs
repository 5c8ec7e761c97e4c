//! The shipped model: file format, loading, and the analysis entry points.

use std::sync::OnceLock;

use parley_types::{Sentence, Span, Token};

use crate::codec::{Decoder, Encoder};
use crate::feature::WordFacts;
use crate::lemmatizer::Lemmatizer;
use crate::parser::{Input, Parser, NO};
use crate::tagger::Tagger;
use crate::tokenizer::Tokenizer;
use crate::wordclass::WordClasses;
use crate::NlpError;

/// First bytes of every model file.
pub const MAGIC: &[u8; 8] = b"PRLYNLP\0";
/// The model format version this build reads and writes.
pub const FORMAT_VERSION: u32 = 5;
/// The oldest format version this build still reads (version 2 lacks the
/// lemmatizer's known lemmas; such a model lemmatizes by rules alone; versions 2
/// and 3 lack the open-class word lists; versions before 5 keep weights as `i16`
/// on a ±32,000 scale, rescaled to `i8` on load).
const OLDEST_VERSION: u32 = 2;
/// Largest decompressed payload accepted (guards against a damaged length field).
const MAX_PAYLOAD: u64 = 1 << 30;
/// Header: magic, version, payload length, BLAKE3 of the payload.
const HEADER: usize = 8 + 4 + 8 + 32;

/// The model shipped inside the binary (zstd-compressed; see `model/README.md`).
static EMBEDDED: &[u8] = include_bytes!("../model/en_ewt.pnlp");

/// A complete English analyser: tokenizer, tagger, lemmatizer and parser.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    pub(crate) tokenizer: Tokenizer,
    pub(crate) tagger: Tagger,
    pub(crate) lemmatizer: Lemmatizer,
    pub(crate) parser: Parser,
    /// Open-class word lists (empty in models trained without them).
    pub(crate) classes: WordClasses,
    /// Free text about how the model was trained (data, seed, date).
    pub(crate) provenance: String,
}

impl Model {
    /// The model embedded in the binary, decompressed and loaded on first use and
    /// shared afterwards.
    ///
    /// A build whose embedded model does not load is a packaging defect (the test
    /// suite checks it); rather than panic, such a build logs it once to stderr and
    /// analyses with an empty model (tokens are still produced, tags are `X`).
    pub fn embedded() -> &'static Model {
        static MODEL: OnceLock<Model> = OnceLock::new();
        MODEL.get_or_init(|| match Model::from_bytes(EMBEDDED) {
            Ok(m) => m,
            Err(e) => {
                eprintln!("parley-nlp: embedded model unusable: {e}");
                Model::empty()
            }
        })
    }

    /// A model with no trained weights (every word `X`, a flat tree).
    pub fn empty() -> Model {
        use crate::trainer::Trainer;
        Model {
            tokenizer: Tokenizer::default(),
            tagger: Tagger::from_parts(
                Trainer::new(0, 1).averaged(),
                vec![("X".into(), "X".into())],
            ),
            lemmatizer: Lemmatizer::default(),
            parser: Parser {
                actions: Trainer::new(0, 3).averaged(),
                labeler: Trainer::new(0, 1).averaged(),
                labels: vec!["root".into()],
                root: 0,
            },
            classes: WordClasses::default(),
            provenance: String::new(),
        }
    }

    /// Loads a model file: checks magic, format version and checksum, then decodes.
    ///
    /// # Errors
    /// [`NlpError::Model`] when the bytes are not a model file, are of another format
    /// version, fail the checksum or are truncated.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, NlpError> {
        if bytes.len() < HEADER || &bytes[..8] != MAGIC {
            return Err(NlpError::model("not a parley NLP model (bad magic)", 0));
        }
        let version = u32::from_le_bytes([bytes[8], bytes[9], bytes[10], bytes[11]]);
        if !(OLDEST_VERSION..=FORMAT_VERSION).contains(&version) {
            return Err(NlpError::model(
                format!(
                    "format version {version}, this build reads {OLDEST_VERSION} to {FORMAT_VERSION}"
                ),
                8,
            ));
        }
        let mut len = [0u8; 8];
        len.copy_from_slice(&bytes[12..20]);
        let len = u64::from_le_bytes(len);
        if len > MAX_PAYLOAD {
            return Err(NlpError::model("payload length out of range", 12));
        }
        let payload = zstd::bulk::decompress(&bytes[HEADER..], len as usize)
            .map_err(|e| NlpError::model(format!("decompression failed: {e}"), HEADER))?;
        if payload.len() as u64 != len {
            return Err(NlpError::model("payload length mismatch", 12));
        }
        if blake3::hash(&payload).as_bytes() != &bytes[20..52] {
            return Err(NlpError::model("checksum mismatch", 20));
        }
        let mut d = Decoder::of_version(&payload, version);
        let provenance = d.str()?;
        let tokenizer = Tokenizer::decode(&mut d)?;
        let lemmatizer = Lemmatizer::decode(&mut d, version)?;
        let tagger = Tagger::decode(&mut d)?;
        let parser = Parser::decode(&mut d)?;
        let classes = if version >= 4 {
            WordClasses::decode(&mut d)?
        } else {
            WordClasses::default()
        };
        if !d.at_end() {
            return Err(NlpError::model("trailing bytes after the model", d.pos()));
        }
        Ok(Model {
            tokenizer,
            tagger,
            lemmatizer,
            parser,
            classes,
            provenance,
        })
    }

    /// Serialises the model (zstd level `level`).
    ///
    /// # Errors
    /// [`NlpError::Model`] if compression fails.
    pub fn to_bytes(&self, level: i32) -> Result<Vec<u8>, NlpError> {
        let mut e = Encoder::default();
        e.str(&self.provenance);
        self.tokenizer.encode(&mut e);
        self.lemmatizer.encode(&mut e);
        self.tagger.encode(&mut e);
        self.parser.encode(&mut e);
        self.classes.encode(&mut e);
        let payload = e.buf;
        let packed = zstd::bulk::compress(&payload, level)
            .map_err(|err| NlpError::model(format!("compression failed: {err}"), 0))?;
        let mut out = Vec::with_capacity(HEADER + packed.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
        out.extend_from_slice(blake3::hash(&payload).as_bytes());
        out.extend_from_slice(&packed);
        Ok(out)
    }

    /// The per-word facts the tagger and parser read.
    pub(crate) fn facts(&self, form: &str) -> WordFacts {
        WordFacts::with_classes(form, &self.classes)
    }

    /// How the model was trained.
    pub fn provenance(&self) -> &str {
        &self.provenance
    }

    /// Splits `text` into tokens whose spans are `base` + the byte offset in `text`
    /// (so spans are document offsets when `text` is a sentence at `base`). Heads are
    /// `None` and tags empty.
    pub fn tokenize(&self, text: &str, base: usize) -> Vec<Token> {
        self.tokenizer
            .split(text)
            .into_iter()
            .map(|(s, e)| Token {
                span: Span::new(base + s, base + e),
                text: text[s..e].to_string(),
                ..Token::default()
            })
            .collect()
    }

    /// Tokenizes `sentence.text` and fills every token's tags, lemma, head and
    /// relation.
    pub fn annotate(&self, sentence: &mut Sentence) {
        sentence.tokens = self.tokenize(&sentence.text, sentence.span.start);
        self.annotate_tokens(&mut sentence.tokens);
    }

    /// Tags, lemmatizes and parses pre-tokenized input (spans are left alone).
    pub fn annotate_tokens(&self, tokens: &mut [Token]) {
        if tokens.is_empty() {
            return;
        }
        let words: Vec<WordFacts> = tokens.iter().map(|t| self.facts(&t.text)).collect();
        let mut classes = Vec::with_capacity(tokens.len());
        self.tagger.tag(&words, &mut classes);
        let tags: Vec<u64> = classes.iter().map(|&c| c as u64 + 1).collect();
        let st = self.parser.parse(&Input {
            words: &words,
            tags: &tags,
        });
        for (i, t) in tokens.iter_mut().enumerate() {
            let (upos, xpos) = self
                .tagger
                .classes
                .get(classes[i])
                .cloned()
                .unwrap_or_default();
            t.lemma = self.lemmatizer.lemma(&t.text, &xpos);
            t.upos = upos;
            t.xpos = xpos;
            let h = st.heads[i];
            t.head = if h == NO || h as usize >= tokens_len(&st) {
                None
            } else {
                Some(h as usize)
            };
            let l = st.labels[i];
            t.deprel = if t.head.is_none() {
                "root".to_string()
            } else {
                l.checked_sub(1)
                    .and_then(|l| self.parser.labels.get(l as usize))
                    .cloned()
                    .unwrap_or_else(|| "dep".to_string())
            };
        }
    }
}

fn tokens_len(st: &crate::parser::State) -> usize {
    st.n
}
