//! Template sections an import could not map onto the design, written back unchanged into the
//! first account's template.

use super::builder::Builder;
use super::error::{ExportError, ExportResult};
use crate::template::Template;
use crate::value::{Value, ValueKind};

/// The console's parameter grouping, which may name only parameters the template declares.
const INTERFACE: &str = "AWS::CloudFormation::Interface";

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
        b.units
            .get_mut(&unit)
            .expect("the default unit exists")
            .carry(name, resource);
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
    prune_interface(target);
    if target.transform.is_none() {
        target.transform = carried.transform;
    }
    target.resource_loops.extend(carried.resource_loops);
    target.output_loops.extend(carried.output_loops);
    Ok(())
}

/// Keeps the carried console grouping of parameters (`AWS::CloudFormation::Interface`) to the
/// parameters the template still declares: the import carries only those that carried content
/// uses, and cfn-lint (W4001) rejects a grouping that names any other. Groups and labels left
/// empty go, and so does an interface left with neither.
fn prune_interface(template: &mut Template) {
    let declared = |name: &Value| {
        name.as_str()
            .is_some_and(|name| template.parameters.contains_key(name))
    };
    let Some(Value {
        kind: ValueKind::Map(interface),
        ..
    }) = template.metadata.get(INTERFACE)
    else {
        return;
    };
    let mut interface = interface.clone();
    if let Some(Value {
        kind: ValueKind::List(groups),
        ..
    }) = interface.get_mut("ParameterGroups")
    {
        for group in groups.iter_mut() {
            if let ValueKind::Map(group) = &mut group.kind
                && let Some(Value {
                    kind: ValueKind::List(names),
                    ..
                }) = group.get_mut("Parameters")
            {
                names.retain(|name| declared(name));
            }
        }
        groups.retain(|group| {
            group
                .get("Parameters")
                .and_then(Value::as_list)
                .is_some_and(|names| !names.is_empty())
        });
    }
    if let Some(Value {
        kind: ValueKind::Map(labels),
        ..
    }) = interface.get_mut("ParameterLabels")
    {
        labels.retain(|name, _| template.parameters.contains_key(name.as_str()));
    }
    interface.retain(|_, value| match &value.kind {
        ValueKind::List(items) => !items.is_empty(),
        ValueKind::Map(entries) => !entries.is_empty(),
        _ => true,
    });
    if interface.is_empty() {
        template.metadata.shift_remove(INTERFACE);
    } else {
        template
            .metadata
            .insert(INTERFACE.into(), Value::from(interface));
    }
}
