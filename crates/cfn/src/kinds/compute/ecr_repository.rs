//! ECR repositories: scan on push, immutable tags, KMS encryption, the repository policy.

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
    if !p.resource_policy.is_empty() {
        let statements = crate::export::statements::statements(b, &unit, &p.resource_policy, true);
        resource = resource.with_property(
            "RepositoryPolicyText",
            crate::policy::policy_document(statements),
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
    // The repository policy (AWS::ECR::Repository, `RepositoryPolicyText`) says who may pull
    // and push: the design holds it, so that the rules judge a policy for anyone.
    if let Some(policy) = im.resource(key).property("RepositoryPolicyText").cloned() {
        component.properties.resource_policy = im.design_statements(key, &policy);
    }
    Some(component)
}
