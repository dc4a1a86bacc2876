//! AWS Config: a recorder of all resources and its delivery channel.

use zta_model::{Component, ComponentKind};

use crate::export::builder::{Builder, Group};
use crate::export::support::delivery_bucket;
use crate::import::{Importer, ResourceKey};
use crate::policy::service_trust_policy;
use crate::template::Resource;
use crate::value::Value;

/// The resource type this kind is written as and read from.
pub(crate) const RESOURCE_TYPE: &str = "AWS::Config::ConfigurationRecorder";

pub(crate) fn export(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    let (bucket, archive) = delivery_bucket(b, &unit, c);
    let role = b.logical_id_for(&c.id, "Role");
    b.put(
        &unit,
        role.clone(),
        &c.id,
        Group::Security,
        Resource::new("AWS::IAM::Role")
            .with_property(
                "AssumeRolePolicyDocument",
                service_trust_policy("config.amazonaws.com"),
            )
            .with_property(
                "ManagedPolicyArns",
                Value::list([Value::arn("iam::aws:policy/service-role/AWS_ConfigRole")]),
            ),
    );
    let recorder = b.logical_id(&c.id);
    b.put(
        &unit,
        recorder.clone(),
        &c.id,
        Group::Security,
        Resource::new(RESOURCE_TYPE)
            .with_property("RoleARN", Value::get_att(&role, "Arn"))
            .with_property(
                "RecordingGroup",
                Value::map([
                    ("AllSupported", Value::from(true)),
                    ("IncludeGlobalResourceTypes", Value::from(true)),
                ]),
            ),
    );
    let mut channel = Resource::new("AWS::Config::DeliveryChannel")
        .with_property("S3BucketName", Value::reference(&bucket))
        .with_property(
            "ConfigSnapshotDeliveryProperties",
            Value::map([("DeliveryFrequency", Value::string("TwentyFour_Hours"))]),
        );
    if archive.is_some() {
        channel = channel.with_property("S3KeyPrefix", "config");
    }
    b.put(
        &unit,
        b.logical_id_for(&c.id, "DeliveryChannel"),
        &c.id,
        Group::Security,
        channel,
    );
}

/// Reads `AWS::Config::ConfigurationRecorder` into a component.
pub(crate) fn import(im: &mut Importer<'_>, key: &ResourceKey) -> Option<Component> {
    Some(im.account_component(key, ComponentKind::ConfigRecorder))
}
