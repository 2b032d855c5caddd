//! Acceptance tests of the model: the JSON format (canonical form, round trips), validation
//! messages for every kind of bad input, change batches, the diff used for undo and the Kaizen
//! records. The fixtures and helpers all subjects share are here.

use vsm_model::{
    ChangeBatch, Document, Edge, EdgeKind, Map, ModelError, Node, NodeKind, apply, apply_all, diff,
    read_batch, read_document, write_document,
};

fn fixture(name: &str) -> String {
    let path = format!("{}/../../../tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn acme() -> Document {
    read_document(&fixture("acme-stamping.vsm.json")).expect("fixture is valid")
}

/// Reads a change batch that must be valid.
fn batch(json: &str) -> ChangeBatch {
    read_batch(json).unwrap_or_else(|e| panic!("{e}"))
}

/// Reads `json` expecting refusal; returns the error text.
fn refused(json: &str) -> String {
    match read_document(json) {
        Ok(_) => panic!("accepted invalid document:\n{json}"),
        Err(error) => error.to_string(),
    }
}

/// A one-map document whose only node is `node` (a JSON object literal).
fn with_node(node: &str) -> String {
    format!(r#"{{"format":"kaizen-vsm","version":1,"maps":[{{"id":"m","nodes":[{node}],"edges":[]}}]}}"#)
}

// One test binary, a file per subject.
mod batches;
mod diffs;
mod format;
mod kaizen;
mod refusals;
