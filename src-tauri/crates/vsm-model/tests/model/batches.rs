//! Change batches: every operation, and a bad change refusing its whole batch.

use super::*;

#[test]
fn every_operation_applies() {
    let document = acme();
    let next = apply(
        &document,
        &batch(
            r#"{"map":"current","changes":[
            {"op":"add_node","node":{"id":"qa","kind":"process","name":"QA","x":700,"y":200}},
            {"op":"update_node","id":"qa","set":{"process_time_s":7200,"lead_time_s":86400,"pca":0.9}},
            {"op":"remove_node","id":"truck-in"},
            {"op":"add_edge","edge":{"id":"e-qa","from":"assembly-2","to":"qa","kind":"push"}},
            {"op":"update_edge","id":"e-qa","set":{"kind":"pull"}},
            {"op":"remove_edge","id":"i-forecast"},
            {"op":"update_map","set":{"title":"After Kaizen 1","calendar":{"breaks_s":600}}}]}"#,
        ),
    )
    .expect("applies");
    let map = &next.maps[0];
    let qa = map.node("qa").expect("added");
    assert_eq!((qa.process_time_s, qa.pca), (Some(7200.0), Some(0.9)));
    assert!(map.node("truck-in").is_none() && map.edge("i-forecast").is_none());
    assert_eq!(map.edge("e-qa").map(|e| e.kind), Some(EdgeKind::Pull));
    assert_eq!(map.title, "After Kaizen 1");
    let calendar = map.calendar.as_ref().expect("calendar");
    assert_eq!((calendar.shift_s, calendar.breaks_s), (28800.0, Some(600.0)), "merged field by field");
}

#[test]
fn null_clears_a_field() {
    let next =
        apply(&acme(), &batch(r#"{"changes":[{"op":"update_node","id":"weld-2","set":{"uptime":null}}]}"#))
            .expect("applies");
    assert_eq!(next.maps[0].node("weld-2").and_then(|n| n.uptime), None);
}

#[test]
fn removing_a_node_removes_its_edges_and_burst_targets() {
    let next =
        apply(&acme(), &batch(r#"{"changes":[{"op":"remove_node","id":"stamping"}]}"#)).expect("applies");
    let map = &next.maps[0];
    assert!(map.edges.iter().all(|e| e.from != "stamping" && e.to != "stamping"));
    assert_eq!(map.node("burst-smed").and_then(|n| n.target.clone()), None);
}

#[test]
fn a_bad_change_refuses_the_whole_batch_with_its_pointer() {
    let document = acme();
    let error = apply(
        &document,
        &batch(
            r#"{"changes":[{"op":"update_node","id":"weld-1","set":{"name":"Renamed"}},
            {"op":"update_node","id":"weld-2","set":{"uptime":1.5}}]}"#,
        ),
    )
    .expect_err("refused");
    assert_eq!(
        error.to_string(),
        "/changes/1/set/uptime: uptime must be in (0, 1], got 1.5 (node \"weld-2\")"
    );
}

#[test]
fn unknown_ids_and_duplicates_are_refused() {
    let document = acme();
    let error = apply(&document, &batch(r#"{"changes":[{"op":"remove_node","id":"ghost"}]}"#)).expect_err("");
    assert_eq!(error.to_string(), "/changes/0/id: map \"current\" has no node \"ghost\"");
    let error =
        apply(&document, &batch(r#"{"changes":[{"op":"add_node","node":{"id":"e-1","kind":"note"}}]}"#))
            .expect_err("");
    assert!(error.to_string().contains("already has an element with id \"e-1\""), "{error}");
    let error = apply(
        &document,
        &batch(r#"{"changes":[{"op":"add_edge","edge":{"id":"x","from":"stamping","to":"ghost","kind":"push"}}]}"#),
    )
    .expect_err("");
    assert_eq!(error.to_string(), "/changes/0/edge/to: to \"ghost\" is not a node of map \"current\"");
}

#[test]
fn batch_keys_are_checked_with_suggestions() {
    let error =
        read_batch(r#"{"changes":[{"op":"update_node","id":"a","set":{"cycletime_s":5}}]}"#).expect_err("");
    assert!(
        error
            .to_string()
            .contains("/changes/0/set/cycletime_s: unknown field cycletime_s (did you mean cycle_time_s?)"),
        "{error}"
    );
    let error = read_batch(r#"{"changes":[{"op":"move_node","id":"a"}]}"#).expect_err("");
    assert!(
        error.to_string().starts_with("/changes/0/op: op \"move_node\" is not a change operation"),
        "{error}"
    );
    let error = read_batch(r#"{"changes":[{"op":"update_node","id":"a","set":{"id":"b"}}]}"#).expect_err("");
    assert!(error.to_string().contains("id cannot be changed"), "{error}");
}

#[test]
fn changing_kind_with_now_misplaced_fields_is_refused() {
    let error = apply(
        &acme(),
        &batch(r#"{"changes":[{"op":"update_node","id":"weld-1","set":{"kind":"inventory"}}]}"#),
    )
    .expect_err("");
    assert!(
        error.to_string().contains("field cycle_time_s does not belong to a node of kind inventory"),
        "{error}"
    );
}

#[test]
fn maps_can_be_added_and_removed_but_not_the_last() {
    let document = acme();
    let mut future = document.maps[0].clone();
    future.id = "future".into();
    future.derived_from = Some("current".into());
    let next = apply(
        &document,
        &ChangeBatch { map: None, changes: vec![vsm_model::Change::AddMap { map: future, index: None }] },
    )
    .expect("adds");
    assert_eq!(next.maps.len(), 2);
    let next = apply(&next, &batch(r#"{"changes":[{"op":"remove_map","id":"current"}]}"#)).expect("removes");
    assert_eq!(next.maps[0].derived_from, None, "link to the removed map is cleared");
    let error =
        apply(&next, &batch(r#"{"changes":[{"op":"remove_map","id":"future"}]}"#)).expect_err("last map");
    assert!(error.to_string().contains("only map"), "{error}");
}

#[test]
fn batches_round_trip_as_json() {
    let original = batch(
        r#"{"map":"current","changes":[{"op":"add_node","node":{"id":"n","kind":"note","text":"hi"},"index":2}]}"#,
    );
    let text = serde_json::to_string(&original).expect("serialize");
    assert_eq!(read_batch(&text).expect("reads"), original);
}
