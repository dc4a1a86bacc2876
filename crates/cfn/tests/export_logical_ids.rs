//! The export honours the logical id an element carries (an imported element keeps its
//! template's): the element's main resource takes it, its supporting resources are named after
//! it, every reference names it, and the evidence chain (`resources_by_element`) agrees.

mod export_support;

use std::collections::BTreeSet;

use export_support::{examples, load};
use zta_cfn::export::{
    Export, ExportError, ExportOptions, export_design, logical_id, resources_by_element,
};
use zta_cfn::{Function, Template, Text, Value, ValueKind};
use zta_model::Design;

/// The example with every segment, component and identity given a logical id unlike the one
/// its id derives (`Imported` before the derived one), as an import would.
fn with_imported_ids(design: &Design) -> Design {
    let mut design = design.clone();
    let honour = |id: &str| Some(format!("Imported{}", logical_id(id)));
    for segment in &mut design.segments {
        segment.logical_id = honour(&segment.id);
    }
    for component in &mut design.components {
        component.logical_id = honour(&component.id);
    }
    for identity in &mut design.identities {
        identity.logical_id = honour(&identity.id);
    }
    design
}

/// Every name a template value refers to: `Ref`, `GetAtt`, and `Sub` variables.
fn referenced_names(value: &Value, names: &mut BTreeSet<String>) {
    match &value.kind {
        ValueKind::List(items) => items.iter().for_each(|item| referenced_names(item, names)),
        ValueKind::Map(map) => map.values().for_each(|item| referenced_names(item, names)),
        ValueKind::Tagged { value, .. } => referenced_names(value, names),
        ValueKind::Intrinsic(intrinsic) => {
            match intrinsic.function {
                Function::Ref => names.extend(intrinsic.argument.as_str().map(str::to_owned)),
                Function::GetAtt => names.extend(
                    intrinsic
                        .argument
                        .as_list()
                        .and_then(|args| args.first())
                        .and_then(Value::as_str)
                        .map(str::to_owned),
                ),
                Function::Sub => {
                    let text = intrinsic.argument.as_str().or_else(|| {
                        intrinsic
                            .argument
                            .as_list()
                            .and_then(|args| args.first())
                            .and_then(Value::as_str)
                    });
                    let declared: BTreeSet<&str> = intrinsic
                        .argument
                        .as_list()
                        .and_then(|args| args.get(1))
                        .and_then(Value::as_map)
                        .map(|variables| variables.keys().map(Text::as_str).collect())
                        .unwrap_or_default();
                    let mut rest = text.unwrap_or_default();
                    while let Some(start) = rest.find("${") {
                        let Some(length) = rest[start..].find('}') else {
                            break;
                        };
                        let name = &rest[start + 2..start + length];
                        let base = name.split('.').next().unwrap_or(name);
                        if !name.starts_with('!') && !declared.contains(base) {
                            names.insert(base.to_owned());
                        }
                        rest = &rest[start + length + 1..];
                    }
                }
                _ => {}
            }
            referenced_names(&intrinsic.argument, names);
        }
        _ => {}
    }
}

/// The names a template refers to that it does not declare.
fn dangling(template: &Template) -> Vec<String> {
    let mut names = BTreeSet::new();
    for resource in template.resources.values() {
        for value in resource.properties.values() {
            referenced_names(value, &mut names);
        }
        names.extend(resource.depends_on.iter().cloned());
    }
    for output in template.outputs.values() {
        referenced_names(&output.value, &mut names);
    }
    names
        .into_iter()
        .filter(|name| {
            !name.starts_with("AWS::")
                && !template.resources.contains_key(name)
                && !template.parameters.contains_key(name)
        })
        .collect()
}

fn export(design: &Design) -> Export {
    export_design(design, &ExportOptions::default()).expect("the design exports")
}

#[test]
fn every_element_resource_and_reference_follows_the_logical_id_it_carries() {
    for path in examples() {
        let design = with_imported_ids(&load(&path));
        let export = export(&design);
        let by_element = resources_by_element(&export);
        for stack in &export.stacks {
            let missing = dangling(&stack.template);
            assert!(
                missing.is_empty(),
                "{}: stack {} refers to undeclared {missing:?}",
                path.display(),
                stack.name
            );
            for (logical, resource) in &stack.template.resources {
                let marker = resource
                    .metadata
                    .as_ref()
                    .and_then(|metadata| metadata.get("ZtaDesigner"))
                    .expect("every exported resource names its element");
                let element = marker.get("Element").and_then(Value::as_str).unwrap();
                let Some(carried) = design
                    .segments
                    .iter()
                    .map(|s| (&s.id, &s.logical_id))
                    .chain(design.components.iter().map(|c| (&c.id, &c.logical_id)))
                    .chain(design.identities.iter().map(|i| (&i.id, &i.logical_id)))
                    .find(|(id, _)| id.as_str() == element)
                    .and_then(|(_, logical_id)| logical_id.clone())
                else {
                    continue;
                };
                match marker.get("Part").and_then(Value::as_str) {
                    None => assert_eq!(logical, &carried, "{element}'s main resource"),
                    // A supporting resource is named after its element, or after the element it
                    // belongs to (a user pool's link to an identity provider), and then names
                    // itself whole; either way after a carried logical id.
                    Some(part) => assert!(
                        *logical == format!("{carried}{part}")
                            || (logical == part && logical.starts_with("Imported")),
                        "{element}'s supporting resource {logical} (part {part})"
                    ),
                }
                assert!(
                    by_element[element].contains(&(stack.name.clone(), logical.clone())),
                    "the evidence chain of {element} lists {logical}"
                );
            }
        }
    }
}

#[test]
fn a_carried_resource_keeps_its_name_and_the_generated_one_steps_aside() {
    let path = examples()
        .into_iter()
        .find(|path| path.to_string_lossy().contains("three-tier"))
        .expect("the three-tier example");
    let mut design = load(&path);
    let bucket = design
        .components
        .iter()
        .find(|c| c.kind == zta_model::ComponentKind::S3Bucket)
        .expect("a bucket")
        .id
        .clone();
    let taken = format!("{}Policy", logical_id(&bucket));
    design.carried_cloudformation.insert(
        "Resources".into(),
        serde_json::json!({ taken.clone(): { "Type": "AWS::SNS::Topic" } }),
    );
    let export = export(&design);
    let stack = export
        .stacks
        .iter()
        .find(|stack| stack.template.resources.contains_key(&taken))
        .expect("the carried resource is written");
    assert_eq!(
        stack.template.resources[&taken].resource_type,
        "AWS::SNS::Topic"
    );
    let generated = format!("{taken}Zta");
    assert_eq!(
        stack.template.resources[&generated].resource_type,
        "AWS::S3::BucketPolicy"
    );
    assert!(dangling(&stack.template).is_empty());
}

#[test]
fn a_logical_id_cloudformation_refuses_is_an_error_naming_the_element() {
    let mut design = load(&examples()[0]);
    let component = &mut design.components[0];
    component.logical_id = Some("Not-Valid".into());
    let id = component.id.clone();
    match export_design(&design, &ExportOptions::default()) {
        Err(ExportError::InvalidLogicalId {
            element,
            logical_id,
        }) => {
            assert_eq!(element, id);
            assert_eq!(logical_id, "Not-Valid");
        }
        other => panic!("expected an invalid logical id error, got {other:?}"),
    }
}
