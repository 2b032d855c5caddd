//! The error type of the document store. Each variant is a class the UI and the CLI branch on.

use std::path::PathBuf;

use vsm_model::ModelError;

/// Why a document could not be opened, created or changed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file system refused (missing file, permissions, full disk …).
    #[error("{}: {source}", path.display())]
    Io {
        /// The file involved.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// The file is not a Kaizen VSM document (another format, or another program's database).
    #[error("{}: not a Kaizen VSM document: {reason}", path.display())]
    Foreign {
        /// The file involved.
        path: PathBuf,
        /// What it looks like instead.
        reason: String,
    },
    /// The file is a Kaizen VSM document but damaged: truncated, corrupt pages or content.
    #[error("{}: the document is damaged and was not changed: {reason}", path.display())]
    Corrupt {
        /// The file involved.
        path: PathBuf,
        /// What is wrong.
        reason: String,
    },
    /// Written by a newer Kaizen VSM whose schema this build does not know.
    #[error(
        "{}: written by a newer Kaizen VSM (document schema {found}; this version knows up to {supported}); update Kaizen VSM to open it",
        path.display()
    )]
    NewerSchema {
        /// The file involved.
        path: PathBuf,
        /// Schema version in the file.
        found: i64,
        /// Newest schema this build knows.
        supported: i64,
    },
    /// A new document would overwrite an existing file.
    #[error("{}: a file already exists there", path.display())]
    Exists {
        /// The file involved.
        path: PathBuf,
    },
    /// The change or the imported document is invalid; nothing was written.
    #[error(transparent)]
    Invalid(#[from] ModelError),
    /// SQLite failed while the document was open.
    #[error("{}: {source}", path.display())]
    Sqlite {
        /// The file involved.
        path: PathBuf,
        /// SQLite's error.
        source: rusqlite::Error,
    },
}

/// Result alias of this crate.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;
