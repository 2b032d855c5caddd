//! The `.vsm.json` format as written: canonical form, lossless round trips, defaults.

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
