//! Errors of the API crate.

/// A result whose error is the API's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What the API can fail with.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Reading, parsing or saving a design failed.
    #[error(transparent)]
    Model(#[from] zta_model::Error),
    /// An input file other than a design could not be read.
    #[error("cannot read {}: {source}", path.display())]
    Read {
        /// The file.
        path: std::path::PathBuf,
        /// The operating system's reason.
        source: std::io::Error,
    },
    /// A CloudFormation template could not be imported.
    #[error(transparent)]
    Import(#[from] zta_cfn::Error),
    /// A report could not be rendered.
    #[error(transparent)]
    Report(#[from] zta_report::Error),
    /// A design could not be exported to CloudFormation.
    #[error(transparent)]
    Export(#[from] zta_cfn::export::ExportError),
    /// Formatting would drop comments that are not in the file's leading comment block.
    #[error(
        "{}: formatting would lose the comments on line{} {}: a design keeps only the comment \
         block at its top; move them there, or pass --drop-comments to lose them",
        path.display(),
        if lines.len() == 1 { "" } else { "s" },
        lines.iter().map(usize::to_string).collect::<Vec<_>>().join(", ")
    )]
    CommentsWouldBeLost {
        /// The design file.
        path: std::path::PathBuf,
        /// The lines of the comments that would be lost.
        lines: Vec<usize>,
    },
}

impl Error {
    /// A stable, machine-readable code for front ends (`{code, message}` in the app).
    pub fn code(&self) -> &'static str {
        match self {
            Error::Model(zta_model::Error::Read { .. }) => "read_failed",
            Error::Model(zta_model::Error::Write { .. }) => "write_failed",
            Error::Model(zta_model::Error::Invalid(_)) => "invalid_design",
            Error::Read { .. } => "read_failed",
            Error::Import(_) => "import_failed",
            Error::Report(_) => "report_failed",
            Error::Export(
                zta_cfn::export::ExportError::ZonesShort { .. }
                | zta_cfn::export::ExportError::NoIdentityCenterAccount { .. }
                | zta_cfn::export::ExportError::PublicFargatePods { .. },
            ) => "export_refused",
            Error::Export(_) => "export_failed",
            Error::CommentsWouldBeLost { .. } => "comments_would_be_lost",
        }
    }
}
