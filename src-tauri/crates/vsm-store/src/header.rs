//! Checks made on the raw file before SQLite touches it.
//!
//! Opening a file with SQLite in read-write mode may write to it (switching to WAL rewrites the
//! header; a hot journal is rolled back). A file we refuse must stay byte-for-byte unchanged, so
//! everything that can be decided from the 100-byte database header — is it SQLite at all, is it
//! ours (`application_id`), which schema (`user_version`), is it shorter than its page count —
//! is decided here, with plain reads.

use std::io::Read;
use std::path::Path;

use crate::error::{Result, StoreError};

/// `PRAGMA application_id` of a Kaizen VSM document: "KVSM" in ASCII.
pub const APPLICATION_ID: i32 = 0x4B56_534D;

const MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// What the header says about a file that looks like one of our documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Header {
    /// `PRAGMA user_version`: the schema version of the document.
    pub schema_version: i64,
}

/// Reads and checks the header of `path`. `complete` says the file is meant to hold every page
/// its header counts; not so while a write-ahead log left by a stopped writer still holds some.
pub fn check(path: &Path, supported_schema: i64, complete: bool) -> Result<Header> {
    let io = |source| StoreError::Io { path: path.to_owned(), source };
    let mut file = std::fs::File::open(path).map_err(io)?;
    let len = file.metadata().map_err(io)?.len();
    let mut header = Vec::with_capacity(100);
    file.by_ref().take(100).read_to_end(&mut header).map_err(io)?;

    let foreign = |reason: &str| StoreError::Foreign { path: path.to_owned(), reason: reason.to_owned() };
    let corrupt = |reason: String| StoreError::Corrupt { path: path.to_owned(), reason };
    if len == 0 {
        return Err(foreign("the file is empty"));
    }
    if !header.starts_with(&MAGIC[..header.len().min(16)]) {
        let text = String::from_utf8_lossy(&header);
        return Err(if text.trim_start().starts_with('{') {
            foreign(
                "it is a JSON file; import it (File > Import JSON…, or `vsm convert IN.vsm.json OUT.vsm`)",
            )
        } else {
            foreign("it is not a SQLite database")
        });
    }
    if header.len() < 100 {
        return Err(corrupt(format!("the file is truncated: {len} bytes, shorter than a database header")));
    }

    let be32 = |at: usize| u32::from_be_bytes([header[at], header[at + 1], header[at + 2], header[at + 3]]);
    let application_id = be32(68) as i32;
    if application_id != APPLICATION_ID {
        return Err(foreign(&format!(
            "it is a SQLite database of another program (application_id {application_id:#010x})"
        )));
    }

    let page_size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65_536,
        size => u64::from(size),
    };
    if page_size < 512 || !page_size.is_power_of_two() {
        return Err(corrupt(format!("the header gives an impossible page size of {page_size}")));
    }
    // The in-header page count is valid when "version-valid-for" equals the change counter.
    if complete && be32(92) == be32(24) {
        let expected = u64::from(be32(28)) * page_size;
        if len < expected {
            return Err(corrupt(format!(
                "the file is truncated: {len} bytes of the {expected} its header promises"
            )));
        }
    }
    if len % page_size != 0 {
        return Err(corrupt(format!("the file size {len} is not a whole number of {page_size}-byte pages")));
    }

    let schema_version = i64::from(be32(60) as i32);
    if schema_version > supported_schema {
        return Err(StoreError::NewerSchema {
            path: path.to_owned(),
            found: schema_version,
            supported: supported_schema,
        });
    }
    if schema_version < 1 {
        return Err(corrupt(format!("schema version {schema_version} is not one Kaizen VSM ever wrote")));
    }
    Ok(Header { schema_version })
}
