//! Kinesis data streams: on-demand capacity, records encrypted with the design's key, and the
//! resource policy the design gives (other accounts' consumers and producers). The Kinesis API
//! takes HTTPS only, so there is no transport to enforce.
//! Shapes: <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-kinesis-stream.html>,
//! <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-kinesis-resourcepolicy.html>.

use zta_model::{Component, ComponentKind};

use crate::export::builder::{Builder, tags};
use crate::import::{Importer, ResourceKey};
use crate::policy::policy_document;
use crate::template::Resource;
use crate::value::Value;

/// The resource type this kind is written as and read from.
pub(crate) const RESOURCE_TYPE: &str = "AWS::Kinesis::Stream";

/// The resource type of a stream's resource policy.
const RESOURCE_POLICY: &str = "AWS::Kinesis::ResourcePolicy";

pub(crate) fn export(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    let group = b.workload_group(c);
    let stream = b.logical_id(&c.id);
    let mut resource = Resource::new(RESOURCE_TYPE)
        .with_property(
            "StreamModeDetails",
            Value::map([("StreamMode", Value::string("ON_DEMAND"))]),
        )
        .with_property("RetentionPeriodHours", 24_u32)
        .with_property("Tags", tags(&c.id, &c.tags));
    if c.properties.encrypted_at_rest != Some(false) {
        resource = resource.with_property(
            "StreamEncryption",
            Value::map([
                ("EncryptionType", Value::string("KMS")),
                ("KeyId", b.key_arn(&unit, c)),
            ]),
        );
    }
    b.put(&unit, stream.clone(), &c.id, group.clone(), resource);
    if c.properties.resource_policy.is_empty() {
        return;
    }
    let statements =
        crate::export::statements::statements(b, &unit, &c.properties.resource_policy, true);
    b.put(
        &unit,
        b.logical_id_for(&c.id, "Policy"),
        &c.id,
        group,
        Resource::new(RESOURCE_POLICY)
            .with_property("ResourceArn", Value::get_att(&stream, "Arn"))
            .with_property("ResourcePolicy", policy_document(statements)),
    );
}

/// Reads `AWS::Kinesis::Stream` into a component, with its resource policy.
pub(crate) fn import(im: &mut Importer<'_>, key: &ResourceKey) -> Option<Component> {
    let mut component = im.account_component(key, ComponentKind::KinesisStream);
    let encryption = im.text(key, &["StreamEncryption", "EncryptionType"]);
    component.properties.encrypted_at_rest = Some(encryption.as_deref() == Some("KMS"));
    component.encryption_key = im.key_component(key, &["StreamEncryption", "KeyId"]);
    component.properties.resource_policy =
        im.attached_policies(RESOURCE_POLICY, &["ResourceArn"], key, false);
    Some(component)
}
