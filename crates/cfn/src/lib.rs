//! The design codec: a design exported to CloudFormation ([`export`]) and a template imported
//! into a design ([`import`]), losing nothing: what the design cannot express is carried
//! verbatim. Each component and identity kind owns both directions in its module of [`kinds`].
//!
//! The template model it works on is `zta-cfn-core`, re-exported here under the same module
//! names, so that `zta_cfn::value` and `zta_cfn::template` keep naming it. The crate does no I/O:
//! callers hand it text and receive text.

pub mod export;
pub mod import;
mod kinds;
mod marker;
mod policy;
mod trust_names;

pub use zta_cfn_core::{error, json_value, map, parse, pitfalls, template, value, write};

pub use error::{Error, Result};
pub use import::{
    Disposition, ImportOptions, ImportOutcome, ImportReport, NestedTemplate, ReportEntry,
    import_stacks, import_template, nested_template_candidates,
};
pub use parse::{Format, Limits, parse_value};
pub use template::{Output, Parameter, Resource, Template};
pub use value::{Function, Intrinsic, Location, Map, Number, SourceMark, Text, Value, ValueKind};
pub use write::{to_json, to_yaml};
