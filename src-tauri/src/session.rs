//! Where documents live and which one to open: the data folder, the last and recent documents,
//! the bundled examples, and names for new documents.
//!
//! The data folder follows `XDG_DATA_HOME` (default `~/.local/share`), in a `kaizen-vsm` folder,
//! so tests can isolate it. `session.json` there remembers the last document and the recent list;
//! losing it loses nothing but that convenience.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// The newest documents first, at most this many.
const RECENT_LIMIT: usize = 10;

/// A map bundled with the app. The examples are the project's test fixtures, so they are always
/// valid and their metrics are golden-tested.
pub struct Example {
    /// Stable id used by the menu and the UI.
    pub id: &'static str,
    /// Title shown in the menu.
    pub title: &'static str,
    /// File name of the copy made in the data folder.
    pub file_stem: &'static str,
    /// The `.vsm.json` text.
    pub json: &'static str,
}

/// The bundled examples; the first is opened on the very first start.
pub const EXAMPLES: [Example; 2] = [
    Example {
        id: "software-delivery",
        title: "Software delivery: idea to production",
        file_stem: "Idea to production",
        json: include_str!("../../tests/fixtures/software-delivery.vsm.json"),
    },
    Example {
        id: "lean-manufacturing",
        title: "Lean manufacturing: Acme Stamping (Learning to See)",
        file_stem: "Acme Stamping",
        json: include_str!("../../tests/fixtures/acme-stamping.vsm.json"),
    },
];

/// The example with `id`.
pub fn example(id: &str) -> Option<&'static Example> {
    EXAMPLES.iter().find(|example| example.id == id)
}

/// The data folder: `$XDG_DATA_HOME/kaizen-vsm`, or `~/.local/share/kaizen-vsm`.
pub fn data_dir() -> PathBuf {
    let base = std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .filter(|path| path.is_absolute())
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".local/share")))
        .unwrap_or_else(std::env::temp_dir);
    base.join("kaizen-vsm")
}

/// What the app remembers between runs.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Session {
    /// The document open when the app last closed.
    #[serde(default)]
    pub last_document: Option<PathBuf>,
    /// Recently opened documents, newest first.
    #[serde(default)]
    pub recent: Vec<PathBuf>,
}

impl Session {
    /// Reads `session.json` from `dir`; a missing or unreadable file is an empty session.
    pub fn load(dir: &Path) -> Session {
        std::fs::read_to_string(dir.join("session.json"))
            .ok()
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or_default()
    }

    /// Writes `session.json` to `dir` (through a temporary file and a rename).
    pub fn save(&self, dir: &Path) -> std::io::Result<()> {
        std::fs::create_dir_all(dir)?;
        let temporary = dir.join("session.json.writing");
        std::fs::write(&temporary, serde_json::to_string_pretty(self).unwrap_or_default())?;
        std::fs::rename(temporary, dir.join("session.json"))
    }

    /// Records that `path` was opened: it becomes the last document and heads the recent list.
    pub fn opened(&mut self, path: &Path) {
        self.last_document = Some(path.to_owned());
        self.recent.retain(|recent| recent != path);
        self.recent.insert(0, path.to_owned());
        self.recent.truncate(RECENT_LIMIT);
    }
}

/// A path in `dir` named `stem.vsm` that does not exist yet: `stem.vsm`, `stem 2.vsm`, …
pub fn unused_path(dir: &Path, stem: &str) -> PathBuf {
    let mut candidate = dir.join(format!("{stem}.vsm"));
    let mut n = 2;
    while candidate.exists() {
        candidate = dir.join(format!("{stem} {n}.vsm"));
        n += 1;
    }
    candidate
}

/// The document path given on the command line, if any (the first argument that is not a flag).
pub fn path_argument(args: impl IntoIterator<Item = String>) -> Option<PathBuf> {
    args.into_iter().skip(1).find(|arg| !arg.starts_with('-')).map(PathBuf::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn examples_are_valid_documents() {
        for example in EXAMPLES {
            vsm_model::read_document(example.json).unwrap_or_else(|e| panic!("{}: {e}", example.id));
        }
    }

    #[test]
    fn session_round_trips_and_tolerates_garbage() {
        let dir = tempfile::tempdir().expect("tempdir");
        assert_eq!(Session::load(dir.path()), Session::default());
        let mut session = Session::default();
        session.opened(Path::new("/a.vsm"));
        session.opened(Path::new("/b.vsm"));
        session.opened(Path::new("/a.vsm"));
        assert_eq!(session.recent, [PathBuf::from("/a.vsm"), PathBuf::from("/b.vsm")]);
        session.save(dir.path()).expect("save");
        assert_eq!(Session::load(dir.path()), session);
        std::fs::write(dir.path().join("session.json"), "{not json").expect("write");
        assert_eq!(Session::load(dir.path()), Session::default());
    }

    #[test]
    fn recent_list_is_bounded() {
        let mut session = Session::default();
        for i in 0..25 {
            session.opened(Path::new(&format!("/{i}.vsm")));
        }
        assert_eq!(session.recent.len(), RECENT_LIMIT);
        assert_eq!(session.recent[0], PathBuf::from("/24.vsm"));
    }

    #[test]
    fn unused_paths_count_up() {
        let dir = tempfile::tempdir().expect("tempdir");
        assert_eq!(unused_path(dir.path(), "Untitled"), dir.path().join("Untitled.vsm"));
        std::fs::write(dir.path().join("Untitled.vsm"), "").expect("write");
        std::fs::write(dir.path().join("Untitled 2.vsm"), "").expect("write");
        assert_eq!(unused_path(dir.path(), "Untitled"), dir.path().join("Untitled 3.vsm"));
    }

    #[test]
    fn the_path_argument_skips_flags() {
        let args = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(path_argument(args(&["kaizen-vsm"])), None);
        assert_eq!(
            path_argument(args(&["kaizen-vsm", "--verbose", "map.vsm"])),
            Some(PathBuf::from("map.vsm"))
        );
    }
}
