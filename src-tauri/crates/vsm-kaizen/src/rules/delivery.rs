//! Software-delivery patterns (Martin & Osterling; *The DevOps Handbook*): hand-off and approval
//! waits, manual build/test/deploy steps, quality at the source, WIP limits by Little's Law, and
//! smaller release batches.

use vsm_model::{Change, EdgeKind, Map, NodeKind};

use super::{Proposal, label, manufacturing, material, named, set, set_stock_days, stock_days};
use crate::Settings;

/// Hand-off and approval waits: a step whose lead time is many times its process time.
pub(super) fn hand_off_wait(map: &Map, settings: &Settings) -> Vec<Proposal> {
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
pub(super) fn automate_manual_step(map: &Map, _: &Settings) -> Vec<Proposal> {
    const WORDS: [&str; 6] = ["test", "qa", "build", "deploy", "release", "integration"];
    map.nodes
        .iter()
        .filter(|n| n.kind == NodeKind::Process && n.automated != Some(true))
        .filter(|n| named(n, &WORDS))
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
pub(super) fn quality_at_source(map: &Map, settings: &Settings) -> Vec<Proposal> {
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
pub(super) fn wip_limit(map: &Map, settings: &Settings) -> Vec<Proposal> {
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

/// Release trains: work that waits in a queue for the next release or approval window. Releasing
/// twice as often halves the batch and the wait for it.
pub(super) fn smaller_batches(map: &Map, settings: &Settings) -> Vec<Proposal> {
    const WORDS: [&str; 6] = ["release", "deploy", "deployment", "approval", "cab", "change"];
    if manufacturing(map) {
        return Vec::new();
    }
    let flow = material(map);
    flow.iter()
        .filter(|&&(stock, step)| {
            map.nodes[stock].kind.is_stock() && map.nodes[step].kind == NodeKind::Process
        })
        .filter(|&&(_, step)| named(&map.nodes[step], &WORDS))
        .filter_map(|&(stock, step)| {
            let (queue, release) = (&map.nodes[stock], &map.nodes[step]);
            let days = stock_days(map, queue)?;
            (days > settings.release_wait_days && days <= settings.large_queue_days).then(|| Proposal {
                rule: "smaller_batches",
                title: format!("Release smaller batches through {}", label(release)),
                why: format!(
                    "work waits {days:.1} days in {} for the next {} window",
                    label(queue),
                    label(release)
                ),
                targets: vec![queue.id.clone(), release.id.clone()],
                changes: vec![set(&queue.id, set_stock_days(map, queue, days / 2.0))],
                assumption: Some(
                    "windows twice as often: batches half the size wait half as long".to_owned(),
                ),
            })
        })
        .collect()
}
