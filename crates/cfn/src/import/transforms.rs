//! The template's `Transform` section: the SAM transform and `AWS::LanguageExtensions`
//! (`Fn::ForEach`) are expanded here, as CloudFormation would; any other macro cannot be run
//! offline, so the import stops with an error naming it.

use super::sam;
use crate::error::{Error, Result};
use crate::parse::{Budget, value_cost};
use crate::template::{FOR_EACH_PREFIX, Template};
use crate::value::{Function, Intrinsic, Map, Value, ValueKind};

const SAM: &str = "AWS::Serverless-2016-10-31";
const LANGUAGE_EXTENSIONS: &str = "AWS::LanguageExtensions";

/// A template with its transforms applied, and what was done, for the report.
pub(crate) struct Prepared {
    pub template: Template,
    pub notes: Vec<String>,
}

pub(crate) fn prepare(mut template: Template, origin: &str, budget: &Budget) -> Result<Prepared> {
    let mut notes = Vec::new();
    let names = template.transform_names();
    let declared = template
        .transform
        .as_ref()
        .map_or(0, |transform| transform.as_list().map_or(1, <[Value]>::len));
    if names.len() < declared {
        return Err(macro_required(
            origin,
            "a transform whose name is not plain text",
        ));
    }
    for name in &names {
        match name.as_str() {
            SAM => {}
            LANGUAGE_EXTENSIONS => {}
            other => return Err(macro_required(origin, other)),
        }
    }
    if names.iter().any(|name| name == LANGUAGE_EXTENSIONS) {
        let loops = template.resource_loops.len() + template.output_loops.len();
        if loops > 0 {
            let mut value = template.to_value();
            let mappings = template.mappings.clone();
            if let ValueKind::Map(sections) = &mut value.kind {
                for section in ["Resources", "Outputs"] {
                    if let Some(entries) = sections.get_mut(section).and_then(as_map_mut) {
                        let expanded =
                            expand_entries(std::mem::take(entries), &mappings, origin, budget)?;
                        *entries = expanded;
                    }
                }
            }
            template = Template::from_value(value, origin)?;
            notes.push(format!(
                "{origin}: expanded {loops} Fn::ForEach loop(s) of AWS::LanguageExtensions"
            ));
        }
    }
    if names.iter().any(|name| name == SAM) {
        notes.extend(sam::expand(&mut template, origin));
        let remaining: Vec<Value> = names
            .iter()
            .filter(|name| name.as_str() != SAM)
            .map(|name| Value::string(name.clone()))
            .collect();
        template.transform = match remaining.len() {
            0 => None,
            1 => remaining.into_iter().next(),
            _ => Some(Value::list(remaining)),
        };
    }
    Ok(Prepared { template, notes })
}

/// A `Transform` section with the SAM transform in it (added last when missing).
pub(crate) fn with_sam(transform: Option<Value>) -> Value {
    let mut names: Vec<Value> = match transform {
        None => Vec::new(),
        Some(value) => match value.as_list() {
            Some(list) => list.to_vec(),
            None => vec![value],
        },
    };
    if !names.iter().any(|name| name.as_str() == Some(SAM)) {
        names.push(Value::string(SAM));
    }
    match names.len() {
        1 => names.remove(0),
        _ => Value::list(names),
    }
}

fn macro_required(origin: &str, name: &str) -> Error {
    Error::MacroRequired {
        origin: origin.to_owned(),
        macro_name: name.to_owned(),
    }
}

fn as_map_mut(value: &mut Value) -> Option<&mut Map> {
    match &mut value.kind {
        ValueKind::Map(map) => Some(map),
        _ => None,
    }
}

/// The entries of a section with every `Fn::ForEach::` loop (nested ones too) unrolled, each
/// copy of a loop's body charged to the load's budget before it is made, and the entries it
/// will unroll into counted before the first copy, so that loops nested in loops can multiply a
/// small template neither into gigabytes nor into millions of small entries. A loop whose
/// collection is neither a literal list of names nor a `Fn::FindInMap` of literal keys to one
/// cannot be expanded offline.
fn expand_entries(entries: Map, mappings: &Map, origin: &str, budget: &Budget) -> Result<Map> {
    let unexpandable = || macro_required(origin, LANGUAGE_EXTENSIONS);
    let mut out = Map::default();
    for (key, value) in entries {
        if !key.starts_with(FOR_EACH_PREFIX) {
            out.insert(key, value);
            continue;
        }
        let [identifier, collection, body] = value.as_list().ok_or_else(unexpandable)? else {
            return Err(unexpandable());
        };
        let identifier = identifier.as_str().ok_or_else(unexpandable)?;
        let items: Vec<&str> = loop_collection(collection, mappings)
            .ok_or_else(unexpandable)?
            .iter()
            .map(Value::as_str)
            .collect::<Option<_>>()
            .ok_or_else(unexpandable)?;
        let body = loop_body(body).ok_or_else(unexpandable)?;
        let body_cost: usize = body
            .iter()
            .map(|(key, value)| key.len().saturating_add(value_cost(value)))
            .fold(0, usize::saturating_add);
        budget.count_loop_entries(
            items.len().saturating_mul(body.len()),
            origin,
            value.location(),
        )?;
        for item in items {
            // Each `${Id}` (at least four bytes) may become the whole item: the copy's size is
            // at most the body's times this factor, charged before anything is copied.
            let growth = 1 + item.len() / (identifier.len() + 3);
            if !budget.charge(body_cost.saturating_mul(growth), origin, value.location()) {
                budget.check()?;
            }
            let substituted: Map = body
                .iter()
                .map(|(key, value)| {
                    (
                        substitute_text(key, identifier, item).into(),
                        substitute(value, identifier, item),
                    )
                })
                .collect();
            out.extend(expand_entries(substituted, mappings, origin, budget)?);
        }
    }
    Ok(out)
}

/// The items of a loop's collection: a literal list, or the list a `Fn::FindInMap` with
/// literal keys finds in the template's `Mappings` (AWS CloudFormation User Guide,
/// "Fn::ForEach": the collection may be a `Fn::FindInMap`).
fn loop_collection<'v>(collection: &'v Value, mappings: &'v Map) -> Option<&'v [Value]> {
    if let Some(items) = collection.as_list() {
        return Some(items);
    }
    let intrinsic = collection.as_intrinsic()?;
    if intrinsic.function != Function::FindInMap {
        return None;
    }
    let [map, top, second] = intrinsic.argument.as_list()? else {
        return None;
    };
    mappings
        .get(map.as_str()?)?
        .get(top.as_str()?)?
        .get(second.as_str()?)?
        .as_list()
}

/// A loop body is a mapping; a body with one nested loop was read as a function.
fn loop_body(body: &Value) -> Option<Map> {
    match &body.kind {
        ValueKind::Map(map) => Some(map.clone()),
        ValueKind::Intrinsic(intrinsic) => Some(Map::from_iter([(
            intrinsic.function.key().to_owned().into(),
            intrinsic.argument.clone(),
        )])),
        _ => None,
    }
}

/// `${Id}` and `&{Id}` (the form that keeps only letters and digits) in a text.
fn substitute_text(text: &str, identifier: &str, item: &str) -> String {
    let alphanumeric: String = item.chars().filter(char::is_ascii_alphanumeric).collect();
    text.replace(&format!("${{{identifier}}}"), item)
        .replace(&format!("&{{{identifier}}}"), &alphanumeric)
}

/// A loop body value with the loop variable replaced: `!Ref Id` by the item, and `${Id}` inside
/// `Sub` templates and keys.
fn substitute(value: &Value, identifier: &str, item: &str) -> Value {
    let kind = match &value.kind {
        ValueKind::List(items) => ValueKind::List(
            items
                .iter()
                .map(|inner| substitute(inner, identifier, item))
                .collect(),
        ),
        ValueKind::Map(map) => ValueKind::Map(
            map.iter()
                .map(|(key, inner)| {
                    (
                        substitute_text(key, identifier, item).into(),
                        substitute(inner, identifier, item),
                    )
                })
                .collect(),
        ),
        ValueKind::Intrinsic(intrinsic) => {
            if intrinsic.function == Function::Ref
                && intrinsic.argument.as_str() == Some(identifier)
            {
                ValueKind::String(item.to_owned().into())
            } else if intrinsic.function == Function::Sub
                && let Some(text) = intrinsic.argument.as_str()
            {
                let text = substitute_text(text, identifier, item);
                if text.contains("${") {
                    ValueKind::Intrinsic(Box::new(Intrinsic {
                        function: Function::Sub,
                        argument: Value::string(text),
                    }))
                } else {
                    ValueKind::String(text.into())
                }
            } else {
                ValueKind::Intrinsic(Box::new(Intrinsic {
                    function: intrinsic.function.clone(),
                    argument: substitute(&intrinsic.argument, identifier, item),
                }))
            }
        }
        other => other.clone(),
    };
    Value {
        kind,
        mark: value.mark,
    }
}
