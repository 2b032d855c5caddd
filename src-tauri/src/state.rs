//! Tauri-managed state: the workspace behind a mutex (one document, edits in order).

use std::sync::Mutex;

use crate::workspace::Workspace;

/// The state every command reaches through `app.state::<AppState>()`.
pub struct AppState {
    /// The open document and session.
    pub workspace: Mutex<Workspace>,
}
