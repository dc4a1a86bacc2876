//! The design document: everything an architect draws, in one value.

use std::collections::BTreeMap;

use indexmap::IndexMap;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{Actor, Component, Flow, Identity, Layout, Segment, TransferSafeguard};

/// The version of the file format this build writes. Older files are migrated on load
/// (see [`crate::format::migrate`]); newer ones are refused with a clear message.
pub const SCHEMA_VERSION: u32 = 1;

/// A Zero Trust architecture design.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct Design {
    /// The file format version; always [`SCHEMA_VERSION`] once loaded.
    pub schema_version: u32,
    /// The design's name, shown in the title bar and on the report cover.
    pub name: String,
    /// The design's own version label, e.g. `2.3`, for the report cover.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// What the design is for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Accounts, regions, VPCs, subnets and outside zones, nested through `parent`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub segments: Vec<Segment>,
    /// AWS resources placed in segments.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub components: Vec<Component>,
    /// IAM roles, users, groups, user pools, permission sets and identity providers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub identities: Vec<Identity>,
    /// People and outside systems.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actors: Vec<Actor>,
    /// Who talks to whom.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub flows: Vec<Flow>,
    /// The legal basis recorded for transfers of personal data to AWS regions outside the EEA
    /// (GDPR Chapter V), by region code (`us-east-1: standard_contractual_clauses`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub transfer_safeguards: BTreeMap<String, TransferSafeguard>,
    /// CloudFormation content an import could not map onto the design, kept verbatim so that an
    /// export writes it back unchanged: top-level template sections (`Resources`, `Parameters`,
    /// `Conditions`, `Mappings`, `Outputs`...) in CloudFormation's JSON form.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    #[ts(type = "Record<string, unknown>")]
    pub carried_cloudformation: IndexMap<String, serde_json::Value>,
    /// Where the boxes are drawn; kept last so that moving a box does not touch the design above.
    #[serde(default, skip_serializing_if = "Layout::is_empty")]
    pub layout: Layout,
}

/// A borrowed element of the design, of any of its kinds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ElementRef<'a> {
    /// A segment.
    Segment(&'a Segment),
    /// A component.
    Component(&'a Component),
    /// An identity.
    Identity(&'a Identity),
    /// An actor.
    Actor(&'a Actor),
    /// A flow.
    Flow(&'a Flow),
}

impl<'a> ElementRef<'a> {
    /// The element's id.
    pub fn id(&self) -> &'a str {
        match self {
            ElementRef::Segment(segment) => &segment.id,
            ElementRef::Component(component) => &component.id,
            ElementRef::Identity(identity) => &identity.id,
            ElementRef::Actor(actor) => &actor.id,
            ElementRef::Flow(flow) => &flow.id,
        }
    }

    /// The element's display name (a flow without a name shows its label).
    pub fn name(&self) -> String {
        match self {
            ElementRef::Segment(segment) => segment.name.clone(),
            ElementRef::Component(component) => component.name.clone(),
            ElementRef::Identity(identity) => identity.name.clone(),
            ElementRef::Actor(actor) => actor.name.clone(),
            ElementRef::Flow(flow) => flow.name.clone().unwrap_or_else(|| flow.label()),
        }
    }

    /// The suppressions the element carries.
    pub fn suppressions(&self) -> &'a [crate::Suppression] {
        match self {
            ElementRef::Segment(segment) => &segment.suppress,
            ElementRef::Component(component) => &component.suppress,
            ElementRef::Identity(identity) => &identity.suppress,
            ElementRef::Actor(actor) => &actor.suppress,
            ElementRef::Flow(flow) => &flow.suppress,
        }
    }
}

impl Design {
    /// An empty design with a name.
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            schema_version: SCHEMA_VERSION,
            name: name.into(),
            version: None,
            description: None,
            segments: Vec::new(),
            components: Vec::new(),
            identities: Vec::new(),
            actors: Vec::new(),
            flows: Vec::new(),
            transfer_safeguards: BTreeMap::new(),
            carried_cloudformation: IndexMap::new(),
            layout: Layout::default(),
        }
    }

    /// Every element, segments first, then components, identities, actors and flows.
    pub fn elements(&self) -> impl Iterator<Item = ElementRef<'_>> {
        self.segments
            .iter()
            .map(ElementRef::Segment)
            .chain(self.components.iter().map(ElementRef::Component))
            .chain(self.identities.iter().map(ElementRef::Identity))
            .chain(self.actors.iter().map(ElementRef::Actor))
            .chain(self.flows.iter().map(ElementRef::Flow))
    }

    /// The number of elements of every kind.
    pub fn element_count(&self) -> usize {
        self.segments.len()
            + self.components.len()
            + self.identities.len()
            + self.actors.len()
            + self.flows.len()
    }

    /// The element with this id, of whatever kind. Linear: build an index for repeated lookups.
    pub fn element(&self, id: &str) -> Option<ElementRef<'_>> {
        self.elements().find(|element| element.id() == id)
    }

    /// The segment with this id.
    pub fn segment(&self, id: &str) -> Option<&Segment> {
        self.segments.iter().find(|segment| segment.id == id)
    }

    /// The component with this id.
    pub fn component(&self, id: &str) -> Option<&Component> {
        self.components.iter().find(|component| component.id == id)
    }

    /// The identity with this id.
    pub fn identity(&self, id: &str) -> Option<&Identity> {
        self.identities.iter().find(|identity| identity.id == id)
    }

    /// The actor with this id.
    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.actors.iter().find(|actor| actor.id == id)
    }

    /// The chain of segments from this one up to its root, starting with the segment itself.
    /// Stops on a cycle, which the loader reports separately.
    pub fn segment_ancestry<'a>(&'a self, id: &str) -> Vec<&'a Segment> {
        let mut chain: Vec<&Segment> = Vec::new();
        let mut next = self.segment(id);
        while let Some(segment) = next {
            if chain.iter().any(|seen| seen.id == segment.id) {
                break;
            }
            chain.push(segment);
            next = segment
                .parent
                .as_deref()
                .and_then(|parent| self.segment(parent));
        }
        chain
    }
}
