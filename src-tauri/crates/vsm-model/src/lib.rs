//! The value stream map model of Kaizen VSM.
//!
//! Everything that is stored lives here: documents, maps, nodes, edges, calendar and demand
//! ([`document`], [`node`], [`edge`]); the one validation gate ([`validate`]); the `.vsm.json`
//! text face with its strict reader and canonical writer ([`json`]); and change batches, the only
//! way a document changes ([`batch`]), with [`diff`] to record each change's inverse for undo.
//! This crate depends on no other project crate and on nothing platform-specific.

pub mod batch;
pub mod diff;
pub mod document;
pub mod edge;
pub mod json;
pub mod kaizen;
pub mod node;
pub mod problem;
pub mod validate;

pub use batch::{Change, ChangeBatch, apply, apply_all, parse_batch, read_batch};
pub use diff::diff;
pub use document::{
    Calendar, DayBasis, Demand, DemandPeriod, Document, FORMAT_NAME, FORMAT_VERSION, Map, MapState,
};
pub use edge::{Edge, EdgeKind};
pub use json::{read_document, write_document};
pub use kaizen::{Action, ActionStatus, Charter, Effect, Snapshot, Target};
pub use node::{Distribution, Node, NodeKind, Provenance, Variability, Waste};
pub use problem::{ModelError, Problem, Problems};
