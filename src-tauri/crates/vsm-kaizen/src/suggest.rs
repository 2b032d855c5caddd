//! Suggestions: the proposals of every rule ([`crate::rules`]) with their effect computed. Each
//! proposal's change batch is applied to a copy of the document and the changed map run through
//! vsm-metrics, so a projected figure is exactly what the user gets on accepting it. A proposal
//! whose batch the model refuses is dropped (a rule bug, caught by the tests, never shown).

use serde::{Deserialize, Serialize};
use vsm_metrics::report::{MapReport, map_report};
use vsm_model::{ChangeBatch, Document, Waste};

use crate::compare::{MetricDelta, headline_deltas};
use crate::rules::{Family, RULES};

/// The thresholds and sizing of the rules. The defaults are documented in docs/metrics.md §10.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct Settings {
    /// A FIFO lane holds this many days of demand.
    pub fifo_lane_days: f64,
    /// A supermarket holds its EPE batch plus this many days of demand.
    pub safety_stock_days: f64,
    /// Changeovers at least this long (seconds) are candidates for SMED.
    pub long_changeover_s: f64,
    /// One-piece flow needs changeovers no longer than this (seconds).
    pub flow_changeover_s: f64,
    /// Raw material beyond this many days calls for more frequent deliveries.
    pub raw_material_days: f64,
    /// A step whose lead time is at least this many times its process time waits on hand-offs.
    pub wait_ratio: f64,
    /// After the hand-off fix, the step's lead time is this many times its process time.
    pub target_wait_ratio: f64,
    /// %C/A below this calls for quality at the source.
    pub low_pca: f64,
    /// A queue of more than this many days calls for a WIP limit.
    pub large_queue_days: f64,
    /// Work waiting more than this many days for a release window calls for smaller batches.
    pub release_wait_days: f64,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            fifo_lane_days: 1.0,
            safety_stock_days: 0.5,
            long_changeover_s: 1800.0,
            flow_changeover_s: 600.0,
            raw_material_days: 1.0,
            wait_ratio: 10.0,
            target_wait_ratio: 2.0,
            low_pca: 0.8,
            large_queue_days: 5.0,
            release_wait_days: 1.0,
        }
    }
}

/// One improvement with its computed effect.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Suggestion {
    /// The rule that proposed it, e.g. `fifo_lane`.
    pub rule: String,
    /// Where the guidance comes from.
    pub family: Family,
    /// What to do, in a few words.
    pub title: String,
    /// Why, with the figures that triggered it.
    pub why: String,
    /// The node ids it is about.
    pub targets: Vec<String>,
    /// The wastes it addresses.
    pub waste: Vec<Waste>,
    /// The change to the map; applying it gives `projected`.
    pub changes: ChangeBatch,
    /// The sizing assumption, or why no figure changes.
    pub assumption: Option<String>,
    /// The headline figures that the change moves, before and after (empty: none moves).
    pub effect: Vec<MetricDelta>,
    /// The metrics of the map with the change applied.
    pub projected: MapReport,
}

/// The suggestions for map `map_id` of `document`, largest lead-time reduction first; rules whose
/// effect this model cannot measure come last, in rule order. Empty when there is no such map.
pub fn suggest(document: &Document, map_id: &str, settings: &Settings) -> Vec<Suggestion> {
    let Some(map) = document.map(map_id) else { return Vec::new() };
    let before = map_report(&vsm_metrics::map_metrics(map));
    let mut suggestions: Vec<Suggestion> = RULES
        .iter()
        .flat_map(|rule| (rule.check)(map, settings).into_iter().map(move |proposal| (rule, proposal)))
        .filter_map(|(rule, proposal)| {
            let changes = ChangeBatch { map: Some(map_id.to_owned()), changes: proposal.changes };
            let changed = vsm_model::apply(document, &changes).ok()?;
            let projected = map_report(&vsm_metrics::map_metrics(changed.map(map_id)?));
            let effect = headline_deltas(&before, &projected)
                .into_iter()
                .filter(|figure| figure.from != figure.to)
                .collect();
            Some(Suggestion {
                rule: proposal.rule.to_owned(),
                family: rule.family,
                title: proposal.title,
                why: proposal.why,
                targets: proposal.targets,
                waste: rule.waste.to_vec(),
                changes,
                assumption: proposal.assumption,
                effect,
                projected,
            })
        })
        .collect();
    // Stable sort: equal effects keep the rules' teaching order.
    suggestions.sort_by(|a, b| effect(a).total_cmp(&effect(b)));
    suggestions
}

/// Sort key: the lead-time change, with "no shorter lead time" after every reduction.
fn effect(suggestion: &Suggestion) -> f64 {
    suggestion
        .effect
        .iter()
        .find(|figure| figure.metric == "lead_time_s")
        .and_then(|figure| figure.delta)
        .filter(|delta| *delta < 0.0)
        .unwrap_or(0.0)
}
