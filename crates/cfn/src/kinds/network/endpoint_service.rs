//! PrivateLink endpoint services.

use zta_model::{Component, ComponentKind};

use crate::export::builder::{Builder, Group};
use crate::kinds::network::vpc::in_vpc;
use crate::template::Resource;
use crate::value::Value;
pub(crate) fn export(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    let Some(vpc) = b.vpc_of(c) else {
        return;
    };
    let balancers: Vec<Value> = in_vpc(b, ComponentKind::Nlb, &vpc.id)
        .iter()
        .map(|nlb| Value::reference(b.logical_id(&nlb.id)))
        .collect();
    if balancers.is_empty() {
        b.warn(format!(
            "endpoint service `{}` needs a Network Load Balancer in VPC `{}`; not exported",
            c.id, vpc.id
        ));
        return;
    }
    let resource = Resource::new("AWS::EC2::VPCEndpointService")
        .with_property("AcceptanceRequired", true)
        .with_property("NetworkLoadBalancerArns", Value::list(balancers));
    b.put(&unit, b.logical_id(&c.id), &c.id, Group::Network, resource);
}
