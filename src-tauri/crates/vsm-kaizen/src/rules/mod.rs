//! Improvement rules: each looks at a map, and where its condition holds proposes a concrete
//! change (a change batch) with the reason in plain words. The effect of every suggestion is
//! computed by applying its batch to a copy of the map and running vsm-metrics — never guessed
//! (see [`crate::suggest`]). A rule whose effect this model cannot measure says so; a rule that
//! has to size something states the assumption it used.

use serde::Serialize;
use vsm_model::{Change, Map, Node, NodeKind, Waste as W};

use crate::Settings;

mod delivery;
mod lean;

use delivery::{automate_manual_step, hand_off_wait, quality_at_source, smaller_batches, wip_limit};
use lean::{
    changeover_reduction, continuous_flow, fifo_lane, level_the_mix, level_the_volume, pacemaker,
    produce_to_takt, raw_material_delivery, supermarket_pull,
};

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
    /// The wastes its improvements address (tagged on the kaizen burst when accepted).
    pub waste: &'static [W],
}

/// Every rule, in the order their guidance is usually taught.
pub const RULES: &[Rule] = &[
    Rule {
        id: "produce_to_takt",
        family: Family::Lean,
        check: produce_to_takt,
        waste: &[W::Waiting, W::Overproduction],
    },
    Rule {
        id: "continuous_flow",
        family: Family::Lean,
        check: continuous_flow,
        waste: &[W::Transport, W::Inventory, W::Waiting],
    },
    Rule {
        id: "supermarket_pull",
        family: Family::Lean,
        check: supermarket_pull,
        waste: &[W::Inventory, W::Overproduction],
    },
    Rule {
        id: "fifo_lane",
        family: Family::Lean,
        check: fifo_lane,
        waste: &[W::Inventory, W::Overproduction],
    },
    Rule { id: "pacemaker", family: Family::Lean, check: pacemaker, waste: &[W::Overproduction] },
    Rule {
        id: "level_the_mix",
        family: Family::Lean,
        check: level_the_mix,
        waste: &[W::Inventory, W::Overproduction],
    },
    Rule {
        id: "level_the_volume",
        family: Family::Lean,
        check: level_the_volume,
        waste: &[W::Waiting, W::Overproduction],
    },
    Rule {
        id: "changeover_reduction",
        family: Family::Lean,
        check: changeover_reduction,
        waste: &[W::Inventory, W::Waiting],
    },
    Rule {
        id: "raw_material_delivery",
        family: Family::Lean,
        check: raw_material_delivery,
        waste: &[W::Inventory],
    },
    Rule {
        id: "hand_off_wait",
        family: Family::Delivery,
        check: hand_off_wait,
        waste: &[W::Transport, W::Waiting],
    },
    Rule {
        id: "automate_manual_step",
        family: Family::Delivery,
        check: automate_manual_step,
        waste: &[W::Motion, W::Waiting],
    },
    Rule {
        id: "quality_at_source",
        family: Family::Delivery,
        check: quality_at_source,
        waste: &[W::Defects],
    },
    Rule { id: "wip_limit", family: Family::Delivery, check: wip_limit, waste: &[W::Inventory, W::Waiting] },
    Rule {
        id: "smaller_batches",
        family: Family::Delivery,
        check: smaller_batches,
        waste: &[W::Inventory, W::Waiting],
    },
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

/// Whether a node's name contains one of `words` as a whole word (any case).
fn named(node: &Node, words: &[&str]) -> bool {
    let name = node.name.to_lowercase();
    name.split(|c: char| !c.is_alphanumeric()).any(|part| words.contains(&part))
}

/// A manufacturing map measures processes by cycle time; office and delivery maps by process
/// and lead time. The scheduling guidelines (pacemaker, heijunka) are for the former.
fn manufacturing(map: &Map) -> bool {
    map.nodes.iter().any(|n| n.kind == NodeKind::Process && n.cycle_time_s.is_some())
}

/// A node or edge id not used in `map`: `base`, `base-2`, …
fn fresh_id(map: &Map, base: &str) -> String {
    crate::fresh(|id| map.node(id).is_some() || map.edge(id).is_some(), base)
}
