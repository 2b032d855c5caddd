//! The `history` table and the document revision in `meta`.

use rusqlite::{Connection, OptionalExtension, params};
use vsm_model::ChangeBatch;

/// One recorded edit.
pub struct Entry {
    /// Row id; edits are ordered by it.
    pub seq: i64,
    /// Batches that redo the edit.
    pub forward: Vec<ChangeBatch>,
    /// Batches that undo the edit.
    pub backward: Vec<ChangeBatch>,
}

/// Records a new edit and drops the redo stack it replaces.
pub fn record(conn: &Connection, forward: &[ChangeBatch], backward: &[ChangeBatch]) -> rusqlite::Result<()> {
    conn.execute("DELETE FROM history WHERE undone = 1", [])?;
    conn.execute(
        "INSERT INTO history (forward, backward) VALUES (?1, ?2)",
        params![to_json(forward), to_json(backward)],
    )?;
    Ok(())
}

/// The latest edit that is not undone.
pub fn last_done(conn: &Connection) -> rusqlite::Result<Option<Entry>> {
    entry(conn, "SELECT seq, forward, backward FROM history WHERE undone = 0 ORDER BY seq DESC LIMIT 1")
}

/// The earliest undone edit.
pub fn first_undone(conn: &Connection) -> rusqlite::Result<Option<Entry>> {
    entry(conn, "SELECT seq, forward, backward FROM history WHERE undone = 1 ORDER BY seq ASC LIMIT 1")
}

/// Marks an edit undone or redone.
pub fn mark_undone(conn: &Connection, seq: i64, undone: bool) -> rusqlite::Result<()> {
    conn.execute("UPDATE history SET undone = ?1 WHERE seq = ?2", params![undone, seq])?;
    Ok(())
}

/// The committed revision.
pub fn revision(conn: &Connection) -> rusqlite::Result<i64> {
    let text: String =
        conn.query_row("SELECT value FROM meta WHERE key = 'revision'", [], |row| row.get(0))?;
    text.parse()
        .map_err(|_| rusqlite::Error::InvalidColumnType(0, "revision".into(), rusqlite::types::Type::Text))
}

/// Sets the committed revision.
pub fn set_revision(conn: &Connection, revision: i64) -> rusqlite::Result<()> {
    conn.execute("UPDATE meta SET value = ?1 WHERE key = 'revision'", [revision.to_string()])?;
    Ok(())
}

fn entry(conn: &Connection, sql: &str) -> rusqlite::Result<Option<Entry>> {
    let row: Option<(i64, String, String)> =
        conn.query_row(sql, [], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?))).optional()?;
    let Some((seq, forward, backward)) = row else { return Ok(None) };
    let decode = |text: &str, column: usize| {
        serde_json::from_str(text).map_err(|error| {
            rusqlite::Error::FromSqlConversionFailure(column, rusqlite::types::Type::Text, Box::new(error))
        })
    };
    Ok(Some(Entry { seq, forward: decode(&forward, 1)?, backward: decode(&backward, 2)? }))
}

fn to_json(batches: &[ChangeBatch]) -> String {
    serde_json::to_string(batches).unwrap_or_else(|_| "[]".to_owned())
}
