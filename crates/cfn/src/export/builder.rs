//! The state of one export: a template under construction per account, lookups into the
//! design, and the helpers every generator uses to add resources with their design metadata.

use indexmap::IndexMap;
use rustc_hash::{FxHashMap, FxHashSet};
use zta_model::{
    Actor, Component, ComponentKind, Design, Flow, Identity, Segment, SegmentKind, Tier,
};

use super::error::{ExportError, ExportResult};
use super::ids::{is_valid_logical_id, logical_id, slug};
use super::{ManualStep, ParameterWiring};
use crate::template::{Output, Parameter, Resource, Template};
use crate::value::{KeyHashing, Map, Value, ValueKind};
use crate::write::resource_entry_size;

/// The unit key of resources that belong to no account segment.
pub(crate) const MAIN_UNIT: &str = "main";

/// The owner recorded for a resource carried from an imported template, which implements no
/// element of the design.
const CARRIED_OWNER: &str = "(carried template)";

/// The part of a stack a resource belongs to, used only when a stack must be split.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Group {
    /// VPCs, subnets, routes, gateways, endpoints, security groups and NACLs.
    Network,
    /// Identities, keys, and the account-wide detection and logging services.
    Security,
    /// Workloads and data stores, by the segment they sit in.
    Workload(String),
}

impl Group {
    pub(crate) fn name(&self) -> String {
        match self {
            Group::Network => "network".into(),
            Group::Security => "security".into(),
            Group::Workload(segment) => format!("workloads-{}", slug(segment)),
        }
    }
}

/// The template of one account (or of the whole design when it names no account).
pub(crate) struct Unit {
    pub(crate) template: Template,
    /// The part of the stack each resource belongs to, by the resource's place in the template.
    pub(crate) groups: Vec<Group>,
    /// The element each resource implements, by the resource's place in the template, to
    /// report logical-ID collisions by element.
    owners: Vec<String>,
    /// The bytes each resource adds to the template's JSON form, by its place in the template:
    /// measured when the resource is added, while it is still in the cache, so that the size
    /// checks against CloudFormation's limits need not walk the template again.
    pub(crate) sizes: Vec<usize>,
    /// Resources that implement a zero-trust default of the account (its default key), which
    /// any generator may create on first use: when drafts are joined, the first one stays.
    shared: FxHashSet<String>,
}

/// What every generator reads: the design, indexes into it, and each element's settled logical
/// ID. It is built once and shared by the generators, which run in parallel, each writing into
/// a [`Builder`] of its own.
pub(crate) struct Context<'d> {
    pub(crate) design: &'d Design,
    /// The units (accounts, or `main`), in design order.
    unit_keys: Vec<String>,
    segments: FxHashMap<&'d str, &'d Segment>,
    components: FxHashMap<&'d str, &'d Component>,
    identities: FxHashMap<&'d str, &'d Identity>,
    actors: FxHashMap<&'d str, &'d Actor>,
    /// The logical ID of each segment's, component's and identity's main resource: the one the
    /// element carries (an imported element keeps its template's), else one derived from its id.
    bases: FxHashMap<&'d str, String>,
    /// Every element's main logical ID, which no supporting resource may take.
    main_ids: FxHashSet<String>,
    /// Names the carried template sections already use for resources and parameters.
    reserved: FxHashSet<String>,
    /// Indexes that keep the export linear in the design's size: the subnets of each VPC, the
    /// components of each kind, the first component running as each identity, the components
    /// each key encrypts, and the flows from, to and through each element, all in design order.
    subnets: FxHashMap<&'d str, Vec<&'d Segment>>,
    by_kind: FxHashMap<ComponentKind, Vec<&'d Component>>,
    runs_as: FxHashMap<&'d str, &'d Component>,
    encrypted_with: FxHashMap<&'d str, Vec<&'d Component>>,
    flows_from: FxHashMap<&'d str, Vec<&'d Flow>>,
    flows_to: FxHashMap<&'d str, Vec<&'d Flow>>,
    flows_via: FxHashMap<&'d str, Vec<&'d Flow>>,
    /// Flows from actors on the internet, in design order.
    internet_flows: Vec<&'d Flow>,
}

/// What one generator writes: templates per unit, warnings, manual steps, wirings, errors and
/// what components add to roles. The generators run in parallel, each on a builder of its own,
/// and their builders are then joined in a fixed order ([`Builder::absorb`]); that gives the
/// templates that running the generators one after another into one builder would give.
pub(crate) struct Builder<'c> {
    context: &'c Context<'c>,
    pub(crate) units: IndexMap<String, Unit, KeyHashing>,
    warnings: Vec<String>,
    manual_steps: Vec<ManualStep>,
    wirings: Vec<ParameterWiring>,
    errors: Vec<ExportError>,
    /// Managed policy ARNs and statements that components need on the roles they run as (an
    /// instance's Session Manager core policy, a function's dead-letter queue), by identity id;
    /// filled by the component generators before the identities are written.
    pub(crate) role_extras: FxHashMap<String, RoleExtras>,
}

/// A builder reads the design through its context, so that generators call `b.segment(..)`
/// and `b.put(..)` alike.
impl<'c> std::ops::Deref for Builder<'c> {
    type Target = Context<'c>;

    fn deref(&self) -> &Context<'c> {
        self.context
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
        Self {
            design,
            unit_keys,
            segments: design.segments.iter().map(|s| (s.id.as_str(), s)).collect(),
            components: design
                .components
                .iter()
                .map(|c| (c.id.as_str(), c))
                .collect(),
            identities: design
                .identities
                .iter()
                .map(|i| (i.id.as_str(), i))
                .collect(),
            actors: design.actors.iter().map(|a| (a.id.as_str(), a)).collect(),
            bases: FxHashMap::default(),
            main_ids: FxHashSet::default(),
            reserved: carried_names(design),
            subnets: FxHashMap::default(),
            by_kind: FxHashMap::default(),
            runs_as: FxHashMap::default(),
            encrypted_with: FxHashMap::default(),
            flows_from: FxHashMap::default(),
            flows_to: FxHashMap::default(),
            flows_via: FxHashMap::default(),
            internet_flows: Vec::new(),
        }
        .with_indexes()
        .with_bases()
    }

    fn with_indexes(mut self) -> Self {
        let design = self.design;
        for segment in &design.segments {
            if segment.kind == SegmentKind::Subnet
                && let Some(vpc) = segment.parent.as_deref()
            {
                self.subnets.entry(vpc).or_default().push(segment);
            }
        }
        for component in &design.components {
            self.by_kind
                .entry(component.kind)
                .or_default()
                .push(component);
            if let Some(identity) = component.identity.as_deref() {
                self.runs_as.entry(identity).or_insert(component);
            }
            if let Some(key) = component.encryption_key.as_deref() {
                self.encrypted_with.entry(key).or_default().push(component);
            }
        }
        for flow in &design.flows {
            self.flows_from.entry(&flow.source).or_default().push(flow);
            self.flows_to.entry(&flow.target).or_default().push(flow);
            for via in &flow.via {
                self.flows_via.entry(via).or_default().push(flow);
            }
        }
        self.internet_flows = design
            .flows
            .iter()
            .filter(|flow| self.is_from_internet(flow))
            .collect();
        self
    }

    /// Whether a flow starts at an actor on the internet (or in no zone at all).
    pub(crate) fn is_from_internet(&self, flow: &Flow) -> bool {
        self.actor(&flow.source).is_some_and(|actor| {
            actor
                .zone
                .as_deref()
                .and_then(|zone| self.segment(zone))
                .is_none_or(|zone| zone.kind == SegmentKind::Internet)
        })
    }

    /// The flows that start at an actor on the internet, in design order.
    pub(crate) fn internet_flows(&self) -> &[&'d Flow] {
        &self.internet_flows
    }

    /// The flows that start at an element, in design order.
    pub(crate) fn flows_from(&self, element: &str) -> &[&'d Flow] {
        self.flows_from.get(element).map_or(&[], Vec::as_slice)
    }

    /// The flows that reach an element, in design order.
    pub(crate) fn flows_to(&self, element: &str) -> &[&'d Flow] {
        self.flows_to.get(element).map_or(&[], Vec::as_slice)
    }

    /// The flows that pass through an element (`via`), in design order.
    pub(crate) fn flows_via(&self, element: &str) -> &[&'d Flow] {
        self.flows_via.get(element).map_or(&[], Vec::as_slice)
    }

    /// The components a key encrypts, in design order.
    pub(crate) fn encrypted_with(&self, key: &str) -> &[&'d Component] {
        self.encrypted_with.get(key).map_or(&[], Vec::as_slice)
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

    pub(crate) fn segment(&self, id: &str) -> Option<&'d Segment> {
        self.segments.get(id).copied()
    }

    pub(crate) fn component(&self, id: &str) -> Option<&'d Component> {
        self.components.get(id).copied()
    }

    pub(crate) fn identity(&self, id: &str) -> Option<&'d Identity> {
        self.identities.get(id).copied()
    }

    pub(crate) fn actor(&self, id: &str) -> Option<&'d Actor> {
        self.actors.get(id).copied()
    }

    /// The name of a segment, component or identity.
    fn element_name(&self, id: &str) -> Option<&'d str> {
        self.segment(id)
            .map(|s| s.name.as_str())
            .or_else(|| self.component(id).map(|c| c.name.as_str()))
            .or_else(|| self.identity(id).map(|i| i.name.as_str()))
    }

    /// The nearest enclosing segment of a kind, starting with the segment itself.
    pub(crate) fn enclosing(&self, segment_id: &str, kind: SegmentKind) -> Option<&'d Segment> {
        let mut next = self.segment(segment_id);
        // A valid design's segments form a tree; the bound ends a walk round a cycle anyway.
        for _ in 0..=self.segments.len() {
            let segment = next?;
            if segment.kind == kind {
                return Some(segment);
            }
            next = segment
                .parent
                .as_deref()
                .and_then(|parent| self.segment(parent));
        }
        None
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

    /// The unit of an identity: its account, else the account of a component running as it,
    /// else the first account.
    pub(crate) fn unit_of_identity(&self, identity: &Identity) -> String {
        if let Some(account) = &identity.account {
            return self.unit_of_segment(account);
        }
        self.runs_as
            .get(identity.id.as_str())
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

    /// The subnets of a VPC, in design order.
    pub(crate) fn subnets_of(&self, vpc_id: &str) -> Vec<&'d Segment> {
        self.subnets.get(vpc_id).cloned().unwrap_or_default()
    }

    /// The subnets a multi-AZ resource in `subnet` spans: that subnet and, for each other
    /// availability zone, the first subnet of the same tier in the same VPC.
    pub(crate) fn spread_subnets(&self, subnet: &'d Segment) -> Vec<&'d Segment> {
        let Some(vpc) = subnet.parent.as_deref() else {
            return vec![subnet];
        };
        let mut chosen = vec![subnet];
        for candidate in self.subnets_of(vpc) {
            let same_tier = candidate.tier == subnet.tier;
            let new_zone = !chosen.iter().any(|s| s.az == candidate.az);
            if same_tier && new_zone && candidate.az.is_some() {
                chosen.push(candidate);
            }
        }
        chosen
    }

    /// The tier of a subnet, defaulting to private (neither reachable nor isolated).
    pub(crate) fn tier(subnet: &Segment) -> Tier {
        subnet.tier.unwrap_or(Tier::Private)
    }

    /// The components of a kind, in design order.
    pub(crate) fn components_of(
        &self,
        kind: ComponentKind,
    ) -> impl Iterator<Item = &'d Component> + use<'d, '_> {
        self.by_kind.get(&kind).into_iter().flatten().copied()
    }

    /// The logical ID of a resource that implements a zero-trust default rather than one element
    /// (the account's default key): its name, with a `Zta` suffix where an element or a carried
    /// resource already has that name.
    pub(crate) fn design_default_id(&self, name: &str) -> String {
        self.unclaimed(name.to_owned())
    }
}

impl<'c> Builder<'c> {
    /// An empty builder with one template per unit.
    pub(crate) fn new(context: &'c Context<'c>) -> Self {
        Self {
            context,
            units: context
                .unit_keys
                .iter()
                .map(|key| (key.clone(), Unit::new()))
                .collect(),
            warnings: Vec::new(),
            manual_steps: Vec::new(),
            wirings: Vec::new(),
            errors: Vec::new(),
            role_extras: FxHashMap::default(),
        }
    }

    /// Joins what another generator wrote after what this builder holds: resources, parameters
    /// and outputs in their order (a parameter or output already present keeps the first), then
    /// warnings, manual steps, wirings, errors, and the additions to roles. A resource whose
    /// logical ID is taken is a collision, except for an account default both created.
    pub(crate) fn absorb(&mut self, draft: Builder<'c>) {
        for (key, unit) in draft.units {
            let target = self
                .units
                .get_mut(&key)
                .expect("every builder has the same units");
            let Unit {
                template,
                groups,
                owners,
                sizes,
                shared,
            } = unit;
            target.template.resources.reserve(template.resources.len());
            let placed = template.resources.into_iter().zip(groups).zip(owners);
            for ((((logical_id, resource), group), element), size) in placed.zip(sizes) {
                match target.template.resources.entry(logical_id) {
                    indexmap::map::Entry::Occupied(existing) => {
                        let logical_id = existing.key();
                        let both_shared =
                            shared.contains(logical_id) && target.shared.contains(logical_id);
                        if !both_shared {
                            self.errors.push(ExportError::LogicalIdCollision {
                                logical_id: logical_id.clone(),
                                first: target.owners[existing.index()].clone(),
                                second: element,
                            });
                        }
                    }
                    indexmap::map::Entry::Vacant(vacant) => {
                        if shared.contains(vacant.key()) {
                            target.shared.insert(vacant.key().clone());
                        }
                        vacant.insert(resource);
                        target.groups.push(group);
                        target.owners.push(element);
                        target.sizes.push(size);
                    }
                }
            }
            for (name, parameter) in template.parameters {
                target.template.parameters.entry(name).or_insert(parameter);
            }
            for (name, output) in template.outputs {
                target.template.outputs.entry(name).or_insert(output);
            }
        }
        self.warnings.extend(draft.warnings);
        self.manual_steps.extend(draft.manual_steps);
        for wiring in draft.wirings {
            let known = self
                .wirings
                .iter()
                .any(|w| w.to_unit == wiring.to_unit && w.parameter == wiring.parameter);
            if !known {
                self.wirings.push(wiring);
            }
        }
        self.errors.extend(draft.errors);
        self.add_role_extras(draft.role_extras);
    }

    /// Adds what another builder's components added to roles after what this one holds.
    pub(crate) fn add_role_extras(&mut self, extras: FxHashMap<String, RoleExtras>) {
        for (identity, extras) in extras {
            let target = self.role_extras.entry(identity).or_default();
            for policy in extras.managed_policies {
                if !target.managed_policies.contains(&policy) {
                    target.managed_policies.push(policy);
                }
            }
            for statement in extras.statements {
                target.add_statement(statement);
            }
        }
    }

    /// Adds a resource that implements a zero-trust default of the account, which more than one
    /// generator may create (see [`Unit::shared`]).
    pub(crate) fn put_shared(&mut self, unit: &str, logical_id: String, resource: Resource) {
        self.put(
            unit,
            logical_id.clone(),
            super::support::DESIGN_ELEMENT,
            Group::Security,
            resource,
        );
        if let Some(target) = self.units.get_mut(unit) {
            target.shared.insert(logical_id);
        }
    }

    /// Adds a resource that implements `element`, with Metadata naming the element.
    pub(crate) fn put(
        &mut self,
        unit: &str,
        logical_id: String,
        element: &str,
        group: Group,
        mut resource: Resource,
    ) {
        let mut marker = vec![("Element", Value::string(element.to_owned()))];
        let base = self.logical_id(element);
        if logical_id == base {
            // The main resource keeps the element's name, which few resource types have a
            // property for, so that an import of the template gives the element back its name.
            if let Some(name) = self.element_name(element) {
                marker.push(("Name", Value::string(name.to_owned())));
            }
        } else {
            // A supporting resource names its part, so that an import of the template knows the
            // export regenerates it from the element and does not make an element of it.
            let part = logical_id
                .strip_prefix(base.as_str())
                .filter(|rest| !rest.is_empty())
                .unwrap_or(&logical_id);
            marker.push(("Part", Value::string(part.to_owned())));
        }
        let mut metadata = Map::default();
        metadata.insert("ZtaDesigner".into(), Value::map(marker));
        if let Some(Value {
            kind: ValueKind::Map(existing),
            ..
        }) = resource.metadata.take()
        {
            metadata.extend(existing);
        }
        resource.metadata = Some(Value::from(metadata));
        let target = self
            .units
            .get_mut(unit)
            .expect("units exist for every account");
        match target.template.resources.entry(logical_id) {
            indexmap::map::Entry::Occupied(existing) => {
                self.errors.push(ExportError::LogicalIdCollision {
                    logical_id: existing.key().clone(),
                    first: target.owners[existing.index()].clone(),
                    second: element.to_owned(),
                });
            }
            indexmap::map::Entry::Vacant(vacant) => {
                target
                    .sizes
                    .push(resource_entry_size(vacant.key(), &resource));
                vacant.insert(resource);
                target.groups.push(group);
                target.owners.push(element.to_owned());
            }
        }
    }

    /// Adds a parameter once; later calls with the same name keep the first.
    pub(crate) fn parameter(&mut self, unit: &str, name: &str, parameter: Parameter) -> Value {
        let target = self
            .units
            .get_mut(unit)
            .expect("units exist for every account");
        target
            .template
            .parameters
            .entry(name.to_owned())
            .or_insert(parameter);
        Value::reference(name.to_owned())
    }

    pub(crate) fn output(&mut self, unit: &str, name: &str, output: Output) {
        let target = self
            .units
            .get_mut(unit)
            .expect("units exist for every account");
        target
            .template
            .outputs
            .entry(name.to_owned())
            .or_insert(output);
    }

    /// A reference from a resource in `from` to an attribute (or the `Ref`) of a resource in
    /// `to`. Within one account it is a plain `Ref`/`GetAtt`. Across accounts, CloudFormation
    /// exports do not reach, so the owning stack outputs the value, the using stack takes it as a
    /// parameter, and the manifest tells the deployer to pass one to the other.
    pub(crate) fn reference(
        &mut self,
        from: &str,
        to: &str,
        logical: &str,
        attribute: Option<&str>,
    ) -> Value {
        let local = match attribute {
            Some(attribute) => Value::get_att(logical.to_owned(), attribute.to_owned()),
            None => Value::reference(logical.to_owned()),
        };
        if from == to {
            return local;
        }
        let name = format!("{logical}{}", attribute.unwrap_or("Ref").replace('.', ""));
        self.output(
            to,
            &name,
            Output {
                description: Some(Value::string(format!(
                    "Passed to the stack of `{from}` (cross-account reference)"
                ))),
                ..Output::new(local)
            },
        );
        let parameter = Parameter::new("String").with(
            "Description",
            format!("Output `{name}` of the stack of account `{to}`; the manifest wires it."),
        );
        if !self
            .wirings
            .iter()
            .any(|w| w.to_unit == from && w.parameter == name)
        {
            self.wirings.push(ParameterWiring {
                from_unit: to.to_owned(),
                output: name.clone(),
                to_unit: from.to_owned(),
                parameter: name.clone(),
            });
        }
        self.parameter(from, &name, parameter)
    }

    /// Records a checkov suppression on a resource, with the reason a reviewer reads.
    pub(crate) fn skip_checkov(&mut self, unit: &str, logical: &str, check: &str, reason: &str) {
        self.edit_metadata(unit, logical, |metadata| {
            let entry = Value::map([
                ("id", Value::string(check.to_owned())),
                ("comment", Value::string(reason.to_owned())),
            ]);
            let checkov = metadata
                .entry("checkov".into())
                .or_insert_with(|| Value::map([("skip", Value::list([]))]));
            if let ValueKind::Map(checkov) = &mut checkov.kind
                && let Some(Value {
                    kind: ValueKind::List(skips),
                    ..
                }) = checkov.get_mut("skip")
            {
                skips.push(entry);
            }
        });
    }

    /// Silences one cfn-lint check on a resource where the design states the value it warns
    /// about (a deprecated runtime, an engine version): the export implements the design as
    /// stated and the rules report on it. The reason goes beside it in the resource's Metadata.
    pub(crate) fn ignore_lint(&mut self, unit: &str, logical: &str, check: &str, reason: &str) {
        self.edit_metadata(unit, logical, |metadata| {
            let lint = metadata.entry("cfn-lint".into()).or_insert_with(|| {
                Value::map([("config", Value::map([("ignore_checks", Value::list([]))]))])
            });
            if let ValueKind::Map(lint) = &mut lint.kind
                && let Some(Value {
                    kind: ValueKind::Map(config),
                    ..
                }) = lint.get_mut("config")
                && let Some(Value {
                    kind: ValueKind::List(checks),
                    ..
                }) = config.get_mut("ignore_checks")
            {
                checks.push(Value::string(check.to_owned()));
            }
            if let Some(Value {
                kind: ValueKind::Map(zta),
                ..
            }) = metadata.get_mut("ZtaDesigner")
            {
                zta.insert(
                    format!("LintIgnored{check}").into(),
                    Value::string(reason.to_owned()),
                );
            }
        });
    }

    /// Changes the Metadata of a resource this builder holds (nothing when it holds none by that
    /// name), and measures the resource again.
    fn edit_metadata(&mut self, unit: &str, logical: &str, edit: impl FnOnce(&mut Map)) {
        let Some(target) = self.units.get_mut(unit) else {
            return;
        };
        let Some((index, logical_id, resource)) = target.template.resources.get_full_mut(logical)
        else {
            return;
        };
        let mut metadata = match resource.metadata.take() {
            Some(Value {
                kind: ValueKind::Map(map),
                ..
            }) => map,
            _ => Map::default(),
        };
        edit(&mut metadata);
        resource.metadata = Some(Value::from(metadata));
        target.sizes[index] = resource_entry_size(logical_id, resource);
    }

    /// The subnets a resource that needs two or more (an ALB, a DB subnet group, an EKS
    /// cluster) spans: its spread, and when that is one subnet, another subnet of the VPC,
    /// preferring another zone, with a warning.
    pub(crate) fn at_least_two_subnets(
        &mut self,
        element: &str,
        subnet: &'c Segment,
    ) -> Vec<&'c Segment> {
        let mut chosen = self.spread_subnets(subnet);
        if chosen.len() >= 2 {
            return chosen;
        }
        let Some(vpc) = subnet.parent.as_deref() else {
            return chosen;
        };
        let others: Vec<&Segment> = self
            .subnets_of(vpc)
            .into_iter()
            .filter(|s| s.id != subnet.id)
            .collect();
        // Another zone of the same tier, else another zone, else the same tier, else any.
        let extra = others
            .iter()
            .find(|s| s.tier == subnet.tier && s.az != subnet.az)
            .or_else(|| others.iter().find(|s| s.az != subnet.az))
            .or_else(|| others.iter().find(|s| s.tier == subnet.tier))
            .or(others.first())
            .copied();
        match extra {
            Some(extra) => {
                self.warn(format!(
                    "`{element}` needs subnets in two availability zones and the design gives one tier subnet; it also uses subnet `{}`",
                    extra.id
                ));
                chosen.push(extra);
            }
            None => self.warn(format!(
                "`{element}` needs subnets in two availability zones but VPC `{vpc}` has one subnet; add another"
            )),
        }
        chosen
    }

    pub(crate) fn has_resource(&self, unit: &str, logical: &str) -> bool {
        self.units
            .get(unit)
            .is_some_and(|u| u.template.resources.contains_key(logical))
    }

    /// Adds a managed policy to the role an identity becomes, once.
    pub(crate) fn role_managed_policy(&mut self, identity: &str, arn: &str) {
        let value = super::support::portable_arn(arn);
        let extras = self.role_extras.entry(identity.to_owned()).or_default();
        if !extras.managed_policies.contains(&value) {
            extras.managed_policies.push(value);
        }
    }

    /// Allows the role an identity becomes `actions` on `resource`. Components that run as
    /// the same role share one statement per purpose (`sid`), which lists all their resources:
    /// IAM refuses two statements with one id in a policy.
    pub(crate) fn role_statement(
        &mut self,
        identity: &str,
        sid: &'static str,
        actions: &[&str],
        resource: Value,
    ) {
        self.role_extras
            .entry(identity.to_owned())
            .or_default()
            .add_statement(RoleStatement {
                sid,
                actions: actions.iter().map(|action| (*action).to_owned()).collect(),
                resources: vec![resource],
            });
    }

    pub(crate) fn warn(&mut self, message: impl Into<String>) {
        self.warnings.push(message.into());
    }

    pub(crate) fn manual_step(&mut self, element: &str, unit: &str, title: &str, how: String) {
        self.manual_steps.push(ManualStep {
            element: element.to_owned(),
            stack_account: unit.to_owned(),
            title: title.to_owned(),
            instructions: how,
        });
    }

    /// The availability zone of a subnet as a template value: a parameter defaulting to the
    /// zone the design names (a written-out zone is refused by cfn-lint's W3010 and ties the
    /// template to one region), or the n-th zone of the region when the design names none.
    pub(crate) fn availability_zone(
        &mut self,
        unit: &str,
        subnet: &Segment,
        index: usize,
    ) -> Value {
        match &subnet.az {
            Some(zone) => {
                let name = format!("AvailabilityZone{}", logical_id(zone));
                self.parameter(
                    unit,
                    &name,
                    Parameter::new("AWS::EC2::AvailabilityZone::Name")
                        .with("Default", zone)
                        .with(
                            "Description",
                            format!("The zone the design calls `{zone}`."),
                        ),
                )
            }
            None => Value::select(
                i64::try_from(index % 3).unwrap_or(0),
                Value::get_azs(Value::string("")),
            ),
        }
    }

    /// Finishes: reports collisions and hands the templates back.
    pub(crate) fn finish(self) -> ExportResult<(IndexMap<String, Unit, KeyHashing>, Extras)> {
        if let Some(error) = self.errors.into_iter().next() {
            return Err(error);
        }
        Ok((
            self.units,
            Extras {
                warnings: self.warnings,
                manual_steps: self.manual_steps,
                wirings: self.wirings,
            },
        ))
    }
}

/// What components add to the role they run as.
#[derive(Default)]
pub(crate) struct RoleExtras {
    pub(crate) managed_policies: Vec<Value>,
    pub(crate) statements: Vec<RoleStatement>,
}

/// A statement that components add to the role they run as.
pub(crate) struct RoleStatement {
    pub(crate) sid: &'static str,
    pub(crate) actions: Vec<String>,
    pub(crate) resources: Vec<Value>,
}

impl RoleExtras {
    /// Adds a statement, or its resources to the statement with the same id.
    fn add_statement(&mut self, statement: RoleStatement) {
        match self.statements.iter_mut().find(|s| s.sid == statement.sid) {
            Some(existing) => {
                for resource in statement.resources {
                    if !existing.resources.contains(&resource) {
                        existing.resources.push(resource);
                    }
                }
            }
            None => self.statements.push(statement),
        }
    }
}

impl RoleStatement {
    /// The statement as IAM JSON.
    pub(crate) fn to_value(&self) -> Value {
        super::support::allow_statement(self.sid, &self.actions, self.resources.clone())
    }
}

/// What the export learnt beside the templates.
pub(crate) struct Extras {
    pub(crate) warnings: Vec<String>,
    pub(crate) manual_steps: Vec<ManualStep>,
    pub(crate) wirings: Vec<ParameterWiring>,
}

impl Unit {
    /// Adds a resource carried unchanged from an imported template; it implements no element.
    pub(crate) fn carry(&mut self, logical_id: String, resource: Resource) {
        self.sizes.push(resource_entry_size(&logical_id, &resource));
        let (_, replaced) = self.template.resources.insert_full(logical_id, resource);
        debug_assert!(replaced.is_none(), "a carried resource takes a free name");
        self.groups.push(Group::Security);
        self.owners.push(CARRIED_OWNER.to_owned());
    }

    fn new() -> Self {
        Self {
            template: Template::default(),
            groups: Vec::new(),
            owners: Vec::new(),
            sizes: Vec::new(),
            shared: FxHashSet::default(),
        }
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

/// Tags for a resource: the design element and the component's own tags.
pub(crate) fn tags(element: &str, extra: &std::collections::BTreeMap<String, String>) -> Value {
    let mut list = vec![Value::map([
        ("Key", Value::string("zta:element")),
        ("Value", Value::string(element.to_owned())),
    ])];
    for (key, value) in extra {
        list.push(Value::map([
            ("Key", Value::string(key)),
            ("Value", Value::string(value)),
        ]));
    }
    Value::list(list)
}
