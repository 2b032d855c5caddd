//! Change batches: every edit of a document, from the canvas or a script, as data.
//!
//! A batch is applied all or nothing: [`apply`] works on a copy and returns the new document only
//! if every change applies and the result validates. Errors point into the batch
//! (`/changes/2/set/uptime`), so a script author sees which change was refused and why.
//! The operations are those of docs/file-format.md plus `add_map`/`remove_map` and an optional
//! `index` on additions (used by undo to put a removed element back where it was).

use serde::{Deserialize, Serialize};
use serde_json::{Map as JsonObject, Value};

use crate::json::{
    check_edge_key, check_keys, check_map_keys, check_nested_keys, check_node_key, check_node_keys,
    parse_json, to_canonical_value, typed,
};
use crate::problem::{Problem, Problems, push_pointer};
use crate::validate::{self, node_problems};
use crate::{Action, Charter, Document, Edge, EdgeKind, Map, ModelError, Node, Snapshot};

/// A list of changes to apply to one map of a document in one transaction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct ChangeBatch {
    /// The map that node, edge and `update_map` changes apply to; may be left out when the
    /// document has exactly one map.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub map: Option<String>,
    /// The changes, applied in order.
    pub changes: Vec<Change>,
}

/// One change of a [`ChangeBatch`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Change {
    /// Adds a node, at the end or at `index`.
    AddNode {
        /// The new node (boxed: nodes are large and the other changes small).
        node: Box<Node>,
        /// Position in the map's node list (default: the end).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        index: Option<u32>,
    },
    /// Sets fields of a node; `null` clears a field.
    UpdateNode {
        /// The node to change.
        id: String,
        /// Field → new value.
        set: JsonObject<String, Value>,
    },
    /// Removes a node, its edges, and the `target` of bursts that pointed at it.
    RemoveNode {
        /// The node to remove.
        id: String,
    },
    /// Adds an edge, at the end or at `index`.
    AddEdge {
        /// The new edge.
        edge: Edge,
        /// Position in the map's edge list (default: the end).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        index: Option<u32>,
    },
    /// Sets fields of an edge; `null` clears a field.
    UpdateEdge {
        /// The edge to change.
        id: String,
        /// Field → new value.
        set: JsonObject<String, Value>,
    },
    /// Removes an edge.
    RemoveEdge {
        /// The edge to remove.
        id: String,
    },
    /// Sets map fields (`title`, `state`, `derived_from`, `calendar`, `demand`); `calendar` and
    /// `demand` merge field by field.
    UpdateMap {
        /// Field → new value.
        set: JsonObject<String, Value>,
    },
    /// Adds a whole map to the document, at the end or at `index`.
    AddMap {
        /// The new map.
        map: Map,
        /// Position in the document's map list (default: the end).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        index: Option<u32>,
    },
    /// Removes a map; maps derived from it lose their `derived_from`.
    RemoveMap {
        /// The map to remove.
        id: String,
    },
    /// Adds an action to the plan, at the end or at `index`.
    AddAction {
        /// The new action.
        action: Box<Action>,
        /// Position in the plan (default: the end).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        index: Option<u32>,
    },
    /// Sets fields of an action; `null` clears a field.
    UpdateAction {
        /// The action to change.
        id: String,
        /// Field → new value.
        set: JsonObject<String, Value>,
    },
    /// Removes an action; bursts that stood for it lose their `action`.
    RemoveAction {
        /// The action to remove.
        id: String,
    },
    /// Replaces the charter whole (`null` removes it).
    SetCharter {
        /// The new charter.
        charter: Option<Box<Charter>>,
    },
    /// Adds a dated snapshot of a map, at the end or at `index`.
    AddSnapshot {
        /// The snapshot.
        snapshot: Box<Snapshot>,
        /// Position among the snapshots (default: the end).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        index: Option<u32>,
    },
    /// Removes a snapshot; effects measured on it lose their link.
    RemoveSnapshot {
        /// The snapshot to remove.
        id: String,
    },
}

const BATCH_FIELDS: [&str; 2] = ["map", "changes"];
const MAP_SET_FIELDS: [&str; 5] = ["title", "state", "derived_from", "calendar", "demand"];
const OPS: [(&str, &[&str]); 15] = [
    ("add_node", &["op", "node", "index"]),
    ("update_node", &["op", "id", "set"]),
    ("remove_node", &["op", "id"]),
    ("add_edge", &["op", "edge", "index"]),
    ("update_edge", &["op", "id", "set"]),
    ("remove_edge", &["op", "id"]),
    ("update_map", &["op", "set"]),
    ("add_map", &["op", "map", "index"]),
    ("remove_map", &["op", "id"]),
    ("add_action", &["op", "action", "index"]),
    ("update_action", &["op", "id", "set"]),
    ("remove_action", &["op", "id"]),
    ("set_charter", &["op", "charter"]),
    ("add_snapshot", &["op", "snapshot", "index"]),
    ("remove_snapshot", &["op", "id"]),
];

/// Reads a change batch from JSON text, checking every key before typed parsing.
pub fn read_batch(text: &str) -> Result<ChangeBatch, ModelError> {
    parse_batch(parse_json(text)?)
}

/// Reads a change batch from a JSON value (e.g. received over IPC).
pub fn parse_batch(value: Value) -> Result<ChangeBatch, ModelError> {
    let mut problems = Vec::new();
    let Some(root) = value.as_object() else {
        return Err(ModelError::invalid("", "a change batch must be an object with \"changes\""));
    };
    check_keys(root, "", &BATCH_FIELDS, &mut problems);
    match root.get("changes") {
        Some(Value::Array(changes)) => {
            for (i, change) in changes.iter().enumerate() {
                check_change_keys(change, &format!("/changes/{i}"), &mut problems);
            }
        }
        Some(_) => problems.push(Problem::new("/changes", "changes must be a list of changes")),
        None => problems.push(Problem::new("/changes", "required field changes is missing")),
    }
    if !problems.is_empty() {
        return Err(ModelError::Invalid(Problems(problems)));
    }
    typed(value, "")
}

fn check_change_keys(change: &Value, pointer: &str, problems: &mut Vec<Problem>) {
    let Some(object) = change.as_object() else {
        problems.push(Problem::new(pointer, "a change must be an object with an \"op\""));
        return;
    };
    let op = object.get("op").and_then(Value::as_str).unwrap_or_default();
    let Some((_, allowed)) = OPS.iter().find(|(name, _)| *name == op) else {
        let names: Vec<&str> = OPS.iter().map(|(name, _)| *name).collect();
        problems.push(Problem::new(
            push_pointer(pointer, "op"),
            format!("op {:?} is not a change operation; expected one of {}", op, names.join(", ")),
        ));
        return;
    };
    check_keys(object, pointer, allowed, problems);
    if let Some(node) = object.get("node") {
        check_node_keys(node, &push_pointer(pointer, "node"), problems);
    }
    if let Some(map) = object.get("map") {
        check_map_keys(map, &push_pointer(pointer, "map"), problems);
    }
    if let Some(map) = object.get("snapshot").and_then(|snapshot| snapshot.get("map")) {
        check_map_keys(map, &push_pointer(&push_pointer(pointer, "snapshot"), "map"), problems);
    }
    if let Some(edge) = object.get("edge") {
        // The edge is typed later; keys are checked here for "did you mean" messages.
        if let Some(fields) = edge.as_object() {
            let kind = fields.get("kind").and_then(|k| serde_json::from_value::<EdgeKind>(k.clone()).ok());
            for key in fields.keys() {
                check_edge_key(kind, key, &push_pointer(pointer, "edge"), problems);
            }
        }
    }
    if let Some(Value::Object(set)) = object.get("set") {
        let at = push_pointer(pointer, "set");
        for key in set.keys() {
            match op {
                "update_node" => check_node_key(None, key, &at, problems),
                "update_edge" => check_edge_key(None, key, &at, problems),
                _ => {}
            }
            if key == "id" {
                problems.push(Problem::new(
                    push_pointer(&at, "id"),
                    "id cannot be changed: remove the element and add it under the new id",
                ));
            }
        }
        if op == "update_node" {
            crate::json::check_variability_keys(set, &at, problems);
        }
        if op == "update_map" {
            check_keys(set, &at, &MAP_SET_FIELDS, problems);
            check_nested_keys(set, &at, problems);
        }
    }
}

/// Applies `batch` to a copy of `document`; returns the new document, or why nothing changed.
pub fn apply(document: &Document, batch: &ChangeBatch) -> Result<Document, ModelError> {
    apply_all(document, std::slice::from_ref(batch))
}

/// Applies several batches in order, all or nothing.
pub fn apply_all(document: &Document, batches: &[ChangeBatch]) -> Result<Document, ModelError> {
    let mut next = document.clone();
    for batch in batches {
        for (i, change) in batch.changes.iter().enumerate() {
            apply_change(&mut next, batch.map.as_deref(), change, &format!("/changes/{i}"))?;
        }
    }
    validate::document(&next)?;
    Ok(next)
}

fn target_map<'a>(
    document: &'a mut Document,
    map: Option<&str>,
    pointer: &str,
) -> Result<&'a mut Map, ModelError> {
    let index = match map {
        Some(id) => document
            .map_index(id)
            .ok_or_else(|| ModelError::invalid("/map", format!("the document has no map \"{id}\"")))?,
        None if document.maps.len() == 1 => 0,
        None => {
            return Err(ModelError::invalid(
                pointer,
                format!("the batch names no \"map\" and the document has {} maps", document.maps.len()),
            ));
        }
    };
    Ok(&mut document.maps[index])
}

fn apply_change(
    document: &mut Document,
    map_id: Option<&str>,
    change: &Change,
    pointer: &str,
) -> Result<(), ModelError> {
    match change {
        Change::AddMap { map, index } => {
            if document.map(&map.id).is_some() {
                return Err(ModelError::invalid(
                    format!("{pointer}/map/id"),
                    format!("the document already has a map \"{}\"", map.id),
                ));
            }
            let at = insert_index(*index, document.maps.len(), pointer, "maps")?;
            document.maps.insert(at, map.clone());
        }
        Change::RemoveMap { id } => {
            let at = document.map_index(id).ok_or_else(|| {
                ModelError::invalid(format!("{pointer}/id"), format!("the document has no map \"{id}\""))
            })?;
            if document.maps.len() == 1 {
                return Err(ModelError::invalid(
                    format!("{pointer}/id"),
                    format!("map \"{id}\" is the only map: a document keeps at least one"),
                ));
            }
            document.maps.remove(at);
            for map in &mut document.maps {
                if map.derived_from.as_deref() == Some(id.as_str()) {
                    map.derived_from = None;
                }
            }
        }
        Change::AddAction { action, index } => {
            if document.actions.iter().any(|a| a.id == action.id) {
                return Err(ModelError::invalid(
                    format!("{pointer}/action/id"),
                    format!("the document already has an action \"{}\"", action.id),
                ));
            }
            let at = insert_index(*index, document.actions.len(), pointer, "actions")?;
            document.actions.insert(at, (**action).clone());
        }
        Change::UpdateAction { id, set } => {
            let position = document.actions.iter().position(|a| a.id == *id).ok_or_else(|| {
                ModelError::invalid(format!("{pointer}/id"), format!("the document has no action \"{id}\""))
            })?;
            let mut value = to_canonical_value(&document.actions[position]);
            if let Some(object) = value.as_object_mut() {
                merge(object, set);
            }
            document.actions[position] = typed(value, &push_pointer(pointer, "set"))?;
        }
        Change::RemoveAction { id } => {
            let position = document.actions.iter().position(|a| a.id == *id).ok_or_else(|| {
                ModelError::invalid(format!("{pointer}/id"), format!("the document has no action \"{id}\""))
            })?;
            document.actions.remove(position);
            for node in document.maps.iter_mut().flat_map(|map| map.nodes.iter_mut()) {
                if node.action.as_deref() == Some(id.as_str()) {
                    node.action = None;
                }
            }
        }
        Change::SetCharter { charter } => document.charter = charter.as_deref().cloned(),
        Change::AddSnapshot { snapshot, index } => {
            if document.snapshots.iter().any(|s| s.id == snapshot.id) {
                return Err(ModelError::invalid(
                    format!("{pointer}/snapshot/id"),
                    format!("the document already has a snapshot \"{}\"", snapshot.id),
                ));
            }
            let at = insert_index(*index, document.snapshots.len(), pointer, "snapshots")?;
            document.snapshots.insert(at, (**snapshot).clone());
        }
        Change::RemoveSnapshot { id } => {
            let position = document.snapshots.iter().position(|s| s.id == *id).ok_or_else(|| {
                ModelError::invalid(format!("{pointer}/id"), format!("the document has no snapshot \"{id}\""))
            })?;
            document.snapshots.remove(position);
            for action in &mut document.actions {
                for effect in [&mut action.expected, &mut action.actual].into_iter().flatten() {
                    if effect.snapshot.as_deref() == Some(id.as_str()) {
                        effect.snapshot = None;
                    }
                }
            }
        }
        Change::UpdateMap { set } => {
            let map = target_map(document, map_id, pointer)?;
            let mut value = to_canonical_value(&*map);
            if let Some(object) = value.as_object_mut() {
                for (key, new) in set {
                    match (object.get_mut(key), new) {
                        (Some(Value::Object(old)), Value::Object(fields)) => merge(old, fields),
                        (_, Value::Null) => {
                            object.remove(key);
                        }
                        (_, Value::Object(fields)) => {
                            let mut fresh = JsonObject::new();
                            merge(&mut fresh, fields);
                            object.insert(key.clone(), Value::Object(fresh));
                        }
                        _ => {
                            object.insert(key.clone(), new.clone());
                        }
                    }
                }
            }
            let updated: Map = typed(value, &push_pointer(pointer, "set"))?;
            *map = updated;
        }
        Change::AddNode { node, index } => {
            let map = target_map(document, map_id, pointer)?;
            let at = push_pointer(pointer, "node");
            check_free_id(map, &node.id, &push_pointer(&at, "id"))?;
            check_node(node, &at)?;
            let position = insert_index(*index, map.nodes.len(), pointer, "nodes")?;
            map.nodes.insert(position, (**node).clone());
        }
        Change::UpdateNode { id, set } => {
            let map = target_map(document, map_id, pointer)?;
            let position = node_position(map, id, pointer)?;
            let mut value = to_canonical_value(&map.nodes[position]);
            if let Some(object) = value.as_object_mut() {
                merge(object, set);
            }
            let at = push_pointer(pointer, "set");
            let updated: Node = typed(value, &at)?;
            check_node(&updated, &at)?;
            map.nodes[position] = updated;
        }
        Change::RemoveNode { id } => {
            let map = target_map(document, map_id, pointer)?;
            let position = node_position(map, id, pointer)?;
            map.nodes.remove(position);
            map.edges.retain(|edge| edge.from != *id && edge.to != *id);
            for node in &mut map.nodes {
                if node.target.as_deref() == Some(id.as_str()) {
                    node.target = None;
                }
            }
        }
        Change::AddEdge { edge, index } => {
            let map = target_map(document, map_id, pointer)?;
            let at = push_pointer(pointer, "edge");
            check_free_id(map, &edge.id, &push_pointer(&at, "id"))?;
            check_edge_ends(edge, map, &at)?;
            let position = insert_index(*index, map.edges.len(), pointer, "edges")?;
            map.edges.insert(position, edge.clone());
        }
        Change::UpdateEdge { id, set } => {
            let map = target_map(document, map_id, pointer)?;
            let position = map.edges.iter().position(|edge| edge.id == *id).ok_or_else(|| {
                ModelError::invalid(
                    format!("{pointer}/id"),
                    format!("map \"{}\" has no edge \"{id}\"", map.id),
                )
            })?;
            let mut value = to_canonical_value(&map.edges[position]);
            if let Some(object) = value.as_object_mut() {
                merge(object, set);
            }
            let at = push_pointer(pointer, "set");
            let updated: Edge = typed(value, &at)?;
            check_edge_ends(&updated, map, &at)?;
            map.edges[position] = updated;
        }
        Change::RemoveEdge { id } => {
            let map = target_map(document, map_id, pointer)?;
            let position = map.edges.iter().position(|edge| edge.id == *id).ok_or_else(|| {
                ModelError::invalid(
                    format!("{pointer}/id"),
                    format!("map \"{}\" has no edge \"{id}\"", map.id),
                )
            })?;
            map.edges.remove(position);
        }
    }
    Ok(())
}

/// Sets `fields` into `object`; a `null` removes the key.
fn merge(object: &mut JsonObject<String, Value>, fields: &JsonObject<String, Value>) {
    for (key, value) in fields {
        if value.is_null() {
            object.remove(key);
        } else {
            object.insert(key.clone(), value.clone());
        }
    }
}

fn insert_index(index: Option<u32>, len: usize, pointer: &str, list: &str) -> Result<usize, ModelError> {
    match index.map(|i| i as usize) {
        None => Ok(len),
        Some(i) if i <= len => Ok(i),
        Some(i) => Err(ModelError::invalid(
            format!("{pointer}/index"),
            format!("index {i} is past the end of {list} (there are {len})"),
        )),
    }
}

fn node_position(map: &Map, id: &str, pointer: &str) -> Result<usize, ModelError> {
    map.nodes.iter().position(|node| node.id == id).ok_or_else(|| {
        ModelError::invalid(format!("{pointer}/id"), format!("map \"{}\" has no node \"{id}\"", map.id))
    })
}

fn check_free_id(map: &Map, id: &str, pointer: &str) -> Result<(), ModelError> {
    if map.node(id).is_some() || map.edge(id).is_some() {
        return Err(ModelError::invalid(
            pointer,
            format!("map \"{}\" already has an element with id \"{id}\"", map.id),
        ));
    }
    Ok(())
}

/// Checks a node being added or changed: its own fields and ranges. References (a burst's
/// `target`) are checked on the whole result, since a batch may add the target later.
fn check_node(node: &Node, pointer: &str) -> Result<(), ModelError> {
    let mut problems = Vec::new();
    node_problems(node, pointer, &mut problems);
    if problems.is_empty() { Ok(()) } else { Err(ModelError::Invalid(Problems(problems))) }
}

fn check_edge_ends(edge: &Edge, map: &Map, pointer: &str) -> Result<(), ModelError> {
    let problems: Vec<Problem> = [("from", &edge.from), ("to", &edge.to)]
        .into_iter()
        .filter(|(_, end)| map.node(end).is_none())
        .map(|(field, end)| {
            Problem::new(
                push_pointer(pointer, field),
                format!("{field} \"{end}\" is not a node of map \"{}\"", map.id),
            )
        })
        .collect();
    if problems.is_empty() { Ok(()) } else { Err(ModelError::Invalid(Problems(problems))) }
}
