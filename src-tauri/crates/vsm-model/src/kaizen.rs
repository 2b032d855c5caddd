//! The Kaizen loop's records: the action plan, the event charter (the frame of the A3) and dated
//! snapshots of maps. They live in the document beside the maps, change through the same change
//! batches, and are validated by the same gate.

use serde::{Deserialize, Serialize};

use crate::Map;

/// Where an action stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ActionStatus {
    /// Agreed, not started.
    #[default]
    Planned,
    /// Being worked on.
    InProgress,
    /// Finished.
    Done,
    /// Abandoned (kept for the record).
    Dropped,
}

/// Headline figures of a map: what an action is expected to achieve, or what it achieved.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct Effect {
    /// Lead time, seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead_time_s: Option<f64>,
    /// Processing time, seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub processing_time_s: Option<f64>,
    /// Value-added ratio, a fraction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub va_ratio: Option<f64>,
    /// Rolled %C/A, a fraction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rolled_pca: Option<f64>,
    /// The snapshot the figures were measured on (actual effects).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub snapshot: Option<String>,
}

/// One countermeasure of the Kaizen action plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct Action {
    /// Unique among the document's actions.
    pub id: String,
    /// What is to be done.
    pub title: String,
    /// Who does it.
    #[serde(default)]
    pub owner: String,
    /// When it is due, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<String>,
    /// Where it stands.
    #[serde(default)]
    pub status: ActionStatus,
    /// The map it improves (usually a future state).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub map: Option<String>,
    /// The kaizen burst on that map that stands for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub burst: Option<String>,
    /// The improvement rule that suggested it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    /// The figures projected for the map once it is done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected: Option<Effect>,
    /// The figures measured after it was done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual: Option<Effect>,
    /// Free notes.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
}

/// A measurable target of the Kaizen event, e.g. lead time 23.6 → 5 days by 2027-06-30.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct Target {
    /// The figure, a key of the metrics report (`lead_time_s`, `va_ratio`, …).
    pub metric: String,
    /// Where it starts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<f64>,
    /// Where it should get to.
    pub to: f64,
    /// By when, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
}

/// The Kaizen event charter: the frame of the A3.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct Charter {
    /// The theme of the event.
    #[serde(default)]
    pub theme: String,
    /// Who sponsors it.
    #[serde(default)]
    pub sponsor: String,
    /// Who owns the value stream.
    #[serde(default)]
    pub owner: String,
    /// The team.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub team: Vec<String>,
    /// The map whose value stream is in scope (usually the current state).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub map: Option<String>,
    /// First step in scope (a node id of `map`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope_from: Option<String>,
    /// Last step in scope (a node id of `map`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope_to: Option<String>,
    /// First day of the event, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    /// Last day of the event, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
    /// Why the event happens.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub background: String,
    /// Measurable targets.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub targets: Vec<Target>,
}

/// A dated copy of a map: the value stream as it was measured on a day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct Snapshot {
    /// Unique among the document's snapshots.
    pub id: String,
    /// The day it shows, `YYYY-MM-DD`.
    pub taken_on: String,
    /// A label, e.g. "as achieved".
    #[serde(default)]
    pub label: String,
    /// The map as it was.
    pub map: Map,
}

/// The metrics a charter target may name.
pub const TARGET_METRICS: [&str; 7] = [
    "lead_time_s",
    "lead_time_days",
    "processing_time_s",
    "va_ratio",
    "rolled_pca",
    "takt_s",
    "operators_needed",
];

/// Whether `text` is a real calendar day written `YYYY-MM-DD`.
pub fn is_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return false;
    }
    let number = |range: std::ops::Range<usize>| text.get(range).and_then(|part| part.parse::<u32>().ok());
    let (Some(year), Some(month), Some(day)) = (number(0..4), number(5..7), number(8..10)) else {
        return false;
    };
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_real_days() {
        assert!(is_date("2027-06-30"));
        assert!(is_date("2024-02-29"));
        assert!(!is_date("2023-02-29"));
        assert!(!is_date("2027-13-01"));
        assert!(!is_date("2027-6-30"));
        assert!(!is_date("30.06.2027"));
    }
}
