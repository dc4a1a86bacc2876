//! The network: VPCs with flow logs, subnets with their route tables and tier NACLs, and the
//! network components (internet and NAT gateways, Transit Gateway, peering, VPN, VPC endpoints,
//! endpoint services, Network Firewall, Route 53 zones).

use zta_model::{Component, ComponentKind, EndpointType, Segment, SegmentKind, Tier};

use super::builder::{Builder, Context, Group, tags};
use super::support::{
    log_delivery_policy, policy_document, same_account_condition, service_principal,
};
use crate::template::{Output, Parameter, Resource};
use crate::value::Value;

/// One NACL entry: egress or not, the CIDR, the IP protocol number, and the port range.
type AclEntry<'a> = (bool, Value, &'a str, Option<(u16, u16)>);

/// Where a subnet's default route leads.
enum DefaultRoute {
    InternetGateway(String),
    NatGateway(String),
    Firewall(String),
    TransitGateway { attachment: String, tgw: Value },
}

pub(crate) fn generate(b: &mut Builder<'_>) {
    let vpcs: Vec<&Segment> = b
        .design
        .segments
        .iter()
        .filter(|s| s.kind == SegmentKind::Vpc)
        .collect();
    for vpc in &vpcs {
        vpc_resources(b, vpc);
    }
    for component in &b.design.components {
        match component.kind {
            ComponentKind::InternetGateway => internet_gateway(b, component),
            ComponentKind::NatGateway => nat_gateway(b, component),
            ComponentKind::TransitGateway => transit_gateway(b, component),
            ComponentKind::VpcPeering => peering(b, component),
            ComponentKind::VpnConnection => vpn(b, component),
            ComponentKind::VpcEndpoint => endpoint(b, component),
            ComponentKind::EndpointService => endpoint_service(b, component),
            ComponentKind::NetworkFirewall => firewall(b, component),
            ComponentKind::Route53Zone => zone(b, component),
            _ => {}
        }
    }
    for vpc in &vpcs {
        routes_and_nacls(b, vpc);
    }
}

fn vpc_cidr(b: &mut Builder<'_>, unit: &str, vpc: &Segment) -> Value {
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

fn vpc_resources(b: &mut Builder<'_>, vpc: &Segment) {
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

fn in_vpc<'d>(b: &Builder<'d>, kind: ComponentKind, vpc: &str) -> Vec<&'d Component> {
    b.components_of(kind)
        .filter(|c| b.vpc_of(c).is_some_and(|v| v.id == vpc))
        .collect()
}

/// The Transit Gateways that attach a VPC.
fn transit_gateways_of<'d>(b: &Builder<'d>, vpc: &str) -> Vec<&'d Component> {
    b.components_of(ComponentKind::TransitGateway)
        .filter(|tgw| tgw.properties.attachments.iter().any(|a| a == vpc))
        .collect()
}

/// The subnets a VPC attaches to a Transit Gateway through: one per zone, preferring the
/// isolated tier (where attachment subnets normally live), else any.
fn attachment_subnets<'d>(b: &Builder<'d>, vpc: &str) -> Vec<&'d Segment> {
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

fn firewall_endpoint(firewall: &str) -> Value {
    Value::select(
        1,
        Value::split(
            ":",
            Value::select(0, Value::get_att(firewall.to_owned(), "EndpointIds")),
        ),
    )
}

fn routes_and_nacls(b: &mut Builder<'_>, vpc: &Segment) {
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
fn nacls(
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
fn internet_ports(b: &Builder<'_>, subnets: &[&Segment]) -> Vec<(u16, u16)> {
    let mut ports = Vec::new();
    for flow in b.internet_flows() {
        let into_tier = b
            .component(&flow.target)
            .and_then(|c| b.subnet_of(c))
            .is_some_and(|s| subnets.iter().any(|t| t.id == s.id));
        if into_tier {
            for range in super::security_groups::flow_ports(flow) {
                if !ports.contains(&(range.from, range.to)) {
                    ports.push((range.from, range.to));
                }
            }
        }
    }
    ports
}

fn internet_gateway(b: &mut Builder<'_>, c: &Component) {
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

fn nat_gateway(b: &mut Builder<'_>, c: &Component) {
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

fn transit_gateway(b: &mut Builder<'_>, c: &Component) {
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
                "CloudFormation cannot name a Transit Gateway's default route table. After the stacks are deployed, add a static route 0.0.0.0/0 to the attachment of VPC `{egress_vpc}` in the default route table of Transit Gateway `{}` (aws ec2 create-transit-gateway-route).",
                c.id
            ),
        );
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
                    "Transit Gateway `{}` does not accept shared attachments automatically (as the design says). After the stack of `{vpc_unit}` creates the attachment of VPC `{vpc_id}`, accept it in account `{unit}` (aws ec2 accept-transit-gateway-vpc-attachment).",
                    c.id
                ),
            );
        }
    }
}

fn peering(b: &mut Builder<'_>, c: &Component) {
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
        );
    }
    b.put(&unit, b.logical_id(&c.id), &c.id, Group::Network, resource);
}

fn vpn(b: &mut Builder<'_>, c: &Component) {
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

fn endpoint(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    let (Some(vpc), Some(subnet)) = (b.vpc_of(c), b.subnet_of(c)) else {
        return;
    };
    let service = c.properties.service.clone().unwrap_or_else(|| "s3".into());
    let gateway = c.properties.endpoint_type == Some(EndpointType::Gateway)
        || (c.properties.endpoint_type.is_none() && matches!(service.as_str(), "s3" | "dynamodb"));
    let mut resource = Resource::new("AWS::EC2::VPCEndpoint")
        .with_property("VpcId", Value::reference(b.logical_id(&vpc.id)))
        .with_property(
            "ServiceName",
            Value::sub(format!("com.amazonaws.${{AWS::Region}}.{service}")),
        );
    if gateway {
        let tables: Vec<Value> = b
            .subnets_of(&vpc.id)
            .iter()
            .filter(|s| Context::tier(s) != Tier::Public)
            .map(|s| Value::reference(b.logical_id_for(&s.id, "RouteTable")))
            .collect();
        resource = resource
            .with_property("VpcEndpointType", "Gateway")
            .with_property("RouteTableIds", Value::list(tables));
    } else {
        let subnets = b.segment_refs(&b.spread_subnets(subnet));
        resource = resource
            .with_property("VpcEndpointType", "Interface")
            .with_property("PrivateDnsEnabled", true)
            .with_property("SubnetIds", Value::list(subnets))
            .with_property(
                "SecurityGroupIds",
                Value::list([Value::get_att(
                    b.logical_id_for(&c.id, "SecurityGroup"),
                    "GroupId",
                )]),
            );
    }
    if !c.properties.resource_policy.is_empty() {
        let statements =
            super::identities::statements(b, &unit, &c.properties.resource_policy, true);
        resource = resource.with_property("PolicyDocument", policy_document(statements));
    }
    b.put(&unit, b.logical_id(&c.id), &c.id, Group::Network, resource);
}

fn endpoint_service(b: &mut Builder<'_>, c: &Component) {
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

fn firewall(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    let (Some(vpc), Some(subnet)) = (b.vpc_of(c), b.subnet_of(c)) else {
        return;
    };
    // The design's flows through the firewall are the only traffic it passes; the policy
    // drops everything else (strict order, default drop).
    let mut rules = Vec::new();
    for flow in b.flows_via(&c.id) {
        let source = b
            .component(&flow.source)
            .and_then(|s| b.subnet_of(s).or_else(|| b.vpc_of(s)))
            .and_then(|s| s.cidr.clone())
            .unwrap_or_else(|| "ANY".into());
        for range in super::security_groups::flow_ports(flow) {
            let sid = i64::try_from(rules.len() + 1).unwrap_or(1);
            let port = if range.from == range.to {
                range.from.to_string()
            } else {
                format!("{}:{}", range.from, range.to)
            };
            rules.push(Value::map([
                ("Action", Value::string("PASS")),
                (
                    "Header",
                    Value::map([
                        ("Protocol", Value::string("TCP")),
                        ("Source", Value::string(&source)),
                        ("SourcePort", Value::string("ANY")),
                        ("Direction", Value::string("FORWARD")),
                        ("Destination", Value::string("ANY")),
                        ("DestinationPort", Value::string(port)),
                    ]),
                ),
                (
                    "RuleOptions",
                    Value::list([Value::map([
                        ("Keyword", Value::string("sid")),
                        ("Settings", Value::list([Value::string(sid.to_string())])),
                    ])]),
                ),
            ]));
        }
    }
    let mut policy = crate::value::Map::default();
    policy.insert(
        "StatelessDefaultActions".into(),
        Value::list([Value::string("aws:forward_to_sfe")]),
    );
    policy.insert(
        "StatelessFragmentDefaultActions".into(),
        Value::list([Value::string("aws:forward_to_sfe")]),
    );
    policy.insert(
        "StatefulDefaultActions".into(),
        Value::list([
            Value::string("aws:drop_established"),
            Value::string("aws:alert_established"),
        ]),
    );
    policy.insert(
        "StatefulEngineOptions".into(),
        Value::map([("RuleOrder", Value::string("STRICT_ORDER"))]),
    );
    if !rules.is_empty() {
        let group = b.logical_id_for(&c.id, "RuleGroup");
        let rule_group = Resource::new("AWS::NetworkFirewall::RuleGroup")
            .with_property(
                "RuleGroupName",
                Value::sub(format!("${{AWS::StackName}}-{}", c.id)),
            )
            .with_property("Type", "STATEFUL")
            .with_property("Capacity", 100_u32)
            .with_property(
                "RuleGroup",
                Value::map([
                    (
                        "RulesSource",
                        Value::map([("StatefulRules", Value::list(rules))]),
                    ),
                    (
                        "StatefulRuleOptions",
                        Value::map([("RuleOrder", Value::string("STRICT_ORDER"))]),
                    ),
                ]),
            );
        b.put(&unit, group.clone(), &c.id, Group::Network, rule_group);
        policy.insert(
            "StatefulRuleGroupReferences".into(),
            Value::list([Value::map([
                ("ResourceArn", Value::reference(&group)),
                ("Priority", Value::from(100_u32)),
            ])]),
        );
    }
    let policy_id = b.logical_id_for(&c.id, "Policy");
    b.put(
        &unit,
        policy_id.clone(),
        &c.id,
        Group::Network,
        Resource::new("AWS::NetworkFirewall::FirewallPolicy")
            .with_property(
                "FirewallPolicyName",
                Value::sub(format!("${{AWS::StackName}}-{}", c.id)),
            )
            .with_property("FirewallPolicy", Value::from(policy)),
    );
    let firewall = b.logical_id(&c.id);
    b.put(
        &unit,
        firewall.clone(),
        &c.id,
        Group::Network,
        Resource::new("AWS::NetworkFirewall::Firewall")
            .with_property(
                "FirewallName",
                Value::sub(format!("${{AWS::StackName}}-{}", c.id)),
            )
            .with_property("FirewallPolicyArn", Value::reference(&policy_id))
            .with_property("VpcId", Value::reference(b.logical_id(&vpc.id)))
            .with_property("DeleteProtection", true)
            .with_property(
                "SubnetMappings",
                Value::list([Value::map([(
                    "SubnetId",
                    Value::reference(b.logical_id(&subnet.id)),
                )])]),
            )
            .with_property("Tags", tags(&c.id, &c.tags)),
    );
    let logs = b.log_group(
        &unit,
        b.logical_id_for(&c.id, "LogGroup"),
        &c.id,
        Group::Network,
        None,
        None,
    );
    b.put(
        &unit,
        b.logical_id_for(&c.id, "Logging"),
        &c.id,
        Group::Network,
        Resource::new("AWS::NetworkFirewall::LoggingConfiguration")
            .with_property("FirewallArn", Value::reference(&firewall))
            .with_property(
                "LoggingConfiguration",
                Value::map([(
                    "LogDestinationConfigs",
                    Value::list(["ALERT", "FLOW"].map(|kind| {
                        Value::map([
                            ("LogType", Value::string(kind)),
                            ("LogDestinationType", Value::string("CloudWatchLogs")),
                            (
                                "LogDestination",
                                Value::map([("logGroup", Value::reference(&logs))]),
                            ),
                        ])
                    })),
                )]),
            ),
    );
}

fn zone(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    let name = c
        .properties
        .domain_name
        .clone()
        .unwrap_or_else(|| format!("{}.example.com", c.id));
    let mut zone = Resource::new("AWS::Route53::HostedZone")
        .with_property("Name", name.clone())
        .with_property("HostedZoneTags", tags(&c.id, &c.tags));
    if let Some(vpc) = b.vpc_of(c) {
        zone = zone.with_property(
            "VPCs",
            Value::list([Value::map([
                ("VPCId", Value::reference(b.logical_id(&vpc.id))),
                ("VPCRegion", Value::reference("AWS::Region")),
            ])]),
        );
    } else {
        // A public zone logs the queries it answers; Route 53 writes them only to us-east-1.
        b.manual_step(
            &c.id,
            &unit,
            "Turn on DNS query logging",
            format!(
                "Route 53 writes query logs of public zone `{name}` only to a log group in us-east-1, which a stack in another region cannot create; create one named /aws/route53/{name} there and run aws route53 create-query-logging-config."
            ),
        );
    }
    b.put(&unit, b.logical_id(&c.id), &c.id, Group::Network, zone);
    b.output(
        &unit,
        &b.logical_id_for(&c.id, "NameServers"),
        Output {
            description: Some(Value::string(format!("Name servers of {name}"))),
            ..Output::new(Value::intrinsic(
                crate::value::Function::Join,
                Value::list([
                    Value::string(","),
                    Value::get_att(b.logical_id(&c.id), "NameServers"),
                ]),
            ))
        },
    );
}
