//! SNS topics: KMS encryption and a topic policy that refuses plain HTTP.

use zta_model::{Component, ComponentKind};

use crate::export::builder::{Builder, tags};
use crate::import::{Importer, ResourceKey};
use crate::kinds::data::sqs_queue::messaging_policy;
use crate::policy::deny_insecure_transport;
use crate::template::Resource;
use crate::value::Value;

/// The resource type this kind is written as and read from.
pub(crate) const RESOURCE_TYPE: &str = "AWS::SNS::Topic";

pub(crate) fn export(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    let group = b.workload_group(c);
    let mut resource = Resource::new(RESOURCE_TYPE)
        .with_property("DisplayName", &c.name)
        .with_property("Tags", tags(&c.id, &c.tags));
    if c.properties.encrypted_at_rest != Some(false) {
        resource = resource.with_property("KmsMasterKeyId", b.key_arn(&unit, c));
    }
    b.put(&unit, b.logical_id(&c.id), &c.id, group.clone(), resource);
    let transport = deny_insecure_transport("sns:Publish", Value::reference(b.logical_id(&c.id)));
    messaging_policy(
        b,
        &unit,
        c,
        group,
        transport,
        "AWS::SNS::TopicPolicy",
        "Topics",
    );
}

/// Reads `AWS::SNS::Topic` into a component.
pub(crate) fn import(im: &mut Importer<'_>, key: &ResourceKey) -> Option<Component> {
    let mut component = im.account_component(key, ComponentKind::SnsTopic);
    component.properties.encrypted_at_rest = Some(im.present(key, &["KmsMasterKeyId"]));
    component.encryption_key = im.key_component(key, &["KmsMasterKeyId"]);
    component.properties.resource_policy =
        im.attached_policies("AWS::SNS::TopicPolicy", &["Topics"], key, false);
    Some(component)
}
