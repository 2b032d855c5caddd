//! Rother & Shook's future-state guidelines (*Learning to See*): takt, flow, FIFO lanes and
//! supermarkets where flow cannot reach, one pacemaker, levelled mix and volume, every part every
//! day through changeover reduction, and raw-material delivery frequency.

use vsm_model::{Change, EdgeKind, Map, Node, NodeKind};

use super::{
    Proposal, fresh_id, label, manufacturing, material, pace, set, set_stock_days, stock_days,
    stocks_between_processes,
};
use crate::Settings;

/// Guideline 1: produce to takt. A process whose effective cycle time exceeds takt cannot keep
/// up; proposed: enough parallel stations to bring it under takt.
pub(super) fn produce_to_takt(map: &Map, _: &Settings) -> Vec<Proposal> {
    let (_, Some(takt)) = pace(map) else { return Vec::new() };
    map.nodes
        .iter()
        .filter(|n| n.kind == NodeKind::Process)
        .filter_map(|node| {
            let effective = node.cycle_time_s? / node.uptime.unwrap_or(1.0);
            let parallel = node.parallel.unwrap_or(1.0);
            (effective / parallel > takt).then(|| {
                let needed = (effective / takt).ceil();
                Proposal {
                    rule: "produce_to_takt",
                    title: format!("Bring {} under takt", label(node)),
                    why: format!(
                        "{} needs {effective:.1} s per piece (C/T ÷ uptime) but the customer takes one every {takt:.1} s: it cannot keep pace",
                        label(node)
                    ),
                    targets: vec![node.id.clone()],
                    changes: vec![set(&node.id, serde_json::json!({ "parallel": needed }))],
                    assumption: Some(format!(
                        "sized as {needed} stations working side by side; rebalancing the work content or cutting losses achieves the same"
                    )),
                }
            })
        })
        .collect()
}

/// Guideline 2: continuous flow where possible. Stock between two processes that both run under
/// takt can flow piece by piece instead: proposed, the stock removed and the two joined.
pub(super) fn continuous_flow(map: &Map, settings: &Settings) -> Vec<Proposal> {
    let (_, Some(takt)) = pace(map) else { return Vec::new() };
    stocks_between_processes(map)
        .into_iter()
        .filter(|&stock| continuous_flow_applies(map, settings, stock))
        .map(|(before, stock, after)| {
            let (from, to) = (&map.nodes[before], &map.nodes[after]);
            Proposal {
                rule: "continuous_flow",
                title: format!("Flow from {} to {}", label(from), label(to)),
                why: format!(
                    "both run under takt ({takt:.0} s) with short changeovers, yet {} pieces wait between them",
                    map.nodes[stock].quantity.unwrap_or(0.0)
                ),
                targets: vec![from.id.clone(), map.nodes[stock].id.clone(), to.id.clone()],
                changes: vec![
                    Change::RemoveNode { id: map.nodes[stock].id.clone() },
                    Change::AddEdge {
                        edge: vsm_model::Edge::new(fresh_id(map, "flow"), from.id.clone(), to.id.clone(), EdgeKind::Push),
                        index: None,
                    },
                ],
                assumption: Some("one-piece flow: the stock between them disappears".to_owned()),
            }
        })
        .collect()
}

/// Guideline 3: where flow cannot reach, a FIFO lane caps the stock. Proposed for stock between
/// processes that cannot flow (one of them over takt or with long changeovers).
pub(super) fn fifo_lane(map: &Map, settings: &Settings) -> Vec<Proposal> {
    let (Some(daily), _) = pace(map) else { return Vec::new() };
    let cap = (daily * settings.fifo_lane_days).ceil();
    stocks_between_processes(map)
        .into_iter()
        .filter(|&(_, stock, _)| map.nodes[stock].quantity.is_some_and(|q| q > cap))
        .filter(|stock| !continuous_flow_applies(map, settings, *stock))
        .filter(|&(before, _, _)| !batches(&map.nodes[before], settings))
        .map(|(before, stock, after)| {
            let node = &map.nodes[stock];
            Proposal {
                rule: "fifo_lane",
                title: format!("FIFO lane between {} and {}", label(&map.nodes[before]), label(&map.nodes[after])),
                why: format!(
                    "{} pieces pile up between them ({:.1} days of demand); a FIFO lane caps the stock and keeps the order",
                    node.quantity.unwrap_or(0.0),
                    node.quantity.unwrap_or(0.0) / daily
                ),
                targets: vec![node.id.clone()],
                changes: vec![set(
                    &node.id,
                    serde_json::json!({ "kind": "fifo", "quantity": cap, "max_quantity": cap }),
                )],
                assumption: Some(format!(
                    "lane sized to {} day(s) of demand ({cap} pieces) and counted full",
                    settings.fifo_lane_days
                )),
            }
        })
        .collect()
}

/// Guideline 3, the other half: a process that must run in batches (long changeovers, a long
/// EPE interval, or shared with other value streams) cannot feed a FIFO lane; it replenishes a
/// supermarket that its customer pulls from. Proposed where a supermarket sized to the process's
/// EPE batch plus safety stock is smaller than the stock there today; where it is not, the
/// changeover reduction of guideline 7 comes first (and brings its own supermarket).
pub(super) fn supermarket_pull(map: &Map, settings: &Settings) -> Vec<Proposal> {
    let (Some(daily), _) = pace(map) else { return Vec::new() };
    stocks_between_processes(map)
        .into_iter()
        .filter(|&(before, _, _)| batches(&map.nodes[before], settings))
        .filter_map(|(before, stock, after)| {
            let (process, node) = (&map.nodes[before], &map.nodes[stock]);
            let batch_days = process.epe_days.unwrap_or(1.0);
            let size = (daily * (batch_days + settings.safety_stock_days)).ceil();
            (node.quantity? > size).then(|| Proposal {
                rule: "supermarket_pull",
                title: format!("Supermarket between {} and {}", label(process), label(&map.nodes[after])),
                why: format!(
                    "{} runs in batches, so it cannot flow; {} pieces wait after it ({:.1} days of demand)",
                    label(process),
                    node.quantity.unwrap_or(0.0),
                    node.quantity.unwrap_or(0.0) / daily
                ),
                targets: vec![process.id.clone(), node.id.clone()],
                changes: vec![set(&node.id, supermarket_fields(size))],
                assumption: Some(supermarket_assumption(batch_days, settings)),
            })
        })
        .collect()
}

fn supermarket_fields(size: f64) -> serde_json::Value {
    serde_json::json!({ "kind": "supermarket", "quantity": size, "max_quantity": size })
}

fn supermarket_assumption(batch_days: f64, settings: &Settings) -> String {
    format!(
        "sized to the EPE batch ({batch_days} day(s) of demand) plus {} day(s) of safety stock, counted full",
        settings.safety_stock_days
    )
}

/// Whether a process must run in batches: long changeovers, an EPE over a day, or shared.
fn batches(process: &Node, settings: &Settings) -> bool {
    process.changeover_s.is_some_and(|c| c >= settings.long_changeover_s)
        || process.epe_days.is_some_and(|e| e > 1.0)
        || process.shared == Some(true)
}

/// Whether the processes either side of a stock can flow piece by piece: both under takt, and
/// both changing over quickly (long changeovers force batches).
fn continuous_flow_applies(
    map: &Map,
    settings: &Settings,
    (before, _, after): (usize, usize, usize),
) -> bool {
    let Some(takt) = pace(map).1 else { return false };
    [before, after].iter().all(|&i| {
        let node = &map.nodes[i];
        node.cycle_time_s.is_some_and(|ct| ct / node.uptime.unwrap_or(1.0) <= takt)
            && node.changeover_s.unwrap_or(0.0) <= settings.flow_changeover_s
    })
}

/// Guideline 4: schedule one process, the pacemaker. A scheduling decision: no figure of this
/// model changes, so none is projected.
pub(super) fn pacemaker(map: &Map, _: &Settings) -> Vec<Proposal> {
    if !manufacturing(map) {
        return Vec::new();
    }
    let control = map.nodes.iter().find(|n| n.kind == NodeKind::ProductionControl);
    let scheduled: Vec<&str> = map
        .edges
        .iter()
        .filter(|e| e.kind.is_information() && control.is_some_and(|c| c.id == e.from))
        .filter(|e| map.node(&e.to).is_some_and(|n| n.kind == NodeKind::Process))
        .map(|e| e.to.as_str())
        .collect();
    if scheduled.len() < 2 {
        return Vec::new();
    }
    let last = scheduled.last().copied().unwrap_or_default();
    vec![Proposal {
        rule: "pacemaker",
        title: "Schedule one pacemaker process".to_owned(),
        why: format!(
            "production control schedules {} processes separately; each pushes to its own plan",
            scheduled.len()
        ),
        targets: scheduled.iter().map(|s| (*s).to_owned()).collect(),
        changes: map
            .edges
            .iter()
            .filter(|e| e.kind.is_information() && control.is_some_and(|c| c.id == e.from) && e.to != last)
            .filter(|e| scheduled.contains(&e.to.as_str()))
            .map(|e| Change::RemoveEdge { id: e.id.clone() })
            .collect(),
        assumption: Some(
            "no projected change: scheduling only the pacemaker changes who decides, not a figure this model computes"
                .to_owned(),
        ),
    }]
}

/// Guideline 5: level the mix. The model holds one product family, so it cannot measure mixing.
pub(super) fn level_the_mix(map: &Map, _: &Settings) -> Vec<Proposal> {
    if !manufacturing(map) || map.nodes.iter().any(|n| n.kind == NodeKind::Heijunka) {
        return Vec::new();
    }
    let Some(control) = map.nodes.iter().find(|n| n.kind == NodeKind::ProductionControl) else {
        return Vec::new();
    };
    vec![Proposal {
        rule: "level_the_mix",
        title: "Level the product mix with a heijunka box".to_owned(),
        why: "the schedule is released without levelling; a heijunka box spreads the mix over the shift"
            .to_owned(),
        targets: vec![control.id.clone()],
        changes: vec![Change::AddNode {
            node: Box::new(Node {
                name: "Heijunka".to_owned(),
                x: control.x,
                y: control.y + 90.0,
                ..Node::new(fresh_id(map, "heijunka"), NodeKind::Heijunka)
            }),
            index: None,
        }],
        assumption: Some(
            "no projected change: a map holds one product family, so this model cannot measure the mix"
                .to_owned(),
        ),
    }]
}

/// Guideline 6: level the volume. Release work to the pacemaker in small, even increments, one
/// pitch (takt × pack quantity) at a time, from a kanban post. A scheduling decision: no figure of
/// this model changes.
pub(super) fn level_the_volume(map: &Map, _: &Settings) -> Vec<Proposal> {
    let paced = map.nodes.iter().any(|n| matches!(n.kind, NodeKind::KanbanPost | NodeKind::WithdrawalKanban));
    let pitch = vsm_metrics::Pace::of(map).pitch_s.ok();
    let (false, true, Some(pitch), Some(pacemaker)) =
        (paced, manufacturing(map), pitch, pacemaker_process(map))
    else {
        return Vec::new();
    };
    vec![Proposal {
        rule: "level_the_volume",
        title: format!("Release work to {} every pitch ({:.0} min)", label(pacemaker), pitch / 60.0),
        why: "work is released in large schedules; an even release of one pitch at a time shows within minutes when the line falls behind".to_owned(),
        targets: vec![pacemaker.id.clone()],
        changes: vec![Change::AddNode {
            node: Box::new(Node {
                name: format!("Pitch {:.0} min", pitch / 60.0),
                x: pacemaker.x,
                y: pacemaker.y - 110.0,
                ..Node::new(fresh_id(map, "kanban-post"), NodeKind::KanbanPost)
            }),
            index: None,
        }],
        assumption: Some("no projected change: the release increment is not a figure this model computes".to_owned()),
    }]
}

/// The pacemaker: the process nearest the customer on the material flow.
fn pacemaker_process(map: &Map) -> Option<&Node> {
    let flow = material(map);
    let mut current = map.nodes.iter().position(|n| n.kind == NodeKind::Customer)?;
    for _ in 0..map.nodes.len() {
        current = flow.iter().find(|(_, to)| *to == current)?.0;
        if map.nodes[current].kind == NodeKind::Process {
            return Some(&map.nodes[current]);
        }
    }
    None
}

/// Guideline 7: every part every day, through changeover reduction (SMED). Halving the
/// changeover makes time for a changeover of every part every day; the stock after the process
/// then only has to cover a one-day batch, so it becomes a supermarket of that size.
pub(super) fn changeover_reduction(map: &Map, settings: &Settings) -> Vec<Proposal> {
    let daily = pace(map).0;
    let stocks = stocks_between_processes(map);
    map.nodes
        .iter()
        .enumerate()
        .filter(|(_, n)| n.kind == NodeKind::Process)
        .filter(|(_, n)| {
            n.changeover_s.is_some_and(|c| c >= settings.long_changeover_s)
                && n.epe_days.is_some_and(|e| e > 1.0)
        })
        .map(|(i, node)| {
            let changeover = node.changeover_s.unwrap_or(0.0);
            let mut changes = vec![set(
                &node.id,
                serde_json::json!({ "changeover_s": (changeover / 2.0).round(), "epe_days": 1.0 }),
            )];
            let mut assumption = "changeover halved, every part every day".to_owned();
            let after =
                stocks.iter().find(|(before, _, _)| *before == i).map(|&(_, stock, _)| &map.nodes[stock]);
            let size = daily.map(|d| (d * (1.0 + settings.safety_stock_days)).ceil());
            match (after, size) {
                (Some(stock), Some(size)) if stock.quantity.is_some_and(|q| q > size) => {
                    changes.push(set(&stock.id, supermarket_fields(size)));
                    assumption = format!(
                        "{assumption}; the stock after it a supermarket {}",
                        supermarket_assumption(1.0, settings)
                    );
                }
                _ => assumption.push_str("; no stock after it shrinks with it, so lead time does not change"),
            }
            Proposal {
                rule: "changeover_reduction",
                title: format!("SMED on {}", label(node)),
                why: format!(
                    "{} changes over in {:.0} min and makes every part every {} days",
                    label(node),
                    changeover / 60.0,
                    node.epe_days.unwrap_or(0.0)
                ),
                targets: vec![node.id.clone()],
                changes,
                assumption: Some(assumption),
            }
        })
        .collect()
}

/// Raw-material delivery frequency: days of raw material right after the supplier.
pub(super) fn raw_material_delivery(map: &Map, settings: &Settings) -> Vec<Proposal> {
    if !manufacturing(map) {
        return Vec::new();
    }
    let flow = material(map);
    let from_supplier =
        |i: usize| flow.iter().any(|&(from, to)| to == i && map.nodes[from].kind == NodeKind::Supplier);
    map.nodes
        .iter()
        .enumerate()
        .filter(|&(i, node)| node.kind.is_stock() && from_supplier(i))
        .filter_map(|(_, node)| {
            let days = stock_days(map, node)?;
            (days > settings.raw_material_days).then(|| Proposal {
                rule: "raw_material_delivery",
                title: format!("Daily deliveries into {}", label(node)),
                why: format!("{days:.1} days of raw material wait before the first process"),
                targets: vec![node.id.clone()],
                changes: vec![set(&node.id, set_stock_days(map, node, settings.raw_material_days))],
                assumption: Some(format!(
                    "deliveries often enough to hold {} day(s) of raw material",
                    settings.raw_material_days
                )),
            })
        })
        .collect()
}
