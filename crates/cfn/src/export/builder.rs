//! The state of one export: a template under construction per account, lookups into the
//! design, and the helpers every generator uses to add resources with their design metadata.

use indexmap::IndexMap;
use rustc_hash::{FxHashMap, FxHashSet};
use zta_model::{Component, Identity, Segment, organization, zones};

use super::error::{ExportError, ExportResult};
use super::extras::{ManualStep, ParameterWiring};
use super::ids::{logical_id, slug};
use crate::marker;
use crate::template::{Output, Parameter, Resource, Template};
use crate::value::{KeyHashing, Map, Value, ValueKind};
use crate::write::resource_entry_size;

pub(crate) use super::context::{Context, MAIN_UNIT};

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
            crate::marker::DESIGN_ELEMENT,
            Group::Security,
            resource,
        );
        if let Some(target) = self.units.get_mut(unit) {
            target.shared.insert(logical_id);
        }
    }

    /// Adds a resource that implements `element`, with Metadata naming the element.
    /// Puts a component's main resource into the stack of the component's account.
    pub(crate) fn put_component(&mut self, c: &Component, group: Group, resource: Resource) {
        let unit = self.unit_of_component(c);
        self.put(&unit, self.logical_id(&c.id), &c.id, group, resource);
    }

    pub(crate) fn put(
        &mut self,
        unit: &str,
        logical_id: String,
        element: &str,
        group: Group,
        mut resource: Resource,
    ) {
        let mut fields = vec![(marker::ELEMENT, Value::string(element.to_owned()))];
        let base = self.logical_id(element);
        if logical_id == base {
            // The main resource keeps the element's name, which few resource types have a
            // property for, so that an import of the template gives the element back its name.
            if let Some(name) = self.element_name(element) {
                fields.push((marker::NAME, Value::string(name.to_owned())));
            }
            let unstated = if let Some(component) = self.component(element) {
                marker::unstated_properties(component)
            } else if let Some(identity) = self.identity(element) {
                marker::unstated_fields(identity)
            } else if let Some(segment) = self.segment(element) {
                marker::unstated_segment_fields(segment)
            } else {
                Vec::new()
            };
            if !unstated.is_empty() {
                fields.push((
                    marker::UNSTATED,
                    Value::list(unstated.into_iter().map(Value::string)),
                ));
            }
        } else {
            // A supporting resource names its part, so that an import of the template knows the
            // export regenerates it from the element and does not make an element of it.
            let part = logical_id
                .strip_prefix(base.as_str())
                .filter(|rest| !rest.is_empty())
                .unwrap_or(&logical_id);
            fields.push((marker::PART, Value::string(part.to_owned())));
        }
        let mut metadata = Map::default();
        metadata.insert(marker::METADATA_KEY.into(), Value::map(fields));
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
            }) = metadata.get_mut(marker::METADATA_KEY)
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

    /// The subnets a component that AWS needs in two availability zones (an ALB, a DB subnet
    /// group, an EKS cluster, a Multi-AZ cache) spans in the tier it is drawn in. When that tier
    /// offers one zone, nothing is placed elsewhere: the export is refused with the reason the
    /// rule ZT-NET-019 gives, and `None` tells the kind to write nothing.
    pub(crate) fn two_zone_subnets(
        &mut self,
        component: &Component,
        subnet: &'c Segment,
    ) -> Option<Vec<&'c Segment>> {
        let refusal =
            self.zone_shortfall(component, subnet)
                .map(|shortfall| ExportError::ZonesShort {
                    element: component.id.clone(),
                    reason: shortfall.message(),
                    fix: shortfall.fix(),
                });
        if let Some(refusal) = refusal {
            self.errors.push(refusal);
            return None;
        }
        Some(self.spread_subnets(subnet))
    }

    /// Whether an EKS cluster's pods can run where it is drawn: when they run on Fargate and
    /// the subnet is public, the export is refused with the reason the rule ZT-NET-020 gives,
    /// and nothing is written for the cluster.
    pub(crate) fn fargate_pods_placeable(
        &mut self,
        component: &Component,
        subnet: &Segment,
    ) -> bool {
        let Some(refusal) = zta_model::fargate::public_fargate_pods(component, subnet) else {
            return true;
        };
        self.errors.push(ExportError::PublicFargatePods {
            element: component.id.clone(),
            reason: refusal.message(),
            fix: refusal.fix(),
        });
        false
    }

    /// Whether a permission set can be written: when the design gives it no account that
    /// administers IAM Identity Center, the export is refused with the reason the rule
    /// ZT-ID-019 gives, and nothing is written for it.
    pub(crate) fn permission_set_has_home(&mut self, identity: &Identity) -> bool {
        let refusal = organization::permission_set_account(self.design, identity)
            .err()
            .map(|homeless| ExportError::NoIdentityCenterAccount {
                element: identity.id.clone(),
                reason: homeless.message(),
                fix: homeless.fix(),
            });
        match refusal {
            Some(refusal) => {
                self.errors.push(refusal);
                false
            }
            None => true,
        }
    }

    /// Adds a field to the marker of a resource already written (what a kind's `drawn` keeps).
    pub(crate) fn add_marker_field(
        &mut self,
        unit: &str,
        logical: &str,
        name: &'static str,
        value: Value,
    ) {
        let Some(target) = self.units.get_mut(unit) else {
            return;
        };
        let Some((index, _, resource)) = target.template.resources.get_full_mut(logical) else {
            return;
        };
        if let Some(Value {
            kind: ValueKind::Map(metadata),
            ..
        }) = resource.metadata.as_mut()
            && let Some(Value {
                kind: ValueKind::Map(marker),
                ..
            }) = metadata.get_mut(marker::METADATA_KEY)
        {
            marker.insert(name.into(), value);
        }
        target.sizes[index] = resource_entry_size(logical, resource);
    }

    pub(crate) fn has_resource(&self, unit: &str, logical: &str) -> bool {
        self.units
            .get(unit)
            .is_some_and(|u| u.template.resources.contains_key(logical))
    }

    /// Adds a managed policy to the role an identity becomes, once.
    pub(crate) fn role_managed_policy(&mut self, identity: &str, arn: &str) {
        let value = crate::policy::portable_arn(arn);
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

    /// Adds a manual step, to which the caller adds how to take it (a command, a console path).
    pub(crate) fn manual_step(
        &mut self,
        element: &str,
        unit: &str,
        title: &str,
        instructions: String,
    ) -> &mut ManualStep {
        self.manual_steps.push(ManualStep {
            element: element.to_owned(),
            account: unit.to_owned(),
            title: title.to_owned(),
            instructions,
            actions: Vec::new(),
        });
        self.manual_steps
            .last_mut()
            .expect("the step was just added")
    }

    /// The availability zone of a subnet as a template value: a parameter defaulting to the
    /// zone the design names (a written-out zone is refused by cfn-lint's W3010 and ties the
    /// template to one region), or for a subnet that names none, the zone of the region that
    /// [`zones::zone_of`] gives it from its place (`index`) among its VPC's subnets.
    pub(crate) fn availability_zone(
        &mut self,
        unit: &str,
        subnet: &Segment,
        index: usize,
    ) -> Value {
        match zones::zone_of(subnet, index) {
            zones::Zone::Named(zone) => {
                let name = format!("AvailabilityZone{}", logical_id(zone));
                self.parameter(
                    unit,
                    &name,
                    Parameter::new("AWS::EC2::AvailabilityZone::Name")
                        .with("Default", zone.to_owned())
                        .with(
                            "Description",
                            format!("The zone the design calls `{zone}`."),
                        ),
                )
            }
            zones::Zone::Indexed(nth) => Value::select(
                i64::try_from(nth).unwrap_or(0),
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
        crate::policy::allow_statement(self.sid, &self.actions, self.resources.clone())
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

/// The same tags as a map from key to value, the form some resource types take
/// (`AWS::EKS::Nodegroup`, for one).
pub(crate) fn tag_map(element: &str, extra: &std::collections::BTreeMap<String, String>) -> Value {
    Value::map(
        std::iter::once(("zta:element".to_owned(), Value::string(element.to_owned()))).chain(
            extra
                .iter()
                .map(|(key, value)| (key.clone(), Value::string(value))),
        ),
    )
}
