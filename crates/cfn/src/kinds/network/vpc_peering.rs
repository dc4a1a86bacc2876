//! VPC peering connections.

use zta_model::Component;

use crate::export::builder::{Builder, Group, tags};
use crate::template::Resource;
pub(crate) fn export(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    let [first, second] = c.properties.attachments.as_slice() else {
        b.warn(format!(
            "VPC peering `{}` must join exactly two VPCs; not exported",
            c.id
        ));
        return;
    };
    let first_unit = b.unit_of_segment(first);
    let second_unit = b.unit_of_segment(second);
    let requester = b.reference(&unit, &first_unit, &b.logical_id(first), None);
    let accepter = b.reference(&unit, &second_unit, &b.logical_id(second), None);
    let mut resource = Resource::new("AWS::EC2::VPCPeeringConnection")
        .with_property("VpcId", requester)
        .with_property("PeerVpcId", accepter)
        .with_property("Tags", tags(&c.id, &c.tags));
    if second_unit != first_unit
        && let Some(account_id) = b.segment(&second_unit).and_then(|s| s.account_id.clone())
    {
        resource = resource.with_property("PeerOwnerId", account_id.clone());
        b.manual_step(
            &c.id,
            &second_unit,
            "Accept the cross-account VPC peering",
            format!("Accept peering `{}` in account `{second_unit}`, or give the stack a PeerRoleArn that may accept it.", c.id),
        )
        .command("aws ec2 accept-vpc-peering-connection --vpc-peering-connection-id <peering connection id from the stack>")
        .console("VPC console > Peering connections > <peering connection> > Actions > Accept request");
    }
    b.put(&unit, b.logical_id(&c.id), &c.id, Group::Network, resource);
}
