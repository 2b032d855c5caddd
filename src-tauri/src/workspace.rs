//! The open document and the session around it, with no window in sight: the commands and the
//! menu are thin adapters over this, and it is tested directly.

use std::path::{Path, PathBuf};

use vsm_metrics::report::MapReport;
use vsm_metrics::{MetricsOptions, MonteCarlo, MonteCarloOptions};
use vsm_model::{Document, Map};
use vsm_store::DocumentFile;

use crate::dto::{AppError, DocumentState, ErrorCode};
use crate::session::{EXAMPLES, Example, Session, unused_path};

/// The app's one open document and what it remembers between runs.
pub struct Workspace {
    data_dir: PathBuf,
    session: Session,
    document: Option<DocumentFile>,
    startup_notice: Option<AppError>,
}

impl Workspace {
    /// Starts the app: opens the document named on the command line, else the last document,
    /// else (first start) a copy of the first example. A document that cannot be opened is
    /// reported through [`Workspace::take_startup_notice`] and left untouched.
    pub fn start(data_dir: PathBuf, argument: Option<PathBuf>) -> Workspace {
        let session = Session::load(&data_dir);
        let mut workspace = Workspace { data_dir, session, document: None, startup_notice: None };
        let wanted = argument.or_else(|| workspace.session.last_document.clone());
        if let Some(path) = wanted
            && let Err(error) = workspace.open(&path)
        {
            workspace.startup_notice = Some(error);
        }
        if workspace.document.is_none() {
            let fallback = workspace.session.recent.iter().find(|p| p.exists()).cloned();
            let opened = match fallback {
                Some(path) => workspace.open(&path),
                None => workspace.open_example(&EXAMPLES[0]),
            };
            if let Err(error) = opened {
                workspace.startup_notice.get_or_insert(error);
            }
        }
        workspace
    }

    /// Why the document asked for at start-up could not be opened (once).
    pub fn take_startup_notice(&mut self) -> Option<AppError> {
        self.startup_notice.take()
    }

    /// The data folder.
    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    /// Recently opened documents, newest first.
    pub fn recent(&self) -> &[PathBuf] {
        &self.session.recent
    }

    /// Opens `path` as the current document; on failure the current document stays open.
    pub fn open(&mut self, path: &Path) -> Result<(), AppError> {
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
        let name = path.file_name().map(|n| n.to_string_lossy().to_lowercase()).unwrap_or_default();
        if name.ends_with(".json") {
            return Err(AppError::new(
                ErrorCode::Foreign,
                format!("{}: this is a JSON file; use File > Import JSON… to open it", path.display()),
            ));
        }
        let file = DocumentFile::open(&path)?;
        self.adopt(file);
        Ok(())
    }

    /// Copies `example` to a new document in the data folder and opens it.
    pub fn open_example(&mut self, example: &Example) -> Result<(), AppError> {
        let document = vsm_model::read_document(example.json)?;
        self.create(&document, example.file_stem)
    }

    /// Creates an untitled document with one empty current-state map in the data folder.
    pub fn new_document(&mut self) -> Result<(), AppError> {
        let mut map = Map::new("current");
        map.title = "Current state".to_owned();
        self.create(&Document { maps: vec![map], ..Document::default() }, "Untitled")
    }

    /// Imports a `.vsm.json` file as a new document in the data folder and opens it.
    pub fn import_json(&mut self, json_path: &Path) -> Result<(), AppError> {
        let text = std::fs::read_to_string(json_path)
            .map_err(|e| AppError::new(ErrorCode::Io, format!("{}: {e}", json_path.display())))?;
        let document = vsm_model::read_document(&text)
            .map_err(|e| AppError::new(ErrorCode::Invalid, format!("{}: {e}", json_path.display())))?;
        let name = json_path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let stem = name.trim_end_matches(".json").trim_end_matches(".vsm");
        self.create(&document, if stem.is_empty() { "Imported" } else { stem })
    }

    /// Writes the current document as canonical `.vsm.json` to `path`.
    pub fn export_json(&self, path: &Path) -> Result<(), AppError> {
        let text = self.current()?.to_json();
        let temporary = path.with_extension("writing");
        std::fs::write(&temporary, text)
            .and_then(|()| std::fs::rename(&temporary, path))
            .map_err(|e| AppError::new(ErrorCode::Io, format!("{}: {e}", path.display())))
    }

    /// Copies the current document (with its history) to `path` and continues there.
    pub fn save_as(&mut self, path: &Path) -> Result<(), AppError> {
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
        let document = self.current_mut()?;
        document.save_as(&path)?;
        self.remember(&path);
        Ok(())
    }

    /// Closes the open document (on exit): its SQLite connection checkpoints and removes its
    /// `-wal` and `-shm` files. Every edit was already committed.
    pub fn close(&mut self) {
        self.document = None;
    }

    /// The open document.
    pub fn current(&self) -> Result<&DocumentFile, AppError> {
        self.document.as_ref().ok_or_else(|| AppError::new(ErrorCode::NoDocument, "no document is open"))
    }

    /// The open document, for editing.
    pub fn current_mut(&mut self) -> Result<&mut DocumentFile, AppError> {
        self.document.as_mut().ok_or_else(|| AppError::new(ErrorCode::NoDocument, "no document is open"))
    }

    /// The state the UI shows.
    pub fn state(&self) -> Result<DocumentState, AppError> {
        let file = self.current()?;
        let name = file.path().file_stem().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let metrics = vsm_metrics::report::report(&vsm_metrics::document_metrics(file.document()));
        Ok(DocumentState {
            path: file.path().display().to_string(),
            name,
            revision: u32::try_from(file.revision()).unwrap_or(u32::MAX),
            document: file.document().clone(),
            metrics,
            can_undo: file.can_undo()?,
            can_redo: file.can_redo()?,
        })
    }

    /// Runs the Monte Carlo of map `map_id` (10,000 trials, seed 1), with an optional target.
    pub fn simulate(&self, map_id: &str, target_s: Option<f64>) -> Result<MonteCarlo, AppError> {
        let map = self.map(map_id)?;
        let monte_carlo = MonteCarloOptions { target_s, ..MonteCarloOptions::default() };
        let options = MetricsOptions { cell: None, monte_carlo: Some(monte_carlo) };
        let metrics = vsm_metrics::map_metrics_with(map, &options);
        let report = vsm_metrics::report::map_report(&metrics);
        report.monte_carlo.ok_or_else(|| {
            AppError::new(
                ErrorCode::Invalid,
                report.monte_carlo_reason.unwrap_or_else(|| "no simulation".to_owned()),
            )
        })
    }

    /// The metrics of map `map_id` with the balance of the processes `cell`.
    pub fn cell_metrics(&self, map_id: &str, cell: Vec<String>) -> Result<MapReport, AppError> {
        let map = self.map(map_id)?;
        let options = MetricsOptions { cell: Some(cell), monte_carlo: None };
        Ok(vsm_metrics::report::map_report(&vsm_metrics::map_metrics_with(map, &options)))
    }

    /// The map `map_id` of the open document.
    pub fn map(&self, map_id: &str) -> Result<&Map, AppError> {
        self.current()?
            .document()
            .map(map_id)
            .ok_or_else(|| AppError::new(ErrorCode::BadRequest, format!("no map \"{map_id}\"")))
    }

    fn create(&mut self, document: &Document, stem: &str) -> Result<(), AppError> {
        std::fs::create_dir_all(&self.data_dir)
            .map_err(|e| AppError::new(ErrorCode::Io, format!("{}: {e}", self.data_dir.display())))?;
        let path = unused_path(&self.data_dir, stem);
        let file = DocumentFile::create(&path, document)?;
        self.adopt(file);
        Ok(())
    }

    fn adopt(&mut self, file: DocumentFile) {
        let path = file.path().to_owned();
        self.document = Some(file);
        self.remember(&path);
    }

    fn remember(&mut self, path: &Path) {
        self.session.opened(path);
        // The session is a convenience: failing to write it must not fail the open.
        let _ = self.session.save(&self.data_dir);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corrupt_file(dir: &Path) -> PathBuf {
        let path = dir.join("broken.vsm");
        std::fs::write(&path, b"SQLite format 3\0 but then nothing useful").expect("write");
        path
    }

    #[test]
    fn first_start_opens_a_copy_of_the_software_example() {
        let data = tempfile::tempdir().expect("tempdir");
        let mut workspace = Workspace::start(data.path().join("kaizen-vsm"), None);
        let state = workspace.state().expect("state");
        assert_eq!(state.name, "Idea to production");
        assert!(state.path.starts_with(&data.path().display().to_string()));
        assert!(state.document.maps[0].node("development").is_some());
        assert!(workspace.take_startup_notice().is_none());
    }

    #[test]
    fn the_last_document_is_reopened() {
        let data = tempfile::tempdir().expect("tempdir");
        let dir = data.path().join("kaizen-vsm");
        let mut workspace = Workspace::start(dir.clone(), None);
        workspace.new_document().expect("new");
        let untitled = workspace.state().expect("state").path;
        drop(workspace);
        let workspace = Workspace::start(dir, None);
        assert_eq!(workspace.state().expect("state").path, untitled);
    }

    #[test]
    fn a_corrupt_argument_is_reported_and_left_unchanged() {
        let data = tempfile::tempdir().expect("tempdir");
        let broken = corrupt_file(data.path());
        let before = std::fs::read(&broken).expect("read");
        let mut workspace = Workspace::start(data.path().join("kaizen-vsm"), Some(broken.clone()));
        let notice = workspace.take_startup_notice().expect("reported");
        assert_eq!(notice.code, ErrorCode::Corrupt);
        assert!(notice.message.contains("broken.vsm"), "{}", notice.message);
        assert_eq!(std::fs::read(&broken).expect("read"), before);
        assert!(workspace.state().is_ok(), "an example is open instead");
    }

    #[test]
    fn a_failed_open_keeps_the_current_document() {
        let data = tempfile::tempdir().expect("tempdir");
        let mut workspace = Workspace::start(data.path().join("kaizen-vsm"), None);
        let before = workspace.state().expect("state").path;
        let error = workspace.open(&corrupt_file(data.path())).expect_err("refused");
        assert_eq!(error.code, ErrorCode::Corrupt);
        assert_eq!(workspace.state().expect("state").path, before);
        let error = workspace.open(&data.path().join("missing.vsm")).expect_err("refused");
        assert_eq!(error.code, ErrorCode::Io);
    }

    #[test]
    fn simulation_runs_on_the_open_document() {
        let data = tempfile::tempdir().expect("tempdir");
        let workspace = Workspace::start(data.path().join("kaizen-vsm"), None);
        let report = workspace.simulate("current", Some(30.0 * 86_400.0)).expect("simulates");
        assert_eq!((report.trials, report.seed), (10_000, 1));
        assert!(report.p50_s <= report.p85_s && report.p85_s <= report.p95_s);
        assert!(report.probability_meeting_target.is_some_and(|p| (0.0..=1.0).contains(&p)));
        let error = workspace.simulate("nope", None).expect_err("unknown map");
        assert_eq!(error.code, ErrorCode::BadRequest);
    }

    #[test]
    fn a_cell_is_balanced_on_request() {
        let data = tempfile::tempdir().expect("tempdir");
        let mut workspace = Workspace::start(data.path().join("kaizen-vsm"), None);
        workspace.open_example(&EXAMPLES[1]).expect("acme");
        let cell = ["weld-1", "weld-2", "assembly-1", "assembly-2"].map(String::from).to_vec();
        let report = workspace.cell_metrics("current", cell).expect("metrics");
        assert_eq!(report.cell.len(), 4);
        assert_eq!(report.operators_needed.map(|n| format!("{n:.2}")), Some("3.12".to_owned()));
    }

    #[test]
    fn import_export_and_save_as() {
        let data = tempfile::tempdir().expect("tempdir");
        let mut workspace = Workspace::start(data.path().join("kaizen-vsm"), None);
        let json = data.path().join("acme.vsm.json");
        std::fs::write(&json, EXAMPLES[1].json).expect("write");
        workspace.import_json(&json).expect("import");
        assert_eq!(workspace.state().expect("state").name, "acme");
        let out = data.path().join("out.vsm.json");
        workspace.export_json(&out).expect("export");
        assert_eq!(std::fs::read_to_string(&out).expect("read"), EXAMPLES[1].json);
        let copy = data.path().join("copy.vsm");
        workspace.save_as(&copy).expect("save as");
        assert_eq!(workspace.state().expect("state").path, copy.display().to_string());
        assert_eq!(workspace.recent()[0], copy);
    }
}
