//! The subcommands. Each reads its inputs, calls the core crates and prints a short result.

use std::io::Read;
use std::path::Path;

use vsm_store::DocumentFile;

use crate::failure::{Class, Failure};
use crate::files::{FileKind, kind_of, open_document, read_any, write_atomically};

/// `vsm convert IN OUT`.
pub fn convert(input: &Path, output: &Path, force: bool) -> Result<(), Failure> {
    let (from, to) = (kind_of(input)?, kind_of(output)?);
    if output.exists() && !force {
        return Err(Failure::new(
            Class::Usage,
            format!("{}: the file exists; pass --force to replace it", output.display()),
        ));
    }
    match (from, to) {
        (_, FileKind::Json) => {
            let document = read_any(input)?;
            write_atomically(output, &vsm_model::write_document(&document))
        }
        (FileKind::Json, FileKind::Document) => {
            let document = read_any(input)?;
            replace_document(output, |temporary| DocumentFile::create(temporary, &document).map(drop))
                .map_err(|e| Failure::store(input, e))
        }
        (FileKind::Document, FileKind::Document) => {
            let mut file = open_document(input)?;
            replace_document(output, |temporary| file.save_as(temporary))
                .map_err(|e| Failure::store(input, e))
        }
    }
}

/// Builds a document under a temporary name, then renames it over `output` (dropping any stale
/// WAL files of the old one), so `output` is replaced whole or not at all.
fn replace_document(
    output: &Path,
    build: impl FnOnce(&Path) -> vsm_store::Result<()>,
) -> vsm_store::Result<()> {
    let with_suffix = |suffix: &str| {
        let mut name = output.file_name().unwrap_or_default().to_os_string();
        name.push(suffix);
        output.with_file_name(name)
    };
    let temporary = with_suffix(".converting");
    let _ = std::fs::remove_file(&temporary);
    if let Err(error) = build(&temporary) {
        let _ = std::fs::remove_file(&temporary);
        return Err(error);
    }
    for stale in [with_suffix("-wal"), with_suffix("-shm")] {
        let _ = std::fs::remove_file(stale);
    }
    std::fs::rename(&temporary, output)
        .map_err(|source| vsm_store::StoreError::Io { path: output.to_owned(), source })
}

/// `vsm validate FILE`.
pub fn validate(file: &Path) -> Result<(), Failure> {
    let document = read_any(file)?;
    let nodes: usize = document.maps.iter().map(|map| map.nodes.len()).sum();
    let edges: usize = document.maps.iter().map(|map| map.edges.len()).sum();
    println!(
        "{}: valid ({} {}, {nodes} nodes, {edges} edges)",
        file.display(),
        document.maps.len(),
        if document.maps.len() == 1 { "map" } else { "maps" }
    );
    Ok(())
}

/// `vsm apply DOC BATCH`.
pub fn apply(document: &Path, batch_path: &Path) -> Result<(), Failure> {
    let text = if batch_path == Path::new("-") {
        let mut text = String::new();
        std::io::stdin().read_to_string(&mut text).map_err(|e| Failure::io(batch_path, e))?;
        text
    } else {
        std::fs::read_to_string(batch_path).map_err(|e| Failure::io(batch_path, e))?
    };
    let batch = vsm_model::read_batch(&text).map_err(|e| Failure::model(batch_path, &e))?;
    let mut file = open_document(document)?;
    let revision = file.apply(&batch).map_err(|e| Failure::store(batch_path, e))?;
    println!("revision {revision}");
    Ok(())
}

/// `vsm undo DOC` (`undo = true`) and `vsm redo DOC`.
pub fn undo(document: &Path, undo: bool) -> Result<(), Failure> {
    let mut file = open_document(document)?;
    let result = if undo { file.undo() } else { file.redo() };
    match result.map_err(|e| Failure::store(document, e))? {
        Some(revision) => println!("revision {revision}"),
        None => println!("nothing to {}", if undo { "undo" } else { "redo" }),
    }
    Ok(())
}

/// The options of `vsm metrics`.
pub struct MetricsRequest {
    /// Print JSON instead of the table.
    pub json: bool,
    /// Only this map.
    pub map: Option<String>,
    /// The cell to balance.
    pub cell: Option<Vec<String>>,
    /// Monte Carlo trials.
    pub trials: Option<u32>,
    /// Monte Carlo seed.
    pub seed: u32,
    /// Target lead time, days.
    pub target_days: Option<f64>,
    /// Target lead time, hours.
    pub target_hours: Option<f64>,
}

/// `vsm metrics FILE [--json] [--map ID] [--cell IDS] [--trials N] [--seed S] [--target-days D]`.
pub fn metrics(file: &Path, request: &MetricsRequest) -> Result<(), Failure> {
    let document = read_any(file)?;
    let maps: Vec<&vsm_model::Map> = match &request.map {
        None => document.maps.iter().collect(),
        Some(id) => vec![document.map(id).ok_or_else(|| {
            let ids: Vec<&str> = document.maps.iter().map(|m| m.id.as_str()).collect();
            Failure::new(
                Class::Invalid,
                format!("{}: --map {id}: no such map (maps: {})", file.display(), ids.join(", ")),
            )
        })?],
    };
    for (flag, value) in [("--target-days", request.target_days), ("--target-hours", request.target_hours)] {
        if let Some(value) = value.filter(|v| !v.is_finite() || *v < 0.0) {
            return Err(Failure::new(Class::Usage, format!("{flag} must be a number ≥ 0, got {value}")));
        }
    }
    let metrics: Vec<vsm_metrics::MapMetrics> = maps
        .iter()
        .map(|map| {
            let wants_simulation = request.trials.is_some()
                || request.target_days.is_some()
                || request.target_hours.is_some()
                || map.nodes.iter().any(|n| n.variability.is_some());
            let day = vsm_metrics::Pace::of(map).day_length_s.unwrap_or(86_400.0);
            let target_s = request.target_days.map(|d| d * day).or(request.target_hours.map(|h| h * 3600.0));
            let monte_carlo = wants_simulation.then(|| vsm_metrics::MonteCarloOptions {
                trials: request.trials.unwrap_or(10_000),
                seed: request.seed,
                target_s,
            });
            let options = vsm_metrics::MetricsOptions { cell: request.cell.clone(), monte_carlo };
            vsm_metrics::map_metrics_with(map, &options)
        })
        .collect();
    if request.json {
        let value = vsm_metrics::report::report_json(&metrics);
        println!("{}", serde_json::to_string_pretty(&value).unwrap_or_default());
    } else {
        for (map, figures) in maps.iter().zip(&metrics) {
            print!("{}", crate::table::render(map, figures));
        }
    }
    Ok(())
}

/// `vsm compare FILE --from ID --to ID [--json]`.
pub fn compare(file: &Path, from: &str, to: &str, json: bool) -> Result<(), Failure> {
    let document = read_any(file)?;
    let find = |id: &str, flag: &str| {
        vsm_kaizen::state(&document, id).ok_or_else(|| {
            let maps: Vec<&str> = document.maps.iter().map(|m| m.id.as_str()).collect();
            let snapshots: Vec<&str> = document.snapshots.iter().map(|s| s.id.as_str()).collect();
            Failure::new(
                Class::Invalid,
                format!(
                    "{}: {flag} {id}: no such map or snapshot (maps: {}; snapshots: {})",
                    file.display(),
                    maps.join(", "),
                    if snapshots.is_empty() { "none".to_owned() } else { snapshots.join(", ") }
                ),
            )
        })
    };
    let comparison = vsm_kaizen::compare(from, find(from, "--from")?, to, find(to, "--to")?);
    if json {
        let mut value = serde_json::to_value(&comparison).unwrap_or_default();
        vsm_model::json::normalize_numbers(&mut value);
        println!("{}", serde_json::to_string_pretty(&value).unwrap_or_default());
    } else {
        print!("{}", crate::table::render_comparison(&comparison));
    }
    Ok(())
}

/// `vsm suggest FILE [--map ID] [--json]`: improvement suggestions with their computed effect.
pub fn suggest(file: &Path, map: Option<&str>, json: bool) -> Result<(), Failure> {
    let document = read_any(file)?;
    let map = match map {
        Some(id) => document.map(id).ok_or_else(|| {
            let maps: Vec<&str> = document.maps.iter().map(|m| m.id.as_str()).collect();
            Failure::new(
                Class::Invalid,
                format!("{}: --map {id}: no such map (maps: {})", file.display(), maps.join(", ")),
            )
        })?,
        None => document
            .maps
            .iter()
            .find(|m| m.state == vsm_model::MapState::Current)
            .or(document.maps.first())
            .ok_or_else(|| {
                Failure::new(Class::Invalid, format!("{}: the document has no map", file.display()))
            })?,
    };
    let suggestions = vsm_kaizen::suggest(&document, &map.id, &vsm_kaizen::Settings::default());
    if json {
        let mut value = serde_json::json!({ "map": map.id, "suggestions": suggestions });
        vsm_model::json::normalize_numbers(&mut value);
        println!("{}", serde_json::to_string_pretty(&value).unwrap_or_default());
    } else {
        print!("{}", crate::table::render_suggestions(map, &suggestions));
    }
    Ok(())
}

/// `vsm report FILE -o OUT.pdf [--map ID] [--paper a3|a4] [--date YYYY-MM-DD]`: the PDF Kaizen
/// report. Written to a temporary file next to OUT and renamed, so OUT is never half written.
pub fn report(
    file: &Path,
    output: &Path,
    map: Option<String>,
    paper: &str,
    date: Option<String>,
) -> Result<(), Failure> {
    let document = read_any(file)?;
    let name = file
        .file_name()
        .and_then(|n| n.to_str())
        .map(|n| n.trim_end_matches(".json").trim_end_matches(".vsm").to_owned())
        .unwrap_or_default();
    let options = vsm_report::Options {
        paper: if paper == "a4" { vsm_report::Paper::A4 } else { vsm_report::Paper::A3 },
        map,
        date: date.unwrap_or_else(vsm_report::today),
        author: None,
        name,
        sections: vsm_report::Sections::default(),
        bundled_fonts_only: false,
    };
    let report = vsm_report::render(&document, &options)
        .map_err(|message| Failure::new(Class::Invalid, format!("{}: {message}", file.display())))?;
    let partial = output.with_extension("pdf.partial");
    std::fs::write(&partial, &report.pdf).map_err(|e| Failure::io(&partial, e))?;
    std::fs::rename(&partial, output).map_err(|e| Failure::io(output, e))?;
    println!("{}: {} page(s), {} bytes", output.display(), report.pages, report.pdf.len());
    if !report.missing_characters.is_empty() {
        let listed: String = report.missing_characters.iter().collect();
        eprintln!("warning: no font for {listed}: printed as \"?\" and listed in the report");
    }
    Ok(())
}
