//! The SVG of one edge as `ui/src/canvas/edges/VsmEdge.tsx` draws it: which geometry of the
//! parent module each kind of arrow uses, its strokes, and its arrowhead placed as the SVG marker
//! places it. Text (the "pull", "FIFO" and rework labels) is left to the report, which sets it
//! itself; [`EdgeDrawing`] says what and where.

use vsm_model::EdgeKind;

use super::*;
use crate::format;

/// One edge drawn for the report.
#[derive(Debug, Clone, PartialEq)]
pub struct EdgeDrawing {
    /// SVG elements (`<path …/>` only, no `<defs>`, no text) with literal colours, stroke
    /// widths and dash patterns, in canvas coordinates; put them inside the map's `<svg>`.
    pub svg: String,
    /// Where the canvas centres the edge's label: the middle of the line, or of the curve for
    /// rework. Also given for kinds without a label.
    pub label_anchor: Point,
    /// The label text the canvas shows, if any: `"pull"`, `"FIFO"`, `"rework 5 %"`.
    ///
    /// The canvas sets it in [`LABEL_FONT_SIZE`] px, centred on [`Self::label_anchor`], on a
    /// [`PAPER`]-coloured box [`LABEL_PADDING_X`] px wider than the text on each side and as
    /// tall as the line of text, which hides the arrow under it.
    pub label: Option<String>,
    /// Colour of the label text: [`INK`], or [`DANGER`] for rework.
    pub label_color: &'static str,
}

/// The SVG of one edge of `kind` between two nodes, as `VsmEdge` draws it on the canvas (light
/// theme, not selected, not zoomed out). `probability` is the rework probability, shown in the
/// rework label (`0` when missing, as on the canvas).
pub fn edge_svg(kind: &EdgeKind, from: Box, to: Box, probability: Option<f64>) -> EdgeDrawing {
    if *kind == EdgeKind::Rework {
        return rework_drawing(&rework_curve(from, to, EDGE_GAP), probability);
    }
    let (a, b) = edge_ends(from, to, EDGE_GAP);
    edge_svg_between(kind, a, b, probability)
}

/// The dashed red rework curve with its arrowhead and its label ("rework 5 %") at its middle.
fn rework_drawing(curve: &BowedPath, probability: Option<f64>) -> EdgeDrawing {
    let mut svg = thin_line(&curve.d, DANGER, Some(REWORK_DASHARRAY));
    // The direction at the end of `M a Q c b` is c → b, or a → b when c is on b.
    svg.push_str(&arrowhead(&ARROW_MARKER, &[curve.start, curve.control, curve.end], DANGER));
    EdgeDrawing {
        svg,
        label_anchor: curve.middle,
        label: Some(format!("rework {}", format::percent(probability.unwrap_or(0.0)))),
        label_color: DANGER,
    }
}

/// [`edge_svg`] between two given end points instead of two nodes (for a legend, say): the
/// arrow runs from `a` to `b`, its tip on `b`.
pub fn edge_svg_between(kind: &EdgeKind, a: Point, b: Point, probability: Option<f64>) -> EdgeDrawing {
    let middle = Point { x: (a.x + b.x) / 2.0, y: (a.y + b.y) / 2.0 };
    let mut label = None;
    let mut svg = String::new();
    let line = straight_path(a, b);
    match kind {
        EdgeKind::Push => {
            let body = push_arrow_body(a, b, PUSH_WIDTH);
            let stripes = push_arrow_stripes(a, b, PUSH_WIDTH);
            svg.push_str(&hollow_body(&body));
            svg.push_str(&format!(
                r#"<path d="{}" fill="none" stroke="{INK}" stroke-width="{}" stroke-dasharray="{STRIPES_DASHARRAY}"/>"#,
                stripes.d,
                js_number(STRIPES_STROKE_WIDTH)
            ));
        }
        EdgeKind::Shipment => {
            svg.push_str(&hollow_body(&hollow_arrow(a, b, SHIPMENT_WIDTH)));
        }
        EdgeKind::InfoElectronic => {
            let points: Vec<Point> = zigzag_points(a, b, ZIGZAG_AMPLITUDE)
                .into_iter()
                .map(|p| Point { x: rounded(p.x), y: rounded(p.y) })
                .collect();
            svg.push_str(&thin_line(&zigzag_path(a, b, ZIGZAG_AMPLITUDE), INK, None));
            svg.push_str(&arrowhead(&ARROW_MARKER, &points, INK));
        }
        EdgeKind::InfoManual => {
            svg.push_str(&thin_line(&line, INK, None));
            svg.push_str(&arrowhead(&ARROW_MARKER, &[a, b], INK));
        }
        EdgeKind::Kanban => {
            svg.push_str(&thin_line(&line, INK, Some(KANBAN_DASHARRAY)));
            svg.push_str(&arrowhead(&ARROW_MARKER, &[a, b], INK));
        }
        EdgeKind::Pull => {
            // `.vsm-edge__line--pull` has no rule of its own in canvas.css: a plain thin line.
            svg.push_str(&thin_line(&line, INK, None));
            svg.push_str(&arrowhead(&OPEN_ARROW_MARKER, &[a, b], INK));
            label = Some("pull".to_owned());
        }
        EdgeKind::Fifo => {
            svg.push_str(&thin_line(&line, INK, None));
            svg.push_str(&arrowhead(&ARROW_MARKER, &[a, b], INK));
            label = Some("FIFO".to_owned());
        }
        EdgeKind::Rework => return rework_drawing(&bowed_path(a, b, rework_bow(a, b)), probability),
    }
    // Only "pull" and "FIFO" are labels here; a short arrow carries its label above it.
    let label_anchor = if label.is_some() { label_point(a, b) } else { middle };
    EdgeDrawing { svg, label_anchor, label, label_color: INK }
}

/// The outline of a push or shipment arrow: `.vsm-edge__body.vsm-edge__body--hollow`.
fn hollow_body(d: &str) -> String {
    format!(
        r#"<path d="{d}" fill="{PAPER}" stroke="{INK}" stroke-width="{}" stroke-linejoin="round"/>"#,
        js_number(BODY_STROKE_WIDTH)
    )
}

/// A thin line: `.vsm-edge__line`, dashed or not.
fn thin_line(d: &str, colour: &str, dasharray: Option<&str>) -> String {
    let dashes = dasharray.map(|a| format!(r#" stroke-dasharray="{a}""#)).unwrap_or_default();
    format!(
        r#"<path d="{d}" fill="none" stroke="{colour}" stroke-width="{}"{dashes}/>"#,
        js_number(LINE_STROKE_WIDTH)
    )
}

/// The numbers of a marker path `d` ("M0.5 1 L9.5 5 …"), in pairs.
fn marker_points(d: &str) -> Vec<Point> {
    let numbers: Vec<f64> = d
        .split(|c: char| c.is_ascii_alphabetic() || c.is_whitespace() || c == ',')
        .filter(|s| !s.is_empty())
        .filter_map(|s| s.parse().ok())
        .collect();
    numbers.chunks_exact(2).map(|p| Point { x: p[0], y: p[1] }).collect()
}

/// The marker drawn at the end of the path through `points` (a line with
/// [`LINE_STROKE_WIDTH`]), as the browser draws `marker-end`: turned to the direction of the
/// last segment of non-zero length (to the right if there is none), scaled to
/// `marker_width / 10` stroke widths per view box unit, `(ref_x, ref_y)` on the end point.
fn arrowhead(marker: &Marker, points: &[Point], colour: &str) -> String {
    let Some(&tip) = points.last() else {
        return String::new();
    };
    let (mut ux, mut uy) = (1.0, 0.0);
    for pair in points.windows(2).rev() {
        let (dx, dy) = (pair[1].x - pair[0].x, pair[1].y - pair[0].y);
        let length = js_hypot(dx, dy);
        if length > 0.0 && length.is_finite() {
            (ux, uy) = (dx / length, dy / length);
            break;
        }
    }
    let view_box_width: f64 =
        marker.view_box.split_whitespace().nth(2).and_then(|w| w.parse().ok()).unwrap_or(10.0);
    let scale = marker.marker_width * LINE_STROKE_WIDTH / view_box_width;
    let place = |p: Point| {
        let x = (p.x - marker.ref_x) * scale;
        let y = (p.y - marker.ref_y) * scale;
        Point { x: tip.x + x * ux - y * uy, y: tip.y + x * uy + y * ux }
    };
    let placed: Vec<String> = marker_points(marker.d).into_iter().map(|p| pt(place(p))).collect();
    let mut d = format!("M {}", placed.join(" L "));
    match marker.stroke_width {
        None => {
            d.push_str(" Z");
            format!(r#"<path d="{d}" fill="{colour}"/>"#)
        }
        Some(width) => format!(
            r#"<path d="{d}" fill="none" stroke="{colour}" stroke-width="{}" stroke-linecap="round" stroke-linejoin="round"/>"#,
            fmt(width * scale)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::arrows::{Box, OPEN_ARROW_MARKER};

    #[test]
    fn marker_paths_parse() {
        assert_eq!(marker_points(ARROW_MARKER.d).len(), 3);
        assert_eq!(marker_points(OPEN_ARROW_MARKER.d)[1], Point::new(9.0, 5.0));
    }

    #[test]
    fn every_kind_draws_without_nan() {
        let from = Box::new(0.0, 0.0, 100.0, 60.0);
        let to = Box::new(300.0, 140.0, 100.0, 60.0);
        for kind in EdgeKind::ALL {
            let drawing = edge_svg(&kind, from, to, Some(0.05));
            assert!(drawing.svg.starts_with("<path "), "{kind:?}");
            assert!(!drawing.svg.contains("NaN"), "{kind:?}");
            let same = edge_svg(&kind, from, from, None);
            assert!(!same.svg.contains("NaN"), "{kind:?}");
        }
    }
}
