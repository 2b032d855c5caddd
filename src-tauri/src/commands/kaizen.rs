//! Commands of the Kaizen loop: improvement suggestions, accepting one into a future state,
//! deriving a future state, and comparing two states of the value stream.

use tauri::{AppHandle, Runtime};
use vsm_kaizen::{Comparison, Settings, Suggestion};
use vsm_model::{Change, ChangeBatch, Map};

use super::with_workspace;
use crate::dto::{AppError, ErrorCode, MapChanged};

/// The improvement suggestions for one map, largest lead-time reduction first.
#[tauri::command]
#[specta::specta]
pub async fn suggestions<R: Runtime>(app: AppHandle<R>, map_id: String) -> Result<Vec<Suggestion>, AppError> {
    with_workspace(&app, move |workspace| {
        let document = workspace.current()?.document();
        workspace.map(&map_id)?;
        Ok(vsm_kaizen::suggest(document, &map_id, &Settings::default()))
    })
    .await
}

/// Accepts the suggestion of `rule` about `targets` found on map `map_id`: the change goes into
/// the map's future state (made when there is none) with a kaizen burst and a planned action,
/// in one undoable step.
#[tauri::command]
#[specta::specta]
pub async fn accept_suggestion<R: Runtime>(
    app: AppHandle<R>,
    map_id: String,
    rule: String,
    targets: Vec<String>,
) -> Result<MapChanged, AppError> {
    with_workspace(&app, move |workspace| {
        let document = workspace.current()?.document();
        let acceptance = vsm_kaizen::accept(document, &map_id, &rule, &targets, &Settings::default())
            .map_err(|reason| AppError::new(ErrorCode::Invalid, reason))?;
        workspace.current_mut()?.apply(&acceptance.batch)?;
        Ok(MapChanged { map: acceptance.map, state: workspace.state()? })
    })
    .await
}

/// Adds a future state derived from map `map_id` (a linked copy) and returns its id.
#[tauri::command]
#[specta::specta]
pub async fn derive_future_state<R: Runtime>(
    app: AppHandle<R>,
    map_id: String,
) -> Result<MapChanged, AppError> {
    with_workspace(&app, move |workspace| {
        let future = vsm_kaizen::future_state_of(workspace.current()?.document(), workspace.map(&map_id)?);
        let id = future.id.clone();
        let batch = ChangeBatch { map: None, changes: vec![Change::AddMap { map: future, index: None }] };
        workspace.current_mut()?.apply(&batch)?;
        Ok(MapChanged { map: id, state: workspace.state()? })
    })
    .await
}

/// Compares two maps or snapshots of the open document (`from` and `to` are map or snapshot ids).
#[tauri::command]
#[specta::specta]
pub async fn compare_states<R: Runtime>(
    app: AppHandle<R>,
    from: String,
    to: String,
) -> Result<Comparison, AppError> {
    with_workspace(&app, move |workspace| {
        let document = workspace.current()?.document();
        let find = |id: &str| {
            vsm_kaizen::state(document, id)
                .ok_or_else(|| AppError::new(ErrorCode::BadRequest, format!("no map or snapshot \"{id}\"")))
        };
        Ok(vsm_kaizen::compare(&from, find(&from)?, &to, find(&to)?))
    })
    .await
}

/// Records the effect measured on snapshot `snapshot_id` as the actual effect of action `action_id`.
#[tauri::command]
#[specta::specta]
pub async fn measure_action<R: Runtime>(
    app: AppHandle<R>,
    action_id: String,
    snapshot_id: String,
) -> Result<crate::dto::DocumentState, AppError> {
    with_workspace(&app, move |workspace| {
        let document = workspace.current()?.document();
        let effect = vsm_kaizen::measured_effect(document, &snapshot_id)
            .ok_or_else(|| AppError::new(ErrorCode::BadRequest, format!("no snapshot \"{snapshot_id}\"")))?;
        let mut set = serde_json::Map::new();
        set.insert("actual".to_owned(), vsm_model::json::to_canonical_value(&effect));
        let batch = ChangeBatch { map: None, changes: vec![Change::UpdateAction { id: action_id, set }] };
        workspace.current_mut()?.apply(&batch)?;
        workspace.state()
    })
    .await
}

/// The map that `batch` would make, without changing the document: the preview of a suggestion
/// on the map before the user accepts it.
#[tauri::command]
#[specta::specta]
pub async fn preview_changes<R: Runtime>(app: AppHandle<R>, batch: ChangeBatch) -> Result<Map, AppError> {
    with_workspace(&app, move |workspace| {
        let map_id = batch
            .map
            .clone()
            .ok_or_else(|| AppError::new(ErrorCode::BadRequest, "a preview needs the batch's map"))?;
        let changed = vsm_model::apply(workspace.current()?.document(), &batch)?;
        changed
            .map(&map_id)
            .cloned()
            .ok_or_else(|| AppError::new(ErrorCode::BadRequest, format!("no map \"{map_id}\"")))
    })
    .await
}
