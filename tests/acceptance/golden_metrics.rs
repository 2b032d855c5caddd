//! `vsm metrics --json` of every fixture matches its reviewed golden file
//! (`tests/fixtures/NAME.metrics.json`). Set `UPDATE_GOLDEN=1` to rewrite them after a deliberate
//! change, then review the diff like code. The UI's in-memory backend serves these same files.

use vsm_acceptance::{map_fixtures, read_fixture};

#[test]
fn metrics_match_the_golden_files() {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    for path in map_fixtures() {
        let document = read_fixture(&path);
        let metrics = vsm_metrics::document_metrics(&document);
        let actual =
            serde_json::to_string_pretty(&vsm_metrics::report::report_json(&metrics)).expect("json") + "\n";
        let golden = path.to_string_lossy().replace(".vsm.json", ".metrics.json");
        if update {
            std::fs::write(&golden, &actual).expect("write golden");
            continue;
        }
        let expected = std::fs::read_to_string(&golden)
            .unwrap_or_else(|e| panic!("{golden}: {e} (run with UPDATE_GOLDEN=1 to create it)"));
        assert_eq!(actual, expected, "{golden} is stale (UPDATE_GOLDEN=1 rewrites it; review the diff)");
    }
}
