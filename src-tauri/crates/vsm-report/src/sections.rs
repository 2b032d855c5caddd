//! What the report says, in A3 order: background and scope from the charter, the target
//! condition against current and future figures, the current state (map, ladder, headline
//! figures, cycle time vs takt), root causes (the bursts), the future state, current vs future
//! with deltas, the action plan with expected and actual effects, follow-up (snapshots) and the
//! notes on estimated or imported numbers.

use vsm_kaizen::compare::headline_deltas;
use vsm_metrics::report::MapReport;
use vsm_model::{ActionStatus, DayBasis, Document, Map, NodeKind, Provenance, Waste};

use crate::blocks::{Block, Cell, Column};
use crate::format::{days, duration, number, or_dash, percent, quantity};
use crate::mapdraw;
use crate::pen::{Align, ink};

/// The maps the report is about, with their metrics.
pub struct States<'a> {
    /// The current state.
    pub current: (&'a Map, &'a MapReport),
    /// Its future state, if the document has one.
    pub future: Option<(&'a Map, &'a MapReport)>,
}

/// A headline metric's name.
pub fn metric_label(metric: &str) -> &str {
    match metric {
        "lead_time_s" => "Lead time",
        "lead_time_days" => "Lead time (days)",
        "processing_time_s" => "Processing time",
        "va_ratio" => "Value-added ratio",
        "rolled_pca" => "Rolled %C/A",
        "takt_s" => "Takt",
        "operators_needed" => "Operators needed",
        "labour_required" => "Labour required",
        "lead_time_first_pass_s" => "Lead time, first pass",
        other => other,
    }
}

/// A headline metric's value as the app shows it.
pub fn metric_value(metric: &str, value: Option<f64>) -> String {
    match metric {
        _ if value.is_none() => "—".to_owned(),
        "va_ratio" | "rolled_pca" => or_dash(value, percent),
        "lead_time_days" | "operators_needed" | "labour_required" => or_dash(value, |v| number(v, 2)),
        _ => or_dash(value, duration),
    }
}

/// A change: `−7.5 d`, `+29.1 %`.
fn delta_text(metric: &str, delta: f64) -> String {
    let sign = if delta > 0.0 {
        "+"
    } else if delta < 0.0 {
        "−"
    } else {
        ""
    };
    format!("{sign}{}", metric_value(metric, Some(delta.abs())))
}

/// Whether a lower value is the better one.
fn lower_is_better(metric: &str) -> bool {
    !matches!(metric, "va_ratio" | "rolled_pca" | "takt_s")
}

fn name_of(map: &Map, id: &str) -> String {
    map.node(id)
        .map_or_else(|| id.to_owned(), |n| if n.name.is_empty() { n.id.clone() } else { n.name.clone() })
}

/// Which parts of the report to include (all by default). The notes on estimated or imported
/// numbers and on characters that could not be shown are always included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Sections {
    /// Background, scope and team, target condition (from the event charter).
    pub charter: bool,
    /// Headline figures, cycle time vs takt, the current-state map and its ladder.
    pub current_state: bool,
    /// Kaizen bursts and the waste they address.
    pub root_causes: bool,
    /// Current vs future with deltas, the future-state map and its ladder.
    pub future_state: bool,
    /// The action plan with expected and actual effects.
    pub action_plan: bool,
    /// Snapshots re-measured since.
    pub follow_up: bool,
}

impl Default for Sections {
    fn default() -> Self {
        Self {
            charter: true,
            current_state: true,
            root_causes: true,
            future_state: true,
            action_plan: true,
            follow_up: true,
        }
    }
}

/// The report's blocks, in reading order, for maps fitted to `map_width` × `map_height` points.
pub fn blocks<'a>(
    document: &'a Document,
    states: &States<'a>,
    sections: Sections,
    map_width: f32,
    map_height: f32,
) -> Vec<Block<'a>> {
    let (current, current_report) = states.current;
    let mut blocks = Vec::new();
    if sections.charter {
        charter_blocks(&mut blocks, document, states);
    }
    if sections.current_state {
        blocks.push(Block::Heading("Current state: headline figures".to_owned()));
        blocks.push(headline_table(current, current_report));
        blocks.push(Block::Heading("Cycle time vs takt".to_owned()));
        blocks.push(Block::TaktChart(current, current_report));
        blocks.push(Block::ColumnBreak);
        push_map(&mut blocks, "Current state", current, current_report, map_width, map_height);
    }
    if sections.root_causes {
        blocks.push(Block::Heading("Waste: where it is seen".to_owned()));
        let pareto = waste_pareto(states);
        if pareto.is_empty() {
            blocks.push(Block::Paragraph(
                "No waste tagged yet: tag the wastes seen at steps and addressed by bursts in the inspector."
                    .to_owned(),
            ));
        } else {
            blocks.push(Block::Pareto(pareto));
        }
        blocks.push(Block::Heading("Root causes and ideas (kaizen bursts)".to_owned()));
        blocks.push(bursts(document, states));
        let notes = map_notes(states.current.0);
        if !notes.is_empty() {
            blocks.push(Block::Heading("Observations (notes on the map)".to_owned()));
            blocks.push(Block::Paragraph(notes));
        }
    }
    if sections.future_state
        && let Some((future, future_report)) = states.future
    {
        // The future state opens a page of its own, beside the comparison; without one the plan
        // follows the analysis in the same column (no page that holds only an empty plan).
        blocks.push(Block::ColumnBreak);
        blocks.push(Block::Heading("Current vs future".to_owned()));
        blocks.push(comparison_table(current_report, future_report));
        push_map(&mut blocks, "Future state", future, future_report, map_width, map_height);
    }
    if sections.action_plan {
        blocks.push(Block::Heading("Countermeasures: action plan".to_owned()));
        blocks.push(actions(document));
    }
    if sections.follow_up {
        blocks.push(Block::Heading("Follow-up".to_owned()));
        blocks.push(Block::Paragraph(follow_up(document)));
    }
    let notes = provenance_notes(states);
    if !notes.is_empty() {
        blocks.push(Block::Heading("Notes".to_owned()));
        blocks.push(Block::Paragraph(notes));
    }
    blocks
}

fn charter_blocks<'a>(blocks: &mut Vec<Block<'a>>, document: &'a Document, states: &States<'a>) {
    let (current, current_report) = states.current;
    let charter = document.charter.as_ref();
    blocks.push(Block::Heading("Background".to_owned()));
    let background = charter.map(|c| c.background.trim()).filter(|b| !b.is_empty());
    blocks.push(Block::Paragraph(
        background.unwrap_or("No background written in the event charter yet.").to_owned(),
    ));
    let mut facts = Vec::new();
    if let Some(c) = charter {
        let first = c.scope_from.as_deref().map(|id| name_of(current, id));
        let last = c.scope_to.as_deref().map(|id| name_of(current, id));
        facts.push((
            "Scope",
            format!("{} → {}", first.unwrap_or_else(|| "—".into()), last.unwrap_or_else(|| "—".into())),
        ));
        facts.push((
            "Event",
            format!("{} – {}", c.start.as_deref().unwrap_or("—"), c.end.as_deref().unwrap_or("—")),
        ));
        facts.push(("Sponsor", if c.sponsor.is_empty() { "—".into() } else { c.sponsor.clone() }));
        facts.push(("Owner", if c.owner.is_empty() { "—".into() } else { c.owner.clone() }));
        facts.push(("Team", if c.team.is_empty() { "—".into() } else { c.team.join(", ") }));
    }
    if !facts.is_empty() {
        blocks.push(Block::Heading("Scope and team".to_owned()));
        blocks.push(Block::Facts(facts));
    }

    blocks.push(Block::Heading("Target condition".to_owned()));
    let targets = charter.map(|c| c.targets.as_slice()).unwrap_or_default();
    if targets.is_empty() {
        blocks.push(Block::Paragraph("No measurable targets set in the event charter yet.".to_owned()));
    } else {
        let figure = |report: Option<&MapReport>, metric: &str| {
            report
                .and_then(|r| serde_json::to_value(r).ok())
                .and_then(|v| v.get(metric).and_then(serde_json::Value::as_f64))
        };
        let rows = targets
            .iter()
            .map(|t| {
                let now = figure(Some(current_report), &t.metric);
                let future = figure(states.future.map(|f| f.1), &t.metric);
                let meets = |v: Option<f64>| {
                    v.map(|v| if lower_is_better(&t.metric) { v <= t.to } else { v >= t.to })
                };
                let status = match meets(future.or(now)) {
                    Some(true) => Cell::coloured("met", ink::GOOD),
                    Some(false) => Cell::coloured("not yet", ink::DANGER),
                    None => Cell::plain("—"),
                };
                vec![
                    Cell::plain(metric_label(&t.metric)),
                    Cell::plain(metric_value(&t.metric, now)),
                    Cell::plain(metric_value(&t.metric, future)),
                    Cell::plain(metric_value(&t.metric, Some(t.to))),
                    Cell::plain(t.by.clone().unwrap_or_else(|| "—".into())),
                    status,
                ]
            })
            .collect();
        blocks.push(Block::Table {
            columns: columns(&[
                ("Metric", 3.0),
                ("Current", 2.0),
                ("Future", 2.0),
                ("Target", 2.0),
                ("By", 2.2),
                ("", 1.6),
            ]),
            rows,
        });
    }
}

fn comparison_table<'a>(current_report: &MapReport, future_report: &MapReport) -> Block<'a> {
    let rows = headline_deltas(current_report, future_report)
        .into_iter()
        .filter(|d| d.metric != "lead_time_days" && (d.from.is_some() || d.to.is_some()))
        .map(|d| {
            let better =
                d.delta.map(|delta| if lower_is_better(&d.metric) { delta < 0.0 } else { delta > 0.0 });
            let colour = match (better, d.delta) {
                (_, Some(0.0)) | (None, _) => ink::INK,
                (Some(true), _) => ink::GOOD,
                (Some(false), _) => ink::DANGER,
            };
            vec![
                Cell::plain(metric_label(&d.metric)),
                Cell::plain(metric_value(&d.metric, d.from)),
                Cell::plain(metric_value(&d.metric, d.to)),
                Cell::coloured(d.delta.map_or_else(|| "—".into(), |v| delta_text(&d.metric, v)), colour),
                Cell::coloured(
                    d.delta_ratio.map_or_else(
                        || "—".into(),
                        |r| {
                            format!(
                                "{}{} %",
                                if r > 0.0 {
                                    "+"
                                } else if r < 0.0 {
                                    "−"
                                } else {
                                    ""
                                },
                                number(r.abs() * 100.0, 1)
                            )
                        },
                    ),
                    colour,
                ),
            ]
        })
        .collect();
    Block::Table {
        columns: columns(&[("Metric", 3.0), ("Current", 2.0), ("Future", 2.0), ("Change", 2.0), ("%", 1.6)]),
        rows,
    }
}

fn columns(spec: &[(&'static str, f32)]) -> Vec<Column> {
    spec.iter()
        .enumerate()
        .map(|(i, &(title, share))| Column {
            title,
            share,
            align: if i == 0 { Align::Left } else { Align::Right },
        })
        .collect()
}

fn push_map<'a>(
    blocks: &mut Vec<Block<'a>>,
    what: &str,
    map: &'a Map,
    report: &'a MapReport,
    width: f32,
    height: f32,
) {
    let title = if map.title.is_empty() { map.id.as_str() } else { map.title.as_str() };
    let parts = mapdraw::fit(map, report, width, height - 24.0);
    for part in parts {
        let heading = match part.part {
            Some((n, total)) => format!("{what}: {title} (part {n} of {total})"),
            None => format!("{what}: {title}"),
        };
        blocks.push(Block::Map(heading, part));
    }
    blocks.push(Block::Ladder(report));
}

/// What one of the map's days is (docs/file-format.md, "Days and seconds"), in the words of the
/// app's inspector: the lead time and the waits in days on the page are in these days (a step's
/// own times, printed as durations, are not).
fn day_basis(map: &Map) -> String {
    match map.calendar.as_ref().and_then(|c| c.day_basis).unwrap_or_default() {
        DayBasis::Working => {
            let day = vsm_metrics::Pace::of(map).day_length_s.ok();
            format!("{} (the working time of a day)", or_dash(day, duration))
        }
        DayBasis::Calendar => "24 h (calendar day)".to_owned(),
    }
}

fn headline_table<'a>(map: &Map, report: &MapReport) -> Block<'a> {
    let bottleneck = report.bottleneck.iter().map(|id| name_of(map, id)).collect::<Vec<_>>().join(", ");
    let row = |label: &str, value: String| vec![Cell::plain(label), Cell::plain(value)];
    let rows = vec![
        row(
            "Lead time",
            // In the map's days, as the app's metrics strip shows it, and in hours.
            format!(
                "{} ({} h)",
                or_dash(report.lead_time_days, days),
                or_dash(report.lead_time_s.map(|s| s / 3600.0), quantity)
            ),
        ),
        row("A day is", day_basis(map)),
        row("Processing time", or_dash(report.processing_time_s, duration)),
        row("Value-added ratio", or_dash(report.va_ratio, percent)),
        row("Takt", or_dash(report.takt_s, duration)),
        row("Rolled %C/A", or_dash(report.rolled_pca, percent)),
        row("Bottleneck", if bottleneck.is_empty() { "—".into() } else { bottleneck }),
        row("Warnings", report.warnings.len().to_string()),
    ];
    Block::Table { columns: columns(&[("Figure", 2.0), ("Value", 3.0)]), rows }
}

/// How often each waste is tagged: on every node of the current state, and on the future
/// state's bursts that the current state does not have (its other nodes are copies).
pub fn waste_pareto(states: &States<'_>) -> Vec<(String, usize)> {
    let (current, _) = states.current;
    let mut counts: std::collections::BTreeMap<Waste, usize> = std::collections::BTreeMap::new();
    let future_bursts = states.future.into_iter().flat_map(|(future, _)| {
        future.nodes.iter().filter(|n| n.kind == NodeKind::KaizenBurst && current.node(&n.id).is_none())
    });
    for node in current.nodes.iter().chain(future_bursts) {
        for waste in node.waste.iter().flatten() {
            *counts.entry(*waste).or_default() += 1;
        }
    }
    let mut bars: Vec<(Waste, usize)> = counts.into_iter().collect();
    // Largest first; ties in TIMWOODS order.
    bars.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    bars.into_iter().map(|(waste, count)| (waste.label().to_owned(), count)).collect()
}

/// The notes written on the current-state map: what the team saw, one per line.
fn map_notes(map: &Map) -> String {
    map.nodes
        .iter()
        .filter(|n| n.kind == NodeKind::Note)
        .filter_map(|n| {
            let text = n.text.as_deref().unwrap_or("").trim();
            match (n.name.trim(), text) {
                ("", "") => None,
                ("", text) => Some(format!("• {text}")),
                (title, "") => Some(format!("• {title}")),
                (title, text) => Some(format!("• {title}: {text}")),
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn bursts<'a>(document: &Document, states: &States<'_>) -> Block<'a> {
    let mut rows = Vec::new();
    let (current, _) = states.current;
    for (map, _) in std::iter::once(states.current).chain(states.future) {
        // The future state starts as a copy: its bursts that the current state has are the same ideas.
        let new_here = |id: &str| std::ptr::eq(map, current) || current.node(id).is_none();
        for node in map.nodes.iter().filter(|n| n.kind == NodeKind::KaizenBurst && new_here(&n.id)) {
            let about = node.target.as_deref().map_or_else(|| "—".to_owned(), |id| name_of(map, id));
            let owner = node
                .action
                .as_deref()
                .and_then(|id| document.actions.iter().find(|a| a.id == id))
                .map_or_else(
                    || "—".to_owned(),
                    |a| if a.owner.is_empty() { "unassigned".into() } else { a.owner.clone() },
                );
            let waste = node.waste.iter().flatten().map(|w| w.label()).collect::<Vec<_>>().join(", ");
            let waste = if waste.is_empty() { "—".to_owned() } else { waste };
            rows.push(vec![
                Cell::plain(node.name.clone()),
                Cell::plain(about),
                Cell::plain(waste),
                Cell::plain(owner),
            ]);
        }
    }
    if rows.is_empty() {
        return Block::Paragraph("No kaizen bursts on the maps yet.".to_owned());
    }
    Block::Table {
        columns: vec![
            Column { title: "Idea", share: 4.0, align: Align::Left },
            Column { title: "About", share: 2.5, align: Align::Left },
            Column { title: "Waste", share: 3.0, align: Align::Left },
            Column { title: "Owner", share: 1.8, align: Align::Left },
        ],
        rows,
    }
}

fn actions<'a>(document: &Document) -> Block<'a> {
    if document.actions.is_empty() {
        return Block::Paragraph("No actions planned yet.".to_owned());
    }
    let lead = |e: &Option<vsm_model::Effect>| {
        e.as_ref().and_then(|e| e.lead_time_s).map_or_else(|| "—".to_owned(), duration)
    };
    let rows = document
        .actions
        .iter()
        .map(|a| {
            let status = match a.status {
                ActionStatus::Planned => Cell::plain("planned"),
                ActionStatus::InProgress => Cell::plain("in progress"),
                ActionStatus::Done => Cell::coloured("done", ink::GOOD),
                ActionStatus::Dropped => Cell::coloured("dropped", ink::SOFT),
            };
            vec![
                Cell::plain(a.title.clone()),
                Cell::plain(if a.owner.is_empty() { "unassigned".into() } else { a.owner.clone() }),
                Cell::plain(a.due.clone().unwrap_or_else(|| "—".into())),
                status,
                Cell::plain(lead(&a.expected)),
                Cell::plain(lead(&a.actual)),
            ]
        })
        .collect();
    Block::Table {
        columns: vec![
            Column { title: "Action", share: 4.5, align: Align::Left },
            Column { title: "Owner", share: 1.8, align: Align::Left },
            Column { title: "Due", share: 1.7, align: Align::Left },
            Column { title: "Status", share: 1.5, align: Align::Left },
            Column { title: "Expected LT", share: 1.6, align: Align::Right },
            Column { title: "Actual LT", share: 1.6, align: Align::Right },
        ],
        rows,
    }
}

fn follow_up(document: &Document) -> String {
    if document.snapshots.is_empty() {
        return "No snapshot re-measured yet: take one in the Kaizen plan once changes are in place, and record it as the actual effect of the actions.".to_owned();
    }
    document
        .snapshots
        .iter()
        .map(|s| {
            let lead = vsm_metrics::report::map_report(&vsm_metrics::map_metrics(&s.map)).lead_time_s;
            let label = if s.label.is_empty() { s.id.as_str() } else { s.label.as_str() };
            format!("{label} ({}): lead time {}.", s.taken_on, or_dash(lead, duration))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// "~ estimated: Assembly #1 C/T; imported: …", so a reader knows which numbers are not measured.
fn provenance_notes(states: &States<'_>) -> String {
    let mut estimated = Vec::new();
    let mut imported = Vec::new();
    for (map, _) in std::iter::once(states.current).chain(states.future) {
        for node in &map.nodes {
            for (field, source) in node.provenance.iter().flatten() {
                let entry =
                    format!("{} {}", name_of(map, &node.id), field.trim_end_matches("_s").replace('_', " "));
                match source {
                    Provenance::Estimated if !estimated.contains(&entry) => estimated.push(entry),
                    Provenance::Imported if !imported.contains(&entry) => imported.push(entry),
                    _ => {}
                }
            }
        }
    }
    let mut notes = Vec::new();
    if !estimated.is_empty() {
        notes.push(format!("Estimated numbers (shown with ~): {}.", estimated.join("; ")));
    }
    if !imported.is_empty() {
        notes.push(format!("Imported numbers: {}.", imported.join("; ")));
    }
    notes.join("\n")
}
