//! Tests of the `vsm` binary as a script would use it: outputs, exit codes, messages, and the
//! crash-safety promise (killing `vsm apply` at any moment leaves each batch whole or absent).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Instant;

use vsm_model::{Document, read_batch, read_document};
use vsm_store::DocumentFile;

fn fixture_path() -> PathBuf {
    PathBuf::from(format!("{}/../../../tests/fixtures/acme-stamping.vsm.json", env!("CARGO_MANIFEST_DIR")))
}

fn vsm(args: &[&Path]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_vsm")).args(args).output().expect("run vsm")
}

fn vsm_str(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_vsm")).args(args).output().expect("run vsm")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Converts the fixture to a fresh `.vsm` in `dir`.
fn document_in(dir: &Path) -> PathBuf {
    let path = dir.join("acme.vsm");
    let output = vsm(&[Path::new("convert"), &fixture_path(), &path]);
    assert!(output.status.success(), "{}", stderr(&output));
    path
}

mod convert_and_validate {
    use super::*;

    #[test]
    fn json_to_vsm_and_back_is_lossless() {
        let dir = tempfile::tempdir().expect("tempdir");
        let document = dir.path().join("acme.vsm");
        let json = dir.path().join("out.vsm.json");
        assert!(vsm(&[Path::new("convert"), &fixture_path(), &document]).status.success());
        assert!(vsm(&[Path::new("convert"), &document, &json]).status.success());
        assert_eq!(
            fs::read_to_string(&json).expect("read"),
            fs::read_to_string(fixture_path()).expect("read")
        );
    }

    #[test]
    fn convert_refuses_to_overwrite_without_force() {
        let dir = tempfile::tempdir().expect("tempdir");
        let out = dir.path().join("taken.vsm.json");
        fs::write(&out, "keep me").expect("write");
        let output = vsm(&[Path::new("convert"), &fixture_path(), &out]);
        assert_eq!(output.status.code(), Some(2));
        assert!(stderr(&output).contains("--force"), "{}", stderr(&output));
        assert_eq!(fs::read_to_string(&out).expect("read"), "keep me");
        assert!(vsm(&[Path::new("convert"), &fixture_path(), &out, Path::new("--force")]).status.success());
        read_document(&fs::read_to_string(&out).expect("read")).expect("replaced with a valid document");
    }

    #[test]
    fn validate_reports_a_summary() {
        let output = vsm(&[Path::new("validate"), &fixture_path()]);
        assert_eq!(output.status.code(), Some(0));
        assert!(stdout(&output).contains("valid (1 map, 17 nodes, 19 edges)"), "{}", stdout(&output));
    }

    #[test]
    fn invalid_input_exits_1_naming_file_pointer_field_and_value() {
        let dir = tempfile::tempdir().expect("tempdir");
        let bad = dir.path().join("bad.vsm.json");
        let text = fs::read_to_string(fixture_path())
            .expect("read")
            .replace("\"cycle_time_s\": 39", "\"cycle_time_s\": -39");
        fs::write(&bad, text).expect("write");
        let output = vsm(&[Path::new("validate"), &bad]);
        assert_eq!(output.status.code(), Some(1));
        let message = stderr(&output);
        assert!(
            message.contains("bad.vsm.json: /maps/0/nodes/5/cycle_time_s: cycle_time_s must be > 0, got -39"),
            "{message}"
        );
    }

    #[test]
    fn a_missing_file_exits_3() {
        let output = vsm_str(&["validate", "/nonexistent/map.vsm.json"]);
        assert_eq!(output.status.code(), Some(3));
        assert!(stderr(&output).contains("/nonexistent/map.vsm.json"));
    }

    #[test]
    fn usage_errors_exit_2() {
        assert_eq!(vsm_str(&["frobnicate"]).status.code(), Some(2));
        assert_eq!(vsm_str(&["convert", "only-one.vsm"]).status.code(), Some(2));
        let output = vsm_str(&["validate", "map.txt"]);
        assert_eq!(output.status.code(), Some(2));
        assert!(stderr(&output).contains(".vsm (document) or .vsm.json"));
    }

    #[test]
    fn a_corrupt_document_exits_1_and_is_left_unchanged() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = document_in(dir.path());
        let mut bytes = fs::read(&path).expect("read");
        bytes.truncate(bytes.len() / 2);
        fs::write(&path, &bytes).expect("write");
        let output = vsm(&[Path::new("metrics"), &path]);
        assert_eq!(output.status.code(), Some(1));
        assert!(stderr(&output).contains("damaged"), "{}", stderr(&output));
        assert_eq!(fs::read(&path).expect("read"), bytes);
    }
}

mod edits {
    use super::*;

    #[test]
    fn apply_undo_redo_print_revisions() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = document_in(dir.path());
        let batch = dir.path().join("move.json");
        fs::write(
            &batch,
            r#"{"map":"current","changes":[{"op":"update_node","id":"weld-1","set":{"cycle_time_s":30}}]}"#,
        )
        .expect("write");
        let output = vsm(&[Path::new("apply"), &path, &batch]);
        assert_eq!(
            (output.status.code(), stdout(&output).trim()),
            (Some(0), "revision 1"),
            "{}",
            stderr(&output)
        );
        assert_eq!(stdout(&vsm(&[Path::new("undo"), &path])).trim(), "revision 2");
        assert_eq!(stdout(&vsm(&[Path::new("undo"), &path])).trim(), "nothing to undo");
        assert_eq!(stdout(&vsm(&[Path::new("redo"), &path])).trim(), "revision 3");
        let file = DocumentFile::open(&path).expect("open");
        assert_eq!(file.document().maps[0].node("weld-1").and_then(|n| n.cycle_time_s), Some(30.0));
    }

    #[test]
    fn a_bad_batch_exits_1_and_changes_nothing() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = document_in(dir.path());
        let before = DocumentFile::open(&path).expect("open").document().clone();
        let batch = dir.path().join("bad.json");
        fs::write(&batch, r#"{"changes":[{"op":"update_node","id":"weld-1","set":{"uptime":1.2}}]}"#)
            .expect("write");
        let output = vsm(&[Path::new("apply"), &path, &batch]);
        assert_eq!(output.status.code(), Some(1));
        assert!(
            stderr(&output).contains("bad.json: /changes/0/set/uptime: uptime must be in (0, 1], got 1.2"),
            "{}",
            stderr(&output)
        );
        assert_eq!(DocumentFile::open(&path).expect("open").document(), &before);
    }

    #[test]
    fn apply_reads_the_batch_from_stdin() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = document_in(dir.path());
        let mut child = Command::new(env!("CARGO_BIN_EXE_vsm"))
            .args([Path::new("apply"), &path, Path::new("-")])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("spawn");
        use std::io::Write;
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(br#"{"changes":[{"op":"remove_node","id":"truck-in"}]}"#)
            .expect("write");
        let output = child.wait_with_output().expect("wait");
        assert_eq!(stdout(&output).trim(), "revision 1");
    }

    #[test]
    fn edits_need_a_vsm_document() {
        let output = vsm(&[Path::new("undo"), &fixture_path()]);
        assert_eq!(output.status.code(), Some(2));
        assert!(stderr(&output).contains("convert the JSON first"));
    }
}

mod metrics {
    use super::*;

    #[test]
    fn the_table_shows_the_headline_figures() {
        let output = vsm(&[Path::new("metrics"), &fixture_path()]);
        let text = stdout(&output);
        assert!(text.contains("23.6 calendar days"), "{text}");
        // 18,400 a month over 20 working days; whole counts without a trailing ".0".
        assert!(text.contains("Daily demand      920 pieces\n"), "{text}");
        assert!(
            text.contains("188 s") && text.contains("Takt              60 s") && text.contains("Assembly #1"),
            "{text}"
        );
    }

    #[test]
    fn json_has_the_documented_keys_and_reasons() {
        let output = vsm(&[Path::new("metrics"), &fixture_path(), Path::new("--json")]);
        let value: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
        assert_eq!(value["format"], "kaizen-vsm-metrics");
        let map = &value["maps"][0];
        for key in [
            "id",
            "takt_s",
            "available_s_per_shift",
            "daily_demand",
            "lead_time_s",
            "lead_time_first_pass_s",
            "lead_time_days",
            "processing_time_s",
            "va_ratio",
            "rolled_pca",
            "critical_path",
            "bottleneck",
            "steps",
            "warnings",
        ] {
            assert!(map.get(key).is_some(), "missing {key}");
        }
        assert_eq!(map["takt_s"], 60);
        assert_eq!(map["processing_time_s"], 188);
        assert!(map["rolled_pca"].is_null() && map["rolled_pca_reason"].is_string());
        for key in [
            "id",
            "kind",
            "wait_s",
            "wait_days",
            "effective_cycle_time_s",
            "capacity_per_shift",
            "load_ratio",
            "over_takt",
        ] {
            assert!(map["steps"][0].get(key).is_some(), "step misses {key}");
        }
    }

    #[test]
    fn an_unknown_map_is_invalid_input() {
        let output = vsm(&[Path::new("metrics"), &fixture_path(), Path::new("--map"), Path::new("future")]);
        assert_eq!(output.status.code(), Some(1));
        assert!(stderr(&output).contains("no such map (maps: current)"));
    }
}

mod compare {
    use super::*;

    fn kaizen_fixture() -> PathBuf {
        PathBuf::from(format!("{}/../../../tests/fixtures/acme-kaizen.vsm.json", env!("CARGO_MANIFEST_DIR")))
    }

    #[test]
    fn compares_current_and_future_state() {
        let output = vsm(&[
            Path::new("compare"),
            &kaizen_fixture(),
            Path::new("--from"),
            Path::new("current"),
            Path::new("--to"),
            Path::new("future"),
        ]);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        let text = stdout(&output);
        assert!(text.contains("Symbols added     burst-fifo"), "{text}");
        assert!(text.contains("stamping (changeover_s)"), "{text}");
        let line =
            text.lines().find(|l| l.trim_start().starts_with("lead_time_days")).expect("lead time row");
        assert!(
            line.contains("23.62")
                && line.contains("15.01")
                && line.contains("-8.609")
                && line.contains("-36.4"),
            "{line}"
        );
    }

    #[test]
    fn json_lists_deltas_and_an_unknown_state_is_named() {
        let output = vsm(&[
            Path::new("compare"),
            &kaizen_fixture(),
            Path::new("--from"),
            Path::new("s-2027-01"),
            Path::new("--to"),
            Path::new("future"),
            Path::new("--json"),
        ]);
        let value: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
        assert_eq!(value["from"], "s-2027-01");
        assert!(
            value["metrics"]
                .as_array()
                .expect("metrics")
                .iter()
                .any(|m| m["metric"] == "lead_time_s" && m["delta"].as_f64().is_some_and(|d| d < 0.0))
        );
        let output = vsm(&[
            Path::new("compare"),
            &kaizen_fixture(),
            Path::new("--from"),
            Path::new("past"),
            Path::new("--to"),
            Path::new("future"),
        ]);
        assert_eq!(output.status.code(), Some(1));
        assert!(
            stderr(&output).contains(
                "--from past: no such map or snapshot (maps: current, future; snapshots: s-2027-01)"
            ),
            "{}",
            stderr(&output)
        );
    }
}

mod suggest {
    use super::*;

    #[test]
    fn lists_suggestions_with_effect_reason_and_assumption() {
        let output = vsm(&[Path::new("suggest"), &fixture_path()]);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        let text = stdout(&output);
        let mut lines = text.lines();
        assert_eq!(lines.next(), Some("1. SMED on Stamping [changeover_reduction]"));
        assert_eq!(lines.next(), Some("   lead time 23.6 days → 17.5 days (-25.9 %)"));
        assert!(
            text.contains("   why: Stamping changes over in 60 min and makes every part every 10 days"),
            "{text}"
        );
        assert!(text.contains("   why: 2450 pieces pile up between them (2.7 days of demand)"), "{text}");
        assert!(text.contains("   assuming: lane sized to 1 day(s) of demand (920 pieces)"), "{text}");
        assert!(text.contains("[pacemaker]\n   no headline figure changes\n"), "{text}");
    }

    /// The pipeline the JSON is for: pick a suggestion, apply its batch, measure — the figures
    /// are the projected ones.
    #[test]
    fn a_suggested_batch_applied_gives_the_projected_figures() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = document_in(dir.path());
        let output = vsm(&[Path::new("suggest"), &path, Path::new("--json")]);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        let value: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
        assert_eq!(value["map"], "current");
        let first = &value["suggestions"][0];
        assert_eq!(first["rule"], "changeover_reduction");
        let batch = dir.path().join("batch.json");
        fs::write(&batch, first["changes"].to_string()).expect("write batch");
        let applied = vsm(&[Path::new("apply"), &path, &batch]);
        assert_eq!(applied.status.code(), Some(0), "{}", stderr(&applied));
        let metrics = vsm(&[Path::new("metrics"), &path, Path::new("--json")]);
        let measured: serde_json::Value = serde_json::from_slice(&metrics.stdout).expect("metrics json");
        assert_eq!(measured["maps"][0]["lead_time_s"], first["projected"]["lead_time_s"]);
        assert_eq!(measured["maps"][0]["va_ratio"], first["projected"]["va_ratio"]);
    }

    #[test]
    fn an_unknown_map_is_named() {
        let output = vsm(&[Path::new("suggest"), &fixture_path(), Path::new("--map"), Path::new("future")]);
        assert_eq!(output.status.code(), Some(1));
        assert!(stderr(&output).contains("--map future: no such map (maps: current)"), "{}", stderr(&output));
    }
}

/// Killing `vsm apply` with SIGKILL at spread-out moments, from before the transaction starts to
/// after it commits: every time, the document must open, pass SQLite's integrity check, and hold
/// either the state before the batch or the state after it — never a part of it.
#[test]
fn killing_apply_at_any_moment_leaves_each_batch_whole_or_absent() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = document_in(dir.path());
    let batch_path = dir.path().join("batch.json");

    // 1500 extra nodes, so a batch touching all of them keeps the transaction in flight for a
    // measurable time; every round then moves all of them, so the document keeps its size and
    // one uninterrupted apply (timed below) is a good measure of every round.
    let nodes: Vec<String> = (0..1500)
        .map(|i| format!(r#"{{"op":"add_node","node":{{"id":"n{i}","kind":"process","name":"Step {i}","cycle_time_s":{}}}}}"#, i + 1))
        .collect();
    fs::write(&batch_path, format!(r#"{{"map":"current","changes":[{}]}}"#, nodes.join(","))).expect("write");
    assert!(vsm(&[Path::new("apply"), &path, &batch_path]).status.success());
    let make_batch = |round: usize| {
        let changes: Vec<String> = (0..1500)
            .map(|i| format!(r#"{{"op":"update_node","id":"n{i}","set":{{"x":{round},"y":{i}}}}}"#))
            .chain([format!(r#"{{"op":"update_map","set":{{"title":"round {round}"}}}}"#)])
            .collect();
        format!(r#"{{"map":"current","changes":[{}]}}"#, changes.join(","))
    };
    fs::write(&batch_path, make_batch(0)).expect("write");
    let started = Instant::now();
    assert!(vsm(&[Path::new("apply"), &path, &batch_path]).status.success());
    let full = started.elapsed();

    let rounds = 24;
    let (mut committed, mut absent) = (0, 0);
    for round in 1..=rounds {
        let before: Document = DocumentFile::open(&path).expect("open").document().clone();
        let text = make_batch(round);
        let after = vsm_model::apply(&before, &read_batch(&text).expect("batch")).expect("applies");
        fs::write(&batch_path, &text).expect("write");

        let mut child = Command::new(env!("CARGO_BIN_EXE_vsm"))
            .args([Path::new("apply"), &path, &batch_path])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn");
        std::thread::sleep(full.mul_f64(round as f64 / rounds as f64 * 2.0));
        let _ = child.kill();
        let _ = child.wait();

        let conn = rusqlite_check(&path);
        assert_eq!(conn, "ok", "round {round}: integrity");
        let now = DocumentFile::open(&path)
            .unwrap_or_else(|e| panic!("round {round}: cannot open after kill: {e}"));
        if now.document() == &after {
            committed += 1;
        } else {
            assert_eq!(now.document(), &before, "round {round}: a partial batch is visible");
            absent += 1;
        }
    }
    eprintln!(
        "killed {rounds} times: {committed} batches committed whole, {absent} absent; apply takes {full:?}"
    );
    assert!(absent > 0, "no kill landed before the commit; the test did not test anything");
}

/// `vsm validate` on the document after a kill: opening recovers the WAL and runs SQLite's
/// integrity check before reading the content.
fn rusqlite_check(path: &Path) -> String {
    let output =
        Command::new(env!("CARGO_BIN_EXE_vsm")).args([Path::new("validate"), path]).output().expect("run");
    if output.status.success() { "ok".to_owned() } else { stderr(&output) }
}

#[test]
fn report_writes_a_pdf_and_refuses_bad_options_without_writing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("acme.pdf");
    let fixture = fixture_path();
    let (input, output) = (fixture.to_str().expect("utf-8"), out.to_str().expect("utf-8"));
    let done = vsm_str(&["report", input, "-o", output, "--paper", "a4", "--date", "2026-11-27"]);
    assert!(done.status.success(), "{}", String::from_utf8_lossy(&done.stderr));
    let bytes = std::fs::read(&out).expect("the PDF");
    assert!(bytes.starts_with(b"%PDF-"), "not a PDF");
    assert!(String::from_utf8_lossy(&done.stdout).contains("page(s)"));
    assert!(!dir.path().join("acme.pdf.partial").exists(), "no partial file left");

    let refused = dir.path().join("refused.pdf");
    let bad = vsm_str(&["report", input, "-o", refused.to_str().expect("utf-8"), "--date", "tomorrow"]);
    assert_eq!(bad.status.code(), Some(1), "invalid input");
    assert!(String::from_utf8_lossy(&bad.stderr).contains("\"tomorrow\" is not a date"));
    assert!(!refused.exists(), "nothing written for a refused report");
    let usage = vsm_str(&["report", input, "-o", output, "--paper", "letter"]);
    assert_eq!(usage.status.code(), Some(2), "a paper that does not exist is a usage error");
}
