//! The symbols of a map as the canvas lays them out (ui/src/canvas/nodes and `estimatedSize` in
//! ui/src/canvas/toFlow.ts): the process box with its data box, stocks with their amount and
//! days, factories with the customer's demand, bursts, production control, notes and the small
//! symbols with their name. Sizes and rows mirror the canvas so a report reads like the screen.

use vsm_metrics::report::{MapReport, StepReport};
use vsm_model::{Demand, DemandPeriod, Map, Node, NodeKind, Provenance};

use crate::format::{days, duration, percent, quantity};
use crate::pen::{Align, Pen, Style, ink};
use crate::symbols::Symbols;

/// Canvas pixels to page points: `page = offset + world × scale`.
#[derive(Debug, Clone, Copy)]
pub struct Placement {
    /// Page x of world x = 0.
    pub x: f32,
    /// Page y of world y = 0.
    pub y: f32,
    /// Points per canvas pixel.
    pub scale: f32,
}

impl Placement {
    /// A world point on the page.
    pub fn at(&self, x: f64, y: f64) -> (f32, f32) {
        (self.x + x as f32 * self.scale, self.y + y as f32 * self.scale)
    }
}

/// How a kind is drawn (toFlow.ts `viewOf`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum View {
    Process,
    Stock,
    Factory,
    Burst,
    Control,
    Note,
    Symbol,
}

fn view(kind: NodeKind) -> View {
    match kind {
        NodeKind::Process => View::Process,
        NodeKind::Inventory | NodeKind::Supermarket | NodeKind::Fifo | NodeKind::Buffer => View::Stock,
        NodeKind::Supplier | NodeKind::Customer => View::Factory,
        NodeKind::KaizenBurst => View::Burst,
        NodeKind::ProductionControl => View::Control,
        NodeKind::Note => View::Note,
        _ => View::Symbol,
    }
}

/// The size the canvas gives a symbol, in canvas pixels (toFlow.ts `estimatedSize`).
pub fn size(node: &Node) -> (f64, f64) {
    match view(node.kind) {
        View::Process => (154.0, 60.0 + 19.0 * data_rows(node).len().max(1) as f64),
        View::Stock => (70.0, 72.0),
        View::Factory => (130.0, if node.kind == NodeKind::Customer { 110.0 } else { 90.0 }),
        View::Burst => (150.0, 84.0),
        View::Control => (154.0, 46.0),
        View::Note => (200.0, 50.0),
        View::Symbol => (60.0, 56.0),
    }
}

fn provenance(node: &Node, field: &str) -> Provenance {
    node.provenance.as_ref().and_then(|p| p.get(field)).copied().unwrap_or(Provenance::Measured)
}

/// The data-box rows (ProcessNode.tsx `dataRows`): office rows when the step has PT, LT or
/// %C/A, manufacturing rows otherwise.
pub fn data_rows(node: &Node) -> Vec<(&'static str, String, Provenance)> {
    type Format = fn(f64) -> String;
    let office = node.process_time_s.is_some() || node.lead_time_s.is_some() || node.pca.is_some();
    let epe: Format = days;
    let fields: &[(&'static str, &str, Option<f64>, Format)] = if office {
        &[
            ("PT", "process_time_s", node.process_time_s, duration),
            ("LT", "lead_time_s", node.lead_time_s, duration),
            ("%C/A", "pca", node.pca, percent),
            ("C/T", "cycle_time_s", node.cycle_time_s, duration),
            ("Scrap", "scrap", node.scrap, percent),
        ]
    } else {
        &[
            ("C/O", "changeover_s", node.changeover_s, duration),
            ("Uptime", "uptime", node.uptime, percent),
            ("Shifts", "shifts", node.shifts, quantity),
            ("EPE", "epe_days", node.epe_days, epe),
            ("Scrap", "scrap", node.scrap, percent),
        ]
    };
    let mut rows = Vec::new();
    if !office {
        // A manufacturing box always shows its C/T, "—" until it is known.
        let ct = node.cycle_time_s.map_or_else(|| "—".to_owned(), duration);
        rows.push(("C/T", ct, provenance(node, "cycle_time_s")));
    }
    for &(label, field, value, format) in fields {
        if let Some(v) = value {
            rows.push((label, format(v), provenance(node, field)));
        }
    }
    rows
}

/// `18,400 pcs/month` (OtherNodes.tsx `demandLabel`).
pub fn demand_label(demand: &Demand) -> String {
    let unit = match demand.unit.as_deref() {
        None | Some("pieces") => "pcs",
        Some(unit) => unit,
    };
    let per = match demand.per {
        DemandPeriod::Day => "day",
        DemandPeriod::Week => "week",
        DemandPeriod::Month => "month",
        DemandPeriod::Year => "year",
    };
    format!("{} {unit}/{per}", quantity(demand.quantity))
}

/// What a stock holds, as entered (StockNode.tsx `amount`); estimated figures get a `~`.
fn amount(node: &Node) -> Option<String> {
    let mark = |field: &str| if provenance(node, field) == Provenance::Estimated { "~" } else { "" };
    if let Some(q) = node.quantity {
        return Some(format!("{}{} pcs", mark("quantity"), quantity(q)));
    }
    if let Some(d) = node.duration_days {
        return Some(format!("{}{}", mark("duration_days"), days(d)));
    }
    node.wait_s.map(|w| format!("{}{}", mark("wait_s"), duration(w)))
}

/// Draws the nodes of `map` for which `shown` holds, with the metrics' marks (over takt,
/// bottleneck).
pub fn draw_nodes(
    pen: &mut Pen<'_>,
    symbols: &Symbols,
    map: &Map,
    report: &MapReport,
    at: Placement,
    shown: &dyn Fn(&Node) -> bool,
) {
    for node in map.nodes.iter().filter(|n| shown(n)) {
        let step = report.steps.iter().find(|s| s.id == node.id);
        let bottleneck = report.bottleneck.contains(&node.id);
        draw_node(pen, symbols, map, node, step, bottleneck, at);
    }
}

fn draw_node(
    pen: &mut Pen<'_>,
    symbols: &Symbols,
    map: &Map,
    node: &Node,
    step: Option<&StepReport>,
    bottleneck: bool,
    at: Placement,
) {
    let s = at.scale;
    let (w, h) = size(node);
    let (x, y) = at.at(node.x, node.y);
    let (w, h) = (w as f32 * s, h as f32 * s);
    let label = |px: f32| Style::regular(px * s);
    let name = if node.name.is_empty() { node.id.as_str() } else { node.name.as_str() };
    let symbol_at = |pen: &mut Pen<'_>, kind: &str, width: f32, top: f32| -> f32 {
        let Some(symbol) = symbols.get(kind) else { return 0.0 };
        let k = width / symbol.width;
        let left = x + (w - width * s) / 2.0;
        symbol.drawing.draw(pen, left, top, k * s);
        symbol.height * k * s
    };
    match view(node.kind) {
        View::Process => {
            let over = step.and_then(|st| st.over_takt) == Some(true);
            let border = if over { (ink::DANGER, 2.0 * s) } else { (ink::INK, 1.5 * s) };
            let header = 24.0 * s;
            let band = if node.shared == Some(true) { ink::BAND } else { ink::PAPER };
            pen.rect(x, y, w, h, Some(ink::PAPER), None);
            pen.rect(x, y, w, header, Some(band), None);
            pen.line(&[(x, y + header), (x + w, y + header)], ink::INK, 1.0 * s, None);
            pen.rect(x, y, w, h, None, Some(border));
            draw_process_name(pen, name, x + w / 2.0, y, w - 8.0 * s, header, s);
            let mut body = y + header + 3.0 * s;
            if let Some(operators) = node.operators.filter(|o| *o > 0.0) {
                if let Some(symbol) = symbols.get("operator") {
                    symbol.drawing.draw(pen, x + 6.0 * s, body, 16.0 / symbol.width * s);
                }
                pen.text(x + 25.0 * s, body + 3.0 * s, label(9.0), Align::Left, &quantity(operators), None);
            }
            if node.automated == Some(true) {
                pen.text(
                    x + w - 6.0 * s,
                    body + 3.0 * s,
                    label(8.0).in_colour(ink::SOFT),
                    Align::Right,
                    "auto",
                    None,
                );
            }
            body += 22.0 * s;
            for (i, (row, value, prov)) in data_rows(node).into_iter().enumerate() {
                let top = body + i as f32 * 19.0 * s;
                pen.line(&[(x, top), (x + w, top)], ink::LINE, 0.5 * s, None);
                let (value, style) = match prov {
                    Provenance::Estimated => (format!("~{value}"), label(9.0).in_colour(ink::SOFT)),
                    _ => (value, label(9.0)),
                };
                pen.text(x + 6.0 * s, top + 5.0 * s, label(9.0).in_colour(ink::SOFT), Align::Left, row, None);
                pen.text(x + w - 6.0 * s, top + 5.0 * s, style, Align::Right, &value, Some(w * 0.6));
            }
            let mut mark_x = x;
            for (shown, text) in [(bottleneck, "Bottleneck"), (over, "Over takt")] {
                if shown {
                    // The tag grows with its text, which never goes below the smallest size.
                    let style = Style::bold(7.5 * s).in_colour(ink::PAPER);
                    let height = style.line();
                    let width = pen.width(style, text) + 6.0 * s.max(0.5);
                    pen.rect(mark_x, y - height - 2.0 * s, width, height, Some(ink::DANGER), None);
                    pen.text(
                        mark_x + 3.0 * s.max(0.5),
                        y - height - 2.0 * s + height * 0.12,
                        style,
                        Align::Left,
                        text,
                        None,
                    );
                    mark_x += width + 3.0 * s;
                }
            }
        }
        View::Stock => {
            let kind = node.kind.as_str();
            let width = symbols.get(kind).map_or(44.0, |sym| sym.width.min(70.0));
            let mut line = y + symbol_at(pen, kind, width, y) + 2.0 * s;
            if node.kind == NodeKind::Fifo
                && let Some(max) = node.max_quantity
            {
                pen.text(
                    x + w / 2.0,
                    line,
                    label(8.0).in_colour(ink::SOFT),
                    Align::Centre,
                    &format!("max {}", quantity(max)),
                    None,
                );
                line += (10.0 * s).max(7.2);
            }
            let wait_days = step
                .and_then(|st| st.wait_days)
                .filter(|_| node.duration_days.is_none() && node.wait_s.is_none())
                .map(days);
            let names = if node.name.is_empty() {
                Vec::new()
            } else {
                wrapped(pen, Style::bold(8.5 * s), &node.name, w + 30.0 * s, 2)
            };
            let lines = names.into_iter().map(|name| (name, Style::bold(8.5 * s)));
            let figures = [(amount(node), label(8.5)), (wait_days, label(8.5).in_colour(ink::SOFT))]
                .into_iter()
                .filter_map(|(text, style)| Some((text?, style)));
            for (text, style) in lines.chain(figures) {
                pen.text(x + w / 2.0, line, style, Align::Centre, &text, Some(w + 30.0 * s));
                line += (10.5 * s).max(7.2);
            }
        }
        View::Factory => {
            let mut line = y + symbol_at(pen, node.kind.as_str(), 110.0, y) + 2.0 * s;
            let name_style = Style::bold(9.0 * s);
            let names = wrapped(pen, name_style, name, w + 20.0 * s, 2);
            for (i, text) in names.iter().enumerate() {
                if i > 0 {
                    line += name_style.line();
                }
                pen.text(x + w / 2.0, line, name_style, Align::Centre, text, Some(w + 20.0 * s));
            }
            if node.kind == NodeKind::Customer
                && let Some(demand) = &map.demand
            {
                let text = demand_label(demand);
                let style = label(8.5);
                let width = pen.width(style, &text) + 8.0 * s;
                // Under the name's last line, which small maps set larger than their scale
                // (text is never below the legible minimum).
                let top = line + (12.0 * s).max(name_style.line());
                let height = (13.0 * s).max(style.line());
                pen.rect(
                    x + (w - width) / 2.0,
                    top,
                    width,
                    height,
                    Some(ink::PAPER),
                    Some((ink::INK, 0.75 * s)),
                );
                pen.text(
                    x + w / 2.0,
                    top + (height - style.line()) / 2.0 + s,
                    style,
                    Align::Centre,
                    &text,
                    None,
                );
            }
        }
        View::Burst => {
            if let Some(symbol) = symbols.get("kaizen_burst") {
                let k = (150.0 / symbol.width).min(84.0 / symbol.height) * s;
                symbol.drawing.draw(pen, x + (w - symbol.width * k) / 2.0, y, k);
            }
            // Up to three centred lines inside the burst's calm middle.
            let text = if node.name.is_empty() { "Kaizen" } else { node.name.as_str() };
            let style = Style::bold(8.5 * s).in_colour(ink::DANGER);
            let mut lines = pen.lines(style, text, w * 0.62);
            if lines.len() > 3 {
                lines.truncate(3);
                lines[2] = pen.fit(style, &format!("{} …", lines[2]), w * 0.62);
            }
            let top = y + h / 2.0 - lines.len() as f32 * style.line() / 2.0;
            for (i, line) in lines.iter().enumerate() {
                pen.text(
                    x + w / 2.0,
                    top + i as f32 * style.line(),
                    style,
                    Align::Centre,
                    line,
                    Some(w * 0.7),
                );
            }
        }
        View::Control => {
            pen.rect(x, y, w, h, Some(ink::PAPER), Some((ink::INK, 1.5 * s)));
            let title = if node.name.is_empty() { "Production Control" } else { node.name.as_str() };
            pen.text(
                x + w / 2.0,
                y + h / 2.0 - 5.0 * s,
                Style::bold(9.5 * s),
                Align::Centre,
                title,
                Some(w - 8.0 * s),
            );
        }
        View::Note => {
            pen.rect(x, y, w, h, Some(ink::PAPER), None);
            pen.line(
                &[(x, y), (x + w, y), (x + w, y + h), (x, y + h), (x, y)],
                ink::SOFT,
                0.75 * s,
                Some(&[3.0 * s, 2.0 * s]),
            );
            let mut top = y + 4.0 * s;
            if !node.name.is_empty() {
                pen.text(x + 5.0 * s, top, Style::bold(8.5 * s), Align::Left, &node.name, Some(w - 10.0 * s));
                top += 11.0 * s;
            }
            let lines = ((y + h - top) / (8.0 * s * 1.25)).floor().max(1.0) as usize;
            pen.paragraph(
                x + 5.0 * s,
                top,
                w - 10.0 * s,
                label(8.0).in_colour(ink::SOFT),
                node.text.as_deref().unwrap_or(""),
                lines,
            );
        }
        View::Symbol => {
            let mut line = y + symbol_at(pen, node.kind.as_str(), 56.0, y) + 2.0 * s;
            for text in
                [Some(&node.name).filter(|n| !n.is_empty()), node.frequency.as_ref()].into_iter().flatten()
            {
                pen.text(x + w / 2.0, line, label(8.5), Align::Centre, text, Some(w + 30.0 * s));
                line += (10.5 * s).max(7.2);
            }
        }
    }
}

/// `text` on at most `max_lines` lines of `width`, the last cut with "…": names wrap under a
/// symbol and in a process's header as on the canvas, instead of being cut after a few words.
fn wrapped(pen: &Pen<'_>, style: Style, text: &str, width: f32, max_lines: usize) -> Vec<String> {
    let mut lines = pen.lines(style, text, width);
    if lines.len() > max_lines {
        let rest = lines[max_lines - 1..].join(" ");
        lines.truncate(max_lines);
        lines[max_lines - 1] = pen.fit(style, &rest, width);
    }
    lines
}

/// A process's name in its header: one line at the header's size when it fits; else two
/// smaller lines when the header holds them at a legible size; else one line cut with "…".
fn draw_process_name(pen: &mut Pen<'_>, name: &str, centre: f32, top: f32, width: f32, header: f32, s: f32) {
    let large = Style::bold(10.0 * s);
    if pen.width(large, name) > width {
        let small = Style::bold(8.5 * s);
        let lines = wrapped(pen, small, name, width, 2);
        let height = lines.len() as f32 * small.line();
        if height <= header - 2.0 * s {
            let first = top + (header - height) / 2.0;
            for (i, line) in lines.iter().enumerate() {
                pen.text(centre, first + i as f32 * small.line(), small, Align::Centre, line, Some(width));
            }
            return;
        }
    }
    pen.text(centre, top + 6.0 * s, large, Align::Centre, name, Some(width));
}
