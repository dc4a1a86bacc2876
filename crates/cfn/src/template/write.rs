//! Laying a [`Template`] out as one value in CloudFormation's customary section and attribute
//! order, which both writers then print; empty sections are left out.

use super::{Output, Resource, Template};
use crate::value::{Map, Value};

pub(super) fn template_to_value(template: &Template) -> Value {
    let mut sections = Map::new();
    let mut put = |name: &str, value: Option<Value>| {
        if let Some(value) = value {
            sections.insert(name.to_owned(), value);
        }
    };
    put("AWSTemplateFormatVersion", template.format_version.clone());
    put("Description", template.description.clone());
    put("Transform", template.transform.clone());
    put("Metadata", non_empty(&template.metadata));
    let parameters: Map = template
        .parameters
        .iter()
        .map(|(name, parameter)| {
            let value = Value {
                kind: crate::value::ValueKind::Map(parameter.attributes.clone()),
                mark: parameter.mark,
            };
            (name.clone(), value)
        })
        .collect();
    put("Parameters", non_empty(&parameters));
    put("Rules", non_empty(&template.rules));
    put("Mappings", non_empty(&template.mappings));
    put("Conditions", non_empty(&template.conditions));
    let mut resources: Map = template
        .resources
        .iter()
        .map(|(logical_id, resource)| (logical_id.clone(), resource_to_value(resource)))
        .collect();
    resources.extend(template.resource_loops.clone());
    // CloudFormation requires a Resources section, so it is written even when empty.
    put("Resources", Some(Value::from(resources)));
    let mut outputs: Map = template
        .outputs
        .iter()
        .map(|(name, output)| (name.clone(), output_to_value(output)))
        .collect();
    outputs.extend(template.output_loops.clone());
    put("Outputs", non_empty(&outputs));
    for (name, value) in &template.other_sections {
        sections.insert(name.clone(), value.clone());
    }
    Value::from(sections)
}

fn non_empty(map: &Map) -> Option<Value> {
    (!map.is_empty()).then(|| Value::from(map.clone()))
}

/// A resource's attributes: `Type`, `Condition` and `DependsOn` first so a reader sees what it
/// is and when it exists, then `Metadata`, `Properties`, the other attributes, and the policies.
pub fn resource_to_value(resource: &Resource) -> Value {
    let mut attributes = Map::new();
    attributes.insert("Type".to_owned(), Value::string(&resource.resource_type));
    if let Some(condition) = &resource.condition {
        attributes.insert("Condition".to_owned(), Value::string(condition));
    }
    match resource.depends_on.as_slice() {
        [] => {}
        [single] => {
            attributes.insert("DependsOn".to_owned(), Value::string(single));
        }
        many => {
            let names = many.iter().map(Value::string);
            attributes.insert("DependsOn".to_owned(), Value::list(names));
        }
    }
    if let Some(metadata) = &resource.metadata {
        attributes.insert("Metadata".to_owned(), metadata.clone());
    }
    if !resource.properties.is_empty() {
        let properties = Value::from(resource.properties.clone());
        attributes.insert("Properties".to_owned(), properties);
    }
    attributes.extend(resource.other_attributes.clone());
    if let Some(policy) = &resource.deletion_policy {
        attributes.insert("DeletionPolicy".to_owned(), policy.clone());
    }
    if let Some(policy) = &resource.update_replace_policy {
        attributes.insert("UpdateReplacePolicy".to_owned(), policy.clone());
    }
    Value {
        kind: crate::value::ValueKind::Map(attributes),
        mark: resource.mark,
    }
}

fn output_to_value(output: &Output) -> Value {
    let mut attributes = Map::new();
    if let Some(description) = &output.description {
        attributes.insert("Description".to_owned(), description.clone());
    }
    if let Some(condition) = &output.condition {
        attributes.insert("Condition".to_owned(), Value::string(condition));
    }
    attributes.insert("Value".to_owned(), output.value.clone());
    if let Some(export) = &output.export {
        attributes.insert("Export".to_owned(), export.clone());
    }
    attributes.extend(output.other_attributes.clone());
    Value {
        kind: crate::value::ValueKind::Map(attributes),
        mark: output.mark,
    }
}
