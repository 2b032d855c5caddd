//! The system clipboard, for copying symbols between documents and windows as JSON text.
//! (The webview's own clipboard API needs a text selection or a permission prompt.)

use tauri::{AppHandle, Runtime};
use tauri_plugin_clipboard_manager::ClipboardExt;

use crate::dto::{AppError, ErrorCode};

/// Puts `text` on the system clipboard.
#[tauri::command]
#[specta::specta]
pub fn clipboard_write<R: Runtime>(app: AppHandle<R>, text: String) -> Result<(), AppError> {
    app.clipboard()
        .write_text(text)
        .map_err(|error| AppError::new(ErrorCode::Io, format!("the clipboard could not be written: {error}")))
}

/// The text on the system clipboard (empty when it holds none).
#[tauri::command]
#[specta::specta]
pub fn clipboard_read<R: Runtime>(app: AppHandle<R>) -> Result<String, AppError> {
    Ok(app.clipboard().read_text().unwrap_or_default())
}
