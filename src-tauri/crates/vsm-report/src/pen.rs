//! Drawing on one page in points from the top-left corner (printpdf counts from the bottom-left):
//! text that fits or wraps, rectangles, lines and placed SVG forms. Everything the report draws
//! goes through here, so the coordinate flip lives in one place.

use std::collections::BTreeSet;

use printpdf::{
    Color, LineDashPattern, Op, PaintMode, PdfFontHandle, Point, Polygon, PolygonRing, Pt, Rect, Rgb,
    TextItem, WindingOrder, XObjectId, XObjectTransform,
};

use crate::fonts::{Fonts, Weight};

/// A colour as red, green, blue in 0–1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Colour(pub f32, pub f32, pub f32);

impl Colour {
    /// From `0xRRGGBB`.
    pub const fn hex(rgb: u32) -> Self {
        Self(
            ((rgb >> 16) & 0xff) as f32 / 255.0,
            ((rgb >> 8) & 0xff) as f32 / 255.0,
            (rgb & 0xff) as f32 / 255.0,
        )
    }

    fn pdf(self) -> Color {
        Color::Rgb(Rgb { r: self.0, g: self.1, b: self.2, icc_profile: None })
    }
}

/// The report's ink and accents (the canvas's light theme).
pub mod ink {
    use super::Colour;
    /// Text and lines.
    pub const INK: Colour = Colour::hex(0x1f1f1f);
    /// Secondary text.
    pub const SOFT: Colour = Colour::hex(0x5f6368);
    /// Rules and grid lines.
    pub const LINE: Colour = Colour::hex(0xc4c7cc);
    /// Table headers and bands.
    pub const BAND: Colour = Colour::hex(0xeef1f5);
    /// Headings and the takt line.
    pub const ACCENT: Colour = Colour::hex(0x1a73e8);
    /// Over takt, worse, overdue.
    pub const DANGER: Colour = Colour::hex(0xc5221f);
    /// Better, met.
    pub const GOOD: Colour = Colour::hex(0x188038);
    /// Paper.
    pub const PAPER: Colour = Colour::hex(0xffffff);
}

/// How a run of text is set.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    /// Size in points.
    pub size: f32,
    /// Regular or bold.
    pub weight: Weight,
    /// Its colour.
    pub colour: Colour,
}

impl Style {
    /// Regular ink text of `size` points.
    pub const fn regular(size: f32) -> Self {
        Self { size, weight: Weight::Regular, colour: ink::INK }
    }

    /// Bold ink text of `size` points.
    pub const fn bold(size: f32) -> Self {
        Self { size, weight: Weight::Bold, colour: ink::INK }
    }

    /// The same in another colour.
    pub const fn in_colour(self, colour: Colour) -> Self {
        Self { colour, ..self }
    }

    /// Line height for this size (as set: never below [`MIN_TEXT_PT`]).
    pub fn line(self) -> f32 {
        self.size.max(MIN_TEXT_PT) * 1.25
    }
}

/// Where a line of text sits horizontally relative to the x given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// x is the left edge.
    Left,
    /// x is the centre.
    Centre,
    /// x is the right edge.
    Right,
}

/// One subpath: points in page coordinates, `true` for Bézier control points.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Subpath {
    /// The points, the first being where the subpath starts.
    pub points: Vec<(f32, f32, bool)>,
    /// Whether it ends with a close (SVG `Z`).
    pub closed: bool,
}

/// The operations of one page.
pub struct Pen<'a> {
    /// The document's fonts.
    pub fonts: &'a Fonts,
    height: f32,
    ops: Vec<Op>,
    /// Characters that could not be shown (drawn as `?`).
    pub missing: BTreeSet<char>,
    /// The smallest text size drawn on the page, in points.
    pub smallest_text: f32,
}

/// The smallest text the report sets, in points: a map drawn small keeps its labels readable.
pub const MIN_TEXT_PT: f32 = 6.0;

/// `style`, no smaller than [`MIN_TEXT_PT`].
fn legible(style: Style) -> Style {
    Style { size: style.size.max(MIN_TEXT_PT), ..style }
}

/// A page point, rounded to 1/100 pt (far below what print shows): shorter page content.
fn point(x: f32, y: f32) -> Point {
    let round = |v: f32| (v * 100.0).round() / 100.0;
    Point { x: Pt(round(x)), y: Pt(round(y)) }
}

impl<'a> Pen<'a> {
    /// A blank page `height` points tall.
    pub fn new(fonts: &'a Fonts, height: f32) -> Self {
        Self { fonts, height, ops: Vec::new(), missing: BTreeSet::new(), smallest_text: f32::INFINITY }
    }

    /// The page's operations.
    pub fn into_ops(self) -> (Vec<Op>, BTreeSet<char>, f32) {
        (self.ops, self.missing, self.smallest_text)
    }

    /// Width of `text` in `style`.
    pub fn width(&self, style: Style, text: &str) -> f32 {
        self.fonts.width(style.weight, text, legible(style).size)
    }

    /// One line of text whose top is at `y`; cut with "…" to `max_width` when given. Each run
    /// is set in the face that has its characters (see [`Fonts::runs`]).
    pub fn text(&mut self, x: f32, y: f32, style: Style, align: Align, text: &str, max_width: Option<f32>) {
        let style = legible(style);
        let text = match max_width {
            Some(max) => self.fit(style, text, max),
            None => text.to_owned(),
        };
        if text.trim().is_empty() {
            return;
        }
        let runs = self.fonts.runs(style.weight, &text, &mut self.missing);
        let width = self.width(style, &text);
        let left = match align {
            Align::Left => x,
            Align::Centre => x - width / 2.0,
            Align::Right => x - width,
        };
        self.smallest_text = self.smallest_text.min(style.size);
        let baseline = self.height - y - style.size * 0.8;
        self.ops.extend([
            Op::StartTextSection,
            Op::SetFillColor { col: style.colour.pdf() },
            Op::SetTextCursor { pos: point(left, baseline) },
        ]);
        for (face, run) in runs {
            self.ops.push(Op::SetFont {
                font: PdfFontHandle::External(self.fonts.id(face).clone()),
                size: Pt(style.size),
            });
            self.ops.push(Op::ShowText { items: vec![TextItem::Text(run)] });
        }
        self.ops.push(Op::EndTextSection);
    }

    /// `text` shortened with "…" so it is at most `max` wide.
    pub fn fit(&self, style: Style, text: &str, max: f32) -> String {
        if self.width(style, text) <= max {
            return text.to_owned();
        }
        let mut chars: Vec<char> = text.chars().collect();
        while !chars.is_empty() {
            chars.pop();
            let candidate: String = chars.iter().collect::<String>().trim_end().to_owned() + "…";
            if self.width(style, &candidate) <= max {
                return candidate;
            }
        }
        String::new()
    }

    /// `text` broken into lines at most `width` wide (words longer than a line are cut).
    pub fn lines(&self, style: Style, text: &str, width: f32) -> Vec<String> {
        let mut lines = Vec::new();
        for paragraph in text.split('\n') {
            let mut line = String::new();
            for word in paragraph.split_whitespace() {
                let candidate = if line.is_empty() { word.to_owned() } else { format!("{line} {word}") };
                if self.width(style, &candidate) <= width || line.is_empty() {
                    line = candidate;
                } else {
                    lines.push(std::mem::take(&mut line));
                    line = word.to_owned();
                }
            }
            lines.push(line);
        }
        lines
    }

    /// Wrapped text from `y`, at most `max_lines` lines (the last cut with "…"); returns the
    /// height used.
    pub fn paragraph(
        &mut self,
        x: f32,
        y: f32,
        width: f32,
        style: Style,
        text: &str,
        max_lines: usize,
    ) -> f32 {
        let style = legible(style);
        let mut lines = self.lines(style, text, width);
        if lines.len() > max_lines {
            lines.truncate(max_lines);
            if let Some(last) = lines.last_mut() {
                *last = self.fit(style, &format!("{last} …"), width);
            }
        }
        for (i, line) in lines.iter().enumerate() {
            self.text(x, y + i as f32 * style.line(), style, Align::Left, line, Some(width));
        }
        lines.len() as f32 * style.line()
    }

    /// A rectangle, filled and/or outlined.
    pub fn rect(
        &mut self,
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Option<Colour>,
        stroke: Option<(Colour, f32)>,
    ) {
        let mode = match (fill.is_some(), stroke.is_some()) {
            (true, true) => PaintMode::FillStroke,
            (true, false) => PaintMode::Fill,
            (false, true) => PaintMode::Stroke,
            (false, false) => return,
        };
        self.ops.push(Op::SaveGraphicsState);
        self.paint(fill, stroke, None);
        self.ops.push(Op::DrawRectangle {
            rectangle: Rect {
                x: Pt(x),
                y: Pt(self.height - y - h),
                width: Pt(w),
                height: Pt(h),
                mode: Some(mode),
                winding_order: Some(WindingOrder::NonZero),
            },
        });
        self.ops.push(Op::RestoreGraphicsState);
    }

    /// A polyline through `points`, optionally dashed.
    pub fn line(&mut self, points: &[(f32, f32)], colour: Colour, width: f32, dash: Option<&[f32]>) {
        self.shape(points, None, Some((colour, width)), dash, false);
    }

    /// A closed polygon, filled and/or outlined.
    pub fn polygon(&mut self, points: &[(f32, f32)], fill: Option<Colour>, stroke: Option<(Colour, f32)>) {
        self.shape(points, fill, stroke, None, true);
    }

    fn shape(
        &mut self,
        points: &[(f32, f32)],
        fill: Option<Colour>,
        stroke: Option<(Colour, f32)>,
        dash: Option<&[f32]>,
        closed: bool,
    ) {
        if points.len() < 2 {
            return;
        }
        self.ops.push(Op::SaveGraphicsState);
        self.paint(fill, stroke, dash);
        let ring = PolygonRing {
            points: points
                .iter()
                .map(|&(x, y)| printpdf::LinePoint { p: point(x, self.height - y), bezier: false })
                .collect(),
        };
        if closed {
            let mode = if fill.is_some() && stroke.is_some() {
                PaintMode::FillStroke
            } else if fill.is_some() {
                PaintMode::Fill
            } else {
                PaintMode::Stroke
            };
            self.ops.push(Op::DrawPolygon {
                polygon: Polygon { rings: vec![ring], mode, winding_order: WindingOrder::NonZero },
            });
        } else {
            self.ops.push(Op::DrawLine { line: printpdf::Line { points: ring.points, is_closed: false } });
        }
        self.ops.push(Op::RestoreGraphicsState);
    }

    fn paint(&mut self, fill: Option<Colour>, stroke: Option<(Colour, f32)>, dash: Option<&[f32]>) {
        if let Some(fill) = fill {
            self.ops.push(Op::SetFillColor { col: fill.pdf() });
        }
        if let Some((colour, width)) = stroke {
            self.ops.push(Op::SetOutlineColor { col: colour.pdf() });
            self.ops.push(Op::SetOutlineThickness { pt: Pt(width) });
        }
        if let Some(pattern) = dash {
            self.ops.push(Op::SetLineDashPattern { dash: LineDashPattern::new(0.0, pattern) });
        }
    }

    /// A path of one or more subpaths in page coordinates; `(x, y, true)` marks a Bézier
    /// control point (two of them before each curve's end point). Closed subpaths are filled
    /// when `fill` is given; every subpath is stroked when `stroke` is given.
    pub fn path(
        &mut self,
        subpaths: &[Subpath],
        fill: Option<Colour>,
        stroke: Option<(Colour, f32)>,
        dash: Option<&[f32]>,
    ) {
        let height = self.height;
        let flip = |points: &[(f32, f32, bool)]| PolygonRing {
            points: points
                .iter()
                .map(|&(x, y, bezier)| printpdf::LinePoint { p: point(x, height - y), bezier })
                .collect(),
        };
        let drawable: Vec<&Subpath> = subpaths.iter().filter(|s| s.points.len() >= 2).collect();
        if drawable.is_empty() {
            return;
        }
        self.ops.push(Op::SaveGraphicsState);
        self.paint(fill, stroke, dash);
        if fill.is_some() {
            // A fill closes every subpath, as in SVG.
            let rings = drawable.iter().map(|s| flip(&s.points)).collect();
            self.ops.push(Op::DrawPolygon {
                polygon: Polygon { rings, mode: PaintMode::Fill, winding_order: WindingOrder::NonZero },
            });
        }
        if stroke.is_some() {
            for subpath in &drawable {
                let ring = flip(&subpath.points);
                self.ops.push(Op::DrawLine {
                    line: printpdf::Line { points: ring.points, is_closed: subpath.closed },
                });
            }
        }
        self.ops.push(Op::RestoreGraphicsState);
    }

    /// Restricts drawing to a rectangle until [`Pen::unclip`].
    pub fn clip(&mut self, x: f32, y: f32, w: f32, h: f32) {
        self.ops.push(Op::SaveGraphicsState);
        self.ops.push(Op::DrawRectangle {
            rectangle: Rect {
                x: Pt(x),
                y: Pt(self.height - y - h),
                width: Pt(w),
                height: Pt(h),
                mode: Some(PaintMode::Clip),
                winding_order: Some(WindingOrder::NonZero),
            },
        });
    }

    /// Ends the last [`Pen::clip`].
    pub fn unclip(&mut self) {
        self.ops.push(Op::RestoreGraphicsState);
    }

    /// Places a form (an SVG parsed at 72 dpi, one pixel = one point before scaling) with its
    /// top-left corner at (`x`, `y`), `height` pixels tall, scaled by `scale`.
    pub fn form(&mut self, id: &XObjectId, x: f32, y: f32, height: f32, scale: f32) {
        self.ops.push(Op::UseXobject {
            id: id.clone(),
            transform: XObjectTransform {
                translate_x: Some(Pt(x)),
                translate_y: Some(Pt(self.height - y - height * scale)),
                scale_x: Some(scale),
                scale_y: Some(scale),
                dpi: Some(72.0),
                ..Default::default()
            },
        });
    }
}
