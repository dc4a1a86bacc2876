//! EBS volumes: encrypted with the design's key, in the availability zone of the subnet they are
//! drawn in, and snapshotted when the stack deletes or replaces them. An attachment to an
//! instance is not part of the design; an import carries it verbatim.
//! Shape: <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-ec2-volume.html>.

use zta_model::{Component, ComponentKind, Tier};

use crate::export::builder::{Builder, tags};
use crate::export::support::stateful;
use crate::import::{Importer, ResourceKey};
use crate::template::Resource;
use crate::value::Value;

/// The resource type this kind is written as and read from.
pub(crate) const RESOURCE_TYPE: &str = "AWS::EC2::Volume";

/// The resource type that attaches a volume to an instance.
const ATTACHMENT: &str = "AWS::EC2::VolumeAttachment";

/// The resource type of the instances a volume attaches to.
const INSTANCE: &str = "AWS::EC2::Instance";

pub(crate) fn export(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    let Some(subnet) = b.subnet_of(c) else { return };
    let encrypted = c.properties.encrypted_at_rest != Some(false);
    let mut resource = Resource::new(RESOURCE_TYPE)
        .with_property(
            "AvailabilityZone",
            Value::get_att(b.logical_id(&subnet.id), "AvailabilityZone"),
        )
        .with_property("Size", 20_u32)
        .with_property("VolumeType", "gp3")
        .with_property("Encrypted", encrypted);
    if encrypted {
        resource = resource.with_property("KmsKeyId", b.key_arn(&unit, c));
    }
    resource = resource.with_property("Tags", tags(&c.id, &c.tags));
    stateful(&mut resource, "Snapshot");
    let group = b.workload_group(c);
    b.put(&unit, b.logical_id(&c.id), &c.id, group, resource);
}

/// Reads `AWS::EC2::Volume` into a component, in the subnet its zone names (an export names it
/// by its subnet), else in that of the instance it is attached to or takes its zone from.
pub(crate) fn import(im: &mut Importer<'_>, key: &ResourceKey) -> Option<Component> {
    let mut subnets = im.property(key.0, &key.1, &["AvailabilityZone"]);
    if im.first_subnet(&subnets).is_none() {
        let mut instances = subnets.resources();
        instances.extend(
            im.resources_of_type(ATTACHMENT)
                .into_iter()
                .filter(|attachment| {
                    im.property(attachment.0, &attachment.1, &["VolumeId"])
                        .resources()
                        .contains(key)
                })
                .filter_map(|attachment| {
                    im.property(attachment.0, &attachment.1, &["InstanceId"])
                        .resource()
                }),
        );
        if let Some(instance) = instances
            .iter()
            .find(|instance| im.resource(instance).resource_type == INSTANCE)
        {
            subnets = im.property(instance.0, &instance.1, &["SubnetId"]);
        }
    }
    let subnet = im.subnet_for(&subnets, Tier::Private);
    let mut component = im.new_component(key, ComponentKind::EbsVolume, subnet);
    component.properties.encrypted_at_rest = Some(im.flag(key, &["Encrypted"]) == Some(true));
    component.encryption_key = im.key_component(key, &["KmsKeyId"]);
    Some(component)
}
