//! Every fixture survives JSON → .vsm → JSON byte for byte, and edits through the store change
//! the numbers the way the metrics contract says.

use vsm_acceptance::{map_fixtures, read_fixture};
use vsm_metrics::map_metrics;
use vsm_model::read_batch;
use vsm_store::DocumentFile;

#[test]
fn every_fixture_round_trips_through_a_vsm_document() {
    let fixtures = map_fixtures();
    assert!(!fixtures.is_empty());
    let dir = tempfile::tempdir().expect("tempdir");
    for (i, path) in fixtures.iter().enumerate() {
        let text = std::fs::read_to_string(path).expect("read");
        let document = read_fixture(path);
        let file = DocumentFile::create(&dir.path().join(format!("{i}.vsm")), &document).expect("create");
        assert_eq!(file.to_json(), text, "{} is not reproduced byte for byte", path.display());
    }
}

#[test]
fn an_edit_changes_the_metrics_and_undo_restores_them() {
    let dir = tempfile::tempdir().expect("tempdir");
    let document = read_fixture(&vsm_acceptance::fixtures_dir().join("acme-stamping.vsm.json"));
    let mut file = DocumentFile::create(&dir.path().join("acme.vsm"), &document).expect("create");
    let original = file.document().maps[0].clone();
    let before = map_metrics(&original);

    // Halving the finished-goods stock (4140 → 2070 pieces) takes 2.25 days out of the lead time.
    let batch =
        read_batch(r#"{"changes":[{"op":"update_node","id":"fg","set":{"quantity":2070}}]}"#).expect("batch");
    file.apply(&batch).expect("apply");
    let after = map_metrics(&file.document().maps[0]);
    let days = |m: &vsm_metrics::MapMetrics| m.lead_time_days.clone().expect("lead time");
    assert!((days(&before) - days(&after) - 2.25).abs() < 1e-9);

    // Speeding up Assembly #1 below takt moves the bottleneck to the next most loaded step.
    let batch =
        read_batch(r#"{"changes":[{"op":"update_node","id":"assembly-1","set":{"cycle_time_s":40}}]}"#)
            .expect("batch");
    file.apply(&batch).expect("apply");
    assert_eq!(map_metrics(&file.document().maps[0]).bottleneck, ["weld-2"]);

    file.undo().expect("undo");
    file.undo().expect("undo");
    assert_eq!(map_metrics(&file.document().maps[0]), before);
}
