//! Work content against takt (docs/metrics.md §2, §4): operators needed, line balance, and the
//! labour an office value stream needs.

use vsm_model::{Map, NodeKind};

use crate::figure::{Figure, Reason};
use crate::graph::FlowGraph;
use crate::pace::Pace;

/// Balance figures of a cell (a set of processes; by default all processes with a C/T).
#[derive(Debug, Clone, PartialEq)]
pub struct Balance<'a> {
    /// Node ids of the cell's processes.
    pub cell: Vec<&'a str>,
    /// Σ manual work content (C/T of non-automated processes) ÷ takt.
    pub operators_needed: Figure,
    /// `operators_needed` rounded up to whole people.
    pub operators_needed_rounded: Figure,
    /// Σ work content ÷ (stations × takt).
    pub takt_utilisation: Figure,
    /// Σ work content ÷ (stations × longest station interval).
    pub balance_efficiency: Figure,
    /// Processing time of the critical path × daily demand ÷ available time per person per day.
    pub labour_required: Figure,
}

/// Computes the balance of `cell` (node ids), or of every process with a cycle time.
pub fn balance<'a>(
    map: &'a Map,
    graph: &FlowGraph,
    pace: &Pace,
    cell: Option<&[String]>,
    processing_time_s: &Figure,
) -> Balance<'a> {
    let members: Result<Vec<usize>, Reason> = match cell {
        Some(ids) => ids
            .iter()
            .map(|id| {
                map.nodes
                    .iter()
                    .position(|n| &n.id == id && n.kind == NodeKind::Process)
                    .ok_or_else(|| Reason::new(format!("\"{id}\" is not a process of this map")))
            })
            .collect(),
        None => Ok((0..map.nodes.len())
            .filter(|&i| {
                graph.on_flow[i]
                    && map.nodes[i].kind == NodeKind::Process
                    && map.nodes[i].cycle_time_s.is_some()
            })
            .collect()),
    };
    let labour_required = labour(pace, processing_time_s);
    let members = match members {
        Ok(members) => members,
        Err(reason) => {
            return Balance {
                cell: Vec::new(),
                operators_needed: Err(reason.clone()),
                operators_needed_rounded: Err(reason.clone()),
                takt_utilisation: Err(reason.clone()),
                balance_efficiency: Err(reason),
                labour_required,
            };
        }
    };
    let ids = members.iter().map(|&i| map.nodes[i].id.as_str()).collect();
    let stations: Vec<(f64, f64, bool)> = members
        .iter()
        .filter_map(|&i| {
            let node = &map.nodes[i];
            node.cycle_time_s.map(|ct| (ct, node.parallel.unwrap_or(1.0), node.automated.unwrap_or(false)))
        })
        .collect();
    let figures = if stations.is_empty() {
        let reason = Reason::new("no process in the cell has a cycle time");
        (Err(reason.clone()), Err(reason.clone()), Err(reason))
    } else {
        let work: f64 = stations.iter().map(|(ct, _, _)| ct).sum();
        let manual: f64 = stations.iter().filter(|(_, _, automated)| !automated).map(|(ct, _, _)| ct).sum();
        let count: f64 = stations.iter().map(|(_, parallel, _)| parallel).sum();
        let longest = stations.iter().map(|(ct, parallel, _)| ct / parallel).fold(0.0, f64::max);
        (
            pace.takt_s.clone().map(|takt| manual / takt),
            pace.takt_s.clone().map(|takt| work / (count * takt)),
            Ok(work / (count * longest)),
        )
    };
    let (operators_needed, takt_utilisation, balance_efficiency) = figures;
    Balance {
        cell: ids,
        operators_needed_rounded: operators_needed.clone().map(|n| (n - 1e-9).ceil().max(0.0)),
        operators_needed,
        takt_utilisation,
        balance_efficiency,
        labour_required,
    }
}

fn labour(pace: &Pace, processing_time_s: &Figure) -> Figure {
    let processing = processing_time_s.clone()?;
    let daily = pace.daily_demand.clone()?;
    let per_person = pace.available_s_per_shift.clone()?;
    if processing <= 0.0 {
        return Err(Reason::new("the critical path has no processing time"));
    }
    Ok(processing * daily / per_person)
}
