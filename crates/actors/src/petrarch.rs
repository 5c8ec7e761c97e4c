//! PETRARCH/TABARI actor and agent dictionaries.
//!
//! Actors: a primary phrase (words joined by `_` or spaces) with `[CODE]`, `+`
//! synonym lines, and further `[CODE date]` lines where a date restriction is
//! `<date`, `>date` or `date-date` (YYMMDD or YYYYMMDD). Agents: `PHRASE {PLURAL}
//! [~CODE]` (suffix) or `[CODE~]` (prefix), `{}` for no plural, and `!NAME! = a, b`
//! substitution sets used inside phrases. Matching is case-insensitive, as in
//! PETRARCH.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::builtin::plural;
use crate::dictionary::DictionaryBuilder;
use crate::entry::{CaseRule, DatedCode, Meaning, Role};
use crate::error::ActorError;
use crate::mention::MentionKind;

/// Lines without comments: `#` to the end of the line and `<!-- … -->` blocks.
fn clean_lines(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut in_block = false;
    for (i, raw) in text.lines().enumerate() {
        let mut line = raw.to_string();
        if in_block {
            match line.find("-->") {
                Some(p) => {
                    line = line[p + 3..].to_string();
                    in_block = false;
                }
                None => continue,
            }
        }
        while let Some(p) = line.find("<!") {
            match line[p..].find("-->") {
                Some(q) => line.replace_range(p..p + q + 3, ""),
                None => {
                    line.truncate(p);
                    in_block = true;
                }
            }
        }
        if let Some(p) = line.find('#') {
            line.truncate(p);
        }
        if !line.trim().is_empty() {
            out.push((i + 1, line));
        }
    }
    out
}

fn phrase_words(p: &str) -> String {
    p.replace('_', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Parses PETRARCH's 6- or 8-digit dates.
fn parse_date(s: &str, file: &str, line: usize) -> Result<NaiveDate, ActorError> {
    let s = s.trim();
    let bad = || {
        ActorError::syntax(
            file,
            line,
            format!("bad date {s:?} (want YYMMDD or YYYYMMDD)"),
        )
    };
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    let full = match s.len() {
        8 => s.to_string(),
        6 => {
            let yy: u32 = s[..2].parse().map_err(|_| bad())?;
            format!("{}{}", if yy >= 30 { "19" } else { "20" }, s)
        }
        _ => return Err(bad()),
    };
    NaiveDate::parse_from_str(&full, "%Y%m%d").map_err(|_| bad())
}

/// One `[…]` code: the code and its date restriction.
fn parse_code(inner: &str, file: &str, line: usize) -> Result<DatedCode, ActorError> {
    let inner = inner.trim();
    let (code, rest) = match inner.find(char::is_whitespace) {
        Some(p) => (&inner[..p], inner[p..].trim()),
        None => (inner, ""),
    };
    let code = code.split('/').next().unwrap_or(code).to_ascii_uppercase();
    let code = if code.chars().all(|c| c == '-' || c == '+') {
        String::new()
    } else {
        code
    };
    let mut dc = DatedCode {
        code,
        from: None,
        until: None,
    };
    if rest.is_empty() {
        return Ok(dc);
    }
    if let Some(d) = rest.strip_prefix('<') {
        let d = parse_date(d, file, line)?;
        dc.until = d.pred_opt();
    } else if let Some(d) = rest.strip_prefix('>') {
        let d = parse_date(d, file, line)?;
        dc.from = d.succ_opt();
    } else if let Some((a, b)) = rest.split_once('-') {
        dc.from = Some(parse_date(a, file, line)?);
        dc.until = Some(parse_date(b, file, line)?);
    } else {
        return Err(ActorError::syntax(
            file,
            line,
            format!("bad date restriction {rest:?}"),
        ));
    }
    Ok(dc)
}

/// The `[…]` groups of a line and the text before the first one.
fn split_codes<'a>(
    line: &'a str,
    file: &str,
    n: usize,
) -> Result<(&'a str, Vec<&'a str>), ActorError> {
    let head_end = line.find('[').unwrap_or(line.len());
    let mut codes = Vec::new();
    let mut rest = &line[head_end..];
    while let Some(open) = rest.find('[') {
        let close = rest[open..]
            .find(']')
            .ok_or_else(|| ActorError::syntax(file, n, "'[' without ']'"))?;
        codes.push(&rest[open + 1..open + close]);
        rest = &rest[open + close + 1..];
    }
    Ok((&line[..head_end], codes))
}

struct ActorEntry {
    phrases: Vec<String>,
    default: Option<String>,
    dated: Vec<DatedCode>,
    line: usize,
}

/// Reads an actors file into the builder.
pub(crate) fn load_actors(
    b: &mut DictionaryBuilder,
    file: &str,
    text: &str,
) -> Result<(), ActorError> {
    let mut entries: Vec<ActorEntry> = Vec::new();
    for (n, line) in clean_lines(text) {
        let trimmed = line.trim();
        if let Some(syn) = trimmed.strip_prefix('+') {
            let Some(e) = entries.last_mut() else {
                return Err(ActorError::syntax(file, n, "synonym '+' before any actor"));
            };
            let (head, codes) = split_codes(syn, file, n)?;
            e.phrases.push(phrase_words(head));
            for c in codes {
                add_code(e, parse_code(c, file, n)?);
            }
            continue;
        }
        let indented = line.starts_with(char::is_whitespace);
        if indented && trimmed.starts_with('[') {
            let Some(e) = entries.last_mut() else {
                return Err(ActorError::syntax(file, n, "code line before any actor"));
            };
            let (_, codes) = split_codes(trimmed, file, n)?;
            for c in codes {
                add_code(e, parse_code(c, file, n)?);
            }
            continue;
        }
        let (head, codes) = split_codes(trimmed, file, n)?;
        let phrase = phrase_words(head);
        if phrase.is_empty() {
            return Err(ActorError::syntax(file, n, "code with no phrase"));
        }
        let mut e = ActorEntry {
            phrases: vec![phrase],
            default: None,
            dated: Vec::new(),
            line: n,
        };
        for c in codes {
            add_code(&mut e, parse_code(c, file, n)?);
        }
        entries.push(e);
    }
    for e in entries {
        if e.default.is_none() && e.dated.is_empty() {
            return Err(ActorError::syntax(
                file,
                e.line,
                format!("actor {:?} has no code", e.phrases[0]),
            ));
        }
        let code = e.default.unwrap_or_default();
        let m = b.meaning(Meaning::Actor {
            kind: kind_of(&code),
            code,
            dated: e.dated,
            name: Some(e.phrases[0].clone()),
            family: None,
            adjective: false,
            plural: false,
        });
        for p in &e.phrases {
            b.phrase(p, m, CaseRule::any());
        }
    }
    Ok(())
}

fn add_code(e: &mut ActorEntry, dc: DatedCode) {
    if dc.from.is_none() && dc.until.is_none() {
        e.default = Some(dc.code);
    } else {
        e.dated.push(dc);
    }
}

fn kind_of(code: &str) -> MentionKind {
    if code.starts_with("IGO") {
        MentionKind::Igo
    } else if code.starts_with("NGO") {
        MentionKind::Ngo
    } else {
        MentionKind::Country
    }
}

/// Reads an agents file into the builder.
pub(crate) fn load_agents(
    b: &mut DictionaryBuilder,
    file: &str,
    text: &str,
) -> Result<(), ActorError> {
    let mut sets: HashMap<String, Vec<String>> = HashMap::new();
    for (n, line) in clean_lines(text) {
        let trimmed = line.trim();
        if trimmed.starts_with('!') {
            if let Some((name, values)) = trimmed.split_once('=') {
                let name = name.trim().to_ascii_uppercase();
                if !(name.len() > 2 && name.ends_with('!')) {
                    return Err(ActorError::syntax(
                        file,
                        n,
                        format!("bad substitution set name {name:?}"),
                    ));
                }
                sets.insert(
                    name,
                    values
                        .split(',')
                        .map(|v| v.trim().to_string())
                        .filter(|v| !v.is_empty())
                        .collect(),
                );
                continue;
            }
        }
        let (head, codes) = split_codes(trimmed, file, n)?;
        let Some(code) = codes.first() else {
            return Err(ActorError::syntax(file, n, "agent without [CODE]"));
        };
        let code = code.trim();
        let (sector, prefix) = if let Some(c) = code.strip_prefix('~') {
            (c.trim(), false)
        } else if let Some(c) = code.strip_suffix('~') {
            (c.trim(), true)
        } else {
            (code, false)
        };
        let (phrase, plural_spec) = match head.find('{') {
            Some(p) => {
                let close = head[p..]
                    .find('}')
                    .ok_or_else(|| ActorError::syntax(file, n, "'{' without '}'"))?;
                (&head[..p], Some(phrase_words(&head[p + 1..p + close])))
            }
            None => (head, None),
        };
        let phrase = phrase_words(phrase);
        if phrase.is_empty() {
            return Err(ActorError::syntax(file, n, "agent with no phrase"));
        }
        let family = phrase.to_lowercase();
        let role = |plural: bool| Role {
            sector: sector.to_ascii_uppercase(),
            family: family.clone(),
            kin: family.clone(),
            person: false,
            plural,
            gender: None,
            prefix,
            stack: true,
            weak: false,
        };
        let one = b.meaning(Meaning::Role(role(false)));
        let many = b.meaning(Meaning::Role(role(true)));
        for form in expand(&phrase, &sets, file, n)? {
            b.phrase(&form, one, CaseRule::any());
            match &plural_spec {
                Some(p) if p.is_empty() => {}
                Some(p) => b.phrase(p, many, CaseRule::any()),
                None => b.phrase(&plural(&form), many, CaseRule::any()),
            }
        }
    }
    Ok(())
}

/// Expands `!SET!` markers into every alternative of the set.
fn expand(
    phrase: &str,
    sets: &HashMap<String, Vec<String>>,
    file: &str,
    n: usize,
) -> Result<Vec<String>, ActorError> {
    let Some(start) = phrase.find('!') else {
        return Ok(vec![phrase.to_string()]);
    };
    let Some(len) = phrase[start + 1..].find('!') else {
        return Err(ActorError::syntax(file, n, "unclosed '!' substitution"));
    };
    let name = phrase[start..start + len + 2].to_ascii_uppercase();
    let values = sets
        .get(&name)
        .ok_or_else(|| ActorError::syntax(file, n, format!("unknown substitution set {name}")))?;
    let mut out = Vec::new();
    for v in values {
        let replaced = format!("{}{}{}", &phrase[..start], v, &phrase[start + len + 2..]);
        out.extend(expand(&replaced, sets, file, n)?);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_date_restrictions() {
        let c = parse_code("HOBGOV 19950601 - 19990815", "f", 1).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(c.code, "HOBGOV");
        assert_eq!(c.from, NaiveDate::from_ymd_opt(1995, 6, 1));
        let c = parse_code("HOBREB > 990816", "f", 1).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(c.from, NaiveDate::from_ymd_opt(1999, 8, 17));
        let c = parse_code("USR <911226", "f", 1).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(c.until, NaiveDate::from_ymd_opt(1991, 12, 25));
        assert!(parse_code("X <91", "f", 7).is_err());
    }

    #[test]
    fn errors_name_file_and_line() {
        let mut b = DictionaryBuilder::default();
        let err = load_actors(&mut b, "my.actors.txt", "FRANCE [FRA]\nGONDOR [GON\n")
            .err()
            .map(|e| e.to_string());
        assert_eq!(err.as_deref(), Some("my.actors.txt:2: '[' without ']'"));
    }

    #[test]
    fn expands_substitution_sets() {
        let mut sets = HashMap::new();
        sets.insert(
            "!P!".to_string(),
            vec!["MAN".to_string(), "WOMAN".to_string()],
        );
        assert_eq!(
            expand("CONGRESS!P!", &sets, "f", 1).unwrap_or_default(),
            vec!["CONGRESSMAN", "CONGRESSWOMAN"]
        );
    }
}
