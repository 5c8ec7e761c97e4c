//! Reader for PETRARCH/TABARI verb dictionaries and discard lists.
//!
//! A verb file holds synsets (`&NAME` followed by `+member` lines; members may name
//! other synsets) and verb blocks:
//!
//! ```text
//! --- AGREE [081] ---
//! AGREE {AGREES AGREED}
//! - * WITH % [031]
//! - % * [030:030]
//! ```
//!
//! The block's verbs (with irregular forms in braces, and multiword verbs whose head
//! is marked `+`, as in `WIRE_+TAP`) code the block's code; each `-` line is a pattern
//! of words around the verb `*`: `$` source, `+` target, `%` compound actor, `^` skip
//! a noun phrase, `&SYNSET` any member, `_` joins words that must be adjacent, and
//! a paired code `[032:033]` codes the first code from source to target and the second
//! back from target to source (a visit and its hosting; `[031:031]` a meeting). `---` codes nothing.
//! Patterns become [`Pattern`]s with a [`LinearPattern`] and run through the same
//! engine as the built-in dictionary.

use std::collections::HashMap;
use std::path::Path;

use crate::error::EventsError;
use crate::pattern::{LinearItem, LinearPattern, Pattern, PatternSet, TargetSlot, TriggerKind};

/// A discard phrase: sentences (or, for story-level entries, whole articles)
/// containing it are not coded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Discard {
    /// Upper-case words.
    pub words: Vec<String>,
    /// True for story-level discards (`+` prefix).
    pub story: bool,
}

/// Reads the verb dictionary in `dir` (the file whose name contains "verb") and the
/// discards file if present.
///
/// # Errors
///
/// [`EventsError::NoVerbs`], [`EventsError::Io`] or [`EventsError::Syntax`].
pub fn read_dir(dir: &Path) -> Result<PatternSet, EventsError> {
    let (verbs, discards) = find_files(dir)?;
    let verbs = verbs.ok_or_else(|| EventsError::NoVerbs {
        dir: dir.to_path_buf(),
    })?;
    let text = std::fs::read_to_string(&verbs).map_err(|source| EventsError::Io {
        path: verbs.clone(),
        source,
    })?;
    let name = verbs
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let patterns = parse_verbs(&name, &text)?;
    let discards = match discards {
        Some(p) => {
            let t = std::fs::read_to_string(&p).map_err(|source| EventsError::Io {
                path: p.clone(),
                source,
            })?;
            parse_discards(&t)
        }
        None => Vec::new(),
    };
    let mut h = blake3::Hasher::new();
    h.update(text.as_bytes());
    let version = format!("petrarch-{}", &h.finalize().to_hex()[..12]);
    let mut set = PatternSet::new(patterns, version);
    set.set_discards(discards);
    set.set_any_part_of_speech();
    Ok(set)
}

fn find_files(
    dir: &Path,
) -> Result<(Option<std::path::PathBuf>, Option<std::path::PathBuf>), EventsError> {
    let entries = std::fs::read_dir(dir).map_err(|source| EventsError::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut names: Vec<std::path::PathBuf> =
        entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    names.sort();
    let find = |word: &str| {
        names
            .iter()
            .find(|p| {
                p.file_name()
                    .is_some_and(|n| n.to_string_lossy().to_lowercase().contains(word))
            })
            .cloned()
    };
    Ok((find("verb"), find("discard")))
}

/// Parses discard lines (`+` marks story-level entries).
pub fn parse_discards(text: &str) -> Vec<Discard> {
    text.lines()
        .filter_map(|l| {
            let l = strip_comment(l).trim();
            if l.is_empty() || l.starts_with("<!--") {
                return None;
            }
            let (story, body) = match l.strip_prefix('+') {
                Some(b) => (true, b),
                None => (false, l),
            };
            let words: Vec<String> = body
                .replace('_', " ")
                .split_whitespace()
                .map(|w| w.to_uppercase())
                .collect();
            (!words.is_empty()).then_some(Discard { words, story })
        })
        .collect()
}

/// The line without its `#` comment; a `#` inside `[...]` is part of a code.
fn strip_comment(l: &str) -> &str {
    let mut depth = 0usize;
    for (i, c) in l.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => depth = depth.saturating_sub(1),
            '#' if depth == 0 => return &l[..i],
            _ => {}
        }
    }
    l
}

/// Parses a PETRARCH verb file.
///
/// # Errors
///
/// [`EventsError::Syntax`] with file and line for a malformed block header, an
/// unknown synset or a pattern without `*`.
pub fn parse_verbs(file: &str, text: &str) -> Result<Vec<Pattern>, EventsError> {
    let mut synsets: HashMap<String, Vec<Vec<String>>> = HashMap::new();
    let mut current_synset: Option<String> = None;
    let mut block: Option<Block> = None;
    let mut out = Vec::new();
    let mut in_xml_comment = false;
    for (n, raw) in text.lines().enumerate() {
        let line_no = n + 1;
        let err = |message: String| EventsError::Syntax {
            file: file.to_string(),
            line: line_no,
            message,
        };
        let trimmed = raw.trim();
        if in_xml_comment {
            if trimmed.contains("-->") {
                in_xml_comment = false;
            }
            continue;
        }
        if trimmed.starts_with("<!--") {
            in_xml_comment = !trimmed.contains("-->");
            continue;
        }
        let line = strip_comment(raw).trim();
        if line.is_empty() {
            continue;
        }
        if let Some(rest) = line.strip_prefix("---") {
            let body = rest.trim_end_matches('-').trim();
            let code =
                bracket_code(body).ok_or_else(|| err("block header needs `[CODE]`".into()))?;
            let name = body.split('[').next().unwrap_or("").trim().to_string();
            block = Some(Block {
                name,
                code,
                verbs: Vec::new(),
            });
            current_synset = None;
            continue;
        }
        if let Some(name) = line.strip_prefix('&') {
            let name = name
                .split_whitespace()
                .next()
                .unwrap_or("")
                .trim_end_matches('_')
                .to_string();
            synsets.entry(name.clone()).or_default();
            current_synset = Some(name);
            continue;
        }
        if let (Some(member), Some(name)) = (line.strip_prefix('+'), current_synset.clone()) {
            let member = member.split('[').next().unwrap_or("").trim();
            let alts: Vec<Vec<String>> = if let Some(inner) = member.strip_prefix('&') {
                synsets
                    .get(inner)
                    .cloned()
                    .ok_or_else(|| err(format!("unknown synset &{inner}")))?
            } else {
                vec![member
                    .replace('_', " ")
                    .split_whitespace()
                    .map(str::to_uppercase)
                    .collect()]
            };
            synsets
                .entry(name)
                .or_default()
                .extend(alts.into_iter().filter(|a| !a.is_empty()));
            continue;
        }
        let Some(b) = block.as_mut() else {
            return Err(err(format!("`{line}` outside a synset or verb block")));
        };
        if let Some(pat) = line.strip_prefix('-') {
            let code_text =
                bracket_code(pat).ok_or_else(|| err("pattern needs `[CODE]`".into()))?;
            let body = pat.split('[').next().unwrap_or("").trim();
            let linear = parse_linear(body, &synsets).map_err(err)?;
            for verb in &b.verbs {
                let rule = format!("{file}:{line_no}: {} {line}", b.name);
                out.push(make_pattern(&code_text, verb, Some(linear.clone()), rule));
            }
            continue;
        }
        // A verb line: `VERB {FORMS} [CODE]`.
        current_synset = None;
        let code = bracket_code(line).unwrap_or_else(|| b.code.clone());
        let head_part = line.split(['[', '{']).next().unwrap_or("").trim();
        let forms: Vec<String> = line
            .split_once('{')
            .and_then(|(_, r)| r.split_once('}'))
            .map(|(f, _)| {
                f.split_whitespace()
                    .map(|w| w.trim_start_matches('+').replace('_', " "))
                    .collect()
            })
            .unwrap_or_default();
        let verb = parse_verb_phrase(head_part, forms);
        let rule = format!("{file}:{line_no}: {} {}", b.name, head_part);
        out.push(make_pattern(&code, &verb, None, rule));
        b.verbs.push(verb);
    }
    Ok(out.into_iter().filter(|p| p.code != "---").collect())
}

struct Block {
    name: String,
    code: String,
    verbs: Vec<VerbPhrase>,
}

/// A (possibly multiword) verb: the head word, its forms, and words that must sit
/// directly before and after it.
#[derive(Debug, Clone)]
struct VerbPhrase {
    heads: Vec<String>,
    before: Vec<String>,
    after: Vec<String>,
}

fn parse_verb_phrase(text: &str, forms: Vec<String>) -> VerbPhrase {
    let words: Vec<&str> = text.split(['_', ' ']).filter(|w| !w.is_empty()).collect();
    let head_at = words.iter().position(|w| w.starts_with('+')).unwrap_or(0);
    let head = words
        .get(head_at)
        .map(|w| w.trim_start_matches('+').to_lowercase())
        .unwrap_or_default();
    let mut heads = vec![head.clone()];
    for f in forms {
        // Forms of a multiword verb repeat the whole phrase; keep the head word.
        let w = f
            .split_whitespace()
            .nth(head_at)
            .unwrap_or(&f)
            .trim_start_matches('+')
            .to_lowercase();
        if !w.is_empty() && !heads.contains(&w) {
            heads.push(w);
        }
    }
    VerbPhrase {
        heads,
        before: words[..head_at].iter().map(|w| w.to_uppercase()).collect(),
        after: words
            .get(head_at + 1..)
            .unwrap_or(&[])
            .iter()
            .map(|w| w.to_uppercase())
            .collect(),
    }
}

fn make_pattern(
    code: &str,
    verb: &VerbPhrase,
    linear: Option<LinearPattern>,
    rule: String,
) -> Pattern {
    let (active, reverse) = match code.split_once(':') {
        Some((a, p)) => (a.trim().to_string(), Some(p.trim().to_string())),
        None => (code.trim().to_string(), None),
    };
    let mut p = Pattern::new(&active, TriggerKind::Verb, verb.heads.clone(), rule);
    p.reverse_code = reverse;
    let mut lin = linear.unwrap_or_default();
    // The verb phrase's own words sit next to the verb.
    for (k, w) in verb.before.iter().enumerate().rev() {
        let _ = k;
        lin.before.push(LinearItem::Word {
            alternatives: vec![vec![w.clone()]],
            adjacent: true,
        });
    }
    let mut after: Vec<LinearItem> = verb
        .after
        .iter()
        .map(|w| LinearItem::Word {
            alternatives: vec![vec![w.clone()]],
            adjacent: true,
        })
        .collect();
    after.append(&mut lin.after);
    lin.after = after;
    if !lin.before.is_empty() || !lin.after.is_empty() {
        p.linear = Some(lin);
    }
    p.target = TargetSlot::Default;
    p
}

/// The code in `[...]`, if any.
fn bracket_code(s: &str) -> Option<String> {
    let (_, rest) = s.split_once('[')?;
    let (code, _) = rest.split_once(']')?;
    Some(code.trim().to_string())
}

/// Parses the words of a pattern line around `*`.
fn parse_linear(
    body: &str,
    synsets: &HashMap<String, Vec<Vec<String>>>,
) -> Result<LinearPattern, String> {
    let mut items: Vec<(LinearItem, bool)> = Vec::new();
    let mut verb_at: Option<usize> = None;
    let mut adjacent = false;
    let mut word = String::new();
    let flush = |word: &mut String,
                 adjacent: bool,
                 items: &mut Vec<(LinearItem, bool)>|
     -> Result<(), String> {
        if word.is_empty() {
            return Ok(());
        }
        let w = std::mem::take(word);
        let item = match w.as_str() {
            "$" => LinearItem::Source,
            "+" => LinearItem::Target,
            "%" => LinearItem::Compound,
            "^" => LinearItem::Skip,
            _ => {
                if let Some(name) = w.strip_prefix('&').map(|n| n.trim_end_matches('_')) {
                    let alts = synsets
                        .get(name)
                        .ok_or_else(|| format!("unknown synset &{name}"))?;
                    LinearItem::Word {
                        alternatives: alts.clone(),
                        adjacent,
                    }
                } else {
                    LinearItem::Word {
                        alternatives: vec![vec![w.to_uppercase()]],
                        adjacent,
                    }
                }
            }
        };
        items.push((item, adjacent));
        Ok(())
    };
    for ch in body.chars() {
        match ch {
            '_' | ' ' | '\t' => {
                let had = !word.is_empty();
                flush(&mut word, adjacent, &mut items)?;
                if had || ch == '_' {
                    adjacent = ch == '_';
                }
            }
            '*' => {
                flush(&mut word, adjacent, &mut items)?;
                verb_at = Some(items.len());
                adjacent = false;
            }
            c => word.push(c),
        }
    }
    flush(&mut word, adjacent, &mut items)?;
    let at = verb_at.ok_or_else(|| "pattern has no `*`".to_string())?;
    let before = items[..at].iter().map(|(i, _)| i.clone()).collect();
    let after = items[at..].iter().map(|(i, _)| i.clone()).collect();
    Ok(LinearPattern { before, after })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "<!-- header -->\n&TIES\n+MILITARY\n+ECONOMIC\n\n--- AGREE [081] ---\nAGREE {AGREES AGREED}\n- * WITH % [031]\n- % * [030:030]  # note\n- * &TIES_TIES [902]\n\n--- WIRETAP [---] ---\nWIRE_+TAP {WIRE_+TAPPED}\n- * + [171]\n";

    #[test]
    fn reads_blocks_synsets_and_codes() {
        let p = parse_verbs("v.txt", SAMPLE).expect("parses");
        let agree: Vec<&Pattern> = p
            .iter()
            .filter(|p| p.heads.contains(&"agree".to_string()))
            .collect();
        assert_eq!(agree.len(), 4);
        assert!(agree.iter().any(|p| p.code == "081" && p.linear.is_none()));
        assert!(agree
            .iter()
            .any(|p| p.code == "030" && p.reverse_code.as_deref() == Some("030")));
        let ties = agree
            .iter()
            .find(|p| p.code == "902")
            .expect("synset pattern");
        let lin = ties.linear.as_ref().expect("linear");
        match &lin.after[0] {
            LinearItem::Word { alternatives, .. } => assert_eq!(alternatives.len(), 2),
            other => panic!("unexpected {other:?}"),
        }
        let tap = p.iter().find(|p| p.code == "171").expect("tap");
        assert_eq!(tap.heads, vec!["tap".to_string(), "tapped".to_string()]);
        assert!(tap.rule.starts_with("v.txt:14:"));
        // `---` blocks code nothing of their own.
        assert!(p.iter().all(|p| p.code != "---"));
    }

    #[test]
    fn errors_carry_file_and_line() {
        let e = parse_verbs("v.txt", "--- X [010] ---\nX\n- * &NOPE [011]\n")
            .expect_err("unknown synset");
        assert_eq!(e.to_string(), "v.txt:3: unknown synset &NOPE");
        let e = parse_verbs("v.txt", "- * [011]\n").expect_err("outside block");
        assert!(e.to_string().starts_with("v.txt:1:"));
        let e = parse_verbs("v.txt", "--- X ---\n").expect_err("no code");
        assert!(e.to_string().starts_with("v.txt:1:"));
    }

    #[test]
    fn discards() {
        let d = parse_discards("# c\nMONTHS LATER\n+World Golf   # x\n");
        assert_eq!(
            d,
            vec![
                Discard {
                    words: vec!["MONTHS".into(), "LATER".into()],
                    story: false
                },
                Discard {
                    words: vec!["WORLD".into(), "GOLF".into()],
                    story: true
                },
            ]
        );
    }
}
