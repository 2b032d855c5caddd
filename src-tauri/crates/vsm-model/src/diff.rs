//! The difference between two documents, as change batches.
//!
//! Undo and redo are history, not hand-written inverses: when a batch is applied, the store
//! records `diff(after, before)` — the batches that turn the new document back into the old one —
//! computed from the two states, whatever the batch did. [`diff`] guarantees
//! `apply_all(from, diff(from, to)) == to` for any two valid documents whose shared maps, nodes and
//! edges keep their relative order (the only orders change batches can produce).

use std::collections::{HashMap, HashSet};

use serde_json::{Map as JsonObject, Value};

use crate::json::to_canonical_value;
use crate::{Change, ChangeBatch, Document, Map};

/// Batches that turn `from` into `to`; empty when they are equal.
pub fn diff(from: &Document, to: &Document) -> Vec<ChangeBatch> {
    let mut batches = Vec::new();

    let map_changes = order_map_changes(from, to);
    if !map_changes.is_empty() {
        batches.push(ChangeBatch { map: None, changes: map_changes });
    }
    let kaizen_changes = kaizen_diff(from, to);
    if !kaizen_changes.is_empty() {
        batches.push(ChangeBatch { map: None, changes: kaizen_changes });
    }

    for to_map in &to.maps {
        if let Some(from_map) = from.map(&to_map.id) {
            let changes = map_diff(from_map, to_map);
            if !changes.is_empty() {
                batches.push(ChangeBatch { map: Some(to_map.id.clone()), changes });
            }
        }
    }
    batches
}

/// Changes of the action plan, the charter and the snapshots.
fn kaizen_diff(from: &Document, to: &Document) -> Vec<Change> {
    let mut changes = Vec::new();
    let to_actions: HashSet<&str> = to.actions.iter().map(|a| a.id.as_str()).collect();
    for action in &from.actions {
        if !to_actions.contains(action.id.as_str()) {
            changes.push(Change::RemoveAction { id: action.id.clone() });
        }
    }
    for (index, action) in to.actions.iter().enumerate() {
        match from.actions.iter().find(|a| a.id == action.id) {
            None => changes
                .push(Change::AddAction { action: Box::new(action.clone()), index: Some(index as u32) }),
            Some(old) => {
                let set = object_diff(&to_canonical_value(old), &to_canonical_value(action));
                if !set.is_empty() {
                    changes.push(Change::UpdateAction { id: action.id.clone(), set });
                }
            }
        }
    }
    if from.charter != to.charter {
        changes.push(Change::SetCharter { charter: to.charter.clone().map(Box::new) });
    }
    // A changed snapshot is replaced: snapshots are records, edited rarely and whole.
    let kept = |snapshot: &crate::Snapshot| from.snapshots.iter().any(|s| s == snapshot);
    for snapshot in &from.snapshots {
        if !to.snapshots.contains(snapshot) {
            changes.push(Change::RemoveSnapshot { id: snapshot.id.clone() });
        }
    }
    for (index, snapshot) in to.snapshots.iter().enumerate() {
        if !kept(snapshot) {
            changes.push(Change::AddSnapshot {
                snapshot: Box::new(snapshot.clone()),
                index: Some(index as u32),
            });
        }
    }
    changes
}

/// Map additions (at their final relative place) followed by removals, so the document never
/// drops to zero maps on the way.
fn order_map_changes(from: &Document, to: &Document) -> Vec<Change> {
    let to_ids: HashSet<&str> = to.maps.iter().map(|map| map.id.as_str()).collect();
    let mut present: Vec<&str> = from.maps.iter().map(|map| map.id.as_str()).collect();
    let mut changes = Vec::new();
    let mut previous: Option<&str> = None;
    for map in &to.maps {
        if !present.contains(&map.id.as_str()) {
            let index = insertion_after(&present, previous);
            present.insert(index, map.id.as_str());
            changes.push(Change::AddMap { map: map.clone(), index: Some(index as u32) });
        }
        previous = Some(map.id.as_str());
    }
    for map in &from.maps {
        if !to_ids.contains(map.id.as_str()) {
            changes.push(Change::RemoveMap { id: map.id.clone() });
        }
    }
    changes
}

/// Index right after `previous` in `present`, or 0 when there is no previous element.
fn insertion_after(present: &[&str], previous: Option<&str>) -> usize {
    previous.and_then(|id| present.iter().position(|p| *p == id)).map_or(0, |i| i + 1)
}

/// Changes that turn map `from` into map `to` (same id).
fn map_diff(from: &Map, to: &Map) -> Vec<Change> {
    let mut changes = Vec::new();

    let set = map_fields_diff(from, to);
    if !set.is_empty() {
        changes.push(Change::UpdateMap { set });
    }

    let to_edges: HashMap<&str, usize> =
        to.edges.iter().enumerate().map(|(i, e)| (e.id.as_str(), i)).collect();
    let from_edges: HashMap<&str, usize> =
        from.edges.iter().enumerate().map(|(i, e)| (e.id.as_str(), i)).collect();
    let to_nodes: HashSet<&str> = to.nodes.iter().map(|n| n.id.as_str()).collect();

    // 1. Edges that go away, before anything can cascade into them.
    for edge in &from.edges {
        if !to_edges.contains_key(edge.id.as_str()) {
            changes.push(Change::RemoveEdge { id: edge.id.clone() });
        }
    }
    // 2. New nodes, each right after its predecessor in `to`, while old nodes are still present.
    let mut present: Vec<&str> = from.nodes.iter().map(|n| n.id.as_str()).collect();
    let mut previous: Option<&str> = None;
    for node in &to.nodes {
        if !present.contains(&node.id.as_str()) {
            let index = insertion_after(&present, previous);
            present.insert(index, node.id.as_str());
            changes.push(Change::AddNode { node: Box::new(node.clone()), index: Some(index as u32) });
        }
        previous = Some(node.id.as_str());
    }
    // 3. Changed edges (now every node they may point to exists).
    for edge in &to.edges {
        if let Some(&i) = from_edges.get(edge.id.as_str()) {
            let set = object_diff(&to_canonical_value(&from.edges[i]), &to_canonical_value(edge));
            if !set.is_empty() {
                changes.push(Change::UpdateEdge { id: edge.id.clone(), set });
            }
        }
    }
    // 4. Changed nodes.
    for node in &to.nodes {
        if let Some(old) = from.node(&node.id) {
            let set = object_diff(&to_canonical_value(old), &to_canonical_value(node));
            if !set.is_empty() {
                changes.push(Change::UpdateNode { id: node.id.clone(), set });
            }
        }
    }
    // 5. Nodes that go away; their edges are already gone and bursts already retargeted.
    for node in &from.nodes {
        if !to_nodes.contains(node.id.as_str()) {
            changes.push(Change::RemoveNode { id: node.id.clone() });
        }
    }
    // 6. New edges, in final order (all removals are done, shared edges keep their order).
    for (index, edge) in to.edges.iter().enumerate() {
        if !from_edges.contains_key(edge.id.as_str()) {
            changes.push(Change::AddEdge { edge: edge.clone(), index: Some(index as u32) });
        }
    }
    changes
}

fn map_fields_diff(from: &Map, to: &Map) -> JsonObject<String, Value> {
    let mut set = JsonObject::new();
    let old = to_canonical_value(from);
    let new = to_canonical_value(to);
    for key in ["title", "state", "derived_from", "calendar", "demand"] {
        let (before, after) = (old.get(key), new.get(key));
        if before == after {
            continue;
        }
        match (before, after) {
            (Some(Value::Object(_)), Some(Value::Object(_))) => {
                let inner = object_diff(before.unwrap_or(&Value::Null), after.unwrap_or(&Value::Null));
                set.insert(key.to_owned(), Value::Object(inner));
            }
            (_, Some(value)) => {
                set.insert(key.to_owned(), value.clone());
            }
            (_, None) => {
                set.insert(key.to_owned(), Value::Null);
            }
        }
    }
    set
}

/// Keys whose values differ between two JSON objects; keys gone from `to` map to `null`.
fn object_diff(from: &Value, to: &Value) -> JsonObject<String, Value> {
    let empty = JsonObject::new();
    let from = from.as_object().unwrap_or(&empty);
    let to = to.as_object().unwrap_or(&empty);
    let mut set = JsonObject::new();
    for (key, value) in to {
        if from.get(key) != Some(value) {
            set.insert(key.clone(), value.clone());
        }
    }
    for key in from.keys() {
        if !to.contains_key(key) {
            set.insert(key.clone(), Value::Null);
        }
    }
    set
}
