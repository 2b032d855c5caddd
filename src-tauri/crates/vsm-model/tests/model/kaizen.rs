//! The Kaizen loop's records: action plan, charter, snapshots.

use super::*;

fn kaizen_document() -> Document {
    read_document(&fixture("acme-kaizen.vsm.json")).expect("valid fixture")
}

/// The fixture with `edit` applied to its JSON value, read back.
fn edited(edit: impl FnOnce(&mut serde_json::Value)) -> Result<Document, ModelError> {
    let mut value: serde_json::Value = serde_json::from_str(&fixture("acme-kaizen.vsm.json")).expect("json");
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
        &batch(
            r#"{"changes":[
            {"op":"update_action","id":"a-fifo","set":{"status":"done","actual":{"lead_time_s":1300000,"snapshot":"s-2027-01"}}},
            {"op":"add_action","action":{"id":"a-5s","title":"5S in assembly","owner":"Alex"}},
            {"op":"set_charter","charter":{"theme":"Shorter lead time"}}]}"#,
        ),
    )
    .expect("applies");
    assert_eq!(next.actions[1].status, vsm_model::ActionStatus::Done);
    assert_eq!(next.actions[2].owner, "Alex");
    assert_eq!(next.charter.as_ref().map(|c| c.theme.as_str()), Some("Shorter lead time"));

    let removed = apply(
        &next,
        &batch(
            r#"{"changes":[{"op":"remove_action","id":"a-smed"},{"op":"remove_snapshot","id":"s-2027-01"}]}"#,
        ),
    )
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
