//! Acceptance tests across crates: the model, the document store and the metrics together, as
//! the app and the CLI use them. Each module covers one feature; see its first line.

mod documents;
mod golden_metrics;
