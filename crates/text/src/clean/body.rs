//! Assembling the cleaned text from kept pieces of the raw page, with the offset map
//! back to the raw bytes.

use parley_types::OffsetMap;

use super::line::is_invisible;

/// What goes between two kept pieces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Gap {
    /// Nothing (a closing quote joined to the paragraph above).
    None,
    /// One space (a wrapped line, a removed handle).
    Space,
    /// A paragraph break, written `\n\n`.
    Paragraph,
}

/// Builds the cleaned text. Every byte of the text is either copied from the raw page
/// (and recorded in the offset map) or an inserted space or paragraph break.
pub(crate) struct BodyBuilder<'a> {
    raw: &'a str,
    text: String,
    offsets: OffsetMap,
    gap: Gap,
    /// Raw position of a pending single ASCII space, copied if the next character
    /// follows it directly.
    space_at: Option<usize>,
}

impl<'a> BodyBuilder<'a> {
    pub fn new(raw: &'a str) -> BodyBuilder<'a> {
        BodyBuilder {
            raw,
            text: String::with_capacity(raw.len()),
            offsets: OffsetMap::default(),
            gap: Gap::None,
            space_at: None,
        }
    }

    /// Asks for at least `gap` before the next piece.
    pub fn gap(&mut self, gap: Gap) {
        self.gap = self.gap.max(gap);
    }

    /// Forgets a pending gap (used to glue a closing quote to the line above).
    pub fn no_gap(&mut self) {
        self.gap = Gap::None;
        self.space_at = None;
    }

    /// Copies raw `[start, end)`, dropping invisible characters and turning runs of
    /// whitespace into one space.
    pub fn push(&mut self, start: usize, end: usize) {
        let Some(piece) = self.raw.get(start..end) else {
            return;
        };
        let mut run_start: Option<usize> = None;
        for (off, c) in piece.char_indices() {
            let pos = start + off;
            if c.is_whitespace() {
                self.flush_run(&mut run_start, pos);
                if self.gap == Gap::None && self.space_at.is_none() && c == ' ' {
                    self.space_at = Some(pos);
                } else {
                    self.gap(Gap::Space);
                }
            } else if is_invisible(c) {
                self.flush_run(&mut run_start, pos);
            } else if run_start.is_none() {
                self.open(pos);
                run_start = Some(pos);
            }
        }
        self.flush_run(&mut run_start, end);
        // A space at the very end of a piece stays pending as a plain gap.
        if self.space_at.take().is_some() {
            self.gap(Gap::Space);
        }
    }

    /// Writes what is pending before a visible character at raw `pos`.
    fn open(&mut self, pos: usize) {
        if self.text.is_empty() {
            self.gap = Gap::None;
            self.space_at = None;
            return;
        }
        match (self.gap, self.space_at.take()) {
            (Gap::Paragraph, _) => self.text.push_str("\n\n"),
            (Gap::Space, _) => self.text.push(' '),
            (Gap::None, Some(p)) if p + 1 == pos => {
                self.offsets.push(self.text.len(), p, 1);
                self.text.push(' ');
            }
            (Gap::None, Some(_)) => self.text.push(' '),
            (Gap::None, None) => {}
        }
        self.gap = Gap::None;
    }

    fn flush_run(&mut self, run_start: &mut Option<usize>, end: usize) {
        if let Some(s) = run_start.take() {
            self.offsets.push(self.text.len(), s, end - s);
            self.text.push_str(&self.raw[s..end]);
        }
    }

    pub fn finish(self) -> (String, OffsetMap) {
        (self.text, self.offsets)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(raw: &str, text: &str, map: &OffsetMap) {
        for &(c, r, len) in &map.pieces {
            assert_eq!(&text[c..c + len], &raw[r..r + len]);
        }
    }

    #[test]
    fn spaces_and_paragraphs() {
        let raw = "  Talks\u{a0}resumed  in Oslo.\n\nThey\u{200b} ended.";
        let mut b = BodyBuilder::new(raw);
        let dot = raw.find('.').expect("a value") + 1;
        b.push(2, dot);
        b.gap(Gap::Paragraph);
        b.push(raw.find("They").expect("a value"), raw.len());
        let (text, map) = b.finish();
        assert_eq!(text, "Talks resumed in Oslo.\n\nThey ended.");
        check(raw, &text, &map);
        assert_eq!(
            map.to_raw(text.find("Oslo").expect("a value")),
            raw.find("Oslo").expect("a value")
        );
    }
}
