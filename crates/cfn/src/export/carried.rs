//! Template sections an import could not map onto the design, written back unchanged into the
//! first account's template.

use super::builder::{Builder, Group};
use super::error::{ExportError, ExportResult};
use crate::template::Template;

pub(crate) fn merge(b: &mut Builder<'_>) -> ExportResult<()> {
    let carried = &b.design.carried_cloudformation;
    if carried.is_empty() {
        return Ok(());
    }
    let mut document = serde_json::Map::new();
    for (section, value) in carried {
        document.insert(section.clone(), value.clone());
    }
    if !document.contains_key("Resources") {
        document.insert(
            "Resources".into(),
            serde_json::Value::Object(serde_json::Map::new()),
        );
    }
    let text =
        serde_json::to_string(&serde_json::Value::Object(document)).expect("JSON values serialise");
    let carried = Template::parse(&text, "carried_cloudformation.json").map_err(|error| {
        ExportError::Carried {
            section: "carried_cloudformation".into(),
            message: error.to_string(),
        }
    })?;
    let unit = b.default_unit();
    for (name, resource) in carried.resources {
        if b.has_resource(&unit, &name) {
            return Err(ExportError::Carried {
                section: "Resources".into(),
                message: format!("`{name}` is also a resource the design exports"),
            });
        }
        let target = b.units.get_mut(&unit).expect("the default unit exists");
        target.groups.insert(name.clone(), Group::Security);
        target.template.resources.insert(name, resource);
    }
    let target = &mut b
        .units
        .get_mut(&unit)
        .expect("the default unit exists")
        .template;
    for (name, parameter) in carried.parameters {
        target.parameters.entry(name).or_insert(parameter);
    }
    for (name, output) in carried.outputs {
        target.outputs.entry(name).or_insert(output);
    }
    for (name, value) in carried.conditions {
        target.conditions.entry(name).or_insert(value);
    }
    for (name, value) in carried.mappings {
        target.mappings.entry(name).or_insert(value);
    }
    for (name, value) in carried.rules {
        target.rules.entry(name).or_insert(value);
    }
    for (name, value) in carried.metadata {
        target.metadata.entry(name).or_insert(value);
    }
    if target.transform.is_none() {
        target.transform = carried.transform;
    }
    target.resource_loops.extend(carried.resource_loops);
    target.output_loops.extend(carried.output_loops);
    Ok(())
}
