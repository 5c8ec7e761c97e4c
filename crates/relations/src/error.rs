//! The crate's error type.

/// What can go wrong when reading the channel lexicon.
#[derive(Debug, thiserror::Error)]
pub enum RelationsError {
    /// A lexicon line could not be read.
    #[error("{file}:{line}: {message}")]
    Lexicon {
        /// Lexicon file name.
        file: String,
        /// 1-based line.
        line: usize,
        /// What is wrong.
        message: String,
    },
}
