//! Internet exposure: every way the internet (and each on-premises or partner zone) reaches
//! each component, following flows in their direction, and which enforcement points each way
//! crosses: a WAF, Shield Advanced, an authenticating hop, Network Firewall.
//!
//! The walk is a breadth-first search over (node, enforcement set) states, so a component
//! reached both with and without authentication keeps both ways. For each component and
//! origin only the minimal enforcement sets are kept: a way that crosses more controls than
//! another is not what an attacker would take, and it adds nothing to the findings.

use std::collections::{HashMap, VecDeque};

use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use serde::Serialize;
use zta_model::{ComponentKind, Design};

use crate::context::{Index, Zone};
use crate::graph::{DesignGraph, Edge, Node};

/// A set of enforcement points crossed on a path.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Enforcement(u8);

impl Enforcement {
    /// A WAF web ACL inspects the requests.
    pub const WAF: Enforcement = Enforcement(1);
    /// Shield Advanced protects an endpoint on the way.
    pub const SHIELD: Enforcement = Enforcement(2);
    /// Some hop authenticates the caller (JWT, IAM, mTLS, a credential).
    pub const AUTHENTICATION: Enforcement = Enforcement(4);
    /// Network Firewall inspects the traffic.
    pub const FIREWALL: Enforcement = Enforcement(8);

    const NAMES: [(Enforcement, &'static str); 4] = [
        (Enforcement::WAF, "waf"),
        (Enforcement::SHIELD, "shield"),
        (Enforcement::AUTHENTICATION, "authentication"),
        (Enforcement::FIREWALL, "network_firewall"),
    ];

    /// No enforcement point.
    pub const NONE: Enforcement = Enforcement(0);

    /// Whether every point of `other` is in the set.
    pub fn contains(self, other: Enforcement) -> bool {
        self.0 & other.0 == other.0
    }

    /// The union of two sets.
    pub fn with(self, other: Enforcement) -> Enforcement {
        Enforcement(self.0 | other.0)
    }

    /// The names of the points in the set, e.g. `["waf", "authentication"]`.
    pub fn names(self) -> Vec<&'static str> {
        Self::NAMES
            .iter()
            .filter(|(point, _)| self.contains(*point))
            .map(|(_, name)| *name)
            .collect()
    }
}

impl Serialize for Enforcement {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.names().serialize(serializer)
    }
}

/// One way from an origin zone to a component.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExposurePath {
    /// The kind of zone the way starts in.
    pub zone: Zone,
    /// The component reached.
    pub target: String,
    /// The enforcement points crossed.
    pub enforcement: Enforcement,
    /// The ids along the way, in order: the origin zone, the actor the way starts with (if
    /// any), then each flow taken followed by the element it reaches, ending at the target.
    /// A component public by configuration follows the zone directly.
    pub path: Vec<String>,
}

/// Every exposure path of a design, grouped by target in design order.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Exposure {
    /// The paths, by target in design order, then zone, then enforcement set.
    pub paths: Vec<ExposurePath>,
    #[serde(skip)]
    by_target: HashMap<String, Vec<usize>>,
    /// Per target and zone, every enforcement point some way crosses, dominated ways included.
    #[serde(skip)]
    crossed: HashMap<(String, Zone), Enforcement>,
}

#[derive(Clone, Copy)]
struct Step {
    parent: Option<usize>,
    node: NodeIndex,
    mask: Enforcement,
    /// The element id of the edge taken into this state (a flow id), when it has one.
    edge_label: Option<usize>,
}

impl Exposure {
    /// Walks the graph from every origin zone.
    pub fn compute(design: &Design, index: &Index<'_>, graph: &DesignGraph) -> Self {
        let mut origins = vec![(graph.internet(), Zone::Internet)];
        for (position, segment) in design.segments.iter().enumerate() {
            if let Some(zone) = index.zone_of(&segment.id)
                && zone != Zone::Internet
                && let Some(node) = graph.node(&segment.id)
                && graph.graph[node] == Node::ExternalZone(position)
            {
                origins.push((node, zone));
            }
        }
        let protections: Vec<Enforcement> = design
            .components
            .iter()
            .map(|component| protection_of(component, index))
            .collect();

        // For every component: the (zone, mask, step list, step) of each minimal way.
        let mut found: Vec<Vec<(Zone, Enforcement, usize, usize)>> =
            vec![Vec::new(); design.components.len()];
        let mut walks: Vec<Vec<Step>> = Vec::new();
        let mut crossed: HashMap<(usize, Zone), Enforcement> = HashMap::new();
        for (walk_number, (origin, zone)) in origins.into_iter().enumerate() {
            let steps = walk(design, graph, &protections, origin);
            for (position, step) in steps.iter().enumerate() {
                if let Node::Component(component) = graph.graph[step.node] {
                    let union = crossed.entry((component, zone)).or_default();
                    *union = union.with(step.mask);
                    let ways = &mut found[component];
                    let dominated = ways.iter().any(|(other_zone, mask, _, _)| {
                        *other_zone == zone && step.mask.contains(*mask)
                    });
                    if !dominated {
                        ways.retain(|(other_zone, mask, _, _)| {
                            !(*other_zone == zone && mask.contains(step.mask))
                        });
                        ways.push((zone, step.mask, walk_number, position));
                    }
                }
            }
            walks.push(steps);
        }

        let mut exposure = Exposure {
            crossed: crossed
                .into_iter()
                .map(|((component, zone), mask)| {
                    ((design.components[component].id.clone(), zone), mask)
                })
                .collect(),
            ..Exposure::default()
        };
        for (component, mut ways) in found.into_iter().enumerate() {
            ways.sort_by_key(|(zone, mask, _, _)| (*zone, *mask));
            for (zone, mask, walk_number, position) in ways {
                let path = trace(design, graph, &walks[walk_number], position);
                let target = design.components[component].id.clone();
                exposure
                    .by_target
                    .entry(target.clone())
                    .or_default()
                    .push(exposure.paths.len());
                exposure.paths.push(ExposurePath {
                    zone,
                    target,
                    enforcement: mask,
                    path,
                });
            }
        }
        exposure
    }

    /// The ways that reach a component.
    pub fn paths_to<'s>(&'s self, id: &str) -> impl Iterator<Item = &'s ExposurePath> + 's {
        self.by_target
            .get(id)
            .map(Vec::as_slice)
            .unwrap_or_default()
            .iter()
            .map(|position| &self.paths[*position])
    }

    /// Whether any way from any zone reaches the component.
    pub fn is_exposed(&self, id: &str) -> bool {
        self.by_target.contains_key(id)
    }

    /// Whether some way from a zone to the component crosses an enforcement point, even a way
    /// that another, less guarded way makes redundant for an attacker.
    pub fn some_path_crosses(&self, id: &str, zone: Zone, point: Enforcement) -> bool {
        self.crossed
            .get(&(id.to_string(), zone))
            .is_some_and(|mask| mask.contains(point))
    }

    /// The shortest way from a zone that crosses none of `points`, if there is one.
    pub fn path_without(&self, id: &str, zone: Zone, points: Enforcement) -> Option<&ExposurePath> {
        self.paths_to(id)
            .filter(|path| path.zone == zone && path.enforcement.0 & points.0 == 0)
            .min_by_key(|path| path.path.len())
    }
}

fn protection_of(component: &zta_model::Component, index: &Index<'_>) -> Enforcement {
    let mut mask = Enforcement::NONE;
    if !index.wafs_of(&component.id).is_empty() {
        mask = mask.with(Enforcement::WAF);
    }
    if !index.shields_of(&component.id).is_empty() {
        mask = mask.with(Enforcement::SHIELD);
    }
    if component.kind == ComponentKind::NetworkFirewall {
        mask = mask.with(Enforcement::FIREWALL);
    }
    mask
}

fn walk(
    design: &Design,
    graph: &DesignGraph,
    protections: &[Enforcement],
    origin: NodeIndex,
) -> Vec<Step> {
    let component_position = |id: &str| -> Option<usize> {
        match graph.node(id).map(|node| graph.graph[node]) {
            Some(Node::Component(position)) => Some(position),
            _ => None,
        }
    };
    let mut steps = vec![Step {
        parent: None,
        node: origin,
        mask: Enforcement::NONE,
        edge_label: None,
    }];
    let mut seen: HashMap<(NodeIndex, Enforcement), usize> = HashMap::new();
    seen.insert((origin, Enforcement::NONE), 0);
    let mut queue = VecDeque::from([0usize]);
    while let Some(current) = queue.pop_front() {
        let Step { node, mask, .. } = steps[current];
        let mut edges: Vec<_> = graph.graph.edges(node).collect();
        // petgraph lists edges newest first; design order keeps the walk deterministic and
        // the shortest path the first one drawn.
        edges.sort_by_key(|edge| edge.id());
        for edge in edges {
            let target = edge.target();
            let (next_mask, label) = match (*edge.weight(), graph.graph[target]) {
                (Edge::InZone, Node::Actor(_)) if node == origin => (mask, None),
                (Edge::PublicEndpoint, Node::Component(position)) if node == origin => {
                    (mask.with(protections[position]), None)
                }
                (Edge::Flow(flow_position), Node::Component(position)) => {
                    let flow = &design.flows[flow_position];
                    let mut next = mask.with(protections[position]);
                    if flow.auth.is_authenticated() {
                        next = next.with(Enforcement::AUTHENTICATION);
                    }
                    for via in &flow.via {
                        if let Some(via_position) = component_position(via) {
                            next = next.with(protections[via_position]);
                        }
                    }
                    (next, Some(flow_position))
                }
                _ => continue,
            };
            if let std::collections::hash_map::Entry::Vacant(slot) = seen.entry((target, next_mask))
            {
                slot.insert(steps.len());
                queue.push_back(steps.len());
                steps.push(Step {
                    parent: Some(current),
                    node: target,
                    mask: next_mask,
                    edge_label: label,
                });
            }
        }
    }
    steps
}

fn trace(design: &Design, graph: &DesignGraph, steps: &[Step], last: usize) -> Vec<String> {
    let mut reversed = Vec::new();
    let mut current = Some(last);
    while let Some(position) = current {
        let step = steps[position];
        reversed.push(graph.id_of(design, step.node).to_string());
        if let Some(flow) = step.edge_label {
            reversed.push(design.flows[flow].id.clone());
        }
        current = step.parent;
    }
    reversed.reverse();
    reversed
}
