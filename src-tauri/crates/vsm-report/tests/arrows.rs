//! The Rust port of the canvas arrows (`vsm_report::arrows`) gives exactly what the TypeScript
//! gives, for the golden cases in `arrow-cases.json`. That file is written by
//! `ui/src/canvas/edges/golden.test.ts` (`cd ui && UPDATE_GOLDEN=1 npx vitest run
//! src/canvas/edges/golden`); every number in it is a string as JavaScript prints it.

use serde_json::Value;
use vsm_model::EdgeKind;
use vsm_report::arrows::{self, Point};

fn cases() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/arrow-cases.json");
    let text = std::fs::read_to_string(path).expect("tests/arrow-cases.json");
    serde_json::from_str(&text).expect("arrow-cases.json is JSON")
}

/// A string field.
fn text<'a>(value: &'a Value, key: &str) -> &'a str {
    value[key].as_str().unwrap_or_else(|| panic!("{key} is not a string in {value}"))
}

/// A number field, printed by JavaScript; Rust's parser reads it back exactly (and reads
/// "NaN", "Infinity", "-Infinity").
fn number(value: &Value, key: &str) -> f64 {
    let printed = text(value, key);
    printed.parse().unwrap_or_else(|_| panic!("{key}: {printed} is not a number"))
}

fn point(value: &Value) -> Point {
    Point::new(number(value, "x"), number(value, "y"))
}

fn rect(value: &Value) -> arrows::Box {
    arrows::Box::new(number(value, "x"), number(value, "y"), number(value, "width"), number(value, "height"))
}

/// A point as the golden file prints it.
fn printed(p: Point) -> Value {
    serde_json::json!({ "x": vsm_report::js::js_number(p.x), "y": vsm_report::js::js_number(p.y) })
}

fn list<'a>(cases: &'a Value, key: &str) -> &'a Vec<Value> {
    cases[key].as_array().unwrap_or_else(|| panic!("arrow-cases.json has no {key} list"))
}

#[test]
fn numbers_print_as_javascript_prints_them() {
    for printed_by_js in list(&cases(), "numbers") {
        let printed_by_js = printed_by_js.as_str().expect("numbers are strings");
        let n: f64 = printed_by_js.parse().expect("a number");
        assert_eq!(vsm_report::js::js_number(n), printed_by_js);
    }
}

#[test]
fn coordinates_round_as_geometry_ts_rounds_them() {
    for case in list(&cases(), "fmt") {
        let n = number(case, "value");
        let p = Point::new(n, n);
        assert_eq!(arrows::zigzag_path(p, p, 8.0), text(case, "d"), "fmt({n})");
        assert_eq!(format!("M {0} {0} L {0} {0}", arrows::fmt(n)), text(case, "d"), "fmt({n})");
    }
}

#[test]
fn percentages_print_as_format_percent_prints_them() {
    // The rework label's number: the report's `format::percent` is the app's `formatPercent`.
    for case in list(&cases(), "percents") {
        let fraction = number(case, "fraction");
        assert_eq!(vsm_report::format::percent(fraction), text(case, "text"), "formatPercent({fraction})");
    }
}

#[test]
fn edges_between_boxes_match_the_canvas() {
    let cases = cases();
    let probability = number(&cases, "rework_probability");
    for case in list(&cases, "edges") {
        let name = text(case, "name");
        let (from, to) = (rect(&case["from"]), rect(&case["to"]));
        let gap = number(case, "gap");

        let start_border = arrows::border_point(from, arrows::centre(to));
        let end_border = arrows::border_point(to, arrows::centre(from));
        assert_eq!(printed(start_border), case["start_border"], "{name}: borderPoint(from)");
        assert_eq!(printed(end_border), case["end_border"], "{name}: borderPoint(to)");

        let (a, b) = arrows::edge_ends(from, to, gap);
        assert_eq!(printed(a), case["ends"][0], "{name}: edgeEnds start");
        assert_eq!(printed(b), case["ends"][1], "{name}: edgeEnds end");

        assert_eq!(arrows::straight_path(a, b), text(case, "line"), "{name}: line");
        assert_eq!(printed(arrows::label_point(a, b)), case["label_point"], "{name}: labelPoint");
        assert_eq!(arrows::push_arrow_body(a, b, arrows::PUSH_WIDTH), text(case, "push_body"), "{name}");
        let stripes = arrows::push_arrow_stripes(a, b, arrows::PUSH_WIDTH);
        assert_eq!(stripes.d, text(&case["push_stripes"], "d"), "{name}: stripes");
        assert_eq!(
            vsm_report::js::js_number(stripes.length),
            text(&case["push_stripes"], "length"),
            "{name}"
        );
        assert_eq!(arrows::hollow_arrow(a, b, arrows::SHIPMENT_WIDTH), text(case, "shipment"), "{name}");
        assert_eq!(arrows::zigzag_path(a, b, arrows::ZIGZAG_AMPLITUDE), text(case, "zigzag"), "{name}");

        let bow = arrows::rework_bow(a, b);
        assert_eq!(vsm_report::js::js_number(bow), text(case, "rework_bow"), "{name}: rework bow");
        let curve = arrows::bowed_path(a, b, bow);
        assert_eq!(curve.d, text(&case["rework"], "d"), "{name}: bowedPath");
        assert_eq!(printed(curve.middle), case["rework"]["middle"], "{name}: bowedPath middle");
        let loop_ = arrows::rework_curve(from, to, gap);
        assert_eq!(loop_.d, text(&case["rework_curve"], "d"), "{name}: reworkCurve");
        assert_eq!(printed(loop_.middle), case["rework_curve"]["middle"], "{name}: reworkCurve middle");

        // edge_svg draws exactly these paths and puts the labels where the canvas does.
        if gap != arrows::EDGE_GAP {
            continue;
        }
        let expected_paths: [(EdgeKind, Vec<&str>); 8] = [
            (EdgeKind::Push, vec![text(case, "push_body"), text(&case["push_stripes"], "d")]),
            (EdgeKind::Shipment, vec![text(case, "shipment")]),
            (EdgeKind::InfoElectronic, vec![text(case, "zigzag")]),
            (EdgeKind::InfoManual, vec![text(case, "line")]),
            (EdgeKind::Kanban, vec![text(case, "line")]),
            (EdgeKind::Pull, vec![text(case, "line")]),
            (EdgeKind::Fifo, vec![text(case, "line")]),
            (EdgeKind::Rework, vec![text(&case["rework_curve"], "d")]),
        ];
        for (kind, paths) in expected_paths {
            let drawing = arrows::edge_svg(&kind, from, to, Some(probability));
            for d in paths {
                assert!(drawing.svg.contains(&format!(r#"d="{d}""#)), "{name}: {kind:?} draws {d}");
            }
            assert!(!drawing.svg.contains("NaN"), "{name}: {kind:?}");
            let (anchor, label) = match kind {
                EdgeKind::Rework => (&case["rework_curve"]["middle"], Some(text(case, "rework_label"))),
                EdgeKind::Pull => (&case["label_point"], Some("pull")),
                EdgeKind::Fifo => (&case["label_point"], Some("FIFO")),
                _ => (&case["middle"], None),
            };
            assert_eq!(printed(drawing.label_anchor), *anchor, "{name}: {kind:?} label anchor");
            assert_eq!(drawing.label.as_deref(), label, "{name}: {kind:?} label");
        }
    }
}

#[test]
fn segments_match_geometry_ts() {
    for case in list(&cases(), "segments") {
        let name = text(case, "name");
        let (from, to) = (point(&case["from"]), point(&case["to"]));
        let (width, amplitude, bow) = (number(case, "width"), number(case, "amplitude"), number(case, "bow"));
        assert_eq!(arrows::push_arrow_body(from, to, width), text(case, "push_body"), "{name}");
        let stripes = arrows::push_arrow_stripes(from, to, width);
        assert_eq!(stripes.d, text(&case["push_stripes"], "d"), "{name}: stripes");
        assert_eq!(
            vsm_report::js::js_number(stripes.length),
            text(&case["push_stripes"], "length"),
            "{name}"
        );
        assert_eq!(arrows::hollow_arrow(from, to, width), text(case, "hollow"), "{name}");
        assert_eq!(arrows::zigzag_path(from, to, amplitude), text(case, "zigzag"), "{name}");
        let curve = arrows::bowed_path(from, to, bow);
        assert_eq!(curve.d, text(&case["bowed"], "d"), "{name}: bowedPath");
        assert_eq!(printed(curve.middle), case["bowed"]["middle"], "{name}: bowedPath middle");
    }
}

#[test]
fn styles_are_the_light_theme_of_styles_css() {
    let cases = cases();
    let style = &cases["style"];
    let s = |key: &str| text(style, key).to_owned();
    let n = vsm_report::js::js_number;
    assert_eq!(s("ink"), arrows::INK);
    assert_eq!(s("paper"), arrows::PAPER);
    assert_eq!(s("danger"), arrows::DANGER);
    assert_eq!(s("body_stroke"), arrows::INK);
    assert_eq!(s("body_stroke_linejoin"), "round");
    assert_eq!(s("body_fill"), arrows::PAPER);
    assert_eq!(s("body_stroke_width"), n(arrows::BODY_STROKE_WIDTH));
    assert_eq!(s("stripes_fill"), "none");
    assert_eq!(s("stripes_stroke"), arrows::INK);
    assert_eq!(s("stripes_stroke_width"), n(arrows::STRIPES_STROKE_WIDTH));
    assert_eq!(s("stripes_dasharray"), arrows::STRIPES_DASHARRAY);
    assert_eq!(s("line_fill"), "none");
    assert_eq!(s("line_stroke"), arrows::INK);
    assert_eq!(s("line_color"), arrows::INK, "arrowheads take the line's colour");
    assert_eq!(s("line_stroke_width"), n(arrows::LINE_STROKE_WIDTH));
    assert_eq!(s("kanban_dasharray"), arrows::KANBAN_DASHARRAY);
    assert_eq!(s("rework_stroke"), arrows::DANGER);
    assert_eq!(s("rework_color"), arrows::DANGER, "the rework arrowhead takes the line's colour");
    assert_eq!(s("rework_dasharray"), arrows::REWORK_DASHARRAY);
    assert!(style["pull_rule"].is_null(), "pull and FIFO lines got a style of their own: port it");
    assert_eq!(s("label_font_size"), n(arrows::LABEL_FONT_SIZE));
    assert_eq!(s("label_padding_x"), n(arrows::LABEL_PADDING_X));
    assert_eq!(s("label_background"), arrows::PAPER);
    assert_eq!(s("rework_label_color"), arrows::DANGER);
}

#[test]
fn arrowheads_are_the_markers_of_defs_tsx() {
    let cases = cases();
    for (key, marker) in [("arrow", arrows::ARROW_MARKER), ("open", arrows::OPEN_ARROW_MARKER)] {
        let m = &cases["markers"][key];
        assert_eq!(text(m, "view_box"), marker.view_box, "{key}");
        assert_eq!(number(m, "ref_x"), marker.ref_x, "{key}");
        assert_eq!(number(m, "ref_y"), marker.ref_y, "{key}");
        assert_eq!(number(m, "marker_width"), marker.marker_width, "{key}");
        assert_eq!(number(m, "marker_height"), marker.marker_height, "{key}");
        assert_eq!(text(m, "d"), marker.d, "{key}");
        // How arrows::edge_svg places the heads assumes these two.
        assert_eq!(text(m, "marker_units"), "strokeWidth", "{key}");
        assert_eq!(text(m, "orient"), "auto-start-reverse", "{key}");
        match marker.stroke_width {
            None => assert!(m["stroke_width"].is_null(), "{key} became a stroked head"),
            Some(width) => {
                assert_eq!(number(m, "stroke_width"), width, "{key}");
                assert_eq!(text(m, "fill"), "none", "{key}");
                assert_eq!(text(m, "stroke_linecap"), "round", "{key}");
                assert_eq!(text(m, "stroke_linejoin"), "round", "{key}");
            }
        }
    }
}
