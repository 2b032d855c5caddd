//! File > Export Kaizen Report…: renders the PDF report off the UI thread and opens it in the
//! system's viewer on request.
//!
//! The document is copied out of the workspace and rendered without holding its lock, so the
//! rest of the app stays responsive while the report renders. Only a report written in this run
//! can be opened: the webview never gets to launch arbitrary files.

use std::path::PathBuf;

use tauri::{AppHandle, Manager, Runtime};

use super::document::with_extension;
use super::with_workspace;
use crate::dto::{AppError, ErrorCode, ReportExported, ReportSettings};
use crate::state::AppState;

/// Writes the Kaizen report of the open document to `path` (`.pdf` appended when missing),
/// dated today.
#[tauri::command]
#[specta::specta]
pub async fn export_report<R: Runtime>(
    app: AppHandle<R>,
    path: String,
    settings: ReportSettings,
) -> Result<ReportExported, AppError> {
    let (document, name) = with_workspace(&app, |workspace| {
        let file = workspace.current()?;
        let name = file.path().file_stem().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        Ok((file.document().clone(), name))
    })
    .await?;
    let path = with_extension(path, ".pdf");
    let target = path.clone();
    let exported = tokio::task::spawn_blocking(move || {
        crate::report::write(&document, &name, &target, settings, vsm_report::today())
    })
    .await
    .map_err(|error| AppError::new(ErrorCode::BadRequest, format!("the report failed: {error}")))??;
    if let Ok(mut reports) = app.state::<AppState>().reports.lock() {
        reports.insert(path);
    }
    Ok(exported)
}

/// "Open the PDF": opens a report written in this run with the system's default viewer.
#[tauri::command]
#[specta::specta]
pub async fn open_path<R: Runtime>(app: AppHandle<R>, path: String) -> Result<(), AppError> {
    let path = PathBuf::from(path);
    let written = app.state::<AppState>().reports.lock().is_ok_and(|reports| reports.contains(&path));
    if !written {
        return Err(AppError::new(
            ErrorCode::BadRequest,
            format!("{}: only a report written by this window can be opened", path.display()),
        ));
    }
    tokio::task::spawn_blocking(move || {
        open::that_detached(&path).map_err(|error| {
            AppError::new(ErrorCode::Io, format!("{}: no program could open it ({error})", path.display()))
        })
    })
    .await
    .map_err(|error| AppError::new(ErrorCode::BadRequest, format!("opening failed: {error}")))?
}
