//! A map on the page: its arrows (the canvas's edge geometry, `arrows`) and symbols (`nodes`),
//! scaled to the column. Labels never go below [`MIN_TEXT_PT`] (the pen sees to that); a map so
//! large that its boxes would get too small for those labels at the column's width is split into
//! parts, each drawn at [`MIN_MAP_SCALE`] and clipped to its window.

use vsm_metrics::report::MapReport;
use vsm_model::Map;

use crate::arrows::{self, Box as ArrowBox};
use crate::nodes::{self, Placement};
use crate::pen::{Align, Colour, Pen, Style};
use crate::svg::Drawing;
use crate::symbols::Symbols;

pub use crate::pen::MIN_TEXT_PT;

/// The smallest scale a map is drawn at (points per canvas pixel): a data-box row is then
/// 8 pt tall, room for its 6 pt label.
pub const MIN_MAP_SCALE: f32 = 0.42;
/// Room around the symbols, in canvas pixels (bursts and marks reach past a node's box).
const MARGIN_PX: f64 = 24.0;

/// A window of a map, in canvas pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Window {
    /// Left.
    pub x: f64,
    /// Top.
    pub y: f64,
    /// Width.
    pub width: f64,
    /// Height.
    pub height: f64,
}

/// A map, or one part of it, ready to draw at a scale.
pub struct MapPart<'a> {
    map: &'a Map,
    report: &'a MapReport,
    window: Window,
    scale: f32,
    /// "part 2 of 3", when split.
    pub part: Option<(usize, usize)>,
}

/// Everything drawn on the map, in canvas pixels.
pub fn bounds(map: &Map) -> Window {
    let mut b = (f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY);
    for node in &map.nodes {
        let (w, h) = nodes::size(node);
        b = (b.0.min(node.x), b.1.min(node.y), b.2.max(node.x + w), b.3.max(node.y + h));
    }
    if map.nodes.is_empty() {
        b = (0.0, 0.0, 200.0, 100.0);
    }
    Window {
        x: b.0 - MARGIN_PX,
        y: b.1 - MARGIN_PX,
        width: b.2 - b.0 + 2.0 * MARGIN_PX,
        height: b.3 - b.1 + 2.0 * MARGIN_PX,
    }
}

/// The map fitted into `width` × at most `max_height` points: one part when it stays legible,
/// else as many parts as it takes at the smallest legible scale.
pub fn fit<'a>(map: &'a Map, report: &'a MapReport, width: f32, max_height: f32) -> Vec<MapPart<'a>> {
    let whole = bounds(map);
    let fitted = (width / whole.width as f32).min(max_height / whole.height as f32).min(1.0);
    let legible = MIN_MAP_SCALE;
    if fitted >= legible {
        return vec![MapPart { map, report, window: whole, scale: fitted, part: None }];
    }
    let (part_w, part_h) = (f64::from(width / legible), f64::from(max_height / legible));
    let columns = (whole.width / part_w).ceil().max(1.0) as usize;
    let rows = (whole.height / part_h).ceil().max(1.0) as usize;
    let total = columns * rows;
    let mut parts = Vec::with_capacity(total);
    for row in 0..rows {
        for column in 0..columns {
            let window = Window {
                x: whole.x + column as f64 * part_w,
                y: whole.y + row as f64 * part_h,
                width: part_w.min(whole.x + whole.width - (whole.x + column as f64 * part_w)),
                height: part_h.min(whole.y + whole.height - (whole.y + row as f64 * part_h)),
            };
            parts.push(MapPart { map, report, window, scale: legible, part: Some((parts.len() + 1, total)) });
        }
    }
    parts
}

impl MapPart<'_> {
    /// Its height on the page, in points.
    pub fn height(&self) -> f32 {
        self.window.height as f32 * self.scale
    }

    /// Points per canvas pixel.
    pub fn scale(&self) -> f32 {
        self.scale
    }

    /// Draws the part with its top-left corner at (`x`, `y`), clipped to its window.
    pub fn draw(&self, pen: &mut Pen<'_>, symbols: &Symbols, x: f32, y: f32) {
        let s = self.scale;
        let at = Placement { x: x - self.window.x as f32 * s, y: y - self.window.y as f32 * s, scale: s };
        pen.clip(x, y, self.window.width as f32 * s, self.height());
        // Only what reaches into this part: a map split in four is not drawn four times.
        let shown = |node: &vsm_model::Node| self.touches(node);
        self.draw_edges(pen, at, &shown);
        nodes::draw_nodes(pen, symbols, self.map, self.report, at, &shown);
        pen.unclip();
    }

    /// Whether `node` (with room for its labels and marks) overlaps this part's window.
    fn touches(&self, node: &vsm_model::Node) -> bool {
        if self.part.is_none() {
            return true;
        }
        let (width, height) = nodes::size(node);
        let window = &self.window;
        node.x - MARGIN_PX < window.x + window.width
            && node.x + width + MARGIN_PX > window.x
            && node.y - MARGIN_PX < window.y + window.height
            && node.y + height + MARGIN_PX > window.y
    }

    fn draw_edges(&self, pen: &mut Pen<'_>, at: Placement, shown: &dyn Fn(&vsm_model::Node) -> bool) {
        let boxes = |id: &str| {
            self.map.node(id).map(|node| {
                let (width, height) = nodes::size(node);
                ArrowBox { x: node.x, y: node.y, width, height }
            })
        };
        let mut labels = Vec::new();
        let mut svg = String::from(r#"<svg xmlns="http://www.w3.org/2000/svg">"#);
        let either_shown = |edge: &&vsm_model::Edge| {
            [&edge.from, &edge.to].iter().any(|id| self.map.node(id).is_some_and(shown))
        };
        for edge in self.map.edges.iter().filter(either_shown) {
            let (Some(from), Some(to)) = (boxes(&edge.from), boxes(&edge.to)) else { continue };
            let drawing = arrows::edge_svg(&edge.kind, from, to, edge.probability);
            svg.push_str(&drawing.svg);
            if let Some(label) = drawing.label {
                labels.push((label, drawing.label_anchor, drawing.label_color));
            }
        }
        svg.push_str("</svg>");
        match Drawing::parse(&svg) {
            Ok(drawing) => drawing.draw(pen, at.x, at.y, at.scale),
            Err(error) => unreachable!("the arrows' SVG is within the drawn subset: {error}"),
        }
        let s = at.scale;
        for (label, anchor, colour) in labels {
            let style = Style::regular(arrows::LABEL_FONT_SIZE as f32 * 0.8 * s).in_colour(hex(colour));
            let (cx, cy) = at.at(anchor.x, anchor.y);
            let width = pen.width(style, &label) + 2.0 * arrows::LABEL_PADDING_X as f32 * s;
            pen.rect(
                cx - width / 2.0,
                cy - style.line() / 2.0,
                width,
                style.line(),
                Some(crate::pen::ink::PAPER),
                None,
            );
            pen.text(cx, cy - style.size * 0.55, style, Align::Centre, &label, None);
        }
    }
}

fn hex(colour: &str) -> Colour {
    Colour::hex(u32::from_str_radix(colour.trim_start_matches('#'), 16).unwrap_or(0))
}
