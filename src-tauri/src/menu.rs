//! The native menu. Every item except Quit is forwarded to the UI as a typed [`MenuEvent`], so a
//! menu click, a toolbar button and a keyboard shortcut all run the same UI action (which knows
//! the selection and which text field has focus).

use std::path::PathBuf;

use serde::{Deserialize, Serialize};
use tauri::menu::{Menu, MenuBuilder, MenuItemBuilder, SubmenuBuilder};
use tauri::{AppHandle, Manager, Runtime};
use tauri_specta::Event;

use crate::dto::DocumentState;
use crate::session::EXAMPLES;
use crate::state::AppState;

/// What a menu item asks the UI to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum MenuAction {
    /// File > New.
    New,
    /// File > Open….
    Open,
    /// File > Open Recent > (argument: the path).
    OpenRecent,
    /// File > Open Example > (argument: the example id).
    OpenExample,
    /// File > Save As….
    SaveAs,
    /// File > Import JSON….
    ImportJson,
    /// File > Export JSON….
    ExportJson,
    /// File > Export PNG….
    ExportPng,
    /// File > Export SVG….
    ExportSvg,
    /// File > Export Kaizen Report….
    ExportReport,
    /// Edit > Undo.
    Undo,
    /// Edit > Redo.
    Redo,
    /// Edit > Delete.
    Delete,
    /// Edit > Select All.
    SelectAll,
}

/// Emitted to the UI when a menu item is chosen.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type, tauri_specta::Event)]
pub struct MenuEvent {
    /// The action.
    pub action: MenuAction,
    /// The recent document's path or the example's id.
    pub argument: Option<String>,
}

const PLAIN: [(&str, MenuAction); 12] = [
    ("new", MenuAction::New),
    ("open", MenuAction::Open),
    ("save_as", MenuAction::SaveAs),
    ("import_json", MenuAction::ImportJson),
    ("export_json", MenuAction::ExportJson),
    ("export_png", MenuAction::ExportPng),
    ("export_svg", MenuAction::ExportSvg),
    ("export_report", MenuAction::ExportReport),
    ("undo", MenuAction::Undo),
    ("redo", MenuAction::Redo),
    ("delete", MenuAction::Delete),
    ("select_all", MenuAction::SelectAll),
];

/// Builds the menu bar with the current recent list.
pub fn build<R: Runtime>(app: &AppHandle<R>, recent: &[PathBuf]) -> tauri::Result<Menu<R>> {
    let item = |id: &str, label: &str, accelerator: Option<&str>| {
        let builder = MenuItemBuilder::with_id(id, label);
        match accelerator {
            Some(keys) => builder.accelerator(keys).build(app),
            None => builder.build(app),
        }
    };
    let mut open_recent = SubmenuBuilder::new(app, "Open Recent");
    if recent.is_empty() {
        open_recent = open_recent
            .item(&MenuItemBuilder::with_id("recent:none", "No recent documents").enabled(false).build(app)?);
    }
    for (i, path) in recent.iter().enumerate() {
        let label = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let label =
            format!("{label}  —  {}", path.parent().map(|p| p.display().to_string()).unwrap_or_default());
        open_recent = open_recent.item(&MenuItemBuilder::with_id(format!("recent:{i}"), label).build(app)?);
    }
    let mut open_example = SubmenuBuilder::new(app, "Open Example");
    for example in &EXAMPLES {
        open_example = open_example
            .item(&MenuItemBuilder::with_id(format!("example:{}", example.id), example.title).build(app)?);
    }
    let file = SubmenuBuilder::new(app, "File")
        .item(&item("new", "New", Some("CmdOrCtrl+N"))?)
        .item(&item("open", "Open…", Some("CmdOrCtrl+O"))?)
        .item(&open_recent.build()?)
        .item(&open_example.build()?)
        .separator()
        .item(&item("save_as", "Save As…", Some("CmdOrCtrl+Shift+S"))?)
        .item(&item("import_json", "Import JSON…", Some("CmdOrCtrl+I"))?)
        .item(&item("export_json", "Export JSON…", Some("CmdOrCtrl+E"))?)
        .item(&item("export_png", "Export PNG…", None)?)
        .item(&item("export_svg", "Export SVG…", None)?)
        .item(&item("export_report", "Export Kaizen Report…", None)?)
        .separator()
        .item(&item("quit", "Quit", Some("CmdOrCtrl+Q"))?)
        .build()?;
    let edit = SubmenuBuilder::new(app, "Edit")
        .item(&item("undo", "Undo", Some("CmdOrCtrl+Z"))?)
        .item(&item("redo", "Redo", Some("CmdOrCtrl+Shift+Z"))?)
        .separator()
        .item(&item("delete", "Delete", Some("Delete"))?)
        .item(&item("select_all", "Select All", Some("CmdOrCtrl+A"))?)
        .build()?;
    MenuBuilder::new(app).item(&file).item(&edit).build()
}

/// Handles a menu click: Quit exits, everything else becomes a [`MenuEvent`] for the UI.
pub fn on_menu_event<R: Runtime>(app: &AppHandle<R>, id: &str) {
    if id == "quit" {
        app.exit(0);
        return;
    }
    let event = if let Some(index) = id.strip_prefix("recent:") {
        let recent = recent_list(app);
        let Some(path) = index.parse::<usize>().ok().and_then(|i| recent.get(i).cloned()) else { return };
        MenuEvent { action: MenuAction::OpenRecent, argument: Some(path.display().to_string()) }
    } else if let Some(example) = id.strip_prefix("example:") {
        MenuEvent { action: MenuAction::OpenExample, argument: Some(example.to_owned()) }
    } else if let Some((_, action)) = PLAIN.iter().find(|(name, _)| *name == id) {
        MenuEvent { action: *action, argument: None }
    } else {
        return;
    };
    let _ = event.emit(app);
}

/// After another document was opened: the window title names it and Open Recent lists it.
pub fn document_changed<R: Runtime>(app: &AppHandle<R>, state: &DocumentState) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.set_title(&format!("{} — Kaizen VSM", state.name));
    }
    if let Ok(menu) = build(app, &recent_list(app)) {
        let _ = app.set_menu(menu);
    }
}

fn recent_list<R: Runtime>(app: &AppHandle<R>) -> Vec<PathBuf> {
    app.state::<AppState>().workspace.lock().map(|workspace| workspace.recent().to_vec()).unwrap_or_default()
}
