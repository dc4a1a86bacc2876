//! Turning a parsed value tree into a [`Template`], with an error that points at the offending
//! place when the text is not shaped like a template.

use indexmap::IndexMap;

use super::{FOR_EACH_PREFIX, Output, Parameter, Resource, Template};
use crate::error::{Error, Result};
use crate::value::{Intrinsic, Location, Map, Value, ValueKind};

pub(super) fn template_from_value(root: Value, origin: &str) -> Result<Template> {
    let reader = Reader { origin };
    let root_location = root.location();
    let ValueKind::Map(sections) = root.kind else {
        return Err(reader.error(root_location, "a template must be a mapping of sections"));
    };
    let mut template = Template::default();
    for (name, value) in sections {
        match name.as_str() {
            "AWSTemplateFormatVersion" => template.format_version = Some(value),
            "Description" => template.description = Some(value),
            "Transform" => template.transform = Some(value),
            "Metadata" => template.metadata = reader.map(value, "Metadata")?,
            "Rules" => template.rules = reader.map(value, "Rules")?,
            "Mappings" => template.mappings = reader.map(value, "Mappings")?,
            "Conditions" => template.conditions = reader.map(value, "Conditions")?,
            "Parameters" => {
                for (key, parameter) in reader.map(value, "Parameters")? {
                    let location = parameter.location();
                    let attributes = reader.map(parameter, &format!("parameter `{key}`"))?;
                    let parameter = Parameter {
                        attributes,
                        mark: crate::value::SourceMark::new(location),
                    };
                    template.parameters.insert(key.into_string(), parameter);
                }
            }
            "Resources" => {
                let (resources, loops) = reader.split_loops(value, "Resources")?;
                template.resource_loops = loops;
                template.resources = resources
                    .into_iter()
                    .map(|(key, value)| {
                        let resource = reader.resource(&key, value)?;
                        Ok((key.into_string(), resource))
                    })
                    .collect::<Result<IndexMap<_, _, _>>>()?;
            }
            "Outputs" => {
                let (outputs, loops) = reader.split_loops(value, "Outputs")?;
                template.output_loops = loops;
                template.outputs = outputs
                    .into_iter()
                    .map(|(key, value)| {
                        let output = reader.output(&key, value)?;
                        Ok((key.into_string(), output))
                    })
                    .collect::<Result<IndexMap<_, _, _>>>()?;
            }
            _ => {
                template.other_sections.insert(name, value);
            }
        }
    }
    Ok(template)
}

struct Reader<'a> {
    origin: &'a str,
}

impl Reader<'_> {
    fn error(&self, location: Option<Location>, message: &str) -> Error {
        Error::Structure {
            origin: self.origin.to_owned(),
            location: location.unwrap_or(Location::new(1, 1)),
            message: message.to_owned(),
        }
    }

    fn map(&self, value: Value, what: &str) -> Result<Map> {
        match value.kind {
            ValueKind::Map(map) => Ok(map),
            // A section or body with one entry keyed `Fn::...` (a lone `Fn::ForEach::Name` loop)
            // was read as a function; here it is a mapping.
            ValueKind::Intrinsic(intrinsic) => {
                let Intrinsic { function, argument } = *intrinsic;
                Ok(Map::from_iter([(
                    function.key().to_owned().into(),
                    argument,
                )]))
            }
            // An empty section (`Outputs:` with nothing under it) reads as null.
            ValueKind::Null => Ok(Map::default()),
            _ => Err(self.error(value.mark.location(), &format!("{what} must be a mapping"))),
        }
    }

    fn string(&self, value: Value, what: &str) -> Result<String> {
        match value.kind {
            ValueKind::String(text) => Ok(text.into_string()),
            _ => Err(self.error(value.mark.location(), &format!("{what} must be a string"))),
        }
    }

    /// Separates `Fn::ForEach::` loops from the ordinary entries of a section.
    fn split_loops(&self, value: Value, section: &str) -> Result<(Map, Map)> {
        let mut entries = Map::default();
        let mut loops = Map::default();
        for (key, entry) in self.map(value, section)? {
            if key.starts_with(FOR_EACH_PREFIX) {
                loops.insert(key, entry);
            } else {
                entries.insert(key, entry);
            }
        }
        Ok((entries, loops))
    }

    fn resource(&self, logical_id: &str, value: Value) -> Result<Resource> {
        let location = value.location();
        let attributes = self.map(value, &format!("resource `{logical_id}`"))?;
        let mut resource = Resource {
            mark: crate::value::SourceMark::new(location),
            ..Resource::default()
        };
        let mut resource_type = None;
        for (name, attribute) in attributes {
            let what = format!("`{name}` of resource `{logical_id}`");
            match name.as_str() {
                "Type" => resource_type = Some(self.string(attribute, &what)?),
                "Properties" => resource.properties = self.map(attribute, &what)?,
                "Condition" => resource.condition = Some(self.string(attribute, &what)?),
                "Metadata" => resource.metadata = Some(attribute),
                "DeletionPolicy" => resource.deletion_policy = Some(attribute),
                "UpdateReplacePolicy" => resource.update_replace_policy = Some(attribute),
                "DependsOn" => resource.depends_on = self.depends_on(attribute, &what)?,
                _ => {
                    resource.other_attributes.insert(name, attribute);
                }
            }
        }
        resource.resource_type = resource_type.ok_or_else(|| {
            self.error(location, &format!("resource `{logical_id}` has no `Type`"))
        })?;
        Ok(resource)
    }

    fn depends_on(&self, value: Value, what: &str) -> Result<Vec<String>> {
        match value.kind {
            ValueKind::String(name) => Ok(vec![name.into_string()]),
            ValueKind::List(items) => items
                .into_iter()
                .map(|item| self.string(item, what))
                .collect(),
            _ => Err(self.error(
                value.mark.location(),
                &format!("{what} must be a logical ID or a list of them"),
            )),
        }
    }

    fn output(&self, name: &str, value: Value) -> Result<Output> {
        let location = value.location();
        let attributes = self.map(value, &format!("output `{name}`"))?;
        let mut output_value = None;
        let mut output = Output::new(Value::null());
        output.mark = crate::value::SourceMark::new(location);
        for (attribute, entry) in attributes {
            match attribute.as_str() {
                "Value" => output_value = Some(entry),
                "Description" => output.description = Some(entry),
                "Export" => output.export = Some(entry),
                "Condition" => {
                    let what = format!("`Condition` of output `{name}`");
                    output.condition = Some(self.string(entry, &what)?);
                }
                _ => {
                    output.other_attributes.insert(attribute, entry);
                }
            }
        }
        output.value = output_value
            .ok_or_else(|| self.error(location, &format!("output `{name}` has no `Value`")))?;
        Ok(output)
    }
}
