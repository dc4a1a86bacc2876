//! Errors of the export: the few ways a valid design still cannot become templates.

/// Something that stops a design from being exported.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExportError {
    /// Two elements (or an element and a supporting resource of another) derive the same
    /// logical ID; renaming one of the elements fixes it.
    #[error(
        "elements `{first}` and `{second}` both become the CloudFormation resource `{logical_id}`; rename one of them"
    )]
    LogicalIdCollision {
        logical_id: String,
        first: String,
        second: String,
    },
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
    /// A section carried from an imported template cannot be merged back.
    #[error("the carried CloudFormation section `{section}` cannot be merged: {message}")]
    Carried { section: String, message: String },
}

/// The result of the export.
pub type ExportResult<T> = std::result::Result<T, ExportError>;
