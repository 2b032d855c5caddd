//! Tests of the metrics first cut against a worked example from the literature and against
//! properties that must hold for every valid map.

use vsm_metrics::{Figure, MetricsOptions, map_metrics, map_metrics_with};
use vsm_model::{Document, Edge, EdgeKind, Map, Node, NodeKind, read_document};

fn fixture(name: &str) -> Document {
    let path = format!("{}/../../../tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    read_document(&std::fs::read_to_string(path).expect("fixture")).expect("valid")
}

fn value(figure: &Figure) -> f64 {
    figure.clone().unwrap_or_else(|reason| panic!("unavailable: {}", reason.0))
}

fn reason(figure: &Figure) -> String {
    figure.clone().expect_err("should be unavailable").0
}

/// Rother & Shook, *Learning to See* (1999), Acme Stamping current-state map: takt 60 s,
/// production lead time 23.6 days, processing time 188 s.
mod learning_to_see {
    use super::*;

    #[test]
    fn takt_demand_and_available_time() {
        let document = fixture("acme-stamping.vsm.json");
        let metrics = map_metrics(&document.maps[0]);
        assert_eq!(value(&metrics.pace.available_s_per_shift), 27_600.0);
        assert_eq!(value(&metrics.pace.daily_demand), 920.0);
        assert_eq!(value(&metrics.pace.takt_s), 60.0);
    }

    #[test]
    fn lead_time_and_processing_time_match_the_book() {
        let document = fixture("acme-stamping.vsm.json");
        let metrics = map_metrics(&document.maps[0]);
        let days = value(&metrics.lead_time_days);
        assert_eq!(format!("{days:.1}"), "23.6", "book prints 23.6 days");
        assert_eq!(value(&metrics.processing_time_s), 188.0);
        assert_eq!(value(&metrics.lead_time_s), value(&metrics.lead_time_first_pass_s));
        let ratio = value(&metrics.va_ratio);
        assert!((ratio - 188.0 / (days * 86_400.0)).abs() < 1e-12);
    }

    #[test]
    fn inventory_days_match_the_ladder() {
        let document = fixture("acme-stamping.vsm.json");
        let metrics = map_metrics(&document.maps[0]);
        let days: Vec<String> = metrics
            .steps
            .iter()
            .filter_map(|s| s.wait_days.as_ref().map(|d| format!("{:.1}", value(d))))
            .collect();
        assert_eq!(days, ["5.0", "7.6", "1.8", "2.7", "2.0", "4.5"]);
    }

    #[test]
    fn critical_path_runs_supplier_to_customer() {
        let document = fixture("acme-stamping.vsm.json");
        let metrics = map_metrics(&document.maps[0]);
        assert_eq!(metrics.critical_path.first().copied(), Some("steel"));
        assert_eq!(metrics.critical_path.last().copied(), Some("state-street"));
        assert_eq!(metrics.critical_path.len(), 13);
    }

    #[test]
    fn assembly_one_is_the_over_takt_bottleneck() {
        let document = fixture("acme-stamping.vsm.json");
        let metrics = map_metrics(&document.maps[0]);
        assert_eq!(metrics.bottleneck, ["assembly-1"]);
        let step =
            |id: &str| metrics.steps.iter().find(|s| s.id == id).and_then(|s| s.data_box.clone()).expect(id);
        assert_eq!(step("assembly-1").over_takt, Ok(true));
        assert_eq!(step("weld-2").over_takt, Ok(false));
        assert_eq!(value(&step("weld-2").effective_cycle_time_s), 57.5);
        assert_eq!(value(&step("weld-2").capacity_per_shift), 480.0);
        assert!((value(&step("weld-2").load_ratio) - 460.0 / 480.0).abs() < 1e-12);
        assert!(metrics.warnings.is_empty(), "{:?}", metrics.warnings);
    }
}

/// Rother & Shook, *Learning to See*, future state: pitch and the weld–assembly cell.
mod learning_to_see_future_state {
    use super::*;

    #[test]
    fn pitch_is_takt_times_the_tray_of_twenty() {
        let document = fixture("acme-stamping.vsm.json");
        let metrics = map_metrics(&document.maps[0]);
        assert_eq!(value(&metrics.pace.pitch_s), 1200.0, "book: 60 s × 20 pieces = 20 minutes");
    }

    #[test]
    fn the_weld_and_assembly_cell_needs_three_point_one_two_operators() {
        let cell: Vec<String> = ["weld-1", "weld-2", "assembly-1", "assembly-2"].map(String::from).to_vec();
        let options = MetricsOptions { cell: Some(cell), monte_carlo: None };
        let document = fixture("acme-stamping.vsm.json");
        let metrics = map_metrics_with(&document.maps[0], &options);
        let needed = value(&metrics.balance.operators_needed);
        assert_eq!(format!("{needed:.2}"), "3.12", "book: 187 s ÷ 60 s = 3.12 operators");
        assert_eq!(value(&metrics.balance.operators_needed_rounded), 4.0);
        // Four stations of 39, 46, 62 and 40 s against takt 60 s and against the slowest (62 s).
        assert!((value(&metrics.balance.takt_utilisation) - 187.0 / 240.0).abs() < 1e-12);
        assert!((value(&metrics.balance.balance_efficiency) - 187.0 / 248.0).abs() < 1e-12);
    }

    #[test]
    fn epe_batch_and_changeovers_possible_follow_the_data_box() {
        let document = fixture("acme-stamping.vsm.json");
        let metrics = map_metrics(&document.maps[0]);
        let data_box =
            |id: &str| metrics.steps.iter().find(|s| s.id == id).and_then(|s| s.data_box.clone()).expect(id);
        let stamping = data_box("stamping");
        assert_eq!(stamping.epe_batch.map(|f| value(&f)), Some(9200.0), "10 days × 920 pieces");
        // (27,600 s × 2 shifts × 85 % − 920 × 1 s) ÷ 3,600 s
        assert!(
            (stamping.changeovers_possible_per_day.map(|f| value(&f)).expect("C/O") - 46_000.0 / 3600.0)
                .abs()
                < 1e-9
        );
        assert!(
            reason(&data_box("assembly-1").changeovers_possible_per_day.expect("C/O given"))
                .contains("no changeover time")
        );
        assert_eq!(data_box("assembly-1").cycle_time_over_takt, Ok(true));
    }

    #[test]
    fn an_unknown_cell_member_is_named() {
        let options = MetricsOptions { cell: Some(vec!["weld-9".into()]), monte_carlo: None };
        let document = fixture("acme-stamping.vsm.json");
        let metrics = map_metrics_with(&document.maps[0], &options);
        assert!(reason(&metrics.balance.operators_needed).contains("\"weld-9\" is not a process"));
    }

    #[test]
    fn the_ladder_sums_to_lead_time_and_processing_time() {
        let document = fixture("acme-stamping.vsm.json");
        let metrics = map_metrics(&document.maps[0]);
        let up: f64 = metrics.ladder.iter().map(|r| r.elapsed_s).sum();
        let down: f64 = metrics.ladder.iter().map(|r| r.work_s).sum();
        assert!((up - value(&metrics.lead_time_s)).abs() < 1e-6);
        assert_eq!(down, value(&metrics.processing_time_s));
        let kinds: String = metrics.ladder.iter().map(|r| if r.wait { 'w' } else { 's' }).collect();
        assert_eq!(kinds, "wswswswswsw");
    }
}

/// A small office/DevOps map: supplier → dev → qa → customer, LTs in seconds.
fn devops(rework: Option<f64>) -> Map {
    let mut map = Map::new("m");
    map.nodes.push(Node::new("s", NodeKind::Supplier));
    for (id, pt, lt, pca) in [("dev", 4.0 * 3600.0, 2.0 * 86400.0, 0.8), ("qa", 3600.0, 86400.0, 0.5)] {
        let mut node = Node::new(id, NodeKind::Process);
        (node.process_time_s, node.lead_time_s, node.pca) = (Some(pt), Some(lt), Some(pca));
        map.nodes.push(node);
    }
    map.nodes.push(Node::new("c", NodeKind::Customer));
    for (id, from, to) in [("e1", "s", "dev"), ("e2", "dev", "qa"), ("e3", "qa", "c")] {
        map.edges.push(Edge::new(id, from, to, EdgeKind::Push));
    }
    if let Some(probability) = rework {
        let mut edge = Edge::new("r", "qa", "dev", EdgeKind::Rework);
        edge.probability = Some(probability);
        map.edges.push(edge);
    }
    map
}

mod office {
    use super::*;

    #[test]
    fn lead_time_process_time_and_rolled_pca() {
        let map = devops(None);
        let metrics = map_metrics(&map);
        assert_eq!(value(&metrics.lead_time_s), 3.0 * 86400.0);
        assert_eq!(value(&metrics.processing_time_s), 5.0 * 3600.0);
        assert!((value(&metrics.rolled_pca) - 0.4).abs() < 1e-12);
        assert_eq!(metrics.bottleneck, ["dev"], "without demand: the longest lead time");
        assert!(reason(&metrics.pace.takt_s).contains("no calendar"));
    }

    #[test]
    fn rework_multiplies_the_loop_by_expected_passes() {
        let map = devops(Some(0.2));
        let metrics = map_metrics(&map);
        assert!((value(&metrics.lead_time_s) - 3.0 * 86400.0 / 0.8).abs() < 1e-6);
        assert_eq!(value(&metrics.lead_time_first_pass_s), 3.0 * 86400.0);
        assert!((value(&metrics.processing_time_s) - 5.0 * 3600.0 / 0.8).abs() < 1e-6);
        let passes: Vec<f64> = metrics.steps.iter().map(|s| s.passes).collect();
        assert_eq!(passes, [1.0, 1.25, 1.25, 1.0]);
    }
}

mod odd_input {
    use super::*;

    #[test]
    fn partially_overlapping_rework_loops_are_an_input_error() {
        let mut map = devops(Some(0.2));
        let mut deploy = Node::new("deploy", NodeKind::Process);
        (deploy.process_time_s, deploy.lead_time_s) = (Some(600.0), Some(3600.0));
        map.nodes.push(deploy);
        map.edges.retain(|e| e.id != "e3");
        map.edges.push(Edge::new("e3", "qa", "deploy", EdgeKind::Push));
        map.edges.push(Edge::new("e4", "deploy", "c", EdgeKind::Push));
        let mut second = Edge::new("r2", "deploy", "qa", EdgeKind::Rework);
        second.probability = Some(0.1);
        map.edges.push(second);
        let metrics = map_metrics(&map);
        assert!(reason(&metrics.lead_time_s).contains("overlap partially"));
        assert!(metrics.warnings.iter().any(|w| w.code == "overlapping_rework"));
    }

    #[test]
    fn nested_rework_loops_multiply() {
        // dev → review → qa, with qa sending work back to dev (outer loop, p = 0.5) and to review
        // (inner loop, p = 0.5): dev passes 2 times, review and qa 2 × 2 = 4 times.
        let mut map = devops(Some(0.5));
        let mut review = Node::new("review", NodeKind::Process);
        (review.process_time_s, review.lead_time_s) = (Some(60.0), Some(3600.0));
        map.nodes.push(review);
        map.edges.retain(|e| e.id != "e2");
        map.edges.push(Edge::new("e2a", "dev", "review", EdgeKind::Push));
        map.edges.push(Edge::new("e2b", "review", "qa", EdgeKind::Push));
        let mut nested = Edge::new("r2", "qa", "review", EdgeKind::Rework);
        nested.probability = Some(0.5);
        map.edges.push(nested);
        let metrics = map_metrics(&map);
        let passes = |id: &str| metrics.steps.iter().find(|s| s.id == id).map(|s| s.passes).expect(id);
        assert_eq!((passes("dev"), passes("review"), passes("qa")), (2.0, 4.0, 4.0));
    }

    #[test]
    fn a_material_cycle_is_a_warning_not_a_hang() {
        let mut map = devops(None);
        map.edges.push(Edge::new("back", "qa", "dev", EdgeKind::Push));
        let metrics = map_metrics(&map);
        assert_eq!(value(&metrics.lead_time_s), 3.0 * 86400.0);
        let warning = metrics.warnings.iter().find(|w| w.code == "material_cycle").expect("warned");
        assert_eq!(warning.node.as_deref(), Some("qa"));
    }

    #[test]
    fn no_material_flow_gives_reasons() {
        let mut map = devops(None);
        map.edges.clear();
        let metrics = map_metrics(&map);
        assert!(reason(&metrics.lead_time_s).contains("no material flow"));
        assert!(metrics.warnings.iter().any(|w| w.code == "no_material_flow"));
        assert!(metrics.warnings.iter().any(|w| w.code == "not_on_flow" && w.node.as_deref() == Some("dev")));
    }

    #[test]
    fn a_quantity_without_demand_is_not_a_silent_zero() {
        let mut map = devops(None);
        let mut queue = Node::new("backlog", NodeKind::Inventory);
        queue.quantity = Some(40.0);
        map.nodes.push(queue);
        map.edges.retain(|e| e.id != "e1");
        map.edges.push(Edge::new("e1", "s", "backlog", EdgeKind::Push));
        map.edges.push(Edge::new("e1b", "backlog", "dev", EdgeKind::Push));
        let metrics = map_metrics(&map);
        let why = reason(&metrics.lead_time_s);
        assert!(why.contains("\"backlog\" holds a quantity") && why.contains("no customer demand"), "{why}");
    }

    #[test]
    fn zero_demand_has_no_takt() {
        let mut document = fixture("acme-stamping.vsm.json");
        if let Some(demand) = document.maps[0].demand.as_mut() {
            demand.quantity = 0.0;
        }
        let metrics = map_metrics(&document.maps[0]);
        assert!(reason(&metrics.pace.takt_s).contains("demand is 0"));
        assert!(reason(&metrics.lead_time_s).contains("zero demand"));
    }

    #[test]
    fn missing_uptime_is_assumed_with_a_warning() {
        let mut document = fixture("acme-stamping.vsm.json");
        document.maps[0].nodes.iter_mut().find(|n| n.id == "weld-2").expect("weld-2").uptime = None;
        let metrics = map_metrics(&document.maps[0]);
        let warning = metrics.warnings.iter().find(|w| w.code == "missing_uptime").expect("warned");
        assert_eq!(warning.node.as_deref(), Some("weld-2"));
        assert!(warning.message.contains("100 % assumed"));
    }

    #[test]
    fn the_longer_of_two_parallel_branches_is_critical() {
        let mut map = devops(None);
        let mut ops = Node::new("ops", NodeKind::Process);
        (ops.process_time_s, ops.lead_time_s) = (Some(600.0), Some(5.0 * 86400.0));
        map.nodes.push(ops);
        map.edges.push(Edge::new("e4", "s", "ops", EdgeKind::Push));
        map.edges.push(Edge::new("e5", "ops", "c", EdgeKind::Push));
        let metrics = map_metrics(&map);
        assert_eq!(metrics.critical_path, ["s", "ops", "c"]);
        assert_eq!(value(&metrics.lead_time_s), 5.0 * 86400.0);
        assert_eq!(value(&metrics.processing_time_s), 600.0, "PT from the same path, never mixed");
    }
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    /// A random chain of (wait, step) pairs with optional skip edges.
    fn chain() -> impl Strategy<Value = Map> {
        (
            proptest::collection::vec((0.0..1e6f64, 0.0..1e5f64, 0.0..1e5f64), 1..20),
            proptest::collection::vec(0..20usize, 0..5),
        )
            .prop_map(|(steps, skips)| {
                let mut map = Map::new("m");
                map.nodes.push(Node::new("s", NodeKind::Supplier));
                let mut previous = "s".to_owned();
                for (i, (wait, pt, extra)) in steps.iter().enumerate() {
                    let mut queue = Node::new(format!("q{i}"), NodeKind::Inventory);
                    queue.wait_s = Some(*wait);
                    let mut step = Node::new(format!("p{i}"), NodeKind::Process);
                    (step.process_time_s, step.lead_time_s) = (Some(*pt), Some(pt + extra));
                    map.edges.push(Edge::new(
                        format!("a{i}"),
                        previous.clone(),
                        queue.id.clone(),
                        EdgeKind::Push,
                    ));
                    map.edges.push(Edge::new(
                        format!("b{i}"),
                        queue.id.clone(),
                        step.id.clone(),
                        EdgeKind::Push,
                    ));
                    previous = step.id.clone();
                    map.nodes.push(queue);
                    map.nodes.push(step);
                }
                map.nodes.push(Node::new("c", NodeKind::Customer));
                map.edges.push(Edge::new("end", previous, "c", EdgeKind::Shipment));
                for (k, skip) in skips.iter().enumerate() {
                    let (from, to) = (skip % steps.len(), (skip + 2) % steps.len());
                    if from < to {
                        map.edges.push(Edge::new(
                            format!("k{k}"),
                            format!("p{from}"),
                            format!("p{to}"),
                            EdgeKind::Push,
                        ));
                    }
                }
                map
            })
    }

    proptest! {
        #[test]
        fn figures_are_finite_and_lead_time_covers_processing_time(map in chain()) {
            let metrics = map_metrics(&map);
            let lead = value(&metrics.lead_time_s);
            let processing = value(&metrics.processing_time_s);
            prop_assert!(lead.is_finite() && processing.is_finite());
            prop_assert!(lead >= processing);
            if let Ok(ratio) = metrics.va_ratio {
                prop_assert!((0.0..=1.0).contains(&ratio));
            }
        }

        #[test]
        fn adding_a_wait_never_lowers_lead_time(map in chain(), extra in 0.0..1e6f64, pick in 0..20usize) {
            let before = value(&map_metrics(&map).lead_time_s);
            let mut longer = map.clone();
            let queues: Vec<usize> = (0..longer.nodes.len()).filter(|&i| longer.nodes[i].kind == NodeKind::Inventory).collect();
            let node = &mut longer.nodes[queues[pick % queues.len()]];
            node.wait_s = Some(node.wait_s.unwrap_or(0.0) + extra);
            prop_assert!(value(&map_metrics(&longer).lead_time_s) >= before);
        }

        #[test]
        fn the_critical_path_is_the_longest_of_all_paths(map in chain()) {
            // Brute force: every path from the supplier to the customer.
            fn longest(map: &Map, at: &str) -> f64 {
                let node = map.node(at).expect("node");
                let own = node.wait_s.or(node.lead_time_s).unwrap_or(0.0);
                let next = map.edges.iter().filter(|e| e.from == at).map(|e| longest(map, &e.to)).fold(0.0, f64::max);
                own + next
            }
            let metrics = map_metrics(&map);
            let brute = longest(&map, "s");
            prop_assert!((value(&metrics.lead_time_s) - brute).abs() <= 1e-9 * brute.max(1.0));
            let along: f64 = metrics.critical_path.iter().map(|id| {
                let node = map.node(id).expect("on map");
                node.wait_s.or(node.lead_time_s).unwrap_or(0.0)
            }).sum();
            prop_assert!((along - brute).abs() <= 1e-9 * brute.max(1.0), "the listed path has the lead time");
        }

        #[test]
        fn a_rework_loop_over_the_whole_chain_divides_by_one_minus_p(map in chain(), p in 0.0..0.9f64) {
            let first = value(&map_metrics(&map).lead_time_s);
            let mut looped = map.clone();
            let last = looped.nodes.iter().rev().find(|n| n.kind == NodeKind::Process).expect("a step").id.clone();
            let mut rework = Edge::new("rw", last, "q0", EdgeKind::Rework);
            rework.probability = Some(p);
            looped.edges.push(rework);
            let metrics = map_metrics(&looped);
            let expected = first / (1.0 - p);
            prop_assert!((value(&metrics.lead_time_s) - expected).abs() <= 1e-9 * expected.max(1.0));
            prop_assert_eq!(value(&metrics.lead_time_first_pass_s), first);
        }

        #[test]
        fn the_critical_path_is_at_least_as_long_as_the_main_chain(map in chain()) {
            let metrics = map_metrics(&map);
            let chain_total: f64 = map.nodes.iter().map(|n| n.wait_s.or(n.lead_time_s).unwrap_or(0.0)).sum();
            prop_assert!(value(&metrics.lead_time_s) >= chain_total - 1e-6);
        }
    }
}
