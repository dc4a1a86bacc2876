//! GuardDuty detectors with their protection plans.

use zta_model::{Component, ComponentKind};

use crate::export::builder::{Builder, Group};
use crate::import::{Importer, ResourceKey};
use crate::template::Resource;
use crate::value::Value;

/// The resource type this kind is written as and read from.
pub(crate) const RESOURCE_TYPE: &str = "AWS::GuardDuty::Detector";

pub(crate) fn export(b: &mut Builder<'_>, c: &Component) {
    let features = [
        "S3_DATA_EVENTS",
        "EKS_AUDIT_LOGS",
        "EBS_MALWARE_PROTECTION",
        "RDS_LOGIN_EVENTS",
        "LAMBDA_NETWORK_LOGS",
    ];
    b.put_component(
        c,
        Group::Security,
        Resource::new(RESOURCE_TYPE)
            .with_property("Enable", true)
            .with_property("FindingPublishingFrequency", "FIFTEEN_MINUTES")
            .with_property(
                "Features",
                Value::list(features.map(|f| {
                    Value::map([
                        ("Name", Value::string(f)),
                        ("Status", Value::string("ENABLED")),
                    ])
                })),
            ),
    );
}

/// Reads `AWS::GuardDuty::Detector` into a component.
pub(crate) fn import(im: &mut Importer<'_>, key: &ResourceKey) -> Option<Component> {
    Some(im.account_component(key, ComponentKind::Guardduty))
}
