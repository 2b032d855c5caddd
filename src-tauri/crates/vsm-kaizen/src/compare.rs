//! Comparing two states of a value stream — two maps, or a map and a dated snapshot: what changed
//! on the map (symbols added, removed, changed and which fields) and every headline figure with its
//! absolute and relative change. The figures come from vsm-metrics, never from here.

use serde::Serialize;
use vsm_metrics::report::{MapReport, map_report};
use vsm_model::json::to_canonical_value;
use vsm_model::{Document, Map};

/// One headline figure before and after.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct MetricDelta {
    /// Key of the metrics report, e.g. `lead_time_s`.
    pub metric: String,
    /// The figure on the first map (null when it cannot be computed there).
    pub from: Option<f64>,
    /// The figure on the second map.
    pub to: Option<f64>,
    /// to − from.
    pub delta: Option<f64>,
    /// (to − from) ÷ from, a fraction; null when `from` is 0 or missing.
    pub delta_ratio: Option<f64>,
}

/// A symbol present on both maps whose fields differ.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ChangedNode {
    /// Node id.
    pub id: String,
    /// The fields whose values differ (position excluded).
    pub fields: Vec<String>,
}

/// What differs between two states of a value stream.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Comparison {
    /// The first state (map or snapshot id).
    pub from: String,
    /// The second state.
    pub to: String,
    /// Node ids only on the second map.
    pub nodes_added: Vec<String>,
    /// Node ids only on the first map.
    pub nodes_removed: Vec<String>,
    /// Nodes on both maps with different fields.
    pub nodes_changed: Vec<ChangedNode>,
    /// Edge ids only on the second map.
    pub edges_added: Vec<String>,
    /// Edge ids only on the first map.
    pub edges_removed: Vec<String>,
    /// The headline figures side by side.
    pub metrics: Vec<MetricDelta>,
}

/// The headline figures compared, in the order shown.
pub const HEADLINE_METRICS: [&str; 9] = [
    "lead_time_s",
    "lead_time_days",
    "processing_time_s",
    "va_ratio",
    "rolled_pca",
    "takt_s",
    "operators_needed",
    "labour_required",
    "lead_time_first_pass_s",
];

/// A map of the document by map id or snapshot id.
pub fn state<'a>(document: &'a Document, id: &str) -> Option<&'a Map> {
    document.map(id).or_else(|| document.snapshots.iter().find(|s| s.id == id).map(|s| &s.map))
}

/// Compares two maps (named `from` and `to` in the result).
pub fn compare(from_id: &str, from: &Map, to_id: &str, to: &Map) -> Comparison {
    let ids = |map: &Map| map.nodes.iter().map(|n| n.id.clone()).collect::<Vec<_>>();
    let (old_nodes, new_nodes) = (ids(from), ids(to));
    let nodes_added = new_nodes.iter().filter(|id| !old_nodes.contains(id)).cloned().collect();
    let nodes_removed = old_nodes.iter().filter(|id| !new_nodes.contains(id)).cloned().collect();
    let nodes_changed = to
        .nodes
        .iter()
        .filter_map(|node| {
            let old = from.node(&node.id)?;
            let (a, b) = (to_canonical_value(old), to_canonical_value(node));
            let (a, b) = (a.as_object()?, b.as_object()?);
            let fields: Vec<String> = a
                .keys()
                .chain(b.keys().filter(|k| !a.contains_key(*k)))
                .filter(|key| !matches!(key.as_str(), "x" | "y") && a.get(*key) != b.get(*key))
                .cloned()
                .collect();
            (!fields.is_empty()).then(|| ChangedNode { id: node.id.clone(), fields })
        })
        .collect();
    let edge_ids = |map: &Map| map.edges.iter().map(|e| e.id.clone()).collect::<Vec<_>>();
    let (old_edges, new_edges) = (edge_ids(from), edge_ids(to));
    let before = map_report(&vsm_metrics::map_metrics(from));
    let after = map_report(&vsm_metrics::map_metrics(to));
    Comparison {
        from: from_id.to_owned(),
        to: to_id.to_owned(),
        nodes_added,
        nodes_removed,
        nodes_changed,
        edges_added: new_edges.iter().filter(|id| !old_edges.contains(id)).cloned().collect(),
        edges_removed: old_edges.iter().filter(|id| !new_edges.contains(id)).cloned().collect(),
        metrics: headline_deltas(&before, &after),
    }
}

/// The headline figures of two reports side by side, in [`HEADLINE_METRICS`] order.
pub fn headline_deltas(before: &MapReport, after: &MapReport) -> Vec<MetricDelta> {
    let (before, after) = (serde_json::to_value(before).ok(), serde_json::to_value(after).ok());
    HEADLINE_METRICS
        .iter()
        .map(|metric| {
            let read = |report: &Option<serde_json::Value>| {
                report.as_ref().and_then(|value| value.get(*metric)).and_then(|figure| figure.as_f64())
            };
            let (from, to) = (read(&before), read(&after));
            let delta = from.zip(to).map(|(a, b)| b - a);
            let delta_ratio = from.zip(delta).and_then(|(a, d)| (a != 0.0).then(|| d / a));
            MetricDelta { metric: (*metric).to_owned(), from, to, delta, delta_ratio }
        })
        .collect()
}
