use serde::{Deserialize, Serialize};

use crate::{Date, Span};

/// One article after cleaning: metadata, cleaned text and sentences.
///
/// All [`Span`]s of sentences, tokens, actors and events are byte offsets into
/// [`Document::text`]; [`Document::offsets`] maps them back to the raw page.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Document {
    /// Article id: the file stem of a `.txt`, or the `id` of a JSONL line.
    pub id: String,
    /// Where the article came from (file path, `path:line` or `-:line`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<String>,
    /// The article's URL when the input gave one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// Dateline city ("MOSCOW").
    pub dateline: Option<String>,
    /// Outlet or agency ("Sputnik").
    pub outlet: Option<String>,
    /// Byline.
    pub author: Option<String>,
    /// Publication date.
    pub doc_date: Option<Date>,
    /// The page as read (after UTF-8 repair); not written out.
    #[serde(skip)]
    pub raw: String,
    /// The cleaned body text: what sentences, tokens and events point into.
    pub text: String,
    /// Page furniture removed from the raw page, in raw-text offsets.
    pub removed: Vec<Removed>,
    /// Map from cleaned-text offsets to raw-text offsets.
    pub offsets: OffsetMap,
    /// Sentences of the cleaned text, in order.
    #[serde(skip)]
    pub sentences: Vec<Sentence>,
}

/// A piece of page furniture taken out of the raw text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Removed {
    /// Raw-text byte range.
    pub span: Span,
    /// What it was: `photo_credit`, `caption`, `read_more`, `teaser`, `counter`,
    /// `section`, `subscribe`, `related`, `hashtags`, `title`, `timestamp`, …
    pub kind: String,
}

/// Maps byte offsets of the cleaned text back to the raw text.
///
/// The cleaned text is a concatenation of pieces copied from the raw text, possibly
/// with inserted separators; each piece is recorded as `(clean_start, raw_start, len)`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OffsetMap {
    /// Pieces `(clean_start, raw_start, len)`, sorted by `clean_start`.
    pub pieces: Vec<(usize, usize, usize)>,
}

impl OffsetMap {
    /// Records that `len` bytes at `clean_start` were copied from `raw_start`.
    pub fn push(&mut self, clean_start: usize, raw_start: usize, len: usize) {
        if len == 0 {
            return;
        }
        if let Some(last) = self.pieces.last_mut() {
            if last.0 + last.2 == clean_start && last.1 + last.2 == raw_start {
                last.2 += len;
                return;
            }
        }
        self.pieces.push((clean_start, raw_start, len));
    }

    /// The raw offset of a cleaned offset. Offsets inside inserted separators map to
    /// the end of the preceding piece.
    pub fn to_raw(&self, clean: usize) -> usize {
        let i = self.pieces.partition_point(|p| p.0 <= clean);
        if i == 0 {
            return self.pieces.first().map_or(clean, |p| p.1);
        }
        let (cs, rs, len) = self.pieces[i - 1];
        rs + (clean - cs).min(len)
    }

    /// The raw span of a cleaned span.
    pub fn span_to_raw(&self, span: Span) -> Span {
        let start = self.to_raw(span.start);
        let end = if span.is_empty() {
            start
        } else {
            self.to_raw(span.end - 1) + 1
        };
        Span::new(start, end.max(start))
    }
}

/// One sentence of the cleaned text with its tokens.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Sentence {
    /// Position in the document, from 0.
    pub index: usize,
    /// Byte range in the cleaned text.
    pub span: Span,
    /// The sentence text (equal to `span` of the cleaned text).
    pub text: String,
    /// Tokens, filled by the nlp stage.
    pub tokens: Vec<Token>,
}

/// A word with its analysis. Heads are indices into the sentence's token list.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Token {
    /// Byte range in the cleaned document text.
    pub span: Span,
    /// Surface form.
    pub text: String,
    /// Lemma (lower case except for proper nouns).
    pub lemma: String,
    /// Universal POS tag (`NOUN`, `VERB`, `PROPN`, …).
    pub upos: String,
    /// Penn Treebank tag (`NN`, `VBD`, `NNP`, …).
    pub xpos: String,
    /// Index of the head token in the sentence; `None` for the root.
    pub head: Option<usize>,
    /// Universal Dependencies relation to the head (`nsubj`, `obj`, `obl:agent`, …).
    pub deprel: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offset_map_round_trips_through_gaps() {
        // raw: "AAA__BBB" ; clean: "AAA\nBBB"
        let mut m = OffsetMap::default();
        m.push(0, 0, 3);
        m.push(4, 5, 3);
        assert_eq!(m.to_raw(0), 0);
        assert_eq!(m.to_raw(2), 2);
        assert_eq!(m.to_raw(4), 5);
        assert_eq!(m.to_raw(6), 7);
        assert_eq!(m.span_to_raw(Span::new(4, 7)), Span::new(5, 8));
    }

    #[test]
    fn offset_map_merges_adjacent_pieces() {
        let mut m = OffsetMap::default();
        m.push(0, 10, 3);
        m.push(3, 13, 2);
        assert_eq!(m.pieces, vec![(0, 10, 5)]);
    }
}
