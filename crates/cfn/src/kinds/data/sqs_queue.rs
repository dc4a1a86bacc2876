//! SQS queues: KMS encryption and a queue policy that refuses plain HTTP; the messaging policy
//! topics share.

use zta_model::{Component, ComponentKind};

use crate::export::builder::{Builder, Group, tags};
use crate::import::{Importer, ResourceKey};
use crate::policy::{deny_insecure_transport, policy_document};
use crate::template::Resource;
use crate::value::Value;

/// The resource type this kind is written as and read from.
pub(crate) const RESOURCE_TYPE: &str = "AWS::SQS::Queue";

pub(crate) fn export(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    let group = b.workload_group(c);
    let mut resource = Resource::new(RESOURCE_TYPE).with_property("Tags", tags(&c.id, &c.tags));
    if c.properties.encrypted_at_rest != Some(false) {
        resource = resource
            .with_property("KmsMasterKeyId", b.key_arn(&unit, c))
            .with_property("KmsDataKeyReusePeriodSeconds", 300_u32);
    } else {
        resource = resource.with_property("SqsManagedSseEnabled", false);
    }
    b.put(&unit, b.logical_id(&c.id), &c.id, group.clone(), resource);
    let transport = deny_insecure_transport("sqs:*", Value::get_att(b.logical_id(&c.id), "Arn"));
    messaging_policy(
        b,
        &unit,
        c,
        group,
        transport,
        "AWS::SQS::QueuePolicy",
        "Queues",
    );
}

/// The resource policy of a queue or topic: no request without TLS (`transport`), then the
/// statements the design gives. `targets` is the property that lists the queues or topics.
pub(crate) fn messaging_policy(
    b: &mut Builder<'_>,
    unit: &str,
    c: &Component,
    group: Group,
    transport: Value,
    policy_type: &'static str,
    targets: &'static str,
) {
    let mut statements = vec![transport];
    statements.extend(crate::export::statements::statements(
        b,
        unit,
        &c.properties.resource_policy,
        true,
    ));
    b.put(
        unit,
        b.logical_id_for(&c.id, "Policy"),
        &c.id,
        group,
        Resource::new(policy_type)
            .with_property(
                targets,
                Value::list([Value::reference(b.logical_id(&c.id))]),
            )
            .with_property("PolicyDocument", policy_document(statements)),
    );
}

/// Reads `AWS::SQS::Queue` into a component.
pub(crate) fn import(im: &mut Importer<'_>, key: &ResourceKey) -> Option<Component> {
    let mut component = im.account_component(key, ComponentKind::SqsQueue);
    let managed = im.flag(key, &["SqsManagedSseEnabled"]).unwrap_or(true);
    component.properties.encrypted_at_rest = Some(im.present(key, &["KmsMasterKeyId"]) || managed);
    component.encryption_key = im.key_component(key, &["KmsMasterKeyId"]);
    component.properties.resource_policy =
        im.attached_policies("AWS::SQS::QueuePolicy", &["Queues"], key, false);
    Some(component)
}
