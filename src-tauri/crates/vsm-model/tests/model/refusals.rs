//! Bad input refused with a message naming the field, the value and the place — and all of
//! a document's problems at once.

use super::*;

#[test]
fn newer_version_names_both_versions() {
    let message = refused(r#"{"format":"kaizen-vsm","version":7,"maps":[],"future_field":1}"#);
    assert!(message.contains("version 7") && message.contains("version 1"), "{message}");
}

#[test]
fn foreign_json_is_not_a_document() {
    let message = refused(r#"{"name":"package","version":"1.0.0"}"#);
    assert!(message.starts_with("not a Kaizen VSM document"), "{message}");
    let message = refused(r#"{"format":"drawio","version":1,"maps":[]}"#);
    assert!(message.contains("\"drawio\""), "{message}");
    assert!(refused("[1,2]").contains("found a list"));
}

#[test]
fn truncated_json_names_line_and_column() {
    let text = fixture("acme-stamping.vsm.json");
    let message = refused(&text[..text.len() / 2]);
    assert!(message.starts_with("not valid JSON at line"), "{message}");
}

#[test]
fn unknown_field_is_named_with_pointer_and_suggestion() {
    let message = refused(&with_node(r#"{"id":"a","kind":"process","proces_time_s":5}"#));
    assert_eq!(
        message,
        "/maps/0/nodes/0/proces_time_s: unknown field proces_time_s (did you mean process_time_s?)"
    );
}

#[test]
fn misplaced_field_names_the_kind() {
    let message = refused(&with_node(r#"{"id":"a","kind":"inventory","cycle_time_s":5}"#));
    assert_eq!(
        message,
        "/maps/0/nodes/0/cycle_time_s: field cycle_time_s does not belong to a node of kind inventory"
    );
}

#[test]
fn unknown_kind_lists_the_kinds() {
    let message = refused(&with_node(r#"{"id":"a","kind":"robot"}"#));
    assert!(message.starts_with("/maps/0/nodes/0/kind: kind \"robot\" is not a node kind"), "{message}");
}

#[test]
fn wrong_type_names_field_and_pointer() {
    let message = refused(&with_node(r#"{"id":"a","kind":"process","cycle_time_s":"fast"}"#));
    assert!(
        message.starts_with("/maps/0/nodes/0/cycle_time_s: cycle_time_s: invalid type: string \"fast\""),
        "{message}"
    );
}

#[test]
fn negative_duration_names_field_value_and_node() {
    let message = refused(&with_node(r#"{"id":"weld","kind":"process","changeover_s":-600}"#));
    assert_eq!(message, "/maps/0/nodes/0/changeover_s: changeover_s must be ≥ 0, got -600 (node \"weld\")");
}

#[test]
fn ratio_over_one_is_refused() {
    let message = refused(&with_node(r#"{"id":"weld","kind":"process","uptime":1.5}"#));
    assert_eq!(message, "/maps/0/nodes/0/uptime: uptime must be in (0, 1], got 1.5 (node \"weld\")");
    let message = refused(&with_node(r#"{"id":"qa","kind":"process","pca":0}"#));
    assert!(message.contains("pca must be in (0, 1], got 0"), "{message}");
}

#[test]
fn zero_cycle_time_is_refused() {
    let message = refused(&with_node(r#"{"id":"a","kind":"process","cycle_time_s":0}"#));
    assert!(message.contains("cycle_time_s must be > 0, got 0"), "{message}");
}

#[test]
fn lead_time_below_process_time_is_refused() {
    let message =
        refused(&with_node(r#"{"id":"qa","kind":"process","process_time_s":7200,"lead_time_s":3600}"#));
    assert!(
        message
            .starts_with("/maps/0/nodes/0/lead_time_s: lead_time_s (3600) must be ≥ process_time_s (7200)"),
        "{message}"
    );
}

#[test]
fn two_wait_measures_on_one_inventory_are_refused() {
    let message = refused(&with_node(r#"{"id":"q","kind":"inventory","quantity":5,"wait_s":60}"#));
    assert!(message.contains("give only one of quantity, duration_days and wait_s"), "{message}");
}

#[test]
fn non_finite_numbers_are_refused() {
    let mut document = acme();
    document.maps[0].nodes[3].cycle_time_s = Some(f64::NAN);
    document.maps[0].nodes[3].x = f64::INFINITY;
    let error = vsm_model::validate::document(&document).expect_err("NaN refused");
    let text = error.to_string();
    assert!(
        text.contains("/maps/0/nodes/3/cycle_time_s: cycle_time_s must be a finite number, got NaN"),
        "{text}"
    );
    assert!(text.contains("/maps/0/nodes/3/x: x must be a finite number, got Infinity"), "{text}");
}

#[test]
fn duplicate_ids_are_refused_across_nodes_and_edges() {
    let json = r#"{"format":"kaizen-vsm","version":1,"maps":[{"id":"m","nodes":[
        {"id":"a","kind":"process"},{"id":"a","kind":"customer"},{"id":"b","kind":"customer"}],
        "edges":[{"id":"b","from":"a","to":"b","kind":"push"}]}]}"#;
    let message = refused(json);
    assert!(message.contains("/maps/0/nodes/1/id: duplicate id \"a\""), "{message}");
    assert!(message.contains("/maps/0/edges/0/id: duplicate id \"b\""), "{message}");
}

#[test]
fn edges_to_missing_nodes_are_refused() {
    let json = r#"{"format":"kaizen-vsm","version":1,"maps":[{"id":"m","nodes":[{"id":"a","kind":"process"}],
        "edges":[{"id":"e","from":"a","to":"ghost","kind":"push"}]}]}"#;
    assert_eq!(refused(json), "/maps/0/edges/0/to: to \"ghost\" is not a node of this map (edge \"e\")");
}

#[test]
fn rework_edges_need_a_probability_below_one() {
    let base = |edge: &str| {
        format!(
            r#"{{"format":"kaizen-vsm","version":1,"maps":[{{"id":"m","nodes":[{{"id":"a","kind":"process"}},{{"id":"b","kind":"process"}}],"edges":[{edge}]}}]}}"#
        )
    };
    assert!(
        refused(&base(r#"{"id":"r","from":"b","to":"a","kind":"rework"}"#)).contains("needs a probability")
    );
    assert!(
        refused(&base(r#"{"id":"r","from":"b","to":"a","kind":"rework","probability":1}"#))
            .contains("probability must be in [0, 1), got 1")
    );
    assert!(
        refused(&base(r#"{"id":"r","from":"a","to":"b","kind":"push","probability":0.5}"#))
            .contains("field probability does not belong to an edge of kind push")
    );
}

#[test]
fn calendar_with_no_working_time_is_refused() {
    let json = r#"{"format":"kaizen-vsm","version":1,"maps":[{"id":"m","calendar":{"shift_s":3600,"breaks_s":3600},"nodes":[],"edges":[]}]}"#;
    assert!(
        refused(json)
            .contains("/maps/0/calendar/breaks_s: breaks_s (3600) must be shorter than shift_s (3600)")
    );
}

#[test]
fn demand_per_month_needs_working_days() {
    let json = r#"{"format":"kaizen-vsm","version":1,"maps":[{"id":"m","demand":{"quantity":100,"per":"month"},"nodes":[],"edges":[]}]}"#;
    assert!(
        refused(json).contains("/maps/0/demand/working_days_per_period: working_days_per_period is required")
    );
}

#[test]
fn variability_is_checked_for_shape_and_order() {
    let node = |variability: &str| {
        with_node(&format!(
            r#"{{"id":"qa","kind":"process","lead_time_s":86400,"variability":{variability}}}"#
        ))
    };
    let fine = read_document(&node(r#"{"distribution":"pert","min_s":3600,"mode_s":86400,"max_s":432000}"#))
        .expect("valid");
    assert_eq!(read_document(&write_document(&fine)).expect("round trip"), fine);
    assert!(
        refused(&node(r#"{"distribution":"uniform","min_s":1,"mode_s":2,"max_s":3}"#))
            .contains("a uniform range has no mode_s")
    );
    assert!(
        refused(&node(r#"{"distribution":"triangular","min_s":1,"max_s":3}"#))
            .contains("a triangular distribution needs mode_s")
    );
    assert_eq!(
        refused(&node(r#"{"distribution":"triangular","min_s":10,"mode_s":5,"max_s":30}"#)),
        "/maps/0/nodes/0/variability/max_s: min_s ≤ mode_s ≤ max_s is required, got min_s 10, mode_s 5, max_s 30 (node \"qa\")"
    );
    assert_eq!(
        refused(&node(r#"{"distribution":"pert","min_s":1,"mod_s":2,"max_s":3}"#)),
        "/maps/0/nodes/0/variability/mod_s: unknown field mod_s (did you mean mode_s?)"
    );
    assert!(
        refused(&with_node(
            r#"{"id":"c","kind":"customer","variability":{"distribution":"uniform","min_s":1,"max_s":2}}"#
        ))
        .contains("field variability does not belong to a node of kind customer")
    );
}

#[test]
fn provenance_names_numbers_of_the_node() {
    let fine = read_document(&with_node(r#"{"id":"qa","kind":"process","uptime":0.9,"provenance":{"uptime":"estimated","cycle_time_s":"imported"}}"#))
        .expect("valid");
    assert_eq!(read_document(&write_document(&fine)).expect("round trip"), fine);
    assert_eq!(
        refused(&with_node(r#"{"id":"qa","kind":"process","provenance":{"name":"estimated"}}"#)),
        "/maps/0/nodes/0/provenance/name: provenance names name, which is not a number of a node of kind process (node \"qa\")"
    );
    assert!(
        refused(&with_node(r#"{"id":"q","kind":"inventory","provenance":{"cycle_time_s":"measured"}}"#))
            .contains("not a number of a node of kind inventory")
    );
    assert!(
        refused(&with_node(r#"{"id":"qa","kind":"process","provenance":{"uptime":"guessed"}}"#))
            .contains("unknown variant `guessed`")
    );
}

#[test]
fn waste_tags_name_the_eight_wastes_once_each_on_steps_and_bursts() {
    let fine = read_document(&with_node(r#"{"id":"qa","kind":"process","waste":["waiting","defects"]}"#))
        .expect("valid");
    assert_eq!(read_document(&write_document(&fine)).expect("round trip"), fine);
    assert_eq!(
        refused(&with_node(r#"{"id":"qa","kind":"process","waste":["waiting","defects","waiting"]}"#)),
        "/maps/0/nodes/0/waste/2: waste lists waiting twice (node \"qa\")"
    );
    assert!(
        refused(&with_node(r#"{"id":"qa","kind":"process","waste":["laziness"]}"#))
            .contains("unknown variant `laziness`")
    );
    assert!(refused(&with_node(r#"{"id":"t","kind":"truck","waste":["transport"]}"#)).contains("waste"));
}

#[test]
fn every_problem_is_reported_at_once() {
    let json = r#"{"format":"kaizen-vsm","version":1,"maps":[{"id":"m","nodes":[
        {"id":"a","kind":"process","uptime":2,"scrap":1}],"edges":[]}]}"#;
    let error = read_document(json).expect_err("invalid");
    assert_eq!(error.problems().len(), 2, "{error}");
}

#[test]
fn error_variants_are_distinguishable() {
    assert!(matches!(read_document("{"), Err(ModelError::Syntax { .. })));
    assert!(matches!(read_document(r#"{"a":1}"#), Err(ModelError::Foreign(_))));
    assert!(matches!(
        read_document(r#"{"format":"kaizen-vsm","version":2,"maps":[]}"#),
        Err(ModelError::NewerVersion { found: 2, supported: 1 })
    ));
}
