//! Accepting a suggestion: the improvement goes into a future state (never the current state it
//! was found on), marked by a kaizen burst linked to a new action of the plan whose expected
//! effect is the projection. All of it is one change batch, so one undo takes it back.

use vsm_model::{Action, ActionStatus, Change, ChangeBatch, Document, Effect, Map, MapState, Node, NodeKind};

use crate::{Settings, Suggestion, fresh, suggest};

/// The batch that accepts a suggestion, and the map it changes.
#[derive(Debug, Clone, PartialEq)]
pub struct Acceptance {
    /// The future state that receives the improvement (new or existing).
    pub map: String,
    /// The suggestion as found on that map (its projection is the expected effect).
    pub suggestion: Suggestion,
    /// Add the future state when there was none, the improvement, the action, the burst.
    pub batch: ChangeBatch,
}

/// A future state derived from `map`: the same symbols, linked by `derived_from`, with an id not
/// used in `document` (`future`, `future-2`, …).
pub fn future_state_of(document: &Document, map: &Map) -> Map {
    let base = if map.title.trim().is_empty() { map.id.as_str() } else { map.title.as_str() };
    let base = ["— current state", "- current state"]
        .iter()
        .find_map(|suffix| base.strip_suffix(suffix))
        .unwrap_or(base)
        .trim_end();
    Map {
        id: fresh(|id| document.map(id).is_some(), "future"),
        title: format!("{base} — future state"),
        state: MapState::Future,
        derived_from: Some(map.id.clone()),
        ..map.clone()
    }
}

/// Where suggestions found on `map_id` are accepted: the map itself when it is a future state,
/// else its first future state, or `None` when one has to be made.
pub fn future_state_for<'a>(document: &'a Document, map_id: &str) -> Option<&'a Map> {
    let map = document.map(map_id)?;
    if map.state == MapState::Future {
        return Some(map);
    }
    document.maps.iter().find(|m| m.state == MapState::Future && m.derived_from.as_deref() == Some(map_id))
}

/// Accepts the suggestion of `rule` about `targets` found on map `map_id`. The rule is checked
/// again on the future state that receives it (made from `map_id` when there is none), so an
/// improvement already made there, or one that no longer applies, is refused with the reason.
pub fn accept(
    document: &Document,
    map_id: &str,
    rule: &str,
    targets: &[String],
    settings: &Settings,
) -> Result<Acceptance, String> {
    let source = document.map(map_id).ok_or_else(|| format!("the document has no map \"{map_id}\""))?;
    let (working, target_id, mut changes) = match future_state_for(document, map_id) {
        Some(future) => (document.clone(), future.id.clone(), Vec::new()),
        None => {
            let future = future_state_of(document, source);
            let add = Change::AddMap { map: future.clone(), index: None };
            let batch = ChangeBatch { map: None, changes: vec![add.clone()] };
            let working = vsm_model::apply(document, &batch).map_err(|e| e.to_string())?;
            (working, future.id, vec![add])
        }
    };
    let target = working.map(&target_id).ok_or_else(|| format!("the document has no map \"{target_id}\""))?;
    let suggestion = suggest(&working, &target_id, settings)
        .into_iter()
        .find(|s| s.rule == rule && s.targets == targets)
        .ok_or_else(|| {
            format!("\"{}\" already has this improvement, or it no longer applies there", target.title)
        })?;
    let improved = vsm_model::apply(&working, &suggestion.changes).map_err(|e| e.to_string())?;
    let improved_map = improved.map(&target_id).ok_or_else(|| "the future state vanished".to_owned())?;
    // The burst marks the first target still on the map (a stock that flow removed is gone).
    let anchor = suggestion.targets.iter().find_map(|id| improved_map.node(id));
    let burst_id = fresh(|id| improved_map.node(id).is_some() || improved_map.edge(id).is_some(), "burst");
    let action_id = fresh(|id| document.actions.iter().any(|a| a.id == id), "action");
    let action = Action {
        id: action_id.clone(),
        title: suggestion.title.clone(),
        owner: String::new(),
        due: None,
        status: ActionStatus::Planned,
        map: Some(target_id.clone()),
        burst: Some(burst_id.clone()),
        rule: Some(suggestion.rule.clone()),
        expected: Some(effect_of(&suggestion.projected, None)),
        actual: None,
        notes: suggestion.why.clone(),
    };
    let (x, y) = anchor.map_or((40.0, 40.0), |node| (node.x, node.y - 110.0));
    let burst = Node {
        name: suggestion.title.clone(),
        x,
        y,
        target: anchor.map(|node| node.id.clone()),
        action: Some(action_id),
        waste: (!suggestion.waste.is_empty()).then(|| suggestion.waste.clone()),
        ..Node::new(burst_id, NodeKind::KaizenBurst)
    };
    changes.extend(suggestion.changes.changes.iter().cloned());
    changes.push(Change::AddAction { action: Box::new(action), index: None });
    changes.push(Change::AddNode { node: Box::new(burst), index: None });
    let batch = ChangeBatch { map: Some(target_id.clone()), changes };
    Ok(Acceptance { map: target_id, suggestion, batch })
}

/// The effect measured on snapshot `snapshot_id`: its headline figures, linked to it. This is
/// what an action's `actual` records once the team has re-measured the value stream.
pub fn measured_effect(document: &Document, snapshot_id: &str) -> Option<Effect> {
    let snapshot = document.snapshots.iter().find(|s| s.id == snapshot_id)?;
    let report = vsm_metrics::report::map_report(&vsm_metrics::map_metrics(&snapshot.map));
    Some(effect_of(&report, Some(snapshot.id.clone())))
}

fn effect_of(report: &vsm_metrics::report::MapReport, snapshot: Option<String>) -> Effect {
    Effect {
        lead_time_s: report.lead_time_s,
        processing_time_s: report.processing_time_s,
        va_ratio: report.va_ratio,
        rolled_pca: report.rolled_pca,
        snapshot,
    }
}
