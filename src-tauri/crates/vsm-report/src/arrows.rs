//! The arrows of the value stream map, drawn for the PDF report exactly as the canvas draws them.
//!
//! The canvas draws every edge in `ui/src/canvas/edges/VsmEdge.tsx`, from the geometry in
//! `ui/src/canvas/edges/floating.ts` (where an arrow leaves and enters its nodes) and
//! `ui/src/symbols/geometry.ts` (the striped push arrow, the hollow shipment arrow, the zig-zag
//! of electronic information), with the arrowheads of `ui/src/symbols/defs.tsx` and the strokes
//! of `ui/src/canvas/canvas.css` in the light theme of `ui/src/styles.css`. The report has no
//! browser, so this module is a port of those functions to Rust: same arithmetic in the same
//! order, the same `d` strings (coordinates printed as JavaScript prints numbers, rounded to
//! 1/100 px where the TypeScript rounds), the same colours, stroke widths and dash patterns. A
//! reader of the report should not be able to tell a PDF arrow from a canvas arrow.
//!
//! The port is kept identical by a golden test: `ui/src/canvas/edges/golden.test.ts` computes the
//! TypeScript outputs for a fixed set of cases (and reads the style values from `canvas.css` and
//! `styles.css`, the markers from `defs.tsx`) into `tests/arrow-cases.json`, and `tests/arrows.rs`
//! asserts that this module gives the same strings for the same inputs. Change the TypeScript,
//! regenerate the file (`cd ui && UPDATE_GOLDEN=1 npx vitest run src/canvas/edges/golden`), and
//! the Rust test says what to port.
//!
//! Things that are JavaScript behaviour rather than geometry are ported too (in [`crate::js`]),
//! because they show in the strings: `Math.hypot` (V8's scaled, compensated sum, which differs from the C library's
//! `hypot` in the last bit), `Math.round` (halves towards +∞), `String(number)` (shortest
//! round-trip digits, exponent outside 1e-7..1e21) and `Intl.NumberFormat("en-US")` for the
//! rework percentage.
//!
//! What the canvas does with SVG markers (`marker-end`), [`edge_svg`] draws as explicit paths:
//! the same triangle, placed, turned and scaled as the browser places a marker with
//! `markerUnits="strokeWidth"` and `orient="auto-start-reverse"`. Edge labels ("pull", "FIFO",
//! "rework 5 %") are text, which the report sets itself; [`EdgeDrawing`] says what and where.

use vsm_model::EdgeKind;

use crate::format;
use crate::js::{js_hypot, js_max, js_min, js_number, js_or, js_round};

/// A point in canvas coordinates: px, y pointing down.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Point {
    /// Distance from the left, px.
    pub x: f64,
    /// Distance from the top, px.
    pub y: f64,
}

impl Point {
    /// The point (`x`, `y`).
    pub const fn new(x: f64, y: f64) -> Self {
        Point { x, y }
    }
}

/// The rectangle a node takes on the canvas (`Box` in `floating.ts`): its top-left corner and
/// its size, px.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Box {
    /// Left edge, px.
    pub x: f64,
    /// Top edge, px.
    pub y: f64,
    /// Width, px.
    pub width: f64,
    /// Height, px.
    pub height: f64,
}

impl Box {
    /// The rectangle with top-left corner (`x`, `y`) and the given size.
    pub const fn new(x: f64, y: f64, width: f64, height: f64) -> Self {
        Box { x, y, width, height }
    }
}

// ---------------------------------------------------------------------------------------------
// Style: the edge styles of ui/src/canvas/canvas.css in the light theme of ui/src/styles.css,
// and the markers of ui/src/symbols/defs.tsx.
// tests/arrows.rs checks these against the values the golden test read from those files.
// ---------------------------------------------------------------------------------------------

/// `--ink` of the light theme: lines, arrowheads, push stripes, labels.
pub const INK: &str = "#1b1b1b";
/// `--paper` of the light theme: inside of the hollow arrows, background of labels.
pub const PAPER: &str = "#ffffff";
/// `--danger` of the light theme: the rework arrow and its label.
pub const DANGER: &str = "#c62828";

/// Stroke width of the outline of the push and shipment arrows (`.vsm-edge__body--hollow`).
pub const BODY_STROKE_WIDTH: f64 = 1.6;
/// Stroke width of the dashed centre line that paints the push arrow's stripes
/// (`.vsm-edge__stripes`).
pub const STRIPES_STROKE_WIDTH: f64 = 7.0;
/// Dash pattern of the push arrow's stripes (`.vsm-edge__stripes`).
pub const STRIPES_DASHARRAY: &str = "3 3";
/// Stroke width of the thin arrows (`.vsm-edge__line`): information, kanban, pull, FIFO, rework.
pub const LINE_STROKE_WIDTH: f64 = 1.4;
/// Dash pattern of the kanban arrow (`.vsm-edge__line--dashed`).
pub const KANBAN_DASHARRAY: &str = "6 4";
/// Dash pattern of the rework arrow (`.vsm-edge__line--rework`).
pub const REWORK_DASHARRAY: &str = "5 4";
/// Font size of edge labels, px (`.vsm-edge__label`).
pub const LABEL_FONT_SIZE: f64 = 11.0;
/// Horizontal padding of the paper-coloured box behind an edge label, px (`.vsm-edge__label`).
pub const LABEL_PADDING_X: f64 = 4.0;

/// Gap between a node's border and the end of an arrow, px (the default of `edgeEnds`).
pub const EDGE_GAP: f64 = 4.0;
/// Shaft width of the push arrow, px (what `VsmEdge` passes to `pushArrowBody`).
pub const PUSH_WIDTH: f64 = 10.0;
/// Shaft width of the shipment arrow, px (what `VsmEdge` passes to `hollowArrow`).
pub const SHIPMENT_WIDTH: f64 = 12.0;
/// Amplitude of the electronic-information zig-zag, px (the default of `zigzagPath`).
pub const ZIGZAG_AMPLITUDE: f64 = 8.0;

/// An arrowhead marker of `defs.tsx`, as the browser applies it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Marker {
    /// `viewBox` of the marker.
    pub view_box: &'static str,
    /// `refX`: the x in the view box that sits on the end of the line.
    pub ref_x: f64,
    /// `refY`: the y in the view box that sits on the end of the line.
    pub ref_y: f64,
    /// `markerWidth`, in stroke widths of the line (`markerUnits="strokeWidth"`).
    pub marker_width: f64,
    /// `markerHeight`, in stroke widths of the line.
    pub marker_height: f64,
    /// The `d` of the marker's path, in view box units.
    pub d: &'static str,
    /// `None` for a filled head; the view box stroke width of an open (stroked) head.
    pub stroke_width: Option<f64>,
}

/// The filled arrowhead (`ARROW_MARKER_ID`, "vsm-arrow"): information, kanban, FIFO, rework.
pub const ARROW_MARKER: Marker = Marker {
    view_box: "0 0 10 10",
    ref_x: 9.0,
    ref_y: 5.0,
    marker_width: 7.0,
    marker_height: 7.0,
    d: "M0.5 1 L9.5 5 L0.5 9 Z",
    stroke_width: None,
};

/// The open arrowhead (`OPEN_ARROW_MARKER_ID`, "vsm-arrow-open"): pull; stroked with round caps
/// and joins.
pub const OPEN_ARROW_MARKER: Marker = Marker {
    view_box: "0 0 10 10",
    ref_x: 9.0,
    ref_y: 5.0,
    marker_width: 7.0,
    marker_height: 7.0,
    d: "M1 1 L9 5 L1 9",
    stroke_width: Some(1.5),
};

/// `fmt` of `geometry.ts`: rounded to 1/100 px, printed without exponent trouble or `-0`; `0`
/// for a non-finite number.
pub fn fmt(n: f64) -> String {
    if !n.is_finite() {
        return "0".to_owned();
    }
    let r = js_round(n * 100.0) / 100.0;
    // js_number prints -0 as "0", as the `Object.is(r, -0)` test in the TypeScript does.
    js_number(r)
}

/// [`fmt`] without the printing: the number the rounded string stands for.
fn rounded(n: f64) -> f64 {
    if n.is_finite() { js_round(n * 100.0) / 100.0 } else { 0.0 }
}

/// `pt` of `geometry.ts`: "x y", each through [`fmt`].
fn pt(p: Point) -> String {
    format!("{} {}", fmt(p.x), fmt(p.y))
}

// ---------------------------------------------------------------------------------------------
// floating.ts
// ---------------------------------------------------------------------------------------------

/// `centre`: the middle of a box.
pub fn centre(b: Box) -> Point {
    Point { x: b.x + b.width / 2.0, y: b.y + b.height / 2.0 }
}

/// `borderPoint`: where the segment from the centre of `b` towards `towards` leaves the box.
pub fn border_point(b: Box, towards: Point) -> Point {
    let c = centre(b);
    let dx = towards.x - c.x;
    let dy = towards.y - c.y;
    if dx == 0.0 && dy == 0.0 {
        return c;
    }
    let half_w = b.width / 2.0;
    let half_h = b.height / 2.0;
    let scale = 1.0 / js_max(dx.abs() / js_or(half_w, 1e-9), dy.abs() / js_or(half_h, 1e-9));
    Point { x: c.x + dx * scale, y: c.y + dy * scale }
}

/// `edgeEnds`: the two end points of an edge between two boxes, `gap` px off their borders
/// (the canvas uses [`EDGE_GAP`]); the border points themselves when they are at most two gaps
/// apart.
pub fn edge_ends(from: Box, to: Box, gap: f64) -> (Point, Point) {
    let start = border_point(from, centre(to));
    let end = border_point(to, centre(from));
    let dx = end.x - start.x;
    let dy = end.y - start.y;
    let length = js_hypot(dx, dy);
    if length <= 2.0 * gap {
        return (start, end);
    }
    let ux = dx / length;
    let uy = dy / length;
    (
        Point { x: start.x + ux * gap, y: start.y + uy * gap },
        Point { x: end.x - ux * gap, y: end.y - uy * gap },
    )
}

/// What `bowedPath` returns.
#[derive(Debug, Clone, PartialEq)]
pub struct BowedPath {
    /// `M a Q control b`, coordinates unrounded as JavaScript prints them.
    pub d: String,
    /// The point halfway along the curve, where the canvas puts the rework label.
    pub middle: Point,
    /// The control point of the quadratic curve (the arrowhead at `b` points along
    /// `b − control`).
    pub control: Point,
}

/// `bowedPath`: a quadratic curve from `a` to `b` bowing `bow` px to the left of the direction
/// of travel.
pub fn bowed_path(a: Point, b: Point, bow: f64) -> BowedPath {
    let mx = (a.x + b.x) / 2.0;
    let my = (a.y + b.y) / 2.0;
    let dx = b.x - a.x;
    let dy = b.y - a.y;
    let length = js_or(js_hypot(dx, dy), 1.0);
    let control = Point { x: mx + (dy / length) * bow, y: my - (dx / length) * bow };
    let middle = Point { x: (a.x + 2.0 * control.x + b.x) / 4.0, y: (a.y + 2.0 * control.y + b.y) / 4.0 };
    let d = format!(
        "M {} {} Q {} {} {} {}",
        js_number(a.x),
        js_number(a.y),
        js_number(control.x),
        js_number(control.y),
        js_number(b.x),
        js_number(b.y)
    );
    BowedPath { d, middle, control }
}

/// How far the rework arrow from `a` to `b` bows, as `VsmEdge` computes it: 30 px plus a quarter
/// of its length, at most 120 px.
pub fn rework_bow(a: Point, b: Point) -> f64 {
    js_min(120.0, 30.0 + js_hypot(b.x - a.x, b.y - a.y) / 4.0)
}

/// The straight line of `VsmEdge` (`M a L b`, coordinates unrounded as JavaScript prints them):
/// manual information, kanban, pull and FIFO arrows.
pub fn straight_path(a: Point, b: Point) -> String {
    format!("M {} {} L {} {}", js_number(a.x), js_number(a.y), js_number(b.x), js_number(b.y))
}

// ---------------------------------------------------------------------------------------------
// geometry.ts
// ---------------------------------------------------------------------------------------------

/// Below this length (px) a segment is treated as a single point.
const EPSILON: f64 = 1e-6;

/// `frame`: unit direction, unit left-hand normal and length of the segment from → to.
struct Frame {
    length: f64,
    ux: f64,
    uy: f64,
    nx: f64,
    ny: f64,
}

fn frame(from: Point, to: Point) -> Frame {
    let dx = to.x - from.x;
    let dy = to.y - from.y;
    let length = js_hypot(dx, dy);
    // `!(length > EPSILON)` also catches NaN.
    if length.is_nan() || length <= EPSILON {
        return Frame { length: 0.0, ux: 1.0, uy: 0.0, nx: 0.0, ny: 1.0 };
    }
    let ux = dx / length;
    let uy = dy / length;
    Frame { length, ux, uy, nx: -uy, ny: ux }
}

impl Frame {
    /// The point `along` the segment from `from` and `across` it to the left.
    fn at(&self, from: Point, along: f64, across: f64) -> Point {
        Point {
            x: from.x + self.ux * along + self.nx * across,
            y: from.y + self.uy * along + self.ny * across,
        }
    }
}

/// `width` if it is a usable width, else 10 (`Number.isFinite(width) && width > 0 ? width : 10`).
fn safe_width(width: f64) -> f64 {
    if width.is_finite() && width > 0.0 { width } else { 10.0 }
}

/// `thickArrow`: outline of a thick arrow, a shaft `width` wide ending in a head twice as wide.
fn thick_arrow(from: Point, to: Point, width: f64) -> String {
    let f = frame(from, to);
    if f.length == 0.0 {
        let tip = pt(to);
        return format!("M {tip} L {tip} Z");
    }
    let safe = safe_width(width);
    let mut half = safe / 2.0;
    let mut head_length = safe * 1.6;
    let min_length = head_length * 2.0;
    if f.length < min_length {
        let k = f.length / min_length;
        half *= k;
        head_length *= k;
    }
    let head_half = half * 2.0;
    let base = f.length - head_length;
    let points = [
        f.at(from, 0.0, half),
        f.at(from, base, half),
        f.at(from, base, head_half),
        to,
        f.at(from, base, -head_half),
        f.at(from, base, -half),
        f.at(from, 0.0, -half),
    ];
    let joined: Vec<String> = points.iter().map(|&p| pt(p)).collect();
    format!("M {} Z", joined.join(" L "))
}

/// `pushArrowBody`: outline of the push arrow, a shaft `width` wide (the canvas uses
/// [`PUSH_WIDTH`]) ending in a head about twice as wide whose tip is exactly `to`.
pub fn push_arrow_body(from: Point, to: Point, width: f64) -> String {
    thick_arrow(from, to, width)
}

/// What `pushArrowStripes` returns.
#[derive(Debug, Clone, PartialEq)]
pub struct Stripes {
    /// The centre line from `from` to where the head starts, through [`fmt`].
    pub d: String,
    /// Its length, px.
    pub length: f64,
}

/// `pushArrowStripes`: the stripes of a push arrow as one centre line, stroked wide and dashed.
pub fn push_arrow_stripes(from: Point, to: Point, width: f64) -> Stripes {
    let f = frame(from, to);
    let safe = safe_width(width);
    let mut head_length = safe * 1.6;
    if f.length < head_length * 2.0 {
        head_length *= f.length / (head_length * 2.0);
    }
    let base = js_max(0.0, f.length - head_length);
    let end = Point { x: from.x + f.ux * base, y: from.y + f.uy * base };
    Stripes { d: format!("M {} L {}", pt(from), pt(end)), length: base }
}

/// `hollowArrow`: outline of the thick hollow shipment arrow (the canvas uses
/// [`SHIPMENT_WIDTH`]); the same shape as the push arrow.
pub fn hollow_arrow(from: Point, to: Point, width: f64) -> String {
    thick_arrow(from, to, width)
}

/// The points of [`zigzag_path`], before printing.
fn zigzag_points(from: Point, to: Point, amplitude: f64) -> Vec<Point> {
    let f = frame(from, to);
    if f.length == 0.0 {
        return vec![from, to];
    }
    let safe_amp = if amplitude.is_finite() { amplitude.abs() } else { 8.0 };
    let mut run = safe_amp * 1.1;
    let mut amp = safe_amp;
    let max_run = f.length * 0.3;
    if run > max_run {
        let k = if run > 0.0 { max_run / run } else { 0.0 };
        run *= k;
        amp *= k;
    }
    let mid = f.length / 2.0;
    vec![
        from,
        f.at(from, mid - run, 0.0),
        f.at(from, mid + run * 0.35, -amp),
        f.at(from, mid - run * 0.35, amp),
        f.at(from, mid + run, 0.0),
        to,
    ]
}

/// `zigzagPath`: the electronic-information line, straight at both ends with one lightning
/// zig-zag in the middle (the canvas uses [`ZIGZAG_AMPLITUDE`]).
pub fn zigzag_path(from: Point, to: Point, amplitude: f64) -> String {
    let joined: Vec<String> = zigzag_points(from, to, amplitude).iter().map(|&p| pt(p)).collect();
    format!("M {}", joined.join(" L "))
}

// ---------------------------------------------------------------------------------------------
// VsmEdge.tsx
// ---------------------------------------------------------------------------------------------

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
    let (a, b) = edge_ends(from, to, EDGE_GAP);
    edge_svg_between(kind, a, b, probability)
}

/// [`edge_svg`] between two given end points instead of two nodes (for a legend, say): the
/// arrow runs from `a` to `b`, its tip on `b`.
pub fn edge_svg_between(kind: &EdgeKind, a: Point, b: Point, probability: Option<f64>) -> EdgeDrawing {
    let middle = Point { x: (a.x + b.x) / 2.0, y: (a.y + b.y) / 2.0 };
    let mut label_anchor = middle;
    let mut label = None;
    let mut label_color = INK;
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
        EdgeKind::Rework => {
            let curve = bowed_path(a, b, rework_bow(a, b));
            svg.push_str(&thin_line(&curve.d, DANGER, Some(REWORK_DASHARRAY)));
            // The direction at the end of `M a Q c b` is c → b, or a → b when c is on b.
            svg.push_str(&arrowhead(&ARROW_MARKER, &[a, curve.control, b], DANGER));
            label = Some(format!("rework {}", format::percent(probability.unwrap_or(0.0))));
            label_anchor = curve.middle;
            label_color = DANGER;
        }
    }
    EdgeDrawing { svg, label_anchor, label, label_color }
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

    #[test]
    fn coordinates_print_as_geometry_ts_prints_them() {
        assert_eq!(fmt(-0.004), "0");
        assert_eq!(fmt(1.005), "1");
    }

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
