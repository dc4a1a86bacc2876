//! The network: VPCs with flow logs, subnets with their route tables and tier NACLs, and the
//! network components (internet and NAT gateways, Transit Gateway, peering, VPN, VPC endpoints,
//! endpoint services, Network Firewall, Route 53 zones).

pub(crate) mod endpoint_service;
pub(crate) mod internet_gateway;
pub(crate) mod nat_gateway;
pub(crate) mod network_firewall;
pub(crate) mod route53_zone;
pub(crate) mod transit_gateway;
pub(crate) mod vpc;
pub(crate) mod vpc_endpoint;
pub(crate) mod vpc_peering;
pub(crate) mod vpn_connection;

use zta_model::{ComponentKind, Segment, SegmentKind};

use crate::export::builder::Builder;
use crate::kinds::network::vpc::{routes_and_nacls, vpc_resources};

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
            ComponentKind::InternetGateway => internet_gateway::export(b, component),
            ComponentKind::NatGateway => nat_gateway::export(b, component),
            ComponentKind::TransitGateway => transit_gateway::export(b, component),
            ComponentKind::VpcPeering => vpc_peering::export(b, component),
            ComponentKind::VpnConnection => vpn_connection::export(b, component),
            ComponentKind::VpcEndpoint => vpc_endpoint::export(b, component),
            ComponentKind::EndpointService => endpoint_service::export(b, component),
            ComponentKind::NetworkFirewall => network_firewall::export(b, component),
            ComponentKind::Route53Zone => route53_zone::export(b, component),
            _ => {}
        }
    }
    for vpc in &vpcs {
        routes_and_nacls(b, vpc);
    }
}
