//! The design as a directed graph (petgraph): segments, components, identities, actors and the
//! internet are nodes; flows, containment, "runs as", role assumption, sign-in and zone
//! membership are edges. The analyses walk this graph; rules read the analyses.

use std::collections::HashMap;

use petgraph::graph::{DiGraph, NodeIndex};
use zta_model::{ComponentKind, Design, IdentityKind, PolicyStatement, PrincipalKind, SegmentKind};

use crate::context::Index;

/// The id the internet node carries when the design has no internet segment of its own.
pub const INTERNET: &str = "internet";

/// What a node of the graph stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Node {
    /// The public internet (every internet segment and every actor without a zone).
    Internet,
    /// An on-premises or partner network segment, by its index in `design.segments`.
    ExternalZone(usize),
    /// A segment inside AWS, by index.
    Segment(usize),
    /// A component, by index.
    Component(usize),
    /// An identity, by index.
    Identity(usize),
    /// An actor, by index.
    Actor(usize),
}

/// What an edge of the graph stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edge {
    /// A data flow, by its index in `design.flows`; from the source to the target.
    Flow(usize),
    /// A segment contains a segment or a component.
    Contains,
    /// A component runs as an identity.
    RunsAs,
    /// The source identity (or actor, or the internet for the guests of a Cognito identity
    /// pool) may assume the target role.
    Assumes,
    /// An actor signs in with an identity.
    SignsInWith,
    /// A zone holds an actor.
    InZone,
    /// The internet reaches a component that is public by configuration (an internet-facing
    /// endpoint, a publicly accessible resource, a bucket without a public access block),
    /// whether or not the design draws a flow to it.
    PublicEndpoint,
}

/// The graph and the map from element ids to its nodes.
pub struct DesignGraph {
    /// The graph itself.
    pub graph: DiGraph<Node, Edge>,
    nodes: HashMap<String, NodeIndex>,
    internet: NodeIndex,
    internet_id: String,
}

impl DesignGraph {
    /// Builds the graph of a design.
    pub fn build(design: &Design, index: &Index<'_>) -> Self {
        let mut graph = DiGraph::with_capacity(design.element_count() + 1, design.flows.len() * 2);
        let mut nodes: HashMap<String, NodeIndex> = HashMap::with_capacity(design.element_count());
        let internet = graph.add_node(Node::Internet);
        let internet_id = design
            .segments
            .iter()
            .find(|segment| segment.kind == SegmentKind::Internet)
            .map_or(INTERNET, |segment| segment.id.as_str())
            .to_string();
        for (position, segment) in design.segments.iter().enumerate() {
            let node = match segment.kind {
                SegmentKind::Internet => internet,
                SegmentKind::OnPremises | SegmentKind::PartnerNetwork => {
                    graph.add_node(Node::ExternalZone(position))
                }
                _ => graph.add_node(Node::Segment(position)),
            };
            nodes.entry(segment.id.clone()).or_insert(node);
        }
        for (position, component) in design.components.iter().enumerate() {
            let node = graph.add_node(Node::Component(position));
            nodes.entry(component.id.clone()).or_insert(node);
        }
        for (position, identity) in design.identities.iter().enumerate() {
            let node = graph.add_node(Node::Identity(position));
            nodes.entry(identity.id.clone()).or_insert(node);
        }
        for (position, actor) in design.actors.iter().enumerate() {
            let node = graph.add_node(Node::Actor(position));
            nodes.entry(actor.id.clone()).or_insert(node);
        }
        let mut this = DesignGraph {
            graph,
            nodes,
            internet,
            internet_id,
        };
        this.add_edges(design, index);
        this
    }

    fn add_edges(&mut self, design: &Design, index: &Index<'_>) {
        for segment in &design.segments {
            if let Some(parent) = &segment.parent {
                self.link(parent, &segment.id, Edge::Contains);
            }
        }
        for component in &design.components {
            self.link(&component.segment, &component.id, Edge::Contains);
            if let Some(identity) = &component.identity {
                self.link(&component.id, identity, Edge::RunsAs);
            }
            if is_public_by_configuration(component, index)
                && let Some(target) = self.node(&component.id)
            {
                self.graph
                    .add_edge(self.internet, target, Edge::PublicEndpoint);
            }
        }
        for actor in &design.actors {
            let zone = match actor.zone.as_deref().and_then(|zone| self.node(zone)) {
                Some(zone) => zone,
                None => self.internet,
            };
            if let Some(node) = self.node(&actor.id) {
                self.graph.add_edge(zone, node, Edge::InZone);
            }
            if let Some(identity) = &actor.signs_in_with {
                self.link(&actor.id, identity, Edge::SignsInWith);
            }
        }
        for identity in &design.identities {
            for principal in &identity.trusts {
                match principal.kind {
                    PrincipalKind::Identity | PrincipalKind::Actor => {
                        self.link(&principal.id, &identity.id, Edge::Assumes);
                    }
                    PrincipalKind::Account => {
                        // An account principal delegates to the account's own IAM policies: only
                        // identities there that may call sts:AssumeRole can take the role.
                        for candidate in &design.identities {
                            if candidate.id != identity.id
                                && candidate.account.as_deref() == Some(principal.id.as_str())
                                && may_assume_roles(candidate)
                            {
                                self.link(&candidate.id, &identity.id, Edge::Assumes);
                            }
                        }
                    }
                    PrincipalKind::Federated => {
                        // The guests of an identity pool are anyone on the internet.
                        if principal.admits_guests()
                            && let Some(role) = self.node(&identity.id)
                        {
                            self.graph.add_edge(self.internet, role, Edge::Assumes);
                        }
                        // Whoever signs in through the provider or pool may take the role.
                        for actor in &design.actors {
                            if actor.signs_in_with.as_deref() == Some(principal.id.as_str()) {
                                self.link(&actor.id, &identity.id, Edge::Assumes);
                            }
                        }
                    }
                    PrincipalKind::Service | PrincipalKind::ExternalAccount => {}
                }
            }
        }
        for (position, flow) in design.flows.iter().enumerate() {
            if let (Some(source), Some(target)) = (self.node(&flow.source), self.node(&flow.target))
            {
                self.graph.add_edge(source, target, Edge::Flow(position));
            }
        }
    }

    fn link(&mut self, from: &str, to: &str, edge: Edge) {
        if let (Some(from), Some(to)) = (self.node(from), self.node(to)) {
            self.graph.add_edge(from, to, edge);
        }
    }

    /// The node of an element id (zone segments of kind internet all map to the internet).
    pub fn node(&self, id: &str) -> Option<NodeIndex> {
        self.nodes.get(id).copied()
    }

    /// The internet node.
    pub fn internet(&self) -> NodeIndex {
        self.internet
    }

    /// The id paths show for the internet: the design's internet segment, or `internet`.
    pub fn internet_id(&self) -> &str {
        &self.internet_id
    }

    /// The element id of a node.
    pub fn id_of<'d>(&'d self, design: &'d Design, node: NodeIndex) -> &'d str {
        match self.graph[node] {
            Node::Internet => &self.internet_id,
            Node::ExternalZone(position) | Node::Segment(position) => &design.segments[position].id,
            Node::Component(position) => &design.components[position].id,
            Node::Identity(position) => &design.identities[position].id,
            Node::Actor(position) => &design.actors[position].id,
        }
    }
}

/// Whether a component is reachable from the internet because of how it is configured.
fn is_public_by_configuration(component: &zta_model::Component, index: &Index<'_>) -> bool {
    let properties = &component.properties;
    let internet_facing_endpoint = component.kind.is_edge_endpoint()
        && (component.kind == ComponentKind::Cloudfront
            || properties.scheme == Some(zta_model::Scheme::InternetFacing));
    let public_bucket = component.kind == ComponentKind::S3Bucket
        && properties.block_public_access == Some(false)
        && properties.resource_policy.iter().any(grants_anyone);
    let open_policy =
        component.kind.is_data_store() && properties.resource_policy.iter().any(grants_anyone);
    let function_url =
        component.kind == ComponentKind::LambdaFunction && properties.function_url.is_some();
    // A resource with a public address is public only where the subnet routes to the internet.
    let public_address = properties.publicly_accessible == Some(true)
        && index.place_of(component).tier != Some(zta_model::Tier::Isolated);
    internet_facing_endpoint || function_url || public_bucket || open_policy || public_address
}

/// Whether a resource-policy statement allows anyone, with no condition to narrow it.
pub fn grants_anyone(statement: &PolicyStatement) -> bool {
    statement.effect == zta_model::Effect::Allow
        && statement
            .principals
            .iter()
            .any(|principal| principal == "*")
        && statement.conditions.is_empty()
}

/// Whether an identity's own permissions let it call `sts:AssumeRole`.
pub fn may_assume_roles(identity: &zta_model::Identity) -> bool {
    let admin = identity
        .managed_policies
        .iter()
        .any(|arn| arn.ends_with("/AdministratorAccess"));
    admin
        || identity.policies.iter().any(|statement| {
            statement.effect == zta_model::Effect::Allow
                && statement
                    .actions
                    .iter()
                    .any(|action| matches!(action.as_str(), "*" | "sts:*" | "sts:AssumeRole"))
        })
        || identity.kind == IdentityKind::PermissionSet
}
