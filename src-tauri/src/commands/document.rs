//! Commands that choose which document is open, and import/export it.

use std::path::PathBuf;

use tauri::{AppHandle, Runtime};

use super::with_workspace;
use crate::dto::{AppError, DocumentState, ErrorCode, ExampleInfo};
use crate::session::{EXAMPLES, example};

/// The open document.
#[tauri::command]
#[specta::specta]
pub async fn document_state<R: Runtime>(app: AppHandle<R>) -> Result<DocumentState, AppError> {
    with_workspace(&app, |workspace| workspace.state()).await
}

/// Why the document asked for at start-up could not be opened, once; then `null`.
#[tauri::command]
#[specta::specta]
pub async fn startup_notice<R: Runtime>(app: AppHandle<R>) -> Result<Option<AppError>, AppError> {
    with_workspace(&app, |workspace| Ok(workspace.take_startup_notice())).await
}

/// File > New: an untitled document in the data folder, saved from the first edit.
#[tauri::command]
#[specta::specta]
pub async fn new_document<R: Runtime>(app: AppHandle<R>) -> Result<DocumentState, AppError> {
    switch_document(&app, move |workspace| workspace.new_document()).await
}

/// File > Open…: opens a `.vsm` document; on failure the current one stays open.
#[tauri::command]
#[specta::specta]
pub async fn open_document<R: Runtime>(app: AppHandle<R>, path: String) -> Result<DocumentState, AppError> {
    switch_document(&app, move |workspace| workspace.open(&PathBuf::from(path))).await
}

/// File > Open Example: a fresh copy of a bundled example in the data folder.
#[tauri::command]
#[specta::specta]
pub async fn open_example<R: Runtime>(app: AppHandle<R>, id: String) -> Result<DocumentState, AppError> {
    switch_document(&app, move |workspace| {
        let chosen = example(&id)
            .ok_or_else(|| AppError::new(ErrorCode::BadRequest, format!("no example \"{id}\"")))?;
        workspace.open_example(chosen)?;
        Ok(())
    })
    .await
}

/// The bundled examples.
#[tauri::command]
#[specta::specta]
pub fn examples() -> Vec<ExampleInfo> {
    EXAMPLES.iter().map(|e| ExampleInfo { id: e.id.to_owned(), title: e.title.to_owned() }).collect()
}

/// File > Save As…: continues in a copy (history included) at `path`.
#[tauri::command]
#[specta::specta]
pub async fn save_as<R: Runtime>(app: AppHandle<R>, path: String) -> Result<DocumentState, AppError> {
    switch_document(&app, move |workspace| workspace.save_as(&with_extension(path, ".vsm"))).await
}

/// File > Import JSON…: a new document from a `.vsm.json` file.
#[tauri::command]
#[specta::specta]
pub async fn import_json<R: Runtime>(app: AppHandle<R>, path: String) -> Result<DocumentState, AppError> {
    switch_document(&app, move |workspace| workspace.import_json(&PathBuf::from(path))).await
}

/// File > Export JSON…: writes the document as canonical `.vsm.json`.
#[tauri::command]
#[specta::specta]
pub async fn export_json<R: Runtime>(app: AppHandle<R>, path: String) -> Result<(), AppError> {
    with_workspace(&app, move |workspace| workspace.export_json(&with_extension(path, ".vsm.json"))).await
}

/// Runs `open` (which makes another document current), then names it in the window title and
/// the Open Recent menu, and returns its state.
async fn switch_document<R: Runtime>(
    app: &AppHandle<R>,
    open: impl FnOnce(&mut crate::workspace::Workspace) -> Result<(), AppError> + Send + 'static,
) -> Result<DocumentState, AppError> {
    let state = with_workspace(app, move |workspace| {
        open(workspace)?;
        workspace.state()
    })
    .await?;
    crate::menu::document_changed(app, &state);
    Ok(state)
}

/// `path`, with `extension` appended unless the name already ends with it.
pub(crate) fn with_extension(path: String, extension: &str) -> PathBuf {
    if path.to_lowercase().ends_with(extension) {
        PathBuf::from(path)
    } else {
        PathBuf::from(path + extension)
    }
}

/// File > Export PNG… / Export SVG…: writes the image the UI rendered (base64) to `path`.
#[tauri::command]
#[specta::specta]
pub async fn write_export<R: Runtime>(
    app: AppHandle<R>,
    path: String,
    base64: String,
) -> Result<(), AppError> {
    let _ = app;
    tokio::task::spawn_blocking(move || crate::export::write(&PathBuf::from(path), &base64))
        .await
        .map_err(|error| AppError::new(ErrorCode::BadRequest, format!("the export failed: {error}")))?
}
