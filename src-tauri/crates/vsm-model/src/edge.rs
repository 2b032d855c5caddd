//! Edges of a map: material flow, information flow and rework loops.

use serde::{Deserialize, Serialize};

/// The kind of an edge (docs/file-format.md, "Edge kinds").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum EdgeKind {
    /// Push arrow (material pushed to the next step).
    Push,
    /// Pull or withdrawal arrow.
    Pull,
    /// Flow through a FIFO lane.
    Fifo,
    /// Shipment: raw material in, finished goods out.
    Shipment,
    /// Manual information flow.
    InfoManual,
    /// Electronic information flow.
    InfoElectronic,
    /// Kanban signal.
    Kanban,
    /// Rework: from the step that finds a problem back to the step that redoes the work.
    Rework,
}

impl EdgeKind {
    /// Every kind, in the order of docs/file-format.md.
    pub const ALL: [EdgeKind; 8] = [
        EdgeKind::Push,
        EdgeKind::Pull,
        EdgeKind::Fifo,
        EdgeKind::Shipment,
        EdgeKind::InfoManual,
        EdgeKind::InfoElectronic,
        EdgeKind::Kanban,
        EdgeKind::Rework,
    ];

    /// The name used in the JSON format.
    pub fn as_str(self) -> &'static str {
        match self {
            EdgeKind::Push => "push",
            EdgeKind::Pull => "pull",
            EdgeKind::Fifo => "fifo",
            EdgeKind::Shipment => "shipment",
            EdgeKind::InfoManual => "info_manual",
            EdgeKind::InfoElectronic => "info_electronic",
            EdgeKind::Kanban => "kanban",
            EdgeKind::Rework => "rework",
        }
    }

    /// Material flow: these edges (and the stock on them) form the timeline paths.
    pub fn is_material(self) -> bool {
        matches!(self, EdgeKind::Push | EdgeKind::Pull | EdgeKind::Fifo | EdgeKind::Shipment)
    }

    /// Information flow: drawn, never on the timeline.
    pub fn is_information(self) -> bool {
        matches!(self, EdgeKind::InfoManual | EdgeKind::InfoElectronic | EdgeKind::Kanban)
    }
}

/// One edge of a map.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct Edge {
    /// Unique within its map (shared namespace with node ids).
    pub id: String,
    /// Id of the node the edge starts at.
    pub from: String,
    /// Id of the node the edge ends at.
    pub to: String,
    /// What flows along the edge.
    pub kind: EdgeKind,
    /// Rework only: the chance, on each pass, that work is sent back, in [0, 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub probability: Option<f64>,
}

impl Edge {
    /// An edge without a probability.
    pub fn new(
        id: impl Into<String>,
        from: impl Into<String>,
        to: impl Into<String>,
        kind: EdgeKind,
    ) -> Self {
        Edge { id: id.into(), from: from.into(), to: to.into(), kind, probability: None }
    }
}

/// The fields of an edge, in canonical order.
pub const EDGE_FIELDS: [&str; 5] = ["id", "from", "to", "kind", "probability"];

/// Whether an edge of `kind` may carry `field`.
pub fn edge_field_allowed(kind: EdgeKind, field: &str) -> bool {
    match field {
        "probability" => kind == EdgeKind::Rework,
        other => EDGE_FIELDS.contains(&other),
    }
}
