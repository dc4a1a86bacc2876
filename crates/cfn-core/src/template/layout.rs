//! Laying a [`Template`] out in CloudFormation's customary section and attribute order, which
//! both writers then print; empty sections are left out. The layout borrows every value from the
//! template, so writing a template, or measuring its size, copies none of it.

use super::{Output, Resource, Template};
use crate::value::{Map, SourceMark, Value, ValueKind};

/// A template, or part of one, in the order it is written.
#[derive(Debug)]
pub(crate) enum Layout<'a> {
    /// A value of the template, written as it is.
    Value(&'a Value),
    /// A plain string the template keeps outside a value, such as a resource's `Type`.
    Text(&'a str),
    /// A list of such strings, such as a resource's `DependsOn`.
    Texts(&'a [String]),
    /// A mapping the template keeps outside a value, such as a resource's `Properties`.
    Map(&'a Map, SourceMark),
    /// A mapping laid out here, such as a resource's attributes.
    Fields(Vec<(&'a str, Layout<'a>)>, SourceMark),
}

impl Layout<'_> {
    /// The laid-out part as one value that owns its content.
    pub(crate) fn to_value(&self) -> Value {
        match self {
            Layout::Value(value) => (*value).clone(),
            Layout::Text(text) => Value::string((*text).to_owned()),
            Layout::Texts(texts) => Value::list(texts.iter().map(Value::string)),
            Layout::Map(map, mark) => Value {
                kind: ValueKind::Map((*map).clone()),
                mark: *mark,
            },
            Layout::Fields(fields, mark) => Value {
                kind: ValueKind::Map(
                    fields
                        .iter()
                        .map(|(key, field)| ((*key).to_owned().into(), field.to_value()))
                        .collect(),
                ),
                mark: *mark,
            },
        }
    }
}

pub(crate) fn template_layout(template: &Template) -> Layout<'_> {
    let mut sections: Vec<(&str, Layout)> = Vec::new();
    let values = [
        ("AWSTemplateFormatVersion", &template.format_version),
        ("Description", &template.description),
        ("Transform", &template.transform),
    ];
    for (name, value) in values {
        if let Some(value) = value {
            sections.push((name, Layout::Value(value)));
        }
    }
    push_map(&mut sections, "Metadata", &template.metadata);
    if !template.parameters.is_empty() {
        let parameters = template
            .parameters
            .iter()
            .map(|(name, parameter)| {
                let attributes = Layout::Map(&parameter.attributes, parameter.mark);
                (name.as_str(), attributes)
            })
            .collect();
        sections.push((
            "Parameters",
            Layout::Fields(parameters, SourceMark::default()),
        ));
    }
    push_map(&mut sections, "Rules", &template.rules);
    push_map(&mut sections, "Mappings", &template.mappings);
    push_map(&mut sections, "Conditions", &template.conditions);
    let resources = template
        .resources
        .iter()
        .map(|(logical_id, resource)| (logical_id.as_str(), resource_layout(resource)))
        .chain(values_of(&template.resource_loops))
        .collect();
    // CloudFormation requires a Resources section, so it is written even when empty.
    sections.push((
        "Resources",
        Layout::Fields(resources, SourceMark::default()),
    ));
    let outputs: Vec<_> = template
        .outputs
        .iter()
        .map(|(name, output)| (name.as_str(), output_layout(output)))
        .chain(values_of(&template.output_loops))
        .collect();
    if !outputs.is_empty() {
        sections.push(("Outputs", Layout::Fields(outputs, SourceMark::default())));
    }
    sections.extend(values_of(&template.other_sections));
    Layout::Fields(sections, SourceMark::default())
}

/// A section held as a mapping, left out when empty.
fn push_map<'a>(sections: &mut Vec<(&'a str, Layout<'a>)>, name: &'a str, map: &'a Map) {
    if !map.is_empty() {
        sections.push((name, Layout::Map(map, SourceMark::default())));
    }
}

fn values_of(map: &Map) -> impl Iterator<Item = (&str, Layout<'_>)> {
    map.iter()
        .map(|(key, value)| (key.as_str(), Layout::Value(value)))
}

/// A resource's attributes: `Type`, `Condition` and `DependsOn` first so a reader sees what it
/// is and when it exists, then `Metadata`, `Properties`, the other attributes, and the policies.
pub(crate) fn resource_layout(resource: &Resource) -> Layout<'_> {
    let mut attributes = vec![("Type", Layout::Text(&resource.resource_type))];
    if let Some(condition) = &resource.condition {
        attributes.push(("Condition", Layout::Text(condition)));
    }
    match resource.depends_on.as_slice() {
        [] => {}
        [single] => attributes.push(("DependsOn", Layout::Text(single))),
        many => attributes.push(("DependsOn", Layout::Texts(many))),
    }
    if let Some(metadata) = &resource.metadata {
        attributes.push(("Metadata", Layout::Value(metadata)));
    }
    if !resource.properties.is_empty() {
        let properties = Layout::Map(&resource.properties, SourceMark::default());
        attributes.push(("Properties", properties));
    }
    attributes.extend(values_of(&resource.other_attributes));
    if let Some(policy) = &resource.deletion_policy {
        attributes.push(("DeletionPolicy", Layout::Value(policy)));
    }
    if let Some(policy) = &resource.update_replace_policy {
        attributes.push(("UpdateReplacePolicy", Layout::Value(policy)));
    }
    Layout::Fields(attributes, resource.mark)
}

/// A resource's attributes as one value, in the order they are written.
pub fn resource_to_value(resource: &Resource) -> Value {
    resource_layout(resource).to_value()
}

fn output_layout(output: &Output) -> Layout<'_> {
    let mut attributes = Vec::new();
    if let Some(description) = &output.description {
        attributes.push(("Description", Layout::Value(description)));
    }
    if let Some(condition) = &output.condition {
        attributes.push(("Condition", Layout::Text(condition)));
    }
    attributes.push(("Value", Layout::Value(&output.value)));
    if let Some(export) = &output.export {
        attributes.push(("Export", Layout::Value(export)));
    }
    attributes.extend(values_of(&output.other_attributes));
    Layout::Fields(attributes, output.mark)
}
