//! Improvement rules: each looks at a map, and where its condition holds proposes a concrete
//! change (a change batch) with the reason in plain words. The effect of every suggestion is
//! computed by applying its batch to a copy of the map and running vsm-metrics — never guessed
//! (see [`crate::suggest`]). A rule whose effect this model cannot measure says so; a rule that
//! has to size something states the assumption it used.

use serde::Serialize;
use vsm_model::{Change, EdgeKind, Map, Node, NodeKind};

use crate::Settings;

/// What a rule proposes, before its effect is computed.
#[derive(Debug, Clone, PartialEq)]
pub struct Proposal {
    /// The rule's id.
    pub rule: &'static str,
    /// What to do, in a few words.
    pub title: String,
    /// Why, in plain words, with the numbers that triggered it.
    pub why: String,
    /// The nodes it is about.
    pub targets: Vec<String>,
    /// The change to the map.
    pub changes: Vec<Change>,
    /// The sizing assumption used, or why no change in the figures is projected.
    pub assumption: Option<String>,
}

/// Which family of guidance a rule comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Family {
    /// Rother & Shook's future-state guidelines (lean manufacturing).
    Lean,
    /// Software-delivery patterns (DevOps).
    Delivery,
}

/// A rule: an id, its family, and the check that yields proposals.
pub struct Rule {
    /// Stable id, e.g. `continuous_flow`.
    pub id: &'static str,
    /// Where the guidance comes from.
    pub family: Family,
    /// Checks the map and proposes changes.
    pub check: fn(&Map, &Settings) -> Vec<Proposal>,
}

/// Every rule, in the order their guidance is usually taught.
pub const RULES: &[Rule] = &[
    Rule { id: "produce_to_takt", family: Family::Lean, check: produce_to_takt },
    Rule { id: "continuous_flow", family: Family::Lean, check: continuous_flow },
    Rule { id: "fifo_lane", family: Family::Lean, check: fifo_lane },
    Rule { id: "pacemaker", family: Family::Lean, check: pacemaker },
    Rule { id: "level_the_mix", family: Family::Lean, check: level_the_mix },
    Rule { id: "changeover_reduction", family: Family::Lean, check: changeover_reduction },
    Rule { id: "raw_material_delivery", family: Family::Lean, check: raw_material_delivery },
    Rule { id: "hand_off_wait", family: Family::Delivery, check: hand_off_wait },
    Rule { id: "automate_manual_step", family: Family::Delivery, check: automate_manual_step },
    Rule { id: "quality_at_source", family: Family::Delivery, check: quality_at_source },
    Rule { id: "wip_limit", family: Family::Delivery, check: wip_limit },
];

fn label(node: &Node) -> &str {
    if node.name.trim().is_empty() { &node.id } else { &node.name }
}

fn set(id: &str, fields: serde_json::Value) -> Change {
    Change::UpdateNode { id: id.to_owned(), set: fields.as_object().cloned().unwrap_or_default() }
}

/// Material edges as (from, to) node indices.
fn material(map: &Map) -> Vec<(usize, usize)> {
    let index = |id: &str| map.nodes.iter().position(|n| n.id == id);
    map.edges
        .iter()
        .filter(|edge| edge.kind.is_material())
        .filter_map(|edge| Some((index(&edge.from)?, index(&edge.to)?)))
        .collect()
}

/// Stocks with exactly one process feeding them and one process they feed: (before, stock, after).
fn stocks_between_processes(map: &Map) -> Vec<(usize, usize, usize)> {
    let flow = material(map);
    let mut found = Vec::new();
    for (i, node) in map.nodes.iter().enumerate() {
        if node.kind != NodeKind::Inventory {
            continue;
        }
        let into: Vec<usize> = flow.iter().filter(|(_, to)| *to == i).map(|(from, _)| *from).collect();
        let out: Vec<usize> = flow.iter().filter(|(from, _)| *from == i).map(|(_, to)| *to).collect();
        if let ([before], [after]) = (into.as_slice(), out.as_slice())
            && map.nodes[*before].kind == NodeKind::Process
            && map.nodes[*after].kind == NodeKind::Process
        {
            found.push((*before, i, *after));
        }
    }
    found
}

/// Daily demand and takt of a map, when it has them.
fn pace(map: &Map) -> (Option<f64>, Option<f64>) {
    let pace = vsm_metrics::Pace::of(map);
    (pace.daily_demand.ok().filter(|d| *d > 0.0), pace.takt_s.ok())
}

/// Guideline 1: produce to takt. A process whose effective cycle time exceeds takt cannot keep
/// up; proposed: enough parallel stations to bring it under takt.
fn produce_to_takt(map: &Map, _: &Settings) -> Vec<Proposal> {
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
fn continuous_flow(map: &Map, settings: &Settings) -> Vec<Proposal> {
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
fn fifo_lane(map: &Map, settings: &Settings) -> Vec<Proposal> {
    let (Some(daily), _) = pace(map) else { return Vec::new() };
    let cap = (daily * settings.fifo_lane_days).ceil();
    stocks_between_processes(map)
        .into_iter()
        .filter(|&(_, stock, _)| map.nodes[stock].quantity.is_some_and(|q| q > cap))
        .filter(|stock| !continuous_flow_applies(map, settings, *stock))
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
fn pacemaker(map: &Map, _: &Settings) -> Vec<Proposal> {
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
fn level_the_mix(map: &Map, _: &Settings) -> Vec<Proposal> {
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

/// Guideline 7: every part every day, through changeover reduction (SMED). Halving changeovers
/// makes time for more of them; the EPE interval and the stock it causes are not modelled.
fn changeover_reduction(map: &Map, settings: &Settings) -> Vec<Proposal> {
    map.nodes
        .iter()
        .filter(|n| n.kind == NodeKind::Process)
        .filter(|n| n.changeover_s.is_some_and(|c| c >= settings.long_changeover_s) && n.epe_days.is_some_and(|e| e > 1.0))
        .map(|node| {
            let changeover = node.changeover_s.unwrap_or(0.0);
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
                changes: vec![set(&node.id, serde_json::json!({ "changeover_s": (changeover / 2.0).round(), "epe_days": 1 }))],
                assumption: Some(
                    "changeover halved and every part every day; the stock a long EPE causes is not linked to EPE in this model, so lead time only changes when that stock is cut too"
                        .to_owned(),
                ),
            }
        })
        .collect()
}

/// Raw-material delivery frequency: days of raw material right after the supplier.
fn raw_material_delivery(map: &Map, settings: &Settings) -> Vec<Proposal> {
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

/// How long work waits in a stock, in days, read as docs/metrics.md §3 reads it: quantity ÷
/// daily demand, else `duration_days`, else `wait_s` in days of the map's day basis.
fn stock_days(map: &Map, node: &Node) -> Option<f64> {
    let pace = vsm_metrics::Pace::of(map);
    let daily = pace.daily_demand.ok().filter(|d| *d > 0.0);
    daily
        .zip(node.quantity)
        .map(|(daily, quantity)| quantity / daily)
        .or(node.duration_days)
        .or(node.wait_s.zip(pace.day_length_s.ok()).map(|(wait, day)| wait / day))
}

/// The fields that make a stock hold `days` of waiting, in the unit it is already drawn with.
fn set_stock_days(map: &Map, node: &Node, days: f64) -> serde_json::Value {
    let pace = vsm_metrics::Pace::of(map);
    match (node.quantity, pace.daily_demand.ok(), pace.day_length_s.ok()) {
        (Some(_), Some(daily), _) => serde_json::json!({ "quantity": (days * daily).ceil() }),
        _ if node.duration_days.is_some() => serde_json::json!({ "duration_days": days }),
        (_, _, Some(day)) => serde_json::json!({ "wait_s": (days * day).round() }),
        _ => serde_json::json!({ "duration_days": days }),
    }
}

/// Hand-off and approval waits: a step whose lead time is many times its process time.
fn hand_off_wait(map: &Map, settings: &Settings) -> Vec<Proposal> {
    map.nodes
        .iter()
        .filter(|n| n.kind == NodeKind::Process)
        .filter_map(|node| {
            let (pt, lt) = (node.process_time_s?, node.lead_time_s?);
            (pt > 0.0 && lt >= settings.wait_ratio * pt).then(|| {
                let target = (pt * settings.target_wait_ratio).min(lt);
                Proposal {
                    rule: "hand_off_wait",
                    title: format!("Cut the wait in {}", label(node)),
                    why: format!(
                        "work spends {:.1} h in {} for {:.1} h of work ({:.0}× its process time): it waits for people or approvals",
                        lt / 3600.0,
                        label(node),
                        pt / 3600.0,
                        lt / pt
                    ),
                    targets: vec![node.id.clone()],
                    changes: vec![set(&node.id, serde_json::json!({ "lead_time_s": target.round() }))],
                    assumption: Some(format!(
                        "the wait shrinks to {}× the process time (e.g. pre-approved standard changes, a dedicated reviewer)",
                        settings.target_wait_ratio
                    )),
                }
            })
        })
        .collect()
}

/// Manual build, test or deploy steps: automate them.
fn automate_manual_step(map: &Map, _: &Settings) -> Vec<Proposal> {
    const WORDS: [&str; 6] = ["test", "qa", "build", "deploy", "release", "integration"];
    map.nodes
        .iter()
        .filter(|n| n.kind == NodeKind::Process && n.automated != Some(true))
        .filter(|n| {
            let name = n.name.to_lowercase();
            WORDS.iter().any(|w| name.split(|c: char| !c.is_alphanumeric()).any(|part| part == *w))
        })
        .filter_map(|node| {
            let (pt, lt) = (node.process_time_s?, node.lead_time_s?);
            Some(Proposal {
                rule: "automate_manual_step",
                title: format!("Automate {}", label(node)),
                why: format!("{} is done by hand: {:.1} h of work, {:.1} h elapsed", label(node), pt / 3600.0, lt / 3600.0),
                targets: vec![node.id.clone()],
                changes: vec![set(
                    &node.id,
                    serde_json::json!({ "automated": true, "lead_time_s": pt.round(), "pca": node.pca.map(|p| p.max(0.95)) }),
                )],
                assumption: Some(
                    "automated, the step runs when work arrives (lead time = process time) and is right 95 % of the time or better"
                        .to_owned(),
                ),
            })
        })
        .collect()
}

/// Low %C/A: build quality in at the source. Where work is sent back (a rework edge), halving
/// the rework is measured; elsewhere the rolled %C/A is.
fn quality_at_source(map: &Map, settings: &Settings) -> Vec<Proposal> {
    map.nodes
        .iter()
        .filter(|n| n.kind == NodeKind::Process && n.pca.is_some_and(|p| p < settings.low_pca))
        .map(|node| {
            let pca = node.pca.unwrap_or(1.0);
            let better = (1.0 - (1.0 - pca) / 2.0).min(1.0);
            let mut changes = vec![set(&node.id, serde_json::json!({ "pca": (better * 1000.0).round() / 1000.0 }))];
            for edge in map.edges.iter().filter(|e| e.kind == EdgeKind::Rework && e.from == node.id) {
                let probability = edge.probability.unwrap_or(0.0) / 2.0;
                changes.push(Change::UpdateEdge {
                    id: edge.id.clone(),
                    set: serde_json::json!({ "probability": (probability * 1000.0).round() / 1000.0 })
                        .as_object()
                        .cloned()
                        .unwrap_or_default(),
                });
            }
            Proposal {
                rule: "quality_at_source",
                title: format!("Raise the %C/A of {}", label(node)),
                why: format!("only {:.0} % of work leaves {} complete and accurate", pca * 100.0, label(node)),
                targets: vec![node.id.clone()],
                changes,
                assumption: Some(
                    "errors halved (clearer definition of done, checks where the work is done); rework sent back from here halves with them"
                        .to_owned(),
                ),
            }
        })
        .collect()
}

/// Large queues in office and delivery maps: limit work in progress (Little's Law: lead time =
/// WIP ÷ throughput). Manufacturing maps get FIFO lanes and flow instead.
fn wip_limit(map: &Map, settings: &Settings) -> Vec<Proposal> {
    if manufacturing(map) {
        return Vec::new();
    }
    let target = settings.large_queue_days / 2.0;
    map.nodes
        .iter()
        .filter(|n| n.kind.is_stock())
        .filter_map(|node| {
            let days = stock_days(map, node)?;
            (days > settings.large_queue_days).then(|| Proposal {
                rule: "wip_limit",
                title: format!("Limit work in {}", label(node)),
                why: format!(
                    "work waits {days:.1} days in {}; by Little's Law less work in it means less waiting",
                    label(node)
                ),
                targets: vec![node.id.clone()],
                changes: vec![set(&node.id, set_stock_days(map, node, target))],
                assumption: Some(format!(
                    "a WIP limit that halves the queue to {target:.1} days at the same throughput"
                )),
            })
        })
        .collect()
}

/// A manufacturing map measures processes by cycle time; office and delivery maps by process
/// and lead time. The scheduling guidelines (pacemaker, heijunka) are for the former.
fn manufacturing(map: &Map) -> bool {
    map.nodes.iter().any(|n| n.kind == NodeKind::Process && n.cycle_time_s.is_some())
}

/// A node or edge id not used in `map`: `base-1`, `base-2`, …
fn fresh_id(map: &Map, base: &str) -> String {
    (1..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| map.node(id).is_none() && map.edge(id).is_none())
        .unwrap_or_default()
}
