//! Site-to-site VPN connections with their customer and virtual private gateways.

use zta_model::{Component, ComponentKind};

use crate::export::builder::{Builder, Group, tags};
use crate::import::{Disposition, Importer, ResourceKey};
use crate::template::{Parameter, Resource};
use crate::value::Value;

/// The resource type this kind is read from: the connection, whose gateways are its parts.
pub(crate) const RESOURCE_TYPE: &str = "AWS::EC2::VPNConnection";
const GATEWAY_ID: &str = "VpnGatewayId";
const CUSTOMER_GATEWAY_ID: &str = "CustomerGatewayId";
const ATTACHMENT: &str = "AWS::EC2::VPCGatewayAttachment";

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
        Resource::new(ATTACHMENT)
            .with_property("VpcId", Value::reference(b.logical_id(&vpc.id)))
            .with_property(GATEWAY_ID, Value::reference(&gateway)),
    );
    let mut connection = Resource::new(RESOURCE_TYPE)
        .with_property("Type", "ipsec.1")
        .with_property(CUSTOMER_GATEWAY_ID, Value::reference(&customer))
        .with_property(GATEWAY_ID, Value::reference(&gateway))
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

/// Reads a VPN connection into a component in the VPC its virtual private gateway is attached
/// to; a connection through a transit gateway, or to a VPC the template does not define, is
/// carried.
pub(crate) fn import(im: &mut Importer<'_>, key: &ResourceKey) -> Option<Component> {
    let gateway = im.property(key.0, &key.1, &[GATEWAY_ID]).resource()?;
    let attachment = im
        .resources_of_type(ATTACHMENT)
        .into_iter()
        .find(|attachment| {
            im.property(attachment.0, &attachment.1, &[GATEWAY_ID])
                .resource()
                .as_ref()
                == Some(&gateway)
        })?;
    let vpc = im.element_of(&im.property(attachment.0, &attachment.1, &["VpcId"]))?;
    let component = im.new_component(key, ComponentKind::VpnConnection, vpc);
    let customer = im
        .property(key.0, &key.1, &[CUSTOMER_GATEWAY_ID])
        .resource();
    for (part, how) in [
        (
            Some(gateway),
            "the VPN connection's virtual private gateway",
        ),
        (customer, "the on-premises end of the VPN connection"),
        (Some(attachment), "attaches the VPN gateway to its VPC"),
    ] {
        if let Some(part) = part {
            im.mark(
                part,
                Disposition::Absorbed {
                    element: Some(component.id.clone()),
                    how: how.to_owned(),
                },
            );
        }
    }
    Some(component)
}
