//! The `.vsm.json` text face of a document: a strict reader and a canonical writer.
//!
//! Reading goes in three passes so each error is as precise as possible: (1) is this our format
//! and a version we read; (2) are all keys known and allowed where they stand (a misspelt field
//! is reported with a suggestion, a field of another node kind as misplaced); (3) typed parsing
//! and [`crate::validate`]. Writing produces the canonical form of docs/file-format.md: keys in
//! the documented order, two-space indentation, whole numbers without a fraction.

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map as JsonObject, Number, Value};

use crate::document::{CALENDAR_FIELDS, DEMAND_FIELDS, DOCUMENT_FIELDS, MAP_FIELDS};
use crate::edge::{EDGE_FIELDS, edge_field_allowed};
use crate::node::{COMMON_FIELDS, FIELDS, VARIABILITY_FIELDS, field_allowed, field_known};
use crate::problem::{Problem, Problems, push_pointer, show_value};
use crate::{Document, EdgeKind, FORMAT_NAME, FORMAT_VERSION, ModelError, NodeKind, validate};

/// Reads a `.vsm.json` document and validates it.
pub fn read_document(text: &str) -> Result<Document, ModelError> {
    let value = parse_json(text)?;
    let root = value.as_object().ok_or_else(|| {
        ModelError::Foreign(format!(
            "expected a JSON object with \"format\": \"{FORMAT_NAME}\", found {}",
            describe(&value)
        ))
    })?;
    check_format_and_version(root)?;

    let mut problems = Vec::new();
    check_keys(root, "", &DOCUMENT_FIELDS, &mut problems);
    match root.get("maps") {
        Some(Value::Array(maps)) => {
            for (i, map) in maps.iter().enumerate() {
                check_map_keys(map, &format!("/maps/{i}"), &mut problems);
            }
        }
        Some(other) => problems
            .push(Problem::new("/maps", format!("maps must be a list of maps, got {}", describe(other)))),
        None => problems.push(Problem::new("/maps", "required field maps is missing")),
    }
    if let Some(Value::Array(snapshots)) = root.get("snapshots") {
        for (i, snapshot) in snapshots.iter().enumerate() {
            if let Some(map) = snapshot.get("map") {
                check_map_keys(map, &format!("/snapshots/{i}/map"), &mut problems);
            }
        }
    }
    if !problems.is_empty() {
        return Err(ModelError::Invalid(Problems(problems)));
    }

    let mut body = root.clone();
    body.remove("format");
    body.remove("version");
    let document: Document = typed(Value::Object(body), "")?;
    validate::document(&document)?;
    Ok(document)
}

/// Parses text as JSON, mapping syntax errors to line and column.
pub fn parse_json(text: &str) -> Result<Value, ModelError> {
    serde_json::from_str(text).map_err(|error| ModelError::Syntax {
        line: error.line(),
        column: error.column(),
        message: strip_position(&error.to_string()),
    })
}

fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_owned(),
        None => message.to_owned(),
    }
}

fn check_format_and_version(root: &JsonObject<String, Value>) -> Result<(), ModelError> {
    match root.get("format") {
        Some(Value::String(format)) if format == FORMAT_NAME => {}
        Some(other) => {
            return Err(ModelError::Foreign(format!(
                "\"format\" is {}, expected \"{FORMAT_NAME}\"",
                show_value(other)
            )));
        }
        None => {
            return Err(ModelError::Foreign(format!(
                "the object has no \"format\" key (expected \"format\": \"{FORMAT_NAME}\")"
            )));
        }
    }
    match root.get("version") {
        Some(Value::Number(n)) => match n.as_u64() {
            Some(version) if version > FORMAT_VERSION => {
                Err(ModelError::NewerVersion { found: version, supported: FORMAT_VERSION })
            }
            Some(version) if version >= 1 => Ok(()),
            _ => Err(ModelError::invalid(
                "/version",
                format!("version must be a whole number from 1 to {FORMAT_VERSION}, got {n}"),
            )),
        },
        Some(other) => Err(ModelError::invalid(
            "/version",
            format!("version must be a whole number, got {}", show_value(other)),
        )),
        None => Err(ModelError::invalid("/version", "required field version is missing")),
    }
}

/// Checks the keys of a map object and of everything inside it.
pub(crate) fn check_map_keys(map: &Value, pointer: &str, problems: &mut Vec<Problem>) {
    let Some(object) = map.as_object() else {
        problems.push(Problem::new(pointer, format!("a map must be an object, got {}", describe(map))));
        return;
    };
    check_keys(object, pointer, &MAP_FIELDS, problems);
    check_nested_keys(object, pointer, problems);
    for (list, check) in
        [("nodes", check_node_keys as fn(&Value, &str, &mut Vec<Problem>)), ("edges", check_edge_keys)]
    {
        let at = push_pointer(pointer, list);
        match object.get(list) {
            Some(Value::Array(items)) => {
                for (i, item) in items.iter().enumerate() {
                    check(item, &push_pointer(&at, i), problems);
                }
            }
            Some(other) => {
                problems.push(Problem::new(at, format!("{list} must be a list, got {}", describe(other))))
            }
            None => problems.push(Problem::new(at, format!("required field {list} is missing"))),
        }
    }
}

/// Checks the keys of `calendar` and `demand` inside a map object or a map's `set`.
pub(crate) fn check_nested_keys(
    object: &JsonObject<String, Value>,
    pointer: &str,
    problems: &mut Vec<Problem>,
) {
    for (key, allowed) in [("calendar", &CALENDAR_FIELDS[..]), ("demand", &DEMAND_FIELDS[..])] {
        if let Some(Value::Object(inner)) = object.get(key) {
            check_keys(inner, &push_pointer(pointer, key), allowed, problems);
        }
    }
}

/// Checks that a node object's keys are known and belong to its kind.
pub(crate) fn check_node_keys(node: &Value, pointer: &str, problems: &mut Vec<Problem>) {
    let Some(object) = node.as_object() else {
        problems.push(Problem::new(pointer, format!("a node must be an object, got {}", describe(node))));
        return;
    };
    let kind = match object.get("kind") {
        Some(value) => match serde_json::from_value::<NodeKind>(value.clone()) {
            Ok(kind) => Some(kind),
            Err(_) => {
                let kinds: Vec<&str> = NodeKind::ALL.iter().map(|k| k.as_str()).collect();
                problems.push(Problem::new(
                    push_pointer(pointer, "kind"),
                    format!(
                        "kind {} is not a node kind; expected one of {}",
                        show_value(value),
                        kinds.join(", ")
                    ),
                ));
                None
            }
        },
        None => {
            problems.push(Problem::new(push_pointer(pointer, "kind"), "required field kind is missing"));
            None
        }
    };
    for key in object.keys() {
        check_node_key(kind, key, pointer, problems);
    }
    check_variability_keys(object, pointer, problems);
}

/// Checks the keys of a node's (or a node `set`'s) `variability` object.
pub(crate) fn check_variability_keys(
    object: &JsonObject<String, Value>,
    pointer: &str,
    problems: &mut Vec<Problem>,
) {
    if let Some(Value::Object(inner)) = object.get("variability") {
        check_keys(inner, &push_pointer(pointer, "variability"), &VARIABILITY_FIELDS, problems);
    }
}

/// Checks one key of a node (also used for the `set` of `update_node`).
pub(crate) fn check_node_key(kind: Option<NodeKind>, key: &str, pointer: &str, problems: &mut Vec<Problem>) {
    if !field_known(key) {
        let candidates = COMMON_FIELDS.iter().copied().chain(FIELDS.iter().map(|(name, _)| *name));
        problems.push(Problem::new(push_pointer(pointer, key), unknown_field_message(key, candidates)));
    } else if let Some(kind) = kind
        && !field_allowed(kind, key)
    {
        problems.push(Problem::new(
            push_pointer(pointer, key),
            format!("field {key} does not belong to a node of kind {}", kind.as_str()),
        ));
    }
}

fn check_edge_keys(edge: &Value, pointer: &str, problems: &mut Vec<Problem>) {
    let Some(object) = edge.as_object() else {
        problems.push(Problem::new(pointer, format!("an edge must be an object, got {}", describe(edge))));
        return;
    };
    let kind = object.get("kind").and_then(|value| serde_json::from_value::<EdgeKind>(value.clone()).ok());
    if kind.is_none() {
        let kinds: Vec<&str> = EdgeKind::ALL.iter().map(|k| k.as_str()).collect();
        let found = object.get("kind").map_or("missing".to_owned(), show_value);
        problems.push(Problem::new(
            push_pointer(pointer, "kind"),
            format!("edge kind {found} is not an edge kind; expected one of {}", kinds.join(", ")),
        ));
    }
    for key in object.keys() {
        check_edge_key(kind, key, pointer, problems);
    }
}

/// Checks one key of an edge (also used for the `set` of `update_edge`).
pub(crate) fn check_edge_key(kind: Option<EdgeKind>, key: &str, pointer: &str, problems: &mut Vec<Problem>) {
    if !EDGE_FIELDS.contains(&key) {
        problems.push(Problem::new(push_pointer(pointer, key), unknown_field_message(key, EDGE_FIELDS)));
    } else if let Some(kind) = kind
        && !edge_field_allowed(kind, key)
    {
        problems.push(Problem::new(
            push_pointer(pointer, key),
            format!("field {key} does not belong to an edge of kind {}", kind.as_str()),
        ));
    }
}

/// Reports keys of `object` that are not in `allowed`.
pub(crate) fn check_keys(
    object: &JsonObject<String, Value>,
    pointer: &str,
    allowed: &[&str],
    problems: &mut Vec<Problem>,
) {
    for key in object.keys() {
        if !allowed.contains(&key.as_str()) {
            problems.push(Problem::new(
                push_pointer(pointer, key),
                unknown_field_message(key, allowed.iter().copied()),
            ));
        }
    }
}

fn unknown_field_message<'a>(key: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    let nearest = candidates
        .into_iter()
        .map(|candidate| (edit_distance(key, candidate), candidate))
        .filter(|(distance, _)| *distance <= 2)
        .min();
    match nearest {
        Some((_, suggestion)) => format!("unknown field {key} (did you mean {suggestion}?)"),
        None => format!("unknown field {key}"),
    }
}

/// Levenshtein distance, for "did you mean" suggestions.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous + usize::from(ca != *cb);
            previous = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(previous + 1);
        }
    }
    row[b.len()]
}

/// Deserialises `value` into `T`, reporting a type error at its JSON Pointer under `pointer`.
pub(crate) fn typed<T: DeserializeOwned>(value: Value, pointer: &str) -> Result<T, ModelError> {
    serde_path_to_error::deserialize(value).map_err(|error| {
        let mut at = pointer.to_owned();
        for segment in error.path().iter() {
            match segment {
                serde_path_to_error::Segment::Seq { index } => at = push_pointer(&at, index),
                serde_path_to_error::Segment::Map { key } => at = push_pointer(&at, key),
                serde_path_to_error::Segment::Enum { .. } | serde_path_to_error::Segment::Unknown => {}
            }
        }
        let field = at.rsplit('/').next().unwrap_or_default().to_owned();
        let inner = strip_position(&error.into_inner().to_string());
        let message = if inner.starts_with("missing field") {
            format!(
                "required field {} is missing",
                inner.trim_start_matches("missing field ").trim_matches('`')
            )
        } else {
            format!("{field}: {inner}")
        };
        ModelError::invalid(at, message)
    })
}

fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".to_owned(),
        Value::Bool(_) => "a boolean".to_owned(),
        Value::Number(_) => "a number".to_owned(),
        Value::String(_) => "a string".to_owned(),
        Value::Array(_) => "a list".to_owned(),
        Value::Object(_) => "an object".to_owned(),
    }
}

/// Writes `document` in the canonical `.vsm.json` form, ending with a newline.
pub fn write_document(document: &Document) -> String {
    let mut root = JsonObject::new();
    root.insert("format".to_owned(), Value::String(FORMAT_NAME.to_owned()));
    root.insert("version".to_owned(), Value::from(FORMAT_VERSION));
    root.insert("maps".to_owned(), to_canonical_value(&document.maps));
    if !document.actions.is_empty() {
        root.insert("actions".to_owned(), to_canonical_value(&document.actions));
    }
    if let Some(charter) = &document.charter {
        root.insert("charter".to_owned(), to_canonical_value(charter));
    }
    if !document.snapshots.is_empty() {
        root.insert("snapshots".to_owned(), to_canonical_value(&document.snapshots));
    }
    let mut text = serde_json::to_string_pretty(&Value::Object(root)).unwrap_or_default();
    text.push('\n');
    text
}

/// Serialises any model value to JSON with whole numbers written without a fraction.
pub fn to_canonical_value<T: Serialize>(value: &T) -> Value {
    let mut value = serde_json::to_value(value).unwrap_or(Value::Null);
    normalize_numbers(&mut value);
    value
}

/// Rewrites whole `f64` numbers as integers, so `28800.0` is written `28800`.
pub fn normalize_numbers(value: &mut Value) {
    match value {
        Value::Number(n) => {
            if let Some(f) = n.as_f64()
                && n.is_f64()
                && f.fract() == 0.0
                && f.abs() < 9.0e15
            {
                *n = Number::from(f as i64);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(normalize_numbers),
        Value::Object(object) => object.values_mut().for_each(normalize_numbers),
        _ => {}
    }
}

/// Formats a JSON number for messages, whole numbers without a fraction.
pub fn format_number(n: &Number) -> String {
    match n.as_f64() {
        Some(f) if n.is_f64() => crate::problem::show_number(f),
        _ => n.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_counts_single_edits() {
        assert_eq!(edit_distance("proces_time_s", "process_time_s"), 1);
        assert_eq!(edit_distance("abc", "abc"), 0);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }

    #[test]
    fn whole_numbers_lose_their_fraction() {
        let mut value = serde_json::json!({"a": 28800.0, "b": 0.85, "c": [1.0, -3.0]});
        normalize_numbers(&mut value);
        assert_eq!(value.to_string(), r#"{"a":28800,"b":0.85,"c":[1,-3]}"#);
    }
}
