//! Errors of the export: the few ways a valid design still cannot become templates.

/// Something that stops a design from being exported.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExportError {
    /// Two elements (or an element and a supporting resource of another) come to the same
    /// logical ID; renaming one of the elements (or changing its `logical_id`) fixes it.
    #[error(
        "elements `{first}` and `{second}` both become the CloudFormation resource `{logical_id}`; rename one of them or change its logical_id"
    )]
    LogicalIdCollision {
        logical_id: String,
        first: String,
        second: String,
    },
    /// An element carries a logical ID that CloudFormation does not accept (only ASCII letters
    /// and digits, at most 255 of them).
    #[error(
        "element `{element}` carries the logical ID `{logical_id}`, which CloudFormation does not accept (only letters and digits, at most 255); correct or remove it"
    )]
    InvalidLogicalId { element: String, logical_id: String },
    /// Resources that reference each other in a cycle do not fit in one stack even after
    /// splitting.
    #[error(
        "stack `{stack}` still holds {resources} resources after splitting, over CloudFormation's limit of {limit}; split the segment `{group}` into smaller segments"
    )]
    StackTooLarge {
        stack: String,
        group: String,
        resources: usize,
        limit: usize,
    },
    /// A component AWS needs in two availability zones is drawn in a tier whose subnets are in
    /// one; the export places nothing in another tier or segment instead (the rule ZT-NET-019
    /// reports the same `reason` and `fix` before anyone exports).
    #[error("element `{element}` cannot be exported as drawn: {reason}. {fix}")]
    ZonesShort {
        element: String,
        reason: String,
        fix: String,
    },
    /// A permission set has no account to deploy from: IAM Identity Center creates permission
    /// sets only in the organization's management or delegated administrator account (the rule
    /// ZT-ID-019 reports the same `reason` and `fix`).
    #[error("element `{element}` cannot be exported as drawn: {reason}. {fix}")]
    NoIdentityCenterAccount {
        element: String,
        reason: String,
        fix: String,
    },
    /// An EKS cluster whose pods run on Fargate is drawn in a public subnet, where Fargate runs
    /// no pods; the export runs them in no other tier instead (the rule ZT-NET-020 reports the
    /// same `reason` and `fix`).
    #[error("element `{element}` cannot be exported as drawn: {reason}. {fix}")]
    PublicFargatePods {
        element: String,
        reason: String,
        fix: String,
    },
    /// A section carried from an imported template cannot be merged back.
    #[error("the carried CloudFormation section `{section}` cannot be merged: {message}")]
    Carried { section: String, message: String },
}

/// The result of the export.
pub type ExportResult<T> = std::result::Result<T, ExportError>;
