//! Errors of the compliance crate: a data file that does not parse or does not agree
//! with the rest of the catalogs, and unknown framework names.

use thiserror::Error;

/// Everything that can go wrong while loading catalogs and mappings or naming a framework.
#[derive(Debug, Error)]
pub enum Error {
    /// A bundled data file is not valid YAML for its schema. The location points into
    /// the file under `crates/compliance/data/`.
    #[error("{file}:{line}:{column}: {message}")]
    DataFile {
        file: &'static str,
        line: usize,
        column: usize,
        message: String,
    },
    /// A bundled data file parses but contradicts itself or another file (a duplicate
    /// control id, a mapping to a control its catalog does not have, ...).
    #[error("{file}: {message}")]
    Inconsistent { file: &'static str, message: String },
    /// A framework name that none of the catalogs carries.
    #[error("unknown framework `{name}`; expected one of: {expected}")]
    UnknownFramework { name: String, expected: String },
}

/// Result alias used throughout the crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// Wraps a YAML error with the bundled file it came from.
    pub(crate) fn data_file(file: &'static str, error: &serde_norway::Error) -> Self {
        let (line, column) = error
            .location()
            .map_or((0, 0), |location| (location.line(), location.column()));
        Error::DataFile {
            file,
            line,
            column,
            message: error.to_string(),
        }
    }
}
