//! The calculations of Kaizen VSM, as pure functions of a map (docs/metrics.md).
//!
//! No I/O, no clock, no unseeded randomness: the same map (and Monte Carlo seed) always gives the
//! same numbers. A figure that cannot be computed is a [`Reason`], never 0 or NaN; something the
//! user should know about the map (a missing uptime, a cycle in the material flow) is a
//! [`Warning`] naming the node.
//!
//! [`map_metrics`] computes every figure of one map; [`map_metrics_with`] also takes the cell to
//! balance and the Monte Carlo to run ([`MetricsOptions`]).

mod balance;
mod data_box;
mod figure;
mod graph;
pub mod monte_carlo;
mod pace;
pub mod random;
pub mod report;
mod timeline;

use vsm_model::{Document, Map, NodeKind};

pub use balance::Balance;
pub use data_box::DataBox;
pub use figure::{Figure, Reason, Warning};
pub use monte_carlo::{MonteCarlo, MonteCarloOptions};
pub use pace::Pace;

/// What to compute beyond the always-computed figures.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MetricsOptions {
    /// The processes whose balance and operators needed are wanted (default: all with a C/T).
    pub cell: Option<Vec<String>>,
    /// Run the Monte Carlo with these options.
    pub monte_carlo: Option<MonteCarloOptions>,
}

/// One rung of the timeline ladder, along the critical path.
#[derive(Debug, Clone, PartialEq)]
pub struct LadderRung<'a> {
    /// Node id.
    pub id: &'a str,
    /// A wait (drawn up) rather than a process step (drawn down).
    pub wait: bool,
    /// Elapsed seconds, rework included.
    pub elapsed_s: f64,
    /// Value-added seconds, rework included.
    pub work_s: f64,
}

/// Every figure of one map; ids are borrowed from the map (no copies on the hot path).
#[derive(Debug, Clone, PartialEq)]
pub struct MapMetrics<'a> {
    /// The map's id.
    pub id: &'a str,
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
    pub critical_path: Vec<&'a str>,
    /// Node ids of the constraint(s).
    pub bottleneck: Vec<&'a str>,
    /// One entry per node on the material flow, in flow order.
    pub steps: Vec<StepMetrics<'a>>,
    /// Operators needed, line balance and labour.
    pub balance: Balance<'a>,
    /// The timeline ladder along the critical path.
    pub ladder: Vec<LadderRung<'a>>,
    /// The Monte Carlo lead-time distribution, when asked for.
    pub monte_carlo: Option<Result<MonteCarlo, Reason>>,
    /// What the user should know about the map.
    pub warnings: Vec<Warning>,
}

/// The figures of one node on the material flow.
#[derive(Debug, Clone, PartialEq)]
pub struct StepMetrics<'a> {
    /// Node id.
    pub id: &'a str,
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
pub fn document_metrics(document: &Document) -> Vec<MapMetrics<'_>> {
    document.maps.iter().map(map_metrics).collect()
}

/// Computes the metrics of one map.
pub fn map_metrics(map: &Map) -> MapMetrics<'_> {
    map_metrics_with(map, &MetricsOptions::default())
}

/// Computes the metrics of one map with the cell and Monte Carlo of `options`.
pub fn map_metrics_with<'a>(map: &'a Map, options: &MetricsOptions) -> MapMetrics<'a> {
    let mut warnings = Vec::new();
    let pace = pace::pace(map);
    let graph = graph::FlowGraph::build(map, &mut warnings);
    let segments = timeline::segments(map, &graph, &pace, &mut warnings);
    let mut boxes = data_box::data_boxes(map, &graph, &pace, &mut warnings);
    let timeline = timeline::timeline(map, &graph, segments, &mut warnings);
    let bottleneck = data_box::bottleneck(map, &timeline.critical_path, &boxes, &timeline.segments);
    let balance = balance::balance(map, &graph, &pace, options.cell.as_deref(), &timeline.processing_time_s);
    let monte_carlo = options
        .monte_carlo
        .as_ref()
        .map(|mc| monte_carlo::simulate(map, &graph, &timeline.segments, mc, &mut warnings));
    let ladder = timeline
        .ladder
        .iter()
        .map(|rung| LadderRung {
            id: map.nodes[rung.node].id.as_str(),
            wait: rung.wait,
            elapsed_s: rung.elapsed_s,
            work_s: rung.work_s,
        })
        .collect();

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
    let ids = |indices: &[usize]| indices.iter().map(|&i| map.nodes[i].id.as_str()).collect::<Vec<_>>();
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
                id: node.id.as_str(),
                kind: node.kind,
                wait_s: wait,
                wait_days,
                passes: graph.passes[i],
                data_box: boxes[i].take(),
            }
        })
        .collect();

    MapMetrics {
        id: map.id.as_str(),
        lead_time_s: timeline.lead_time_s,
        lead_time_first_pass_s: timeline.lead_time_first_pass_s,
        lead_time_days,
        processing_time_s: timeline.processing_time_s,
        va_ratio: timeline.va_ratio,
        rolled_pca: timeline.rolled_pca,
        critical_path: ids(&timeline.critical_path),
        bottleneck: ids(&bottleneck),
        steps,
        balance,
        ladder,
        monte_carlo,
        warnings,
        pace,
    }
}
