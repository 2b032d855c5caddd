//! Nodes of a map: the VSM symbols, and which data fields each kind of symbol may carry.
//!
//! A node is one flat record: `id`, `kind`, `name`, position, then optional data fields. Which
//! fields a kind accepts is fixed by [`FIELDS`], the one table the reader, the validator and the
//! change batches consult, so a cycle time on an inventory triangle is refused the same way
//! wherever it comes from. Field order here is the canonical key order of the JSON format.

use serde::{Deserialize, Serialize};

/// The kind of a node: which VSM symbol it is (docs/file-format.md, "Node kinds").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum NodeKind {
    /// A process box with its data box.
    Process,
    /// An inventory triangle or a queue of work.
    Inventory,
    /// A supermarket (pull buffer).
    Supermarket,
    /// A FIFO lane.
    Fifo,
    /// Safety or buffer stock.
    Buffer,
    /// Outside source of material or requests.
    Supplier,
    /// The customer at the end of the stream.
    Customer,
    /// Production control (scheduling).
    ProductionControl,
    /// A kaizen burst: an improvement idea.
    KaizenBurst,
    /// A truck shipment.
    Truck,
    /// An operator.
    Operator,
    /// A kanban post.
    KanbanPost,
    /// A load-levelling (heijunka) box.
    Heijunka,
    /// Go-see scheduling.
    GoSee,
    /// Sequenced pull.
    SequencedPull,
    /// A free-text note.
    Note,
    /// A production kanban card.
    ProductionKanban,
    /// A withdrawal kanban card.
    WithdrawalKanban,
    /// A signal kanban (triangle).
    SignalKanban,
}

impl NodeKind {
    /// Every kind, in the order of docs/file-format.md.
    pub const ALL: [NodeKind; 19] = [
        NodeKind::Process,
        NodeKind::Inventory,
        NodeKind::Supermarket,
        NodeKind::Fifo,
        NodeKind::Buffer,
        NodeKind::Supplier,
        NodeKind::Customer,
        NodeKind::ProductionControl,
        NodeKind::KaizenBurst,
        NodeKind::Truck,
        NodeKind::Operator,
        NodeKind::KanbanPost,
        NodeKind::Heijunka,
        NodeKind::GoSee,
        NodeKind::SequencedPull,
        NodeKind::Note,
        NodeKind::ProductionKanban,
        NodeKind::WithdrawalKanban,
        NodeKind::SignalKanban,
    ];

    /// The name used in the JSON format, e.g. `kaizen_burst`.
    pub fn as_str(self) -> &'static str {
        match self {
            NodeKind::Process => "process",
            NodeKind::Inventory => "inventory",
            NodeKind::Supermarket => "supermarket",
            NodeKind::Fifo => "fifo",
            NodeKind::Buffer => "buffer",
            NodeKind::Supplier => "supplier",
            NodeKind::Customer => "customer",
            NodeKind::ProductionControl => "production_control",
            NodeKind::KaizenBurst => "kaizen_burst",
            NodeKind::Truck => "truck",
            NodeKind::Operator => "operator",
            NodeKind::KanbanPost => "kanban_post",
            NodeKind::Heijunka => "heijunka",
            NodeKind::GoSee => "go_see",
            NodeKind::SequencedPull => "sequenced_pull",
            NodeKind::Note => "note",
            NodeKind::ProductionKanban => "production_kanban",
            NodeKind::WithdrawalKanban => "withdrawal_kanban",
            NodeKind::SignalKanban => "signal_kanban",
        }
    }

    /// Kinds that hold material or work waiting: their time is a wait segment on the timeline.
    pub fn is_stock(self) -> bool {
        matches!(self, NodeKind::Inventory | NodeKind::Supermarket | NodeKind::Fifo | NodeKind::Buffer)
    }
}

/// One node of a map. Optional fields are present only where the kind allows them ([`FIELDS`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct Node {
    /// Unique within its map (shared namespace with edge ids).
    pub id: String,
    /// Which symbol this is.
    pub kind: NodeKind,
    /// Label shown on the symbol.
    #[serde(default)]
    pub name: String,
    /// Horizontal position on the canvas, in canvas pixels.
    #[serde(default)]
    pub x: f64,
    /// Vertical position on the canvas, in canvas pixels.
    #[serde(default)]
    pub y: f64,

    /// Cycle time: seconds between two finished pieces (> 0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cycle_time_s: Option<f64>,
    /// Changeover time in seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub changeover_s: Option<f64>,
    /// Fraction of available time the process can run, in (0, 1].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uptime: Option<f64>,
    /// Number of operators working at the process.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operators: Option<f64>,
    /// Shifts per day this process runs; overrides the map's `shifts_per_day`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shifts: Option<f64>,
    /// Machines or people working side by side (a whole number ≥ 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parallel: Option<f64>,
    /// Every-part-every interval, in days.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub epe_days: Option<f64>,
    /// Fraction of output scrapped, in [0, 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scrap: Option<f64>,
    /// Changeovers made per shift.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub changeovers_per_shift: Option<f64>,
    /// Process time (office/DevOps): seconds of work if uninterrupted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub process_time_s: Option<f64>,
    /// Lead time (office/DevOps): elapsed seconds from work available to handed on; ≥ process time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead_time_s: Option<f64>,
    /// Percent complete and accurate of the output, as a fraction in (0, 1].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pca: Option<f64>,
    /// The step runs without a person (no manual work content).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub automated: Option<bool>,
    /// A shared process (serves other value streams too).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shared: Option<bool>,

    /// Stock: pieces or work items waiting (converted to days through daily demand).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quantity: Option<f64>,
    /// Stock: days of customer demand waiting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration_days: Option<f64>,
    /// Stock: seconds an item waits (a pure queue).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wait_s: Option<f64>,
    /// FIFO lane: the most pieces the lane may hold.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_quantity: Option<f64>,
    /// Process or stock: how its elapsed time varies (for the Monte Carlo lead time).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variability: Option<Variability>,
    /// Where numbers came from, by field name (a field not listed counts as measured).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provenance: Option<std::collections::BTreeMap<String, Provenance>>,
    /// Process, stock or kaizen burst: the kinds of waste seen there (for the report's Pareto).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub waste: Option<Vec<Waste>>,

    /// Kaizen burst: the node the idea is about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    /// Kaizen burst: the action that carries the idea out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
    /// Note: its text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Truck: delivery frequency as drawn on the truck, e.g. `Daily` or `Tue + Thu`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frequency: Option<String>,
}

impl Node {
    /// A node of `kind` at the origin with no data fields.
    pub fn new(id: impl Into<String>, kind: NodeKind) -> Self {
        Node {
            id: id.into(),
            kind,
            name: String::new(),
            x: 0.0,
            y: 0.0,
            cycle_time_s: None,
            changeover_s: None,
            uptime: None,
            operators: None,
            shifts: None,
            parallel: None,
            epe_days: None,
            scrap: None,
            changeovers_per_shift: None,
            process_time_s: None,
            lead_time_s: None,
            pca: None,
            automated: None,
            shared: None,
            quantity: None,
            duration_days: None,
            wait_s: None,
            max_quantity: None,
            variability: None,
            provenance: None,
            waste: None,
            target: None,
            action: None,
            text: None,
            frequency: None,
        }
    }
}

/// The shape of a step's or a wait's time distribution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Distribution {
    /// Any time between `min_s` and `max_s`, equally likely (a plain range).
    Uniform,
    /// Triangular with `min_s`, most likely `mode_s`, `max_s`.
    Triangular,
    /// PERT (beta) with `min_s`, most likely `mode_s`, `max_s`: mean (min + 4·mode + max) / 6.
    Pert,
}

impl Distribution {
    /// The name used in the JSON format.
    pub fn as_str(self) -> &'static str {
        match self {
            Distribution::Uniform => "uniform",
            Distribution::Triangular => "triangular",
            Distribution::Pert => "pert",
        }
    }
}

/// How the elapsed time of a process (its lead time, or C/T) or of a stock (its wait) varies.
/// Only the Monte Carlo uses it; every other figure uses the single stored value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct Variability {
    /// The shape.
    pub distribution: Distribution,
    /// Shortest time, seconds.
    pub min_s: f64,
    /// Most likely time, seconds (triangular and PERT only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode_s: Option<f64>,
    /// Longest time, seconds.
    pub max_s: f64,
}

/// The eight wastes of lean (TIMWOODS), as tags on the steps where they are seen and on the
/// kaizen bursts that address them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Waste {
    /// Moving material or work between places (hand-offs).
    Transport,
    /// Stock and queues: work waiting to be worked on.
    Inventory,
    /// People moving or searching more than the work needs.
    Motion,
    /// Work or people waiting: approvals, queues, machines.
    Waiting,
    /// Making more, or earlier, than the customer needs.
    Overproduction,
    /// More work than the customer values: extra steps, gold plating.
    Overprocessing,
    /// Scrap, rework, failed changes.
    Defects,
    /// Unused skills and ideas of the people.
    Skills,
}

impl Waste {
    /// Every waste, in TIMWOODS order.
    pub const ALL: [Waste; 8] = [
        Waste::Transport,
        Waste::Inventory,
        Waste::Motion,
        Waste::Waiting,
        Waste::Overproduction,
        Waste::Overprocessing,
        Waste::Defects,
        Waste::Skills,
    ];

    /// Its name as people say it.
    pub fn label(self) -> &'static str {
        match self {
            Waste::Transport => "Transport",
            Waste::Inventory => "Inventory",
            Waste::Motion => "Motion",
            Waste::Waiting => "Waiting",
            Waste::Overproduction => "Overproduction",
            Waste::Overprocessing => "Overprocessing",
            Waste::Defects => "Defects",
            Waste::Skills => "Unused skills",
        }
    }
}

/// Where a number came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Provenance {
    /// Observed or timed on the floor (the default).
    Measured,
    /// A guess or an expert's estimate: shown differently on the map and in reports.
    Estimated,
    /// Taken from another system (e.g. delivery data).
    Imported,
}

/// The numeric fields whose provenance can be recorded.
pub const MEASURABLE_FIELDS: [&str; 15] = [
    "cycle_time_s",
    "changeover_s",
    "uptime",
    "operators",
    "shifts",
    "parallel",
    "epe_days",
    "scrap",
    "changeovers_per_shift",
    "process_time_s",
    "lead_time_s",
    "pca",
    "quantity",
    "duration_days",
    "wait_s",
];

/// Keys of a `variability` object, in canonical order.
pub const VARIABILITY_FIELDS: [&str; 4] = ["distribution", "min_s", "mode_s", "max_s"];

/// Fields every node has, whatever its kind.
pub const COMMON_FIELDS: [&str; 5] = ["id", "kind", "name", "x", "y"];

use NodeKind as K;
const STOCK: &[NodeKind] = &[K::Inventory, K::Supermarket, K::Fifo, K::Buffer];

/// The optional data fields of a node, in canonical order, with the kinds that accept each.
pub const FIELDS: &[(&str, &[NodeKind])] = &[
    ("cycle_time_s", &[K::Process]),
    ("changeover_s", &[K::Process]),
    ("uptime", &[K::Process]),
    ("operators", &[K::Process]),
    ("shifts", &[K::Process]),
    ("parallel", &[K::Process]),
    ("epe_days", &[K::Process]),
    ("scrap", &[K::Process]),
    ("changeovers_per_shift", &[K::Process]),
    ("process_time_s", &[K::Process]),
    ("lead_time_s", &[K::Process]),
    ("pca", &[K::Process]),
    ("automated", &[K::Process]),
    ("shared", &[K::Process]),
    ("quantity", STOCK),
    ("duration_days", STOCK),
    ("wait_s", STOCK),
    ("max_quantity", &[K::Fifo, K::Supermarket]),
    ("variability", &[K::Process, K::Inventory, K::Supermarket, K::Fifo, K::Buffer]),
    ("provenance", &[K::Process, K::Inventory, K::Supermarket, K::Fifo, K::Buffer]),
    ("waste", &[K::Process, K::Inventory, K::Supermarket, K::Fifo, K::Buffer, K::KaizenBurst]),
    ("target", &[K::KaizenBurst]),
    ("action", &[K::KaizenBurst]),
    ("text", &[K::Note]),
    ("frequency", &[K::Truck]),
];

/// Whether a node of `kind` may carry `field` (common fields included).
pub fn field_allowed(kind: NodeKind, field: &str) -> bool {
    COMMON_FIELDS.contains(&field)
        || FIELDS.iter().any(|(name, kinds)| *name == field && kinds.contains(&kind))
}

/// Whether `field` is a node field of any kind.
pub fn field_known(field: &str) -> bool {
    COMMON_FIELDS.contains(&field) || FIELDS.iter().any(|(name, _)| *name == field)
}

/// The data fields a node of `kind` accepts, in canonical order.
pub fn fields_of(kind: NodeKind) -> impl Iterator<Item = &'static str> {
    FIELDS.iter().filter(move |(_, kinds)| kinds.contains(&kind)).map(|(name, _)| *name)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The table and the struct must agree, or the reader would accept what the writer drops.
    #[test]
    fn field_table_matches_struct_order() {
        let mut node = Node::new("n", NodeKind::Process);
        node.cycle_time_s = Some(1.0);
        node.changeover_s = Some(1.0);
        node.uptime = Some(1.0);
        node.operators = Some(1.0);
        node.shifts = Some(1.0);
        node.parallel = Some(1.0);
        node.epe_days = Some(1.0);
        node.scrap = Some(0.0);
        node.changeovers_per_shift = Some(1.0);
        node.process_time_s = Some(1.0);
        node.lead_time_s = Some(1.0);
        node.pca = Some(1.0);
        node.automated = Some(true);
        node.shared = Some(false);
        node.quantity = Some(1.0);
        node.duration_days = Some(1.0);
        node.wait_s = Some(1.0);
        node.max_quantity = Some(1.0);
        node.variability =
            Some(Variability { distribution: Distribution::Uniform, min_s: 1.0, mode_s: None, max_s: 2.0 });
        node.provenance = Some([("uptime".to_owned(), Provenance::Estimated)].into());
        node.waste = Some(vec![Waste::Waiting]);
        node.target = Some("t".into());
        node.action = Some("a".into());
        node.text = Some("t".into());
        node.frequency = Some("f".into());
        let value = serde_json::to_value(&node).expect("serialize");
        let keys: Vec<&str> = value.as_object().expect("object").keys().map(String::as_str).collect();
        let expected: Vec<&str> =
            COMMON_FIELDS.iter().copied().chain(FIELDS.iter().map(|(name, _)| *name)).collect();
        assert_eq!(keys, expected);
    }

    #[test]
    fn kind_names_match_serde() {
        for kind in NodeKind::ALL {
            let json = serde_json::to_value(kind).expect("serialize");
            assert_eq!(json, serde_json::Value::String(kind.as_str().to_owned()));
        }
    }

    #[test]
    fn misplaced_fields_are_not_allowed() {
        assert!(field_allowed(NodeKind::Process, "cycle_time_s"));
        assert!(!field_allowed(NodeKind::Inventory, "cycle_time_s"));
        assert!(field_allowed(NodeKind::Fifo, "max_quantity"));
        assert!(!field_allowed(NodeKind::Inventory, "max_quantity"));
        assert!(field_known("max_quantity"));
        assert!(!field_known("proces_time_s"));
    }
}
