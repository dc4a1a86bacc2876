//! The export of every example: pinned by snapshots (every template and the manifest), stable
//! across runs, free of the pitfalls cfn-lint misses, with every resource naming its element.

mod export_support;

use std::collections::HashSet;

use export_support::{example_name, examples, load};
use zta_cfn::export::{
    ExportOptions, TemplateFormat, export_design, logical_id, resources_by_element,
};
use zta_cfn::pitfalls::find_pitfalls;

#[test]
fn every_example_exports_to_its_snapshot() {
    for path in examples() {
        let name = example_name(&path);
        let design = load(&path);
        let export =
            export_design(&design, &ExportOptions::default()).expect("the example exports");
        for file in export.files(TemplateFormat::Yaml) {
            insta::assert_snapshot!(format!("{name}__{}", file.name), file.contents);
        }
    }
}

#[test]
fn exports_are_stable_and_free_of_pitfalls() {
    for path in examples() {
        let design = load(&path);
        let first = export_design(&design, &ExportOptions::default()).expect("the example exports");
        let second =
            export_design(&design, &ExportOptions::default()).expect("the example exports");
        assert_eq!(
            first.files(TemplateFormat::Json),
            second.files(TemplateFormat::Json)
        );
        for stack in &first.stacks {
            assert_eq!(find_pitfalls(&stack.template), Vec::new(), "{}", stack.name);
        }
        assert!(
            first
                .warnings
                .iter()
                .all(|w| !w.contains("Pitfall") && !w.contains("HardCoded")),
            "{:?}",
            first.warnings
        );
    }
}

#[test]
fn every_resource_names_an_element_and_main_resources_keep_derived_ids() {
    for path in examples() {
        let design = load(&path);
        let export =
            export_design(&design, &ExportOptions::default()).expect("the example exports");
        let elements: HashSet<String> = design.elements().map(|e| e.id().to_owned()).collect();
        for stack in &export.stacks {
            for (logical, resource) in &stack.template.resources {
                let element = resource
                    .metadata
                    .as_ref()
                    .and_then(|m| m.get("ZtaDesigner"))
                    .and_then(|z| z.get("Element"))
                    .and_then(|e| e.as_str())
                    .unwrap_or_else(|| panic!("{logical} in {} names no element", stack.name));
                assert!(
                    elements.contains(element) || element == "(design default)",
                    "{logical} names unknown element {element}"
                );
            }
        }
        let by_element = resources_by_element(&export);
        for component in &design.components {
            if let Some(resources) = by_element.get(&component.id) {
                assert!(
                    resources
                        .iter()
                        .any(|(_, logical)| logical.starts_with(&logical_id(&component.id))),
                    "{}: {resources:?}",
                    component.id
                );
            }
        }
    }
}

#[test]
fn a_small_design_change_is_a_small_template_diff() {
    let path = examples().into_iter().next().expect("there is an example");
    let design = load(&path);
    let before = export_design(&design, &ExportOptions::default()).expect("exports");
    let mut changed = design.clone();
    let bucket = changed
        .components
        .iter_mut()
        .find(|c| c.kind == zta_model::ComponentKind::S3Bucket)
        .expect("the example has a bucket");
    bucket.name.push_str(" (renamed)");
    bucket.tags.insert("owner".into(), "payments".into());
    let after = export_design(&changed, &ExportOptions::default()).expect("exports");
    let mut differing = 0;
    for (old, new) in before.stacks.iter().zip(&after.stacks) {
        assert_eq!(
            old.template.resources.keys().collect::<Vec<_>>(),
            new.template.resources.keys().collect::<Vec<_>>()
        );
        differing += old
            .template
            .resources
            .iter()
            .filter(|(id, resource)| new.template.resources[*id] != **resource)
            .count();
    }
    assert_eq!(differing, 1, "tagging one bucket changes one resource");
}

#[test]
fn the_inspector_has_a_manual_step_and_shield_says_it_needs_a_subscription() {
    let path = examples()
        .into_iter()
        .find(|p| example_name(p) == "aws-zta-reference")
        .expect("the reference example exists");
    let export = export_design(&load(&path), &ExportOptions::default()).expect("exports");
    let titles: Vec<&str> = export
        .manual_steps
        .iter()
        .map(|s| s.title.as_str())
        .collect();
    assert!(titles.contains(&"Enable Amazon Inspector"), "{titles:?}");
    assert!(
        titles.contains(&"Subscribe to Shield Advanced"),
        "{titles:?}"
    );
    let types: HashSet<&str> = export
        .stacks
        .iter()
        .flat_map(|s| {
            s.template
                .resources
                .values()
                .map(|r| r.resource_type.as_str())
        })
        .collect();
    for expected in [
        "AWS::Shield::Protection",
        "AWS::WAFv2::WebACL",
        "AWS::ApiGateway::RestApi",
        "AWS::ApiGateway::Authorizer",
        "AWS::EC2::TransitGatewayAttachment",
        "AWS::RAM::ResourceShare",
        "AWS::SecurityHub::Standard",
    ] {
        assert!(types.contains(expected), "missing {expected}");
    }
    assert!(export.stacks.len() >= 2, "one stack per account");
}
