//! Speed of the metrics (issue "Metrics engine", figures in docs/performance.md):
//! all figures of a 1,000-step and a 10,000-step map with parallel branches, and a 10,000-trial
//! Monte Carlo over 100 varying steps. Run: `cargo bench -p vsm-metrics --bench metrics`.
//!
//! The maps are built like `shared/tools/gen-map`: supplier → (inventory → process) × STEPS →
//! customer, plus a forward skip edge from process i to process i + 3 for every fifth process.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use vsm_metrics::{MetricsOptions, MonteCarloOptions, map_metrics, map_metrics_with};
use vsm_model::{
    Calendar, DayBasis, Demand, DemandPeriod, Distribution, Edge, EdgeKind, Map, Node, NodeKind, Variability,
};

/// A deterministic pseudo-random sequence (no dependency needed for map shapes).
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n
    }
}

fn generated_map(steps: usize, varying: bool) -> Map {
    let mut random = Lcg(42);
    let mut map = Map::new("big");
    map.calendar = Some(Calendar {
        shift_s: 28_800.0,
        breaks_s: Some(1200.0),
        shifts_per_day: Some(2.0),
        day_basis: Some(DayBasis::Calendar),
    });
    map.demand = Some(Demand {
        quantity: 18_400.0,
        per: DemandPeriod::Month,
        working_days_per_period: Some(20.0),
        unit: None,
        pack_quantity: None,
    });
    map.nodes.push(Node::new("supplier", NodeKind::Supplier));
    let mut previous = "supplier".to_owned();
    let mut processes = Vec::new();
    for i in 0..steps {
        let mut inventory = Node::new(format!("inv-{i}"), NodeKind::Inventory);
        inventory.quantity = Some((10 + random.below(5000)) as f64);
        let mut process = Node::new(format!("p-{i}"), NodeKind::Process);
        let cycle = (5 + random.below(86)) as f64;
        process.cycle_time_s = Some(cycle);
        process.changeover_s = Some([0.0, 300.0, 600.0, 3600.0][random.below(4) as usize]);
        process.uptime = Some([0.8, 0.9, 1.0][random.below(3) as usize]);
        process.operators = Some((1 + random.below(3)) as f64);
        if varying {
            process.variability = Some(Variability {
                distribution: Distribution::Pert,
                min_s: cycle * 0.5,
                mode_s: Some(cycle),
                max_s: cycle * 3.0,
            });
        }
        map.edges.push(Edge::new(
            format!("m{}", map.edges.len()),
            previous.clone(),
            inventory.id.clone(),
            EdgeKind::Push,
        ));
        map.edges.push(Edge::new(
            format!("m{}", map.edges.len()),
            inventory.id.clone(),
            process.id.clone(),
            EdgeKind::Push,
        ));
        previous = process.id.clone();
        processes.push(process.id.clone());
        map.nodes.push(inventory);
        map.nodes.push(process);
    }
    map.nodes.push(Node::new("customer", NodeKind::Customer));
    map.edges.push(Edge::new(format!("m{}", map.edges.len()), previous, "customer", EdgeKind::Shipment));
    for i in (0..processes.len().saturating_sub(3)).step_by(5) {
        map.edges.push(Edge::new(
            format!("s{i}"),
            processes[i].clone(),
            processes[i + 3].clone(),
            EdgeKind::Push,
        ));
    }
    vsm_model::validate::document(&vsm_model::Document { maps: vec![map.clone()], ..Default::default() })
        .expect("valid benchmark map");
    map
}

fn benches(c: &mut Criterion) {
    for steps in [1_000, 10_000] {
        let map = generated_map(steps, false);
        assert!(map_metrics(&map).lead_time_s.is_ok());
        c.bench_function(&format!("metrics/{steps}-steps"), |b| b.iter(|| map_metrics(black_box(&map))));
    }
    let map = generated_map(100, true);
    let options = MetricsOptions {
        cell: None,
        monte_carlo: Some(MonteCarloOptions { trials: 10_000, seed: 1, target_s: Some(30.0 * 86_400.0) }),
    };
    assert!(map_metrics_with(&map, &options).monte_carlo.is_some_and(|mc| mc.is_ok()));
    c.bench_function("monte-carlo/10000-trials-100-steps", |b| {
        b.iter(|| map_metrics_with(black_box(&map), &options))
    });
}

criterion_group! {
    name = group;
    config = Criterion::default().sample_size(30);
    targets = benches
}
criterion_main!(group);
