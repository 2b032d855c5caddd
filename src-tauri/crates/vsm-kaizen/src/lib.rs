//! Future states and the Kaizen loop (docs/architecture.md): comparing states of a value stream
//! ([`compare`]) and improvement rules that propose concrete changes to a map ([`rules`]) with
//! their effect computed by vsm-metrics ([`suggest`]), accepted into a future state with a burst
//! and an action ([`accept`]). Pure functions: no I/O, no clock.

pub mod accept;
pub mod compare;
pub mod rules;
pub mod suggest;

pub use accept::{Acceptance, accept, future_state_for, future_state_of, measured_effect};
pub use compare::{Comparison, MetricDelta, compare, state};
pub use rules::{Family, RULES};
pub use suggest::{Settings, Suggestion, suggest};

/// `base`, or `base-2`, `base-3`, …: the first id that `taken` refuses.
pub(crate) fn fresh(taken: impl Fn(&str) -> bool, base: &str) -> String {
    if !taken(base) {
        return base.to_owned();
    }
    (2..).map(|n| format!("{base}-{n}")).find(|id| !taken(id)).unwrap_or_default()
}
