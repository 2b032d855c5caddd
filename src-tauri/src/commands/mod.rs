//! The IPC commands: each parses its arguments, runs the core off the UI thread, maps errors.

pub mod clipboard;
pub mod document;
pub mod edit;
pub mod kaizen;
pub mod report;

use tauri::{AppHandle, Manager, Runtime};

use crate::dto::{AppError, ErrorCode};
use crate::state::AppState;

/// Runs `work` on the workspace in a blocking task (SQLite and metrics stay off the UI thread).
pub(crate) async fn with_workspace<R: Runtime, T: Send + 'static>(
    app: &AppHandle<R>,
    work: impl FnOnce(&mut crate::workspace::Workspace) -> Result<T, AppError> + Send + 'static,
) -> Result<T, AppError> {
    let app = app.clone();
    tokio::task::spawn_blocking(move || {
        let state = app.state::<AppState>();
        let mut workspace = state.workspace.lock().map_err(|_| poisoned())?;
        work(&mut workspace)
    })
    .await
    .map_err(|error| AppError::new(ErrorCode::BadRequest, format!("the request failed: {error}")))?
}

fn poisoned() -> AppError {
    AppError::new(ErrorCode::BadRequest, "an earlier request failed midway; restart Kaizen VSM")
}
