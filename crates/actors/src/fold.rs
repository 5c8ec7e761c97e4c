//! Case and accent folding with a map back to the original bytes.
//!
//! The matcher runs over folded text: ASCII lower case, common Latin accents
//! stripped ("Élysée" → "elysee"), typographic apostrophes and dashes made plain and
//! every run of white space (including no-break spaces) collapsed to one space.
//! Every folded byte remembers the original byte it came from, so match offsets
//! map back exactly. A marker byte (`WORD_START`) is put before every word, in text
//! and phrases alike: a phrase then can only match where a word starts, so the
//! automaton never reports phrases inside other words ("it" in "with").

/// Marks the start of every word in folded text.
pub(crate) const WORD_START: char = '\u{1}';

/// Folded text plus, for every folded byte, the offset of the original character
/// it came from; one extra entry holds the original length.
#[derive(Debug, Default, Clone)]
pub(crate) struct FoldedText {
    /// The folded bytes (valid UTF-8).
    pub text: String,
    /// `map[i]` is the original byte offset of folded byte `i`.
    pub map: Vec<usize>,
}

impl FoldedText {
    /// Folds `src` into this buffer, reusing its allocations.
    pub fn fold(&mut self, src: &str) {
        self.text.clear();
        self.map.clear();
        self.text.reserve(src.len() + src.len() / 4 + 8);
        self.map.reserve(src.len() + src.len() / 4 + 8);
        let mut in_space = false;
        let mut in_word = false;
        let bytes = src.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b.is_ascii() {
                // Fast path: one byte, one folded byte.
                let word = b.is_ascii_alphanumeric();
                if word && !in_word {
                    self.text.push(WORD_START);
                    self.map.push(i);
                }
                in_word = word;
                if b.is_ascii_whitespace() {
                    if !in_space {
                        self.text.push(' ');
                        self.map.push(i);
                        in_space = true;
                    }
                } else {
                    in_space = false;
                    self.text.push(char::from(b.to_ascii_lowercase()));
                    self.map.push(i);
                }
                i += 1;
                continue;
            }
            let Some(c) = src[i..].chars().next() else {
                break;
            };
            let word = c.is_alphanumeric();
            if word && !in_word {
                self.text.push(WORD_START);
                self.map.push(i);
            }
            in_word = word;
            if c.is_whitespace() {
                if !in_space {
                    self.text.push(' ');
                    self.map.push(i);
                    in_space = true;
                }
            } else {
                in_space = false;
                let before = self.text.len();
                push_folded(c, &mut self.text);
                for _ in before..self.text.len() {
                    self.map.push(i);
                }
            }
            i += c.len_utf8();
        }
        self.map.push(src.len());
    }

    /// The original byte offset of a folded start offset.
    pub fn original_start(&self, folded: usize) -> usize {
        self.map.get(folded).copied().unwrap_or(0)
    }

    /// The original byte offset just past a folded match ending at `folded_end`.
    pub fn original_end(&self, folded_end: usize) -> usize {
        self.map.get(folded_end).copied().unwrap_or(0)
    }
}

/// Folds a dictionary phrase the same way as text.
pub(crate) fn fold_phrase(phrase: &str) -> String {
    let mut f = FoldedText::default();
    f.fold(phrase.trim());
    f.text
}

/// True when folded byte `b` belongs to a word (letters, digits, non-ASCII).
pub(crate) fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

fn push_folded(c: char, out: &mut String) {
    let plain = match c {
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{2032}' | '`' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{00AB}' | '\u{00BB}' | '\u{201E}' => '"',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}' => '-',
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å'
        | 'Ā' | 'Ă' | 'Ą' => 'a',
        'ç' | 'ć' | 'č' | 'Ç' | 'Ć' | 'Č' => 'c',
        'ď' | 'đ' | 'Ď' | 'Đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' | 'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ė' | 'Ę'
        | 'Ě' => 'e',
        'ğ' | 'Ğ' => 'g',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' | 'İ' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' => 'i',
        'ł' | 'Ł' | 'ľ' | 'Ľ' => 'l',
        'ñ' | 'ń' | 'ň' | 'Ñ' | 'Ń' | 'Ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō'
        | 'Ő' => 'o',
        'ř' | 'Ř' => 'r',
        'ś' | 'š' | 'ş' | 'ș' | 'Ś' | 'Š' | 'Ş' | 'Ș' => 's',
        'ţ' | 'ț' | 'ť' | 'Ţ' | 'Ț' | 'Ť' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' | 'Ů' | 'Ű' => {
            'u'
        }
        'ý' | 'ÿ' | 'Ý' => 'y',
        'ź' | 'ż' | 'ž' | 'Ź' | 'Ż' | 'Ž' => 'z',
        _ => {
            for l in c.to_lowercase() {
                out.push(l);
            }
            return;
        }
    };
    out.push(plain);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_accents_spaces_and_apostrophes() {
        let mut f = FoldedText::default();
        f.fold("Quai d\u{2019}Orsay  and\u{a0}the Élysée");
        assert_eq!(
            f.text.replace(WORD_START, ""),
            "quai d'orsay and the elysee"
        );
        assert!(f.text.starts_with("\u{1}quai \u{1}d'\u{1}orsay"));
        assert_eq!(f.map.len(), f.text.len() + 1);
    }

    #[test]
    fn map_points_back_to_original_bytes() {
        let src = "the  Élysée said";
        let mut f = FoldedText::default();
        f.fold(src);
        let start = f.text.find("\u{1}elysee").unwrap_or(0);
        let end = start + "\u{1}elysee".len();
        let (s, e) = (f.original_start(start), f.original_end(end));
        assert_eq!(&src[s..e], "Élysée");
    }
}
