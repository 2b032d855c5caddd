//! The calculations of Kaizen VSM, as pure functions of a map (docs/metrics.md).
//!
//! No I/O, no clock, no randomness: the same map always gives the same numbers. A figure that
//! cannot be computed is a [`Reason`], never 0 or NaN; something the user should know about the
//! map (a missing uptime, a cycle in the material flow) is a [`Warning`] naming the node.
//!
//! This first cut covers pace (§1), the data-box basics (§2), the timeline and critical path
//! (§3) and office/DevOps figures with rework loops (§4); the metrics issue adds the rest.

mod data_box;
mod figure;
mod graph;
mod pace;
pub mod report;
mod timeline;

use vsm_model::{Document, Map, NodeKind};

pub use data_box::DataBox;
pub use figure::{Figure, Reason, Warning};
pub use pace::Pace;

/// Every figure of one map.
#[derive(Debug, Clone, PartialEq)]
pub struct MapMetrics {
    /// The map's id.
    pub id: String,
    /// Demand and pace.
    pub pace: Pace,
    /// Expected lead time along the critical path, rework included.
    pub lead_time_s: Figure,
    /// Lead time along the critical path without rework.
    pub lead_time_first_pass_s: Figure,
    /// Lead time in days of the map's day basis.
    pub lead_time_days: Figure,
    /// Processing time along the critical path.
    pub processing_time_s: Figure,
    /// Processing time ÷ lead time.
    pub va_ratio: Figure,
    /// Product of %C/A along the critical path.
    pub rolled_pca: Figure,
    /// Node ids of the critical path, source to sink.
    pub critical_path: Vec<String>,
    /// Node ids of the constraint(s).
    pub bottleneck: Vec<String>,
    /// One entry per node on the material flow, in flow order.
    pub steps: Vec<StepMetrics>,
    /// What the user should know about the map.
    pub warnings: Vec<Warning>,
}

/// The figures of one node on the material flow.
#[derive(Debug, Clone, PartialEq)]
pub struct StepMetrics {
    /// Node id.
    pub id: String,
    /// Node kind.
    pub kind: NodeKind,
    /// A stock's wait in seconds (None for other kinds).
    pub wait_s: Option<Figure>,
    /// A stock's wait in days (None for other kinds).
    pub wait_days: Option<Figure>,
    /// Expected passes through the node from rework loops.
    pub passes: f64,
    /// A process's data box (None for other kinds).
    pub data_box: Option<DataBox>,
}

/// Computes the metrics of every map of a document.
pub fn document_metrics(document: &Document) -> Vec<MapMetrics> {
    document.maps.iter().map(map_metrics).collect()
}

/// Computes the metrics of one map.
pub fn map_metrics(map: &Map) -> MapMetrics {
    let mut warnings = Vec::new();
    let pace = pace::pace(map);
    let graph = graph::FlowGraph::build(map, &mut warnings);
    let segments = timeline::segments(map, &graph, &pace, &mut warnings);
    let boxes = data_box::data_boxes(map, &graph, &pace, &mut warnings);
    let timeline = timeline::timeline(map, &graph, segments, &mut warnings);
    let bottleneck = data_box::bottleneck(map, &timeline.critical_path, &boxes, &timeline.segments);

    for (i, node) in map.nodes.iter().enumerate() {
        if node.kind == NodeKind::Process && !graph.on_flow[i] {
            warnings.push(Warning::at(
                "not_on_flow",
                &node.id,
                format!(
                    "process \"{}\" is not connected to the material flow: it is left out of the lead time",
                    timeline::label(node)
                ),
            ));
        }
    }

    let lead_time_days = match (&timeline.lead_time_s, &pace.day_length_s) {
        (Ok(lead), Ok(day)) => Ok(lead / day),
        (Err(reason), _) | (_, Err(reason)) => Err(reason.clone()),
    };
    let ids = |indices: &[usize]| indices.iter().map(|&i| map.nodes[i].id.clone()).collect::<Vec<_>>();
    let steps = graph
        .order
        .iter()
        .map(|&i| {
            let node = &map.nodes[i];
            let stock = node.kind.is_stock();
            let wait = stock.then(|| timeline.segments[i].elapsed_s.clone());
            let wait_days = wait.as_ref().map(|wait| match (wait, &pace.day_length_s) {
                (Ok(seconds), Ok(day)) => Ok(seconds / day),
                (Err(reason), _) | (_, Err(reason)) => Err(reason.clone()),
            });
            StepMetrics {
                id: node.id.clone(),
                kind: node.kind,
                wait_s: wait,
                wait_days,
                passes: graph.passes[i],
                data_box: boxes[i].clone(),
            }
        })
        .collect();

    MapMetrics {
        id: map.id.clone(),
        lead_time_s: timeline.lead_time_s,
        lead_time_first_pass_s: timeline.lead_time_first_pass_s,
        lead_time_days,
        processing_time_s: timeline.processing_time_s,
        va_ratio: timeline.va_ratio,
        rolled_pca: timeline.rolled_pca,
        critical_path: ids(&timeline.critical_path),
        bottleneck: ids(&bottleneck),
        steps,
        warnings,
        pace,
    }
}
