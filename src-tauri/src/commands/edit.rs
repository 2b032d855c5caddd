//! Commands that edit the open document: change batches, undo and redo.

use tauri::{AppHandle, Runtime};
use vsm_model::ChangeBatch;

use super::with_workspace;
use crate::dto::{AppError, DocumentState};

/// Applies one change batch (one user gesture) in one transaction.
#[tauri::command]
#[specta::specta]
pub async fn apply_changes<R: Runtime>(
    app: AppHandle<R>,
    batch: ChangeBatch,
) -> Result<DocumentState, AppError> {
    with_workspace(&app, move |workspace| {
        workspace.current_mut()?.apply(&batch)?;
        workspace.state()
    })
    .await
}

/// Edit > Undo.
#[tauri::command]
#[specta::specta]
pub async fn undo<R: Runtime>(app: AppHandle<R>) -> Result<DocumentState, AppError> {
    with_workspace(&app, |workspace| {
        workspace.current_mut()?.undo()?;
        workspace.state()
    })
    .await
}

/// Edit > Redo.
#[tauri::command]
#[specta::specta]
pub async fn redo<R: Runtime>(app: AppHandle<R>) -> Result<DocumentState, AppError> {
    with_workspace(&app, |workspace| {
        workspace.current_mut()?.redo()?;
        workspace.state()
    })
    .await
}
