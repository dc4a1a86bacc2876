//! What every generator reads: the design, indexes into it, and each element's settled logical
//! ID, built once per export.

use rustc_hash::{FxHashMap, FxHashSet};
use zta_model::{Component, Design, DesignIndex, Flow, Identity, Segment, SegmentKind, Tier};

use zta_model::{organization, zones};

use super::error::{ExportError, ExportResult};
use super::ids::{is_valid_logical_id, logical_id};

/// The unit key of resources that belong to no account segment.
pub(crate) const MAIN_UNIT: &str = "main";

/// What every generator reads: the design, indexes into it, and each element's settled logical
/// ID. It is built once and shared by the generators, which run in parallel, each writing into
/// a [`Builder`] of its own.
pub(crate) struct Context<'d> {
    pub(crate) design: &'d Design,
    /// The units (accounts, or `main`), in design order.
    pub(super) unit_keys: Vec<String>,
    /// The design's lookup tables and shared answers (where an element sits, which flows reach
    /// it, whether it faces the internet), the same the rules read.
    pub(crate) index: DesignIndex<'d>,
    /// The logical ID of each segment's, component's and identity's main resource: the one the
    /// element carries (an imported element keeps its template's), else one derived from its id.
    pub(super) bases: FxHashMap<&'d str, String>,
    /// Every element's main logical ID, which no supporting resource may take.
    pub(super) main_ids: FxHashSet<String>,
    /// Names the carried template sections already use for resources and parameters.
    pub(super) reserved: FxHashSet<String>,
    /// Flows from the internet, in design order.
    pub(super) internet_flows: Vec<&'d Flow>,
}

/// The generators ask the design index directly (`b.component(id)`, `b.flows_to(id)`): the
/// context only adds what is the export's own, the logical IDs and the stack units.
impl<'d> std::ops::Deref for Context<'d> {
    type Target = DesignIndex<'d>;

    fn deref(&self) -> &Self::Target {
        &self.index
    }
}

impl<'d> Context<'d> {
    /// The context of a design's export, or the first element whose own logical ID is invalid.
    pub(crate) fn new(design: &'d Design) -> ExportResult<Self> {
        let mut unit_keys: Vec<String> = design
            .segments
            .iter()
            .filter(|segment| segment.kind == SegmentKind::Account)
            .map(|segment| segment.id.clone())
            .collect();
        if unit_keys.is_empty() {
            unit_keys.push(MAIN_UNIT.to_owned());
        }
        let index = DesignIndex::new(design);
        let internet_flows = design
            .flows
            .iter()
            .filter(|flow| index.is_from_internet(flow))
            .collect();
        Self {
            design,
            unit_keys,
            index,
            bases: FxHashMap::default(),
            main_ids: FxHashSet::default(),
            reserved: carried_names(design),
            internet_flows,
        }
        .with_bases()
    }

    /// The flows that start on the internet, in design order.
    pub(crate) fn internet_flows(&self) -> &[&'d Flow] {
        &self.internet_flows
    }

    /// Settles every element's main logical ID: the one it carries when that is a valid
    /// CloudFormation logical ID (an invalid one is an error), else the derived one; either
    /// steps aside (with a `Zta` suffix) from a name the carried sections already use.
    fn with_bases(mut self) -> ExportResult<Self> {
        let design = self.design;
        let elements = design
            .segments
            .iter()
            .map(|s| (s.id.as_str(), s.logical_id.as_deref()))
            .chain(
                design
                    .components
                    .iter()
                    .map(|c| (c.id.as_str(), c.logical_id.as_deref())),
            )
            .chain(
                design
                    .identities
                    .iter()
                    .map(|i| (i.id.as_str(), i.logical_id.as_deref())),
            );
        for (id, explicit) in elements {
            let mut base = match explicit {
                Some(explicit) if is_valid_logical_id(explicit) => explicit.to_owned(),
                Some(explicit) => {
                    return Err(ExportError::InvalidLogicalId {
                        element: id.to_owned(),
                        logical_id: explicit.to_owned(),
                    });
                }
                None => logical_id(id),
            };
            while self.reserved.contains(&base) {
                base.push_str("Zta");
            }
            self.main_ids.insert(base.clone());
            self.bases.insert(id, base);
        }
        Ok(self)
    }

    /// The logical ID of the main resource implementing a design element (for a flow, or an id
    /// the design does not hold, the one derived from the id).
    pub(crate) fn logical_id(&self, element: &str) -> String {
        self.bases
            .get(element)
            .cloned()
            .unwrap_or_else(|| logical_id(element))
    }

    /// The logical ID of a supporting resource of an element: its main logical ID followed by
    /// the resource's role, e.g. `OrdersDbSecurityGroup`. Where that is another element's main
    /// resource or a carried resource or parameter, a `Zta` suffix keeps the two apart; every
    /// caller asking for the same role of the same element gets the same name.
    pub(crate) fn logical_id_for(&self, element: &str, role: &str) -> String {
        let mut id = self.logical_id(element);
        id.push_str(role);
        self.unclaimed(id)
    }

    /// A name with a `Zta` suffix as often as it takes to be no element's main logical ID and
    /// no carried resource's or parameter's name.
    fn unclaimed(&self, mut id: String) -> String {
        while self.main_ids.contains(&id) || self.reserved.contains(&id) {
            id.push_str("Zta");
        }
        id
    }

    /// The unit (account) a segment belongs to.
    pub(crate) fn unit_of_segment(&self, segment_id: &str) -> String {
        match self.enclosing(segment_id, SegmentKind::Account) {
            Some(account) => account.id.clone(),
            None => self.default_unit(),
        }
    }

    pub(crate) fn unit_of_component(&self, component: &Component) -> String {
        self.unit_of_segment(&component.segment)
    }

    /// The unit of an identity: for a permission set, the account that administers IAM
    /// Identity Center (the export refuses a permission set that has none); for others, its
    /// account, else the account of a component running as it, else the first account.
    pub(crate) fn unit_of_identity(&self, identity: &Identity) -> String {
        if let Ok(Some(account)) = organization::permission_set_account(self.design, identity) {
            return account.id.clone();
        }
        if let Some(account) = &identity.account {
            return self.unit_of_segment(account);
        }
        self.index
            .components_running_as(&identity.id)
            .first()
            .map(|component| self.unit_of_component(component))
            .unwrap_or_else(|| self.default_unit())
    }

    pub(crate) fn default_unit(&self) -> String {
        self.unit_keys
            .first()
            .cloned()
            .unwrap_or_else(|| MAIN_UNIT.to_owned())
    }

    /// The VPC a component sits in, if any.
    pub(crate) fn vpc_of(&self, component: &Component) -> Option<&'d Segment> {
        self.enclosing(&component.segment, SegmentKind::Vpc)
    }

    /// The subnet a component sits in, if any.
    pub(crate) fn subnet_of(&self, component: &Component) -> Option<&'d Segment> {
        self.enclosing(&component.segment, SegmentKind::Subnet)
    }

    /// The subnets a multi-AZ resource in `subnet` spans: that subnet and, for each other
    /// availability zone, the first subnet of the same tier in the same VPC (never a subnet of
    /// another tier).
    pub(crate) fn spread_subnets(&self, subnet: &'d Segment) -> Vec<&'d Segment> {
        match subnet.parent.as_deref() {
            Some(vpc) => zones::spread(subnet, &self.subnets_of(vpc)),
            None => vec![subnet],
        }
    }

    /// Why `component`, drawn in `subnet`, cannot be placed: AWS needs it in two availability
    /// zones and the subnet's tier offers one. The rule ZT-NET-019 reports the same shortfall.
    pub(crate) fn zone_shortfall<'a>(
        &'a self,
        component: &'a Component,
        subnet: &'a Segment,
    ) -> Option<zones::ZoneShortfall<'a>> {
        let vpc = subnet.parent.as_deref()?;
        zones::zone_shortfall(component, subnet, &self.subnets_of(vpc))
    }

    /// The tier of a subnet, defaulting to private (neither reachable nor isolated).
    pub(crate) fn tier(subnet: &Segment) -> Tier {
        subnet.tier.unwrap_or(Tier::Private)
    }

    /// The logical ID of a resource that implements a zero-trust default rather than one element
    /// (the account's default key): its name, with a `Zta` suffix where an element or a carried
    /// resource already has that name.
    pub(crate) fn design_default_id(&self, name: &str) -> String {
        self.unclaimed(name.to_owned())
    }
}

/// The resource and parameter names of the template sections an import carried.
fn carried_names(design: &Design) -> FxHashSet<String> {
    ["Resources", "Parameters"]
        .iter()
        .filter_map(|section| design.carried_cloudformation.get(*section))
        .filter_map(serde_json::Value::as_object)
        .flat_map(|section| section.keys().cloned())
        .collect()
}
