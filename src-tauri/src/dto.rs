//! Wire types of the IPC boundary. The UI's TypeScript types are generated from these (and from
//! the model and metrics types they contain) into `ui/src/bindings.ts`.

use serde::{Deserialize, Serialize};
use vsm_metrics::report::MetricsReport;
use vsm_model::Document;
use vsm_store::StoreError;

/// Everything the UI shows about the open document, returned by every command that changes it.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct DocumentState {
    /// Absolute path of the `.vsm` file.
    pub path: String,
    /// The document's name (its file name without `.vsm`), used as the window title.
    pub name: String,
    /// Committed edits so far.
    pub revision: u32,
    /// The document as of the last commit.
    pub document: Document,
    /// The metrics of every map.
    pub metrics: MetricsReport,
    /// Whether undo has something to undo.
    pub can_undo: bool,
    /// Whether redo has something to redo.
    pub can_redo: bool,
}

/// The document after a command that made or changed a map the UI should show next.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct MapChanged {
    /// The map to show: the future state that received the change.
    pub map: String,
    /// The document as of the change.
    pub state: DocumentState,
}

/// A bundled example map.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct ExampleInfo {
    /// Stable id.
    pub id: String,
    /// Title for menus.
    pub title: String,
}

/// How File > Export Kaizen Report… renders the report: the choices of its dialog.
#[derive(Debug, Clone, Deserialize, specta::Type)]
pub struct ReportSettings {
    /// A3 landscape or A4 portrait.
    pub paper: vsm_report::Paper,
    /// Which parts to include.
    pub sections: vsm_report::Sections,
    /// The current-state map to report on (`null`: the charter's map, else the first current
    /// state).
    pub map: Option<String>,
}

/// A report written to disk.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct ReportExported {
    /// Where it was written (with `.pdf` appended when the name had no such extension).
    pub path: String,
    /// How many pages it has.
    pub pages: u32,
    /// The file's size in bytes.
    pub bytes: u32,
    /// Characters the report's fonts cannot show (printed as `?` and listed in the report), one
    /// character per string.
    pub missing_characters: Vec<String>,
}

/// What kind of failure an [`AppError`] is; the UI branches on this, never on message text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The file system refused (missing file, permissions, full disk).
    Io,
    /// Not a Kaizen VSM document.
    Foreign,
    /// A damaged document; it was left unchanged.
    Corrupt,
    /// Written by a newer Kaizen VSM.
    NewerSchema,
    /// An invalid edit or imported file; nothing was changed.
    Invalid,
    /// The target file already exists.
    Exists,
    /// No document is open.
    NoDocument,
    /// Unknown example or other request the UI should not have made.
    BadRequest,
}

/// An error as it crosses IPC: a code to branch on and a message to show.
#[derive(Debug, Clone, Serialize, specta::Type, thiserror::Error)]
#[error("{message}")]
pub struct AppError {
    /// The class of failure.
    pub code: ErrorCode,
    /// What happened, for people: names the file, field and value where there is one.
    pub message: String,
}

impl AppError {
    /// An error of `code`.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        AppError { code, message: message.into() }
    }
}

impl From<StoreError> for AppError {
    fn from(error: StoreError) -> Self {
        let code = match &error {
            StoreError::Io { .. } | StoreError::Sqlite { .. } => ErrorCode::Io,
            StoreError::Foreign { .. } => ErrorCode::Foreign,
            StoreError::Corrupt { .. } => ErrorCode::Corrupt,
            StoreError::NewerSchema { .. } => ErrorCode::NewerSchema,
            StoreError::Invalid(_) => ErrorCode::Invalid,
            StoreError::Exists { .. } => ErrorCode::Exists,
        };
        AppError::new(code, error.to_string())
    }
}

impl From<vsm_model::ModelError> for AppError {
    fn from(error: vsm_model::ModelError) -> Self {
        AppError::new(ErrorCode::Invalid, error.to_string())
    }
}
