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

/// The Monte Carlo lead-time distribution of one map (10,000 trials, seed 1).
#[tauri::command]
#[specta::specta]
pub async fn simulate<R: Runtime>(
    app: AppHandle<R>,
    map_id: String,
    target_s: Option<f64>,
) -> Result<vsm_metrics::MonteCarlo, AppError> {
    with_workspace(&app, move |workspace| workspace.simulate(&map_id, target_s)).await
}

/// The metrics of one map with the balance (operators needed, takt utilisation, balance) of the
/// processes the user selected as a cell.
#[tauri::command]
#[specta::specta]
pub async fn cell_metrics<R: Runtime>(
    app: AppHandle<R>,
    map_id: String,
    cell: Vec<String>,
) -> Result<vsm_metrics::report::MapReport, AppError> {
    with_workspace(&app, move |workspace| workspace.cell_metrics(&map_id, cell)).await
}
