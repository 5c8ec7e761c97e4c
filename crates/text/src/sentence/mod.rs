//! Sentence segmentation of cleaned text.
//!
//! Paragraphs (any line break of the cleaned text) always end a sentence. Inside a
//! paragraph a sentence ends at `.`, `!`, `?` or `…` — after any closing quotes and
//! brackets that follow it — when the next word starts a sentence (not lower case),
//! except after an abbreviation that never ends one ("Gen.", "Jan.", initials), after
//! one that may end one ("U.S.", "p.m.") unless a usual sentence opener follows, and
//! inside brackets. Quotes are not followed across sentences: each sentence of a
//! multi-sentence quotation is its own sentence.
//!
//! Runaway sentences are cut: at most [`MAX_SENTENCE_WORDS`] words and
//! [`MAX_SENTENCE_BYTES`] bytes, preferring a cut after `;` or `,`. The scan is linear
//! in the text length.

mod abbreviation;

use parley_types::{Document, Sentence, Span};

pub(crate) use abbreviation::is_non_final_abbreviation;
use abbreviation::{is_final_abbreviation, is_sentence_opener};

use crate::clean::line::{is_closer, is_opening_quote};

/// A sentence longer than this many words is cut.
pub const MAX_SENTENCE_WORDS: usize = 1_000;

/// A sentence longer than this many bytes is cut.
pub const MAX_SENTENCE_BYTES: usize = 5_000;

/// How far back a dot looks for the word it ends (longer words are no abbreviation).
const MAX_ABBREVIATION_BYTES: usize = 16;

/// Fills `doc.sentences` from `doc.text` (index, span, text; tokens left empty).
///
/// ```
/// use parley_types::Document;
/// let mut doc = Document {
///     text: "Gen. Ortiz met U.S. envoys on Jan. 5 in St. Louis. Talks went well.".into(),
///     ..Document::default()
/// };
/// parley_text::split_sentences(&mut doc);
/// assert_eq!(doc.sentences.len(), 2);
/// assert_eq!(doc.sentences[1].text, "Talks went well.");
/// ```
pub fn split_sentences(doc: &mut Document) {
    let spans = sentence_spans(&doc.text);
    doc.sentences = spans
        .into_iter()
        .enumerate()
        .map(|(index, span)| Sentence {
            index,
            span,
            text: span.slice(&doc.text).to_string(),
            tokens: Vec::new(),
        })
        .collect();
}

/// Byte spans of the sentences of `text`, trimmed of surrounding whitespace.
pub fn sentence_spans(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' || b == b'\r' {
            split_paragraph(text, start, i, &mut out);
            start = i + 1;
        }
    }
    split_paragraph(text, start, text.len(), &mut out);
    out
}

/// Pushes `[start, end)` trimmed, if anything is left.
fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        out.push(Span::new(start + lead, start + lead + trimmed.len()));
    }
}

fn split_paragraph(text: &str, from: usize, to: usize, out: &mut Vec<Span>) {
    let para = &text[from..to];
    let mut start = 0usize; // relative to para
    let mut depth = 0usize;
    let mut words = 0usize;
    let mut in_space = true;
    let mut iter = para.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if c.is_whitespace() {
            in_space = true;
            continue;
        }
        if in_space {
            in_space = false;
            words += 1;
            if words > MAX_SENTENCE_WORDS && i > start {
                push_trimmed(text, from + start, from + i, out);
                start = i;
                words = 1;
                depth = 0;
            }
        }
        if i - start > MAX_SENTENCE_BYTES {
            let cut = forced_cut(para, start, i);
            push_trimmed(text, from + start, from + cut, out);
            words = para[cut..i].split_whitespace().count();
            start = cut;
            depth = 0;
        }
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth = depth.saturating_sub(1),
            '.' | '!' | '?' | '…' => {
                // The run of terminal marks, then closing quotes and brackets.
                let mut end = i + c.len_utf8();
                let mut only_dot = c == '.';
                while let Some(&(j, n)) = iter.peek() {
                    if matches!(n, '.' | '!' | '?' | '…') {
                        only_dot = false;
                        end = j + n.len_utf8();
                        iter.next();
                    } else {
                        break;
                    }
                }
                while let Some(&(j, n)) = iter.peek() {
                    if is_closer(n) {
                        if matches!(n, ')' | ']' | '}') {
                            depth = depth.saturating_sub(1);
                        }
                        end = j + n.len_utf8();
                        iter.next();
                    } else {
                        break;
                    }
                }
                if depth > 0 {
                    continue;
                }
                if is_boundary(para, start, i, end, only_dot) {
                    push_trimmed(text, from + start, from + end, out);
                    start = end;
                    words = 0;
                    in_space = true;
                }
            }
            _ => {}
        }
    }
    push_trimmed(text, from + start, to, out);
}

/// Whether a sentence ends at `end` (after terminal marks starting at `mark`).
fn is_boundary(para: &str, start: usize, mark: usize, end: usize, only_dot: bool) -> bool {
    let rest = &para[end..];
    let Some(first) = rest.chars().next() else {
        return true;
    };
    if !first.is_whitespace() {
        return false;
    }
    let next_word = rest.split_whitespace().next().unwrap_or("");
    let Some(n0) = next_word.chars().next() else {
        return true;
    };
    if n0.is_lowercase() {
        return false;
    }
    if !only_dot {
        return true;
    }
    let word = word_before(para, start, mark + 1);
    if is_non_final_abbreviation(word) {
        return false;
    }
    if is_final_abbreviation(word) {
        let opener = next_word.trim_start_matches(|c: char| is_opening_quote(c) || c == '(');
        let opener = opener.trim_end_matches(|c: char| !c.is_alphanumeric());
        return is_opening_quote(n0) || is_sentence_opener(opener);
    }
    // "1. The first point": a list number at the start of a sentence.
    let number_marker = word.len() > 1
        && word[..word.len() - 1].bytes().all(|b| b.is_ascii_digit())
        && para[start..mark].trim_start().len() == word.len() - 1;
    !number_marker
}

/// The word that ends at `end` (including its final dot), at most
/// [`MAX_ABBREVIATION_BYTES`] long; empty when longer.
fn word_before(para: &str, start: usize, end: usize) -> &str {
    let lo = end.saturating_sub(MAX_ABBREVIATION_BYTES + 1).max(start);
    let mut lo = lo;
    while !para.is_char_boundary(lo) {
        lo += 1;
    }
    let window = &para[lo..end];
    match window.rfind(char::is_whitespace) {
        Some(ws) => {
            let ws_len = window[ws..].chars().next().map_or(1, char::len_utf8);
            &window[ws + ws_len..]
        }
        None if lo == start => window,
        None => "",
    }
}

/// Where to cut a sentence that grew past `at` (relative offsets in `para`): after the
/// last `;` or `,` in its second half, else at the last space there, else at `at`.
fn forced_cut(para: &str, start: usize, at: usize) -> usize {
    let half = start + (at - start) / 2;
    let mut lo = half;
    while !para.is_char_boundary(lo) {
        lo += 1;
    }
    let window = &para[lo..at];
    if let Some(p) = window.rfind(['\u{3b}', ',']) {
        return lo + p + 1;
    }
    if let Some(p) = window.rfind(char::is_whitespace) {
        return lo + p;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentence_spans(text)
            .into_iter()
            .map(|s| s.slice(text))
            .collect()
    }

    #[test]
    fn abbreviations_and_initials() {
        assert_eq!(
            split("Mr. J. R. Ortiz met Gen. Lee at 3 p.m. on Jan. 4 in the U.S. capital. He left."),
            vec![
                "Mr. J. R. Ortiz met Gen. Lee at 3 p.m. on Jan. 4 in the U.S. capital.",
                "He left."
            ]
        );
        assert_eq!(
            split("Troops left the U.S. The base closed."),
            vec!["Troops left the U.S.", "The base closed."]
        );
    }

    #[test]
    fn quotes_close_after_the_mark() {
        assert_eq!(
            split("\"We will not yield.\" The envoy left. \"Why?\" he asked."),
            vec![
                "\"We will not yield.\"",
                "The envoy left.",
                "\"Why?\" he asked."
            ]
        );
    }

    #[test]
    fn brackets_hold_sentences() {
        assert_eq!(
            split("The agency (it was founded in 1997. It has 40 staff.) said no. Then"),
            vec![
                "The agency (it was founded in 1997. It has 40 staff.) said no.",
                "Then"
            ]
        );
    }

    #[test]
    fn paragraphs_always_break() {
        assert_eq!(
            split("The talks\n\nresumed on Monday"),
            vec!["The talks", "resumed on Monday"]
        );
    }

    #[test]
    fn runaway_sentences_are_cut() {
        let text = "word ".repeat(5_000);
        let spans = sentence_spans(&text);
        assert!(spans.len() >= 5);
        assert!(spans.iter().all(|s| s.len() <= MAX_SENTENCE_BYTES + 4));
        let blob = "x".repeat(12_000);
        let spans = sentence_spans(&blob);
        assert!(spans.len() >= 2 && spans.iter().all(|s| s.len() <= MAX_SENTENCE_BYTES + 4));
    }
}
