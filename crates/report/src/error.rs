//! Errors of the report crate.

use thiserror::Error;

/// Everything that can go wrong while building or rendering a report.
#[derive(Debug, Error)]
pub enum Error {
    /// An embedded font could not be subset or parsed.
    #[error("font {face}: {message}")]
    Font { face: String, message: String },
    /// The report model could not be serialised to JSON.
    #[error("cannot serialise the report: {0}")]
    Json(#[from] serde_json::Error),
    /// The report date is not a calendar date written `YYYY-MM-DD`.
    #[error("report date `{0}` is not a date written YYYY-MM-DD")]
    Date(String),
    /// A framework name or other setting is not valid.
    #[error(transparent)]
    Compliance(#[from] zta_compliance::Error),
}

/// Result alias used throughout the crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;
