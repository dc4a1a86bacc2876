//! Internet gateways, attached to their VPC.

use zta_model::Component;

use crate::export::builder::{Builder, Group, tags};
use crate::template::Resource;
use crate::value::Value;
pub(crate) fn export(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    let Some(vpc) = b.vpc_of(c) else {
        b.warn(format!(
            "internet gateway `{}` is not in a VPC; not exported",
            c.id
        ));
        return;
    };
    let id = b.logical_id(&c.id);
    let gateway =
        Resource::new("AWS::EC2::InternetGateway").with_property("Tags", tags(&c.id, &c.tags));
    b.put(&unit, id.clone(), &c.id, Group::Network, gateway);
    let attachment = Resource::new("AWS::EC2::VPCGatewayAttachment")
        .with_property("VpcId", Value::reference(b.logical_id(&vpc.id)))
        .with_property("InternetGatewayId", Value::reference(&id));
    b.put(
        &unit,
        b.logical_id_for(&c.id, "Attachment"),
        &c.id,
        Group::Network,
        attachment,
    );
}
