//! Comparing states of the Acme value stream: the current state, its future state and a snapshot.

use vsm_kaizen::{compare, state};
use vsm_model::{Document, read_document};

fn kaizen() -> Document {
    let path = format!("{}/../../../tests/fixtures/acme-kaizen.vsm.json", env!("CARGO_MANIFEST_DIR"));
    read_document(&std::fs::read_to_string(path).expect("fixture")).expect("valid")
}

#[test]
fn the_future_state_differs_by_its_kaizen_changes() {
    let document = kaizen();
    let (current, future) =
        (state(&document, "current").expect("map"), state(&document, "future").expect("map"));
    let comparison = compare("current", current, "future", future);
    assert_eq!(comparison.nodes_added, ["burst-fifo"]);
    assert!(
        comparison.nodes_removed.is_empty()
            && comparison.edges_added.is_empty()
            && comparison.edges_removed.is_empty()
    );
    let changed: Vec<(String, Vec<String>)> =
        comparison.nodes_changed.iter().map(|c| (c.id.clone(), c.fields.clone())).collect();
    assert_eq!(
        changed,
        [
            ("stamping".to_owned(), vec!["changeover_s".to_owned()]),
            ("inv-stamped".to_owned(), vec!["quantity".to_owned()]),
            ("fg".to_owned(), vec!["quantity".to_owned()]),
            ("burst-smed".to_owned(), vec!["action".to_owned()]),
        ]
    );
    // Inventory days: 7,000 → 1,380 pieces after stamping (−6.1 d), 4,140 → 1,840 finished (−2.5 d).
    let lead = comparison.metrics.iter().find(|m| m.metric == "lead_time_days").expect("lead time");
    let (from, to) = (lead.from.expect("from"), lead.to.expect("to"));
    assert_eq!(format!("{from:.1} → {to:.1}"), "23.6 → 15.0");
    assert!((lead.delta.expect("delta") - (to - from)).abs() < 1e-12);
    assert!((lead.delta_ratio.expect("ratio") - (to - from) / from).abs() < 1e-12);
    let processing = comparison.metrics.iter().find(|m| m.metric == "processing_time_s").expect("processing");
    assert_eq!((processing.delta, processing.delta_ratio), (Some(0.0), Some(0.0)));
}

#[test]
fn a_snapshot_of_the_current_state_shows_no_change() {
    let document = kaizen();
    let comparison = compare(
        "s-2027-01",
        state(&document, "s-2027-01").expect("snapshot"),
        "current",
        state(&document, "current").expect("map"),
    );
    assert!(
        comparison.nodes_added.is_empty()
            && comparison.nodes_removed.is_empty()
            && comparison.nodes_changed.is_empty()
    );
    assert!(comparison.metrics.iter().all(|m| m.delta.is_none_or(|d| d == 0.0)));
}

#[test]
fn a_figure_missing_on_one_side_has_no_delta() {
    let document = kaizen();
    let current = state(&document, "current").expect("map");
    let comparison = compare("current", current, "current", current);
    let pca = comparison.metrics.iter().find(|m| m.metric == "rolled_pca").expect("pca");
    assert_eq!((pca.from, pca.to, pca.delta, pca.delta_ratio), (None, None, None, None));
}
