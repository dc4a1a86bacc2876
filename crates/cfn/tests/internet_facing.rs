//! What the rules call internet-facing is exactly what the export publishes and protects.
//!
//! The rules and the exporter read one definition, `DesignIndex::is_internet_facing`; this test
//! checks the exporter against it on every example and on generated designs: a load balancer's
//! `Scheme` is `internet-facing`, a REST API's endpoint and an AppSync API's visibility are not
//! `PRIVATE`, exactly when the
//! index says so; and every internet-facing load balancer or API that serves anything has a WAF
//! web ACL associated with it, whether the design draws one or the export adds it.

mod export_support;

use std::collections::BTreeSet;

use export_support::{examples, load};
use serde_json::Value as Json;
use zta_cfn::export::{ExportOptions, export_design};
use zta_model::{ComponentKind, Design, DesignIndex};

/// The generated designs checked besides the examples: enough seeds for every edge kind to meet
/// each scheme, no scheme, and flows from the internet.
const GENERATED: u64 = 40;

/// Every resource of the export, as JSON, with its logical id.
fn resources(design: &Design) -> Vec<(String, Json)> {
    let export = export_design(design, &ExportOptions::default())
        .unwrap_or_else(|error| panic!("{} does not export: {error}", design.name));
    export
        .stacks
        .iter()
        .flat_map(|stack| {
            let template: Json = serde_json::from_str(&zta_cfn::to_json(&stack.template))
                .expect("the writer's JSON parses");
            template["Resources"]
                .as_object()
                .cloned()
                .unwrap_or_default()
                .into_iter()
        })
        .collect()
}

/// The element a resource implements, from the design marker in its metadata.
fn element_of(resource: &Json) -> Option<&str> {
    resource["Metadata"]["ZtaDesigner"]["Element"].as_str()
}

/// The logical ids a value names through `Ref`, `Fn::GetAtt` or a `Fn::Sub` variable.
fn referenced(value: &Json, names: &mut BTreeSet<String>) {
    match value {
        Json::Object(map) => {
            if let Some(Json::String(name)) = map.get("Ref") {
                names.insert(name.clone());
            }
            if let Some(Json::Array(args)) = map.get("Fn::GetAtt")
                && let Some(Json::String(name)) = args.first()
            {
                names.insert(name.clone());
            }
            let template = match map.get("Fn::Sub") {
                Some(Json::String(text)) => Some(text.as_str()),
                Some(Json::Array(args)) => args.first().and_then(Json::as_str),
                _ => None,
            };
            for variable in template
                .into_iter()
                .flat_map(|text| text.split("${").skip(1))
            {
                let name = variable.split('}').next().unwrap_or_default();
                names.insert(name.split('.').next().unwrap_or_default().to_owned());
            }
            map.values().for_each(|item| referenced(item, names));
        }
        Json::Array(items) => items.iter().for_each(|item| referenced(item, names)),
        _ => {}
    }
}

/// Compares the export of one design with the index; returns the disagreements.
fn disagreements(design: &Design) -> Vec<String> {
    let index = DesignIndex::new(design);
    let resources = resources(design);
    let associated: BTreeSet<String> = resources
        .iter()
        .filter(|(_, resource)| resource["Type"] == "AWS::WAFv2::WebACLAssociation")
        .flat_map(|(_, resource)| {
            let mut names = BTreeSet::new();
            referenced(&resource["Properties"]["ResourceArn"], &mut names);
            names
        })
        .collect();
    let mut problems = Vec::new();
    for component in &design.components {
        let facing = index.is_internet_facing(component);
        let main = resources.iter().find(|(_, resource)| {
            element_of(resource) == Some(component.id.as_str())
                && matches!(
                    resource["Type"].as_str(),
                    Some(
                        "AWS::ElasticLoadBalancingV2::LoadBalancer"
                            | "AWS::ApiGateway::RestApi"
                            | "AWS::AppSync::GraphQLApi"
                    )
                )
        });
        let Some((logical_id, resource)) = main else {
            continue;
        };
        if resource["Type"] == "AWS::ElasticLoadBalancingV2::LoadBalancer" {
            let published = resource["Properties"]["Scheme"] == "internet-facing";
            if published != facing {
                problems.push(format!(
                    "{}: {} is internet-facing to the rules: {facing}, exported Scheme: {}",
                    design.name, component.id, resource["Properties"]["Scheme"]
                ));
            }
        }
        if resource["Type"] == "AWS::ApiGateway::RestApi" {
            let types = &resource["Properties"]["EndpointConfiguration"]["Types"];
            let private = types
                .as_array()
                .is_some_and(|types| types.iter().any(|kind| kind == "PRIVATE"));
            if private == facing {
                problems.push(format!(
                    "{}: {} is internet-facing to the rules: {facing}, exported endpoint types: {types}",
                    design.name, component.id
                ));
            }
        }
        if resource["Type"] == "AWS::AppSync::GraphQLApi" {
            let visibility = &resource["Properties"]["Visibility"];
            if (visibility == "GLOBAL") != facing {
                problems.push(format!(
                    "{}: {} is internet-facing to the rules: {facing}, exported Visibility: {visibility}",
                    design.name, component.id
                ));
            }
        }
        // A REST API without integrations has no methods, so AWS cannot deploy it to a stage:
        // it serves nothing, and there is no stage a web ACL could be associated with.
        let serves = component.kind != ComponentKind::ApiGateway
            || resources.iter().any(|(_, resource)| {
                resource["Type"] == "AWS::ApiGateway::Stage"
                    && element_of(resource) == Some(component.id.as_str())
            });
        let guarded_kind = matches!(
            component.kind,
            ComponentKind::Alb | ComponentKind::ApiGateway | ComponentKind::AppsyncApi
        );
        if guarded_kind && facing && serves && !associated.contains(logical_id) {
            problems.push(format!(
                "{}: {} ({:?}) is internet-facing but no web ACL is associated with {logical_id}",
                design.name, component.id, component.kind
            ));
        }
    }
    problems
}

#[test]
fn the_examples_publish_what_the_rules_judge_as_internet_facing() {
    let problems: Vec<String> = examples()
        .iter()
        .flat_map(|path| disagreements(&load(path)))
        .collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn generated_designs_publish_what_the_rules_judge_as_internet_facing() {
    let mut edge_endpoints = 0;
    let mut problems = Vec::new();
    for seed in 0..GENERATED {
        let design = zta_model::synthetic::generate(seed, 150);
        edge_endpoints += design
            .components
            .iter()
            .filter(|component| component.kind.is_edge_endpoint())
            .count();
        problems.extend(disagreements(&design));
    }
    assert!(
        edge_endpoints > GENERATED as usize,
        "the generated designs hold only {edge_endpoints} edge endpoints: the test would judge little"
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
