//! Loading a design from text: syntax, types, the schema version, then referential integrity,
//! with every problem mapped to a line and column.

use serde::Deserialize;

use super::spans::SpanIndex;
use super::suggest::explain;
use super::version::check_schema_version;
use crate::{Design, LoadError, Location, Problem, SCHEMA_VERSION, integrity};

/// Parses and checks a design. `origin` names the text in messages (usually the file path).
///
/// JSON is recognised by its opening brace; everything else is read as YAML.
pub fn load_str(text: &str, origin: &str) -> Result<Design, Box<LoadError>> {
    // A byte-order mark is invisible in editors; left in, it would become part of the first
    // key and the file would seem to lack `schema_version`.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let fail = |problems: Vec<Problem>| {
        Box::new(LoadError {
            origin: origin.to_string(),
            text: text.to_string(),
            problems,
        })
    };
    let is_json = text.trim_start().starts_with('{');

    let spans = SpanIndex::build(text).map_err(|(message, location)| {
        fail(vec![Problem {
            message,
            path: None,
            location: Some(location),
            help: None,
        }])
    })?;

    let version_problem = |message: String| Problem {
        message,
        path: Some("schema_version".into()),
        location: spans
            .value("schema_version")
            .or(Some(Location { line: 1, column: 1 })),
        help: None,
    };
    // The typed parse comes first so that a valid file is parsed once; only when it fails is
    // the version probed alone, so that a file of another version gets a version message
    // rather than a confusing field error.
    let parsed = if is_json {
        deserialize_json(text, &spans)
    } else {
        deserialize_yaml(text, &spans)
    };
    let design = match parsed {
        Ok(design) => {
            check_schema_version(Some(u64::from(design.schema_version)))
                .map_err(|message| fail(vec![version_problem(message)]))?;
            design
        }
        Err(problem) => {
            probe_version(text, is_json)
                .and_then(check_schema_version)
                .map_err(|message| fail(vec![version_problem(message)]))?;
            return Err(fail(vec![problem]));
        }
    };

    let problems: Vec<Problem> = integrity::check(&design)
        .into_iter()
        .map(|issue| Problem {
            location: if issue.at_key {
                spans.key(&issue.path)
            } else {
                spans.value(&issue.path)
            },
            message: issue.message,
            path: Some(issue.path),
            help: issue.help,
        })
        .collect();
    if problems.is_empty() {
        Ok(design)
    } else {
        let mut problems = problems;
        problems.sort_by_key(|problem| problem.location);
        Err(fail(problems))
    }
}

/// Reads `schema_version` alone, ignoring everything else, so that a file from another version
/// is refused with a version message rather than a confusing field error. A version written as
/// text (`"1"`) or as anything but a whole number is refused here with what to write instead.
fn probe_version(text: &str, is_json: bool) -> Result<Option<u64>, String> {
    #[derive(Deserialize)]
    struct Probe {
        schema_version: Option<serde_json::Value>,
    }
    let probe: Option<Probe> = if is_json {
        serde_json::from_str(text).ok()
    } else {
        serde_norway::from_str(text).ok()
    };
    match probe.and_then(|probe| probe.schema_version) {
        None => Ok(None),
        Some(serde_json::Value::Number(number)) if number.as_u64().is_some() => Ok(number.as_u64()),
        Some(serde_json::Value::String(written)) => Err(format!(
            "`schema_version` is the text \"{written}\"; write it as a number: \
             `schema_version: {SCHEMA_VERSION}`"
        )),
        Some(other) => Err(format!(
            "`schema_version` must be a whole number, not `{other}`; write \
             `schema_version: {SCHEMA_VERSION}`"
        )),
    }
}

fn deserialize_yaml(text: &str, spans: &SpanIndex) -> Result<Design, Problem> {
    let deserializer = serde_norway::Deserializer::from_str(text);
    serde_path_to_error::deserialize(deserializer).map_err(|error| {
        let path = error.path().to_string();
        let inner = error.into_inner();
        let location = inner
            .location()
            .map(|location| Location {
                line: location.line(),
                column: location.column(),
            })
            .or_else(|| spans.value(&path));
        type_problem(&inner.to_string(), path, location)
    })
}

fn deserialize_json(text: &str, spans: &SpanIndex) -> Result<Design, Problem> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
        let path = error.path().to_string();
        let inner = error.into_inner();
        let location = (inner.line() > 0)
            .then(|| Location {
                line: inner.line(),
                column: inner.column(),
            })
            .or_else(|| spans.value(&path));
        type_problem(&inner.to_string(), path, location)
    })
}

/// Builds the problem for a serde error, stripping the position and path that serde writes
/// into its message (the problem carries both as fields).
fn type_problem(raw: &str, path: String, location: Option<Location>) -> Problem {
    let mut message = raw;
    if let Some(cut) = message.find(" at line ") {
        message = &message[..cut];
    }
    // serde_norway starts its message with its own idea of the path ("segments[0]: ..."),
    // which the problem already carries; a prefix without spaces before ": " is that path.
    if let Some((prefix, rest)) = message.split_once(": ")
        && !prefix.contains(' ')
        && (prefix.contains('[') || prefix.contains('.') || prefix == path)
    {
        message = rest;
    }
    let explained = explain(message, &path);
    let path = (path != ".").then_some(path);
    Problem {
        message: explained.message,
        path,
        location,
        help: explained.help,
    }
}
