//! Errors of the rule engine's lookups. Validation itself never fails on a design (it returns
//! findings); what can fail is asking the catalog for something it does not hold.

/// What can go wrong when using the rule engine's API.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum Error {
    /// A rule code that the catalog does not know.
    #[error("unknown rule `{code}`{}", suggestion.as_ref().map(|s| format!(" (did you mean `{s}`?)")).unwrap_or_default())]
    UnknownRule {
        /// The code asked for.
        code: String,
        /// The closest known code, when one is close.
        suggestion: Option<String>,
    },
    /// An output format name that no renderer serves.
    #[error("unknown format `{0}`: expected one of text, json, sarif")]
    UnknownFormat(String),
    /// A severity name that is not one of critical, high, medium, low, info.
    #[error("unknown severity `{0}`: expected one of critical, high, medium, low, info")]
    UnknownSeverity(String),
}

/// The result type of the rule engine's fallible lookups.
pub type Result<T, E = Error> = std::result::Result<T, E>;
