//! Helpers the mapping modules share: names from tags, new elements, placement in subnets
//! (with stand-in networks when a template places resources in networks it does not define),
//! and IAM policy documents read into policy statements.

use std::collections::BTreeMap;

use ipnet::Ipv4Net;
use zta_model::{
    Component, ComponentKind, ComponentProperties, Effect, PolicyStatement, Segment, SegmentKind,
    Tier,
};

use super::eval::{Sym, placeholder_vpc};
use super::network::free_block;
use super::report::{ImportReport, ReportEntry};
use super::{Disposition, Importer, ResourceKey};
use crate::marker;
use crate::value::Value;

impl Importer<'_> {
    pub(crate) fn report(&self, origin: &str) -> ImportReport {
        let mut entries = Vec::new();
        for (index, stack) in self.stacks.iter().enumerate() {
            for (logical_id, resource) in &stack.template.resources {
                let key = (index, logical_id.clone());
                let disposition =
                    self.dispositions
                        .get(&key)
                        .cloned()
                        .unwrap_or_else(|| Disposition::Carried {
                            reason: "not examined".to_owned(),
                        });
                entries.push(ReportEntry {
                    template: stack.origin.clone(),
                    logical_id: logical_id.clone(),
                    design_logical_id: self.design_logical_id(&key),
                    resource_type: resource.resource_type.clone(),
                    location: resource.location(),
                    disposition,
                });
            }
        }
        let mut notes = self.notes.clone();
        notes.dedup();
        ImportReport {
            origin: origin.to_owned(),
            templates: self
                .stacks
                .iter()
                .map(|stack| stack.origin.clone())
                .collect(),
            entries,
            notes,
        }
    }

    /// The name an export of ZTA Designer recorded for the element a resource implements, else
    /// the resource's `Name` tag when it is known text, else its logical id.
    pub(crate) fn display_name(&self, key: &ResourceKey) -> String {
        let resource = self.resource(key);
        if let Some(name) = marker::field(resource, marker::NAME) {
            return name.to_owned();
        }
        let tag = resource.property("Tags").map(|tags| {
            self.list_items(key.0, tags)
                .into_iter()
                .find(|tag| tag.get("Key").and_then(Value::as_str) == Some("Name"))
                .and_then(|tag| tag.get("Value"))
                .map(|value| self.eval(key.0, value))
        });
        match tag.flatten() {
            // A name is a label: what the template only knows at deployment (`${AWS::StackName}`)
            // is shown as `{AWS::StackName}`, which no export mistakes for a `Sub` variable.
            Some(Sym::Text(name)) if !name.trim().is_empty() => name.replace("${", "{"),
            _ => self.design_logical_id(key),
        }
    }

    /// The design element a resource implements, when ZTA Designer's export wrote it (its
    /// Metadata names the element), so that a re-imported export keeps the design's ids.
    pub(crate) fn designer_element(&self, key: &ResourceKey) -> Option<String> {
        marker::field(self.resource(key), marker::ELEMENT).map(str::to_owned)
    }

    /// The part of an element a resource is, when ZTA Designer's export wrote it as a supporting
    /// resource of that element or as a zero-trust default (its Metadata names the part).
    pub(crate) fn designer_part(&self, key: &ResourceKey) -> Option<String> {
        marker::field(self.resource(key), marker::PART).map(str::to_owned)
    }

    /// The id for the element a resource becomes: the element the export wrote it for, else
    /// one derived from its logical id.
    pub(crate) fn claim_id(&mut self, key: &ResourceKey) -> String {
        let name = self
            .designer_element(key)
            .unwrap_or_else(|| self.element_name(key));
        self.ids.claim(&name)
    }

    /// A component for a resource, with its id, name and logical id filled in.
    pub(crate) fn new_component(
        &mut self,
        key: &ResourceKey,
        kind: ComponentKind,
        segment: String,
    ) -> Component {
        let logical_id = self.design_logical_id(key);
        Component {
            id: self.claim_id(key),
            kind,
            name: self.display_name(key),
            segment,
            description: None,
            identity: None,
            stores: Vec::new(),
            encryption_key: None,
            properties: ComponentProperties::default(),
            tags: BTreeMap::new(),
            logical_id: Some(logical_id),
            suppress: Vec::new(),
            not_known: Vec::new(),
        }
    }

    /// A component of an account-wide or regional kind: it sits in the account the template
    /// deploys into.
    pub(crate) fn account_component(
        &mut self,
        key: &ResourceKey,
        kind: ComponentKind,
    ) -> Component {
        let account = self.account.clone();
        self.new_component(key, kind, account)
    }

    /// Adds a component to the design and records the resource as mapped onto it.
    pub(crate) fn push_component(&mut self, key: &ResourceKey, component: Component) -> String {
        let id = component.id.clone();
        self.elements.insert(key.clone(), id.clone());
        self.mark(
            key.clone(),
            Disposition::Mapped {
                element: id.clone(),
            },
        );
        self.design.components.push(component);
        id
    }

    /// A segment with only the common fields set.
    pub(crate) fn new_segment(
        id: String,
        kind: SegmentKind,
        name: String,
        parent: Option<String>,
    ) -> Segment {
        Segment {
            id,
            kind,
            name,
            parent,
            description: None,
            account_id: None,
            organization_role: None,
            region: None,
            cidr: None,
            az: None,
            tier: None,
            flow_logs: None,
            logical_id: None,
            suppress: Vec::new(),
        }
    }

    /// The segment of the given id.
    pub(crate) fn segment_mut(&mut self, id: &str) -> Option<&mut Segment> {
        self.design
            .segments
            .iter_mut()
            .find(|segment| segment.id == id)
    }

    /// The element a value refers to, when it names one mapped resource.
    pub(crate) fn element_of(&self, sym: &Sym) -> Option<String> {
        sym.resources()
            .iter()
            .find_map(|key| self.element_for(key).cloned())
    }

    /// Every element a value refers to, in order, without repeats.
    pub(crate) fn elements_of(&self, sym: &Sym) -> Vec<String> {
        let mut found: Vec<String> = Vec::new();
        for key in sym.resources() {
            if let Some(element) = self.element_for(&key)
                && !found.contains(element)
            {
                found.push(element.clone());
            }
        }
        found
    }

    /// The elements whose resources a text names as `${LogicalId}`: what is left of a `Sub`
    /// whose variables name resources (an ARN built from a REST API and its stage).
    pub(crate) fn elements_named_in(&self, stack: usize, text: &str) -> Vec<String> {
        let mut found: Vec<String> = Vec::new();
        let mut rest = text;
        while let Some(start) = rest.find("${") {
            let after = &rest[start + 2..];
            let Some(end) = after.find('}') else { break };
            let name = &after[..end];
            if let Some(element) = self.element_for(&(stack, name.to_owned()))
                && !found.contains(element)
            {
                found.push(element.clone());
            }
            rest = &after[end + 1..];
        }
        found
    }

    /// The elements an ARN names: those it refers to, else those whose resources the text of a
    /// `Sub` that built it names (a REST API stage's, a hosted zone's).
    pub(crate) fn elements_in_arn(&self, stack: usize, arn: &Sym) -> Vec<String> {
        let elements = self.elements_of(arn);
        if elements.is_empty() {
            self.elements_named_in(stack, &arn.describe())
        } else {
            elements
        }
    }

    /// The first subnet segment among the values of a subnet list, if any is in the design.
    pub(crate) fn first_subnet(&self, subnets: &Sym) -> Option<String> {
        self.elements_of(subnets).into_iter().find(|id| {
            self.design
                .segment(id)
                .is_some_and(|segment| segment.kind == SegmentKind::Subnet)
        })
    }

    /// The stand-in VPC for networks the template uses but does not define.
    pub(crate) fn external_vpc(&mut self) -> String {
        if let Some(id) = &self.external_vpc {
            return id.clone();
        }
        let id = self.ids.claim("external-vpc");
        let mut segment = Self::new_segment(
            id.clone(),
            SegmentKind::Vpc,
            "VPC outside this template".to_owned(),
            Some(self.account.clone()),
        );
        segment.cidr = Some(placeholder_vpc(1).to_string());
        segment.description = Some(
            "Stands for the network the template's parameters or imports name; its address range is a placeholder from 198.18.0.0/15."
                .to_owned(),
        );
        self.design.segments.push(segment);
        self.notes.push(format!(
            "resources placed in networks the template does not define sit in `{id}`, whose CIDR {} is a placeholder",
            placeholder_vpc(1)
        ));
        self.external_vpc = Some(id.clone());
        id
    }

    /// The stand-in subnet of a tier in the stand-in VPC.
    pub(crate) fn external_subnet(&mut self, tier: Tier) -> String {
        if let Some(id) = self.external_subnets.get(&tier) {
            return id.clone();
        }
        let id = self.new_external_subnet(tier);
        self.external_subnets.insert(tier, id.clone());
        id
    }

    /// A second stand-in subnet of a tier, beside the first, for resources that AWS requires to
    /// span two subnets.
    fn external_subnet_twin(&mut self, tier: Tier) -> String {
        if let Some(id) = self.external_twins.get(&tier) {
            return id.clone();
        }
        let id = self.new_external_subnet(tier);
        self.external_twins.insert(tier, id.clone());
        id
    }

    fn new_external_subnet(&mut self, tier: Tier) -> String {
        let vpc = self.external_vpc();
        let id = self
            .ids
            .claim(&format!("external-{}-subnet", tier.as_str()));
        // The first free block of the stand-in VPC (subnets of the template whose VPC is unknown
        // sit there too).
        let used: Vec<Ipv4Net> = self
            .design
            .segments
            .iter()
            .filter(|segment| segment.parent.as_deref() == Some(vpc.as_str()))
            .filter_map(|segment| Self::valid_net(segment.cidr.as_deref()))
            .collect();
        let net = free_block(placeholder_vpc(1), &used).unwrap_or_else(|| placeholder_vpc(1));
        let mut segment = Self::new_segment(
            id.clone(),
            SegmentKind::Subnet,
            format!(
                "{} subnet outside this template",
                capitalised(tier.as_str())
            ),
            Some(vpc),
        );
        segment.cidr = Some(net.to_string());
        segment.tier = Some(tier);
        self.design.segments.push(segment);
        id
    }

    /// The subnet for a resource placed in `subnets`: the first one in the design, else the
    /// stand-in subnet of the tier the parameter's name or the resource suggests.
    pub(crate) fn subnet_for(&mut self, subnets: &Sym, fallback_tier: Tier) -> String {
        if let Some(subnet) = self.first_subnet(subnets) {
            return subnet;
        }
        let hint = subnets.describe().to_ascii_lowercase();
        let tier = if hint.contains("public") {
            Tier::Public
        } else if hint.contains("private") || hint.contains("app") {
            Tier::Private
        } else {
            fallback_tier
        };
        self.external_subnet(tier)
    }

    /// The subnet for a resource that AWS requires to span subnets in two availability zones (an
    /// application load balancer, an EKS cluster, a database's subnet group): as for any
    /// resource, and where that is a stand-in subnet, a second stand-in of its tier beside it,
    /// since the template's own subnets are several.
    pub(crate) fn subnet_for_spread(&mut self, subnets: &Sym, fallback_tier: Tier) -> String {
        let subnet = self.subnet_for(subnets, fallback_tier);
        let stand_in = self
            .external_subnets
            .iter()
            .find(|(_, id)| **id == subnet)
            .map(|(tier, _)| *tier);
        if let Some(tier) = stand_in {
            self.external_subnet_twin(tier);
        }
        subnet
    }

    /// The VPC segment that contains a segment (itself when it is a VPC).
    pub(crate) fn vpc_of(&self, segment: &str) -> Option<String> {
        self.design
            .segment_ancestry(segment)
            .into_iter()
            .find(|segment| segment.kind == SegmentKind::Vpc)
            .map(|segment| segment.id.clone())
    }

    /// The statements of a policy document that a resource holds, without the zero-trust
    /// defaults an export of ZTA Designer wrote into it (the next export writes them again).
    pub(crate) fn design_statements(
        &self,
        key: &ResourceKey,
        document: &Value,
    ) -> Vec<PolicyStatement> {
        let mut statements = self.statements(key.0, document);
        if self.designer_element(key).is_some() {
            statements.retain(|statement| {
                !statement
                    .sid
                    .as_deref()
                    .is_some_and(crate::policy::is_generated_sid)
            });
        }
        statements
    }

    /// Whether a policy resource is the one an export of ZTA Designer wrote for what a role's
    /// flows and components need: its statements become flows, never policy statements.
    pub(crate) fn is_designer_flow_policy(&self, key: &ResourceKey) -> bool {
        self.designer_element(key).is_some()
            && self.property(key.0, &key.1, &["PolicyName"]).as_text()
                == Some(crate::policy::FLOW_POLICY_NAME)
    }

    /// The statements of an IAM policy document.
    pub(crate) fn statements(&self, stack: usize, document: &Value) -> Vec<PolicyStatement> {
        let document = self.choose(stack, document);
        // Several services take the policy as JSON text (`AccessPolicies` of OpenSearch, the
        // `PolicyDocument` of a Logs resource policy, some templates' `KeyPolicy`): its
        // statements are the parsed text's.
        if let Some(text) = document.as_str() {
            return match crate::parse::parse_value(
                text,
                "policy document",
                crate::parse::Format::Json,
                &crate::parse::Limits::default(),
            ) {
                Ok(parsed) if parsed.as_map().is_some() => self.statements(stack, &parsed),
                _ => Vec::new(),
            };
        }
        let Some(statement) = self.lookup(stack, document, "Statement") else {
            return Vec::new();
        };
        let statements = match self.choose(stack, statement).as_list() {
            Some(_) => self.list_items(stack, statement),
            None => vec![self.choose(stack, statement)],
        };
        statements
            .into_iter()
            .map(|statement| self.statement(stack, statement))
            .collect()
    }

    fn statement(&self, stack: usize, statement: &Value) -> PolicyStatement {
        let texts = |key: &str| -> Vec<String> {
            statement
                .get(key)
                .map(|value| {
                    self.eval(stack, value)
                        .values()
                        .iter()
                        .map(|item| self.policy_text(item))
                        .filter(|text| !text.is_empty())
                        .collect()
                })
                .unwrap_or_default()
        };
        let principals = match statement
            .get("Principal")
            .map(|value| self.choose(stack, value))
        {
            None => Vec::new(),
            Some(principal) => match principal.as_map() {
                Some(map) => map
                    .iter()
                    .flat_map(|(kind, value)| {
                        self.eval(stack, value)
                            .values()
                            .iter()
                            .map(|item| principal_text(kind, &self.policy_text(item)))
                            .collect::<Vec<_>>()
                    })
                    .collect(),
                None => vec![self.eval(stack, principal).describe()],
            },
        };
        let mut conditions: BTreeMap<String, BTreeMap<String, Vec<String>>> = BTreeMap::new();
        if let Some(map) = statement
            .get("Condition")
            .map(|value| self.choose(stack, value))
            .and_then(Value::as_map)
        {
            for (operator, tests) in map {
                let Some(tests) = self.choose(stack, tests).as_map() else {
                    continue;
                };
                for (key, value) in tests {
                    let values: Vec<String> = self
                        .eval(stack, value)
                        .values()
                        .iter()
                        .map(|item| self.policy_text(item))
                        .collect();
                    conditions
                        .entry(operator.to_string())
                        .or_default()
                        .insert(key.to_string(), values);
                }
            }
        }
        let mut actions = texts("Action");
        // `NotAction` grants everything but the listed actions; the design records it as `*`
        // so the rules see how broad it is.
        if actions.is_empty() && statement.get("NotAction").is_some() {
            actions.push("*".to_owned());
        }
        // An ARN the export made portable (`arn:${AWS::Partition}:`) is the design's `arn:aws:`.
        let mut resources: Vec<String> = texts("Resource")
            .iter()
            .map(|arn| crate::policy::design_arn(arn))
            .collect();
        if resources.is_empty() && statement.get("NotResource").is_some() {
            resources.push("*".to_owned());
        }
        PolicyStatement {
            sid: statement
                .get("Sid")
                .and_then(|sid| self.eval(stack, sid).as_text().map(str::to_owned)),
            effect: match statement.get("Effect").and_then(Value::as_str) {
                Some("Deny") => Effect::Deny,
                _ => Effect::Allow,
            },
            principals,
            actions,
            resources,
            conditions,
        }
    }

    /// A policy value as text: the design element's id for a resource of the template (so the
    /// rules can tell which component a statement names), else the resolved text.
    pub(crate) fn policy_text(&self, sym: &Sym) -> String {
        match sym {
            Sym::Resource {
                stack,
                logical_id,
                attribute,
            } => {
                let key = (*stack, logical_id.clone());
                let name = self
                    .element_for(&key)
                    .cloned()
                    .unwrap_or_else(|| self.design_logical_id(&key));
                match attribute {
                    Some(attribute) => format!("${{{name}.{attribute}}}"),
                    None => format!("${{{name}}}"),
                }
            }
            other => other.describe(),
        }
    }

    /// Whether a CIDR text is a valid IPv4 block without host bits.
    pub(crate) fn valid_net(text: Option<&str>) -> Option<Ipv4Net> {
        let net: Ipv4Net = text?.trim().parse().ok()?;
        (net.network() == net.addr()).then_some(net)
    }
}

/// A principal of a policy statement as the design writes it: `{AWS: "*"}` is anyone, as `*`
/// is (IAM User Guide, "AWS JSON policy elements: Principal", anonymous users), so both read
/// `*`; anything else as `Kind:value`.
fn principal_text(kind: &str, value: &str) -> String {
    if kind == "AWS" && value == "*" {
        return "*".to_owned();
    }
    format!("{kind}:{value}")
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_ascii_uppercase().to_string() + chars.as_str())
        .unwrap_or_default()
}
