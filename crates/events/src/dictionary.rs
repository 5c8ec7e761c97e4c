//! The project's own pattern dictionary: reviewable text files in `data/`, embedded
//! in the binary and compiled once.
//!
//! # Format
//!
//! One pattern template per line; `#` starts a comment. Word sets are declared with
//! `@NAME = word|word|…` and used as `@NAME` wherever words are listed; a set may
//! include another set. A template is a CAMEO code followed by elements:
//!
//! | element   | meaning                                                          |
//! |-----------|------------------------------------------------------------------|
//! | `v:A\|B`  | verb heads                                                       |
//! | `n:A\|B`  | noun heads                                                       |
//! | `a:A\|B`  | adjective heads                                                  |
//! | `p:A\|B`  | a particle or adverb on the head ("pull *out*")                   |
//! | `o:A\|B`  | the head's object ("cut *ties*", "held *talks*"); `o:*`: any direct object; `o:$`: a direct object that names an actor ("called *Putin*", not "called the attacks unacceptable") |
//! | `r:A\|B`  | a required prepositional complement ("call *for*")                |
//! | `m:A\|B`  | a modifier of the head ("*silent* mode", "*phone* call")          |
//! | `s:A\|B`  | nouns: the predicate over the noun ("cooperation *stopped*")       |
//! | `k:A\|B`  | nouns: the noun's own preposition ("*in* contact")                |
//! | `t:obj`, `t:none`, `t:mod`, `t:A\|B` | where the target is: object, nowhere, the noun's own modifier ("our *Western* opponents"), or the nominal after one of these prepositions |
//! | `recip`   | code both directions when the parties come as a pair            |
//!
//! A template stands for every combination of its alternatives; `parley patterns
//! coverage` counts them.

use std::collections::HashMap;

use crate::error::EventsError;
use crate::pattern::{Pattern, PatternSet, TargetSlot, TriggerKind};

/// The embedded dictionary files, in load order (sets first).
pub(crate) const BUILTIN_FILES: &[(&str, &str)] = &[
    ("sets.txt", include_str!("../data/sets.txt")),
    ("statements.txt", include_str!("../data/statements.txt")),
    ("cooperation.txt", include_str!("../data/cooperation.txt")),
    ("material.txt", include_str!("../data/material.txt")),
    ("conflict.txt", include_str!("../data/conflict.txt")),
    ("force.txt", include_str!("../data/force.txt")),
    ("nominal.txt", include_str!("../data/nominal.txt")),
    ("states.txt", include_str!("../data/states.txt")),
    ("vocabulary.txt", include_str!("../data/vocabulary.txt")),
];

/// Parses dictionary files `(name, text)` into patterns.
///
/// # Errors
///
/// [`EventsError::Syntax`] naming the file and line of the first malformed line.
pub fn parse_files(files: &[(&str, &str)]) -> Result<Vec<Pattern>, EventsError> {
    parse_with_sets(files).map(|(p, _)| p)
}

/// Word sets declared in dictionary files, by name.
pub type WordSets = HashMap<String, Vec<String>>;

/// Parses dictionary files into patterns and the word sets they declare.
///
/// # Errors
///
/// [`EventsError::Syntax`] naming the file and line of the first malformed line.
pub fn parse_with_sets(files: &[(&str, &str)]) -> Result<(Vec<Pattern>, WordSets), EventsError> {
    let mut sets: HashMap<String, Vec<String>> = HashMap::new();
    let mut out = Vec::new();
    for (file, text) in files {
        for (n, raw) in text.lines().enumerate() {
            let line = raw.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let err = |message: String| EventsError::Syntax {
                file: file.to_string(),
                line: n + 1,
                message,
            };
            if let Some(def) = line.strip_prefix('@') {
                let (name, words) = def
                    .split_once('=')
                    .ok_or_else(|| err("a set needs `@NAME = words`".into()))?;
                let words = expand(words.trim(), &sets).map_err(err)?;
                sets.insert(name.trim().to_string(), words);
                continue;
            }
            let pattern =
                parse_template(line, &sets, format!("{file}:{}: {line}", n + 1)).map_err(err)?;
            out.push(pattern);
        }
    }
    Ok((out, sets))
}

/// The built-in dictionary, compiled.
///
/// # Errors
///
/// [`EventsError::Syntax`] if an embedded file is malformed (a build defect the tests
/// catch).
pub fn builtin_set() -> Result<(PatternSet, WordSets), EventsError> {
    let (patterns, sets) = parse_with_sets(BUILTIN_FILES)?;
    let mut hasher = blake3::Hasher::new();
    for (name, text) in BUILTIN_FILES {
        hasher.update(name.as_bytes());
        hasher.update(text.as_bytes());
    }
    let version = format!("builtin-{}", &hasher.finalize().to_hex()[..12]);
    Ok((PatternSet::new(patterns, version), sets))
}

/// Expands `a|b|@SET` into words.
fn expand(list: &str, sets: &HashMap<String, Vec<String>>) -> Result<Vec<String>, String> {
    let mut out: Vec<String> = Vec::new();
    for w in list.split('|').map(str::trim).filter(|w| !w.is_empty()) {
        if let Some(name) = w.strip_prefix('@') {
            let set = sets
                .get(name)
                .ok_or_else(|| format!("unknown set @{name}"))?;
            for s in set {
                if !out.contains(s) {
                    out.push(s.clone());
                }
            }
        } else {
            let w = w.replace('_', " ").to_lowercase();
            if !out.contains(&w) {
                out.push(w);
            }
        }
    }
    if out.is_empty() {
        return Err(format!("empty word list `{list}`"));
    }
    Ok(out)
}

fn parse_template(
    line: &str,
    sets: &HashMap<String, Vec<String>>,
    rule: String,
) -> Result<Pattern, String> {
    let mut parts = line.split_whitespace();
    let code = parts.next().ok_or("missing code")?;
    if !code.bytes().all(|b| b.is_ascii_digit()) || parley_cameo::lookup(code).is_none() {
        return Err(format!("`{code}` is not a CAMEO event code"));
    }
    let mut p = Pattern::new(code, TriggerKind::Verb, Vec::new(), rule);
    for part in parts {
        if part == "recip" {
            p.reciprocal = true;
            continue;
        }
        let (key, list) = part
            .split_once(':')
            .ok_or_else(|| format!("unknown element `{part}`"))?;
        match key {
            "v" | "n" | "a" => {
                if !p.heads.is_empty() {
                    return Err("a template has one head list".into());
                }
                p.kind = match key {
                    "v" => TriggerKind::Verb,
                    "n" => TriggerKind::Noun,
                    _ => TriggerKind::Adjective,
                };
                p.heads = expand(list, sets)?;
            }
            "p" => p.particle = expand(list, sets)?,
            "o" => p.object = expand(list, sets)?,
            "r" => p.requires = expand(list, sets)?,
            "m" => p.modifier = expand(list, sets)?,
            "s" => p.state = expand(list, sets)?,
            "k" => p.own_case = expand(list, sets)?,
            "t" => {
                p.target = match list {
                    "obj" => TargetSlot::Object,
                    "none" => TargetSlot::Nothing,
                    "mod" => TargetSlot::Modifier,
                    _ => TargetSlot::Preposition(expand(list, sets)?),
                }
            }
            other => return Err(format!("unknown element `{other}:`")),
        }
    }
    if p.heads.is_empty() {
        return Err("no head (`v:`, `n:` or `a:`)".into());
    }
    Ok(p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_sets_and_templates() {
        let files = [(
            "t.txt",
            "@S = sanction|embargo\n@T = @S|ban\n163 v:impose|slap o:@T t:on|against # x\n",
        )];
        let p = parse_files(&files).expect("parses");
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].object, vec!["sanction", "embargo", "ban"]);
        assert_eq!(p[0].expansions(), 6);
        assert!(p[0].rule.starts_with("t.txt:3:"));
    }

    #[test]
    fn errors_name_file_and_line() {
        let files = [("x.txt", "\n163 v:impose o:@NOPE\n")];
        let err = parse_files(&files).expect_err("unknown set");
        assert_eq!(err.to_string(), "x.txt:2: unknown set @NOPE");
        let files = [("y.txt", "999 v:x\n")];
        assert!(parse_files(&files)
            .expect_err("bad code")
            .to_string()
            .starts_with("y.txt:1:"));
        let files = [("z.txt", "163 o:x\n")];
        assert!(parse_files(&files).is_err());
    }

    #[test]
    fn builtin_dictionary_compiles() {
        let (set, sets) = builtin_set().expect("builtin dictionary parses");
        assert!(sets.contains_key("SPEECH"));
        assert!(!set.patterns().is_empty());
        assert!(set.version().starts_with("builtin-"));
    }
}
