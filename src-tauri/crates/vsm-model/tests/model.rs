//! Acceptance tests of the model: the JSON format (canonical form, round trips), validation
//! messages for every kind of bad input, change batches and the diff used for undo.

use vsm_model::{
    ChangeBatch, Document, Edge, EdgeKind, Map, ModelError, Node, NodeKind, apply, apply_all, diff,
    read_batch, read_document, write_document,
};

fn fixture(name: &str) -> String {
    let path = format!("{}/../../../tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn acme() -> Document {
    read_document(&fixture("acme-stamping.vsm.json")).expect("fixture is valid")
}

/// Reads `json` expecting refusal; returns the error text.
fn refused(json: &str) -> String {
    match read_document(json) {
        Ok(_) => panic!("accepted invalid document:\n{json}"),
        Err(error) => error.to_string(),
    }
}

/// A one-map document whose only node is `node` (a JSON object literal).
fn with_node(node: &str) -> String {
    format!(r#"{{"format":"kaizen-vsm","version":1,"maps":[{{"id":"m","nodes":[{node}],"edges":[]}}]}}"#)
}

mod format {
    use super::*;

    #[test]
    fn fixture_is_in_canonical_form() {
        let text = fixture("acme-stamping.vsm.json");
        assert_eq!(write_document(&read_document(&text).expect("valid")), text);
    }

    #[test]
    fn round_trip_is_lossless() {
        let document = acme();
        let again = read_document(&write_document(&document)).expect("valid");
        assert_eq!(again, document);
    }

    #[test]
    fn whole_numbers_are_written_without_fraction_and_fractions_kept() {
        let text = write_document(&acme());
        assert!(text.contains("\"shift_s\": 28800,"), "{text}");
        assert!(text.contains("\"uptime\": 0.85,"));
        assert!(!text.contains(".0,") && !text.contains(".0\n"));
    }

    #[test]
    fn defaults_are_filled_and_written() {
        let doc = read_document(&with_node(r#"{"id":"a","kind":"customer"}"#)).expect("valid");
        let map = &doc.maps[0];
        assert_eq!((map.title.as_str(), map.derived_from.as_deref()), ("", None));
        assert_eq!((map.nodes[0].name.as_str(), map.nodes[0].x, map.nodes[0].y), ("", 0.0, 0.0));
        let text = write_document(&doc);
        assert!(text.contains("\"state\": \"current\""));
        assert!(text.contains("\"derived_from\": null"));
    }

    #[test]
    fn non_ascii_text_survives() {
        let doc = read_document(&with_node(
            r#"{"id":"a","kind":"note","text":"Ηλεκτρονική υπογραφή — 承認 — Согласование"}"#,
        ))
        .expect("valid");
        assert_eq!(read_document(&write_document(&doc)).expect("valid"), doc);
    }
}

mod refusals {
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
        assert_eq!(
            message,
            "/maps/0/nodes/0/changeover_s: changeover_s must be ≥ 0, got -600 (node \"weld\")"
        );
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
            message.starts_with(
                "/maps/0/nodes/0/lead_time_s: lead_time_s (3600) must be ≥ process_time_s (7200)"
            ),
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
            refused(&base(r#"{"id":"r","from":"b","to":"a","kind":"rework"}"#))
                .contains("needs a probability")
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
            refused(json)
                .contains("/maps/0/demand/working_days_per_period: working_days_per_period is required")
        );
    }

    #[test]
    fn variability_is_checked_for_shape_and_order() {
        let node = |variability: &str| {
            with_node(&format!(
                r#"{{"id":"qa","kind":"process","lead_time_s":86400,"variability":{variability}}}"#
            ))
        };
        let fine =
            read_document(&node(r#"{"distribution":"pert","min_s":3600,"mode_s":86400,"max_s":432000}"#))
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
}

mod batches {
    use super::*;

    fn batch(json: &str) -> ChangeBatch {
        read_batch(json).unwrap_or_else(|e| panic!("{e}"))
    }

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
        let next = apply(
            &acme(),
            &batch(r#"{"changes":[{"op":"update_node","id":"weld-2","set":{"uptime":null}}]}"#),
        )
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
        let error =
            apply(&document, &batch(r#"{"changes":[{"op":"remove_node","id":"ghost"}]}"#)).expect_err("");
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
        let error = read_batch(r#"{"changes":[{"op":"update_node","id":"a","set":{"cycletime_s":5}}]}"#)
            .expect_err("");
        assert!(
            error.to_string().contains(
                "/changes/0/set/cycletime_s: unknown field cycletime_s (did you mean cycle_time_s?)"
            ),
            "{error}"
        );
        let error = read_batch(r#"{"changes":[{"op":"move_node","id":"a"}]}"#).expect_err("");
        assert!(
            error.to_string().starts_with("/changes/0/op: op \"move_node\" is not a change operation"),
            "{error}"
        );
        let error =
            read_batch(r#"{"changes":[{"op":"update_node","id":"a","set":{"id":"b"}}]}"#).expect_err("");
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
        let next =
            apply(&next, &batch(r#"{"changes":[{"op":"remove_map","id":"current"}]}"#)).expect("removes");
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
}

mod diffs {
    use super::*;
    use proptest::prelude::*;

    fn assert_diff_reproduces(from: &Document, to: &Document) {
        let batches = diff(from, to);
        let rebuilt =
            apply_all(from, &batches).unwrap_or_else(|e| panic!("diff does not apply: {e}\n{batches:#?}"));
        assert_eq!(&rebuilt, to, "diff {batches:#?}");
        let back = apply_all(to, &diff(to, from)).expect("reverse applies");
        assert_eq!(&back, from);
    }

    #[test]
    fn equal_documents_have_an_empty_diff() {
        assert!(diff(&acme(), &acme()).is_empty());
    }

    #[test]
    fn a_removed_node_comes_back_in_place_with_its_edges() {
        let from = acme();
        let to = apply(&from, &read_batch(r#"{"changes":[{"op":"remove_node","id":"weld-1"}]}"#).expect(""))
            .expect("");
        assert_diff_reproduces(&from, &to);
    }

    #[test]
    fn maps_added_and_removed() {
        let from = acme();
        let mut to = from.clone();
        let mut other = Map::new("other");
        other.nodes.push(Node::new("n", NodeKind::Note));
        to.maps.insert(0, other);
        to.maps.remove(1);
        assert_diff_reproduces(&from, &to);
    }

    /// One random edit of the Acme map, as a mutation of the document.
    #[derive(Debug, Clone)]
    enum Edit {
        Move(usize, f64, f64),
        SetCycleTime(usize, f64),
        ClearUptime(usize),
        Remove(usize),
        AddNote(usize),
        AddEdge(usize, usize),
        RemoveEdge(usize),
        Rename(String),
    }

    fn edit() -> impl Strategy<Value = Edit> {
        prop_oneof![
            (0..40usize, -500.0..500.0f64, -500.0..500.0f64).prop_map(|(i, x, y)| Edit::Move(i, x, y)),
            (0..40usize, 0.5..100.0f64).prop_map(|(i, c)| Edit::SetCycleTime(i, c)),
            (0..40usize).prop_map(Edit::ClearUptime),
            (0..40usize).prop_map(Edit::Remove),
            (0..40usize).prop_map(Edit::AddNote),
            (0..40usize, 0..40usize).prop_map(|(a, b)| Edit::AddEdge(a, b)),
            (0..40usize).prop_map(Edit::RemoveEdge),
            "[a-zé ]{0,8}".prop_map(Edit::Rename),
        ]
    }

    fn perform(document: &mut Document, edit: &Edit, serial: usize) {
        let map = &mut document.maps[0];
        let nodes = map.nodes.len();
        match edit.clone() {
            Edit::Move(i, x, y) if nodes > 0 => {
                map.nodes[i % nodes].x = x;
                map.nodes[i % nodes].y = y;
            }
            Edit::SetCycleTime(i, c) if nodes > 0 && map.nodes[i % nodes].kind == NodeKind::Process => {
                map.nodes[i % nodes].cycle_time_s = Some(c);
            }
            Edit::ClearUptime(i) if nodes > 0 => map.nodes[i % nodes].uptime = None,
            Edit::Remove(i) if nodes > 0 => {
                let id = map.nodes.remove(i % nodes).id;
                map.edges.retain(|e| e.from != id && e.to != id);
                for node in &mut map.nodes {
                    if node.target.as_deref() == Some(id.as_str()) {
                        node.target = None;
                    }
                }
            }
            Edit::AddNote(i) => {
                let mut note = Node::new(format!("note-{serial}"), NodeKind::Note);
                note.text = Some("added".into());
                map.nodes.insert(i % (nodes + 1), note);
            }
            Edit::AddEdge(a, b) if nodes > 1 && a % nodes != b % nodes => {
                let (from, to) = (map.nodes[a % nodes].id.clone(), map.nodes[b % nodes].id.clone());
                let at = a % (map.edges.len() + 1);
                map.edges.insert(at, Edge::new(format!("edge-{serial}"), from, to, EdgeKind::Push));
            }
            Edit::RemoveEdge(i) if !map.edges.is_empty() => {
                let at = i % map.edges.len();
                map.edges.remove(at);
            }
            Edit::Rename(title) => map.title = title,
            _ => {}
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        #[test]
        fn diff_then_apply_reproduces_any_edit_sequence(edits in proptest::collection::vec(edit(), 1..12)) {
            let from = acme();
            let mut to = from.clone();
            for (serial, edit) in edits.iter().enumerate() {
                perform(&mut to, edit, serial);
            }
            vsm_model::validate::document(&to).expect("edits keep the document valid");
            assert_diff_reproduces(&from, &to);
        }
    }
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

/// The Kaizen loop's records: action plan, charter, snapshots.
mod kaizen {
    use super::*;

    fn kaizen_document() -> Document {
        read_document(&fixture("acme-kaizen.vsm.json")).expect("valid fixture")
    }

    /// The fixture with `edit` applied to its JSON value, read back.
    fn edited(edit: impl FnOnce(&mut serde_json::Value)) -> Result<Document, ModelError> {
        let mut value: serde_json::Value =
            serde_json::from_str(&fixture("acme-kaizen.vsm.json")).expect("json");
        edit(&mut value);
        read_document(&value.to_string())
    }

    fn refusal(edit: impl FnOnce(&mut serde_json::Value)) -> String {
        edited(edit).expect_err("refused").to_string()
    }

    #[test]
    fn the_fixture_round_trips_with_its_plan_charter_and_snapshot() {
        let document = kaizen_document();
        assert_eq!(document.actions.len(), 2);
        assert_eq!(document.charter.as_ref().map(|c| c.targets.len()), Some(1));
        assert_eq!(document.snapshots[0].taken_on, "2027-01-20");
        let text = fixture("acme-kaizen.vsm.json");
        assert_eq!(write_document(&document), text);
    }

    #[test]
    fn bad_records_are_refused_by_name() {
        assert_eq!(
            refusal(|v| v["actions"][0]["due"] = "2027-02-30".into()),
            "/actions/0/due: due must be a date written YYYY-MM-DD, got \"2027-02-30\" (action \"a-smed\")"
        );
        assert!(
            refusal(|v| v["actions"][1]["id"] = "a-smed".into())
                .contains("/actions/1/id: duplicate action id \"a-smed\"")
        );
        assert!(
            refusal(|v| v["actions"][0]["burst"] = "stamping".into())
                .contains("\"stamping\" is not a kaizen burst of map \"future\"")
        );
        assert!(
            refusal(|v| v["maps"][1]["nodes"][17]["action"] = "a-ghost".into())
                .contains("action \"a-ghost\" of node \"burst-fifo\" is not an action of this document")
        );
        assert!(
            refusal(|v| v["charter"]["scope_to"] = "nowhere".into())
                .contains("/charter/scope_to: scope_to \"nowhere\"")
        );
        assert!(
            refusal(|v| v["charter"]["targets"][0]["metric"] = "happiness".into())
                .contains("metric \"happiness\" is not one of")
        );
        assert!(
            refusal(|v| v["charter"]["end"] = "2027-01-01".into())
                .contains("the event ends (2027-01-01) before it starts (2027-02-01)")
        );
        assert!(
            refusal(|v| v["snapshots"][0]["taken_on"] = "yesterday".into()).contains("/snapshots/0/taken_on")
        );
        assert!(refusal(|v| v["actions"][0]["ownr"] = "x".into()).contains("ownr"));
    }

    #[test]
    fn batches_edit_the_plan_charter_and_snapshots() {
        let document = kaizen_document();
        let next = apply(
            &document,
            &read_batch(
                r#"{"changes":[
                {"op":"update_action","id":"a-fifo","set":{"status":"done","actual":{"lead_time_s":1300000,"snapshot":"s-2027-01"}}},
                {"op":"add_action","action":{"id":"a-5s","title":"5S in assembly","owner":"Alex"}},
                {"op":"set_charter","charter":{"theme":"Shorter lead time"}}]}"#,
            )
            .expect("batch"),
        )
        .expect("applies");
        assert_eq!(next.actions[1].status, vsm_model::ActionStatus::Done);
        assert_eq!(next.actions[2].owner, "Alex");
        assert_eq!(next.charter.as_ref().map(|c| c.theme.as_str()), Some("Shorter lead time"));

        let removed = apply(&next, &read_batch(r#"{"changes":[{"op":"remove_action","id":"a-smed"},{"op":"remove_snapshot","id":"s-2027-01"}]}"#).expect(""))
            .expect("applies");
        assert_eq!(
            removed.maps[1].node("burst-smed").and_then(|n| n.action.clone()),
            None,
            "the burst lost its link"
        );
        assert_eq!(
            removed.actions[0].actual.as_ref().and_then(|e| e.snapshot.clone()),
            None,
            "the effect lost its snapshot"
        );
    }

    #[test]
    fn the_diff_covers_the_plan_charter_and_snapshots() {
        let from = acme();
        let to = kaizen_document();
        let forward = apply_all(&from, &diff(&from, &to)).expect("applies");
        assert_eq!(forward, to);
        assert_eq!(apply_all(&to, &diff(&to, &from)).expect("applies"), from);
    }
}
