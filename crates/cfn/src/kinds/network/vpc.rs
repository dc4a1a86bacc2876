//! VPC segments: the VPC with flow logs, subnets with their route tables and tier NACLs.

use zta_model::{Component, ComponentKind, Segment, Tier};

use crate::export::builder::{Builder, Context, Group, tags};
use crate::policy::{
    log_delivery_policy, policy_document, same_account_condition, service_principal,
};
use crate::template::{Output, Parameter, Resource};
use crate::value::Value;
/// One NACL entry: egress or not, the CIDR, the IP protocol number, and the port range.
type AclEntry<'a> = (bool, Value, &'a str, Option<(u16, u16)>);

/// Where a subnet's default route leads.
pub(crate) enum DefaultRoute {
    InternetGateway(String),
    NatGateway(String),
    Firewall(String),
    TransitGateway { attachment: String, tgw: Value },
}

pub(crate) fn vpc_cidr(b: &mut Builder<'_>, unit: &str, vpc: &Segment) -> Value {
    match &vpc.cidr {
        Some(cidr) => Value::string(cidr),
        None => b.parameter(
            unit,
            &b.logical_id_for(&vpc.id, "Cidr"),
            Parameter::new("String")
                .with("Default", "10.0.0.0/16")
                .with("AllowedPattern", r"^(\d{1,3}\.){3}\d{1,3}/\d{1,2}$")
                .with(
                    "Description",
                    format!("The CIDR block of VPC `{}`.", vpc.id),
                ),
        ),
    }
}

pub(crate) fn vpc_resources(b: &mut Builder<'_>, vpc: &Segment) {
    let unit = b.unit_of_segment(&vpc.id);
    let vpc_id = b.logical_id(&vpc.id);
    let cidr = vpc_cidr(b, &unit, vpc);
    let resource = Resource::new("AWS::EC2::VPC")
        .with_property("CidrBlock", cidr)
        .with_property("EnableDnsSupport", true)
        .with_property("EnableDnsHostnames", true)
        .with_property("Tags", tags(&vpc.id, &Default::default()));
    b.put(&unit, vpc_id.clone(), &vpc.id, Group::Network, resource);
    b.output(
        &unit,
        &b.logical_id_for(&vpc.id, "Id"),
        Output {
            description: Some(Value::string(format!("VPC `{}`", vpc.name))),
            ..Output::new(Value::reference(&vpc_id))
        },
    );
    // The default security group allows all traffic between its members; nothing uses it, and
    // it cannot be deleted, so the export leaves it untouched and gives every component its own.
    if vpc.flow_logs != Some(false) {
        let group = b.log_group(
            &unit,
            b.logical_id_for(&vpc.id, "FlowLogGroup"),
            &vpc.id,
            Group::Network,
            None,
            None,
        );
        let role = b.logical_id_for(&vpc.id, "FlowLogRole");
        let trust = policy_document(vec![Value::map([
            ("Effect", Value::string("Allow")),
            (
                "Principal",
                service_principal("vpc-flow-logs.amazonaws.com"),
            ),
            ("Action", Value::string("sts:AssumeRole")),
            ("Condition", same_account_condition()),
        ])]);
        let role_resource = Resource::new("AWS::IAM::Role")
            .with_property("AssumeRolePolicyDocument", trust)
            .with_property("Policies", log_delivery_policy("deliver-flow-logs", &group));
        b.put(&unit, role.clone(), &vpc.id, Group::Network, role_resource);
        let flow_log = Resource::new("AWS::EC2::FlowLog")
            .with_property("ResourceId", Value::reference(&vpc_id))
            .with_property("ResourceType", "VPC")
            .with_property("TrafficType", "ALL")
            .with_property("LogDestinationType", "cloud-watch-logs")
            .with_property("LogGroupName", Value::reference(&group))
            .with_property("DeliverLogsPermissionArn", Value::get_att(&role, "Arn"));
        b.put(
            &unit,
            b.logical_id_for(&vpc.id, "FlowLog"),
            &vpc.id,
            Group::Network,
            flow_log,
        );
    }
    for (index, subnet) in b.subnets_of(&vpc.id).into_iter().enumerate() {
        let cidr = match &subnet.cidr {
            Some(cidr) => Value::string(cidr),
            None => Value::select(
                i64::try_from(index).unwrap_or(0),
                Value::cidr(Value::get_att(&vpc_id, "CidrBlock"), 64, 8),
            ),
        };
        let zone = b.availability_zone(&unit, subnet, index);
        let resource = Resource::new("AWS::EC2::Subnet")
            .with_property("VpcId", Value::reference(&vpc_id))
            .with_property("CidrBlock", cidr)
            .with_property("AvailabilityZone", zone)
            .with_property("MapPublicIpOnLaunch", false)
            .with_property("Tags", tags(&subnet.id, &Default::default()));
        b.put(
            &unit,
            b.logical_id(&subnet.id),
            &subnet.id,
            Group::Network,
            resource,
        );
        let table = b.logical_id_for(&subnet.id, "RouteTable");
        let route_table = Resource::new("AWS::EC2::RouteTable")
            .with_property("VpcId", Value::reference(&vpc_id))
            .with_property("Tags", tags(&subnet.id, &Default::default()));
        b.put(
            &unit,
            table.clone(),
            &subnet.id,
            Group::Network,
            route_table,
        );
        let association = Resource::new("AWS::EC2::SubnetRouteTableAssociation")
            .with_property("SubnetId", Value::reference(b.logical_id(&subnet.id)))
            .with_property("RouteTableId", Value::reference(&table));
        b.put(
            &unit,
            b.logical_id_for(&subnet.id, "RouteTableAssociation"),
            &subnet.id,
            Group::Network,
            association,
        );
    }
}

pub(crate) fn in_vpc<'d>(b: &Builder<'d>, kind: ComponentKind, vpc: &str) -> Vec<&'d Component> {
    b.components_of(kind)
        .filter(|c| b.vpc_of(c).is_some_and(|v| v.id == vpc))
        .collect()
}

/// The Transit Gateways that attach a VPC.
pub(crate) fn transit_gateways_of<'d>(b: &Builder<'d>, vpc: &str) -> Vec<&'d Component> {
    b.components_of(ComponentKind::TransitGateway)
        .filter(|tgw| tgw.properties.attachments.iter().any(|a| a == vpc))
        .collect()
}

/// The subnets a VPC attaches to a Transit Gateway through: one per zone, preferring the
/// isolated tier (where attachment subnets normally live), else any.
pub(crate) fn attachment_subnets<'d>(b: &Builder<'d>, vpc: &str) -> Vec<&'d Segment> {
    let subnets = b.subnets_of(vpc);
    let mut chosen: Vec<&Segment> = Vec::new();
    for preferred in [true, false] {
        for subnet in &subnets {
            let isolated = subnet.tier == Some(Tier::Isolated);
            if isolated == preferred && !chosen.iter().any(|c| c.az == subnet.az) {
                chosen.push(subnet);
            }
        }
    }
    chosen
}

pub(crate) fn firewall_endpoint(firewall: &str) -> Value {
    Value::select(
        1,
        Value::split(
            ":",
            Value::select(0, Value::get_att(firewall.to_owned(), "EndpointIds")),
        ),
    )
}

pub(crate) fn routes_and_nacls(b: &mut Builder<'_>, vpc: &Segment) {
    let unit = b.unit_of_segment(&vpc.id);
    let igw = in_vpc(b, ComponentKind::InternetGateway, &vpc.id)
        .first()
        .map(|c| c.id.clone());
    let nats = in_vpc(b, ComponentKind::NatGateway, &vpc.id);
    let firewall = in_vpc(b, ComponentKind::NetworkFirewall, &vpc.id)
        .first()
        .copied();
    let tgws = transit_gateways_of(b, &vpc.id);
    let tgw_route = match tgws.first() {
        Some(tgw) => {
            let owner = b.unit_of_component(tgw);
            let id = b.reference(&unit, &owner, &b.logical_id(&tgw.id), None);
            Some((
                b.logical_id_for(&tgw.id, &format!("{}Attachment", b.logical_id(&vpc.id))),
                id,
            ))
        }
        None => None,
    };
    let peers: Vec<String> = tgws
        .iter()
        .flat_map(|tgw| tgw.properties.attachments.iter())
        .chain(
            b.components_of(ComponentKind::VpcPeering)
                .filter(|p| p.properties.attachments.iter().any(|a| a == &vpc.id))
                .flat_map(|p| p.properties.attachments.iter()),
        )
        .filter(|other| *other != &vpc.id)
        .filter_map(|other| b.segment(other).and_then(|s| s.cidr.clone()))
        .collect();
    let mut internet_tiers: Vec<Tier> = Vec::new();
    for subnet in b.subnets_of(&vpc.id) {
        let tier = Context::tier(subnet);
        let firewall_here = firewall.is_some_and(|f| f.segment == subnet.id);
        let default = match tier {
            Tier::Public => igw.clone().map(DefaultRoute::InternetGateway),
            Tier::Private if firewall.is_some() && !firewall_here => {
                firewall.map(|f| DefaultRoute::Firewall(f.id.clone()))
            }
            Tier::Private => nats
                .iter()
                .find(|n| b.subnet_of(n).is_some_and(|s| s.az == subnet.az))
                .or(nats.first())
                .map(|n| DefaultRoute::NatGateway(n.id.clone()))
                .or_else(|| {
                    tgw_route
                        .clone()
                        .map(|(attachment, tgw)| DefaultRoute::TransitGateway { attachment, tgw })
                }),
            Tier::Isolated if firewall.is_some() && tgw_route.is_some() => {
                firewall.map(|f| DefaultRoute::Firewall(f.id.clone()))
            }
            Tier::Isolated => None,
        };
        let table = b.logical_id_for(&subnet.id, "RouteTable");
        let mut reaches_internet = false;
        if let Some(default) = default {
            reaches_internet = true;
            let mut route = Resource::new("AWS::EC2::Route")
                .with_property("RouteTableId", Value::reference(&table))
                .with_property("DestinationCidrBlock", "0.0.0.0/0");
            match default {
                DefaultRoute::InternetGateway(igw) => {
                    route = route.with_property("GatewayId", Value::reference(b.logical_id(&igw)));
                    route.depends_on.push(b.logical_id_for(&igw, "Attachment"));
                }
                DefaultRoute::NatGateway(nat) => {
                    route =
                        route.with_property("NatGatewayId", Value::reference(b.logical_id(&nat)));
                }
                DefaultRoute::Firewall(firewall) => {
                    route = route.with_property(
                        "VpcEndpointId",
                        firewall_endpoint(&b.logical_id(&firewall)),
                    );
                }
                DefaultRoute::TransitGateway { attachment, tgw } => {
                    route = route.with_property("TransitGatewayId", tgw);
                    route.depends_on.push(attachment);
                }
            }
            b.put(
                &unit,
                b.logical_id_for(&subnet.id, "DefaultRoute"),
                &subnet.id,
                Group::Network,
                route,
            );
        }
        // Traffic back to the VPCs behind the Transit Gateway: through the firewall from the
        // public tier (so replies are inspected like requests), straight to the gateway elsewhere.
        if let Some((attachment, tgw)) = &tgw_route {
            let default_is_tgw = tier == Tier::Private && firewall.is_none() && nats.is_empty();
            if !default_is_tgw {
                for (index, peer) in peers.iter().enumerate() {
                    let mut route = Resource::new("AWS::EC2::Route")
                        .with_property("RouteTableId", Value::reference(&table))
                        .with_property("DestinationCidrBlock", peer);
                    match firewall {
                        Some(f) if tier == Tier::Public => {
                            route = route.with_property(
                                "VpcEndpointId",
                                firewall_endpoint(&b.logical_id(&f.id)),
                            );
                        }
                        _ => {
                            route = route.with_property("TransitGatewayId", tgw.clone());
                            route.depends_on.push(attachment.clone());
                        }
                    }
                    b.put(
                        &unit,
                        b.logical_id_for(&subnet.id, &format!("PeerRoute{}", index + 1)),
                        &subnet.id,
                        Group::Network,
                        route,
                    );
                }
            }
        }
        if reaches_internet && !internet_tiers.contains(&tier) {
            internet_tiers.push(tier);
        }
    }
    nacls(b, &unit, vpc, &peers, &internet_tiers);
}

/// One network ACL per tier of the VPC: traffic inside the VPC and from attached VPCs is allowed
/// (security groups then allow exactly the flows), internet traffic only where the tier routes
/// to the internet, and only on the ports the design's internet flows use.
pub(crate) fn nacls(
    b: &mut Builder<'_>,
    unit: &str,
    vpc: &Segment,
    peers: &[String],
    internet_tiers: &[Tier],
) {
    let vpc_id = b.logical_id(&vpc.id);
    let cidr = vpc_cidr(b, unit, vpc);
    for tier in [Tier::Public, Tier::Private, Tier::Isolated] {
        let subnets: Vec<&Segment> = b
            .subnets_of(&vpc.id)
            .into_iter()
            .filter(|s| Context::tier(s) == tier)
            .collect();
        if subnets.is_empty() {
            continue;
        }
        let tier_name = match tier {
            Tier::Public => "Public",
            Tier::Private => "Private",
            Tier::Isolated => "Isolated",
        };
        let acl = b.logical_id_for(&vpc.id, &format!("{tier_name}NetworkAcl"));
        let resource = Resource::new("AWS::EC2::NetworkAcl")
            .with_property("VpcId", Value::reference(&vpc_id))
            .with_property("Tags", tags(&vpc.id, &Default::default()));
        b.put(unit, acl.clone(), &vpc.id, Group::Network, resource);
        let mut entries: Vec<AclEntry<'_>> = Vec::new();
        let reaches_internet = internet_tiers.contains(&tier);
        for egress in [false, true] {
            entries.push((egress, cidr.clone(), "-1", None));
            for peer in peers {
                entries.push((egress, Value::string(peer), "-1", None));
            }
        }
        if reaches_internet {
            entries.push((true, Value::string("0.0.0.0/0"), "-1", None));
            // Replies from the internet arrive on ephemeral ports; 3389 is left out so that the
            // ACL never admits RDP from the internet, whatever a host listens on.
            entries.push((false, Value::string("0.0.0.0/0"), "6", Some((1024, 3388))));
            entries.push((false, Value::string("0.0.0.0/0"), "6", Some((3390, 65535))));
        }
        if tier == Tier::Public {
            for port in internet_ports(b, &subnets) {
                entries.push((false, Value::string("0.0.0.0/0"), "6", Some(port)));
            }
        }
        let mut numbers = [100_u32, 100_u32];
        for (egress, cidr, protocol, ports) in entries {
            let slot = usize::from(egress);
            let number = numbers[slot];
            numbers[slot] += 10;
            let mut entry = Resource::new("AWS::EC2::NetworkAclEntry")
                .with_property("NetworkAclId", Value::reference(&acl))
                .with_property("RuleNumber", number)
                .with_property(
                    "Protocol",
                    Value::from(protocol.parse::<i64>().unwrap_or(-1)),
                )
                .with_property("RuleAction", "allow")
                .with_property("Egress", egress)
                .with_property("CidrBlock", cidr);
            if let Some((from, to)) = ports {
                entry = entry.with_property(
                    "PortRange",
                    Value::map([("From", Value::from(from)), ("To", Value::from(to))]),
                );
            }
            let direction = if egress { "Egress" } else { "Ingress" };
            b.put(
                unit,
                format!("{acl}{direction}{number}"),
                &vpc.id,
                Group::Network,
                entry,
            );
        }
        for subnet in subnets {
            let association = Resource::new("AWS::EC2::SubnetNetworkAclAssociation")
                .with_property("SubnetId", Value::reference(b.logical_id(&subnet.id)))
                .with_property("NetworkAclId", Value::reference(&acl));
            b.put(
                unit,
                b.logical_id_for(&subnet.id, "NetworkAclAssociation"),
                &subnet.id,
                Group::Network,
                association,
            );
        }
    }
}

/// The ports of flows from the internet to components in these subnets.
pub(crate) fn internet_ports(b: &Builder<'_>, subnets: &[&Segment]) -> Vec<(u16, u16)> {
    let mut ports = Vec::new();
    for flow in b.internet_flows() {
        let into_tier = b
            .component(&flow.target)
            .and_then(|c| b.subnet_of(c))
            .is_some_and(|s| subnets.iter().any(|t| t.id == s.id));
        if into_tier {
            for range in crate::export::security_groups::flow_ports(flow) {
                if !ports.contains(&(range.from, range.to)) {
                    ports.push((range.from, range.to));
                }
            }
        }
    }
    ports
}
