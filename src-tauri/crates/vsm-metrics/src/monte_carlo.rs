//! The seeded Monte Carlo of docs/metrics.md §6: every step and wait of the whole network is
//! sampled per trial (its variability, or its single value), rework loops go round a sampled
//! number of times, and the trial's lead time is its longest path — so merging branches count.

use serde::Serialize;
use vsm_model::Map;

use crate::figure::{Reason, Warning};
use crate::graph::FlowGraph;
use crate::random::{Random, Sampler};
use crate::timeline::Segment;

/// What to simulate.
#[derive(Debug, Clone, PartialEq)]
pub struct MonteCarloOptions {
    /// Number of trials.
    pub trials: u32,
    /// Seed: the same seed gives the same result.
    pub seed: u32,
    /// A target lead time in seconds, to report the chance of meeting it.
    pub target_s: Option<f64>,
}

impl Default for MonteCarloOptions {
    fn default() -> Self {
        MonteCarloOptions { trials: 10_000, seed: 1, target_s: None }
    }
}

/// One bar of the lead-time histogram: lower edge and upper edge in seconds, and the trials in
/// it (serialised as `[from_s, to_s, count]`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Bin(pub f64, pub f64, pub u32);

/// The simulated lead-time distribution (also its report: `vsm metrics --json`'s `monte_carlo`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct MonteCarlo {
    /// Trials run.
    pub trials: u32,
    /// Seed used.
    pub seed: u32,
    /// Mean lead time, seconds.
    pub mean_s: f64,
    /// Median lead time.
    pub p50_s: f64,
    /// 85th percentile.
    pub p85_s: f64,
    /// 95th percentile.
    pub p95_s: f64,
    /// Shortest trial.
    pub min_s: f64,
    /// Longest trial.
    pub max_s: f64,
    /// The target asked about.
    pub target_s: Option<f64>,
    /// Share of trials with lead time ≤ target.
    pub probability_meeting_target: Option<f64>,
    /// 30 equal bars from the shortest to the longest trial: `[from_s, to_s, count]`.
    pub histogram: Vec<Bin>,
}

const BINS: usize = 30;

/// Runs the simulation over the material flow of `map`.
pub fn simulate(
    map: &Map,
    graph: &FlowGraph,
    segments: &[Segment],
    options: &MonteCarloOptions,
    warnings: &mut Vec<Warning>,
) -> Result<MonteCarlo, Reason> {
    if options.trials == 0 {
        return Err(Reason::new("the Monte Carlo needs at least one trial"));
    }
    if graph.order.is_empty() {
        return Err(Reason::new("the map has no material flow"));
    }
    if let Some(reason) = &graph.loop_error {
        return Err(reason.clone());
    }
    // Flow nodes renumbered in topological order, predecessors as flat lists.
    let mut position = vec![usize::MAX; map.nodes.len()];
    for (k, &node) in graph.order.iter().enumerate() {
        position[node] = k;
    }
    let mut samplers = Vec::with_capacity(graph.order.len());
    for &node in &graph.order {
        samplers.push(match &map.nodes[node].variability {
            Some(variability) => Sampler::of(variability),
            None => Sampler::Fixed(segments[node].elapsed_s.clone()?),
        });
    }
    let mut pred_start = Vec::with_capacity(graph.order.len() + 1);
    let mut preds = Vec::new();
    for &node in &graph.order {
        pred_start.push(preds.len());
        preds.extend(graph.predecessors(node).iter().map(|&p| position[p]));
    }
    pred_start.push(preds.len());
    let sinks: Vec<usize> =
        (0..graph.order.len()).filter(|&k| graph.successors(graph.order[k]).is_empty()).collect();
    let loops: Vec<(f64, Vec<usize>)> = graph
        .loops
        .iter()
        .map(|l| (l.probability, l.members.iter().map(|&m| position[m]).collect()))
        .collect();
    if samplers.iter().all(|s| matches!(s, Sampler::Fixed(_))) && loops.iter().all(|(p, _)| *p == 0.0) {
        warnings.push(Warning::map(
            "no_variability",
            "no step or wait has a variability range, so every Monte Carlo trial gives the same lead time",
        ));
    }

    let mut random = Random::new(u64::from(options.seed));
    let mut multiplier = vec![1.0f64; samplers.len()];
    let mut best = vec![0.0f64; samplers.len()];
    let mut results = Vec::with_capacity(options.trials as usize);
    for _ in 0..options.trials {
        if !loops.is_empty() {
            multiplier.iter_mut().for_each(|m| *m = 1.0);
            for (probability, members) in &loops {
                let passes = random.passes(*probability);
                for &k in members {
                    multiplier[k] *= passes;
                }
            }
        }
        for k in 0..samplers.len() {
            let start = preds[pred_start[k]..pred_start[k + 1]].iter().map(|&p| best[p]).fold(0.0, f64::max);
            best[k] = start + samplers[k].sample(&mut random) * multiplier[k];
        }
        results.push(sinks.iter().map(|&k| best[k]).fold(0.0, f64::max));
    }
    results.sort_by(f64::total_cmp);
    Ok(summarise(results, options))
}

/// Nearest-rank percentile of sorted values: the smallest value with at least `p` of them ≤ it.
fn percentile(sorted: &[f64], p: f64) -> f64 {
    let rank = (p * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn summarise(sorted: Vec<f64>, options: &MonteCarloOptions) -> MonteCarlo {
    let n = sorted.len() as f64;
    let (min, max) = (sorted[0], sorted[sorted.len() - 1]);
    let width = (max - min) / BINS as f64;
    let mut histogram: Vec<Bin> =
        (0..BINS).map(|i| Bin(min + width * i as f64, min + width * (i + 1) as f64, 0)).collect();
    for &value in &sorted {
        let bin = if width > 0.0 { (((value - min) / width) as usize).min(BINS - 1) } else { 0 };
        histogram[bin].2 += 1;
    }
    if width == 0.0 {
        histogram.truncate(1);
        histogram[0].1 = max;
    }
    let probability_meeting_target =
        options.target_s.map(|target| sorted.partition_point(|&value| value <= target) as f64 / n);
    MonteCarlo {
        trials: options.trials,
        seed: options.seed,
        mean_s: sorted.iter().sum::<f64>() / n,
        p50_s: percentile(&sorted, 0.50),
        p85_s: percentile(&sorted, 0.85),
        p95_s: percentile(&sorted, 0.95),
        min_s: min,
        max_s: max,
        target_s: options.target_s,
        probability_meeting_target,
        histogram,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank_percentiles() {
        let values: Vec<f64> = (1..=100).map(f64::from).collect();
        assert_eq!(percentile(&values, 0.5), 50.0);
        assert_eq!(percentile(&values, 0.85), 85.0);
        assert_eq!(percentile(&values, 0.95), 95.0);
        assert_eq!(percentile(&[7.0], 0.95), 7.0);
    }
}
