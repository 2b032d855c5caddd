//! The Kaizen VSM desktop shell: windows, menus, dialogs and IPC around the core crates.
//!
//! Thin by design: no business rules live here. [`workspace`] holds the open document and the
//! session (tested without a window), [`commands`] adapt IPC to it off the UI thread, [`menu`]
//! forwards menu choices to the UI. TypeScript bindings for every command and type are generated
//! from [`specta_builder`] into `ui/src/bindings.ts` (see the `bindings` test).

pub mod commands;
pub mod dto;
pub mod export;
pub mod menu;
pub mod rendering;
pub mod report;
pub mod session;
pub mod state;
pub mod workspace;

use tauri::{Manager, Runtime};
use tauri_specta::{Builder, collect_commands, collect_events};

use crate::state::AppState;
use crate::workspace::Workspace;

/// The typed command and event registry for a runtime type (`tauri::Wry`, or the mock runtime in
/// tests). A macro because `collect_commands!` needs the concrete runtime in each path.
macro_rules! specta_builder_for {
    ($runtime:ty) => {
        Builder::<$runtime>::new()
            .commands(collect_commands![
                commands::document::document_state::<$runtime>,
                commands::document::startup_notice::<$runtime>,
                commands::document::new_document::<$runtime>,
                commands::document::open_document::<$runtime>,
                commands::document::open_example::<$runtime>,
                commands::document::examples,
                commands::document::save_as::<$runtime>,
                commands::document::import_json::<$runtime>,
                commands::document::export_json::<$runtime>,
                commands::document::write_export::<$runtime>,
                commands::edit::apply_changes::<$runtime>,
                commands::edit::undo::<$runtime>,
                commands::edit::redo::<$runtime>,
                commands::edit::simulate::<$runtime>,
                commands::edit::cell_metrics::<$runtime>,
                commands::kaizen::suggestions::<$runtime>,
                commands::kaizen::accept_suggestion::<$runtime>,
                commands::kaizen::derive_future_state::<$runtime>,
                commands::kaizen::compare_states::<$runtime>,
                commands::kaizen::measure_action::<$runtime>,
                commands::kaizen::preview_changes::<$runtime>,
                commands::report::export_report::<$runtime>,
                commands::report::open_path::<$runtime>,
                commands::clipboard::clipboard_write::<$runtime>,
                commands::clipboard::clipboard_read::<$runtime>,
            ])
            .events(collect_events![menu::MenuEvent])
            .constant("NODE_FIELDS", node_fields())
            .constant("DEFAULT_REPORT_SECTIONS", vsm_report::Sections::default())
            // JSON values inside change batches (`set`) are numbers in JavaScript anyway.
            .dangerously_cast_bigints_to_number()
            .disable_serde_phases()
            // Every float the core sends is finite (validated input, non-finite figures become
            // null with a reason), so `f64` is a plain `number` in TypeScript.
            .semantic_types(specta_typescript::semantic::Configuration::empty().enable_lossless_floats())
    };
}

/// The data fields each node kind accepts, in canonical order (the inspector lists these), from
/// the model's one field table.
fn node_fields() -> std::collections::BTreeMap<&'static str, Vec<&'static str>> {
    vsm_model::NodeKind::ALL
        .iter()
        .map(|kind| (kind.as_str(), vsm_model::node::fields_of(*kind).collect()))
        .collect()
}

/// The command and event registry of the real app; also the source of `ui/src/bindings.ts`.
pub fn specta_builder() -> Builder<tauri::Wry> {
    specta_builder_for!(tauri::Wry)
}

/// Builds and runs the app on any runtime (tests use Tauri's mock runtime).
pub fn run_app<R: Runtime>(
    builder: tauri::Builder<R>,
    specta: Builder<R>,
    context: tauri::Context<R>,
    workspace: Workspace,
) -> tauri::App<R> {
    builder
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_clipboard_manager::init())
        .manage(AppState::new(workspace))
        .invoke_handler(specta.invoke_handler())
        .setup(move |app| {
            specta.mount_events(app);
            let handle = app.handle().clone();
            let recent =
                handle.state::<AppState>().workspace.lock().map(|w| w.recent().to_vec()).unwrap_or_default();
            app.set_menu(menu::build(&handle, &recent)?)?;
            app.on_menu_event(|app, event| menu::on_menu_event(app, event.id().as_ref()));
            let title = handle
                .state::<AppState>()
                .workspace
                .lock()
                .ok()
                .and_then(|w| w.state().ok())
                .map(|state| format!("{} — Kaizen VSM", state.name));
            if let Some(window) = app.get_webview_window("main") {
                rendering::apply(&window)?;
                if let Some(title) = title {
                    window.set_title(&title)?;
                }
            }
            Ok(())
        })
        .build(context)
        .unwrap_or_else(|error| panic!("Kaizen VSM could not start: {error}"))
}

/// Starts the desktop app: `kaizen-vsm [FILE.vsm]`.
pub fn run() {
    let workspace = Workspace::start(session::data_dir(), session::path_argument(std::env::args()));
    let app = run_app(tauri::Builder::default(), specta_builder(), tauri::generate_context!(), workspace);
    app.run(|handle, event| {
        if let tauri::RunEvent::Exit = event {
            // Close the document so SQLite checkpoints and removes its -wal and -shm files.
            if let Ok(mut workspace) = handle.state::<AppState>().workspace.lock() {
                workspace.close();
            }
        }
    });
}

#[cfg(test)]
mod bindings {
    /// `ui/src/bindings.ts` is generated from the Rust types; this fails when it is stale.
    /// Regenerate with `UPDATE_BINDINGS=1 cargo test -p kaizen-vsm bindings`.
    #[test]
    fn typescript_bindings_are_up_to_date() {
        let committed = concat!(env!("CARGO_MANIFEST_DIR"), "/../ui/src/bindings.ts");
        let fresh = std::env::temp_dir().join(format!("kaizen-vsm-bindings-{}.ts", std::process::id()));
        super::specta_builder()
            .export(specta_typescript::Typescript::default().header("// Generated by `cargo test -p kaizen-vsm bindings` from the Rust types. Do not edit.\n// @ts-nocheck\n"), &fresh)
            .expect("export bindings");
        let generated = std::fs::read_to_string(&fresh).expect("read generated");
        let _ = std::fs::remove_file(&fresh);
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            std::fs::write(committed, &generated).expect("write bindings");
            return;
        }
        let current = std::fs::read_to_string(committed).unwrap_or_default();
        assert!(
            current == generated,
            "ui/src/bindings.ts is stale: run `UPDATE_BINDINGS=1 cargo test -p kaizen-vsm bindings` and commit it"
        );
    }
}
