//! A number that may not be computable, with the reason why, and the warnings a map raises.

/// A computed value, or the reason it cannot be computed (shown to the user; never 0 or NaN).
pub type Figure = Result<f64, Reason>;

/// Why a figure is not available, in words a user can act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reason(pub String);

impl Reason {
    /// A reason from text.
    pub fn new(text: impl Into<String>) -> Self {
        Reason(text.into())
    }
}

/// Something about the map that the user should know or fix; the numbers are still computed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// Stable code the UI and scripts branch on (listed in docs/metrics.md).
    pub code: &'static str,
    /// The node concerned, when there is one.
    pub node: Option<String>,
    /// What is wrong and what was assumed.
    pub message: String,
}

impl Warning {
    /// A warning about `node`.
    pub fn at(code: &'static str, node: &str, message: impl Into<String>) -> Self {
        Warning { code, node: Some(node.to_owned()), message: message.into() }
    }

    /// A warning about the whole map.
    pub fn map(code: &'static str, message: impl Into<String>) -> Self {
        Warning { code, node: None, message: message.into() }
    }
}
