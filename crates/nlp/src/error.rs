use std::path::PathBuf;

/// Everything that can go wrong while loading a model or reading a treebank.
#[derive(Debug, thiserror::Error)]
pub enum NlpError {
    /// A model file is damaged, truncated or of another format version.
    #[error("model: {what} (at byte {offset})")]
    Model {
        /// What is wrong.
        what: String,
        /// Byte offset in the (decompressed) model where the problem was found.
        offset: usize,
    },
    /// A CoNLL-U file has a malformed line.
    #[error("{file}:{line}: {what}")]
    Conllu {
        /// The file.
        file: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        what: String,
    },
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
}

impl NlpError {
    pub(crate) fn model(what: impl Into<String>, offset: usize) -> NlpError {
        NlpError::Model {
            what: what.into(),
            offset,
        }
    }
}
