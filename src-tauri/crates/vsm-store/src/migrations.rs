//! The document schema, as numbered SQL migrations embedded in the binary.
//!
//! `PRAGMA user_version` is the number of migrations applied. Each migration runs in the
//! caller's transaction together with the `user_version` bump, so a crash leaves a document at
//! one version or the next, never between. (rusqlite_migration would do the same but pins an
//! older rusqlite; see docs/toolchain-notes.md.)

use rusqlite::Transaction;

/// The migrations, in order: (file name, SQL). Migration `n` brings the schema to version `n`.
pub const MIGRATIONS: &[(&str, &str)] = &[
    ("0001_document.sql", include_str!("../migrations/0001_document.sql")),
    ("0002_history.sql", include_str!("../migrations/0002_history.sql")),
    ("0003_kaizen.sql", include_str!("../migrations/0003_kaizen.sql")),
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Applies the migrations after `from` up to `to` inside `tx`, setting `user_version`.
pub fn migrate(tx: &Transaction<'_>, from: i64, to: i64) -> rusqlite::Result<()> {
    for (index, (_, sql)) in MIGRATIONS.iter().enumerate() {
        let version = index as i64 + 1;
        if version > from && version <= to {
            tx.execute_batch(sql)?;
            tx.pragma_update(None, "user_version", version)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use rusqlite::Connection;

    /// Every file in migrations/ is registered, numbered 1, 2, … without gaps, in order.
    #[test]
    fn migrations_are_numbered_and_all_registered() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/migrations");
        let mut files: Vec<String> = std::fs::read_dir(dir)
            .expect("migrations dir")
            .map(|entry| entry.expect("entry").file_name().to_string_lossy().into_owned())
            .filter(|name| name.ends_with(".sql"))
            .collect();
        files.sort();
        let registered: Vec<&str> = MIGRATIONS.iter().map(|(name, _)| *name).collect();
        assert_eq!(files, registered, "every .sql file must be listed in MIGRATIONS, in order");
        for (index, name) in registered.iter().enumerate() {
            let number: usize = name[..4].parse().expect("four-digit prefix");
            assert_eq!(number, index + 1, "{name} is out of sequence");
        }
    }

    /// Each migration applies on top of the previous ones, step by step or all at once, and the
    /// result passes SQLite's integrity and foreign-key checks.
    #[test]
    fn migrations_apply_step_by_step_and_all_at_once() {
        let mut stepwise = Connection::open_in_memory().expect("db");
        for version in 1..=SCHEMA_VERSION {
            let tx = stepwise.transaction().expect("tx");
            migrate(&tx, version - 1, version).expect("migration applies");
            tx.commit().expect("commit");
            let user_version: i64 = stepwise.query_row("PRAGMA user_version", [], |r| r.get(0)).expect("");
            assert_eq!(user_version, version);
        }
        let mut at_once = Connection::open_in_memory().expect("db");
        let tx = at_once.transaction().expect("tx");
        migrate(&tx, 0, SCHEMA_VERSION).expect("all migrations apply");
        tx.commit().expect("commit");

        let schema = |conn: &Connection| -> Vec<String> {
            let mut statement =
                conn.prepare("SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY name").expect("");
            statement.query_map([], |r| r.get(0)).expect("").collect::<rusqlite::Result<_>>().expect("")
        };
        assert_eq!(schema(&stepwise), schema(&at_once));
        for conn in [&stepwise, &at_once] {
            let integrity: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).expect("");
            assert_eq!(integrity, "ok");
            let dangling: i64 =
                conn.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0)).expect("");
            assert_eq!(dangling, 0);
        }
    }

    /// A migration that fails leaves the database at its previous version.
    #[test]
    fn a_failing_migration_rolls_back() {
        let mut conn = Connection::open_in_memory().expect("db");
        let tx = conn.transaction().expect("tx");
        migrate(&tx, 0, 1).expect("first");
        tx.commit().expect("commit");
        let tx = conn.transaction().expect("tx");
        tx.execute_batch("CREATE TABLE history (x)").expect("sabotage");
        assert!(migrate(&tx, 1, SCHEMA_VERSION).is_err());
        drop(tx);
        let user_version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).expect("");
        assert_eq!(user_version, 1);
    }
}
