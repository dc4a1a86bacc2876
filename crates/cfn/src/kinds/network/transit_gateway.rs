//! Transit Gateways, their VPC attachments, and the routing between them: spoke VPCs route to
//! the hub VPC (the one with the Network Firewall, else the one with the internet egress), whose
//! attachment runs in appliance mode when it inspects, so that both directions of a flow cross
//! the same firewall endpoint. Shapes:
//! <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-ec2-transitgateway.html>,
//! <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-ec2-transitgatewayattachment.html>,
//! <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-ec2-transitgatewayroutetable.html>,
//! <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-ec2-transitgatewayroutetableassociation.html>,
//! <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-ec2-transitgatewayroutetablepropagation.html>,
//! <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-ec2-transitgatewayroute.html>;
//! the pattern: <https://docs.aws.amazon.com/vpc/latest/tgw/transit-gateway-appliance-scenario.html>.

use zta_model::{Component, ComponentKind};

use crate::export::builder::{Builder, Group, tags};
use crate::import::eval::Sym;
use crate::import::{Disposition, Importer};
use crate::kinds::network::vpc::{attachment_subnets, in_vpc};
use crate::template::{Output, Resource};
use crate::value::Value;

/// The VPC the other attachments route their internet-bound traffic to: the one holding a
/// Network Firewall (an inspection VPC), else the one with a NAT or internet gateway.
fn hub_vpc<'a>(b: &Builder<'_>, c: &'a Component) -> Option<(&'a String, bool)> {
    let attached = &c.properties.attachments;
    attached
        .iter()
        .find(|vpc| !in_vpc(b, ComponentKind::NetworkFirewall, vpc).is_empty())
        .map(|vpc| (vpc, true))
        .or_else(|| {
            attached
                .iter()
                .find(|vpc| {
                    !in_vpc(b, ComponentKind::NatGateway, vpc).is_empty()
                        || !in_vpc(b, ComponentKind::InternetGateway, vpc).is_empty()
                })
                .map(|vpc| (vpc, false))
        })
}

pub(crate) fn export(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    let auto_accept = c.properties.auto_accept_attachments.unwrap_or(false);
    let tgw_id = b.logical_id(&c.id);
    // The export writes the route tables, so the gateway's default table stays unused: an
    // attachment then reaches only what its table routes to.
    let tgw = Resource::new("AWS::EC2::TransitGateway")
        .with_property("Description", &c.name)
        .with_property(
            "AutoAcceptSharedAttachments",
            if auto_accept { "enable" } else { "disable" },
        )
        .with_property("DefaultRouteTableAssociation", "disable")
        .with_property("DefaultRouteTablePropagation", "disable")
        .with_property("DnsSupport", "enable")
        .with_property("Tags", tags(&c.id, &c.tags));
    b.put(&unit, tgw_id.clone(), &c.id, Group::Network, tgw);
    b.output(
        &unit,
        &b.logical_id_for(&c.id, "Id"),
        Output {
            description: Some(Value::string(format!("Transit Gateway `{}`", c.name))),
            ..Output::new(Value::reference(&tgw_id))
        },
    );
    let hub = hub_vpc(b, c).map(|(vpc, inspects)| (vpc.clone(), inspects));
    // Every attachment, by VPC: its reference where the gateway's stack can name it (the same
    // account), else none, since a stack of another account deploys after the gateway's.
    let mut attachments: Vec<(String, Option<Value>)> = Vec::new();
    for vpc_id in &c.properties.attachments {
        let Some(vpc) = b.segment(vpc_id) else {
            continue;
        };
        let vpc_unit = b.unit_of_segment(vpc_id);
        let tgw_ref = b.reference(&vpc_unit, &unit, &tgw_id, None);
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
        let appliance = hub
            .as_ref()
            .is_some_and(|(hub, inspects)| *inspects && hub == vpc_id);
        let mut attachment = Resource::new("AWS::EC2::TransitGatewayAttachment")
            .with_property("TransitGatewayId", tgw_ref)
            .with_property("VpcId", Value::reference(b.logical_id(&vpc.id)))
            .with_property("SubnetIds", Value::list(subnets))
            .with_property("Tags", tags(&c.id, &c.tags));
        if appliance {
            attachment = attachment.with_property(
                "Options",
                Value::map([("ApplianceModeSupport", Value::string("enable"))]),
            );
        }
        let attachment_id = b.logical_id_for(&c.id, &format!("{}Attachment", b.logical_id(vpc_id)));
        b.put(
            &vpc_unit,
            attachment_id.clone(),
            &c.id,
            Group::Network,
            attachment,
        );
        let reference = (vpc_unit == unit).then(|| Value::reference(&attachment_id));
        attachments.push((vpc_id.clone(), reference));
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
    route_tables(
        b,
        &unit,
        c,
        hub.as_ref().map(|(vpc, _)| vpc.as_str()),
        &attachments,
    );
}

/// The route tables: with a hub, spokes associate with a table whose default route leads to the
/// hub, and the hub with a table the spokes propagate into (the way back); without one, every
/// attachment associates with and propagates into one table, as the gateway's default would.
/// An attachment in another account's stack exists only after the gateway's stack, so its
/// association, propagation and route are manual steps with the commands that make them.
fn route_tables(
    b: &mut Builder<'_>,
    unit: &str,
    c: &Component,
    hub: Option<&str>,
    attachments: &[(String, Option<Value>)],
) {
    let tgw_id = b.logical_id(&c.id);
    let table = |b: &mut Builder<'_>, role: &str| {
        let logical = b.logical_id_for(&c.id, role);
        b.put(
            unit,
            logical.clone(),
            &c.id,
            Group::Network,
            Resource::new("AWS::EC2::TransitGatewayRouteTable")
                .with_property("TransitGatewayId", Value::reference(&tgw_id))
                .with_property("Tags", tags(&c.id, &c.tags)),
        );
        // The output is named apart from the table, whose own name a split of the stack may
        // take for the export that joins it to another stack.
        let output = b.logical_id_for(&c.id, &format!("{role}Id"));
        b.output(
            unit,
            &output,
            Output {
                description: Some(Value::string(format!(
                    "A route table of Transit Gateway `{}`",
                    c.name
                ))),
                ..Output::new(Value::reference(&logical))
            },
        );
        (logical, output)
    };
    let link = |b: &mut Builder<'_>,
                kind: &str,
                (table, output): &(String, String),
                vpc: &str,
                attachment: &Option<Value>| {
        let Some(attachment) = attachment else {
            let (title, command) = if kind == "Association" {
                (
                    format!(
                        "Associate the cross-account attachment of VPC `{vpc}` with its route table"
                    ),
                    "associate-transit-gateway-route-table",
                )
            } else {
                (
                    format!("Propagate the routes of the cross-account attachment of VPC `{vpc}`"),
                    "enable-transit-gateway-route-table-propagation",
                )
            };
            b.manual_step(
                &c.id,
                unit,
                &title,
                format!(
                    "The attachment of VPC `{vpc}` stands in another account's stack, which deploys after the stack of Transit Gateway `{}`. Once the attachment exists (and is accepted), take this step in the gateway's account; the route table's id is the stack output `{output}`.",
                    c.id
                ),
            )
            .command(format!("aws ec2 {command} --transit-gateway-route-table-id <stack output {output}> --transit-gateway-attachment-id <attachment id of VPC {vpc}>"));
            return;
        };
        b.put(
            unit,
            b.logical_id_for(&c.id, &format!("{}{kind}", b.logical_id(vpc))),
            &c.id,
            Group::Network,
            Resource::new(format!("AWS::EC2::TransitGatewayRouteTable{kind}"))
                .with_property("TransitGatewayAttachmentId", attachment.clone())
                .with_property(
                    "TransitGatewayRouteTableId",
                    Value::reference(table.clone()),
                ),
        );
    };
    let hub_attachment = hub.and_then(|hub| attachments.iter().find(|(vpc, _)| vpc == hub));
    let Some((hub, hub_attachment)) = hub_attachment else {
        let shared = table(b, "RouteTable");
        for (vpc, attachment) in attachments {
            link(b, "Association", &shared, vpc.as_str(), attachment);
            link(b, "Propagation", &shared, vpc.as_str(), attachment);
        }
        return;
    };
    let spokes = table(b, "SpokeRouteTable");
    let hub_table = table(b, "HubRouteTable");
    link(b, "Association", &hub_table, hub.as_str(), hub_attachment);
    if let Some(hub_attachment) = hub_attachment {
        b.put(
            unit,
            b.logical_id_for(&c.id, "SpokeDefaultRoute"),
            &c.id,
            Group::Network,
            Resource::new("AWS::EC2::TransitGatewayRoute")
                .with_property("TransitGatewayRouteTableId", Value::reference(&spokes.0))
                .with_property("DestinationCidrBlock", "0.0.0.0/0")
                .with_property("TransitGatewayAttachmentId", hub_attachment.clone()),
        );
    } else {
        b.manual_step(
            &c.id,
            unit,
            &format!("Route the spokes of Transit Gateway `{}` to VPC `{hub}`", c.id),
            format!(
                "The attachment of VPC `{hub}` stands in another account's stack, which deploys after the stack of Transit Gateway `{}`. Once the attachment exists (and is accepted), add the spokes' default route to it in the gateway's account; the spoke route table's id is the stack output `{}`.",
                c.id, spokes.1
            ),
        )
        .command(format!("aws ec2 create-transit-gateway-route --destination-cidr-block 0.0.0.0/0 --transit-gateway-route-table-id <stack output {}> --transit-gateway-attachment-id <attachment id of VPC {hub}>", spokes.1));
    }
    for (vpc, attachment) in attachments.iter().filter(|(vpc, _)| vpc != hub) {
        link(b, "Association", &spokes, vpc.as_str(), attachment);
        link(b, "Propagation", &hub_table, vpc.as_str(), attachment);
    }
}

/// The routing resource types an export writes for a Transit Gateway; the gateway and its
/// attachments carry what the design states, so an import absorbs these into the gateway
/// (the next export writes them again from the attachments).
const ROUTING: [&str; 4] = [
    "AWS::EC2::TransitGatewayRouteTable",
    "AWS::EC2::TransitGatewayRouteTableAssociation",
    "AWS::EC2::TransitGatewayRouteTablePropagation",
    "AWS::EC2::TransitGatewayRoute",
];

/// Marks the route tables, associations, propagations and routes as part of their gateway.
pub(crate) fn absorb_routing(im: &mut Importer<'_>) {
    let tables = im.resources_of_type(ROUTING[0]);
    let gateway_of_table = |im: &Importer<'_>, table: &Sym| {
        table
            .resource()
            .and_then(|table| im.element_of(&im.property(table.0, &table.1, &["TransitGatewayId"])))
    };
    let mut absorbed = Vec::new();
    for key in tables {
        let element = im.element_of(&im.property(key.0, &key.1, &["TransitGatewayId"]));
        absorbed.push((key, element));
    }
    for resource_type in &ROUTING[1..] {
        for key in im.resources_of_type(resource_type) {
            let table = im.property(key.0, &key.1, &["TransitGatewayRouteTableId"]);
            let element = gateway_of_table(im, &table);
            absorbed.push((key, element));
        }
    }
    for (key, element) in absorbed {
        im.mark(
            key,
            Disposition::Absorbed {
                element,
                how: "the Transit Gateway's routing between its attachments".to_owned(),
            },
        );
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
