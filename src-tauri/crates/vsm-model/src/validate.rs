//! Validation of a typed document: ranges, kinds, ids and references.
//!
//! This is the one gate every document passes, whether read from JSON, built by a change batch
//! or constructed in Rust, so the ranges of docs/file-format.md hold everywhere past it. A map
//! that is merely incomplete (no path to the customer yet) is valid: that is a metrics warning.

use std::collections::HashSet;

use crate::json::to_canonical_value;
use crate::kaizen::{TARGET_METRICS, is_date};
use crate::node::field_allowed;
use crate::node::{Distribution, MEASURABLE_FIELDS, Variability};
use crate::problem::{Problem, Problems, push_pointer, show_number};
use crate::{Calendar, Demand, DemandPeriod, Document, Edge, EdgeKind, Map, ModelError, Node, NodeKind};

/// Validates a whole document.
pub fn document(document: &Document) -> Result<(), ModelError> {
    let problems = document_problems(document);
    if problems.is_empty() { Ok(()) } else { Err(ModelError::Invalid(Problems(problems))) }
}

/// Every problem of a document, in document order.
pub fn document_problems(document: &Document) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut map_ids = HashSet::new();
    for (i, map) in document.maps.iter().enumerate() {
        let pointer = format!("/maps/{i}");
        if map.id.trim().is_empty() {
            problems.push(Problem::new(format!("{pointer}/id"), "map id must not be empty"));
        } else if !map_ids.insert(map.id.as_str()) {
            problems.push(Problem::new(format!("{pointer}/id"), format!("duplicate map id \"{}\"", map.id)));
        }
        map_problems(map, &pointer, &mut problems);
    }
    kaizen_problems(document, &mut problems);
    for (i, map) in document.maps.iter().enumerate() {
        if let Some(source) = &map.derived_from
            && document.map(source).is_none_or(|found| found.id == map.id)
        {
            problems.push(Problem::new(
                format!("/maps/{i}/derived_from"),
                format!("derived_from \"{source}\" is not another map of this document"),
            ));
        }
    }
    problems
}

/// Problems of the action plan, the charter and the snapshots, and of bursts' action links.
fn kaizen_problems(document: &Document, problems: &mut Vec<Problem>) {
    let date =
        |value: &Option<String>, pointer: String, field: &str, owner: &str, problems: &mut Vec<Problem>| {
            if let Some(text) = value
                && !is_date(text)
            {
                problems.push(Problem::new(
                    pointer,
                    format!("{field} must be a date written YYYY-MM-DD, got \"{text}\" ({owner})"),
                ));
            }
        };
    let mut action_ids = HashSet::new();
    for (i, action) in document.actions.iter().enumerate() {
        let at = format!("/actions/{i}");
        let owner = format!("action \"{}\"", action.id);
        if action.id.trim().is_empty() {
            problems.push(Problem::new(format!("{at}/id"), "action id must not be empty"));
        } else if !action_ids.insert(action.id.as_str()) {
            problems.push(Problem::new(format!("{at}/id"), format!("duplicate action id \"{}\"", action.id)));
        }
        if action.title.trim().is_empty() {
            problems.push(Problem::new(format!("{at}/title"), format!("an action needs a title ({owner})")));
        }
        date(&action.due, format!("{at}/due"), "due", &owner, problems);
        let map = action.map.as_deref().map(|id| (id, document.map(id)));
        if let Some((id, None)) = map {
            problems.push(Problem::new(
                format!("{at}/map"),
                format!("map \"{id}\" is not a map of this document ({owner})"),
            ));
        }
        if let Some(burst) = &action.burst {
            match map {
                None => problems.push(Problem::new(
                    format!("{at}/burst"),
                    format!("burst needs the action's map ({owner})"),
                )),
                Some((_, Some(map))) if map.node(burst).is_none_or(|n| n.kind != NodeKind::KaizenBurst) => {
                    problems.push(Problem::new(
                        format!("{at}/burst"),
                        format!("\"{burst}\" is not a kaizen burst of map \"{}\" ({owner})", map.id),
                    ))
                }
                _ => {}
            }
        }
        for (field, effect) in [("expected", &action.expected), ("actual", &action.actual)] {
            let Some(effect) = effect else { continue };
            let pointer = format!("{at}/{field}");
            let mut fields = Fields { pointer: &pointer, owner: &owner, problems };
            fields.check("lead_time_s", effect.lead_time_s, Range::NonNegative);
            fields.check("processing_time_s", effect.processing_time_s, Range::NonNegative);
            fields.check("va_ratio", effect.va_ratio, Range::NonNegative);
            fields.check("rolled_pca", effect.rolled_pca, Range::NonNegative);
            if let Some(snapshot) = &effect.snapshot
                && !document.snapshots.iter().any(|s| &s.id == snapshot)
            {
                fields
                    .fail("snapshot", format!("snapshot \"{snapshot}\" is not a snapshot of this document"));
            }
        }
    }
    for (m, map) in document.maps.iter().enumerate() {
        for (n, node) in map.nodes.iter().enumerate() {
            if let Some(action) = &node.action
                && !action_ids.contains(action.as_str())
            {
                problems.push(Problem::new(
                    format!("/maps/{m}/nodes/{n}/action"),
                    format!("action \"{action}\" of node \"{}\" is not an action of this document", node.id),
                ));
            }
        }
    }
    if let Some(charter) = &document.charter {
        let owner = "charter";
        date(&charter.start, "/charter/start".to_owned(), "start", owner, problems);
        date(&charter.end, "/charter/end".to_owned(), "end", owner, problems);
        if let (Some(start), Some(end)) = (&charter.start, &charter.end)
            && is_date(start)
            && is_date(end)
            && end < start
        {
            problems.push(Problem::new(
                "/charter/end",
                format!("the event ends ({end}) before it starts ({start})"),
            ));
        }
        let map = charter.map.as_deref().map(|id| (id, document.map(id)));
        if let Some((id, None)) = map {
            problems.push(Problem::new(
                "/charter/map",
                format!("map \"{id}\" is not a map of this document (charter)"),
            ));
        }
        for (field, step) in [("scope_from", &charter.scope_from), ("scope_to", &charter.scope_to)] {
            let Some(step) = step else { continue };
            match map {
                Some((_, Some(map))) if map.node(step).is_some() => {}
                _ => problems.push(Problem::new(
                    format!("/charter/{field}"),
                    format!("{field} \"{step}\" is not a step of the charter's map"),
                )),
            }
        }
        for (i, target) in charter.targets.iter().enumerate() {
            let at = format!("/charter/targets/{i}");
            if !TARGET_METRICS.contains(&target.metric.as_str()) {
                problems.push(Problem::new(
                    format!("{at}/metric"),
                    format!("metric \"{}\" is not one of {}", target.metric, TARGET_METRICS.join(", ")),
                ));
            }
            let mut fields = Fields { pointer: &at, owner: "charter target", problems };
            fields.check("from", target.from, Range::NonNegative);
            fields.check("to", Some(target.to), Range::NonNegative);
            date(&target.by, format!("{at}/by"), "by", "charter target", problems);
        }
    }
    let mut snapshot_ids = HashSet::new();
    for (i, snapshot) in document.snapshots.iter().enumerate() {
        let at = format!("/snapshots/{i}");
        if snapshot.id.trim().is_empty() {
            problems.push(Problem::new(format!("{at}/id"), "snapshot id must not be empty"));
        } else if !snapshot_ids.insert(snapshot.id.as_str()) {
            problems
                .push(Problem::new(format!("{at}/id"), format!("duplicate snapshot id \"{}\"", snapshot.id)));
        }
        if !is_date(&snapshot.taken_on) {
            problems.push(Problem::new(
                format!("{at}/taken_on"),
                format!(
                    "taken_on must be a date written YYYY-MM-DD, got \"{}\" (snapshot \"{}\")",
                    snapshot.taken_on, snapshot.id
                ),
            ));
        }
        map_problems(&snapshot.map, &format!("{at}/map"), problems);
    }
}

/// Problems of one map, at `pointer` (e.g. `/maps/0`).
pub fn map_problems(map: &Map, pointer: &str, problems: &mut Vec<Problem>) {
    let owner = format!("map \"{}\"", map.id);
    if let Some(calendar) = &map.calendar {
        calendar_problems(calendar, &push_pointer(pointer, "calendar"), &owner, problems);
    }
    if let Some(demand) = &map.demand {
        demand_problems(demand, &push_pointer(pointer, "demand"), &owner, problems);
    }

    let mut ids = HashSet::new();
    for (i, node) in map.nodes.iter().enumerate() {
        let at = format!("{pointer}/nodes/{i}");
        check_id(&node.id, "node", &at, &mut ids, problems);
        node_problems(node, &at, problems);
    }
    let node_ids: HashSet<&str> = map.nodes.iter().map(|node| node.id.as_str()).collect();
    for (i, node) in map.nodes.iter().enumerate() {
        if let Some(target) = &node.target
            && !node_ids.contains(target.as_str())
        {
            problems.push(Problem::new(
                format!("{pointer}/nodes/{i}/target"),
                format!("target \"{target}\" of node \"{}\" is not a node of this map", node.id),
            ));
        }
    }
    for (i, edge) in map.edges.iter().enumerate() {
        let at = format!("{pointer}/edges/{i}");
        check_id(&edge.id, "edge", &at, &mut ids, problems);
        edge_problems(edge, &at, &node_ids, problems);
    }
}

fn check_id<'a>(
    id: &'a str,
    what: &str,
    pointer: &str,
    ids: &mut HashSet<&'a str>,
    problems: &mut Vec<Problem>,
) {
    if id.trim().is_empty() {
        problems.push(Problem::new(format!("{pointer}/id"), format!("{what} id must not be empty")));
    } else if !ids.insert(id) {
        problems.push(Problem::new(
            format!("{pointer}/id"),
            format!("duplicate id \"{id}\": node and edge ids must be unique within a map"),
        ));
    }
}

/// Allowed ranges of numeric fields.
#[derive(Clone, Copy)]
enum Range {
    /// Any finite number (positions).
    Finite,
    /// ≥ 0.
    NonNegative,
    /// > 0.
    Positive,
    /// (0, 1].
    FractionAboveZero,
    /// [0, 1).
    FractionBelowOne,
    /// A whole number ≥ 1.
    WholePositive,
}

impl Range {
    fn holds(self, value: f64) -> bool {
        match self {
            Range::Finite => true,
            Range::NonNegative => value >= 0.0,
            Range::Positive => value > 0.0,
            Range::FractionAboveZero => value > 0.0 && value <= 1.0,
            Range::FractionBelowOne => (0.0..1.0).contains(&value),
            Range::WholePositive => value >= 1.0 && value.fract() == 0.0,
        }
    }

    fn rule(self) -> &'static str {
        match self {
            Range::Finite => "be a finite number",
            Range::NonNegative => "be ≥ 0",
            Range::Positive => "be > 0",
            Range::FractionAboveZero => "be in (0, 1]",
            Range::FractionBelowOne => "be in [0, 1)",
            Range::WholePositive => "be a whole number ≥ 1",
        }
    }
}

/// Collects range problems of the fields of one object.
struct Fields<'a> {
    pointer: &'a str,
    owner: &'a str,
    problems: &'a mut Vec<Problem>,
}

impl Fields<'_> {
    fn check(&mut self, field: &str, value: Option<f64>, range: Range) {
        let Some(value) = value else { return };
        let rule = if value.is_finite() { range.rule() } else { "be a finite number" };
        if !value.is_finite() || !range.holds(value) {
            self.problems.push(Problem::new(
                push_pointer(self.pointer, field),
                format!("{field} must {rule}, got {} ({})", show_number(value), self.owner),
            ));
        }
    }

    fn fail(&mut self, field: &str, message: String) {
        self.problems
            .push(Problem::new(push_pointer(self.pointer, field), format!("{message} ({})", self.owner)));
    }
}

fn calendar_problems(calendar: &Calendar, pointer: &str, owner: &str, problems: &mut Vec<Problem>) {
    let mut fields = Fields { pointer, owner, problems };
    fields.check("shift_s", Some(calendar.shift_s), Range::Positive);
    fields.check("breaks_s", calendar.breaks_s, Range::NonNegative);
    fields.check("shifts_per_day", calendar.shifts_per_day, Range::WholePositive);
    let breaks = calendar.breaks_s.unwrap_or(0.0);
    if calendar.shift_s.is_finite()
        && breaks.is_finite()
        && calendar.shift_s > 0.0
        && breaks >= calendar.shift_s
    {
        fields.fail(
            "breaks_s",
            format!(
                "breaks_s ({}) must be shorter than shift_s ({}): no working time is left",
                show_number(breaks),
                show_number(calendar.shift_s)
            ),
        );
    }
    let shifts = calendar.shifts_per_day.unwrap_or(1.0);
    if calendar.shift_s * shifts > 86_400.0 {
        fields.fail(
            "shifts_per_day",
            format!(
                "{} shifts of {} s do not fit in one day (86400 s)",
                show_number(shifts),
                show_number(calendar.shift_s)
            ),
        );
    }
}

fn demand_problems(demand: &Demand, pointer: &str, owner: &str, problems: &mut Vec<Problem>) {
    let mut fields = Fields { pointer, owner, problems };
    fields.check("quantity", Some(demand.quantity), Range::NonNegative);
    fields.check("working_days_per_period", demand.working_days_per_period, Range::Positive);
    fields.check("pack_quantity", demand.pack_quantity, Range::Positive);
    if demand.per != DemandPeriod::Day && demand.working_days_per_period.is_none() {
        fields.fail(
            "working_days_per_period",
            "working_days_per_period is required when demand is not per day".to_owned(),
        );
    }
}

/// Range, kind and consistency problems of one node, at `pointer`.
pub fn node_problems(node: &Node, pointer: &str, problems: &mut Vec<Problem>) {
    let owner = format!("node \"{}\"", node.id);
    if let Some(object) = to_canonical_value(node).as_object() {
        for key in object.keys() {
            if !field_allowed(node.kind, key) {
                problems.push(Problem::new(
                    push_pointer(pointer, key),
                    format!("field {key} does not belong to a node of kind {} ({owner})", node.kind.as_str()),
                ));
            }
        }
    }
    let mut fields = Fields { pointer, owner: &owner, problems };
    fields.check("x", Some(node.x), Range::Finite);
    fields.check("y", Some(node.y), Range::Finite);
    fields.check("cycle_time_s", node.cycle_time_s, Range::Positive);
    fields.check("changeover_s", node.changeover_s, Range::NonNegative);
    fields.check("uptime", node.uptime, Range::FractionAboveZero);
    fields.check("operators", node.operators, Range::NonNegative);
    fields.check("shifts", node.shifts, Range::WholePositive);
    fields.check("parallel", node.parallel, Range::WholePositive);
    fields.check("epe_days", node.epe_days, Range::Positive);
    fields.check("scrap", node.scrap, Range::FractionBelowOne);
    fields.check("changeovers_per_shift", node.changeovers_per_shift, Range::NonNegative);
    fields.check("process_time_s", node.process_time_s, Range::NonNegative);
    fields.check("lead_time_s", node.lead_time_s, Range::NonNegative);
    fields.check("pca", node.pca, Range::FractionAboveZero);
    fields.check("quantity", node.quantity, Range::NonNegative);
    fields.check("duration_days", node.duration_days, Range::NonNegative);
    fields.check("wait_s", node.wait_s, Range::NonNegative);
    fields.check("max_quantity", node.max_quantity, Range::Positive);
    if let Some(provenance) = &node.provenance {
        for field in provenance.keys() {
            if !MEASURABLE_FIELDS.contains(&field.as_str()) || !field_allowed(node.kind, field) {
                problems.push(Problem::new(
                    push_pointer(&push_pointer(pointer, "provenance"), field),
                    format!(
                        "provenance names {field}, which is not a number of a node of kind {} ({owner})",
                        node.kind.as_str()
                    ),
                ));
            }
        }
    }
    if let Some(waste) = &node.waste {
        for (i, kind) in waste.iter().enumerate() {
            if waste[..i].contains(kind) {
                problems.push(Problem::new(
                    push_pointer(&push_pointer(pointer, "waste"), i.to_string()),
                    format!("waste lists {} twice ({owner})", kind.label().to_lowercase()),
                ));
            }
        }
    }
    if let Some(variability) = &node.variability {
        variability_problems(variability, &push_pointer(pointer, "variability"), &owner, problems);
    }
    let mut fields = Fields { pointer, owner: &owner, problems };

    if let (Some(lt), Some(pt)) = (node.lead_time_s, node.process_time_s)
        && lt < pt
    {
        fields.fail(
            "lead_time_s",
            format!(
                "lead_time_s ({}) must be ≥ process_time_s ({}): a step cannot take less time than its work",
                show_number(lt),
                show_number(pt)
            ),
        );
    }
    if node.kind.is_stock() {
        let given: Vec<&str> = [
            ("quantity", node.quantity.is_some()),
            ("duration_days", node.duration_days.is_some()),
            ("wait_s", node.wait_s.is_some()),
        ]
        .into_iter()
        .filter_map(|(name, present)| present.then_some(name))
        .collect();
        if given.len() > 1 {
            fields.fail(
                given[1],
                format!("give only one of quantity, duration_days and wait_s, not {}", given.join(" and ")),
            );
        }
    }
    if node.kind == NodeKind::KaizenBurst && node.target.as_deref() == Some(node.id.as_str()) {
        fields.fail("target", "a kaizen burst cannot target itself".to_owned());
    }
}

fn variability_problems(variability: &Variability, pointer: &str, owner: &str, problems: &mut Vec<Problem>) {
    let mut fields = Fields { pointer, owner, problems };
    fields.check("min_s", Some(variability.min_s), Range::NonNegative);
    fields.check("mode_s", variability.mode_s, Range::NonNegative);
    fields.check("max_s", Some(variability.max_s), Range::NonNegative);
    let name = variability.distribution.as_str();
    match (variability.distribution, variability.mode_s) {
        (Distribution::Uniform, Some(_)) => fields.fail(
            "mode_s",
            "a uniform range has no mode_s; use triangular or pert for a most likely time".to_owned(),
        ),
        (Distribution::Triangular | Distribution::Pert, None) => {
            fields.fail("mode_s", format!("a {name} distribution needs mode_s, the most likely time"))
        }
        _ => {}
    }
    let (min, max) = (variability.min_s, variability.max_s);
    let mode = variability.mode_s.unwrap_or(min);
    if min.is_finite() && max.is_finite() && mode.is_finite() && !(min <= mode && mode <= max) {
        let order =
            if variability.mode_s.is_some() { "min_s ≤ mode_s ≤ max_s" } else { "min_s ≤ max_s" };
        fields.fail(
            "max_s",
            format!(
                "{order} is required, got min_s {}, {}max_s {}",
                show_number(min),
                variability.mode_s.map(|m| format!("mode_s {}, ", show_number(m))).unwrap_or_default(),
                show_number(max)
            ),
        );
    }
}

fn edge_problems(edge: &Edge, pointer: &str, node_ids: &HashSet<&str>, problems: &mut Vec<Problem>) {
    let owner = format!("edge \"{}\"", edge.id);
    for (field, end) in [("from", &edge.from), ("to", &edge.to)] {
        if !node_ids.contains(end.as_str()) {
            problems.push(Problem::new(
                push_pointer(pointer, field),
                format!("{field} \"{end}\" is not a node of this map ({owner})"),
            ));
        }
    }
    let mut fields = Fields { pointer, owner: &owner, problems };
    if edge.from == edge.to {
        fields.fail("to", format!("an edge cannot connect node \"{}\" to itself", edge.to));
    }
    match (edge.kind, edge.probability) {
        (EdgeKind::Rework, None) => {
            fields.fail("probability", "a rework edge needs a probability in [0, 1)".to_owned())
        }
        (EdgeKind::Rework, probability) => fields.check("probability", probability, Range::FractionBelowOne),
        (kind, Some(_)) => fields.fail(
            "probability",
            format!("field probability does not belong to an edge of kind {}", kind.as_str()),
        ),
        (_, None) => {}
    }
}
