//! The pieces a report page is made of: headings, paragraphs, label–value lists, tables, the
//! timeline ladder and the cycle-time-vs-takt chart. Each knows its height for a width, so the
//! layout can flow them into columns and pages, and draws itself from a top-left corner.

use vsm_metrics::report::MapReport;
use vsm_model::Map;

use crate::format::{day_length_s, days, duration, or_dash};
use crate::mapdraw::MapPart;
use crate::pen::{Align, Colour, Pen, Style, ink};
use crate::symbols::Symbols;

/// One cell of a table.
#[derive(Debug, Clone)]
pub struct Cell {
    /// Its text.
    pub text: String,
    /// Its colour.
    pub colour: Colour,
}

impl Cell {
    /// Ink text.
    pub fn plain(text: impl Into<String>) -> Self {
        Self { text: text.into(), colour: ink::INK }
    }

    /// Coloured text.
    pub fn coloured(text: impl Into<String>, colour: Colour) -> Self {
        Self { text: text.into(), colour }
    }
}

/// A column: its title, share of the width, and alignment.
#[derive(Debug, Clone)]
pub struct Column {
    /// Header text.
    pub title: &'static str,
    /// Relative width.
    pub share: f32,
    /// Left for text, right for figures.
    pub align: Align,
}

/// A block of the report.
pub enum Block<'a> {
    /// A section title.
    Heading(String),
    /// Wrapped text.
    Paragraph(String),
    /// `label: value` lines.
    Facts(Vec<(&'static str, String)>),
    /// A table with a header row.
    Table {
        /// The columns.
        columns: Vec<Column>,
        /// The rows, one cell per column.
        rows: Vec<Vec<Cell>>,
    },
    /// (A part of) a map drawn with its symbols and arrows, under its title.
    Map(String, MapPart<'a>),
    /// The timeline ladder of a map.
    Ladder(&'a MapReport),
    /// Effective cycle time of each process against takt.
    TaktChart(&'a Map, &'a MapReport),
    /// Bars of counts, largest first, with the cumulative share: the waste Pareto.
    Pareto(Vec<(String, usize)>),
    /// Ends the column: what follows starts in the next one.
    ColumnBreak,
}

const BODY: Style = Style::regular(8.5);
const HEADING: Style = Style::bold(11.0);
const CELL_PAD: f32 = 3.0;
const LADDER_HEIGHT: f32 = 64.0;
const CHART_ROW: f32 = 11.0;
const PARETO_HEIGHT: f32 = 120.0;

impl Block<'_> {
    /// Whether it belongs in the widest column (maps and what is drawn under them).
    pub fn wide(&self) -> bool {
        matches!(self, Block::Map(..) | Block::Ladder(_))
    }

    /// The height this block takes at `width`.
    pub fn height(&self, pen: &Pen<'_>, width: f32) -> f32 {
        match self {
            Block::Heading(_) => HEADING.line() + 6.0,
            Block::Paragraph(text) => pen.lines(BODY, text, width).len() as f32 * BODY.line() + 6.0,
            Block::Facts(facts) => facts.len() as f32 * BODY.line() + 6.0,
            Block::Table { rows, .. } => (rows.len() + 1) as f32 * (BODY.line() + CELL_PAD) + 8.0,
            Block::Map(_, part) => HEADING.line() + 6.0 + part.height() + 6.0,
            Block::Ladder(_) => LADDER_HEIGHT + 8.0,
            Block::TaktChart(_, report) => {
                let bars = report.steps.iter().filter(|s| s.effective_cycle_time_s.is_some()).count();
                (bars.max(1) as f32 + 2.0) * CHART_ROW + 8.0
            }
            Block::Pareto(_) => PARETO_HEIGHT + 8.0,
            Block::ColumnBreak => 0.0,
        }
    }

    /// Draws it with its top-left corner at (`x`, `y`).
    pub fn draw(&self, pen: &mut Pen<'_>, symbols: &Symbols, x: f32, y: f32, width: f32) {
        match self {
            Block::Heading(text) => {
                pen.text(x, y + 2.0, HEADING.in_colour(ink::ACCENT), Align::Left, text, Some(width));
                pen.line(
                    &[(x, y + HEADING.line() + 2.0), (x + width, y + HEADING.line() + 2.0)],
                    ink::LINE,
                    0.5,
                    None,
                );
            }
            Block::Paragraph(text) => {
                pen.paragraph(x, y, width, BODY, text, usize::MAX);
            }
            Block::Facts(facts) => {
                let label_width = facts.iter().map(|(l, _)| pen.width(BODY, l)).fold(0.0, f32::max) + 8.0;
                for (i, (label, value)) in facts.iter().enumerate() {
                    let top = y + i as f32 * BODY.line();
                    pen.text(x, top, BODY.in_colour(ink::SOFT), Align::Left, label, None);
                    pen.text(x + label_width, top, BODY, Align::Left, value, Some(width - label_width));
                }
            }
            Block::Table { columns, rows } => draw_table(pen, x, y, width, columns, rows),
            Block::Map(title, part) => {
                Block::Heading(title.clone()).draw(pen, symbols, x, y, width);
                part.draw(pen, symbols, x, y + HEADING.line() + 6.0);
            }
            Block::Ladder(report) => draw_ladder(pen, x, y, width, report),
            Block::TaktChart(map, report) => draw_takt_chart(pen, x, y, width, map, report),
            Block::Pareto(bars) => draw_pareto(pen, x, y, width, bars),
            Block::ColumnBreak => {}
        }
    }
}

fn draw_table(pen: &mut Pen<'_>, x: f32, y: f32, width: f32, columns: &[Column], rows: &[Vec<Cell>]) {
    let total: f32 = columns.iter().map(|c| c.share).sum();
    let widths: Vec<f32> = columns.iter().map(|c| c.share / total * width).collect();
    let row_height = BODY.line() + CELL_PAD;
    pen.rect(x, y, width, row_height, Some(ink::BAND), None);
    let cell_x = |i: usize| x + widths[..i].iter().sum::<f32>();
    let place = |pen: &mut Pen<'_>, i: usize, top: f32, style: Style, text: &str| {
        let (left, w) = (cell_x(i), widths[i]);
        let anchor = match columns[i].align {
            Align::Right => left + w - CELL_PAD,
            Align::Centre => left + w / 2.0,
            Align::Left => left + CELL_PAD,
        };
        pen.text(anchor, top + CELL_PAD / 2.0, style, columns[i].align, text, Some(w - 2.0 * CELL_PAD));
    };
    for (i, column) in columns.iter().enumerate() {
        place(pen, i, y, Style::bold(BODY.size), column.title);
    }
    for (r, row) in rows.iter().enumerate() {
        let top = y + (r + 1) as f32 * row_height;
        pen.line(&[(x, top), (x + width, top)], ink::LINE, 0.4, None);
        for (i, cell) in row.iter().enumerate().take(columns.len()) {
            place(pen, i, top, BODY.in_colour(cell.colour), &cell.text);
        }
    }
    let bottom = y + (rows.len() + 1) as f32 * row_height;
    pen.line(&[(x, bottom), (x + width, bottom)], ink::LINE, 0.4, None);
}

/// The ladder as in the comparison view: rungs spread over the width, waits up, value-added
/// time down, the totals at the end.
fn draw_ladder(pen: &mut Pen<'_>, x: f32, y: f32, width: f32, report: &MapReport) {
    let totals_width = 120.0;
    let rungs = &report.timeline;
    let small = Style::regular(7.0);
    let (high, low) = (y + 14.0, y + 40.0);
    if rungs.is_empty() {
        pen.text(
            x,
            y + 20.0,
            BODY.in_colour(ink::SOFT),
            Align::Left,
            "No timeline: the map has no path from supplier to customer.",
            Some(width),
        );
        return;
    }
    let step = (width - totals_width - 10.0) / rungs.len() as f32;
    // As the app's ladder (ui/src/dock/Ladder.tsx): waits in the map's days, a step's lead time
    // above the line only where it waits inside itself (lead time over its work).
    let day_s = day_length_s(report);
    let mut points = Vec::with_capacity(rungs.len() * 2);
    for (i, rung) in rungs.iter().enumerate() {
        let (left, right) = (x + i as f32 * step, x + (i + 1) as f32 * step);
        let level = if rung.segment == "wait" { high } else { low };
        points.extend([(left, level), (right, level)]);
        let centre = (left + right) / 2.0;
        if rung.segment == "wait" {
            pen.text(centre, high - 10.0, small, Align::Centre, &days(rung.elapsed_s / day_s), Some(step));
        } else {
            if rung.elapsed_s > rung.value_added_s {
                pen.text(
                    centre,
                    low - 10.0,
                    small.in_colour(ink::SOFT),
                    Align::Centre,
                    &format!("LT {}", duration(rung.elapsed_s)),
                    Some(step),
                );
            }
            pen.text(
                centre,
                low + 3.0,
                small.in_colour(ink::ACCENT),
                Align::Centre,
                &duration(rung.value_added_s),
                Some(step),
            );
        }
    }
    pen.line(&points, ink::INK, 0.9, None);
    let box_x = x + width - totals_width;
    pen.rect(box_x, y + 8.0, totals_width, 34.0, None, Some((ink::INK, 0.75)));
    pen.text(
        box_x + 6.0,
        y + 12.0,
        Style::regular(8.0),
        Align::Left,
        &format!("Lead time {}", or_dash(report.lead_time_days, days)),
        None,
    );
    pen.text(
        box_x + 6.0,
        y + 26.0,
        Style::regular(8.0),
        Align::Left,
        &format!("Processing {}", or_dash(report.processing_time_s, duration)),
        None,
    );
}

/// Horizontal bars of effective C/T per process, the takt as a line; over takt in red.
fn draw_takt_chart(pen: &mut Pen<'_>, x: f32, y: f32, width: f32, map: &Map, report: &MapReport) {
    let bars: Vec<(&str, f64, bool)> = report
        .steps
        .iter()
        .filter_map(|step| {
            let ct = step.effective_cycle_time_s?;
            let node = map.node(&step.id)?;
            let name = if node.name.is_empty() { node.id.as_str() } else { node.name.as_str() };
            Some((name, ct, step.over_takt == Some(true)))
        })
        .collect();
    let small = Style::regular(7.5);
    if bars.is_empty() {
        pen.text(x, y, BODY.in_colour(ink::SOFT), Align::Left, "No process has a cycle time.", Some(width));
        return;
    }
    let label_width = 110.0;
    let value_width = 50.0;
    let top_value = bars.iter().map(|b| b.1).chain(report.takt_s).fold(0.0, f64::max).max(1e-9);
    let plot = width - label_width - value_width;
    let to_x = |v: f64| x + label_width + (v / top_value) as f32 * plot;
    for (i, (name, ct, over)) in bars.iter().enumerate() {
        let top = y + i as f32 * CHART_ROW;
        pen.text(x, top + 1.0, small, Align::Left, name, Some(label_width - 6.0));
        let colour = if *over { ink::DANGER } else { Colour::hex(0x8ab4f8) };
        pen.rect(
            x + label_width,
            top + 1.5,
            to_x(*ct) - x - label_width,
            CHART_ROW - 3.0,
            Some(colour),
            None,
        );
    }
    let bottom = y + bars.len() as f32 * CHART_ROW;
    if let Some(takt) = report.takt_s {
        pen.line(&[(to_x(takt), y - 2.0), (to_x(takt), bottom + 2.0)], ink::ACCENT, 1.0, Some(&[3.0, 2.0]));
    }
    // The figures over the takt line, each on paper: a bar just under takt puts its figure
    // where the line runs.
    for (i, (_, ct, _)) in bars.iter().enumerate() {
        let top = y + i as f32 * CHART_ROW;
        let figure = duration(*ct);
        let width = pen.width(small, &figure);
        pen.rect(to_x(*ct) + 2.0, top + 1.5, width + 2.0, CHART_ROW - 3.0, Some(ink::PAPER), None);
        pen.text(to_x(*ct) + 3.0, top + 1.0, small, Align::Left, &figure, None);
    }
    if let Some(takt) = report.takt_s {
        pen.text(
            to_x(takt),
            bottom + 3.0,
            small.in_colour(ink::ACCENT),
            Align::Centre,
            &format!("takt {}", duration(takt)),
            None,
        );
    } else {
        pen.text(
            x + label_width,
            bottom + 3.0,
            small.in_colour(ink::SOFT),
            Align::Left,
            "No takt: the map has no demand or calendar.",
            None,
        );
    }
}

/// Vertical bars (largest first) with their counts, and the cumulative share as a line with a
/// percentage axis on the right: the 80/20 view of where the waste is.
fn draw_pareto(pen: &mut Pen<'_>, x: f32, y: f32, width: f32, bars: &[(String, usize)]) {
    let small = Style::regular(7.0);
    let total: usize = bars.iter().map(|b| b.1).sum();
    if total == 0 {
        return;
    }
    // Bars no wider than 60 pt: a short Pareto stays compact.
    let width = width.min(bars.len() as f32 * 60.0 + 44.0).max(160.0);
    let (left, right) = (x + 18.0, x + width - 26.0);
    let (top, base) = (y + 10.0, y + PARETO_HEIGHT - 22.0);
    let most = bars.iter().map(|b| b.1).max().unwrap_or(1) as f32;
    let slot = (right - left) / bars.len() as f32;
    pen.line(&[(left, top), (left, base), (right, base), (right, top)], ink::LINE, 0.5, None);
    let mut cumulative = 0usize;
    let mut line = Vec::with_capacity(bars.len());
    for (i, (label, count)) in bars.iter().enumerate() {
        let height = *count as f32 / most * (base - top);
        let bar_x = left + i as f32 * slot + slot * 0.15;
        pen.rect(bar_x, base - height, slot * 0.7, height, Some(ink::DANGER), None);
        pen.text(bar_x + slot * 0.35, base - height - 9.0, small, Align::Centre, &count.to_string(), None);
        pen.text(bar_x + slot * 0.35, base + 3.0, small, Align::Centre, label, Some(slot));
        cumulative += count;
        let share = cumulative as f32 / total as f32;
        line.push((left + (i as f32 + 0.5) * slot, base - share * (base - top)));
    }
    pen.line(&line, ink::ACCENT, 1.0, None);
    for (px, py) in &line {
        pen.rect(px - 1.5, py - 1.5, 3.0, 3.0, Some(ink::ACCENT), None);
    }
    for share in [0, 50, 80, 100] {
        let level = base - share as f32 / 100.0 * (base - top);
        pen.text(
            right + 3.0,
            level - 3.5,
            small.in_colour(ink::ACCENT),
            Align::Left,
            &format!("{share} %"),
            None,
        );
    }
    pen.text(
        x,
        y + PARETO_HEIGHT - 10.0,
        small.in_colour(ink::SOFT),
        Align::Left,
        &format!("{total} tags on steps and kaizen bursts; line: cumulative share"),
        Some(width),
    );
}
