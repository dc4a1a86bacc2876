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
    /// A rule was asked for that the catalog does not hold.
    #[error(transparent)]
    Rule(#[from] zta_rules::Error),
    /// AWS refused or failed: no credentials or region, a rejected template, a failed stack.
    #[error(transparent)]
    Aws(#[from] zta_aws::Error),
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
            Error::Rule(_) => "unknown_rule",
            Error::Aws(zta_aws::Error::NoRegion) => "no_region",
            Error::Aws(zta_aws::Error::DeploymentFailed(_)) => "deploy_failed",
            Error::Aws(_) => "aws",
            Error::Export(
                zta_cfn::export::ExportError::ZonesShort { .. }
                | zta_cfn::export::ExportError::NoIdentityCenterAccount { .. }
                | zta_cfn::export::ExportError::PublicFargatePods { .. },
            ) => "export_refused",
            Error::Export(_) => "export_failed",
            Error::CommentsWouldBeLost { .. } => "comments_would_be_lost",
        }
    }

    /// The load error of a design file that does not validate against the format, for front
    /// ends that print it with the offending lines.
    pub fn invalid_design(&self) -> Option<&zta_model::LoadError> {
        match self {
            Error::Model(zta_model::Error::Invalid(load_error)) => Some(load_error.as_ref()),
            _ => None,
        }
    }

    /// Whether a deployment ran and CloudFormation failed it (the stack rolled back): a
    /// problem of what was deployed, not of the command.
    pub fn is_deployment_failure(&self) -> bool {
        matches!(self, Error::Aws(zta_aws::Error::DeploymentFailed(_)))
    }
}
