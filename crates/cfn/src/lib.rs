//! CloudFormation for ZTA Designer: a template model with every intrinsic function, a parser for
//! YAML and JSON that keeps the line and column of every value (so errors and findings point
//! into the file) within limits against hostile input, and writers for YAML with short-form
//! tags and for JSON.
//!
//! [`import`] turns a template into a design, losing nothing: what the design cannot express is
//! carried verbatim. The crate does no I/O: callers hand it text and receive text.

pub mod error;
pub mod export;
pub mod import;
pub mod json_value;
pub mod map;
pub mod parse;
pub mod pitfalls;
pub mod template;
pub mod value;
pub mod write;

pub use error::{Error, Result};
pub use import::{
    ImportOptions, ImportOutcome, ImportReport, NestedTemplate, import_template,
    nested_template_candidates,
};
pub use parse::{Format, Limits, parse_value};
pub use template::{Output, Parameter, Resource, Template};
pub use value::{Function, Intrinsic, Location, Map, Number, SourceMark, Text, Value, ValueKind};
pub use write::{to_json, to_yaml};
