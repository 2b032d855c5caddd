//! The metrics report: what `vsm metrics --json` prints and what the app receives over IPC
//! (docs/file-format.md). One set of types for both, so the CLI, the golden test files and the
//! generated TypeScript types cannot drift apart. A figure that cannot be computed is `null` with
//! a sibling `<key>_reason`.

use serde::Serialize;
use serde_json::Value;
use vsm_model::NodeKind;
use vsm_model::json::normalize_numbers;

use crate::{Figure, MapMetrics, MonteCarlo, StepMetrics, Warning};

/// The `format` of the metrics report.
pub const METRICS_FORMAT: &str = "kaizen-vsm-metrics";
/// The version of the metrics report.
pub const METRICS_VERSION: u32 = 1;

/// The metrics of a document: one entry per map.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct MetricsReport {
    /// Always `kaizen-vsm-metrics`.
    pub format: String,
    /// Version of this report's shape.
    pub version: u32,
    /// One entry per map, in document order.
    pub maps: Vec<MapReport>,
}

/// The metrics of one map.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct MapReport {
    /// Map id.
    pub id: String,
    /// Takt time in seconds.
    pub takt_s: Option<f64>,
    /// Why `takt_s` is null.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub takt_s_reason: Option<String>,
    /// Available seconds per shift.
    pub available_s_per_shift: Option<f64>,
    /// Why `available_s_per_shift` is null.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub available_s_per_shift_reason: Option<String>,
    /// Customer demand per working day.
    pub daily_demand: Option<f64>,
    /// Why `daily_demand` is null.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub daily_demand_reason: Option<String>,
    /// Expected lead time in seconds, rework included.
    pub lead_time_s: Option<f64>,
    /// Why `lead_time_s` is null.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lead_time_s_reason: Option<String>,
    /// Lead time in seconds without rework.
    pub lead_time_first_pass_s: Option<f64>,
    /// Why `lead_time_first_pass_s` is null.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lead_time_first_pass_s_reason: Option<String>,
    /// Lead time in days of the map's day basis.
    pub lead_time_days: Option<f64>,
    /// Why `lead_time_days` is null.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lead_time_days_reason: Option<String>,
    /// Processing time in seconds on the critical path.
    pub processing_time_s: Option<f64>,
    /// Why `processing_time_s` is null.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub processing_time_s_reason: Option<String>,
    /// Processing time ÷ lead time, a fraction.
    pub va_ratio: Option<f64>,
    /// Why `va_ratio` is null.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub va_ratio_reason: Option<String>,
    /// Rolled %C/A, a fraction.
    pub rolled_pca: Option<f64>,
    /// Why `rolled_pca` is null.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rolled_pca_reason: Option<String>,
    /// Node ids of the critical path, in order.
    pub critical_path: Vec<String>,
    /// Node ids of the bottleneck(s).
    pub bottleneck: Vec<String>,
    /// One entry per node on the material flow, in flow order.
    pub steps: Vec<StepReport>,
    /// What the user should know about the map.
    pub warnings: Vec<WarningReport>,
    /// Pitch: takt × pack quantity, seconds.
    pub pitch_s: Option<f64>,
    /// Why `pitch_s` is null.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pitch_s_reason: Option<String>,
    /// The processes whose balance is reported (default: every process with a C/T).
    pub cell: Vec<String>,
    /// Σ manual C/T of the cell ÷ takt.
    pub operators_needed: Option<f64>,
    /// Why `operators_needed` is null.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub operators_needed_reason: Option<String>,
    /// `operators_needed` rounded up.
    pub operators_needed_rounded: Option<f64>,
    /// Why `operators_needed_rounded` is null.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub operators_needed_rounded_reason: Option<String>,
    /// Σ work content ÷ (stations × takt).
    pub takt_utilisation: Option<f64>,
    /// Why `takt_utilisation` is null.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub takt_utilisation_reason: Option<String>,
    /// Σ work content ÷ (stations × longest station interval).
    pub balance_efficiency: Option<f64>,
    /// Why `balance_efficiency` is null.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub balance_efficiency_reason: Option<String>,
    /// People needed for the demand: processing time × daily demand ÷ available time per person.
    pub labour_required: Option<f64>,
    /// Why `labour_required` is null.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub labour_required_reason: Option<String>,
    /// The timeline ladder along the critical path.
    pub timeline: Vec<RungReport>,
    /// The Monte Carlo lead-time distribution (only when it was asked for).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub monte_carlo: Option<MonteCarlo>,
    /// Why the Monte Carlo asked for could not run.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub monte_carlo_reason: Option<String>,
}

/// One rung of the timeline ladder.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct RungReport {
    /// Node id.
    pub id: String,
    /// `wait` (a stock, drawn up) or `step` (a process, drawn down).
    pub segment: String,
    /// Elapsed seconds, rework included.
    pub elapsed_s: f64,
    /// Value-added seconds, rework included.
    pub value_added_s: f64,
}

/// The figures of one node on the material flow; `null` where a figure does not apply.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct StepReport {
    /// Node id.
    pub id: String,
    /// Node kind.
    pub kind: NodeKind,
    /// A stock's wait in seconds.
    pub wait_s: Option<f64>,
    /// Why `wait_s` is null although the node is a stock.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wait_s_reason: Option<String>,
    /// A stock's wait in days.
    pub wait_days: Option<f64>,
    /// Why `wait_days` is null although the node is a stock.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wait_days_reason: Option<String>,
    /// A process's C/T ÷ uptime.
    pub effective_cycle_time_s: Option<f64>,
    /// Why `effective_cycle_time_s` is null although the node is a process.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub effective_cycle_time_s_reason: Option<String>,
    /// A process's capacity per shift.
    pub capacity_per_shift: Option<f64>,
    /// Why `capacity_per_shift` is null although the node is a process.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub capacity_per_shift_reason: Option<String>,
    /// A process's load ratio.
    pub load_ratio: Option<f64>,
    /// Why `load_ratio` is null although the node is a process.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub load_ratio_reason: Option<String>,
    /// Whether a process's effective C/T ÷ parallel exceeds takt.
    pub over_takt: Option<bool>,
    /// Why `over_takt` is null although the node is a process.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub over_takt_reason: Option<String>,
    /// Expected passes through the node from rework loops.
    pub passes: f64,
    /// Whether a process's plain C/T ÷ parallel exceeds takt (before uptime).
    pub cycle_time_over_takt: Option<bool>,
    /// Manual work per operator per piece (C/T ÷ operators), for the operator balance chart.
    pub operator_load_s: Option<f64>,
    /// A process's EPE batch: EPE days × daily demand.
    pub epe_batch: Option<f64>,
    /// Why `epe_batch` is null although the process has an EPE.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub epe_batch_reason: Option<String>,
    /// Changeovers the process has time for per day.
    pub changeovers_possible_per_day: Option<f64>,
    /// Why `changeovers_possible_per_day` is null although the process has a C/O.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub changeovers_possible_per_day_reason: Option<String>,
}

/// A warning, as reported.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct WarningReport {
    /// Stable code (docs/metrics.md, "Warnings").
    pub code: String,
    /// The node concerned, if any.
    pub node: Option<String>,
    /// What is wrong and what was assumed.
    pub message: String,
}

/// Builds the report of several maps.
pub fn report(maps: &[MapMetrics]) -> MetricsReport {
    MetricsReport {
        format: METRICS_FORMAT.to_owned(),
        version: METRICS_VERSION,
        maps: maps.iter().map(map_report).collect(),
    }
}

/// The report as JSON with whole numbers written without a fraction (the CLI's output).
pub fn report_json(maps: &[MapMetrics]) -> Value {
    let mut value = serde_json::to_value(report(maps)).unwrap_or(Value::Null);
    normalize_numbers(&mut value);
    value
}

/// Splits a figure into its value and its reason; an overflow (not finite) becomes a reason.
fn split(figure: &Figure) -> (Option<f64>, Option<String>) {
    match figure {
        Ok(value) if value.is_finite() => (Some(*value), None),
        Ok(_) => (None, Some("the calculation overflowed".to_owned())),
        Err(reason) => (None, Some(reason.0.clone())),
    }
}

/// Like [`split`] for a figure that may not apply to the node (then both are null).
fn split_optional(figure: Option<&Figure>) -> (Option<f64>, Option<String>) {
    figure.map_or((None, None), split)
}

/// One map's report.
pub fn map_report(metrics: &MapMetrics) -> MapReport {
    let pace = &metrics.pace;
    let (takt_s, takt_s_reason) = split(&pace.takt_s);
    let (available_s_per_shift, available_s_per_shift_reason) = split(&pace.available_s_per_shift);
    let (daily_demand, daily_demand_reason) = split(&pace.daily_demand);
    let (lead_time_s, lead_time_s_reason) = split(&metrics.lead_time_s);
    let (lead_time_first_pass_s, lead_time_first_pass_s_reason) = split(&metrics.lead_time_first_pass_s);
    let (lead_time_days, lead_time_days_reason) = split(&metrics.lead_time_days);
    let (processing_time_s, processing_time_s_reason) = split(&metrics.processing_time_s);
    let (va_ratio, va_ratio_reason) = split(&metrics.va_ratio);
    let (rolled_pca, rolled_pca_reason) = split(&metrics.rolled_pca);
    let (pitch_s, pitch_s_reason) = split(&pace.pitch_s);
    let balance = &metrics.balance;
    let (operators_needed, operators_needed_reason) = split(&balance.operators_needed);
    let (operators_needed_rounded, operators_needed_rounded_reason) =
        split(&balance.operators_needed_rounded);
    let (takt_utilisation, takt_utilisation_reason) = split(&balance.takt_utilisation);
    let (balance_efficiency, balance_efficiency_reason) = split(&balance.balance_efficiency);
    let (labour_required, labour_required_reason) = split(&balance.labour_required);
    let (monte_carlo, monte_carlo_reason) = match &metrics.monte_carlo {
        None => (None, None),
        Some(Ok(mc)) => (Some(mc.clone()), None),
        Some(Err(reason)) => (None, Some(reason.0.clone())),
    };
    MapReport {
        id: metrics.id.to_owned(),
        takt_s,
        takt_s_reason,
        available_s_per_shift,
        available_s_per_shift_reason,
        daily_demand,
        daily_demand_reason,
        lead_time_s,
        lead_time_s_reason,
        lead_time_first_pass_s,
        lead_time_first_pass_s_reason,
        lead_time_days,
        lead_time_days_reason,
        processing_time_s,
        processing_time_s_reason,
        va_ratio,
        va_ratio_reason,
        rolled_pca,
        rolled_pca_reason,
        critical_path: metrics.critical_path.iter().map(|id| (*id).to_owned()).collect(),
        bottleneck: metrics.bottleneck.iter().map(|id| (*id).to_owned()).collect(),
        steps: metrics.steps.iter().map(step_report).collect(),
        warnings: metrics.warnings.iter().map(warning_report).collect(),
        pitch_s,
        pitch_s_reason,
        cell: balance.cell.iter().map(|id| (*id).to_owned()).collect(),
        operators_needed,
        operators_needed_reason,
        operators_needed_rounded,
        operators_needed_rounded_reason,
        takt_utilisation,
        takt_utilisation_reason,
        balance_efficiency,
        balance_efficiency_reason,
        labour_required,
        labour_required_reason,
        timeline: metrics
            .ladder
            .iter()
            .map(|rung| RungReport {
                id: rung.id.to_owned(),
                segment: if rung.wait { "wait" } else { "step" }.to_owned(),
                elapsed_s: rung.elapsed_s,
                value_added_s: rung.work_s,
            })
            .collect(),
        monte_carlo,
        monte_carlo_reason,
    }
}

fn step_report(step: &StepMetrics) -> StepReport {
    let data_box = step.data_box.as_ref();
    let (wait_s, wait_s_reason) = split_optional(step.wait_s.as_ref());
    let (wait_days, wait_days_reason) = split_optional(step.wait_days.as_ref());
    let (effective_cycle_time_s, effective_cycle_time_s_reason) =
        split_optional(data_box.map(|b| &b.effective_cycle_time_s));
    let (capacity_per_shift, capacity_per_shift_reason) =
        split_optional(data_box.map(|b| &b.capacity_per_shift));
    let (load_ratio, load_ratio_reason) = split_optional(data_box.map(|b| &b.load_ratio));
    let (over_takt, over_takt_reason) = match data_box.map(|b| &b.over_takt) {
        Some(Ok(over)) => (Some(*over), None),
        Some(Err(reason)) => (None, Some(reason.0.clone())),
        None => (None, None),
    };
    let (epe_batch, epe_batch_reason) = split_optional(data_box.and_then(|b| b.epe_batch.as_ref()));
    let (changeovers_possible_per_day, changeovers_possible_per_day_reason) =
        split_optional(data_box.and_then(|b| b.changeovers_possible_per_day.as_ref()));
    StepReport {
        id: step.id.to_owned(),
        kind: step.kind,
        wait_s,
        wait_s_reason,
        wait_days,
        wait_days_reason,
        effective_cycle_time_s,
        effective_cycle_time_s_reason,
        capacity_per_shift,
        capacity_per_shift_reason,
        load_ratio,
        load_ratio_reason,
        over_takt,
        over_takt_reason,
        passes: step.passes,
        cycle_time_over_takt: data_box.and_then(|b| b.cycle_time_over_takt.clone().ok()),
        operator_load_s: data_box.and_then(|b| b.operator_load_s),
        epe_batch,
        epe_batch_reason,
        changeovers_possible_per_day,
        changeovers_possible_per_day_reason,
    }
}

fn warning_report(warning: &Warning) -> WarningReport {
    WarningReport {
        code: warning.code.to_owned(),
        node: warning.node.clone(),
        message: warning.message.clone(),
    }
}
