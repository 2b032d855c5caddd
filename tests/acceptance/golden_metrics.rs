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

/// The Monte Carlo of every fixture with variability matches its reviewed golden file
/// (`NAME.monte-carlo.json`: first map, 10,000 trials, seed 1) — numbers within 1e-9 relative,
/// since the samplers use the platform's `ln` and `exp`. The UI's in-memory backend serves it.
#[test]
fn monte_carlo_matches_the_golden_files() {
    use vsm_metrics::{MetricsOptions, MonteCarloOptions};
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    for path in map_fixtures() {
        let document = read_fixture(&path);
        let map = &document.maps[0];
        if !map.nodes.iter().any(|n| n.variability.is_some()) {
            continue;
        }
        let options = MetricsOptions { cell: None, monte_carlo: Some(MonteCarloOptions::default()) };
        let report = vsm_metrics::report::map_report(&vsm_metrics::map_metrics_with(map, &options));
        let mut actual = serde_json::to_value(report.monte_carlo.expect("simulates")).expect("json");
        vsm_model::json::normalize_numbers(&mut actual);
        let golden = path.to_string_lossy().replace(".vsm.json", ".monte-carlo.json");
        if update {
            std::fs::write(&golden, serde_json::to_string_pretty(&actual).expect("json") + "\n")
                .expect("write");
            continue;
        }
        let text = std::fs::read_to_string(&golden)
            .unwrap_or_else(|e| panic!("{golden}: {e} (UPDATE_GOLDEN=1 creates it)"));
        let expected: serde_json::Value = serde_json::from_str(&text).expect("golden is JSON");
        assert_close(&actual, &expected, &golden);
    }
}

fn assert_close(actual: &serde_json::Value, expected: &serde_json::Value, at: &str) {
    use serde_json::Value;
    match (actual, expected) {
        (Value::Number(a), Value::Number(e)) => {
            let (a, e) = (a.as_f64().unwrap_or(f64::NAN), e.as_f64().unwrap_or(f64::NAN));
            assert!((a - e).abs() <= 1e-9 * e.abs().max(1.0), "{at}: {a} ≠ {e}");
        }
        (Value::Array(a), Value::Array(e)) => {
            assert_eq!(a.len(), e.len(), "{at}: length");
            for (i, (a, e)) in a.iter().zip(e).enumerate() {
                assert_close(a, e, &format!("{at}/{i}"));
            }
        }
        (Value::Object(a), Value::Object(e)) => {
            assert_eq!(a.keys().collect::<Vec<_>>(), e.keys().collect::<Vec<_>>(), "{at}: keys");
            for (key, value) in a {
                assert_close(value, &e[key], &format!("{at}/{key}"));
            }
        }
        _ => assert_eq!(actual, expected, "{at}"),
    }
}
