//! Reading articles: `.txt` files, JSONL streams and standard input.
//!
//! Every input yields articles or errors one by one, so a multi-gigabyte JSONL
//! stream is read line by line and a bad line never stops the lines after it.

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::Path;

use parley_types::Date;
use serde_json::Value;

use crate::dates::parse_publication_date;
use crate::encoding::decode;
use crate::error::{Location, TextError};

/// An article as read from the input, before cleaning.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RawArticle {
    /// Article id: the file stem of a `.txt`, the `id` of a JSONL line.
    pub id: String,
    /// Where it came from: `path` for a `.txt`, `path:line` or `-:line` for JSONL.
    pub origin: String,
    /// The page text (UTF-8, repaired if needed, without a byte-order mark).
    pub text: String,
    /// Publication date given with the input (JSONL `date`); wins over dates in the text.
    pub date: Option<Date>,
    /// Headline given with the input.
    pub title: Option<String>,
    /// URL given with the input.
    pub url: Option<String>,
    /// Outlet given with the input (JSONL `source`).
    pub source: Option<String>,
    /// Repairs made while reading (invalid UTF-8, an unreadable date, a missing id).
    /// They do not name the origin; print them as `{origin}: {warning}`.
    pub warnings: Vec<String>,
}

/// Articles of one input, in order; each item is an article or the error of one
/// file or line.
pub struct ArticleReader {
    state: ReaderState,
}

enum ReaderState {
    Single(Option<Result<RawArticle, TextError>>),
    Lines(Box<JsonlLines>),
}

struct JsonlLines {
    reader: Box<dyn BufRead + Send>,
    name: String,
    stem: String,
    line_no: usize,
    buf: Vec<u8>,
    done: bool,
}

impl Iterator for ArticleReader {
    type Item = Result<RawArticle, TextError>;

    fn next(&mut self) -> Option<Self::Item> {
        match &mut self.state {
            ReaderState::Single(item) => item.take(),
            ReaderState::Lines(lines) => lines.next_article(),
        }
    }
}

impl JsonlLines {
    fn next_article(&mut self) -> Option<Result<RawArticle, TextError>> {
        while !self.done {
            self.buf.clear();
            match self.reader.read_until(b'\n', &mut self.buf) {
                Ok(0) => self.done = true,
                Ok(_) => {
                    self.line_no += 1;
                    let line = std::mem::take(&mut self.buf);
                    let parsed = parse_jsonl_line(&line, &self.name, &self.stem, self.line_no);
                    self.buf = line;
                    if parsed.is_some() {
                        return parsed;
                    }
                }
                Err(source) => {
                    self.done = true;
                    let location = Location::line(self.name.clone(), self.line_no + 1);
                    return Some(Err(TextError::Unreadable { location, source }));
                }
            }
        }
        None
    }
}

/// Reads one input: a `.jsonl` (or `.ndjson`) file as one article per line, `-` as
/// JSONL from standard input, anything else as one plain-text article whose id is the
/// file stem.
///
/// Nothing is read until the iterator is advanced; errors come out as items, each
/// naming its file and line: unreadable, empty, binary, invalid JSON, no text.
pub fn read_path(path: &Path) -> ArticleReader {
    let name = path.display().to_string();
    if name == "-" {
        let reader = BufReader::new(std::io::stdin());
        return read_jsonl(reader, "-");
    }
    let is_jsonl = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("ndjson"));
    if is_jsonl {
        return match File::open(path) {
            Ok(file) => read_jsonl(BufReader::with_capacity(1 << 16, file), &name),
            Err(source) => single(Err(TextError::Unreadable {
                location: Location::file(name),
                source,
            })),
        };
    }
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let item = match std::fs::read(path) {
        Ok(bytes) => read_text(&bytes, &name, &stem),
        Err(source) => Err(TextError::Unreadable {
            location: Location::file(name),
            source,
        }),
    };
    single(item)
}

fn single(item: Result<RawArticle, TextError>) -> ArticleReader {
    ArticleReader {
        state: ReaderState::Single(Some(item)),
    }
}

/// Reads a JSONL stream, one article per non-blank line; `name` is used in origins and
/// error locations (`name:line`).
pub fn read_jsonl<R: BufRead + Send + 'static>(reader: R, name: &str) -> ArticleReader {
    let stem = Path::new(name)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned());
    let lines = JsonlLines {
        reader: Box::new(reader),
        name: name.to_string(),
        stem: stem.unwrap_or_else(|| "stdin".to_string()),
        line_no: 0,
        buf: Vec::new(),
        done: false,
    };
    ArticleReader {
        state: ReaderState::Lines(Box::new(lines)),
    }
}

/// Makes one article of a whole plain-text input.
///
/// # Errors
///
/// [`TextError::Empty`] for empty or whitespace-only input, [`TextError::Binary`] for
/// binary data. Invalid UTF-8 is repaired and reported in [`RawArticle::warnings`].
pub fn read_text(bytes: &[u8], origin: &str, id: &str) -> Result<RawArticle, TextError> {
    let location = || Location::file(origin).with_id(id);
    let decoded = decode(bytes).map_err(|reason| TextError::Binary {
        location: location(),
        reason,
    })?;
    if decoded.text.trim().is_empty() {
        return Err(TextError::Empty {
            location: location(),
        });
    }
    Ok(RawArticle {
        id: id.to_string(),
        origin: origin.to_string(),
        text: decoded.text,
        warnings: decoded.warnings,
        ..RawArticle::default()
    })
}

/// Parses one JSONL line (`line_no` 1-based); `None` for a blank line.
fn parse_jsonl_line(
    line: &[u8],
    name: &str,
    stem: &str,
    line_no: usize,
) -> Option<Result<RawArticle, TextError>> {
    let line = if line_no == 1 {
        line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line)
    } else {
        line
    };
    if line.iter().all(u8::is_ascii_whitespace) {
        return None;
    }
    Some(parse_object(line, name, stem, line_no))
}

fn parse_object(
    line: &[u8],
    name: &str,
    stem: &str,
    line_no: usize,
) -> Result<RawArticle, TextError> {
    let location = || Location::line(name, line_no);
    let mut warnings = Vec::new();
    let text = String::from_utf8_lossy(line);
    if let std::borrow::Cow::Owned(_) = text {
        warnings.push("invalid UTF-8 repaired in this line".to_string());
    }
    let value: Value = serde_json::from_str(text.trim()).map_err(|e| TextError::InvalidJson {
        location: location(),
        column: e.column(),
        message: e.to_string(),
    })?;
    let Value::Object(mut obj) = value else {
        return Err(TextError::InvalidJson {
            location: location(),
            column: 1,
            message: "expected a JSON object".to_string(),
        });
    };
    let id = match obj.remove("id") {
        Some(Value::String(s)) if !s.trim().is_empty() => s,
        Some(Value::Number(n)) => n.to_string(),
        _ => {
            let made = format!("{stem}-{line_no}");
            warnings.push(format!("no usable \"id\"; using {made}"));
            made
        }
    };
    let location = || location().with_id(id.clone());
    let body = match obj.remove("text") {
        Some(Value::String(s)) => s,
        None | Some(Value::Null) => {
            return Err(TextError::MissingText {
                location: location(),
                reason: "no \"text\" field".into(),
            })
        }
        Some(other) => {
            let reason = format!("\"text\" is {}, not a string", json_kind(&other));
            return Err(TextError::MissingText {
                location: location(),
                reason,
            });
        }
    };
    if body.trim().is_empty() {
        return Err(TextError::MissingText {
            location: location(),
            reason: "\"text\" is empty".into(),
        });
    }
    if body.contains('\0') {
        let reason = "text contains NUL characters".to_string();
        return Err(TextError::Binary {
            location: location(),
            reason,
        });
    }
    let mut string_field = |key: &str, warnings: &mut Vec<String>| match obj.remove(key) {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_string()),
        None | Some(Value::Null) | Some(Value::String(_)) => None,
        Some(other) => {
            warnings.push(format!("\"{key}\" is {}, ignored", json_kind(&other)));
            None
        }
    };
    let date_text = string_field("date", &mut warnings);
    let title = string_field("title", &mut warnings);
    let url = string_field("url", &mut warnings);
    let source = string_field("source", &mut warnings);
    let date = date_text.as_deref().and_then(|d| {
        let parsed = parse_publication_date(d);
        if parsed.is_none() {
            warnings.push(format!(
                "\"date\" {d:?} not understood; looking for a date in the text"
            ));
        }
        parsed
    });
    Ok(RawArticle {
        id,
        origin: format!("{name}:{line_no}"),
        text: body,
        date,
        title,
        url,
        source,
        warnings,
    })
}

fn json_kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &str) -> Vec<Result<RawArticle, TextError>> {
        read_jsonl(
            std::io::Cursor::new(input.as_bytes().to_vec()),
            "feed.jsonl",
        )
        .collect()
    }

    #[test]
    fn jsonl_bad_lines_do_not_stop_good_ones() {
        let out = lines(concat!(
            "{\"id\":\"a\",\"text\":\"Kenya and Uganda signed a border deal.\"}\n",
            "{not json\n",
            "\n",
            "{\"id\":\"c\"}\n",
            "[1,2]\n",
            "{\"id\":\"d\",\"text\":\"Talks resumed.\",\"date\":\"2021-03-04\"}\r\n",
        ));
        assert_eq!(out.len(), 5);
        assert_eq!(out[0].as_ref().expect("a value").origin, "feed.jsonl:1");
        assert!(
            matches!(&out[1], Err(TextError::InvalidJson { location, .. }) if location.line == Some(2))
        );
        assert!(
            matches!(&out[2], Err(TextError::MissingText { location, .. }) if location.line == Some(4))
        );
        assert!(matches!(&out[3], Err(TextError::InvalidJson { .. })));
        let d = out[4].as_ref().expect("a value");
        assert_eq!(d.id, "d");
        assert_eq!(d.date, Date::from_ymd_opt(2021, 3, 4));
    }

    #[test]
    fn missing_id_is_made_up_with_a_warning() {
        let out = lines("{\"text\":\"Seoul protested.\",\"title\":5}\n");
        let a = out[0].as_ref().expect("a value");
        assert_eq!(a.id, "feed-1");
        assert_eq!(a.warnings.len(), 2, "{:?}", a.warnings);
        assert_eq!(a.title, None);
    }

    #[test]
    fn errors_name_file_and_line() {
        let out = lines("\n\n{\"id\":\"x\",\"text\":\"  \"}\n");
        let err = out[0].as_ref().expect_err("an error");
        assert_eq!(
            err.to_string(),
            "feed.jsonl:3 (article x): no text: \"text\" is empty"
        );
    }
}
