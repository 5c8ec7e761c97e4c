//! The crate's error type.

use std::path::PathBuf;

/// Errors of the event coder: dictionary files that cannot be read or parsed.
#[derive(Debug, thiserror::Error)]
pub enum EventsError {
    /// A dictionary file could not be read.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        source: std::io::Error,
    },
    /// A dictionary line is malformed.
    #[error("{file}:{line}: {message}")]
    Syntax {
        /// The dictionary file.
        file: String,
        /// Line number, from 1.
        line: usize,
        /// What is wrong with it.
        message: String,
    },
    /// A directory holds no verb dictionary.
    #[error("{}: no PETRARCH verb dictionary (a file whose name contains \"verb\")", dir.display())]
    NoVerbs {
        /// The directory searched.
        dir: PathBuf,
    },
    /// A test-record file is malformed.
    #[error("{file}: record {record}: {message}")]
    Record {
        /// The records file.
        file: String,
        /// The record id, or its position.
        record: String,
        /// What is wrong with it.
        message: String,
    },
}
