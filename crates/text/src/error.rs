use std::fmt;

/// Where an input problem was found: the file (or `-` for standard input), the
/// 1-based line of a JSONL stream, and the article id when it is known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The path as given on the command line, or `-`.
    pub path: String,
    /// 1-based line in a JSONL stream; `None` for a whole `.txt` file.
    pub line: Option<usize>,
    /// The article id, when it could be read.
    pub id: Option<String>,
}

impl Location {
    /// A whole file.
    pub fn file(path: impl Into<String>) -> Location {
        Location {
            path: path.into(),
            line: None,
            id: None,
        }
    }

    /// One line of a JSONL stream.
    pub fn line(path: impl Into<String>, line: usize) -> Location {
        Location {
            path: path.into(),
            line: Some(line),
            id: None,
        }
    }

    /// The same location with an article id attached.
    pub fn with_id(mut self, id: impl Into<String>) -> Location {
        self.id = Some(id.into());
        self
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.path)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if let Some(id) = &self.id {
            write!(f, " (article {id})")?;
        }
        Ok(())
    }
}

/// An input that could not be turned into an article. Each error names its
/// [`Location`]; a batch run reports it and goes on with the next input.
#[derive(Debug, thiserror::Error)]
pub enum TextError {
    /// The file could not be opened or read.
    #[error("{location}: cannot read: {source}")]
    Unreadable {
        /// Where.
        location: Location,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The file or the article text is empty (or only whitespace).
    #[error("{location}: empty input")]
    Empty {
        /// Where.
        location: Location,
    },
    /// The input looks like binary data, not text.
    #[error("{location}: binary input, not text ({reason})")]
    Binary {
        /// Where.
        location: Location,
        /// What gave it away (NUL bytes, share of control bytes).
        reason: String,
    },
    /// A JSONL line is not a valid JSON object.
    #[error("{location}: invalid JSON at column {column}: {message}")]
    InvalidJson {
        /// Where.
        location: Location,
        /// 1-based column (byte) in the line where parsing failed.
        column: usize,
        /// What the JSON parser said.
        message: String,
    },
    /// A JSONL line has no `text`, or `text` is not a non-empty string.
    #[error("{location}: no text: {reason}")]
    MissingText {
        /// Where.
        location: Location,
        /// What was found instead.
        reason: String,
    },
}

impl TextError {
    /// Where the error was found.
    pub fn location(&self) -> &Location {
        match self {
            TextError::Unreadable { location, .. }
            | TextError::Empty { location }
            | TextError::Binary { location, .. }
            | TextError::InvalidJson { location, .. }
            | TextError::MissingText { location, .. } => location,
        }
    }
}
