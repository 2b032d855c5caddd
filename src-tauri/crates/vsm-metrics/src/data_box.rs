//! The process data box (docs/metrics.md §2): effective cycle time, capacity, load, over-takt,
//! EPE batch, changeovers possible, and the bottleneck of the critical path.

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
    /// Plain C/T ÷ parallel > takt (the textbook's comparison, before uptime).
    pub cycle_time_over_takt: Result<bool, Reason>,
    /// EPE × daily demand (only where `epe_days` is given).
    pub epe_batch: Option<Figure>,
    /// (available per day × uptime − daily demand × C/T) ÷ C/O (only where `changeover_s` is given).
    pub changeovers_possible_per_day: Option<Figure>,
    /// Manual work per operator per piece: C/T ÷ operators (manual processes with operators).
    pub operator_load_s: Option<f64>,
}

/// Computes the data box of every process on the flow (None elsewhere).
pub fn data_boxes(
    map: &Map,
    graph: &FlowGraph,
    pace: &Pace,
    warnings: &mut Vec<Warning>,
) -> Vec<Option<DataBox>> {
    let manufacturing = map.nodes.iter().any(|node| node.cycle_time_s.is_some());
    let yields = scrap_yields(map, graph);
    map.nodes
        .iter()
        .enumerate()
        .map(|(i, node)| {
            (node.kind == NodeKind::Process && graph.on_flow[i]).then(|| {
                if manufacturing && node.cycle_time_s.is_some() && node.uptime.is_none() {
                    warnings.push(Warning::at(
                        "missing_uptime",
                        &node.id,
                        format!("process \"{}\": uptime missing, 100 % assumed", label(node)),
                    ));
                }
                data_box(node, yields[i], pace)
            })
        })
        .collect()
}

fn data_box(node: &Node, scrap_yield: f64, pace: &Pace) -> DataBox {
    let Some(cycle_time) = node.cycle_time_s else {
        let why = || Reason::new(format!("process \"{}\" has no cycle time", label(node)));
        return DataBox {
            effective_cycle_time_s: Err(why()),
            capacity_per_shift: Err(why()),
            load_ratio: Err(why()),
            over_takt: Err(why()),
            cycle_time_over_takt: Err(why()),
            epe_batch: node.epe_days.map(|_| Err(why())),
            changeovers_possible_per_day: node.changeover_s.map(|_| Err(why())),
            operator_load_s: None,
        };
    };
    let uptime = node.uptime.unwrap_or(1.0);
    let parallel = node.parallel.unwrap_or(1.0);
    let effective = cycle_time / uptime;
    let shifts = node.shifts.map(Ok).unwrap_or_else(|| pace.shifts_per_day.clone());

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
    let load_ratio = both(&pace.daily_demand, &capacity_per_shift)
        .and_then(|(daily, capacity)| shifts.clone().map(|shifts| daily / scrap_yield / shifts / capacity));
    let over_takt = pace.takt_s.clone().map(|takt| effective / parallel > takt);
    let cycle_time_over_takt = pace.takt_s.clone().map(|takt| cycle_time / parallel > takt);
    let epe_batch = node.epe_days.map(|days| pace.daily_demand.clone().map(|daily| days * daily));
    let changeovers_possible_per_day = node.changeover_s.map(|changeover| {
        if changeover <= 0.0 {
            return Err(Reason::new(format!("\"{}\" has no changeover time to repeat", label(node))));
        }
        let (available, daily) = both(&pace.available_s_per_shift, &pace.daily_demand)?;
        let running = daily / scrap_yield * cycle_time / parallel;
        let spare = available * shifts.clone()? * uptime - running;
        if spare < 0.0 {
            Err(Reason::new(format!(
                "\"{}\" cannot meet demand, so no time is left for changeovers",
                label(node)
            )))
        } else {
            Ok(spare / changeover)
        }
    });
    DataBox {
        effective_cycle_time_s: Ok(effective),
        capacity_per_shift,
        load_ratio,
        over_takt,
        cycle_time_over_takt,
        epe_batch,
        changeovers_possible_per_day,
        operator_load_s: node
            .operators
            .filter(|operators| *operators >= 1.0 && node.automated != Some(true))
            .map(|operators| cycle_time / operators),
    }
}

/// Both figures, or the first reason.
fn both(a: &Figure, b: &Figure) -> Result<(f64, f64), Reason> {
    Ok((a.clone()?, b.clone()?))
}

/// Per node: Π(1 − scrap) over the scrapping steps at or after it, the share of its output that
/// reaches the customer (its required output is demand ÷ this). Computed from each scrapping
/// step upwards, so a map without scrap costs nothing.
fn scrap_yields(map: &Map, graph: &FlowGraph) -> Vec<f64> {
    let mut yields = vec![1.0; map.nodes.len()];
    for (start, node) in map.nodes.iter().enumerate() {
        let Some(scrap) = node.scrap.filter(|s| *s > 0.0) else { continue };
        let mut seen = vec![false; map.nodes.len()];
        let mut stack = vec![start];
        while let Some(current) = stack.pop() {
            if !std::mem::replace(&mut seen[current], true) {
                yields[current] *= 1.0 - scrap;
                stack.extend(graph.predecessors(current).iter().copied());
            }
        }
    }
    yields
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
