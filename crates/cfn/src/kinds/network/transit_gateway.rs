//! Transit Gateways and their VPC attachments.

use zta_model::{Component, ComponentKind};

use crate::export::builder::{Builder, Group, tags};
use crate::kinds::network::vpc::{attachment_subnets, in_vpc};
use crate::template::{Output, Resource};
use crate::value::Value;
pub(crate) fn export(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    let auto_accept = c.properties.auto_accept_attachments.unwrap_or(false);
    let tgw = Resource::new("AWS::EC2::TransitGateway")
        .with_property("Description", &c.name)
        .with_property(
            "AutoAcceptSharedAttachments",
            if auto_accept { "enable" } else { "disable" },
        )
        .with_property("DefaultRouteTableAssociation", "enable")
        .with_property("DefaultRouteTablePropagation", "enable")
        .with_property("DnsSupport", "enable")
        .with_property("Tags", tags(&c.id, &c.tags));
    b.put(&unit, b.logical_id(&c.id), &c.id, Group::Network, tgw);
    b.output(
        &unit,
        &b.logical_id_for(&c.id, "Id"),
        Output {
            description: Some(Value::string(format!("Transit Gateway `{}`", c.name))),
            ..Output::new(Value::reference(b.logical_id(&c.id)))
        },
    );
    let egress_vpc = c.properties.attachments.iter().find(|vpc| {
        !in_vpc(b, ComponentKind::NatGateway, vpc).is_empty()
            || !in_vpc(b, ComponentKind::InternetGateway, vpc).is_empty()
    });
    if let Some(egress_vpc) = egress_vpc {
        b.manual_step(
            &c.id,
            &unit,
            "Route the Transit Gateway's default route to the egress VPC",
            format!(
                "CloudFormation cannot name a Transit Gateway's default route table. After the stacks are deployed, add a static route 0.0.0.0/0 to the attachment of VPC `{egress_vpc}` in the default route table of Transit Gateway `{}`.",
                c.id
            ),
        )
        .command("aws ec2 create-transit-gateway-route --destination-cidr-block 0.0.0.0/0 --transit-gateway-route-table-id <the Transit Gateway's default route table id> --transit-gateway-attachment-id <attachment id of the egress VPC>");
    }
    for vpc_id in &c.properties.attachments {
        let Some(vpc) = b.segment(vpc_id) else {
            continue;
        };
        let vpc_unit = b.unit_of_segment(vpc_id);
        let tgw_ref = b.reference(&vpc_unit, &unit, &b.logical_id(&c.id), None);
        let subnets: Vec<Value> = attachment_subnets(b, vpc_id)
            .iter()
            .map(|s| Value::reference(b.logical_id(&s.id)))
            .collect();
        if subnets.is_empty() {
            b.warn(format!(
                "VPC `{vpc_id}` has no subnet to attach Transit Gateway `{}` through; attachment not exported",
                c.id
            ));
            continue;
        }
        let attachment = Resource::new("AWS::EC2::TransitGatewayAttachment")
            .with_property("TransitGatewayId", tgw_ref)
            .with_property("VpcId", Value::reference(b.logical_id(&vpc.id)))
            .with_property("SubnetIds", Value::list(subnets))
            .with_property("Tags", tags(&c.id, &c.tags));
        b.put(
            &vpc_unit,
            b.logical_id_for(&c.id, &format!("{}Attachment", b.logical_id(vpc_id))),
            &c.id,
            Group::Network,
            attachment,
        );
        if vpc_unit != unit && !auto_accept {
            b.manual_step(
                &c.id,
                &unit,
                "Accept the cross-account Transit Gateway attachment",
                format!(
                    "Transit Gateway `{}` does not accept shared attachments automatically (as the design says). After the stack of `{vpc_unit}` creates the attachment of VPC `{vpc_id}`, accept it in account `{unit}`.",
                    c.id
                ),
            )
            .command("aws ec2 accept-transit-gateway-vpc-attachment --transit-gateway-attachment-id <attachment id from the VPC's stack>")
            .console("VPC console > Transit gateway attachments > <attachment> > Actions > Accept transit gateway attachment");
        }
    }
}

/// What the marker keeps of a Transit Gateway whose attachments stand in other accounts'
/// stacks: its attachments, which an import of its own stack cannot see, since an attachment
/// names the gateway there only through a parameter or an import.
pub(crate) fn drawn(b: &Builder<'_>, c: &Component) -> serde_json::Map<String, serde_json::Value> {
    let unit = b.unit_of_component(c);
    let elsewhere = c
        .properties
        .attachments
        .iter()
        .any(|vpc| b.unit_of_segment(vpc) != unit);
    if elsewhere {
        crate::marker::drawn_properties(c, &["attachments"])
    } else {
        serde_json::Map::new()
    }
}
