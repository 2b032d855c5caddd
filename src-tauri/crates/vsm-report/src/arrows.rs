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

mod drawing;

use crate::js::{js_hypot, js_max, js_min, js_number, js_or, js_round};
pub use drawing::{EdgeDrawing, edge_svg, edge_svg_between};

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

/// What `bowedPath` and `reworkCurve` return.
#[derive(Debug, Clone, PartialEq)]
pub struct BowedPath {
    /// `M a Q control b`, coordinates unrounded as JavaScript prints them.
    pub d: String,
    /// Where the curve starts (`a`).
    pub start: Point,
    /// Where it ends (`b`), the arrowhead's tip.
    pub end: Point,
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
    quadratic(a, control, b)
}

/// `M a Q control b` with the point halfway along it.
fn quadratic(start: Point, control: Point, end: Point) -> BowedPath {
    let middle =
        Point { x: (start.x + 2.0 * control.x + end.x) / 4.0, y: (start.y + 2.0 * control.y + end.y) / 4.0 };
    let d = format!(
        "M {} {} Q {} {} {} {}",
        js_number(start.x),
        js_number(start.y),
        js_number(control.x),
        js_number(control.y),
        js_number(end.x),
        js_number(end.y)
    );
    BowedPath { d, start, end, middle, control }
}

/// `reworkBow`: how far a rework arrow spanning `span` px bows — 30 px plus a quarter of the
/// span, at most 120 px.
pub fn rework_span_bow(span: f64) -> f64 {
    js_min(120.0, 30.0 + span / 4.0)
}

/// The bow of the rework arrow between two points (a legend's): [`rework_span_bow`] of the
/// distance between them.
pub fn rework_bow(a: Point, b: Point) -> f64 {
    rework_span_bow(js_hypot(b.x - a.x, b.y - a.y))
}

/// `reworkCurve`: the rework arrow from `from` back to `to`. Between nodes side by side (further
/// apart across than up and down) it loops under them — out of the bottom of `from`, back up
/// into the bottom of `to`, `gap` px off their borders — so the boxes between do not hide it;
/// otherwise it bows off the line between their borders ([`edge_ends`], [`bowed_path`]).
pub fn rework_curve(from: Box, to: Box, gap: f64) -> BowedPath {
    let a = centre(from);
    let b = centre(to);
    if (b.x - a.x).abs() < (b.y - a.y).abs() {
        let (start, end) = edge_ends(from, to, gap);
        return bowed_path(start, end, rework_bow(start, end));
    }
    let start = Point { x: a.x, y: from.y + from.height + gap };
    let end = Point { x: b.x, y: to.y + to.height + gap };
    let control = Point {
        x: (start.x + end.x) / 2.0,
        y: start.y.max(end.y) + rework_span_bow((end.x - start.x).abs()),
    };
    quadratic(start, control, end)
}

/// Arrows shorter than this (px) carry their "pull" or "FIFO" label above them (`SHORT_ARROW`).
pub const SHORT_ARROW: f64 = 64.0;

/// `labelPoint`: where the label of the arrow from `a` to `b` is centred — its middle, or 12 px
/// above it when the arrow is shorter than [`SHORT_ARROW`] (the label would cover all of it).
pub fn label_point(a: Point, b: Point) -> Point {
    let middle = Point { x: (a.x + b.x) / 2.0, y: (a.y + b.y) / 2.0 };
    if js_hypot(b.x - a.x, b.y - a.y) < SHORT_ARROW {
        Point { x: middle.x, y: middle.y - 12.0 }
    } else {
        middle
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coordinates_print_as_geometry_ts_prints_them() {
        assert_eq!(fmt(-0.004), "0");
        assert_eq!(fmt(1.005), "1");
    }
}
