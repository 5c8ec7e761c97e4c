//! The crate's error type: every error names the database file and, where there is
//! one, the article.

use std::path::PathBuf;

/// What can go wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// SQLite refused an operation.
    #[error("{db}: {context}{}: {source}", article.as_ref().map(|a| format!(" (article {a})")).unwrap_or_default())]
    Sqlite {
        /// Database file (`:memory:` for an in-memory store).
        db: PathBuf,
        /// What the store was doing.
        context: &'static str,
        /// The article being written, if any.
        article: Option<String>,
        /// SQLite's error.
        #[source]
        source: Box<rusqlite::Error>,
    },
    /// The database was written by a newer parley.
    #[error("{db}: schema version {found} is newer than this parley understands ({supported})")]
    SchemaTooNew {
        /// Database file.
        db: PathBuf,
        /// Version found in the file.
        found: i64,
        /// Newest version this build knows.
        supported: i64,
    },
    /// A file could not be written during an export or plot.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// The channel lexicon failed to load.
    #[error(transparent)]
    Relations(#[from] parley_relations::RelationsError),
    /// A stored record could not be read back.
    #[error("{db}: stored record {id} is unreadable: {message}")]
    Corrupt {
        /// Database file.
        db: PathBuf,
        /// Row id.
        id: i64,
        /// What is wrong.
        message: String,
    },
    /// Parquet writing failed.
    #[cfg(feature = "parquet")]
    #[error("{path}: parquet: {source}")]
    Parquet {
        /// The file.
        path: PathBuf,
        /// The parquet error.
        #[source]
        source: Box<parquet::errors::ParquetError>,
    },
}

/// Shorthand for the crate's results.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;
