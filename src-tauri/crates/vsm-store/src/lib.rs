//! The `.vsm` document: one SQLite file per value stream ("SQLite as an application file format").
//!
//! A [`DocumentFile`] is an open document. It guarantees:
//! - **Refusal leaves no trace.** A foreign, truncated, corrupt or newer file is refused before
//!   anything could write to it (see [`header`]), and stays byte-for-byte unchanged.
//! - **All or nothing.** Every edit is one change batch committed in one transaction (WAL,
//!   `synchronous = FULL`): killing the process at any moment leaves each batch whole or absent.
//! - **History in the file.** Undo and redo replay diffs stored in the `history` table, so they
//!   survive closing and reopening the document.
//! - **Migrations with a safety copy.** An older schema is upgraded after a backup copy is
//!   written next to the file.

mod error;
pub mod header;
mod history;
pub mod migrations;
mod rows;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, TransactionBehavior};
use vsm_model::{ChangeBatch, Document};

pub use error::{Result, StoreError};
pub use header::APPLICATION_ID;
pub use migrations::SCHEMA_VERSION;

/// The number of committed edits a document has seen; every apply, undo and redo adds one.
pub type Revision = i64;

/// An open `.vsm` document.
pub struct DocumentFile {
    conn: Connection,
    path: PathBuf,
    document: Document,
    revision: Revision,
    /// Where the pre-migration copy went, when opening migrated an older schema.
    migrated_from: Option<(i64, PathBuf)>,
}

impl std::fmt::Debug for DocumentFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DocumentFile").field("path", &self.path).field("revision", &self.revision).finish()
    }
}

impl DocumentFile {
    /// Creates a new document file at `path` holding `document`; refuses to overwrite a file.
    ///
    /// The file is built under a temporary name next to `path` and renamed into place, so a crash
    /// never leaves a half-made document under the real name.
    pub fn create(path: &Path, document: &Document) -> Result<Self> {
        vsm_model::validate::document(document)?;
        if path.exists() {
            return Err(StoreError::Exists { path: path.to_owned() });
        }
        let temporary = sibling(path, ".creating");
        let _ = std::fs::remove_file(&temporary);
        let built = build_file(&temporary, document);
        if let Err(error) = built {
            let _ = std::fs::remove_file(&temporary);
            return Err(error);
        }
        std::fs::rename(&temporary, path)
            .map_err(|source| StoreError::Io { path: path.to_owned(), source })?;
        Self::open(path)
    }

    /// Opens an existing document, migrating an older schema after writing a backup copy.
    pub fn open(path: &Path) -> Result<Self> {
        // A write-ahead log left beside the file means a writer stopped before folding it in
        // (killed, or the machine lost power), possibly half-way through copying it into the
        // file: the file alone may then be shorter than its header says and inconsistent, and only
        // SQLite's recovery on a read-write open makes it whole. Checked after that recovery.
        let recovering = wal_left_behind(path);
        let header = header::check(path, SCHEMA_VERSION, !recovering)?;
        if !recovering {
            check_integrity(path)?;
        }

        let mut conn = Connection::open(path).map_err(|source| sqlite(path, source))?;
        configure(&conn).map_err(|source| sqlite(path, source))?;
        if recovering {
            quick_check(&conn, path)?;
        }

        let mut migrated_from = None;
        if header.schema_version < SCHEMA_VERSION {
            let backup = sibling(path, &format!(".schema-v{}.bak", header.schema_version));
            let _ = std::fs::remove_file(&backup);
            conn.backup(rusqlite::MAIN_DB, &backup, None::<fn(rusqlite::backup::Progress)>)
                .map_err(|source| sqlite(&backup, source))?;
            let tx = conn
                .transaction_with_behavior(TransactionBehavior::Exclusive)
                .map_err(|s| sqlite(path, s))?;
            migrations::migrate(&tx, header.schema_version, SCHEMA_VERSION).map_err(|s| sqlite(path, s))?;
            tx.commit().map_err(|source| sqlite(path, source))?;
            migrated_from = Some((header.schema_version, backup));
        }

        let (document, revision) = read_state(&conn, path)?;
        Ok(DocumentFile { conn, path: path.to_owned(), document, revision, migrated_from })
    }

    /// Reads a `.vsm.json` file and creates a `.vsm` document from it.
    pub fn import_json(json_path: &Path, path: &Path) -> Result<Self> {
        let text = std::fs::read_to_string(json_path)
            .map_err(|source| StoreError::Io { path: json_path.to_owned(), source })?;
        let document = vsm_model::read_document(&text)?;
        Self::create(path, &document)
    }

    /// The document as of the last commit.
    pub fn document(&self) -> &Document {
        &self.document
    }

    /// The `.vsm.json` text of the document (canonical form).
    pub fn to_json(&self) -> String {
        vsm_model::write_document(&self.document)
    }

    /// Where the document lives.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The current revision.
    pub fn revision(&self) -> Revision {
        self.revision
    }

    /// The schema version and backup copy, when opening migrated an older document.
    pub fn migrated_from(&self) -> Option<&(i64, PathBuf)> {
        self.migrated_from.as_ref()
    }

    /// Validates and commits `batch` in one transaction; returns the new revision.
    ///
    /// A batch that changes nothing returns the current revision and records no history.
    pub fn apply(&mut self, batch: &ChangeBatch) -> Result<Revision> {
        Ok(self.edit(Step::Apply(batch))?.unwrap_or(self.revision))
    }

    /// Undoes the latest edit not yet undone; `None` when there is nothing to undo.
    pub fn undo(&mut self) -> Result<Option<Revision>> {
        self.edit(Step::Undo)
    }

    /// Redoes the earliest undone edit; `None` when there is nothing to redo.
    pub fn redo(&mut self) -> Result<Option<Revision>> {
        self.edit(Step::Redo)
    }

    /// Runs one edit in one immediate transaction: re-read the document if another process
    /// committed meanwhile, compute the next document, write the changed rows and the history,
    /// bump the revision, commit, and only then adopt the new state in memory.
    fn edit(&mut self, step: Step<'_>) -> Result<Option<Revision>> {
        let path = self.path.clone();
        let at = |source| sqlite(&path, source);
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(at)?;
        let stored = history::revision(&tx).map_err(at)?;
        if stored != self.revision {
            (self.document, self.revision) = read_state(&tx, &path)?;
        }
        let current = &self.document;
        let next = match step {
            Step::Apply(batch) => {
                let next = vsm_model::apply(current, batch)?;
                let forward = vsm_model::diff(current, &next);
                if forward.is_empty() {
                    return Ok(None);
                }
                history::record(&tx, &forward, &vsm_model::diff(&next, current)).map_err(at)?;
                next
            }
            Step::Undo | Step::Redo => {
                let undo = matches!(step, Step::Undo);
                let found = if undo { history::last_done(&tx) } else { history::first_undone(&tx) };
                let Some(entry) = found.map_err(at)? else { return Ok(None) };
                let next =
                    vsm_model::apply_all(current, if undo { &entry.backward } else { &entry.forward })?;
                history::mark_undone(&tx, entry.seq, undo).map_err(at)?;
                next
            }
        };
        let revision = self.revision + 1;
        rows::write_changes(&tx, current, &next).map_err(at)?;
        history::set_revision(&tx, revision).map_err(at)?;
        tx.commit().map_err(at)?;
        self.document = next;
        self.revision = revision;
        Ok(Some(revision))
    }

    /// Whether [`Self::undo`] has something to undo.
    pub fn can_undo(&self) -> Result<bool> {
        Ok(history::last_done(&self.conn).map_err(|source| sqlite(&self.path, source))?.is_some())
    }

    /// Whether [`Self::redo`] has something to redo.
    pub fn can_redo(&self) -> Result<bool> {
        Ok(history::first_undone(&self.conn).map_err(|source| sqlite(&self.path, source))?.is_some())
    }

    /// Copies the document, history included, to `path` and continues working there.
    ///
    /// Uses SQLite's online backup into a temporary sibling that is renamed over `path`, so an
    /// existing file at `path` is replaced whole or not at all.
    pub fn save_as(&mut self, path: &Path) -> Result<()> {
        if path == self.path {
            return Ok(());
        }
        let temporary = sibling(path, ".saving");
        let _ = std::fs::remove_file(&temporary);
        let copied = self
            .conn
            .backup(rusqlite::MAIN_DB, &temporary, None::<fn(rusqlite::backup::Progress)>)
            .map_err(|s| sqlite(path, s));
        if let Err(error) = copied {
            let _ = std::fs::remove_file(&temporary);
            return Err(error);
        }
        std::fs::rename(&temporary, path)
            .map_err(|source| StoreError::Io { path: path.to_owned(), source })?;
        *self = Self::open(path)?;
        Ok(())
    }
}

/// One kind of edit.
enum Step<'a> {
    Apply(&'a ChangeBatch),
    Undo,
    Redo,
}

/// Creates the schema and content of a new document in `path`.
fn build_file(path: &Path, document: &Document) -> Result<()> {
    let mut conn = Connection::open(path).map_err(|source| sqlite(path, source))?;
    configure(&conn).map_err(|source| sqlite(path, source))?;
    let tx = conn.transaction_with_behavior(TransactionBehavior::Exclusive).map_err(|s| sqlite(path, s))?;
    tx.pragma_update(None, "application_id", APPLICATION_ID).map_err(|s| sqlite(path, s))?;
    migrations::migrate(&tx, 0, SCHEMA_VERSION).map_err(|s| sqlite(path, s))?;
    rows::write_changes(&tx, &Document::default(), document).map_err(|s| sqlite(path, s))?;
    tx.commit().map_err(|source| sqlite(path, source))?;
    conn.close().map_err(|(_, source)| sqlite(path, source))
}

/// Pragmas every connection to a document uses.
fn configure(conn: &Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(Duration::from_secs(5))?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    Ok(())
}

/// Runs SQLite's own consistency check through an `immutable` read-only connection: it cannot
/// write, and unlike a plain read-only connection it creates no `-wal` or `-shm` files either.
/// Not used when a write-ahead log was left behind (`wal_left_behind`): the file alone may then be
/// mid-update, and the check runs after SQLite's recovery instead — so a file that turns out
/// damaged only then has had that recovery applied, unlike every refusal decided before it.
fn check_integrity(path: &Path) -> Result<()> {
    let corrupt = |reason: String| StoreError::Corrupt { path: path.to_owned(), reason };
    let uri = format!("file:{}?immutable=1", uri_escape(path));
    let flags =
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(uri, flags).map_err(|error| corrupt(error.to_string()))?;
    quick_check(&conn, path)
}

/// Whether a non-empty `-wal` file lies beside the document: what a writer stopped before its
/// last checkpoint leaves (a clean close folds the log into the file and removes it).
fn wal_left_behind(path: &Path) -> bool {
    std::fs::metadata(sibling(path, "-wal")).is_ok_and(|meta| meta.len() > 0)
}

/// SQLite's `quick_check` on `conn`: anything but "ok" is corruption.
fn quick_check(conn: &Connection, path: &Path) -> Result<()> {
    let corrupt = |reason: String| StoreError::Corrupt { path: path.to_owned(), reason };
    let verdict: Vec<String> = conn
        .prepare("PRAGMA quick_check")
        .and_then(|mut statement| statement.query_map([], |row| row.get(0))?.collect())
        .map_err(|error| corrupt(error.to_string()))?;
    if verdict != ["ok"] {
        return Err(corrupt(verdict.join("; ")));
    }
    Ok(())
}

/// Loads the document and revision, treating undecodable or invalid content as corruption.
fn read_state(conn: &Connection, path: &Path) -> Result<(Document, Revision)> {
    let corrupt = |reason: String| StoreError::Corrupt { path: path.to_owned(), reason };
    let document = rows::load(conn)
        .map_err(|error| corrupt(error.to_string()))?
        .map_err(|rows::BadRow(reason)| corrupt(reason))?;
    vsm_model::validate::document(&document).map_err(|error| corrupt(format!("invalid content: {error}")))?;
    let revision = history::revision(conn).map_err(|error| corrupt(error.to_string()))?;
    Ok((document, revision))
}

fn sqlite(path: &Path, source: rusqlite::Error) -> StoreError {
    StoreError::Sqlite { path: path.to_owned(), source }
}

/// Percent-escapes the characters that have a meaning in an SQLite URI filename.
fn uri_escape(path: &Path) -> String {
    let mut escaped = String::new();
    for c in path.to_string_lossy().chars() {
        match c {
            '%' | '?' | '#' => escaped.push_str(&format!("%{:02X}", c as u32)),
            c => escaped.push(c),
        }
    }
    escaped
}

/// `path` with `suffix` appended to its file name.
fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(suffix);
    path.with_file_name(name)
}
