//! The `maps`, `nodes` and `edges` tables: loading a document and writing what changed.
//!
//! Rows hold the canonical JSON of each element. Writing compares the document before and after
//! an edit and touches only rows whose position or body changed, so dragging one box in a map of
//! five hundred writes one row.

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension, params};
use serde_json::Value;
use vsm_model::json::to_canonical_value;
use vsm_model::{Document, Edge, Map, Node};

/// A row failed to decode: the file's content is damaged or was edited by hand.
#[derive(Debug)]
pub struct BadRow(pub String);

/// Reads the whole document.
pub fn load(conn: &Connection) -> rusqlite::Result<Result<Document, BadRow>> {
    let mut maps = Vec::new();
    let mut statement = conn.prepare("SELECT id, body FROM maps ORDER BY position")?;
    let rows: Vec<(String, String)> =
        statement.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
    for (id, body) in rows {
        let mut value: Value = match serde_json::from_str(&body) {
            Ok(value) => value,
            Err(error) => return Ok(Err(BadRow(format!("map \"{id}\": {error}")))),
        };
        if let Some(object) = value.as_object_mut() {
            object.insert("nodes".into(), Value::Array(Vec::new()));
            object.insert("edges".into(), Value::Array(Vec::new()));
        }
        let mut map: Map = match serde_json::from_value(value) {
            Ok(map) => map,
            Err(error) => return Ok(Err(BadRow(format!("map \"{id}\": {error}")))),
        };
        map.nodes = match load_elements(conn, "nodes", &id)? {
            Ok(nodes) => nodes,
            Err(bad) => return Ok(Err(bad)),
        };
        map.edges = match load_elements(conn, "edges", &id)? {
            Ok(edges) => edges,
            Err(bad) => return Ok(Err(bad)),
        };
        maps.push(map);
    }
    let actions = match load_records(conn, "actions")? {
        Ok(actions) => actions,
        Err(bad) => return Ok(Err(bad)),
    };
    let snapshots = match load_records(conn, "snapshots")? {
        Ok(snapshots) => snapshots,
        Err(bad) => return Ok(Err(bad)),
    };
    let charter: Option<String> =
        conn.query_row("SELECT value FROM meta WHERE key = 'charter'", [], |row| row.get(0)).optional()?;
    let charter = match charter.map(|text| serde_json::from_str(&text)) {
        None => None,
        Some(Ok(charter)) => Some(charter),
        Some(Err(error)) => return Ok(Err(BadRow(format!("charter: {error}")))),
    };
    Ok(Ok(Document { maps, actions, charter, snapshots }))
}

/// The rows of a document-level table (`actions`, `snapshots`), in order.
fn load_records<T: serde::de::DeserializeOwned>(
    conn: &Connection,
    table: &str,
) -> rusqlite::Result<Result<Vec<T>, BadRow>> {
    let mut statement = conn.prepare_cached(&format!("SELECT id, body FROM {table} ORDER BY position"))?;
    let rows: Vec<(String, String)> =
        statement.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
    let mut records = Vec::with_capacity(rows.len());
    for (id, body) in rows {
        match serde_json::from_str(&body) {
            Ok(record) => records.push(record),
            Err(error) => return Ok(Err(BadRow(format!("{table} row \"{id}\": {error}")))),
        }
    }
    Ok(Ok(records))
}

fn load_elements<T: serde::de::DeserializeOwned>(
    conn: &Connection,
    table: &str,
    map_id: &str,
) -> rusqlite::Result<Result<Vec<T>, BadRow>> {
    let mut statement =
        conn.prepare_cached(&format!("SELECT id, body FROM {table} WHERE map_id = ?1 ORDER BY position"))?;
    let rows: Vec<(String, String)> = statement
        .query_map([map_id], |row| Ok((row.get(0)?, row.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut elements = Vec::with_capacity(rows.len());
    for (id, body) in rows {
        match serde_json::from_str(&body) {
            Ok(element) => elements.push(element),
            Err(error) => {
                return Ok(Err(BadRow(format!("{table} row \"{id}\" of map \"{map_id}\": {error}"))));
            }
        }
    }
    Ok(Ok(elements))
}

/// Writes the rows that differ between `before` and `after`.
pub fn write_changes(conn: &Connection, before: &Document, after: &Document) -> rusqlite::Result<()> {
    let old_maps: HashMap<&str, (usize, &Map)> =
        before.maps.iter().enumerate().map(|(i, map)| (map.id.as_str(), (i, map))).collect();
    for old in &before.maps {
        if after.map(&old.id).is_none() {
            conn.execute("DELETE FROM maps WHERE id = ?1", [&old.id])?;
        }
    }
    for (position, map) in after.maps.iter().enumerate() {
        let body = map_body(map);
        let old = old_maps.get(map.id.as_str());
        if old.is_none_or(|(old_position, old_map)| *old_position != position || map_body(old_map) != body) {
            conn.execute(
                "INSERT INTO maps (id, position, body) VALUES (?1, ?2, ?3)
                 ON CONFLICT (id) DO UPDATE SET position = excluded.position, body = excluded.body",
                params![map.id, position as i64, body],
            )?;
        }
        let (old_nodes, old_edges): (&[Node], &[Edge]) =
            old.map_or((&[], &[]), |(_, old_map)| (&old_map.nodes, &old_map.edges));
        write_elements(conn, "nodes", &map.id, old_nodes, &map.nodes, |node| &node.id)?;
        write_elements(conn, "edges", &map.id, old_edges, &map.edges, |edge| &edge.id)?;
    }
    write_records(conn, "actions", &before.actions, &after.actions, |action| &action.id)?;
    write_records(conn, "snapshots", &before.snapshots, &after.snapshots, |snapshot| &snapshot.id)?;
    if before.charter != after.charter {
        match &after.charter {
            Some(charter) => conn.execute(
                "INSERT INTO meta (key, value) VALUES ('charter', ?1) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [to_canonical_value(charter).to_string()],
            )?,
            None => conn.execute("DELETE FROM meta WHERE key = 'charter'", [])?,
        };
    }
    Ok(())
}

/// Writes the rows of a document-level table that differ between `before` and `after`.
fn write_records<T: serde::Serialize + PartialEq>(
    conn: &Connection,
    table: &str,
    before: &[T],
    after: &[T],
    id_of: fn(&T) -> &String,
) -> rusqlite::Result<()> {
    let old: HashMap<&str, (usize, &T)> =
        before.iter().enumerate().map(|(i, record)| (id_of(record).as_str(), (i, record))).collect();
    let new_ids: std::collections::HashSet<&str> = after.iter().map(|r| id_of(r).as_str()).collect();
    for record in before {
        if !new_ids.contains(id_of(record).as_str()) {
            conn.execute(&format!("DELETE FROM {table} WHERE id = ?1"), [id_of(record)])?;
        }
    }
    for (position, record) in after.iter().enumerate() {
        if old.get(id_of(record).as_str()).is_some_and(|(p, r)| *p == position && *r == record) {
            continue;
        }
        conn.execute(
            &format!(
                "INSERT INTO {table} (id, position, body) VALUES (?1, ?2, ?3)
                 ON CONFLICT (id) DO UPDATE SET position = excluded.position, body = excluded.body"
            ),
            params![id_of(record), position as i64, to_canonical_value(record).to_string()],
        )?;
    }
    Ok(())
}

fn write_elements<T: serde::Serialize + PartialEq>(
    conn: &Connection,
    table: &str,
    map_id: &str,
    before: &[T],
    after: &[T],
    id_of: fn(&T) -> &String,
) -> rusqlite::Result<()> {
    let old: HashMap<&str, (usize, &T)> =
        before.iter().enumerate().map(|(i, element)| (id_of(element).as_str(), (i, element))).collect();
    let new_ids: std::collections::HashSet<&str> = after.iter().map(|e| id_of(e).as_str()).collect();
    let mut delete = conn.prepare_cached(&format!("DELETE FROM {table} WHERE map_id = ?1 AND id = ?2"))?;
    for element in before {
        if !new_ids.contains(id_of(element).as_str()) {
            delete.execute(params![map_id, id_of(element)])?;
        }
    }
    let mut upsert = conn.prepare_cached(&format!(
        "INSERT INTO {table} (map_id, id, position, body) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (map_id, id) DO UPDATE SET position = excluded.position, body = excluded.body"
    ))?;
    for (position, element) in after.iter().enumerate() {
        let unchanged =
            old.get(id_of(element).as_str()).is_some_and(|(p, e)| *p == position && *e == element);
        if !unchanged {
            let body = to_canonical_value(element).to_string();
            upsert.execute(params![map_id, id_of(element), position as i64, body])?;
        }
    }
    Ok(())
}

/// A map's own fields, without its nodes and edges.
fn map_body(map: &Map) -> String {
    let mut value = to_canonical_value(map);
    if let Some(object) = value.as_object_mut() {
        object.remove("nodes");
        object.remove("edges");
    }
    value.to_string()
}
