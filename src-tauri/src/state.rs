//! Tauri-managed state: the workspace behind a mutex (one document, edits in order), and the
//! reports written in this run (the only files the UI may ask the system to open).

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::Mutex;

use crate::workspace::Workspace;

/// The state every command reaches through `app.state::<AppState>()`.
pub struct AppState {
    /// The open document and session.
    pub workspace: Mutex<Workspace>,
    /// Reports written since the app started, which "Open the PDF" may open.
    pub reports: Mutex<BTreeSet<PathBuf>>,
}

impl AppState {
    /// The state around `workspace`, with no report written yet.
    pub fn new(workspace: Workspace) -> Self {
        AppState { workspace: Mutex::new(workspace), reports: Mutex::default() }
    }
}
