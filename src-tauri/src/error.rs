//! The error every command returns. It reaches the UI as `{code, message}`: a stable code the UI
//! can branch on and a sentence a person can read.

use serde::{Serialize, Serializer};
use ts_rs::TS;

/// What went wrong in a command.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// The zta API refused: a file that does not load, a save that failed, and so on.
    #[error(transparent)]
    Zta(#[from] zta::Error),
    /// Save was asked for a design that has never been saved, so there is no file to write.
    #[error("this design has not been saved yet; use Save As to choose a file")]
    NoFile,
    /// A recent file was asked for that the app did not record, or that no longer exists.
    #[error("{0} is not in the list of recent files")]
    NotRecent(String),
    /// "New from example" named an example the app does not bundle.
    #[error("there is no bundled example called `{0}`")]
    UnknownExample(String),
    /// Export, report or deploy was asked for while the design has no file or unsaved changes;
    /// they read the saved file, so that what they produce matches it.
    #[error("save the design first: export, report and deploy use the saved file")]
    Unsaved,
    /// "Open report" was asked for before any report was written.
    #[error("no report has been exported in this session")]
    NoReport,
    /// An answer came for a change set, but no deployment is waiting for one.
    #[error("no change set is waiting for review")]
    NoChangeSet,
    /// Deploy parameters were given that no stack of the design declares (a likely typo), or
    /// required ones were left empty.
    #[error(transparent)]
    Parameters(#[from] zta::ParameterProblem),
    /// The app's own settings or recovery files could not be read or written.
    #[error("{context}: {source}")]
    Io {
        /// What the app was doing.
        context: String,
        /// The operating system's reason.
        #[source]
        source: std::io::Error,
    },
    /// Tauri could not do what was asked (a path it could not resolve, a window it lost).
    #[error(transparent)]
    Tauri(#[from] tauri::Error),
}

/// The shape of an error as the UI receives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ErrorPayload {
    /// A stable, machine-readable code such as `load_failed` or `no_file`.
    pub code: String,
    /// A sentence for the person at the keyboard.
    pub message: String,
}

impl AppError {
    /// The stable code of this error, which the UI may branch on.
    pub fn code(&self) -> &'static str {
        match self {
            AppError::Zta(error) => error.code(),
            AppError::NoFile => "no_file",
            AppError::NotRecent(_) => "not_recent",
            AppError::UnknownExample(_) => "unknown_example",
            AppError::Unsaved => "unsaved",
            AppError::NoReport => "no_report",
            AppError::NoChangeSet => "no_change_set",
            AppError::Parameters(zta::ParameterProblem::Undeclared(_)) => "undeclared_parameters",
            AppError::Parameters(zta::ParameterProblem::Missing(_)) => "missing_parameters",
            AppError::Io { .. } => "io",
            AppError::Tauri(_) => "shell",
        }
    }

    /// The error as the UI receives it.
    pub fn payload(&self) -> ErrorPayload {
        ErrorPayload {
            code: self.code().to_string(),
            message: self.to_string(),
        }
    }

    /// Wraps an I/O error with what the app was doing when it happened.
    pub fn io(context: impl Into<String>, source: std::io::Error) -> Self {
        AppError::Io {
            context: context.into(),
            source,
        }
    }
}

impl Serialize for AppError {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.payload().serialize(serializer)
    }
}

/// The result of every command.
pub type Result<T, E = AppError> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_reach_the_ui_as_code_and_message_only() {
        let json = serde_json::to_value(AppError::NoFile).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "code": "no_file",
                "message": "this design has not been saved yet; use Save As to choose a file",
            })
        );
    }

    #[test]
    fn io_errors_name_what_the_app_was_doing() {
        let error = AppError::io(
            "reading the recent files",
            std::io::Error::new(std::io::ErrorKind::PermissionDenied, "permission denied"),
        );
        let json = serde_json::to_value(&error).unwrap();
        assert_eq!(json["code"], "io");
        assert_eq!(
            json["message"],
            "reading the recent files: permission denied"
        );
        assert_eq!(json.as_object().unwrap().len(), 2);
    }
}
