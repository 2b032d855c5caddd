//! Properties of every suggestion on many maps: the fixtures with every number of every step
//! perturbed (cycle and changeover times, uptime, %C/A, waits, stock, process and lead times,
//! automation), so that each rule fires, and stays quiet, in many more situations than the
//! hand-worked fixtures show.
//!
//! For every suggestion: its batch applies and the result reads back through the strict reader (a
//! rule never makes a map invalid); its `projected` figures are exactly what applying it and
//! running vsm-metrics gives; no figure is NaN or infinite; no suggestion lengthens the lead time;
//! the list is ordered by lead-time cut; and accepting it into a future state succeeds.

use proptest::prelude::*;
use vsm_kaizen::{RULES, Settings, accept, suggest};
use vsm_metrics::report::map_report;
use vsm_model::{Document, NodeKind, read_document, write_document};

fn fixture(name: &str) -> Document {
    let path = format!("{}/../../../tests/fixtures/{name}.vsm.json", env!("CARGO_MANIFEST_DIR"));
    read_document(&std::fs::read_to_string(path).expect("fixture")).expect("valid")
}

/// How one node's numbers are perturbed: a scale factor between 1/10 and 10 (log-uniform, so
/// shrinking is as likely as growing), a lead-time multiple, a share in (0.3, 1] and a coin.
#[derive(Debug, Clone, Copy)]
struct Perturbation {
    scale: f64,
    extra: f64,
    share: f64,
    flip: bool,
}

fn perturbation() -> impl Strategy<Value = Perturbation> {
    (-10f64.ln()..10f64.ln(), 1.0..30.0f64, 0.3..=1.0f64, any::<bool>()).prop_map(
        |(log_scale, extra, share, flip)| Perturbation { scale: log_scale.exp(), extra, share, flip },
    )
}

/// One of the fixtures (its first map) with each node's numbers perturbed.
fn perturbed_document() -> impl Strategy<Value = Document> {
    (0..3usize, proptest::collection::vec(perturbation(), 64)).prop_map(|(which, perturbations)| {
        let mut document = fixture(["acme-stamping", "software-delivery", "acme-kaizen"][which]);
        // One map, no future state yet: every suggestion can be accepted into a new one.
        document.maps.truncate(1);
        document.actions.clear();
        let map = &mut document.maps[0];
        map.derived_from = None;
        for (node, p) in map.nodes.iter_mut().zip(perturbations.iter().cycle()) {
            let scale = |value: &mut Option<f64>| {
                if let Some(v) = value.as_mut() {
                    *v = (*v * p.scale).round().max(1.0);
                }
            };
            scale(&mut node.cycle_time_s);
            scale(&mut node.changeover_s);
            scale(&mut node.wait_s);
            scale(&mut node.quantity);
            scale(&mut node.process_time_s);
            if let (Some(pt), Some(lt)) = (node.process_time_s, node.lead_time_s.as_mut()) {
                *lt = (pt * p.extra).round();
            }
            if node.uptime.is_some() {
                node.uptime = Some(p.share);
            }
            if node.pca.is_some() {
                node.pca = Some(p.share);
            }
            if node.kind == NodeKind::Process && node.process_time_s.is_some() {
                node.automated = Some(p.flip);
            }
            if let Some(max) = node.max_quantity {
                node.max_quantity = Some(max.max(node.quantity.unwrap_or(0.0)));
            }
        }
        document
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn every_suggestion_applies_projects_exactly_and_can_be_accepted(document in perturbed_document()) {
        let document = read_document(&write_document(&document)).expect("the perturbed map is valid");
        let map = &document.maps[0];
        let settings = Settings::default();
        let proposals: usize = RULES.iter().map(|rule| (rule.check)(map, &settings).len()).sum();
        let suggestions = suggest(&document, &map.id, &settings);
        prop_assert_eq!(suggestions.len(), proposals, "a rule proposed a batch the model refuses");

        let mut previous_cut = f64::NEG_INFINITY;
        for suggestion in &suggestions {
            let changed = vsm_model::apply(&document, &suggestion.changes).expect("applies");
            prop_assert!(read_document(&write_document(&changed)).is_ok(), "{} reads back", suggestion.title);
            let metrics = vsm_metrics::map_metrics(changed.map(&map.id).expect("map"));
            prop_assert_eq!(&map_report(&metrics), &suggestion.projected, "{}", suggestion.title);

            for figure in &suggestion.effect {
                let values = [figure.from, figure.to, figure.delta, figure.delta_ratio];
                prop_assert!(values.iter().flatten().all(|v| v.is_finite()), "{}: {:?}", suggestion.title, figure);
            }
            let cut = suggestion
                .effect
                .iter()
                .find(|figure| figure.metric == "lead_time_s")
                .and_then(|figure| figure.delta)
                .unwrap_or(0.0);
            prop_assert!(cut <= 1e-9, "{} lengthens the lead time by {} s", suggestion.title, cut);
            prop_assert!(cut.min(0.0) >= previous_cut, "not ordered by lead-time cut at {}", suggestion.title);
            previous_cut = cut.min(0.0);

            let acceptance = accept(&document, &map.id, &suggestion.rule, &suggestion.targets, &settings)
                .unwrap_or_else(|reason| panic!("{} cannot be accepted: {reason}", suggestion.title));
            let accepted = vsm_model::apply(&document, &acceptance.batch).expect("the acceptance applies");
            prop_assert!(read_document(&write_document(&accepted)).is_ok());
        }
    }
}

/// The perturbed maps are not vacuous: across them (a fixed seed), every rule fires somewhere.
#[test]
fn the_perturbed_maps_make_most_rules_fire() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let mut fired = std::collections::BTreeSet::new();
    for _ in 0..24 {
        let document = perturbed_document().new_tree(&mut runner).expect("a map").current();
        fired.extend(
            suggest(&document, &document.maps[0].id, &Settings::default()).into_iter().map(|s| s.rule),
        );
    }
    let silent: Vec<&str> = RULES.iter().map(|rule| rule.id).filter(|id| !fired.contains(*id)).collect();
    assert!(silent.is_empty(), "rules that never fired: {silent:?}");
}
