//! The timeline (docs/metrics.md §3–4): wait and step segments, the critical path, lead time,
//! processing time, value-added ratio and rolled %C/A.
//!
//! Lead time and processing time are always summed along the **same** path — the critical path,
//! the material path with the largest expected time — so the value-added ratio can never exceed 1.

use vsm_model::{Map, NodeKind};

use crate::figure::{Figure, Reason, Warning};
use crate::graph::FlowGraph;
use crate::pace::Pace;

/// What one node contributes to the timeline, per pass.
#[derive(Debug, Clone, PartialEq)]
pub struct Segment {
    /// Elapsed seconds: a stock's wait, or a step's lead time (C/T where there is no LT).
    pub elapsed_s: Figure,
    /// Value-added seconds: a step's process time (C/T where there is no PT); 0 for a wait.
    pub work_s: f64,
}

/// The headline figures of the timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct Timeline {
    /// Per node index: its segment (nodes off the flow contribute nothing).
    pub segments: Vec<Segment>,
    /// Node indices of the critical path, source to sink.
    pub critical_path: Vec<usize>,
    /// Expected lead time along the critical path, rework included.
    pub lead_time_s: Figure,
    /// Lead time along the critical path with every step passed once.
    pub lead_time_first_pass_s: Figure,
    /// Expected processing time along the critical path, rework included.
    pub processing_time_s: Figure,
    /// Processing time ÷ lead time.
    pub va_ratio: Figure,
    /// Product of %C/A over the processes of the critical path that have one.
    pub rolled_pca: Figure,
    /// The timeline ladder: the stocks and processes of the critical path, in order.
    pub ladder: Vec<Rung>,
}

/// One rung of the timeline ladder: a wait (drawn up) or a step (drawn down), rework included.
#[derive(Debug, Clone, PartialEq)]
pub struct Rung {
    /// Node index.
    pub node: usize,
    /// A stock's wait rather than a process step.
    pub wait: bool,
    /// Elapsed seconds (wait, or the step's lead time / C/T), times its expected passes.
    pub elapsed_s: f64,
    /// Value-added seconds (the step's process time / C/T), times its expected passes.
    pub work_s: f64,
}

/// Computes the segment of every node.
pub fn segments(map: &Map, graph: &FlowGraph, pace: &Pace, warnings: &mut Vec<Warning>) -> Vec<Segment> {
    map.nodes
        .iter()
        .enumerate()
        .map(|(i, node)| {
            if !graph.on_flow[i] {
                return Segment { elapsed_s: Ok(0.0), work_s: 0.0 };
            }
            if node.kind.is_stock() {
                return Segment { elapsed_s: wait_s(node, pace, warnings), work_s: 0.0 };
            }
            if node.kind != NodeKind::Process {
                return Segment { elapsed_s: Ok(0.0), work_s: 0.0 };
            }
            let elapsed = node.lead_time_s.or(node.cycle_time_s);
            let work = node.process_time_s.or(node.cycle_time_s);
            if elapsed.is_none() && work.is_none() {
                warnings.push(Warning::at(
                    "missing_time",
                    &node.id,
                    format!(
                        "process \"{}\" has no cycle time, process time or lead time: counted as 0",
                        label(node)
                    ),
                ));
            }
            Segment { elapsed_s: Ok(elapsed.or(work).unwrap_or(0.0)), work_s: work.unwrap_or(0.0) }
        })
        .collect()
}

/// A stock's wait in seconds: quantity ÷ daily demand (Little's Law), or days, or seconds.
fn wait_s(node: &vsm_model::Node, pace: &Pace, warnings: &mut Vec<Warning>) -> Figure {
    let in_days = |days: f64| {
        pace.day_length_s.clone().map(|day| days * day).map_err(|Reason(why)| {
            Reason::new(format!(
                "\"{}\" is given in days, but the length of a day is unknown: {why}",
                label(node)
            ))
        })
    };
    if let Some(seconds) = node.wait_s {
        Ok(seconds)
    } else if let Some(days) = node.duration_days {
        in_days(days)
    } else if let Some(quantity) = node.quantity {
        match &pace.daily_demand {
            Ok(daily) if *daily > 0.0 => in_days(quantity / daily),
            Ok(_) => Err(Reason::new(format!(
                "\"{}\" holds {quantity} items, but with zero demand they never leave",
                label(node)
            ))),
            Err(Reason(why)) => Err(Reason::new(format!(
                "\"{}\" holds a quantity, which needs daily demand to become time: {why}",
                label(node)
            ))),
        }
    } else {
        warnings.push(Warning::at(
            "missing_wait",
            &node.id,
            format!("\"{}\" has no quantity, days or wait time: counted as no wait", label(node)),
        ));
        Ok(0.0)
    }
}

/// Finds the critical path and sums the timeline along it.
pub fn timeline(
    map: &Map,
    graph: &FlowGraph,
    segments: Vec<Segment>,
    warnings: &mut Vec<Warning>,
) -> Timeline {
    let unavailable = |reason: Reason| Timeline {
        segments: segments.clone(),
        critical_path: Vec::new(),
        lead_time_s: Err(reason.clone()),
        lead_time_first_pass_s: Err(reason.clone()),
        processing_time_s: Err(reason.clone()),
        va_ratio: Err(reason.clone()),
        rolled_pca: Err(reason),
        ladder: Vec::new(),
    };
    if graph.order.is_empty() {
        warnings.push(Warning::map(
            "no_material_flow",
            "the map has no material flow yet: connect supplier, processes and customer with push, pull, FIFO or shipment arrows",
        ));
        return unavailable(Reason::new("the map has no material flow"));
    }
    if let Some(reason) = &graph.loop_error {
        return unavailable(reason.clone());
    }
    if let Some(reason) = graph.order.iter().find_map(|&i| segments[i].elapsed_s.clone().err()) {
        return unavailable(reason);
    }
    let elapsed = |i: usize| segments[i].elapsed_s.clone().unwrap_or(0.0) * graph.passes[i];

    // Longest path by dynamic programming over the topological order.
    let n = map.nodes.len();
    let mut best = vec![0.0f64; n];
    let mut via: Vec<Option<usize>> = vec![None; n];
    for &node in &graph.order {
        let mut start = 0.0;
        for &pred in graph.predecessors(node) {
            if via[node].is_none() || best[pred] > start {
                start = best[pred];
                via[node] = Some(pred);
            }
        }
        best[node] = start + elapsed(node);
    }
    let sinks = graph.order.iter().copied().filter(|&i| graph.successors(i).is_empty());
    let Some(end) = sinks.fold(None, |found: Option<usize>, i| match found {
        Some(f) if best[f] > best[i] || (best[f] == best[i] && f < i) => Some(f),
        _ => Some(i),
    }) else {
        return unavailable(Reason::new("the material flow has no end"));
    };
    let mut path = vec![end];
    while let Some(previous) = via[*path.last().unwrap_or(&end)] {
        path.push(previous);
    }
    path.reverse();
    warn_incomplete(map, &path, warnings);

    let lead_time = best[end];
    let first_pass: f64 = path.iter().map(|&i| segments[i].elapsed_s.clone().unwrap_or(0.0)).sum();
    let processing: f64 = path.iter().map(|&i| segments[i].work_s * graph.passes[i]).sum();
    let va_ratio = if lead_time > 0.0 {
        Ok(processing / lead_time)
    } else {
        Err(Reason::new("the lead time is 0, so there is no ratio"))
    };
    let rolled_pca = rolled_pca(map, &path, warnings);
    let ladder = path
        .iter()
        .filter(|&&i| map.nodes[i].kind.is_stock() || map.nodes[i].kind == NodeKind::Process)
        .map(|&i| Rung {
            node: i,
            wait: map.nodes[i].kind.is_stock(),
            elapsed_s: elapsed(i),
            work_s: segments[i].work_s * graph.passes[i],
        })
        .collect();
    Timeline {
        segments,
        critical_path: path,
        lead_time_s: Ok(lead_time),
        lead_time_first_pass_s: Ok(first_pass),
        processing_time_s: Ok(processing),
        va_ratio,
        rolled_pca,
        ladder,
    }
}

fn rolled_pca(map: &Map, path: &[usize], warnings: &mut Vec<Warning>) -> Figure {
    let processes: Vec<&vsm_model::Node> =
        path.iter().map(|&i| &map.nodes[i]).filter(|node| node.kind == NodeKind::Process).collect();
    let known: Vec<f64> = processes.iter().filter_map(|node| node.pca).collect();
    if known.is_empty() {
        return Err(Reason::new("no process on the critical path has a %C/A"));
    }
    for node in processes.iter().filter(|node| node.pca.is_none()) {
        warnings.push(Warning::at(
            "missing_pca",
            &node.id,
            format!("process \"{}\" has no %C/A: left out of the rolled %C/A", label(node)),
        ));
    }
    Ok(known.iter().product())
}

fn warn_incomplete(map: &Map, path: &[usize], warnings: &mut Vec<Warning>) {
    let (Some(&first), Some(&last)) = (path.first(), path.last()) else { return };
    if map.nodes[first].kind != NodeKind::Supplier || map.nodes[last].kind != NodeKind::Customer {
        warnings.push(Warning::map(
            "incomplete_path",
            format!(
                "the critical path runs from \"{}\" to \"{}\", not from a supplier to a customer: the lead time may be incomplete",
                label(&map.nodes[first]),
                label(&map.nodes[last])
            ),
        ));
    }
}

/// A node's name, or its id when it has none.
pub fn label(node: &vsm_model::Node) -> &str {
    if node.name.trim().is_empty() { &node.id } else { &node.name }
}
