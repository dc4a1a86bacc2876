//! What every rule reads: the design, lookup tables built once per validation, the graph and
//! the shared analyses. Rules never rebuild any of these; they ask the context.
//!
//! The design handed in may be mid-edit and break referential integrity (the canvas validates
//! as the architect draws), so every lookup answers `None` for a dangling id instead of failing.

use std::collections::HashMap;

use zta_model::{
    Actor, Component, ComponentKind, DataClass, Design, Flow, Identity, IdentityKind, MfaMode,
    Scheme, Segment, SegmentKind, Tier,
};

use crate::analysis::Analyses;
use crate::graph::DesignGraph;

/// Where a segment sits: the subnet tier, VPC, region and account above it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Place<'a> {
    /// The subnet the element sits in, if it sits in one.
    pub subnet: Option<&'a str>,
    /// The subnet's routing tier.
    pub tier: Option<Tier>,
    /// The VPC above, if any.
    pub vpc: Option<&'a str>,
    /// The account above, if any.
    pub account: Option<&'a str>,
    /// The region segment above, if any.
    pub region: Option<&'a str>,
}

/// The kind of network a flow comes from when it does not start inside AWS.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Zone {
    /// The public internet.
    Internet,
    /// An on-premises network.
    OnPremises,
    /// A partner's network.
    Partner,
}

impl Zone {
    /// The name used in messages.
    pub fn as_str(self) -> &'static str {
        match self {
            Zone::Internet => "the internet",
            Zone::OnPremises => "an on-premises network",
            Zone::Partner => "a partner network",
        }
    }
}

/// Lookup tables over the design, built once per validation.
pub struct Index<'a> {
    segments: HashMap<&'a str, &'a Segment>,
    components: HashMap<&'a str, &'a Component>,
    identities: HashMap<&'a str, &'a Identity>,
    actors: HashMap<&'a str, &'a Actor>,
    flows: HashMap<&'a str, &'a Flow>,
    places: HashMap<&'a str, Place<'a>>,
    flows_from: HashMap<&'a str, Vec<&'a Flow>>,
    flows_to: HashMap<&'a str, Vec<&'a Flow>>,
    wafs: HashMap<&'a str, Vec<&'a Component>>,
    shields: HashMap<&'a str, Vec<&'a Component>>,
    runs_as: HashMap<&'a str, Vec<&'a Component>>,
    account_components: HashMap<&'a str, Vec<&'a Component>>,
}

impl<'a> Index<'a> {
    /// Builds the tables for a design.
    pub fn new(design: &'a Design) -> Self {
        let segments: HashMap<&str, &Segment> = design
            .segments
            .iter()
            .map(|segment| (segment.id.as_str(), segment))
            .collect();
        let places = design
            .segments
            .iter()
            .map(|segment| (segment.id.as_str(), place_of(&segments, segment)))
            .collect();
        let mut index = Index {
            segments,
            components: design
                .components
                .iter()
                .map(|component| (component.id.as_str(), component))
                .collect(),
            identities: design
                .identities
                .iter()
                .map(|identity| (identity.id.as_str(), identity))
                .collect(),
            actors: design
                .actors
                .iter()
                .map(|actor| (actor.id.as_str(), actor))
                .collect(),
            flows: design
                .flows
                .iter()
                .map(|flow| (flow.id.as_str(), flow))
                .collect(),
            places,
            flows_from: HashMap::new(),
            flows_to: HashMap::new(),
            wafs: HashMap::new(),
            shields: HashMap::new(),
            runs_as: HashMap::new(),
            account_components: HashMap::new(),
        };
        for flow in &design.flows {
            index.flows_from.entry(&flow.source).or_default().push(flow);
            index.flows_to.entry(&flow.target).or_default().push(flow);
        }
        for component in &design.components {
            let guards = match component.kind {
                ComponentKind::WafWebAcl => Some(&mut index.wafs),
                ComponentKind::ShieldProtection => Some(&mut index.shields),
                _ => None,
            };
            if let Some(guards) = guards {
                for protected in &component.properties.protects {
                    guards.entry(protected).or_default().push(component);
                }
            }
            if let Some(identity) = &component.identity {
                index.runs_as.entry(identity).or_default().push(component);
            }
            if let Some(account) = index.place(&component.segment).account {
                index
                    .account_components
                    .entry(account)
                    .or_default()
                    .push(component);
            }
        }
        index
    }

    /// The segment with this id.
    pub fn segment(&self, id: &str) -> Option<&'a Segment> {
        self.segments.get(id).copied()
    }

    /// The component with this id.
    pub fn component(&self, id: &str) -> Option<&'a Component> {
        self.components.get(id).copied()
    }

    /// The identity with this id.
    pub fn identity(&self, id: &str) -> Option<&'a Identity> {
        self.identities.get(id).copied()
    }

    /// The actor with this id.
    pub fn actor(&self, id: &str) -> Option<&'a Actor> {
        self.actors.get(id).copied()
    }

    /// The flow with this id.
    pub fn flow(&self, id: &str) -> Option<&'a Flow> {
        self.flows.get(id).copied()
    }

    /// Where a segment sits; the default (nowhere) for an unknown id.
    pub fn place(&self, segment: &str) -> Place<'a> {
        self.places.get(segment).copied().unwrap_or_default()
    }

    /// Where a component sits.
    pub fn place_of(&self, component: &Component) -> Place<'a> {
        self.place(&component.segment)
    }

    /// The account a component belongs to.
    pub fn account_of(&self, component: &Component) -> Option<&'a str> {
        self.place_of(component).account
    }

    /// The flows an element opens.
    pub fn flows_from(&self, id: &str) -> &[&'a Flow] {
        self.flows_from.get(id).map_or(&[], Vec::as_slice)
    }

    /// The flows an element accepts.
    pub fn flows_to(&self, id: &str) -> &[&'a Flow] {
        self.flows_to.get(id).map_or(&[], Vec::as_slice)
    }

    /// The WAF web ACLs that name the component in `protects`.
    pub fn wafs_of(&self, id: &str) -> &[&'a Component] {
        self.wafs.get(id).map_or(&[], Vec::as_slice)
    }

    /// The Shield Advanced protections that name the component in `protects`.
    pub fn shields_of(&self, id: &str) -> &[&'a Component] {
        self.shields.get(id).map_or(&[], Vec::as_slice)
    }

    /// The components that run as an identity.
    pub fn components_running_as(&self, identity: &str) -> &[&'a Component] {
        self.runs_as.get(identity).map_or(&[], Vec::as_slice)
    }

    /// The components in an account (in any region, VPC or subnet of it).
    pub fn components_in_account(&self, account: &str) -> &[&'a Component] {
        self.account_components
            .get(account)
            .map_or(&[], Vec::as_slice)
    }

    /// The zone an element stands in when it is outside AWS: an actor's zone (the internet
    /// when it names none) or a zone segment itself. `None` for elements inside AWS.
    pub fn zone_of(&self, id: &str) -> Option<Zone> {
        if let Some(actor) = self.actor(id) {
            return Some(
                match actor.zone.as_deref().and_then(|zone| self.segment(zone)) {
                    Some(segment) => zone_kind(segment.kind).unwrap_or(Zone::Internet),
                    None => Zone::Internet,
                },
            );
        }
        self.segment(id).and_then(|segment| zone_kind(segment.kind))
    }

    /// Whether the component takes traffic from the internet: an edge endpoint with
    /// `scheme: internet_facing`, a CloudFront distribution, or a target of a flow from the
    /// internet.
    pub fn is_internet_facing(&self, component: &Component) -> bool {
        let by_scheme = component.kind.is_edge_endpoint()
            && (component.kind == ComponentKind::Cloudfront
                || component.properties.scheme == Some(Scheme::InternetFacing));
        by_scheme
            || self
                .flows_to(&component.id)
                .iter()
                .any(|flow| self.zone_of(&flow.source) == Some(Zone::Internet))
    }

    /// Whether an identity is a place where people sign in (a user pool or identity provider):
    /// a flow to it is the sign-in itself, not a call to a workload.
    pub fn is_sign_in_identity(&self, id: &str) -> bool {
        self.identity(id).is_some_and(|identity| {
            matches!(
                identity.kind,
                IdentityKind::CognitoUserPool | IdentityKind::IdentityProvider
            )
        })
    }

    /// Whether signing in with an identity requires a second factor: the identity requires it
    /// itself, or it federates with an identity provider that does.
    pub fn requires_mfa(&self, identity: &Identity) -> bool {
        identity.mfa == Some(MfaMode::Required)
            || identity.federation.iter().any(|provider| {
                self.identity(provider)
                    .is_some_and(|provider| provider.mfa == Some(MfaMode::Required))
            })
    }

    /// Whether the design states that signing in with an identity does not require a second
    /// factor. An identity that says nothing gets MFA from the exporter, so only a stated
    /// `off` or `optional` with no federated provider requiring MFA counts.
    pub fn states_no_mfa(&self, identity: &Identity) -> bool {
        let stated_weak = matches!(identity.mfa, Some(MfaMode::Off | MfaMode::Optional));
        let provider_weak = !identity.federation.is_empty()
            && identity.federation.iter().all(|provider| {
                self.identity(provider).is_some_and(|provider| {
                    matches!(provider.mfa, Some(MfaMode::Off | MfaMode::Optional))
                })
            });
        (stated_weak || provider_weak) && !self.requires_mfa(identity)
    }

    /// The most sensitive class of data that a component stores or that any flow to or from
    /// it carries.
    pub fn most_sensitive_handled(&self, id: &str) -> Option<DataClass> {
        let stored = self
            .component(id)
            .and_then(Component::most_sensitive_stored);
        self.flows_from(id)
            .iter()
            .chain(self.flows_to(id))
            .filter_map(|flow| flow.most_sensitive())
            .chain(stored)
            .max()
    }
}

fn zone_kind(kind: SegmentKind) -> Option<Zone> {
    match kind {
        SegmentKind::Internet => Some(Zone::Internet),
        SegmentKind::OnPremises => Some(Zone::OnPremises),
        SegmentKind::PartnerNetwork => Some(Zone::Partner),
        _ => None,
    }
}

fn place_of<'a>(segments: &HashMap<&'a str, &'a Segment>, start: &'a Segment) -> Place<'a> {
    let mut place = Place::default();
    let mut next = Some(start);
    let mut steps = 0;
    // The step bound stops on containment cycles, which the loader reports on its own.
    while let Some(segment) = next
        && steps <= segments.len()
    {
        match segment.kind {
            SegmentKind::Subnet if place.subnet.is_none() => {
                place.subnet = Some(&segment.id);
                place.tier = segment.tier;
            }
            SegmentKind::Vpc if place.vpc.is_none() => place.vpc = Some(&segment.id),
            SegmentKind::Account if place.account.is_none() => {
                place.account = Some(&segment.id);
            }
            SegmentKind::Region if place.region.is_none() => place.region = Some(&segment.id),
            _ => {}
        }
        next = segment
            .parent
            .as_deref()
            .and_then(|parent| segments.get(parent).copied());
        steps += 1;
    }
    place
}

/// Everything a rule may read about the design under validation.
pub struct Context<'a> {
    /// The design itself.
    pub design: &'a Design,
    /// Lookup tables.
    pub index: Index<'a>,
    /// The design as a graph.
    pub graph: DesignGraph,
    /// The shared analyses, computed once.
    pub analyses: Analyses,
}

impl<'a> Context<'a> {
    /// Builds the index, graph and analyses for a design.
    pub fn new(design: &'a Design) -> Self {
        let index = Index::new(design);
        let graph = DesignGraph::build(design, &index);
        let analyses = Analyses::compute(design, &index, &graph);
        Context {
            design,
            index,
            graph,
            analyses,
        }
    }

    /// How messages name an element: its name and, in backticks, its id.
    pub fn label(&self, id: &str) -> String {
        let name = if let Some(component) = self.index.component(id) {
            Some(component.name.as_str())
        } else if let Some(identity) = self.index.identity(id) {
            Some(identity.name.as_str())
        } else if let Some(actor) = self.index.actor(id) {
            Some(actor.name.as_str())
        } else if let Some(segment) = self.index.segment(id) {
            Some(segment.name.as_str())
        } else {
            self.index.flow(id).and_then(|flow| flow.name.as_deref())
        };
        match name {
            Some(name) if name != id => format!("{name} (`{id}`)"),
            _ => format!("`{id}`"),
        }
    }

    /// The account segments that hold at least one component, in design order: "every
    /// account of the design" in the monitoring rules.
    pub fn accounts_with_components(&self) -> impl Iterator<Item = &'a Segment> + '_ {
        self.design.segments.iter().filter(move |segment| {
            segment.kind == SegmentKind::Account
                && !self.index.components_in_account(&segment.id).is_empty()
        })
    }

    /// Whether an account holds a component of a kind.
    pub fn account_has(&self, account: &str, kind: ComponentKind) -> bool {
        self.index
            .components_in_account(account)
            .iter()
            .any(|component| component.kind == kind)
    }
}
