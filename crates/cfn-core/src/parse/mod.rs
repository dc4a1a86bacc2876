//! Reading YAML and JSON text into the located value tree, within limits that keep hostile
//! input (alias bombs, deep nesting, huge files) from exhausting memory or the stack.

mod budget;
mod flow_indent;
mod json;
mod yaml;

use std::path::Path;

use crate::error::{Error, Result};
use crate::value::{Function, Intrinsic, Location, Map, Value, ValueKind};

pub use budget::{Budget, MAX_LOOP_ENTRIES, NODE_COST, value_cost};
pub(crate) use yaml::takes_name;

/// Largest accepted input. CloudFormation itself takes at most 1 MB, so 16 MiB leaves room for
/// generated and pre-processing templates while bounding what one read may hold.
pub const MAX_TEMPLATE_BYTES: usize = 16 * 1024 * 1024;

/// Deepest accepted nesting of collections. Real templates stay under 30 levels; 128 keeps the
/// recursive readers and writers far from the stack's end.
pub const MAX_TEMPLATE_DEPTH: usize = 128;

/// The work one load may do beyond reading its text (see [`Budget`]). It is sixteen times the
/// largest accepted text, room for a template that resolves each of its values several times,
/// while bounding what aliases and `Fn::ForEach` keep in memory to about that and the
/// resolution's time to seconds. (Not yet measured against the corpus's largest templates.)
pub const MAX_WORK_BYTES: usize = 256 * 1024 * 1024;

/// Bounds on what a load may consume; every one fails with a clear error when exceeded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest accepted input, in bytes ([`MAX_TEMPLATE_BYTES`] by default).
    pub max_bytes: usize,
    /// Deepest accepted nesting of collections ([`MAX_TEMPLATE_DEPTH`] by default).
    pub max_depth: usize,
    /// The budget of one load, in bytes of work ([`MAX_WORK_BYTES`] by default): what YAML
    /// aliases, `Fn::ForEach` and the resolution of intrinsic functions produce, all together.
    pub max_work_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_bytes: MAX_TEMPLATE_BYTES,
            max_depth: MAX_TEMPLATE_DEPTH,
            max_work_bytes: MAX_WORK_BYTES,
        }
    }
}

/// The two syntaxes a template may be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Yaml,
    Json,
}

impl Format {
    /// The format of a template named `origin` with the given text: a `.json` name means JSON, a
    /// `.yaml` or `.yml` name YAML, and otherwise text opening with `{` is taken for JSON.
    pub fn detect(origin: &str, text: &str) -> Self {
        match Path::new(origin).extension().and_then(|ext| ext.to_str()) {
            Some(ext) if ext.eq_ignore_ascii_case("json") => Self::Json,
            Some(ext) if ext.eq_ignore_ascii_case("yaml") || ext.eq_ignore_ascii_case("yml") => {
                Self::Yaml
            }
            _ if text
                .trim_start_matches('\u{feff}')
                .trim_start()
                .starts_with('{') =>
            {
                Self::Json
            }
            _ => Self::Yaml,
        }
    }
}

/// Parses `text` (read from `origin`, which names it in errors) into a value tree, with a
/// budget of its own.
pub fn parse_value(text: &str, origin: &str, format: Format, limits: &Limits) -> Result<Value> {
    parse_value_within(
        text,
        origin,
        format,
        limits,
        &Budget::new(limits.max_work_bytes),
    )
}

/// Parses `text` into a value tree, charging YAML alias expansions to `budget`, the one budget
/// of the load it is part of.
pub fn parse_value_within(
    text: &str,
    origin: &str,
    format: Format,
    limits: &Limits,
    budget: &Budget,
) -> Result<Value> {
    if text.len() > limits.max_bytes {
        return Err(Error::TooLarge {
            origin: origin.to_owned(),
            size: text.len(),
            limit: limits.max_bytes,
        });
    }
    match format {
        Format::Yaml => yaml::parse(text, origin, limits, budget),
        Format::Json => json::parse(text, origin, limits),
    }
}

/// Builds a mapping from its entries in order: refuses duplicate keys (CloudFormation rejects
/// them, and silently keeping one would lose what the other says) and recognises a single-key
/// mapping whose key names an intrinsic function as that function.
pub(crate) fn finish_mapping(
    entries: Vec<(String, Location, Value)>,
    location: Location,
    origin: &str,
) -> Result<Value> {
    let mut map = Map::with_capacity(entries.len());
    let mut first_seen: Vec<Location> = Vec::with_capacity(entries.len());
    for (key, key_location, value) in entries {
        if let Some(index) = map.get_index_of(key.as_str()) {
            return Err(Error::Syntax {
                origin: origin.to_owned(),
                location: key_location,
                message: format!(
                    "duplicate key `{key}` (first written at {})",
                    first_seen[index]
                ),
            });
        }
        map.insert(key.into(), value);
        first_seen.push(key_location);
    }
    if map.len() == 1 {
        let (key, _) = map.get_index(0).expect("one entry");
        if let Some(function) = Function::from_key(key) {
            let (_, argument) = map.pop().expect("one entry");
            return Ok(intrinsic_at(function, argument, location));
        }
    }
    Ok(Value::at(ValueKind::Map(map), location))
}

/// An intrinsic function value, with `GetAtt`'s dotted string form normalised to the list form
/// so that `!GetAtt A.B` and `{"Fn::GetAtt": ["A", "B"]}` read the same, and `GetAZs` of null
/// (JSON's spelling of the stack's own region) read as the empty string YAML's bare `!GetAZs` is.
pub(crate) fn intrinsic_at(function: Function, argument: Value, location: Location) -> Value {
    let argument = match (&function, &argument.kind) {
        (Function::GetAZs, ValueKind::Null) => Value {
            kind: ValueKind::String("".into()),
            mark: argument.mark,
        },
        (Function::GetAtt, ValueKind::String(dotted)) => match dotted.split_once('.') {
            Some((resource, attribute)) => Value {
                kind: ValueKind::List(vec![
                    Value {
                        kind: ValueKind::String(resource.to_owned().into()),
                        mark: argument.mark,
                    },
                    Value {
                        kind: ValueKind::String(attribute.to_owned().into()),
                        mark: argument.mark,
                    },
                ]),
                mark: argument.mark,
            },
            None => argument,
        },
        _ => argument,
    };
    Value::at(
        ValueKind::Intrinsic(Box::new(Intrinsic { function, argument })),
        location,
    )
}
