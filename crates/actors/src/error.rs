use std::path::PathBuf;

/// What went wrong while loading actor dictionaries.
#[derive(Debug, thiserror::Error)]
pub enum ActorError {
    /// A dictionary file or folder could not be read.
    #[error("{path}: cannot read: {source}")]
    Read {
        /// The file or folder.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A dictionary line could not be understood.
    #[error("{file}:{line}: {message}")]
    Syntax {
        /// The dictionary file (a path, or `builtin:NAME` for embedded data).
        file: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong with the line.
        message: String,
    },
    /// The pattern automaton could not be built.
    #[error("cannot build the actor matcher: {0}")]
    Automaton(String),
}

impl ActorError {
    pub(crate) fn syntax(file: &str, line: usize, message: impl Into<String>) -> ActorError {
        ActorError::Syntax {
            file: file.to_string(),
            line,
            message: message.into(),
        }
    }
}
