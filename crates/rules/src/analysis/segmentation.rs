//! Segmentation: every flow between two components that crosses a subnet tier, a VPC or an
//! account, and the way the design carries it across: Transit Gateway, PrivateLink, VPC
//! peering, the internet, or nothing the design states (so the traffic has no private route).

use std::collections::HashMap;

use serde::Serialize;
use zta_model::{Component, ComponentKind, Design, Tier};

use crate::context::Index;

/// How a flow gets from one network to another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Mechanism {
    /// Both ends share a VPC: the VPC's local route.
    LocalRoute,
    /// Through a Transit Gateway attached to both VPCs (or named in `via`).
    TransitGateway,
    /// Through a VPC endpoint or endpoint service.
    PrivateLink,
    /// Through a VPC peering connection.
    Peering,
    /// Out through an internet or NAT gateway and back in.
    Internet,
    /// The design names no private way between the two networks.
    Unrouted,
}

impl Mechanism {
    /// The name used in messages.
    pub fn as_str(self) -> &'static str {
        match self {
            Mechanism::LocalRoute => "the VPC's local route",
            Mechanism::TransitGateway => "Transit Gateway",
            Mechanism::PrivateLink => "PrivateLink",
            Mechanism::Peering => "VPC peering",
            Mechanism::Internet => "the internet",
            Mechanism::Unrouted => "no stated route",
        }
    }
}

/// A flow that crosses a boundary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Crossing {
    /// The flow.
    pub flow: String,
    /// The tier of the source and target subnets, when both sit in subnets of different tiers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tiers: Option<(Tier, Tier)>,
    /// The two VPCs, when they differ.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vpcs: Option<(String, String)>,
    /// The two accounts, when they differ.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub accounts: Option<(String, String)>,
    /// How the flow crosses.
    pub mechanism: Mechanism,
}

/// Every crossing flow, in design order.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Segmentation {
    /// The crossings.
    pub crossings: Vec<Crossing>,
}

impl Segmentation {
    /// Classifies every flow between components.
    pub fn compute(design: &Design, index: &Index<'_>) -> Self {
        // Which gateways and peerings attach each VPC, so that each crossing looks up only
        // the few that touch its source VPC.
        let mut attached: HashMap<&str, Vec<&Component>> = HashMap::new();
        for component in &design.components {
            if matches!(
                component.kind,
                ComponentKind::TransitGateway | ComponentKind::VpcPeering
            ) {
                for vpc in &component.properties.attachments {
                    attached.entry(vpc).or_default().push(component);
                }
            }
        }
        let joins = |kind: ComponentKind, a: &str, b: &str| {
            attached.get(a).is_some_and(|components| {
                components.iter().any(|component| {
                    component.kind == kind
                        && component.properties.attachments.iter().any(|vpc| vpc == b)
                })
            })
        };
        let mut crossings = Vec::new();
        for flow in &design.flows {
            let (Some(source), Some(target)) =
                (index.component(&flow.source), index.component(&flow.target))
            else {
                continue;
            };
            let (from, to) = (index.place_of(source), index.place_of(target));
            let tiers = match (from.tier, to.tier) {
                (Some(a), Some(b)) if a != b => Some((a, b)),
                _ => None,
            };
            let vpcs = match (from.vpc, to.vpc) {
                (Some(a), Some(b)) if a != b => Some((a.to_string(), b.to_string())),
                _ => None,
            };
            let accounts = match (from.account, to.account) {
                (Some(a), Some(b)) if a != b => Some((a.to_string(), b.to_string())),
                _ => None,
            };
            if tiers.is_none() && vpcs.is_none() && accounts.is_none() {
                continue;
            }
            let via_kinds: Vec<ComponentKind> = flow
                .via
                .iter()
                .filter_map(|via| index.component(via))
                .map(|component| component.kind)
                .collect();
            let via = |kinds: &[ComponentKind]| via_kinds.iter().any(|kind| kinds.contains(kind));
            let mechanism = if via(&[ComponentKind::TransitGateway]) {
                Mechanism::TransitGateway
            } else if via(&[ComponentKind::VpcEndpoint, ComponentKind::EndpointService])
                || target.kind == ComponentKind::EndpointService
            {
                Mechanism::PrivateLink
            } else if via(&[ComponentKind::VpcPeering]) {
                Mechanism::Peering
            } else if via(&[ComponentKind::InternetGateway, ComponentKind::NatGateway]) {
                Mechanism::Internet
            } else if let Some((a, b)) = &vpcs {
                if joins(ComponentKind::TransitGateway, a, b) {
                    Mechanism::TransitGateway
                } else if joins(ComponentKind::VpcPeering, a, b) {
                    Mechanism::Peering
                } else {
                    Mechanism::Unrouted
                }
            } else if from.vpc.is_some() && from.vpc == to.vpc {
                Mechanism::LocalRoute
            } else {
                // Regional services across accounts are reached through their public API.
                Mechanism::Internet
            };
            crossings.push(Crossing {
                flow: flow.id.clone(),
                tiers,
                vpcs,
                accounts,
                mechanism,
            });
        }
        Segmentation { crossings }
    }

    /// The crossing of a flow, if it crosses anything.
    pub fn of(&self, flow: &str) -> Option<&Crossing> {
        self.crossings.iter().find(|crossing| crossing.flow == flow)
    }
}
