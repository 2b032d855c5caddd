//! The metrics report: what `vsm metrics --json` prints and what the app receives over IPC
//! (docs/file-format.md). One set of types for both, so the CLI, the golden test files and the
//! generated TypeScript types cannot drift apart. A figure that cannot be computed is `null` with
//! a sibling `<key>_reason`.

use serde::Serialize;
use serde_json::Value;
use vsm_model::NodeKind;
use vsm_model::json::normalize_numbers;

use crate::{Figure, MapMetrics, StepMetrics, Warning};

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
    MapReport {
        id: metrics.id.clone(),
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
        critical_path: metrics.critical_path.clone(),
        bottleneck: metrics.bottleneck.clone(),
        steps: metrics.steps.iter().map(step_report).collect(),
        warnings: metrics.warnings.iter().map(warning_report).collect(),
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
    StepReport {
        id: step.id.clone(),
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
    }
}

fn warning_report(warning: &Warning) -> WarningReport {
    WarningReport {
        code: warning.code.to_owned(),
        node: warning.node.clone(),
        message: warning.message.clone(),
    }
}
