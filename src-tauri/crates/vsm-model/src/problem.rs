//! Errors of the model: what was wrong, and exactly where.
//!
//! Every refusal names a location as a JSON Pointer (RFC 6901) into the input the user gave —
//! the document, or a change batch — together with the field and the offending value, so a person
//! can find and fix it without guessing. Validation collects every problem it finds instead of
//! stopping at the first, so one round of fixes is usually enough.

use std::fmt;

/// One thing wrong with a document or a change batch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// JSON Pointer to the offending value, e.g. `/maps/0/nodes/3/uptime`.
    pub pointer: String,
    /// What is wrong, naming the field and the value, e.g. `uptime must be in (0, 1], got 1.5`.
    pub message: String,
}

impl Problem {
    /// A problem at `pointer`.
    pub fn new(pointer: impl Into<String>, message: impl Into<String>) -> Self {
        Self { pointer: pointer.into(), message: message.into() }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at = if self.pointer.is_empty() { "/" } else { &self.pointer };
        write!(f, "{at}: {}", self.message)
    }
}

/// A non-empty list of problems, displayed one per line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problems(pub Vec<Problem>);

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, problem) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{problem}")?;
        }
        Ok(())
    }
}

/// The error type of this crate.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    /// The text is not JSON at all.
    #[error("not valid JSON at line {line}, column {column}: {message}")]
    Syntax {
        /// 1-based line of the error.
        line: usize,
        /// 1-based column of the error.
        column: usize,
        /// serde_json's description.
        message: String,
    },
    /// JSON, but not a Kaizen VSM document (a foreign or unrelated file).
    #[error("not a Kaizen VSM document: {0}")]
    Foreign(String),
    /// A document written by a newer version of the format.
    #[error(
        "this document uses format version {found}; this version of Kaizen VSM reads version {supported} and older — update Kaizen VSM to open it"
    )]
    NewerVersion {
        /// The version in the file.
        found: u64,
        /// The newest version this build reads.
        supported: u64,
    },
    /// Schema, range or reference problems.
    #[error("{0}")]
    Invalid(Problems),
}

impl ModelError {
    /// A single-problem [`ModelError::Invalid`].
    pub fn invalid(pointer: impl Into<String>, message: impl Into<String>) -> Self {
        ModelError::Invalid(Problems(vec![Problem::new(pointer, message)]))
    }

    /// The problems of an [`ModelError::Invalid`]; empty for the other variants.
    pub fn problems(&self) -> &[Problem] {
        match self {
            ModelError::Invalid(problems) => &problems.0,
            _ => &[],
        }
    }
}

/// Appends one reference token to a JSON Pointer, escaping `~` and `/` as RFC 6901 asks.
pub fn push_pointer(base: &str, token: impl fmt::Display) -> String {
    let token = token.to_string().replace('~', "~0").replace('/', "~1");
    format!("{base}/{token}")
}

/// Shows a JSON value the way a user typed it: numbers as numbers, strings quoted.
pub fn show_value(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::Number(n) => crate::json::format_number(n),
        other => other.to_string(),
    }
}

/// Shows an `f64` without a useless `.0`.
pub fn show_number(value: f64) -> String {
    if value.is_nan() {
        "NaN".to_owned()
    } else if value.is_infinite() {
        if value > 0.0 { "Infinity".to_owned() } else { "-Infinity".to_owned() }
    } else if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        format!("{value}")
    }
}
