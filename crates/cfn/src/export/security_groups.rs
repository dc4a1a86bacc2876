//! Least-privilege security groups from flows: every network-attached component gets its own
//! group that allows nothing (not even egress), and each flow then opens exactly its ports,
//! from exactly its source's group (or the internet, or a network's CIDR) to its target's.

use zta_model::{Component, ComponentKind, EndpointType, Flow, PortRange, Protocol, SegmentKind};

use super::builder::{Builder, Group, tags};
use crate::template::{Parameter, Resource};
use crate::value::Value;

/// The ports a flow opens: its own, else its protocol's well-known port.
pub(crate) fn flow_ports(flow: &Flow) -> Vec<PortRange> {
    if !flow.ports.is_empty() {
        return flow.ports.clone();
    }
    flow.protocol
        .default_port()
        .map(PortRange::single)
        .into_iter()
        .collect()
}

/// The IP protocols a flow uses.
fn ip_protocols(protocol: Protocol) -> &'static [&'static str] {
    match protocol {
        Protocol::Udp => &["udp"],
        Protocol::Dns => &["udp", "tcp"],
        _ => &["tcp"],
    }
}

/// Whether the component gets a security group of its own.
pub(crate) fn has_security_group(b: &Builder<'_>, c: &Component) -> bool {
    match c.kind {
        ComponentKind::Alb
        | ComponentKind::Nlb
        | ComponentKind::ClassicLoadBalancer
        | ComponentKind::TransferServer
        | ComponentKind::Ec2Instance
        | ComponentKind::AutoScalingGroup
        | ComponentKind::EcsService
        | ComponentKind::EksCluster
        | ComponentKind::Rds
        | ComponentKind::Elasticache
        | ComponentKind::EfsFileSystem
        | ComponentKind::DocumentdbCluster
        | ComponentKind::NeptuneCluster
        | ComponentKind::MskCluster
        | ComponentKind::MqBroker
        | ComponentKind::RedshiftCluster => b.vpc_of(c).is_some(),
        ComponentKind::VpcEndpoint => b.subnet_of(c).is_some() && !is_gateway_endpoint(c),
        ComponentKind::LambdaFunction | ComponentKind::OpensearchDomain => b.subnet_of(c).is_some(),
        ComponentKind::ApiGateway => vpc_link_vpc(b, c).is_some(),
        _ => false,
    }
}

pub(crate) fn is_gateway_endpoint(c: &Component) -> bool {
    c.properties.endpoint_type == Some(EndpointType::Gateway)
        || (c.properties.endpoint_type.is_none()
            && matches!(
                c.properties.service.as_deref(),
                None | Some("s3" | "dynamodb")
            ))
}

/// The VPC an API reaches through a VPC link: that of the first target of its flows that sits
/// in a VPC of the API's own account (a VPC link cannot reach into another account's VPC).
pub(crate) fn vpc_link_vpc<'d>(b: &Builder<'d>, api: &Component) -> Option<&'d zta_model::Segment> {
    let unit = b.unit_of_component(api);
    b.flows_from(&api.id)
        .iter()
        .filter_map(|f| b.component(&f.target))
        .filter(|t| {
            matches!(
                t.kind,
                ComponentKind::Alb
                    | ComponentKind::Nlb
                    | ComponentKind::EcsService
                    | ComponentKind::Ec2Instance
            )
        })
        .filter_map(|t| b.vpc_of(t))
        .find(|vpc| b.unit_of_segment(&vpc.id) == unit)
}

/// One end of a flow, as the network sees it.
#[derive(Clone)]
enum End {
    Group {
        id: String,
        unit: String,
        vpc: String,
    },
    Cidr(String),
    Internet,
    /// An AWS service API or a component with no network presence.
    Service,
    /// Something the network cannot name (an unknown element).
    Unknown,
}

fn end_of(b: &Builder<'_>, element: &str) -> End {
    if let Some(c) = b.component(element) {
        if has_security_group(b, c) {
            let vpc = match c.kind {
                ComponentKind::ApiGateway => vpc_link_vpc(b, c).map(|v| v.id.clone()),
                _ => b.vpc_of(c).map(|v| v.id.clone()),
            };
            return End::Group {
                id: c.id.clone(),
                unit: b.unit_of_component(c),
                vpc: vpc.unwrap_or_default(),
            };
        }
        if let Some(cidr) = b
            .subnet_of(c)
            .or_else(|| b.vpc_of(c))
            .and_then(|s| s.cidr.clone())
        {
            return End::Cidr(cidr);
        }
        return End::Service;
    }
    if let Some(actor) = b.actor(element) {
        return match actor.zone.as_deref().and_then(|zone| b.segment(zone)) {
            Some(zone) if zone.kind != SegmentKind::Internet => match &zone.cidr {
                Some(cidr) => End::Cidr(cidr.clone()),
                None => End::Internet,
            },
            // An actor outside any named network, such as an administrator, reaches AWS through
            // its APIs (Session Manager, the console), never straight into a VPC.
            None if actor.zone.is_none() && actor.kind.is_privileged() => End::Service,
            _ => End::Internet,
        };
    }
    if b.identity(element).is_some() {
        return End::Service;
    }
    if let Some(segment) = b.segment(element) {
        return match (&segment.kind, &segment.cidr) {
            (SegmentKind::Internet, _) => End::Internet,
            (_, Some(cidr)) => End::Cidr(cidr.clone()),
            _ => End::Unknown,
        };
    }
    End::Unknown
}

fn cidr_of_group(b: &Builder<'_>, id: &str) -> Option<String> {
    let c = b.component(id)?;
    b.subnet_of(c)
        .or_else(|| b.vpc_of(c))
        .and_then(|s| s.cidr.clone())
}

/// The characters EC2 accepts in a security group's description.
fn description_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || " .,_-:/()#@[]+=&;{}!$*".contains(c)
}

/// The component's name where EC2 accepts it in a security group's description, else its id
/// (names may be written in any script; descriptions take a few ASCII characters).
fn description_name(c: &Component) -> String {
    if c.name.chars().all(description_char) {
        c.name.clone()
    } else {
        c.id.chars().filter(|c| description_char(*c)).collect()
    }
}

pub(crate) fn generate(b: &mut Builder<'_>) {
    for c in &b.design.components {
        if !has_security_group(b, c) {
            continue;
        }
        let unit = b.unit_of_component(c);
        let vpc = match c.kind {
            ComponentKind::ApiGateway => vpc_link_vpc(b, c),
            _ => b.vpc_of(c),
        };
        let Some(vpc) = vpc else { continue };
        let group = Resource::new("AWS::EC2::SecurityGroup")
            .with_property(
                "GroupDescription",
                format!(
                    "{} ({}): only the flows of the design",
                    description_name(c),
                    c.kind.as_str()
                ),
            )
            .with_property("VpcId", Value::reference(b.logical_id(&vpc.id)))
            .with_property(
                "SecurityGroupEgress",
                // Without an egress rule CloudFormation allows all egress; this loopback rule
                // replaces that default so that only the flows' own egress rules apply.
                Value::list([Value::map([
                    ("CidrIp", Value::string("127.0.0.1/32")),
                    ("IpProtocol", Value::string("-1")),
                    (
                        "Description",
                        Value::string("No egress except the design's flows"),
                    ),
                ])]),
            )
            .with_property("Tags", tags(&c.id, &c.tags));
        b.put(
            &unit,
            b.logical_id_for(&c.id, "SecurityGroup"),
            &c.id,
            Group::Network,
            group,
        );
    }
    for flow in &b.design.flows {
        flow_rules(b, flow);
    }
}

struct Rule {
    unit: String,
    group: String,
    egress: bool,
    protocol: &'static str,
    ports: PortRange,
    peer: Peer,
}

enum Peer {
    Group(Value),
    Cidr(String),
    PrefixList(Value),
}

fn flow_rules(b: &mut Builder<'_>, flow: &Flow) {
    let source = end_of(b, &flow.source);
    let target = end_of(b, &flow.target);
    let ports = if flow.protocol == Protocol::AwsApi {
        vec![PortRange::single(443)]
    } else {
        flow_ports(flow)
    };
    let mut rules: Vec<Rule> = Vec::new();
    for &protocol in ip_protocols(flow.protocol) {
        for &range in &ports {
            if let End::Group { id, unit, vpc } = &target {
                let peer = match &source {
                    End::Group {
                        id: source_id,
                        unit: source_unit,
                        vpc: source_vpc,
                    } if source_unit == unit && source_vpc == vpc => Some(Peer::Group(
                        Value::get_att(b.logical_id_for(source_id, "SecurityGroup"), "GroupId"),
                    )),
                    End::Group { id: source_id, .. } => cidr_of_group(b, source_id).map(Peer::Cidr),
                    End::Cidr(cidr) => Some(Peer::Cidr(cidr.clone())),
                    End::Internet => Some(Peer::Cidr("0.0.0.0/0".into())),
                    End::Service | End::Unknown => None,
                };
                if let Some(peer) = peer {
                    rules.push(Rule {
                        unit: unit.clone(),
                        group: id.clone(),
                        egress: false,
                        protocol,
                        ports: range,
                        peer,
                    });
                }
            }
            if let End::Group { id, unit, vpc } = &source {
                let mut peers = Vec::new();
                match &target {
                    End::Group {
                        id: target_id,
                        unit: target_unit,
                        vpc: target_vpc,
                    } if target_unit == unit && target_vpc == vpc => {
                        peers.push(Peer::Group(Value::get_att(
                            b.logical_id_for(target_id, "SecurityGroup"),
                            "GroupId",
                        )));
                    }
                    End::Group { id: target_id, .. } => {
                        peers.extend(cidr_of_group(b, target_id).map(Peer::Cidr));
                    }
                    End::Cidr(cidr) => peers.push(Peer::Cidr(cidr.clone())),
                    End::Internet | End::Unknown => peers.push(Peer::Cidr("0.0.0.0/0".into())),
                    End::Service => {
                        let endpoints: Vec<&Component> = flow
                            .via
                            .iter()
                            .filter_map(|v| b.component(v))
                            .filter(|v| v.kind == ComponentKind::VpcEndpoint)
                            .filter(|v| b.vpc_of(v).is_some_and(|ev| &ev.id == vpc))
                            .collect();
                        if endpoints.is_empty() {
                            peers.push(Peer::Cidr("0.0.0.0/0".into()));
                        }
                        for endpoint in endpoints {
                            if is_gateway_endpoint(endpoint) {
                                let parameter = b.logical_id_for(&endpoint.id, "PrefixListId");
                                let service = endpoint
                                    .properties
                                    .service
                                    .clone()
                                    .unwrap_or_else(|| "s3".into());
                                let value = b.parameter(
                                    unit,
                                    &parameter,
                                    Parameter::new("String")
                                        .with("AllowedPattern", "^pl-[0-9a-f]+$")
                                        .with(
                                            "Description",
                                            format!(
                                                "The AWS-managed prefix list of com.amazonaws.REGION.{service} (aws ec2 describe-managed-prefix-lists), which gateway endpoint `{}` routes to.",
                                                endpoint.id
                                            ),
                                        ),
                                );
                                peers.push(Peer::PrefixList(value));
                            } else {
                                peers.push(Peer::Group(Value::get_att(
                                    b.logical_id_for(&endpoint.id, "SecurityGroup"),
                                    "GroupId",
                                )));
                                rules.push(Rule {
                                    unit: unit.clone(),
                                    group: endpoint.id.clone(),
                                    egress: false,
                                    protocol,
                                    ports: range,
                                    peer: Peer::Group(Value::get_att(
                                        b.logical_id_for(id, "SecurityGroup"),
                                        "GroupId",
                                    )),
                                });
                            }
                        }
                    }
                }
                for peer in peers {
                    rules.push(Rule {
                        unit: unit.clone(),
                        group: id.clone(),
                        egress: true,
                        protocol,
                        ports: range,
                        peer,
                    });
                }
            }
        }
    }
    let mut counts = std::collections::HashMap::new();
    for rule in rules {
        let direction = if rule.egress { "Egress" } else { "Ingress" };
        let base = if rule.egress || rule.group == flow.target {
            b.logical_id_for(&flow.id, direction)
        } else {
            b.logical_id_for(
                &flow.id,
                &format!("{}{direction}", b.logical_id(&rule.group)),
            )
        };
        let count = counts.entry(base.clone()).or_insert(0_usize);
        *count += 1;
        let logical = if *count == 1 {
            base
        } else {
            format!("{base}{count}")
        };
        let kind = if rule.egress {
            "AWS::EC2::SecurityGroupEgress"
        } else {
            "AWS::EC2::SecurityGroupIngress"
        };
        let mut resource = Resource::new(kind)
            .with_property(
                "GroupId",
                Value::get_att(b.logical_id_for(&rule.group, "SecurityGroup"), "GroupId"),
            )
            .with_property("IpProtocol", rule.protocol)
            .with_property("FromPort", rule.ports.from)
            .with_property("ToPort", rule.ports.to)
            .with_property("Description", format!("Flow {}: {}", flow.id, flow.label()));
        resource = match (rule.peer, rule.egress) {
            (Peer::Group(group), false) => resource.with_property("SourceSecurityGroupId", group),
            (Peer::Group(group), true) => {
                resource.with_property("DestinationSecurityGroupId", group)
            }
            (Peer::Cidr(cidr), _) => resource.with_property("CidrIp", cidr),
            (Peer::PrefixList(list), _) => resource.with_property("DestinationPrefixListId", list),
        };
        b.put(&rule.unit, logical, &flow.id, Group::Network, resource);
    }
}
