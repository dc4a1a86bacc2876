//! Security Hub with the standards the design names.

use zta_model::{Component, ComponentKind};

use crate::export::builder::{Builder, Group};
use crate::import::{Importer, ResourceKey};
use crate::policy::portable_arn;
use crate::template::Resource;
use crate::value::Value;

/// The resource type this kind is written as and read from.
pub(crate) const RESOURCE_TYPE: &str = "AWS::SecurityHub::Hub";

/// The resource that enables one standard.
const STANDARD: &str = "AWS::SecurityHub::Standard";

/// The standards the design names, with the path of their ARN after the region.
const STANDARDS: [(&str, &str); 5] = [
    (
        "aws-foundational-security-best-practices",
        "standards/aws-foundational-security-best-practices/v/1.0.0",
    ),
    (
        "cis-aws-foundations-benchmark",
        "standards/cis-aws-foundations-benchmark/v/3.0.0",
    ),
    ("pci-dss", "standards/pci-dss/v/4.0.1"),
    ("nist-800-53", "standards/nist-800-53/v/5.0.0"),
    (
        "aws-resource-tagging-standard",
        "standards/aws-resource-tagging-standard/v/1.0.0",
    ),
];

pub(crate) fn standard_arn(standard: &str) -> Option<&'static str> {
    let standard = if standard == "cis" {
        "cis-aws-foundations-benchmark"
    } else {
        standard
    };
    STANDARDS
        .iter()
        .find(|(name, _)| *name == standard)
        .map(|(_, path)| *path)
}

/// The design's name of a standard from its ARN; the ARN itself for a standard the design has
/// no name for, which the export then writes back as it was.
fn standard_name(arn: &str) -> String {
    STANDARDS
        .iter()
        .find(|(_, path)| arn.ends_with(&format!("::{path}")))
        .map_or_else(|| arn.to_owned(), |(name, _)| (*name).to_owned())
}

pub(crate) fn export(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    let hub = b.logical_id(&c.id);
    b.put(
        &unit,
        hub.clone(),
        &c.id,
        Group::Security,
        Resource::new(RESOURCE_TYPE)
            .with_property("EnableDefaultStandards", false)
            .with_property("ControlFindingGenerator", "SECURITY_CONTROL")
            .with_property("AutoEnableControls", true),
    );
    let standards = if c.properties.standards.is_empty() {
        vec!["aws-foundational-security-best-practices".to_owned()]
    } else {
        c.properties.standards.clone()
    };
    for standard in standards {
        let arn = match standard_arn(&standard) {
            Some(path) => Value::sub(format!(
                "arn:${{AWS::Partition}}:securityhub:${{AWS::Region}}::{path}"
            )),
            // A standard an imported template enables by its ARN is enabled as it was.
            None if standard.starts_with("arn:") && standard.contains("${") => {
                Value::sub(standard.clone())
            }
            None if standard.starts_with("arn:") => portable_arn(&standard),
            None => {
                b.warn(format!(
                    "Security Hub `{}`: unknown standard `{standard}`; not exported",
                    c.id
                ));
                continue;
            }
        };
        let mut resource = Resource::new(STANDARD).with_property("StandardsArn", arn);
        resource.depends_on.push(hub.clone());
        b.put(
            &unit,
            b.logical_id_for(&c.id, &b.logical_id(&standard)),
            &c.id,
            Group::Security,
            resource,
        );
    }
}

/// Reads `AWS::SecurityHub::Hub` into a component.
pub(crate) fn import(im: &mut Importer<'_>, key: &ResourceKey) -> Option<Component> {
    let mut component = im.account_component(key, ComponentKind::SecurityHub);
    component.properties.standards = im
        .resources_of_type(STANDARD)
        .iter()
        .map(|standard| {
            standard_name(
                &im.property(standard.0, &standard.1, &["StandardsArn"])
                    .describe(),
            )
        })
        .filter(|name| !name.is_empty())
        .collect();
    Some(component)
}
