//! Accepting suggestions: into a new or existing future state, with a burst and an action that
//! carries the projection as its expected effect, in one batch; never into the current state.

use vsm_kaizen::{Settings, accept, future_state_of, suggest};
use vsm_metrics::report::map_report;
use vsm_model::{ActionStatus, Change, Document, MapState, NodeKind, Waste, read_document};

fn fixture(name: &str) -> Document {
    let path = format!("{}/../../../tests/fixtures/{name}.vsm.json", env!("CARGO_MANIFEST_DIR"));
    read_document(&std::fs::read_to_string(path).expect("fixture")).expect("valid")
}

fn ids(targets: &[&str]) -> Vec<String> {
    targets.iter().map(|t| (*t).to_owned()).collect()
}

#[test]
fn the_first_acceptance_makes_the_future_state_and_leaves_the_current_one_alone() {
    let document = fixture("software-delivery");
    let acceptance = accept(&document, "current", "wip_limit", &ids(&["backlog"]), &Settings::default())
        .expect("accepted");
    assert_eq!(acceptance.map, "future");
    assert!(matches!(&acceptance.batch.changes[0], Change::AddMap { map, .. } if map.id == "future"));
    let after = vsm_model::apply(&document, &acceptance.batch).expect("the batch applies");

    assert_eq!(after.map("current"), document.map("current"), "the current state is untouched");
    let future = after.map("future").expect("future state");
    assert_eq!((future.state, future.derived_from.as_deref()), (MapState::Future, Some("current")));
    assert_eq!(future.title, "Idea to production — future state");
    assert_eq!(future.node("backlog").and_then(|n| n.wait_s), Some(216_000.0));
    assert_eq!(map_report(&vsm_metrics::map_metrics(future)), acceptance.suggestion.projected);

    let action = after.actions.iter().find(|a| a.id == "action").expect("action");
    assert_eq!(action.title, "Limit work in Backlog");
    assert_eq!(action.status, ActionStatus::Planned);
    assert_eq!((action.map.as_deref(), action.rule.as_deref()), (Some("future"), Some("wip_limit")));
    let expected = action.expected.as_ref().expect("expected effect");
    assert_eq!(expected.lead_time_s, acceptance.suggestion.projected.lead_time_s);
    let burst = future.node(action.burst.as_deref().expect("burst")).expect("burst node");
    assert_eq!(burst.kind, NodeKind::KaizenBurst);
    assert_eq!((burst.target.as_deref(), burst.action.as_deref()), (Some("backlog"), Some("action")));
    // A WIP limit addresses work waiting in a queue: the burst is tagged for the waste Pareto.
    assert_eq!(burst.waste, Some(vec![Waste::Inventory, Waste::Waiting]));

    // Accepted once, the rule no longer fires on the future state: a second accept is refused.
    let again = accept(&after, "current", "wip_limit", &ids(&["backlog"]), &Settings::default());
    assert_eq!(
        again.expect_err("refused"),
        "\"Idea to production — future state\" already has this improvement, or it no longer applies there"
    );
    // Another one goes into the same future state, with its own burst and action.
    let second = accept(&after, "current", "hand_off_wait", &ids(&["approval"]), &Settings::default())
        .expect("accepted");
    assert_eq!(second.map, "future");
    let after = vsm_model::apply(&after, &second.batch).expect("applies");
    assert_eq!(after.maps.len(), 2);
    assert_eq!(after.actions.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(), ["action", "action-2"]);
    assert!(after.map("future").and_then(|m| m.node("burst-2")).is_some());
}

#[test]
fn an_existing_future_state_receives_it_and_the_projection_is_computed_there() {
    let document = fixture("acme-kaizen");
    let targets = ids(&["weld-1", "inv-weld-1", "weld-2"]);
    let acceptance =
        accept(&document, "current", "continuous_flow", &targets, &Settings::default()).expect("accepted");
    assert_eq!(acceptance.map, "future");
    let on_future = suggest(&document, "future", &Settings::default());
    assert!(on_future.contains(&acceptance.suggestion), "projected on the future state, not the current one");
    let after = vsm_model::apply(&document, &acceptance.batch).expect("applies");
    let future = after.map("future").expect("future");
    assert!(future.node("inv-weld-1").is_none());
    // The stock is gone, so the burst marks the first process of the new flow.
    let burst = future.nodes.iter().find(|n| n.name == "Flow from S. Weld #1 to S. Weld #2").expect("burst");
    assert_eq!(burst.target.as_deref(), Some("weld-1"));
    assert_eq!(after.map("current"), document.map("current"));
}

#[test]
fn accepting_on_a_future_state_changes_that_map() {
    let document = fixture("acme-kaizen");
    let targets = ids(&["inv-assembly-1"]);
    let acceptance =
        accept(&document, "future", "fifo_lane", &targets, &Settings::default()).expect("accepted");
    assert_eq!(acceptance.map, "future");
    assert!(!acceptance.batch.changes.iter().any(|c| matches!(c, Change::AddMap { .. })));
}

#[test]
fn unknown_maps_and_rules_are_refused_with_the_reason() {
    let document = fixture("acme-stamping");
    let error = accept(&document, "nowhere", "fifo_lane", &[], &Settings::default()).expect_err("refused");
    assert_eq!(error, "the document has no map \"nowhere\"");
    let error = accept(&document, "current", "no_such_rule", &[], &Settings::default()).expect_err("refused");
    assert!(error.ends_with("already has this improvement, or it no longer applies there"), "{error}");
}

#[test]
fn future_state_ids_and_titles() {
    let document = fixture("acme-kaizen");
    let current = document.map("current").expect("current");
    let future = future_state_of(&document, current);
    assert_eq!(future.id, "future-2", "\"future\" is taken");
    assert_eq!(future.title, "Steering brackets — future state");
    assert_eq!(future.nodes, current.nodes);
}

#[test]
fn the_actual_effect_is_measured_on_a_snapshot() {
    let document = fixture("acme-kaizen");
    let effect = vsm_kaizen::measured_effect(&document, "s-2027-01").expect("snapshot");
    let snapshot = &document.snapshots[0].map;
    let report = map_report(&vsm_metrics::map_metrics(snapshot));
    assert_eq!(effect.lead_time_s, report.lead_time_s);
    assert_eq!(effect.snapshot.as_deref(), Some("s-2027-01"));
    assert!(vsm_kaizen::measured_effect(&document, "nope").is_none());
}
