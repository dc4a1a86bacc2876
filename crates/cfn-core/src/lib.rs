//! The CloudFormation template model, usable alone: a located value tree with every intrinsic
//! function, a parser for YAML and JSON that keeps the line and column of every value (so errors
//! and findings point into the file) within limits against hostile input, writers for YAML with
//! short-form tags and for JSON, and the pitfalls cfn-lint misses.
//!
//! It knows nothing of designs: `zta-cfn` turns designs into templates and back on top of it.
//! The crate does no I/O: callers hand it text and receive text.

pub mod error;
pub mod json_value;
pub mod map;
pub mod parse;
pub mod pitfalls;
pub mod template;
pub mod value;
pub mod write;

pub use error::{Error, Result};
pub use parse::{Format, Limits, parse_value};
pub use template::{Output, Parameter, Resource, Template};
pub use value::{Function, Intrinsic, Location, Map, Number, SourceMark, Text, Value, ValueKind};
pub use write::{to_json, to_yaml};
