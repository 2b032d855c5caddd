//! Acceptance tests of the `.vsm` document file: create/open/save-as/import/export, edits and
//! their history, and refusal of every kind of bad file without changing a byte of it.

use std::fs;
use std::path::{Path, PathBuf};

use rusqlite::Connection;
use vsm_model::{Document, read_batch, read_document};
use vsm_store::{APPLICATION_ID, DocumentFile, SCHEMA_VERSION, StoreError};

fn fixture_text() -> String {
    let path = format!("{}/../../../tests/fixtures/acme-stamping.vsm.json", env!("CARGO_MANIFEST_DIR"));
    fs::read_to_string(path).expect("fixture")
}

fn acme() -> Document {
    read_document(&fixture_text()).expect("valid fixture")
}

fn new_document(dir: &Path) -> (PathBuf, DocumentFile) {
    let path = dir.join("acme.vsm");
    let file = DocumentFile::create(&path, &acme()).expect("create");
    (path, file)
}

fn move_stamping(x: f64) -> vsm_model::ChangeBatch {
    read_batch(&format!(
        r#"{{"map":"current","changes":[{{"op":"update_node","id":"stamping","set":{{"x":{x}}}}}]}}"#
    ))
    .expect("batch")
}

fn stamping_x(file: &DocumentFile) -> f64 {
    file.document().maps[0].node("stamping").expect("stamping").x
}

/// Files in `dir`, to check that a refusal left no `-wal`, `-shm` or backup behind.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Opens `path` expecting a refusal; checks the file and its folder are untouched.
fn assert_refused_untouched(path: &Path) -> StoreError {
    let before = fs::read(path).expect("read");
    let dir = path.parent().expect("parent");
    let files_before = listing(dir);
    let error = DocumentFile::open(path).expect_err("must be refused");
    assert_eq!(fs::read(path).expect("read"), before, "refused file changed: {error}");
    assert_eq!(listing(dir), files_before, "refusal left files behind: {error}");
    error
}

mod documents {
    use super::*;

    #[test]
    fn create_then_open_gives_the_same_document() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (path, file) = new_document(dir.path());
        assert_eq!(file.document(), &acme());
        drop(file);
        let reopened = DocumentFile::open(&path).expect("open");
        assert_eq!(reopened.document(), &acme());
        assert_eq!(reopened.revision(), 0);
    }

    #[test]
    fn the_file_is_marked_as_ours_and_uses_wal() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (path, file) = new_document(dir.path());
        drop(file);
        let conn = Connection::open(&path).expect("sqlite");
        let pragma = |name: &str| {
            conn.query_row(&format!("PRAGMA {name}"), [], |r| r.get::<_, rusqlite::types::Value>(0))
                .expect(name)
        };
        assert_eq!(pragma("application_id"), rusqlite::types::Value::Integer(APPLICATION_ID.into()));
        assert_eq!(pragma("user_version"), rusqlite::types::Value::Integer(SCHEMA_VERSION));
        assert_eq!(pragma("journal_mode"), rusqlite::types::Value::Text("wal".into()));
    }

    #[test]
    fn create_refuses_to_overwrite() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("taken.vsm");
        fs::write(&path, "precious").expect("write");
        assert!(matches!(DocumentFile::create(&path, &acme()), Err(StoreError::Exists { .. })));
        assert_eq!(fs::read_to_string(&path).expect("read"), "precious");
    }

    #[test]
    fn import_and_export_are_lossless() {
        let dir = tempfile::tempdir().expect("tempdir");
        let json = dir.path().join("in.vsm.json");
        fs::write(&json, fixture_text()).expect("write");
        let file = DocumentFile::import_json(&json, &dir.path().join("out.vsm")).expect("import");
        assert_eq!(file.to_json(), fixture_text());
    }

    #[test]
    fn importing_an_invalid_json_creates_nothing() {
        let dir = tempfile::tempdir().expect("tempdir");
        let json = dir.path().join("bad.vsm.json");
        fs::write(&json, fixture_text().replace("\"uptime\": 0.85", "\"uptime\": 8.5")).expect("write");
        let error = DocumentFile::import_json(&json, &dir.path().join("out.vsm")).expect_err("refused");
        assert!(error.to_string().contains("uptime must be in (0, 1], got 8.5"), "{error}");
        assert_eq!(listing(dir.path()), vec!["bad.vsm.json"]);
    }

    #[test]
    fn save_as_copies_content_and_history_and_leaves_the_original() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (path, mut file) = new_document(dir.path());
        file.apply(&move_stamping(999.0)).expect("apply");
        let copy = dir.path().join("copy.vsm");
        file.save_as(&copy).expect("save as");
        assert_eq!(file.path(), copy);
        file.apply(&move_stamping(5.0)).expect("apply in the copy");
        assert_eq!(file.undo().expect("undo"), Some(3));
        assert_eq!(file.undo().expect("undo"), Some(4), "history came along");
        assert_eq!(stamping_x(&file), 120.0);
        let original = DocumentFile::open(&path).expect("open original");
        assert_eq!(stamping_x(&original), 999.0);
    }
}

mod edits {
    use super::*;

    #[test]
    fn apply_commits_and_returns_the_next_revision() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (path, mut file) = new_document(dir.path());
        assert_eq!(file.apply(&move_stamping(500.0)).expect("apply"), 1);
        assert_eq!(file.apply(&move_stamping(600.0)).expect("apply"), 2);
        drop(file);
        let file = DocumentFile::open(&path).expect("open");
        assert_eq!((file.revision(), stamping_x(&file)), (2, 600.0));
    }

    #[test]
    fn a_batch_that_changes_nothing_records_nothing() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (_, mut file) = new_document(dir.path());
        assert_eq!(file.apply(&move_stamping(120.0)).expect("apply"), 0);
        assert!(!file.can_undo().expect("can undo"));
    }

    #[test]
    fn a_refused_batch_changes_nothing() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (path, mut file) = new_document(dir.path());
        file.apply(&move_stamping(500.0)).expect("apply");
        let bad = read_batch(
            r#"{"changes":[{"op":"update_node","id":"stamping","set":{"x":1}},
                {"op":"update_node","id":"weld-1","set":{"changeover_s":-5}}]}"#,
        )
        .expect("parses");
        let error = file.apply(&bad).expect_err("refused");
        assert_eq!(
            error.to_string(),
            "/changes/1/set/changeover_s: changeover_s must be ≥ 0, got -5 (node \"weld-1\")"
        );
        assert_eq!((file.revision(), stamping_x(&file)), (1, 500.0));
        drop(file);
        let file = DocumentFile::open(&path).expect("open");
        assert_eq!((file.revision(), stamping_x(&file)), (1, 500.0));
    }

    #[test]
    fn undo_and_redo_survive_reopening() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (path, mut file) = new_document(dir.path());
        file.apply(&move_stamping(500.0)).expect("apply");
        file.apply(&read_batch(r#"{"changes":[{"op":"remove_node","id":"weld-1"}]}"#).expect(""))
            .expect("apply");
        drop(file);

        let mut file = DocumentFile::open(&path).expect("open");
        assert!(file.document().maps[0].node("weld-1").is_none());
        file.undo().expect("undo");
        assert_eq!(file.document().maps[0], acme().maps[0].clone().with_stamping_x(500.0));
        drop(file);

        let mut file = DocumentFile::open(&path).expect("open");
        file.undo().expect("undo");
        assert_eq!(file.document(), &acme(), "two undos restore the original exactly");
        assert_eq!(file.undo().expect("undo"), None, "nothing left to undo");
        drop(file);

        let mut file = DocumentFile::open(&path).expect("open");
        file.redo().expect("redo");
        file.redo().expect("redo");
        assert_eq!(file.redo().expect("redo"), None);
        assert!(file.document().maps[0].node("weld-1").is_none());
        assert_eq!(stamping_x(&file), 500.0);
    }

    #[test]
    fn a_new_edit_drops_the_redo_stack() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (_, mut file) = new_document(dir.path());
        file.apply(&move_stamping(500.0)).expect("apply");
        file.undo().expect("undo");
        assert!(file.can_redo().expect("can redo"));
        file.apply(&move_stamping(700.0)).expect("apply");
        assert!(!file.can_redo().expect("can redo"));
        assert_eq!(file.redo().expect("redo"), None);
        assert_eq!(stamping_x(&file), 700.0);
    }

    #[test]
    fn a_second_handle_sees_the_first_ones_edits() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (path, mut first) = new_document(dir.path());
        let mut second = DocumentFile::open(&path).expect("open");
        first.apply(&move_stamping(500.0)).expect("apply");
        second
            .apply(
                &read_batch(r#"{"changes":[{"op":"update_node","id":"weld-1","set":{"name":"Weld"}}]}"#)
                    .expect(""),
            )
            .expect("apply");
        assert_eq!(stamping_x(&second), 500.0, "the second handle re-read before editing");
        assert_eq!(second.revision(), 2);
    }

    trait WithStampingX {
        fn with_stamping_x(self, x: f64) -> Self;
    }
    impl WithStampingX for vsm_model::Map {
        fn with_stamping_x(mut self, x: f64) -> Self {
            if let Some(node) = self.nodes.iter_mut().find(|n| n.id == "stamping") {
                node.x = x;
            }
            self
        }
    }
}

mod refusals {
    use super::*;

    fn closed_document(dir: &Path) -> PathBuf {
        let (path, file) = new_document(dir);
        drop(file);
        path
    }

    #[test]
    fn a_missing_file_is_an_io_error() {
        let dir = tempfile::tempdir().expect("tempdir");
        let error = DocumentFile::open(&dir.path().join("nope.vsm")).expect_err("missing");
        assert!(matches!(error, StoreError::Io { .. }), "{error}");
        assert!(error.to_string().contains("nope.vsm"));
    }

    #[test]
    fn a_foreign_sqlite_database_is_refused_untouched() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("other.vsm");
        let conn = Connection::open(&path).expect("sqlite");
        conn.execute_batch("PRAGMA application_id = 1234; CREATE TABLE t (x); INSERT INTO t VALUES (1);")
            .expect("");
        drop(conn);
        let error = assert_refused_untouched(&path);
        assert!(matches!(error, StoreError::Foreign { .. }), "{error}");
        assert!(error.to_string().contains("SQLite database of another program"), "{error}");
    }

    #[test]
    fn a_json_file_is_refused_with_a_hint_to_import() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("map.vsm");
        fs::write(&path, fixture_text()).expect("write");
        let error = assert_refused_untouched(&path);
        assert!(error.to_string().contains("it is a JSON file; import it"), "{error}");
    }

    #[test]
    fn random_bytes_and_empty_files_are_refused() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("noise.vsm");
        fs::write(&path, (0..4096u32).map(|i| (i * 7919 % 251) as u8).collect::<Vec<u8>>()).expect("write");
        assert!(assert_refused_untouched(&path).to_string().contains("not a SQLite database"));
        fs::write(&path, b"").expect("write");
        assert!(assert_refused_untouched(&path).to_string().contains("empty"));
    }

    #[test]
    fn a_truncated_document_is_refused_untouched() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = closed_document(dir.path());
        let bytes = fs::read(&path).expect("read");
        for cut in [50, 100, bytes.len() / 2, bytes.len() - 1] {
            fs::write(&path, &bytes[..cut]).expect("write");
            let error = assert_refused_untouched(&path);
            assert!(matches!(error, StoreError::Corrupt { .. }), "cut at {cut}: {error}");
            assert!(
                error.to_string().contains("truncated") || error.to_string().contains("pages"),
                "{error}"
            );
        }
    }

    #[test]
    fn a_corrupt_page_is_refused_untouched() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = closed_document(dir.path());
        let mut bytes = fs::read(&path).expect("read");
        let page = u16::from_be_bytes([bytes[16], bytes[17]]) as usize;
        assert!(bytes.len() >= 3 * page, "fixture spans several pages");
        for byte in &mut bytes[page + 8..2 * page] {
            *byte = 0xA5;
        }
        fs::write(&path, &bytes).expect("write");
        let error = assert_refused_untouched(&path);
        assert!(matches!(error, StoreError::Corrupt { .. }), "{error}");
        assert!(error.to_string().contains("damaged"), "{error}");
    }

    #[test]
    fn hand_edited_invalid_content_is_refused() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = closed_document(dir.path());
        let conn = Connection::open(&path).expect("sqlite");
        conn.execute("UPDATE nodes SET body = json_set(body, '$.uptime', 7) WHERE id = 'weld-2'", [])
            .expect("");
        drop(conn);
        let error = assert_refused_untouched(&path);
        assert!(error.to_string().contains("uptime must be in (0, 1], got 7"), "{error}");
    }

    #[test]
    fn a_newer_schema_is_refused_untouched() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = closed_document(dir.path());
        let conn = Connection::open(&path).expect("sqlite");
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 7).expect("");
        drop(conn);
        let error = assert_refused_untouched(&path);
        assert!(matches!(error, StoreError::NewerSchema { .. }), "{error}");
        let text = error.to_string();
        assert!(
            text.contains(&format!("schema {}", SCHEMA_VERSION + 7)) && text.contains("update Kaizen VSM"),
            "{text}"
        );
    }
}

/// A writer stopped (killed, power lost) with its write-ahead log not yet folded into the file.
mod crash_recovery {
    use super::*;

    /// 300 extra process boxes: enough pages that the file must grow to take them.
    fn grow() -> vsm_model::ChangeBatch {
        let nodes: Vec<String> = (0..300)
            .map(|i| {
                format!(r#"{{"op":"add_node","node":{{"id":"n{i}","kind":"process","name":"Step {i}"}}}}"#)
            })
            .collect();
        read_batch(&format!(r#"{{"map":"current","changes":[{}]}}"#, nodes.join(","))).expect("batch")
    }

    /// The document and its log as a writer holding it open left them on disk, copied to `dir`.
    fn left_behind_by_a_writer(dir: &Path) -> (PathBuf, Document) {
        let (path, mut file) = new_document(dir);
        // Keep the log from being folded in while the writer runs, as a long edit would.
        Connection::open(&path).expect("open").pragma_update(None, "wal_autocheckpoint", 0).expect("pragma");
        file.apply(&grow()).expect("apply");
        let copy = dir.join("crashed.vsm");
        fs::copy(&path, &copy).expect("copy");
        fs::copy(dir.join("acme.vsm-wal"), dir.join("crashed.vsm-wal")).expect("copy log");
        let document = file.document().clone();
        drop(file);
        (copy, document)
    }

    #[test]
    fn a_log_left_behind_is_recovered() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (path, document) = left_behind_by_a_writer(dir.path());
        let reopened = DocumentFile::open(&path).expect("recovered");
        assert_eq!(reopened.document(), &document);
    }

    /// SQLite folds the log into the file page by page, the first page (with the page count)
    /// first: stopped half-way, the file is shorter than its header says until recovery.
    #[test]
    fn a_log_left_half_folded_in_is_recovered() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (path, document) = left_behind_by_a_writer(dir.path());
        let log = fs::read(dir.path().join("crashed.vsm-wal")).expect("log");
        let page_size = u32::from_be_bytes(log[8..12].try_into().expect("4 bytes")) as usize;
        let frames = log[32..].chunks_exact(24 + page_size);
        let first_page =
            frames.rev().find(|frame| frame[..4] == 1u32.to_be_bytes()).expect("page 1 in the log");
        let mut bytes = fs::read(&path).expect("read");
        let promised = u32::from_be_bytes(first_page[24 + 28..24 + 32].try_into().expect("4 bytes")) as usize;
        assert!(promised * page_size > bytes.len(), "the edit must grow the file");
        bytes[..page_size].copy_from_slice(&first_page[24..]);
        fs::write(&path, &bytes).expect("write");

        let reopened = DocumentFile::open(&path).expect("recovered, not refused as truncated");
        assert_eq!(reopened.document(), &document);
    }
}

mod migration {
    use super::*;
    use vsm_store::migrations::MIGRATIONS;

    /// Builds a document as schema version 1 wrote it (before the history table existed).
    fn version_one_document(path: &Path) {
        let conn = Connection::open(path).expect("sqlite");
        conn.pragma_update(None, "journal_mode", "WAL").expect("");
        conn.pragma_update(None, "application_id", APPLICATION_ID).expect("");
        conn.execute_batch(MIGRATIONS[0].1).expect("migration 1");
        conn.pragma_update(None, "user_version", 1).expect("");
        conn.execute(
            "INSERT INTO maps (id, position, body) VALUES ('m', 0, '{\"id\":\"m\",\"title\":\"Old\",\"state\":\"current\",\"derived_from\":null}')",
            [],
        )
        .expect("");
        conn.execute(
            "INSERT INTO nodes (map_id, id, position, body) VALUES ('m', 'p', 0, '{\"id\":\"p\",\"kind\":\"process\",\"name\":\"Press\",\"x\":1,\"y\":2,\"cycle_time_s\":30}')",
            [],
        )
        .expect("");
    }

    #[test]
    fn an_older_schema_is_migrated_after_a_backup_copy() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("old.vsm");
        version_one_document(&path);

        let mut file = DocumentFile::open(&path).expect("open migrates");
        let (from, backup) = file.migrated_from().cloned().expect("migrated");
        assert_eq!(from, 1);
        assert_eq!(backup, dir.path().join("old.vsm.schema-v1.bak"));
        assert_eq!(file.document().maps[0].nodes[0].cycle_time_s, Some(30.0));
        file.apply(
            &read_batch(r#"{"changes":[{"op":"update_node","id":"p","set":{"name":"Stamping"}}]}"#)
                .expect(""),
        )
        .expect("history works after migration");
        file.undo().expect("undo");

        let old = Connection::open(&backup).expect("backup opens");
        let version: i64 = old.query_row("PRAGMA user_version", [], |r| r.get(0)).expect("");
        let name: String =
            old.query_row("SELECT json_extract(body, '$.name') FROM nodes", [], |r| r.get(0)).expect("");
        assert_eq!((version, name.as_str()), (1, "Press"), "the backup is the document as it was");
    }
}

#[test]
fn paths_with_uri_characters_work() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("what? #1 100%.vsm");
    DocumentFile::create(&path, &acme()).expect("create");
    assert_eq!(DocumentFile::open(&path).expect("open").document(), &acme());
}

/// Every kind of bad edit is refused with a message naming the place, field and value, and the
/// saved document (content, revision, history) is exactly what it was.
#[test]
fn every_kind_of_bad_batch_is_refused_and_changes_nothing() {
    let cases = [
        (
            r#"{"op":"update_node","id":"weld-1","set":{"changeover_s":-1}}"#,
            "/changes/0/set/changeover_s: changeover_s must be ≥ 0, got -1",
        ),
        (r#"{"op":"update_node","id":"weld-1","set":{"uptime":1.01}}"#, "uptime must be in (0, 1], got 1.01"),
        (
            r#"{"op":"update_node","id":"weld-1","set":{"process_time_s":60,"lead_time_s":30}}"#,
            "lead_time_s (30) must be ≥ process_time_s (60)",
        ),
        (
            r#"{"op":"add_node","node":{"id":"weld-2","kind":"process"}}"#,
            "already has an element with id \"weld-2\"",
        ),
        (
            r#"{"op":"add_edge","edge":{"id":"x","from":"weld-1","to":"nowhere","kind":"push"}}"#,
            "/changes/0/edge/to: to \"nowhere\"",
        ),
        (
            r#"{"op":"update_node","id":"weld-1","set":{"cycle_time":5}}"#,
            "unknown field cycle_time (did you mean cycle_time_s?)",
        ),
        (
            r#"{"op":"update_node","id":"coils","set":{"cycle_time_s":5}}"#,
            "field cycle_time_s does not belong to a node of kind inventory",
        ),
        (
            r#"{"op":"update_node","id":"weld-1","set":{"cycle_time_s":"fast"}}"#,
            "/changes/0/set/cycle_time_s: cycle_time_s: invalid type: string \"fast\"",
        ),
        (r#"{"op":"remove_node","id":"ghost"}"#, "has no node \"ghost\""),
    ];
    let dir = tempfile::tempdir().expect("tempdir");
    let (path, mut file) = new_document(dir.path());
    file.apply(&move_stamping(500.0)).expect("a good edit first");
    for (change, expected) in cases {
        let text = format!(
            r#"{{"map":"current","changes":[{{"op":"update_node","id":"stamping","set":{{"x":1}}}},{change}]}}"#
        );
        let error = match read_batch(&text) {
            Err(error) => error.to_string(),
            Ok(batch) => file.apply(&batch).expect_err(change).to_string(),
        };
        let expected = expected.replace("/changes/0/", "/changes/1/");
        assert!(error.contains(&expected), "{change}: got {error}");
        assert_eq!((file.revision(), stamping_x(&file)), (1, 500.0), "{change}");
    }
    drop(file);
    let mut file = DocumentFile::open(&path).expect("open");
    assert_eq!((file.revision(), stamping_x(&file)), (1, 500.0));
    file.undo().expect("undo");
    assert_eq!(file.document(), &acme(), "history holds only the good edit");
}
