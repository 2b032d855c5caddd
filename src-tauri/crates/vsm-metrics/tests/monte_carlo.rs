//! The Monte Carlo (docs/metrics.md §6): the samplers match the closed forms of their
//! distributions, a seed reproduces a run, merging branches take the longer branch per trial, and
//! rework loops go round a geometric number of times.

use vsm_metrics::random::{Random, Sampler};
use vsm_metrics::{MetricsOptions, MonteCarlo, MonteCarloOptions, map_metrics_with};
use vsm_model::{Distribution, Edge, EdgeKind, Map, Node, NodeKind, Variability};

fn variability(distribution: Distribution, min: f64, mode: Option<f64>, max: f64) -> Variability {
    Variability { distribution, min_s: min, mode_s: mode, max_s: max }
}

/// Draws `n` samples and checks mean and variance against the closed forms, within 5 standard
/// errors (for the variance, the standard error uses the sample's fourth central moment).
fn check_moments(sampler: Sampler, n: usize, seed: u64) {
    let mut random = Random::new(seed);
    let xs: Vec<f64> = (0..n).map(|_| sampler.sample(&mut random)).collect();
    let (mean, variance) = sampler.moments();
    let sample_mean = xs.iter().sum::<f64>() / n as f64;
    let sample_variance = xs.iter().map(|x| (x - sample_mean).powi(2)).sum::<f64>() / (n - 1) as f64;
    let fourth = xs.iter().map(|x| (x - sample_mean).powi(4)).sum::<f64>() / n as f64;
    let mean_error = (variance / n as f64).sqrt();
    let variance_error = ((fourth - sample_variance * sample_variance) / n as f64).sqrt();
    assert!(
        (sample_mean - mean).abs() < 5.0 * mean_error,
        "{sampler:?}: mean {sample_mean} vs {mean} ± {mean_error}"
    );
    assert!(
        (sample_variance - variance).abs() < 5.0 * variance_error,
        "{sampler:?}: variance {sample_variance} vs {variance} ± {variance_error}"
    );
    assert!(xs.iter().all(|x| x.is_finite()));
}

#[test]
fn triangular_samples_match_the_closed_form() {
    // Mean (a + c + b) / 3, variance (a² + b² + c² − ab − ac − bc) / 18.
    let sampler = Sampler::of(&variability(Distribution::Triangular, 2.0, Some(3.0), 10.0));
    assert_eq!(sampler.moments(), (5.0, (4.0 + 9.0 + 100.0 - 6.0 - 20.0 - 30.0) / 18.0));
    check_moments(sampler, 200_000, 7);
}

#[test]
fn pert_samples_match_the_closed_form() {
    // Mean (a + 4c + b) / 6; variance of the scaled Beta(α, β) with α + β = 6.
    let sampler = Sampler::of(&variability(Distribution::Pert, 3600.0, Some(86_400.0), 432_000.0));
    let (mean, _) = sampler.moments();
    assert!((mean - (3600.0 + 4.0 * 86_400.0 + 432_000.0) / 6.0).abs() < 1e-6);
    check_moments(sampler, 200_000, 11);
    check_moments(Sampler::of(&variability(Distribution::Pert, 0.0, Some(0.0), 1.0)), 200_000, 12);
}

#[test]
fn uniform_samples_match_the_closed_form() {
    let sampler = Sampler::of(&variability(Distribution::Uniform, 10.0, None, 20.0));
    assert_eq!(sampler.moments(), (15.0, 100.0 / 12.0));
    check_moments(sampler, 200_000, 13);
}

#[test]
fn rework_passes_are_geometric_with_the_documented_mean() {
    let mut random = Random::new(3);
    let n = 200_000;
    let mean = (0..n).map(|_| random.passes(0.2)).sum::<f64>() / n as f64;
    assert!((mean - 1.25).abs() < 0.01, "1 / (1 − 0.2) = 1.25, got {mean}");
    assert_eq!(random.passes(0.0), 1.0);
}

/// supplier → branches of steps → customer; each branch is a list of (elapsed, variability).
fn network(branches: &[&[(f64, Option<Variability>)]]) -> Map {
    let mut map = Map::new("m");
    map.nodes.push(Node::new("s", NodeKind::Supplier));
    map.nodes.push(Node::new("c", NodeKind::Customer));
    for (b, branch) in branches.iter().enumerate() {
        let mut previous = "s".to_owned();
        for (k, (elapsed, spread)) in branch.iter().enumerate() {
            let mut step = Node::new(format!("b{b}-{k}"), NodeKind::Process);
            (step.process_time_s, step.lead_time_s, step.variability) =
                (Some(0.0), Some(*elapsed), spread.clone());
            map.edges.push(Edge::new(format!("e{b}-{k}"), previous.clone(), step.id.clone(), EdgeKind::Push));
            previous = step.id.clone();
            map.nodes.push(step);
        }
        map.edges.push(Edge::new(format!("end{b}"), previous, "c", EdgeKind::Push));
    }
    map
}

fn simulate(map: &Map, options: MonteCarloOptions) -> MonteCarlo {
    let metrics = map_metrics_with(map, &MetricsOptions { cell: None, monte_carlo: Some(options) });
    metrics.monte_carlo.expect("asked for").unwrap_or_else(|reason| panic!("{}", reason.0))
}

#[test]
fn the_same_seed_gives_the_same_run() {
    let spread = Some(variability(Distribution::Pert, 1.0, Some(2.0), 9.0));
    let map = network(&[&[(2.0, spread.clone()), (3.0, spread)]]);
    let options = MonteCarloOptions { trials: 5000, seed: 42, target_s: Some(6.0) };
    assert_eq!(simulate(&map, options.clone()), simulate(&map, options.clone()));
    assert_ne!(
        simulate(&map, options.clone()).mean_s,
        simulate(&map, MonteCarloOptions { seed: 43, ..options }).mean_s
    );
}

#[test]
fn merging_branches_take_the_longer_branch_in_each_trial() {
    // Two parallel uniform(0, 1) steps: the lead time is the larger of two uniforms, mean 2/3 —
    // not the 1/2 a single path would give.
    let uniform = Some(variability(Distribution::Uniform, 0.0, None, 1.0));
    let map = network(&[&[(0.5, uniform.clone())], &[(0.5, uniform)]]);
    let mc = simulate(&map, MonteCarloOptions { trials: 100_000, seed: 5, target_s: Some(0.5) });
    assert!((mc.mean_s - 2.0 / 3.0).abs() < 0.005, "mean {}", mc.mean_s);
    // P(max ≤ 0.5) = 0.25; the median of the max is √0.5.
    assert!((mc.probability_meeting_target.expect("target") - 0.25).abs() < 0.01);
    assert!((mc.p50_s - 0.5f64.sqrt()).abs() < 0.01);
    assert_eq!(mc.histogram.len(), 30);
    assert_eq!(mc.histogram.iter().map(|bin| bin.2).sum::<u32>(), 100_000);
}

#[test]
fn without_variability_every_trial_is_the_deterministic_lead_time() {
    let map = network(&[&[(100.0, None), (50.0, None)]]);
    let metrics = map_metrics_with(
        &map,
        &MetricsOptions { cell: None, monte_carlo: Some(MonteCarloOptions::default()) },
    );
    let mc = metrics.monte_carlo.clone().expect("asked").expect("runs");
    assert_eq!((mc.p50_s, mc.p95_s, mc.min_s, mc.max_s), (150.0, 150.0, 150.0, 150.0));
    assert_eq!(Ok(mc.mean_s), metrics.lead_time_s);
    assert!(metrics.warnings.iter().any(|w| w.code == "no_variability"));
}

#[test]
fn rework_goes_round_a_sampled_number_of_times() {
    let mut map = network(&[&[(10.0, None), (10.0, None)]]);
    let mut rework = Edge::new("r", "b0-1", "b0-0", EdgeKind::Rework);
    rework.probability = Some(0.5);
    map.edges.push(rework);
    let mc = simulate(&map, MonteCarloOptions { trials: 100_000, seed: 9, target_s: Some(20.0) });
    assert!((mc.mean_s - 40.0).abs() < 0.5, "20 s × 1 / (1 − 0.5) = 40 s expected, got {}", mc.mean_s);
    assert!(
        (mc.probability_meeting_target.expect("target") - 0.5).abs() < 0.01,
        "one pass has probability 0.5"
    );
    assert_eq!(mc.min_s, 20.0);
}

#[test]
fn a_map_that_cannot_be_timed_says_why() {
    let map = Map::new("empty");
    let metrics = map_metrics_with(
        &map,
        &MetricsOptions { cell: None, monte_carlo: Some(MonteCarloOptions::default()) },
    );
    assert!(metrics.monte_carlo.expect("asked").expect_err("no flow").0.contains("no material flow"));
}
