//! Writing the PDF Kaizen report from the app (File > Export Kaizen Report…). Rendering is pure
//! (`vsm-report`); this dates the report, names it after the document, and replaces the file
//! whole: the PDF goes to a temporary file next to the target and is renamed over it, so a
//! failure never leaves a half-written PDF where the user asked for one.

use std::path::{Path, PathBuf};

use vsm_model::Document;

use crate::dto::{AppError, ErrorCode, ReportExported, ReportSettings};

/// Renders the report of `document` (named `name`, dated `date`) and writes it to `path`.
pub fn write(
    document: &Document,
    name: &str,
    path: &Path,
    settings: ReportSettings,
    date: String,
) -> Result<ReportExported, AppError> {
    if let Some(id) = &settings.map
        && document.map(id).is_none()
    {
        return Err(AppError::new(ErrorCode::BadRequest, format!("no map \"{id}\" to report on")));
    }
    let options = vsm_report::Options {
        paper: settings.paper,
        map: settings.map,
        date,
        author: None,
        name: name.to_owned(),
        sections: settings.sections,
        bundled_fonts_only: false,
    };
    let report = vsm_report::render(document, &options)
        .map_err(|message| AppError::new(ErrorCode::Invalid, format!("{}: {message}", path.display())))?;
    let temporary = partial_path(path);
    std::fs::write(&temporary, &report.pdf).and_then(|()| std::fs::rename(&temporary, path)).map_err(
        |error| {
            let _ = std::fs::remove_file(&temporary);
            AppError::new(ErrorCode::Io, format!("{}: {error}", path.display()))
        },
    )?;
    Ok(ReportExported {
        path: path.display().to_string(),
        pages: u32::try_from(report.pages).unwrap_or(u32::MAX),
        bytes: u32::try_from(report.pdf.len()).unwrap_or(u32::MAX),
        missing_characters: report.missing_characters.iter().map(char::to_string).collect(),
    })
}

/// `Report.pdf` → `Report.pdf.partial`, in the same folder (so the rename cannot cross file
/// systems).
fn partial_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_owned();
    name.push(".partial");
    path.with_file_name(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ACME: &str = include_str!("../../tests/fixtures/acme-kaizen.vsm.json");

    fn settings() -> ReportSettings {
        ReportSettings {
            paper: vsm_report::Paper::A4,
            sections: vsm_report::Sections::default(),
            map: Some("current".to_owned()),
        }
    }

    #[test]
    fn writes_the_report_whole() {
        let document = vsm_model::read_document(ACME).expect("fixture");
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("Acme Kaizen report.pdf");
        let written =
            write(&document, "Acme Kaizen", &path, settings(), "2026-03-01".to_owned()).expect("written");
        let bytes = std::fs::read(&path).expect("read");
        assert!(bytes.starts_with(b"%PDF-"));
        assert_eq!(written.bytes as usize, bytes.len());
        assert!(written.pages >= 1);
        assert_eq!(written.path, path.display().to_string());
        assert!(written.missing_characters.is_empty(), "{:?}", written.missing_characters);
        let names: Vec<_> =
            std::fs::read_dir(dir.path()).expect("list").map(|e| e.expect("entry").file_name()).collect();
        assert_eq!(names.len(), 1, "no temporary file is left: {names:?}");
    }

    #[test]
    fn a_failure_leaves_the_old_file_and_names_the_path() {
        let document = vsm_model::read_document(ACME).expect("fixture");
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("report.pdf");
        std::fs::write(&path, b"the old report").expect("write");
        let error = write(&document, "Acme", &path, settings(), "1 March".to_owned()).expect_err("bad date");
        assert_eq!(error.code, ErrorCode::Invalid);
        assert!(error.message.contains("report.pdf"), "{}", error.message);
        assert_eq!(std::fs::read(&path).expect("read"), b"the old report");

        let unknown = ReportSettings { map: Some("nope".to_owned()), ..settings() };
        let error = write(&document, "Acme", &path, unknown, "2026-03-01".to_owned()).expect_err("no map");
        assert_eq!(error.code, ErrorCode::BadRequest);

        let missing = dir.path().join("no such folder").join("report.pdf");
        let error = write(&document, "Acme", &missing, settings(), "2026-03-01".to_owned()).expect_err("io");
        assert_eq!(error.code, ErrorCode::Io);
        assert!(error.message.contains("no such folder"), "{}", error.message);
        assert_eq!(std::fs::read_dir(dir.path()).expect("list").count(), 1, "nothing else was written");
    }
}
