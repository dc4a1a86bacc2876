//! Reading YAML and JSON text into the located value tree, within limits that keep hostile
//! input (alias bombs, deep nesting, huge files) from exhausting memory or the stack.

mod json;
mod yaml;

use std::path::Path;

use crate::error::{Error, Result};
use crate::value::{Function, Intrinsic, Location, Map, Value, ValueKind};

/// Bounds on what a parse may consume; every one fails with a clear error when exceeded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest accepted input, in bytes. CloudFormation itself takes at most 1 MB, so the default
    /// of 16 MiB leaves room for generated and pre-processing templates.
    pub max_bytes: usize,
    /// Deepest accepted nesting of collections. Real templates stay under 30 levels.
    pub max_depth: usize,
    /// Most values that YAML aliases may add to the tree in total. Templates rarely use aliases
    /// at all; an alias bomb needs millions.
    pub max_alias_values: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_bytes: 16 * 1024 * 1024,
            max_depth: 128,
            max_alias_values: 100_000,
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

/// Parses `text` (read from `origin`, which names it in errors) into a value tree.
pub fn parse_value(text: &str, origin: &str, format: Format, limits: &Limits) -> Result<Value> {
    if text.len() > limits.max_bytes {
        return Err(Error::TooLarge {
            origin: origin.to_owned(),
            size: text.len(),
            limit: limits.max_bytes,
        });
    }
    match format {
        Format::Yaml => yaml::parse(text, origin, limits),
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

/// How many values a tree holds, for charging alias expansions against their limit.
pub(crate) fn count_values(value: &Value) -> usize {
    1 + match &value.kind {
        ValueKind::List(items) => items.iter().map(count_values).sum(),
        ValueKind::Map(map) => map.values().map(count_values).sum(),
        ValueKind::Intrinsic(intrinsic) => count_values(&intrinsic.argument),
        ValueKind::Tagged { value, .. } => count_values(value),
        _ => 0,
    }
}
