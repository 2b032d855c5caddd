//! The process data box (docs/metrics.md §2): effective cycle time, capacity, load, over-takt,
//! and the bottleneck of the critical path.

use vsm_model::{Map, Node, NodeKind};

use crate::figure::{Figure, Reason, Warning};
use crate::graph::FlowGraph;
use crate::pace::Pace;
use crate::timeline::{Segment, label};

/// Data-box figures of one process (absent for other kinds).
#[derive(Debug, Clone, PartialEq)]
pub struct DataBox {
    /// C/T ÷ uptime.
    pub effective_cycle_time_s: Figure,
    /// (available × uptime − changeovers per shift × C/O) ÷ C/T × parallel.
    pub capacity_per_shift: Figure,
    /// Demand per shift (grossed up for scrap at and after this step) ÷ capacity per shift.
    pub load_ratio: Figure,
    /// Effective C/T ÷ parallel > takt.
    pub over_takt: Result<bool, Reason>,
}

/// Computes the data box of every process on the flow (None elsewhere).
pub fn data_boxes(
    map: &Map,
    graph: &FlowGraph,
    pace: &Pace,
    warnings: &mut Vec<Warning>,
) -> Vec<Option<DataBox>> {
    let any_cycle_time = map.nodes.iter().any(|node| node.cycle_time_s.is_some());
    map.nodes
        .iter()
        .enumerate()
        .map(|(i, node)| {
            (node.kind == NodeKind::Process && graph.on_flow[i])
                .then(|| data_box(map, graph, i, node, pace, any_cycle_time, warnings))
        })
        .collect()
}

fn data_box(
    map: &Map,
    graph: &FlowGraph,
    index: usize,
    node: &Node,
    pace: &Pace,
    manufacturing: bool,
    warnings: &mut Vec<Warning>,
) -> DataBox {
    let Some(cycle_time) = node.cycle_time_s else {
        let none = || Err(Reason::new(format!("process \"{}\" has no cycle time", label(node))));
        return DataBox {
            effective_cycle_time_s: none(),
            capacity_per_shift: none(),
            load_ratio: none(),
            over_takt: Err(Reason::new(format!("process \"{}\" has no cycle time", label(node)))),
        };
    };
    if node.uptime.is_none() && manufacturing {
        warnings.push(Warning::at(
            "missing_uptime",
            &node.id,
            format!("process \"{}\": uptime missing, 100 % assumed", label(node)),
        ));
    }
    let uptime = node.uptime.unwrap_or(1.0);
    let parallel = node.parallel.unwrap_or(1.0);
    let effective = cycle_time / uptime;

    let capacity_per_shift = pace.available_s_per_shift.clone().and_then(|available| {
        let changeover_time = node.changeovers_per_shift.unwrap_or(0.0) * node.changeover_s.unwrap_or(0.0);
        let productive = available * uptime - changeover_time;
        if productive <= 0.0 {
            Err(Reason::new(format!(
                "changeovers of \"{}\" take all of its available time per shift",
                label(node)
            )))
        } else {
            Ok(productive / cycle_time * parallel)
        }
    });
    let load_ratio = match (&pace.daily_demand, &capacity_per_shift) {
        (Ok(daily), Ok(capacity)) => {
            let shifts = node.shifts.map(Ok).unwrap_or_else(|| pace.shifts_per_day.clone());
            shifts.map(|shifts| daily / scrap_yield(map, graph, index) / shifts / capacity)
        }
        (Err(reason), _) | (_, Err(reason)) => Err(reason.clone()),
    };
    let over_takt = pace.takt_s.clone().map(|takt| effective / parallel > takt);
    DataBox { effective_cycle_time_s: Ok(effective), capacity_per_shift, load_ratio, over_takt }
}

/// Π(1 − scrap) over this step and every step downstream of it: the share of its output that
/// reaches the customer, so its required output is demand ÷ this.
fn scrap_yield(map: &Map, graph: &FlowGraph, start: usize) -> f64 {
    let mut seen = vec![false; map.nodes.len()];
    let mut stack = vec![start];
    let mut kept = 1.0;
    while let Some(node) = stack.pop() {
        if std::mem::replace(&mut seen[node], true) {
            continue;
        }
        kept *= 1.0 - map.nodes[node].scrap.unwrap_or(0.0);
        stack.extend(graph.successors[node].iter().copied());
    }
    kept
}

/// The constraint: with demand, the highest load ratio among processes on the critical path;
/// without demand, the process with the longest lead time on it. Ties: all of them.
pub fn bottleneck(map: &Map, path: &[usize], boxes: &[Option<DataBox>], segments: &[Segment]) -> Vec<usize> {
    let processes: Vec<usize> =
        path.iter().copied().filter(|&i| map.nodes[i].kind == NodeKind::Process).collect();
    let loads: Vec<(usize, f64)> = processes
        .iter()
        .filter_map(|&i| boxes[i].as_ref().and_then(|b| b.load_ratio.clone().ok()).map(|load| (i, load)))
        .collect();
    let scored: Vec<(usize, f64)> = if loads.is_empty() {
        processes.iter().map(|&i| (i, segments[i].elapsed_s.clone().unwrap_or(0.0))).collect()
    } else {
        loads
    };
    let top = scored.iter().map(|(_, score)| *score).fold(f64::NEG_INFINITY, f64::max);
    if top <= 0.0 {
        return Vec::new();
    }
    scored.into_iter().filter(|(_, score)| *score == top).map(|(i, _)| i).collect()
}
