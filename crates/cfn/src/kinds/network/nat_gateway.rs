//! NAT gateways with their Elastic IPs.

use zta_model::{Component, ComponentKind};

use crate::export::builder::{Builder, Group, tags};
use crate::kinds::network::vpc::in_vpc;
use crate::template::Resource;
use crate::value::Value;
pub(crate) fn export(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    let Some(subnet) = b.subnet_of(c) else {
        return;
    };
    let eip = b.logical_id_for(&c.id, "Eip");
    let mut address = Resource::new("AWS::EC2::EIP")
        .with_property("Domain", "vpc")
        .with_property("Tags", tags(&c.id, &c.tags));
    if let Some(igw) = b.vpc_of(c).and_then(|vpc| {
        in_vpc(b, ComponentKind::InternetGateway, &vpc.id)
            .first()
            .copied()
    }) {
        address
            .depends_on
            .push(b.logical_id_for(&igw.id, "Attachment"));
    }
    b.put(&unit, eip.clone(), &c.id, Group::Network, address);
    let nat = Resource::new("AWS::EC2::NatGateway")
        .with_property("AllocationId", Value::get_att(&eip, "AllocationId"))
        .with_property("SubnetId", Value::reference(b.logical_id(&subnet.id)))
        .with_property("Tags", tags(&c.id, &c.tags));
    b.put(&unit, b.logical_id(&c.id), &c.id, Group::Network, nat);
}
