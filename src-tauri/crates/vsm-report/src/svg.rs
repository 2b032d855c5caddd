//! The small SVG subset the symbols and arrows use (path, polygon, polyline, line, rect, circle,
//! ellipse, text; fill, stroke, stroke width and dashes, inherited from `<svg>` and `<g>`, `<g>`
//! translations), drawn straight into PDF operations.
//!
//! Why not printpdf's SVG import: it goes through usvg and svg2pdf, scans the system's fonts on
//! every parse, and turns `<text>` into outlines that `pdftotext` cannot read and that depend on
//! which fonts the machine has. Drawn here, shapes stay vectors and text is real text in the
//! report's embedded font.

use crate::fonts::Weight;
use crate::pen::{Align, Colour, Pen, Style, Subpath, ink};

/// Points in SVG user space; `true` marks a Bézier control point.
type Points = Vec<(f32, f32, bool)>;

#[derive(Debug, Clone, PartialEq)]
struct Shape {
    subpaths: Vec<(Points, bool)>,
    fill: Option<Colour>,
    stroke: Option<Colour>,
    stroke_width: f32,
    dash: Option<Vec<f32>>,
}

#[derive(Debug, Clone, PartialEq)]
struct Text {
    x: f32,
    y: f32,
    align: Align,
    size: f32,
    weight: Weight,
    colour: Colour,
    content: String,
}

#[derive(Debug, Clone, PartialEq)]
enum Element {
    Shape(Shape),
    Text(Text),
}

/// A parsed drawing, ready to be placed at any position and scale.
#[derive(Debug, Clone, PartialEq)]
pub struct Drawing {
    elements: Vec<Element>,
}

/// Presentation attributes as inherited down the tree.
#[derive(Debug, Clone)]
struct Paint {
    fill: Option<Colour>,
    stroke: Option<Colour>,
    stroke_width: f32,
    dash: Option<Vec<f32>>,
    font_size: f32,
    weight: Weight,
    align: Align,
    dx: f32,
    dy: f32,
}

impl Default for Paint {
    fn default() -> Self {
        // SVG's initial values: black fill, no stroke.
        Self {
            fill: Some(Colour(0.0, 0.0, 0.0)),
            stroke: None,
            stroke_width: 1.0,
            dash: None,
            font_size: 12.0,
            weight: Weight::Regular,
            align: Align::Left,
            dx: 0.0,
            dy: 0.0,
        }
    }
}

impl Drawing {
    /// Parses `svg`; an element or value outside the subset is an error naming it.
    pub fn parse(svg: &str) -> Result<Self, String> {
        let document = roxmltree::Document::parse(svg).map_err(|e| format!("not SVG: {e}"))?;
        let mut elements = Vec::new();
        walk(document.root_element(), &Paint::default(), &mut elements)?;
        Ok(Self { elements })
    }

    /// Draws it with its origin at page point (`x`, `y`), scaled by `scale`; strokes are
    /// scaled too, but never thinner than a quarter point.
    pub fn draw(&self, pen: &mut Pen<'_>, x: f32, y: f32, scale: f32) {
        let place = |points: &Points| -> Vec<(f32, f32, bool)> {
            points.iter().map(|&(px, py, bezier)| (x + px * scale, y + py * scale, bezier)).collect()
        };
        for element in &self.elements {
            match element {
                Element::Shape(shape) => {
                    let subpaths: Vec<Subpath> = shape
                        .subpaths
                        .iter()
                        .map(|(points, closed)| Subpath { points: place(points), closed: *closed })
                        .collect();
                    let width = (shape.stroke_width * scale).max(0.25);
                    let dash: Option<Vec<f32>> =
                        shape.dash.as_ref().map(|d| d.iter().map(|v| v * scale).collect());
                    pen.path(&subpaths, shape.fill, shape.stroke.map(|c| (c, width)), dash.as_deref());
                }
                Element::Text(text) => {
                    let style = Style { size: text.size * scale, weight: text.weight, colour: text.colour };
                    // SVG places text by its baseline; the pen by the top of the line.
                    let top = y + text.y * scale - style.size * 0.8;
                    pen.text(x + text.x * scale, top, style, text.align, &text.content, None);
                }
            }
        }
    }
}

fn walk(node: roxmltree::Node<'_, '_>, inherited: &Paint, out: &mut Vec<Element>) -> Result<(), String> {
    let paint = paint_of(node, inherited)?;
    let number = |name: &str| -> Result<f32, String> {
        node.attribute(name).map_or(Ok(0.0), |v| {
            v.trim().parse::<f32>().map_err(|_| format!("<{}> {name}=\"{v}\"", node.tag_name().name()))
        })
    };
    let shape = |subpaths: Vec<(Points, bool)>| {
        let moved = subpaths
            .into_iter()
            .map(|(points, closed)| {
                (points.into_iter().map(|(x, y, b)| (x + paint.dx, y + paint.dy, b)).collect(), closed)
            })
            .collect();
        Element::Shape(Shape {
            subpaths: moved,
            fill: paint.fill,
            stroke: paint.stroke,
            stroke_width: paint.stroke_width,
            dash: paint.dash.clone(),
        })
    };
    match node.tag_name().name() {
        "svg" | "g" => {
            for child in node.children().filter(roxmltree::Node::is_element) {
                walk(child, &paint, out)?;
            }
        }
        "path" => out.push(shape(path(node.attribute("d").unwrap_or(""))?)),
        "polygon" | "polyline" => {
            let values = numbers(node.attribute("points").unwrap_or(""))?;
            let points = values.chunks_exact(2).map(|p| (p[0], p[1], false)).collect();
            out.push(shape(vec![(points, node.tag_name().name() == "polygon")]));
        }
        "line" => {
            let points = vec![(number("x1")?, number("y1")?, false), (number("x2")?, number("y2")?, false)];
            out.push(shape(vec![(points, false)]));
        }
        "rect" => {
            let (x, y, w, h) = (number("x")?, number("y")?, number("width")?, number("height")?);
            let points = vec![(x, y, false), (x + w, y, false), (x + w, y + h, false), (x, y + h, false)];
            out.push(shape(vec![(points, true)]));
        }
        "circle" => {
            let r = number("r")?;
            out.push(shape(vec![(ellipse(number("cx")?, number("cy")?, r, r), true)]));
        }
        "ellipse" => {
            out.push(shape(vec![(ellipse(number("cx")?, number("cy")?, number("rx")?, number("ry")?), true)]))
        }
        "text" => out.push(Element::Text(Text {
            x: number("x")? + paint.dx,
            y: number("y")? + paint.dy,
            align: paint.align,
            size: paint.font_size,
            weight: paint.weight,
            colour: paint.fill.unwrap_or(ink::INK),
            content: node.text().unwrap_or("").trim().to_owned(),
        })),
        "defs" | "title" | "desc" => {}
        other => return Err(format!("SVG element <{other}> is not drawn by the report")),
    }
    Ok(())
}

fn paint_of(node: roxmltree::Node<'_, '_>, inherited: &Paint) -> Result<Paint, String> {
    let mut paint = inherited.clone();
    if let Some(v) = node.attribute("fill") {
        paint.fill = colour(v)?;
    }
    if let Some(v) = node.attribute("stroke") {
        paint.stroke = colour(v)?;
    }
    if let Some(v) = node.attribute("stroke-width") {
        paint.stroke_width = v.trim().parse().map_err(|_| format!("stroke-width=\"{v}\""))?;
    }
    if let Some(v) = node.attribute("stroke-dasharray") {
        paint.dash = if v.trim() == "none" { None } else { Some(numbers(v)?) };
    }
    if let Some(v) = node.attribute("font-size") {
        paint.font_size =
            v.trim().trim_end_matches("px").parse().map_err(|_| format!("font-size=\"{v}\""))?;
    }
    if let Some(v) = node.attribute("font-weight") {
        paint.weight = if v == "bold" || v.parse::<u32>().is_ok_and(|w| w >= 600) {
            Weight::Bold
        } else {
            Weight::Regular
        };
    }
    if let Some(v) = node.attribute("text-anchor") {
        paint.align = match v {
            "middle" => Align::Centre,
            "end" => Align::Right,
            _ => Align::Left,
        };
    }
    if node.tag_name().name() == "g"
        && let Some(v) = node.attribute("transform")
    {
        let inner = v.trim().strip_prefix("translate(").and_then(|r| r.strip_suffix(')'));
        let values =
            inner.map(numbers).transpose()?.ok_or_else(|| format!("transform=\"{v}\" (only translate)"))?;
        paint.dx += values.first().copied().unwrap_or(0.0);
        paint.dy += values.get(1).copied().unwrap_or(0.0);
    }
    Ok(paint)
}

fn colour(value: &str) -> Result<Option<Colour>, String> {
    let value = value.trim();
    let hex = |digits: &str| u32::from_str_radix(digits, 16).map_err(|_| format!("colour \"{value}\""));
    Ok(match value {
        "none" | "transparent" => None,
        "black" => Some(Colour(0.0, 0.0, 0.0)),
        "white" => Some(ink::PAPER),
        "currentColor" => Some(ink::INK),
        v if v.len() == 7 && v.starts_with('#') => Some(Colour::hex(hex(&v[1..])?)),
        v if v.len() == 4 && v.starts_with('#') => {
            let short = hex(&v[1..])?;
            let (r, g, b) = ((short >> 8) & 0xf, (short >> 4) & 0xf, short & 0xf);
            Some(Colour::hex(((r * 17) << 16) | ((g * 17) << 8) | (b * 17)))
        }
        _ => return Err(format!("colour \"{value}\" is not drawn by the report")),
    })
}

fn numbers(text: &str) -> Result<Vec<f32>, String> {
    tokens(text)?
        .into_iter()
        .map(|t| match t {
            Token::Number(n) => Ok(n),
            Token::Command(c) => Err(format!("unexpected \"{c}\" in a number list")),
        })
        .collect()
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Token {
    Command(char),
    Number(f32),
}

fn tokens(text: &str) -> Result<Vec<Token>, String> {
    let mut out = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() || c == ',' {
            i += 1;
        } else if c.is_ascii_alphabetic() && c != 'e' && c != 'E' {
            out.push(Token::Command(c));
            i += 1;
        } else {
            let start = i;
            let mut seen_dot = false;
            if chars[i] == '-' || chars[i] == '+' {
                i += 1;
            }
            while i < chars.len() {
                let d = chars[i];
                if d.is_ascii_digit() {
                    i += 1;
                } else if d == '.' && !seen_dot {
                    seen_dot = true;
                    i += 1;
                } else if (d == 'e' || d == 'E') && i + 1 < chars.len() {
                    i += if chars[i + 1] == '-' || chars[i + 1] == '+' { 2 } else { 1 };
                } else {
                    break;
                }
            }
            let slice: String = chars[start..i].iter().collect();
            let n = slice.parse::<f32>().map_err(|_| format!("bad number \"{slice}\" in \"{text}\""))?;
            out.push(Token::Number(n));
        }
    }
    Ok(out)
}

/// A path's `d` as subpaths; quadratic curves and arcs become cubic Béziers.
fn path(d: &str) -> Result<Vec<(Points, bool)>, String> {
    let tokens = tokens(d)?;
    let mut subpaths: Vec<(Points, bool)> = Vec::new();
    let mut current: Points = Vec::new();
    let (mut x, mut y, mut start) = (0.0f32, 0.0f32, (0.0f32, 0.0f32));
    let mut command = 'M';
    let mut i = 0;
    let take = |n: usize, i: &mut usize| -> Result<Vec<f32>, String> {
        let mut values = Vec::with_capacity(n);
        for _ in 0..n {
            match tokens.get(*i) {
                Some(Token::Number(v)) => values.push(*v),
                _ => return Err(format!("path \"{d}\": a command needs {n} numbers at token {i}")),
            }
            *i += 1;
        }
        Ok(values)
    };
    let finish = |current: &mut Points, subpaths: &mut Vec<(Points, bool)>, closed: bool| {
        if !current.is_empty() {
            subpaths.push((std::mem::take(current), closed));
        }
    };
    while i < tokens.len() {
        if let Token::Command(c) = tokens[i] {
            command = c;
            i += 1;
            if c == 'Z' || c == 'z' {
                finish(&mut current, &mut subpaths, true);
                (x, y) = start;
                continue;
            }
        } else if command == 'Z' || command == 'z' {
            return Err(format!("path \"{d}\": numbers after Z"));
        }
        let relative = command.is_ascii_lowercase();
        let (ox, oy) = if relative { (x, y) } else { (0.0, 0.0) };
        match command.to_ascii_uppercase() {
            'M' => {
                let v = take(2, &mut i)?;
                finish(&mut current, &mut subpaths, false);
                (x, y) = (ox + v[0], oy + v[1]);
                start = (x, y);
                current.push((x, y, false));
                // Further pairs after a moveto are linetos.
                command = if relative { 'l' } else { 'L' };
            }
            'L' => {
                let v = take(2, &mut i)?;
                (x, y) = (ox + v[0], oy + v[1]);
                current.push((x, y, false));
            }
            'H' => {
                let v = take(1, &mut i)?;
                x = ox + v[0];
                current.push((x, y, false));
            }
            'V' => {
                let v = take(1, &mut i)?;
                y = oy + v[0];
                current.push((x, y, false));
            }
            'C' => {
                let v = take(6, &mut i)?;
                current.extend([
                    (ox + v[0], oy + v[1], true),
                    (ox + v[2], oy + v[3], true),
                    (ox + v[4], oy + v[5], false),
                ]);
                (x, y) = (ox + v[4], oy + v[5]);
            }
            'Q' => {
                let v = take(4, &mut i)?;
                let (qx, qy, ex, ey) = (ox + v[0], oy + v[1], ox + v[2], oy + v[3]);
                current.extend([
                    (x + 2.0 / 3.0 * (qx - x), y + 2.0 / 3.0 * (qy - y), true),
                    (ex + 2.0 / 3.0 * (qx - ex), ey + 2.0 / 3.0 * (qy - ey), true),
                    (ex, ey, false),
                ]);
                (x, y) = (ex, ey);
            }
            'A' => {
                let v = take(7, &mut i)?;
                let (ex, ey) = (ox + v[5], oy + v[6]);
                current.extend(arc((x, y), v[0], v[1], v[2], v[3] != 0.0, v[4] != 0.0, (ex, ey)));
                (x, y) = (ex, ey);
            }
            other => return Err(format!("path \"{d}\": command {other} is not drawn by the report")),
        }
    }
    finish(&mut current, &mut subpaths, false);
    Ok(subpaths)
}

/// A closed ellipse as four cubic Béziers (one per quarter turn).
fn ellipse(cx: f32, cy: f32, rx: f32, ry: f32) -> Points {
    const K: f32 = 0.552_284_8;
    // Unit-circle points at 0°, 90°, 180°, 270°, and the tangent direction at each.
    let quarters = [(1.0, 0.0), (0.0, 1.0), (-1.0, 0.0), (0.0, -1.0), (1.0, 0.0)];
    let mut points = vec![(cx + rx, cy, false)];
    for pair in quarters.windows(2) {
        let ((ax, ay), (bx, by)): ((f32, f32), (f32, f32)) = (pair[0], pair[1]);
        // Tangent at angle t is (-sin t, cos t) = (-y, x).
        points.push((cx + rx * (ax - K * ay), cy + ry * (ay + K * ax), true));
        points.push((cx + rx * (bx + K * by), cy + ry * (by - K * bx), true));
        points.push((cx + rx * bx, cy + ry * by, false));
    }
    points
}

/// An SVG elliptical arc (endpoint form, SVG 1.1 F.6.5) as cubic Béziers, without its start point.
fn arc(
    from: (f32, f32),
    rx: f32,
    ry: f32,
    rotation_deg: f32,
    large: bool,
    sweep: bool,
    to: (f32, f32),
) -> Points {
    let (x1, y1) = (f64::from(from.0), f64::from(from.1));
    let (x2, y2) = (f64::from(to.0), f64::from(to.1));
    let (mut rx, mut ry) = (f64::from(rx).abs(), f64::from(ry).abs());
    if rx == 0.0 || ry == 0.0 || (x1 == x2 && y1 == y2) {
        return vec![(to.0, to.1, false)];
    }
    let phi = f64::from(rotation_deg).to_radians();
    let (sin, cos) = phi.sin_cos();
    let (dx, dy) = ((x1 - x2) / 2.0, (y1 - y2) / 2.0);
    let (x1p, y1p) = (cos * dx + sin * dy, -sin * dx + cos * dy);
    let lambda = (x1p * x1p) / (rx * rx) + (y1p * y1p) / (ry * ry);
    if lambda > 1.0 {
        rx *= lambda.sqrt();
        ry *= lambda.sqrt();
    }
    let numerator = (rx * rx * ry * ry - rx * rx * y1p * y1p - ry * ry * x1p * x1p).max(0.0);
    let denominator = rx * rx * y1p * y1p + ry * ry * x1p * x1p;
    let mut coefficient = (numerator / denominator).sqrt();
    if large == sweep {
        coefficient = -coefficient;
    }
    let (cxp, cyp) = (coefficient * rx * y1p / ry, -coefficient * ry * x1p / rx);
    let (cx, cy) = (cos * cxp - sin * cyp + (x1 + x2) / 2.0, sin * cxp + cos * cyp + (y1 + y2) / 2.0);
    let angle = |ux: f64, uy: f64, vx: f64, vy: f64| {
        let a = (ux * vx + uy * vy) / ((ux * ux + uy * uy).sqrt() * (vx * vx + vy * vy).sqrt());
        let a = a.clamp(-1.0, 1.0).acos();
        if ux * vy - uy * vx < 0.0 { -a } else { a }
    };
    let theta = angle(1.0, 0.0, (x1p - cxp) / rx, (y1p - cyp) / ry);
    let mut delta = angle((x1p - cxp) / rx, (y1p - cyp) / ry, (-x1p - cxp) / rx, (-y1p - cyp) / ry);
    if !sweep && delta > 0.0 {
        delta -= std::f64::consts::TAU;
    } else if sweep && delta < 0.0 {
        delta += std::f64::consts::TAU;
    }
    let segments = (delta.abs() / std::f64::consts::FRAC_PI_2).ceil().max(1.0) as usize;
    let step = delta / segments as f64;
    let k = 4.0 / 3.0 * (step / 4.0).tan();
    let point = |t: f64| {
        let (s, c) = t.sin_cos();
        (cx + rx * c * cos - ry * s * sin, cy + rx * c * sin + ry * s * cos)
    };
    let derivative = |t: f64| {
        let (s, c) = t.sin_cos();
        (-rx * s * cos - ry * c * sin, -rx * s * sin + ry * c * cos)
    };
    let mut points = Vec::with_capacity(segments * 3);
    for n in 0..segments {
        let (t1, t2) = (theta + step * n as f64, theta + step * (n + 1) as f64);
        let (p1, p2) = (point(t1), point(t2));
        let (d1, d2) = (derivative(t1), derivative(t2));
        points.push(((p1.0 + k * d1.0) as f32, (p1.1 + k * d1.1) as f32, true));
        points.push(((p2.0 - k * d2.0) as f32, (p2.1 - k * d2.1) as f32, true));
        points.push((p2.0 as f32, p2.1 as f32, false));
    }
    if let Some(last) = points.last_mut() {
        *last = (to.0, to.1, false);
    }
    points
}
