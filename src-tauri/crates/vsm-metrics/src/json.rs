//! The `vsm metrics --json` output (docs/file-format.md): one object per map with the documented
//! keys; a figure that cannot be computed is `null` with a sibling `<key>_reason`.

use serde_json::{Map as JsonObject, Value, json};
use vsm_model::json::normalize_numbers;

use crate::{Figure, MapMetrics, StepMetrics};

/// The `format` of the metrics output.
pub const METRICS_FORMAT: &str = "kaizen-vsm-metrics";
/// The version of the metrics output.
pub const METRICS_VERSION: u64 = 1;

/// The whole `vsm metrics --json` object.
pub fn metrics_json(maps: &[MapMetrics]) -> Value {
    let mut value = json!({
        "format": METRICS_FORMAT,
        "version": METRICS_VERSION,
        "maps": maps.iter().map(map_json).collect::<Vec<_>>(),
    });
    normalize_numbers(&mut value);
    value
}

/// One map's entry.
pub fn map_json(metrics: &MapMetrics) -> Value {
    let mut object = JsonObject::new();
    object.insert("id".into(), Value::from(metrics.id.clone()));
    let pace = &metrics.pace;
    figure(&mut object, "takt_s", &pace.takt_s);
    figure(&mut object, "available_s_per_shift", &pace.available_s_per_shift);
    figure(&mut object, "daily_demand", &pace.daily_demand);
    figure(&mut object, "lead_time_s", &metrics.lead_time_s);
    figure(&mut object, "lead_time_first_pass_s", &metrics.lead_time_first_pass_s);
    figure(&mut object, "lead_time_days", &metrics.lead_time_days);
    figure(&mut object, "processing_time_s", &metrics.processing_time_s);
    figure(&mut object, "va_ratio", &metrics.va_ratio);
    figure(&mut object, "rolled_pca", &metrics.rolled_pca);
    object.insert("critical_path".into(), json!(metrics.critical_path));
    object.insert("bottleneck".into(), json!(metrics.bottleneck));
    object.insert("steps".into(), Value::Array(metrics.steps.iter().map(step_json).collect()));
    object.insert(
        "warnings".into(),
        Value::Array(
            metrics
                .warnings
                .iter()
                .map(|w| json!({"code": w.code, "node": w.node, "message": w.message}))
                .collect(),
        ),
    );
    Value::Object(object)
}

fn step_json(step: &StepMetrics) -> Value {
    let mut object = JsonObject::new();
    object.insert("id".into(), Value::from(step.id.clone()));
    object.insert("kind".into(), Value::from(step.kind.as_str()));
    optional(&mut object, "wait_s", step.wait_s.as_ref());
    optional(&mut object, "wait_days", step.wait_days.as_ref());
    let data_box = step.data_box.as_ref();
    optional(&mut object, "effective_cycle_time_s", data_box.map(|b| &b.effective_cycle_time_s));
    optional(&mut object, "capacity_per_shift", data_box.map(|b| &b.capacity_per_shift));
    optional(&mut object, "load_ratio", data_box.map(|b| &b.load_ratio));
    match data_box.map(|b| &b.over_takt) {
        Some(Ok(over)) => {
            object.insert("over_takt".into(), Value::Bool(*over));
        }
        Some(Err(reason)) => {
            object.insert("over_takt".into(), Value::Null);
            object.insert("over_takt_reason".into(), Value::from(reason.0.clone()));
        }
        None => {
            object.insert("over_takt".into(), Value::Null);
        }
    }
    object.insert("passes".into(), json!(step.passes));
    Value::Object(object)
}

/// Inserts `key` with the figure's value, or `null` plus `<key>_reason`.
fn figure(object: &mut JsonObject<String, Value>, key: &str, figure: &Figure) {
    match figure {
        Ok(value) if value.is_finite() => {
            object.insert(key.into(), json!(value));
        }
        Ok(_) => {
            object.insert(key.into(), Value::Null);
            object.insert(format!("{key}_reason"), Value::from("the calculation overflowed"));
        }
        Err(reason) => {
            object.insert(key.into(), Value::Null);
            object.insert(format!("{key}_reason"), Value::from(reason.0.clone()));
        }
    }
}

/// Like [`figure`], but a figure that does not apply to the node is a plain `null`.
fn optional(object: &mut JsonObject<String, Value>, key: &str, value: Option<&Figure>) {
    match value {
        Some(value) => figure(object, key, value),
        None => {
            object.insert(key.into(), Value::Null);
        }
    }
}
