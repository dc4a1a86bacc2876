//! What is drawn is what deploys, nothing moved or changed: every resource goes only into
//! subnets of the tier and VPC the design draws it in, and a secret that does not rotate gets no
//! rotation schedule. A one-zone design whose load balancer and database AWS needs in two zones
//! is refused with the words of the finding (ZT-NET-019) that flagged it before export; the same
//! design with a second zone in each tier places each resource in its own tier's subnets. (The
//! two-zone export is also linted by cfn-lint with the examples, in `export_validators.rs`.) An
//! EKS cluster whose pods would run on Fargate in a public tier is refused with the words of
//! ZT-NET-020.

mod export_support;

use export_support::{load, workspace};
use zta_cfn::export::{ExportError, ExportOptions, export_design, logical_id};
use zta_cfn::value::Value;
use zta_cfn::{ImportOptions, import_stacks, to_yaml};

fn placement(name: &str) -> zta_model::Design {
    load(&workspace().join(format!("crates/cfn/tests/placement/{name}.zta.yaml")))
}

/// The items of a list value.
fn refs(value: Option<&Value>) -> Vec<Value> {
    value.and_then(Value::as_list).unwrap_or_default().to_vec()
}

/// `Ref`s to the subnets with these element ids.
fn ids(subnets: &[&str]) -> Vec<Value> {
    subnets
        .iter()
        .map(|id| Value::reference(logical_id(id)))
        .collect()
}

#[test]
fn a_one_zone_design_is_refused_with_the_findings_reason() {
    let design = placement("one-zone");
    let report = zta_rules::validate(&design);
    let findings: Vec<_> = report
        .findings
        .iter()
        .filter(|finding| finding.rule == "ZT-NET-019")
        .collect();
    let flagged: Vec<&str> = findings
        .iter()
        .map(|finding| finding.elements[0].as_str())
        .collect();
    assert_eq!(flagged, ["shop-alb", "shop-db"], "{findings:#?}");

    let refusal = export_design(&design, &ExportOptions::default())
        .expect_err("the export refuses a design AWS cannot place as drawn");
    let ExportError::ZonesShort {
        element,
        reason,
        fix,
    } = &refusal
    else {
        panic!("refused for another reason: {refusal}");
    };
    let finding = findings
        .iter()
        .find(|finding| finding.elements[0] == *element)
        .expect("the refused element has the finding");
    assert_eq!(&finding.message, reason);
    assert_eq!(&finding.remediation, fix);
    assert!(
        reason.contains("isolated tier of VPC `shop-vpc`"),
        "{reason}"
    );
}

#[test]
fn a_two_zone_design_places_every_resource_in_its_own_tier() {
    let design = placement("two-zone");
    let report = zta_rules::validate(&design);
    assert!(
        report
            .findings
            .iter()
            .all(|finding| finding.rule != "ZT-NET-019"),
        "{:#?}",
        report.findings
    );
    let export = export_design(&design, &ExportOptions::default()).expect("the design exports");
    let resources = &export.stacks[0].template.resources;
    let property = |logical: &str, path: &[&str]| {
        let resource = resources
            .get(logical)
            .unwrap_or_else(|| panic!("no resource {logical}"));
        let mut value = resource.properties.get(path[0]);
        for key in &path[1..] {
            value = value.and_then(|v| v.get(key));
        }
        refs(value)
    };
    assert_eq!(
        property(&logical_id("shop-alb"), &["Subnets"]),
        ids(&["web-a", "web-b"])
    );
    assert_eq!(
        property(
            &format!("{}SubnetGroup", logical_id("shop-db")),
            &["SubnetIds"]
        ),
        ids(&["db-a", "db-b"])
    );
    assert_eq!(
        property(
            &logical_id("shop-service"),
            &["NetworkConfiguration", "AwsvpcConfiguration", "Subnets"]
        ),
        ids(&["app-a", "app-b"])
    );
}

/// `rotation_days: 0` means the secret does not rotate: the export writes no rotation schedule
/// (rather than a one-day one), and the import of that export gives 0 back.
#[test]
fn a_secret_that_does_not_rotate_gets_no_schedule() {
    let mut design = load(&workspace().join("crates/cfn/tests/kinds/secret.zta.yaml"));
    let secret = design
        .components
        .iter_mut()
        .find(|component| component.kind == zta_model::ComponentKind::Secret)
        .expect("the kind fixture holds a secret");
    secret.properties.rotation_days = Some(0);
    let id = secret.id.clone();
    let export = export_design(&design, &ExportOptions::default()).expect("the design exports");
    let schedules = export
        .stacks
        .iter()
        .flat_map(|stack| stack.template.resources.values())
        .filter(|resource| resource.resource_type == "AWS::SecretsManager::RotationSchedule")
        .count();
    assert_eq!(schedules, 0);
    let texts: Vec<(String, String)> = export
        .stacks
        .iter()
        .map(|stack| (format!("{}.yaml", stack.name), to_yaml(&stack.template)))
        .collect();
    let stacks: Vec<(&str, &str)> = texts
        .iter()
        .map(|(origin, text)| (origin.as_str(), text.as_str()))
        .collect();
    let imported = import_stacks(&stacks, &ImportOptions::default()).expect("the export imports");
    let back = imported
        .design
        .component(&id)
        .expect("the secret comes back");
    assert_eq!(back.properties.rotation_days, Some(0));
}

/// An EKS cluster whose pods would run on Fargate in public subnets is refused with the words
/// of ZT-NET-020; the same cluster on a managed node group exports, its nodes in the public
/// subnets it is drawn in.
#[test]
fn fargate_pods_in_a_public_tier_are_refused_with_the_findings_reason() {
    let design = placement("public-fargate");
    let report = zta_rules::validate(&design);
    let findings: Vec<_> = report
        .findings
        .iter()
        .filter(|finding| finding.rule == "ZT-NET-020")
        .collect();
    assert_eq!(findings.len(), 1, "{findings:#?}");
    let refusal = export_design(&design, &ExportOptions::default())
        .expect_err("the export refuses pods AWS cannot run as drawn");
    let ExportError::PublicFargatePods {
        element,
        reason,
        fix,
    } = &refusal
    else {
        panic!("refused for another reason: {refusal}");
    };
    assert_eq!(element, "platform");
    assert_eq!(&findings[0].message, reason);
    assert_eq!(&findings[0].remediation, fix);

    let mut on_nodes = design.clone();
    on_nodes
        .components
        .iter_mut()
        .filter(|component| component.id == "platform")
        .for_each(|cluster| cluster.properties.launch_type = Some(zta_model::LaunchType::Ec2));
    assert!(
        zta_rules::validate(&on_nodes)
            .findings
            .iter()
            .all(|finding| finding.rule != "ZT-NET-020")
    );
    let export = export_design(&on_nodes, &ExportOptions::default()).expect("the design exports");
    let template = &export.stacks[0].template;
    let nodes = template
        .resources
        .get(&format!("{}NodeGroup", logical_id("platform")))
        .expect("the node group");
    assert_eq!(
        refs(nodes.properties.get("Subnets")),
        ids(&["web-a", "web-b"])
    );
}
