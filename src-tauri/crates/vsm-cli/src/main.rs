//! `vsm`: the command line of Kaizen VSM, for pipelines, scripts and tests.
//!
//! Exit codes are part of the interface: 0 success; 1 invalid input (the message on stderr names
//! the file, the JSON Pointer or field, and the value); 2 usage; 3 I/O error.

mod commands;
mod failure;
mod files;
mod table;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Value stream maps from the command line: convert, validate, edit, measure and improve.
#[derive(Parser)]
#[command(name = "vsm", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Convert between a .vsm document and the .vsm.json format (chosen by file name).
    Convert {
        /// The file to read (.vsm or .vsm.json).
        input: PathBuf,
        /// The file to write (.vsm or .vsm.json).
        output: PathBuf,
        /// Replace OUTPUT if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Check a .vsm or .vsm.json file and report every problem.
    Validate {
        /// The file to check.
        file: PathBuf,
    },
    /// Apply a change batch (JSON, `-` for standard input) to a .vsm document in one transaction.
    Apply {
        /// The document to change.
        document: PathBuf,
        /// The change batch file.
        batch: PathBuf,
    },
    /// Undo the latest edit of a .vsm document.
    Undo {
        /// The document.
        document: PathBuf,
    },
    /// Redo the latest undone edit of a .vsm document.
    Redo {
        /// The document.
        document: PathBuf,
    },
    /// Print the metrics of every map (or one) of a .vsm or .vsm.json file.
    Metrics {
        /// The file to measure.
        file: PathBuf,
        /// Print the JSON of docs/file-format.md instead of a table.
        #[arg(long)]
        json: bool,
        /// Only this map.
        #[arg(long)]
        map: Option<String>,
        /// The processes to balance (operators needed, balance), comma-separated ids; default all.
        #[arg(long, value_delimiter = ',')]
        cell: Option<Vec<String>>,
        /// Monte Carlo trials (runs by default when a step has a variability range).
        #[arg(long)]
        trials: Option<u32>,
        /// Monte Carlo seed; the same seed gives the same figures.
        #[arg(long, default_value_t = 1)]
        seed: u32,
        /// Target lead time in days (of the map's day basis): report the chance of meeting it.
        #[arg(long, conflicts_with = "target_hours")]
        target_days: Option<f64>,
        /// Target lead time in hours: report the chance of meeting it.
        #[arg(long)]
        target_hours: Option<f64>,
    },
    /// Compare two maps or snapshots of a document: what changed and every headline figure's delta.
    Compare {
        /// The .vsm or .vsm.json file.
        file: PathBuf,
        /// The first state: a map id or a snapshot id.
        #[arg(long)]
        from: String,
        /// The second state: a map id or a snapshot id.
        #[arg(long)]
        to: String,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Suggest improvements to a map (default: the current state), each with its computed effect.
    Suggest {
        /// The .vsm or .vsm.json file.
        file: PathBuf,
        /// The map to improve.
        #[arg(long)]
        map: Option<String>,
        /// Print JSON (each suggestion's `changes` is a batch for `vsm apply`).
        #[arg(long)]
        json: bool,
    },
    /// Write the PDF Kaizen report (A3 by default) of a document.
    Report {
        /// The .vsm or .vsm.json file.
        file: PathBuf,
        /// The PDF to write.
        #[arg(short, long)]
        output: PathBuf,
        /// The current-state map to report on (default: the charter's, else the first current state).
        #[arg(long)]
        map: Option<String>,
        /// Paper: a3 (landscape) or a4 (portrait).
        #[arg(long, default_value = "a3", value_parser = ["a3", "a4"])]
        paper: String,
        /// The report's date, YYYY-MM-DD (default: today).
        #[arg(long)]
        date: Option<String>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Convert { input, output, force } => commands::convert(&input, &output, force),
        Command::Validate { file } => commands::validate(&file),
        Command::Apply { document, batch } => commands::apply(&document, &batch),
        Command::Undo { document } => commands::undo(&document, true),
        Command::Redo { document } => commands::undo(&document, false),
        Command::Metrics { file, json, map, cell, trials, seed, target_days, target_hours } => {
            let request =
                commands::MetricsRequest { json, map, cell, trials, seed, target_days, target_hours };
            commands::metrics(&file, &request)
        }
        Command::Compare { file, from, to, json } => commands::compare(&file, &from, &to, json),
        Command::Suggest { file, map, json } => commands::suggest(&file, map.as_deref(), json),
        Command::Report { file, output, map, paper, date } => {
            commands::report(&file, &output, map, &paper, date)
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("{failure}");
            failure.exit_code()
        }
    }
}
