//! File kinds by name, reading either kind into a document, and atomic text writes.

use std::io::Write;
use std::path::{Path, PathBuf};

use vsm_model::Document;
use vsm_store::DocumentFile;

use crate::failure::{Class, Failure};

/// The two file faces of a document.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum FileKind {
    /// A `.vsm` SQLite document.
    Document,
    /// A `.vsm.json` (or any `.json`) interchange file.
    Json,
}

/// The kind of `path`, from its whole file name (`x.vsm.json` is JSON, not `.vsm`).
pub fn kind_of(path: &Path) -> Result<FileKind, Failure> {
    let name = path.file_name().map(|n| n.to_string_lossy().to_lowercase()).unwrap_or_default();
    if name.ends_with(".json") {
        Ok(FileKind::Json)
    } else if name.ends_with(".vsm") {
        Ok(FileKind::Document)
    } else {
        Err(Failure::new(
            Class::Usage,
            format!("{}: name the file .vsm (document) or .vsm.json (JSON format)", path.display()),
        ))
    }
}

/// Reads a document from either kind of file.
pub fn read_any(path: &Path) -> Result<Document, Failure> {
    match kind_of(path)? {
        FileKind::Json => {
            let text = std::fs::read_to_string(path).map_err(|e| Failure::io(path, e))?;
            vsm_model::read_document(&text).map_err(|e| Failure::model(path, &e))
        }
        FileKind::Document => {
            DocumentFile::open(path).map(|file| file.document().clone()).map_err(|e| Failure::store(path, e))
        }
    }
}

/// Opens a `.vsm` document for editing.
pub fn open_document(path: &Path) -> Result<DocumentFile, Failure> {
    if kind_of(path)? != FileKind::Document {
        return Err(Failure::new(
            Class::Usage,
            format!(
                "{}: edits apply to a .vsm document; convert the JSON first (vsm convert)",
                path.display()
            ),
        ));
    }
    DocumentFile::open(path).map_err(|e| Failure::store(path, e))
}

/// Writes `text` to `path` through a temporary sibling and a rename, so a reader never sees half
/// a file and an existing file is replaced whole or not at all.
pub fn write_atomically(path: &Path, text: &str) -> Result<(), Failure> {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".writing");
    let temporary: PathBuf = path.with_file_name(name);
    let written = std::fs::File::create(&temporary).and_then(|mut file| {
        file.write_all(text.as_bytes())?;
        file.sync_all()
    });
    if let Err(error) = written.and_then(|()| std::fs::rename(&temporary, path)) {
        let _ = std::fs::remove_file(&temporary);
        return Err(Failure::io(path, error));
    }
    Ok(())
}
