//! How the window's web view draws: with WebKitGTK's accelerated compositing, or without it.
//!
//! Accelerated compositing keeps parts of the page in layers that OpenGL moves and blends. With a
//! GPU that is what makes panning cheap. Without one (a virtual machine, a remote desktop, Xvfb in
//! CI) the OpenGL is Mesa's software rasteriser, and compositing costs more than it saves: on the
//! 500-symbol benchmark map at 1280×800 the canvas panned at 34–46 ms a frame with compositing and
//! 16–17 ms at zoom 1 without it, where WebKit paints the changed part of the window on the CPU
//! (docs/performance.md, "Fifth pass"). WebKitGTK's compositor is also a known cause of blank
//! windows on some set-ups (Evolution and Eclipse turn it off altogether). The app turns it off
//! when the machine has no GPU to composite with — no DRM render node (`/dev/dri/renderD*`) — and
//! leaves WebKit's default otherwise.
//!
//! `KAIZEN_VSM_COMPOSITING=on` or `off` overrides the choice (for a GPU that misbehaves, or to
//! compare the two).

use std::ffi::OsStr;
use std::path::Path;

/// The environment variable that overrides the choice: `on` or `off`.
pub const COMPOSITING_VARIABLE: &str = "KAIZEN_VSM_COMPOSITING";

/// Where Linux lists the GPUs' device nodes.
const DRI_DIRECTORY: &str = "/dev/dri";

/// Whether the web view should composite on a GPU: as `override_value` says (`on` or `off`), or,
/// without one (or with one it does not understand), when the machine has a GPU render node.
pub fn use_compositing(override_value: Option<&OsStr>, has_render_node: bool) -> bool {
    match override_value.and_then(OsStr::to_str).map(str::trim) {
        Some(value) if value.eq_ignore_ascii_case("on") => true,
        Some(value) if value.eq_ignore_ascii_case("off") => false,
        _ => has_render_node,
    }
}

/// Whether `dri` (normally `/dev/dri`) lists a render node (`renderD128`, …): a GPU that programs
/// may draw with. A missing or unreadable directory means none.
pub fn has_render_node(dri: &Path) -> bool {
    std::fs::read_dir(dri)
        .map(|entries| {
            entries.flatten().any(|entry| entry.file_name().to_string_lossy().starts_with("renderD"))
        })
        .unwrap_or(false)
}

/// The choice for this machine and environment.
pub fn compositing_wanted() -> bool {
    use_compositing(
        std::env::var_os(COMPOSITING_VARIABLE).as_deref(),
        has_render_node(Path::new(DRI_DIRECTORY)),
    )
}

/// Applies the choice to a window's web view. Called from the app's setup, before the page has
/// drawn its first frame; with compositing wanted, WebKit's default policy is left alone.
#[cfg(target_os = "linux")]
pub fn apply<R: tauri::Runtime>(window: &tauri::WebviewWindow<R>) -> tauri::Result<()> {
    if compositing_wanted() {
        return Ok(());
    }
    window.with_webview(|webview| {
        use webkit2gtk::{HardwareAccelerationPolicy, SettingsExt, WebViewExt};
        if let Some(settings) = webview.inner().settings() {
            settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
        }
    })
}

/// Other platforms' web views choose for themselves.
#[cfg(not(target_os = "linux"))]
pub fn apply<R: tauri::Runtime>(_window: &tauri::WebviewWindow<R>) -> tauri::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn composites_only_with_a_render_node_unless_told() {
        assert!(use_compositing(None, true));
        assert!(!use_compositing(None, false));
        assert!(use_compositing(Some(OsStr::new("on")), false));
        assert!(use_compositing(Some(OsStr::new(" ON ")), false));
        assert!(!use_compositing(Some(OsStr::new("off")), true));
        // Anything else is no override.
        assert!(use_compositing(Some(OsStr::new("maybe")), true));
        assert!(!use_compositing(Some(OsStr::new("")), false));
    }

    #[test]
    fn a_render_node_is_a_render_d_entry() {
        let dri = tempfile::tempdir().expect("temp dir");
        assert!(!has_render_node(dri.path()), "empty directory");
        std::fs::write(dri.path().join("card0"), b"").expect("card0");
        assert!(!has_render_node(dri.path()), "a display controller alone is not a render node");
        std::fs::write(dri.path().join("renderD128"), b"").expect("renderD128");
        assert!(has_render_node(dri.path()));
        assert!(!has_render_node(&dri.path().join("missing")), "no directory, no GPU");
    }
}
