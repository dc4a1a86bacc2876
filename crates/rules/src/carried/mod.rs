//! The CloudFormation a design carries verbatim (`carried_cloudformation`, in CloudFormation's
//! JSON form): what an import could not map onto elements, or what an author added by hand. An
//! export writes it as it is, so rules judge it too; a carried resource or output is no element
//! of the design, so findings about it name it by its logical id, which the user finds in the
//! template and in the design file.

pub(crate) mod settings;

use serde_json::{Map, Value};
use zta_model::Design;

/// One carried resource.
pub(crate) struct CarriedResource<'a> {
    /// Its logical id, as in the template.
    pub logical_id: &'a str,
    /// Its `Type`, e.g. `AWS::IAM::User`; empty when the entry has none.
    pub resource_type: &'a str,
    /// Its `Properties`, when it has any.
    pub properties: Option<&'a Map<String, Value>>,
}

/// The entries of a top-level section of the carried CloudFormation (`Resources`, `Outputs`,
/// `Parameters`), by logical id.
fn section<'a>(design: &'a Design, name: &str) -> impl Iterator<Item = (&'a str, &'a Value)> {
    design
        .carried_cloudformation
        .get(name)
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
        .map(|(logical_id, value)| (logical_id.as_str(), value))
}

/// Every carried resource, in the order the design holds them.
pub(crate) fn resources(design: &Design) -> impl Iterator<Item = CarriedResource<'_>> {
    section(design, "Resources").map(|(logical_id, resource)| CarriedResource {
        logical_id,
        resource_type: resource
            .get("Type")
            .and_then(Value::as_str)
            .unwrap_or_default(),
        properties: resource.get("Properties").and_then(Value::as_object),
    })
}

/// Every carried output, by logical id, with its `Value`.
pub(crate) fn outputs(design: &Design) -> impl Iterator<Item = (&str, &Value)> {
    section(design, "Outputs")
        .filter_map(|(logical_id, output)| Some((logical_id, output.get("Value")?)))
}

/// Every carried parameter, by logical id.
pub(crate) fn parameters(design: &Design) -> impl Iterator<Item = (&str, &Value)> {
    section(design, "Parameters")
}

/// The carried parameter of that name.
pub(crate) fn parameter<'a>(design: &'a Design, name: &str) -> Option<&'a Value> {
    section(design, "Parameters")
        .find_map(|(logical_id, parameter)| (logical_id == name).then_some(parameter))
}

/// The carried resource of that logical id.
pub(crate) fn resource<'a>(design: &'a Design, logical_id: &str) -> Option<CarriedResource<'a>> {
    resources(design).find(|resource| resource.logical_id == logical_id)
}

/// The subject a rule records for a carried resource or output, apart from element ids (and
/// the name a finding's `carried` gives it).
pub fn subject(section: &str, logical_id: &str) -> String {
    format!("carried_cloudformation.{section}.{logical_id}")
}

/// The single argument of an intrinsic function written as `{"Fn::Name": argument}`.
pub(crate) fn intrinsic<'a>(value: &'a Value, function: &str) -> Option<&'a Value> {
    let object = value.as_object()?;
    (object.len() == 1).then(|| object.get(function)).flatten()
}

/// The logical id a `{"Ref": name}` names.
pub(crate) fn reference(value: &Value) -> Option<&str> {
    intrinsic(value, "Ref")?.as_str()
}

/// The text a value spells when it is a literal or is assembled from literals by `Fn::Sub` or
/// `Fn::Join`; a part the template only knows at deployment reads as `${...}`.
pub(crate) fn spelled(value: &Value) -> Option<String> {
    if let Some(text) = value.as_str() {
        return Some(text.to_owned());
    }
    if let Some(argument) = intrinsic(value, "Fn::Sub") {
        return match argument {
            Value::String(text) => Some(text.clone()),
            Value::Array(parts) => parts.first().and_then(Value::as_str).map(str::to_owned),
            _ => None,
        };
    }
    if let Some(Value::Array(parts)) = intrinsic(value, "Fn::Join")
        && let [Value::String(delimiter), Value::Array(items)] = parts.as_slice()
    {
        let texts: Vec<String> = items
            .iter()
            .map(|item| spelled(item).unwrap_or_else(|| "${...}".to_owned()))
            .collect();
        return Some(texts.join(delimiter));
    }
    None
}

/// A value that may be one item or a list of them, as IAM policy fields are.
pub(crate) fn one_or_many(value: Option<&Value>) -> Vec<&Value> {
    match value {
        Some(Value::Array(items)) => items.iter().collect(),
        Some(item) => vec![item],
        None => Vec::new(),
    }
}

/// A flag written as a boolean or as the text CloudFormation also accepts (`"true"`).
pub(crate) fn flag(value: &Value) -> Option<bool> {
    match value {
        Value::Bool(flag) => Some(*flag),
        Value::String(text) if text.eq_ignore_ascii_case("true") => Some(true),
        Value::String(text) if text.eq_ignore_ascii_case("false") => Some(false),
        _ => None,
    }
}
