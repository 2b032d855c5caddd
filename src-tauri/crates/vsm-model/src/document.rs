//! A value stream document: its maps, each with calendar, demand, nodes and edges.
//!
//! These types are what is stored; everything here has passed [`crate::validate`] once it came
//! through the reader or a change batch, so code further up may rely on ranges and references.

use serde::{Deserialize, Serialize};

use crate::kaizen::{Action, Charter, Snapshot};
use crate::{Edge, Node};

/// The newest version of the `.vsm.json` format this build reads and writes.
pub const FORMAT_VERSION: u64 = 1;
/// The value of the top-level `format` key.
pub const FORMAT_NAME: &str = "kaizen-vsm";

/// One value stream document: the maps of one value stream.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// Current state, future states, … in document order; ids unique.
    pub maps: Vec<Map>,
    /// The Kaizen action plan.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<Action>,
    /// The Kaizen event charter.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub charter: Option<Charter>,
    /// Dated copies of maps.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub snapshots: Vec<Snapshot>,
}

impl Document {
    /// The map with `id`.
    pub fn map(&self, id: &str) -> Option<&Map> {
        self.maps.iter().find(|map| map.id == id)
    }

    /// Position of the map with `id`.
    pub fn map_index(&self, id: &str) -> Option<usize> {
        self.maps.iter().position(|map| map.id == id)
    }
}

/// Which state of the value stream a map shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum MapState {
    /// How work flows today.
    #[default]
    Current,
    /// A designed future state.
    Future,
    /// The ideal state.
    Ideal,
}

/// One value stream map.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct Map {
    /// Unique within the document.
    pub id: String,
    /// Title shown on tabs and reports.
    #[serde(default)]
    pub title: String,
    /// Current, future or ideal.
    #[serde(default)]
    pub state: MapState,
    /// The map this one was derived from (a future state's current state).
    #[serde(default)]
    pub derived_from: Option<String>,
    /// Working time; metrics that need it are null without it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calendar: Option<Calendar>,
    /// Customer demand; metrics that need it are null without it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub demand: Option<Demand>,
    /// Symbols, in document (drawing) order.
    pub nodes: Vec<Node>,
    /// Arrows, in document order.
    pub edges: Vec<Edge>,
}

impl Map {
    /// An empty current-state map.
    pub fn new(id: impl Into<String>) -> Self {
        Map {
            id: id.into(),
            title: String::new(),
            state: MapState::Current,
            derived_from: None,
            calendar: None,
            demand: None,
            nodes: Vec::new(),
            edges: Vec::new(),
        }
    }

    /// The node with `id`.
    pub fn node(&self, id: &str) -> Option<&Node> {
        self.nodes.iter().find(|node| node.id == id)
    }

    /// The edge with `id`.
    pub fn edge(&self, id: &str) -> Option<&Edge> {
        self.edges.iter().find(|edge| edge.id == id)
    }
}

/// What one "day" is wherever days and seconds meet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum DayBasis {
    /// 1 day = 86,400 s.
    #[default]
    Calendar,
    /// 1 day = available time per day.
    Working,
}

/// Working time of the value stream.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct Calendar {
    /// Length of one shift in seconds.
    pub shift_s: f64,
    /// Planned breaks per shift in seconds (default 0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub breaks_s: Option<f64>,
    /// Shifts per day (default 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shifts_per_day: Option<f64>,
    /// What one day is (default `calendar`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub day_basis: Option<DayBasis>,
}

/// The period a demand quantity is given per.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum DemandPeriod {
    /// Per working day.
    Day,
    /// Per week.
    Week,
    /// Per month.
    Month,
    /// Per year.
    Year,
}

/// Customer demand for the map's product family.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct Demand {
    /// Pieces or work items per period (≥ 0).
    pub quantity: f64,
    /// The period of `quantity`.
    pub per: DemandPeriod,
    /// Working days in the period; required unless `per` is `day`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub working_days_per_period: Option<f64>,
    /// Unit of the quantity, e.g. `pieces` or `changes`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Pieces per pack, for pitch.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pack_quantity: Option<f64>,
}

/// Keys of a map object, in canonical order.
pub const MAP_FIELDS: [&str; 8] =
    ["id", "title", "state", "derived_from", "calendar", "demand", "nodes", "edges"];
/// Keys of a calendar object, in canonical order.
pub const CALENDAR_FIELDS: [&str; 4] = ["shift_s", "breaks_s", "shifts_per_day", "day_basis"];
/// Keys of a demand object, in canonical order.
pub const DEMAND_FIELDS: [&str; 5] = ["quantity", "per", "working_days_per_period", "unit", "pack_quantity"];
/// Top-level keys of a document, in canonical order.
pub const DOCUMENT_FIELDS: [&str; 6] = ["format", "version", "maps", "actions", "charter", "snapshots"];
