//! CloudWatch Logs log groups: retention and KMS encryption.

use zta_model::{Component, ComponentKind};

use crate::export::builder::{Builder, Group, tags};
use crate::export::support::stateful;
use crate::import::{Importer, ResourceKey};
use crate::template::Resource;

/// The resource type this kind is written as and read from.
pub(crate) const RESOURCE_TYPE: &str = "AWS::Logs::LogGroup";

pub(crate) fn export(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    let mut resource = Resource::new(RESOURCE_TYPE)
        .with_property(
            "RetentionInDays",
            crate::export::support::retention(c.properties.retention_days.unwrap_or(365)),
        )
        .with_property("Tags", tags(&c.id, &c.tags));
    if c.properties.encrypted_at_rest != Some(false) {
        resource = resource.with_property("KmsKeyId", b.key_arn(&unit, c));
    }
    stateful(&mut resource, "Retain");
    b.put(&unit, b.logical_id(&c.id), &c.id, Group::Security, resource);
}

/// Reads `AWS::Logs::LogGroup` into a component.
pub(crate) fn import(im: &mut Importer<'_>, key: &ResourceKey) -> Option<Component> {
    let mut component = im.account_component(key, ComponentKind::LogGroup);
    component.properties.retention_days = im.number(key, &["RetentionInDays"]);
    component.properties.encrypted_at_rest = Some(im.present(key, &["KmsKeyId"]));
    component.encryption_key = im.key_component(key, &["KmsKeyId"]);
    Some(component)
}
