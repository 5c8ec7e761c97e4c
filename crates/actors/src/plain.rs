//! A rough document from plain text, for examples, tools and tests that run the
//! recognizer without the rest of the pipeline.

use parley_types::{Date, Document, Sentence, Span};

/// A [`Document`] whose sentences are cut at `.`, `!` or `?` (optionally followed by
/// a closing quote) before white space and a capital letter or quote, and at blank
/// lines. The pipeline's own segmenter does this properly; this is enough to try the
/// recognizer on a paragraph.
pub fn document_from_text(id: &str, text: &str, doc_date: Option<Date>) -> Document {
    let mut sentences = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let mut cut = None;
        if b == b'\n' && bytes.get(i + 1) == Some(&b'\n') {
            cut = Some(i);
        } else if matches!(b, b'.' | b'!' | b'?') {
            let mut j = i + 1;
            while j < bytes.len() && matches!(bytes[j], b'"' | b'\'') {
                j += 1;
            }
            if text[j..].starts_with('\u{201D}') {
                j += '\u{201D}'.len_utf8();
            }
            let rest = &text[j..];
            let trimmed = rest.trim_start();
            let next = trimmed.chars().next();
            let word_before = text[start..i].rsplit(' ').next().unwrap_or("");
            let abbreviation = word_before.len() <= 3
                && word_before.chars().next().is_some_and(char::is_uppercase)
                || word_before.contains('.');
            if trimmed.len() < rest.len()
                && next.is_some_and(|c| c.is_uppercase() || c == '"' || c == '\u{201C}')
                && !abbreviation
            {
                cut = Some(j);
            }
        }
        if let Some(end) = cut {
            push(text, start, end, &mut sentences);
            start = end;
        }
        i += 1;
    }
    push(text, start, text.len(), &mut sentences);
    Document {
        id: id.to_string(),
        doc_date,
        text: text.to_string(),
        sentences,
        ..Document::default()
    }
}

fn push(text: &str, start: usize, end: usize, out: &mut Vec<Sentence>) {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let s = start + lead;
    let e = start + piece.trim_end().len();
    if e > s {
        out.push(Sentence {
            index: out.len(),
            span: Span::new(s, e),
            text: text[s..e].to_string(),
            tokens: Vec::new(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_sentences_but_not_abbreviations() {
        let d = document_from_text(
            "x",
            "The U.S. said no. Paris agreed. \"Fine,\" she said.",
            None,
        );
        let texts: Vec<&str> = d.sentences.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(
            texts,
            vec!["The U.S. said no.", "Paris agreed.", "\"Fine,\" she said."]
        );
        for s in &d.sentences {
            assert_eq!(&d.text[s.span.start..s.span.end], s.text);
        }
    }
}
