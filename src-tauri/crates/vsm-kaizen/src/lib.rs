//! Future states and the Kaizen loop (docs/architecture.md): comparing states of a value stream
//! ([`compare`]) and improvement rules that propose concrete changes to a map ([`rules`]) with
//! their effect computed by vsm-metrics ([`suggest`]). Pure functions: no I/O, no clock.

pub mod compare;
pub mod rules;
pub mod suggest;

pub use compare::{Comparison, MetricDelta, compare, state};
pub use rules::{Family, RULES};
pub use suggest::{Settings, Suggestion, suggest};
