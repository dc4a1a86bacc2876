//! Site-to-site VPN connections with their customer and virtual private gateways.

use zta_model::Component;

use crate::export::builder::{Builder, Group, tags};
use crate::template::{Parameter, Resource};
use crate::value::Value;
pub(crate) fn export(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    let Some(vpc) = b.vpc_of(c) else {
        return;
    };
    let address = b.parameter(
        &unit,
        &b.logical_id_for(&c.id, "CustomerGatewayIp"),
        Parameter::new("String")
            .with("AllowedPattern", r"^(\d{1,3}\.){3}\d{1,3}$")
            .with(
                "Description",
                format!(
                    "The public IPv4 address of the on-premises end of `{}`.",
                    c.id
                ),
            ),
    );
    let customer = b.logical_id_for(&c.id, "CustomerGateway");
    b.put(
        &unit,
        customer.clone(),
        &c.id,
        Group::Network,
        Resource::new("AWS::EC2::CustomerGateway")
            .with_property("Type", "ipsec.1")
            .with_property("BgpAsn", 65000_u32)
            .with_property("IpAddress", address)
            .with_property("Tags", tags(&c.id, &c.tags)),
    );
    let gateway = b.logical_id_for(&c.id, "VpnGateway");
    b.put(
        &unit,
        gateway.clone(),
        &c.id,
        Group::Network,
        Resource::new("AWS::EC2::VPNGateway")
            .with_property("Type", "ipsec.1")
            .with_property("Tags", tags(&c.id, &c.tags)),
    );
    let attachment = b.logical_id_for(&c.id, "VpnGatewayAttachment");
    b.put(
        &unit,
        attachment.clone(),
        &c.id,
        Group::Network,
        Resource::new("AWS::EC2::VPCGatewayAttachment")
            .with_property("VpcId", Value::reference(b.logical_id(&vpc.id)))
            .with_property("VpnGatewayId", Value::reference(&gateway)),
    );
    let mut connection = Resource::new("AWS::EC2::VPNConnection")
        .with_property("Type", "ipsec.1")
        .with_property("CustomerGatewayId", Value::reference(&customer))
        .with_property("VpnGatewayId", Value::reference(&gateway))
        .with_property("StaticRoutesOnly", false)
        .with_property("Tags", tags(&c.id, &c.tags));
    connection.depends_on.push(attachment);
    b.put(
        &unit,
        b.logical_id(&c.id),
        &c.id,
        Group::Network,
        connection,
    );
}
