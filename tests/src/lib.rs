//! Shared fixtures of the acceptance tests: example maps in `tests/fixtures/` and their golden
//! metrics, produced by the Rust core and reviewed like code.

use std::path::PathBuf;

use vsm_model::Document;

/// The folder of the fixtures.
pub fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

/// Every `.vsm.json` fixture, sorted by name.
pub fn map_fixtures() -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(fixtures_dir())
        .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.retain(|path| path.to_string_lossy().ends_with(".vsm.json"));
    paths.sort();
    paths
}

/// Reads and validates a fixture; panics with the path and the problem (tests only).
pub fn read_fixture(path: &std::path::Path) -> Document {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    vsm_model::read_document(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}
