//! Future states and the Kaizen loop (docs/architecture.md): comparing states of a value stream
//! ([`compare`]); improvement rules that propose changes and compute their effect with
//! vsm-metrics come next. Pure functions: no I/O, no clock.

pub mod compare;

pub use compare::{Comparison, MetricDelta, compare, state};
