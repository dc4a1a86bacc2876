//! Errors of the CloudFormation crate: every one names the template it came from and, where
//! there is one, the line and column in it.

use crate::value::Location;

/// Something that stops a template from being read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    /// The text is not well-formed YAML or JSON.
    #[error("{origin}:{location}: {message}")]
    Syntax {
        origin: String,
        location: Location,
        message: String,
    },
    /// The text is bigger than the configured limit; it is refused before parsing.
    #[error("{origin}: the template is {size} bytes, over the limit of {limit} bytes")]
    TooLarge {
        origin: String,
        size: usize,
        limit: usize,
    },
    /// Collections nest deeper than the configured limit.
    #[error("{origin}:{location}: values nest deeper than the limit of {limit} levels")]
    TooDeep {
        origin: String,
        location: Location,
        limit: usize,
    },
    /// The load would do more work than its budget allows: YAML aliases, `Fn::ForEach` loops
    /// and the resolution of `Sub`, `Join` and parameter defaults produce more than the limit
    /// (an alias bomb, loops nested in loops, a large default copied thousands of times).
    #[error(
        "{origin}:{location}: the template expands to more than {limit} bytes (YAML aliases, Fn::ForEach loops, Sub, Join and parameter defaults together); refusing to go further"
    )]
    WorkLimit {
        origin: String,
        location: Location,
        limit: usize,
    },
    /// `Fn::ForEach` loops, nested ones multiplied, unroll into more resources and outputs than
    /// any template CloudFormation accepts could hold.
    #[error(
        "{origin}:{location}: Fn::ForEach loops unroll into more than {limit} resources and outputs, far more than CloudFormation accepts in one template; refusing to go further"
    )]
    LoopLimit {
        origin: String,
        location: Location,
        limit: usize,
    },
    /// The text is well-formed but is not shaped like a CloudFormation template.
    #[error("{origin}:{location}: {message}")]
    Structure {
        origin: String,
        location: Location,
        message: String,
    },
    /// The template declares a transform (macro) that this program cannot expand.
    #[error(
        "{origin}: the template needs the macro `{macro_name}`, which is not available here; expand it first (for example with `aws cloudformation create-change-set` and `get-template --template-stage Processed`)"
    )]
    MacroRequired { origin: String, macro_name: String },
}

/// The result of every fallible operation of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;
