//! Reading UD treebanks and writing CoNLL-U.

use std::fmt::Write as _;
use std::path::Path;

use parley_types::Token;

use crate::NlpError;

/// One syntactic word of a gold treebank sentence.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GoldWord {
    /// Word form.
    pub form: String,
    /// Lemma.
    pub lemma: String,
    /// Universal POS tag.
    pub upos: String,
    /// Penn Treebank tag.
    pub xpos: String,
    /// Head as a 1-based word number; 0 for the root.
    pub head: usize,
    /// Universal dependency relation (with subtype, e.g. `obl:agent`).
    pub deprel: String,
}

/// One sentence of a gold treebank: its raw text and its words.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GoldSentence {
    /// The `# text =` comment.
    pub text: String,
    /// The syntactic words (multiword tokens are expanded, empty nodes dropped).
    pub words: Vec<GoldWord>,
}

/// Reads a CoNLL-U file.
///
/// # Errors
/// [`NlpError::Io`] when the file cannot be read, [`NlpError::Conllu`] (with file and
/// line) for a word line that does not have ten columns or whose head is not a number.
pub fn read_conllu(path: &Path) -> Result<Vec<GoldSentence>, NlpError> {
    let text = std::fs::read_to_string(path).map_err(|source| NlpError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    parse_conllu(&text, path)
}

/// Parses CoNLL-U text; `path` is only used in error messages.
///
/// # Errors
/// [`NlpError::Conllu`] for a malformed word line.
pub fn parse_conllu(text: &str, path: &Path) -> Result<Vec<GoldSentence>, NlpError> {
    let mut out = Vec::new();
    let mut cur = GoldSentence::default();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.is_empty() {
            if !cur.words.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if let Some(rest) = line.strip_prefix('#') {
            if let Some(t) = rest.trim_start().strip_prefix("text =") {
                cur.text = t.trim().to_string();
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let err = |what: &str| NlpError::Conllu {
            file: path.to_path_buf(),
            line: i + 1,
            what: what.to_string(),
        };
        if cols.len() != 10 {
            return Err(err("expected 10 tab-separated columns"));
        }
        if cols[0].contains('-') || cols[0].contains('.') {
            continue;
        }
        let head = cols[6]
            .parse::<usize>()
            .map_err(|_| err("head is not a number"))?;
        cur.words.push(GoldWord {
            form: cols[1].to_string(),
            lemma: cols[2].to_string(),
            upos: cols[3].to_string(),
            xpos: cols[4].to_string(),
            head,
            deprel: cols[7].to_string(),
        });
    }
    if !cur.words.is_empty() {
        out.push(cur);
    }
    Ok(out)
}

/// Writes one analysed sentence as CoNLL-U (with `# sent_id` and `# text` comments).
pub fn write_sentence(out: &mut String, sent_id: &str, text: &str, tokens: &[Token]) {
    let _ = writeln!(out, "# sent_id = {sent_id}");
    let _ = writeln!(out, "# text = {}", text.replace('\n', " "));
    for (i, t) in tokens.iter().enumerate() {
        let head = t.head.map_or(0, |h| h + 1);
        let space_after = tokens.get(i + 1).is_none_or(|n| n.span.start > t.span.end);
        let misc = if space_after { "_" } else { "SpaceAfter=No" };
        let _ = writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t_\t{}\t{}\t_\t{}",
            i + 1,
            field(&t.text),
            field(&t.lemma),
            field(&t.upos),
            field(&t.xpos),
            head,
            field(&t.deprel),
            misc
        );
    }
    out.push('\n');
}

fn field(s: &str) -> String {
    if s.is_empty() {
        "_".to_string()
    } else {
        s.chars()
            .map(|c| if c.is_whitespace() { '_' } else { c })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_words_and_skips_multiword_ranges() {
        let text = "# text = They don't.\n1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n\
1\tThey\tthey\tPRON\tPRP\t_\t0\troot\t_\t_\n2\tdo\tdo\tAUX\tVBP\t_\t1\taux\t_\t_\n\n";
        let s = parse_conllu(text, Path::new("x")).expect("parses");
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].text, "They don't.");
        assert_eq!(s[0].words.len(), 2);
        assert_eq!(s[0].words[1].head, 1);
    }

    #[test]
    fn bad_head_names_the_line() {
        let text = "1\ta\ta\tX\tX\t_\tq\troot\t_\t_\n";
        let e = parse_conllu(text, Path::new("f.conllu")).expect_err("bad head");
        assert!(e.to_string().starts_with("f.conllu:1:"), "{e}");
    }
}
