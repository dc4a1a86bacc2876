//! ECR repositories: scan on push, immutable tags, KMS encryption.

use zta_model::{Component, ComponentKind};

use crate::export::builder::{Builder, tags};
use crate::export::support::stateful;
use crate::import::{Importer, ResourceKey};
use crate::template::Resource;
use crate::value::Value;

/// The resource type this kind is written as and read from.
pub(crate) const RESOURCE_TYPE: &str = "AWS::ECR::Repository";

pub(crate) fn export(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    let p = &c.properties;
    let mut resource = Resource::new(RESOURCE_TYPE)
        .with_property(
            "ImageScanningConfiguration",
            Value::map([("ScanOnPush", Value::from(p.scan_on_push != Some(false)))]),
        )
        .with_property(
            "ImageTagMutability",
            if p.immutable_tags == Some(false) {
                "MUTABLE"
            } else {
                "IMMUTABLE"
            },
        )
        .with_property("Tags", tags(&c.id, &c.tags));
    if p.encrypted_at_rest != Some(false) {
        resource = resource.with_property(
            "EncryptionConfiguration",
            Value::map([
                ("EncryptionType", Value::string("KMS")),
                ("KmsKey", b.key_arn(&unit, c)),
            ]),
        );
    }
    stateful(&mut resource, "Retain");
    b.put(
        &unit,
        b.logical_id(&c.id),
        &c.id,
        b.workload_group(c),
        resource,
    );
}

/// Reads `AWS::ECR::Repository` into a component.
pub(crate) fn import(im: &mut Importer<'_>, key: &ResourceKey) -> Option<Component> {
    let mut component = im.account_component(key, ComponentKind::EcrRepository);
    component.properties.scan_on_push = im.flag(key, &["ImageScanningConfiguration", "ScanOnPush"]);
    component.properties.immutable_tags =
        Some(im.text(key, &["ImageTagMutability"]).as_deref() == Some("IMMUTABLE"));
    component.properties.encrypted_at_rest =
        Some(im.present(key, &["EncryptionConfiguration", "KmsKey"]));
    component.encryption_key = im.key_component(key, &["EncryptionConfiguration", "KmsKey"]);
    Some(component)
}
