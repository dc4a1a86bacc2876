//! CloudFormation's limits: a design too big for one stack splits into several joined by
//! exports, each within the limits, in an order that deploys; the inline-body limit is reported.

mod export_support;

use std::collections::HashSet;

use zta_cfn::export::{ExportOptions, INLINE_TEMPLATE_LIMIT, TemplateFormat, export_design};
use zta_cfn::{Function, Value, ValueKind};

fn imports(value: &Value, found: &mut Vec<String>) {
    match &value.kind {
        ValueKind::List(items) => items.iter().for_each(|i| imports(i, found)),
        ValueKind::Map(map) => map.values().for_each(|i| imports(i, found)),
        ValueKind::Intrinsic(intrinsic) => {
            if intrinsic.function == Function::ImportValue
                && let Some(name) = intrinsic.argument.as_str()
            {
                found.push(name.to_owned());
            }
            imports(&intrinsic.argument, found);
        }
        _ => {}
    }
}

#[test]
fn a_large_design_splits_into_stacks_within_the_limits() {
    // Three VPCs in one account: about 600 resources for stacks of 120.
    let design = zta_model::synthetic::generate(7, 400);
    let options = ExportOptions {
        max_resources: 120,
        max_template_bytes: 1_000_000,
    };
    let export = export_design(&design, &options).expect("exports");
    assert!(export.stacks.len() > 1);
    let mut exported = HashSet::new();
    for stack in &export.stacks {
        assert!(
            stack.template.resources.len() <= 120,
            "{} has {}",
            stack.name,
            stack.template.resources.len()
        );
        let mut needed = Vec::new();
        for resource in stack.template.resources.values() {
            for value in resource.properties.values() {
                imports(value, &mut needed);
            }
            for dependency in &resource.depends_on {
                assert!(
                    stack.template.resources.contains_key(dependency),
                    "{dependency} crosses stacks"
                );
            }
        }
        for name in needed {
            assert!(
                exported.contains(&name),
                "{} imports {name} before any stack exports it",
                stack.name
            );
        }
        for output in stack.template.outputs.values() {
            if let Some(name) = output
                .export
                .as_ref()
                .and_then(|e| e.get("Name"))
                .and_then(Value::as_str)
            {
                exported.insert(name.to_owned());
            }
        }
    }
    let names: Vec<&str> = export.stacks.iter().map(|s| s.name.as_str()).collect();
    assert!(names.iter().any(|n| n.ends_with("-network")), "{names:?}");
    let manifest: serde_json::Value =
        serde_json::from_str(&export.manifest(TemplateFormat::Yaml)).expect("the manifest is JSON");
    assert_eq!(
        manifest["stacks"].as_array().map(Vec::len),
        Some(export.stacks.len())
    );
}

#[test]
fn templates_over_the_inline_limit_are_named() {
    let design = zta_model::synthetic::generate(3, 150);
    let export = export_design(&design, &ExportOptions::default()).expect("exports");
    let over = export.over_inline_limit(TemplateFormat::Yaml);
    for stack in &export.stacks {
        let bytes = TemplateFormat::Yaml.write(&stack.template).len();
        assert_eq!(
            over.iter().any(|(name, _)| name == &stack.name),
            bytes > INLINE_TEMPLATE_LIMIT
        );
    }
    assert!(
        !over.is_empty(),
        "a design of this size is over 51,200 bytes"
    );
    let manifest: serde_json::Value =
        serde_json::from_str(&export.manifest(TemplateFormat::Yaml)).expect("the manifest is JSON");
    assert_eq!(
        manifest["stacks"][0]["upload_to_s3"],
        serde_json::Value::Bool(true)
    );
}
