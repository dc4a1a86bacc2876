//! Referential integrity of a design: ids unique and known, references to the right kind of
//! element, containment a tree whose kinds nest properly, CIDRs inside their VPC, and only the
//! fields that mean something for each kind.
//!
//! These are the problems that make a file not a design at all. Whether the design is *secure*
//! is the rule engine's business, which never fails: it returns findings.

use std::collections::{HashMap, HashSet};

use ipnet::Ipv4Net;
use serde::Serialize;
use ts_rs::TS;

use crate::format::closest_id;
use crate::{
    ActorKind, Auth, ComponentKind, Design, ElementRef, IdentityKind, Placement, Principal,
    PrincipalKind, SegmentKind, UserActivity, date,
};

/// The longest rotation period Secrets Manager accepts (`AutomaticallyAfterDays`, 1 to 1000:
/// <https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_RotationRulesType.html>).
pub const MAX_ROTATION_DAYS: u32 = 1000;

/// One integrity problem, located by its document path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue {
    /// The document path, e.g. `components[3].segment`.
    pub path: String,
    /// What is wrong.
    pub message: String,
    /// The obvious fix, if there is one.
    pub help: Option<String>,
    /// Whether the problem is the key itself (a field that does not apply) rather than its value.
    pub at_key: bool,
}

/// A problem that makes a design not loadable as a file (an unknown reference, a subnet outside
/// its VPC, a field that does not apply to the element's kind), as every front end shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DesignProblem {
    /// Where in the document, e.g. `components[3].segment`.
    pub path: String,
    /// What is wrong.
    pub message: String,
    /// The obvious fix, when there is one.
    pub help: Option<String>,
}

impl From<Issue> for DesignProblem {
    fn from(issue: Issue) -> Self {
        DesignProblem {
            path: issue.path,
            message: issue.message,
            help: issue.help,
        }
    }
}

/// Every integrity problem of `design`, in document order; empty for a sound design.
pub fn problems(design: &Design) -> Vec<DesignProblem> {
    check(design).into_iter().map(DesignProblem::from).collect()
}

/// What a reference must point at.
#[derive(Clone, Copy)]
enum Expect {
    Segment(&'static [SegmentKind]),
    Component(&'static [ComponentKind]),
    AnyComponent,
    Identity(&'static [IdentityKind]),
    /// A flow endpoint: a component, identity, actor, or a zone outside AWS.
    FlowEnd,
}

struct Checker<'a> {
    design: &'a Design,
    elements: HashMap<&'a str, ElementRef<'a>>,
    issues: Vec<Issue>,
}

/// Checks a design and returns every problem found, in document order.
pub fn check(design: &Design) -> Vec<Issue> {
    let mut checker = Checker {
        design,
        elements: HashMap::new(),
        issues: Vec::new(),
    };
    checker.check_ids();
    checker.check_segments();
    checker.check_components();
    checker.check_identities();
    checker.check_actors();
    checker.check_flows();
    checker.check_layout();
    checker.issues
}

impl<'a> Checker<'a> {
    fn report(&mut self, path: String, message: String, help: Option<String>) {
        self.issues.push(Issue {
            path,
            message,
            help,
            at_key: false,
        });
    }

    fn check_ids(&mut self) {
        let mut first_seen: HashMap<&str, String> = HashMap::new();
        let design = self.design;
        for (path, element) in element_paths(design) {
            let id = element.id();
            if !is_valid_id(id) {
                self.report(
                    format!("{path}.id"),
                    format!("`{id}` is not a valid id"),
                    Some("ids start with a letter or digit and hold letters, digits, `-`, `_` and `.`".into()),
                );
            }
            match first_seen.get(id) {
                Some(first) => {
                    let first = first.clone();
                    self.report(
                        format!("{path}.id"),
                        format!("duplicate id `{id}`, already used by {first}"),
                        Some("every element of a design needs its own id".into()),
                    );
                }
                None => {
                    first_seen.insert(id, path);
                    self.elements.insert(id, element);
                }
            }
        }
    }

    /// Checks one reference; returns the element when it is of the expected kind.
    fn reference(&mut self, path: String, id: &str, expect: Expect) -> Option<ElementRef<'a>> {
        let Some(element) = self.elements.get(id).copied() else {
            let candidates: Vec<&str> = self
                .elements
                .iter()
                .filter(|(_, element)| matches_expect(element, expect))
                .map(|(id, _)| *id)
                .collect();
            let help = closest_id(id, &candidates).map(|best| format!("did you mean `{best}`?"));
            self.report(
                path,
                format!("unknown id `{id}`: no {} has it", describe(expect)),
                help,
            );
            return None;
        };
        if matches_expect(&element, expect) {
            Some(element)
        } else {
            self.report(
                path,
                format!(
                    "`{id}` is {}, but {} is expected here",
                    describe_element(&element),
                    describe(expect)
                ),
                None,
            );
            None
        }
    }

    fn not_applicable(&mut self, path: String, field: &str, kind: &str) {
        self.issues.push(Issue {
            path,
            message: format!("`{field}` does not apply to kind `{kind}`"),
            help: Some("remove it, or change the kind".into()),
            at_key: true,
        });
    }

    fn check_segments(&mut self) {
        let design = self.design;
        let mut vpc_nets: HashMap<&str, Ipv4Net> = HashMap::new();
        for (index, segment) in design.segments.iter().enumerate() {
            let path = format!("segments[{index}]");
            self.check_fields(
                &path,
                serde_json::to_value(segment).ok(),
                &[
                    "id",
                    "kind",
                    "name",
                    "parent",
                    "description",
                    "logical_id",
                    "suppress",
                ],
                segment.kind.applicable_fields(),
                segment.kind.as_str(),
            );
            let allowed = segment.kind.allowed_parents();
            match (&segment.parent, allowed.is_empty()) {
                (Some(_), true) => self.report(
                    format!("{path}.parent"),
                    format!(
                        "a {} cannot be nested in another segment",
                        segment.kind.as_str()
                    ),
                    Some("remove `parent`".into()),
                ),
                (Some(parent), false) => {
                    if let Some(ElementRef::Segment(parent_segment)) =
                        self.reference(format!("{path}.parent"), parent, Expect::Segment(allowed))
                        && parent_segment.id == segment.id
                    {
                        self.report(
                            format!("{path}.parent"),
                            "a segment cannot contain itself".into(),
                            None,
                        );
                    }
                }
                (None, false) => self.report(
                    path.clone(),
                    format!(
                        "a {} needs a `parent` ({})",
                        segment.kind.as_str(),
                        allowed
                            .iter()
                            .map(|kind| kind.as_str())
                            .collect::<Vec<_>>()
                            .join(" or ")
                    ),
                    None,
                ),
                (None, true) => {}
            }
            if let Some(cidr) = &segment.cidr {
                match cidr.parse::<Ipv4Net>() {
                    Ok(net) if net.network() != net.addr() => self.report(
                        format!("{path}.cidr"),
                        format!("`{cidr}` has host bits set"),
                        Some(format!("did you mean `{}`?", net.trunc())),
                    ),
                    Ok(net) => {
                        if segment.kind == SegmentKind::Vpc {
                            vpc_nets.insert(&segment.id, net);
                        }
                    }
                    Err(_) => self.report(
                        format!("{path}.cidr"),
                        format!("`{cidr}` is not an IPv4 CIDR block such as `10.0.0.0/16`"),
                        None,
                    ),
                }
            } else if matches!(segment.kind, SegmentKind::Vpc | SegmentKind::Subnet) {
                self.report(
                    path.clone(),
                    format!("a {} needs a `cidr`", segment.kind.as_str()),
                    None,
                );
            }
            if segment.kind == SegmentKind::Subnet && segment.tier.is_none() {
                self.report(
                    path.clone(),
                    "a subnet needs a `tier` (public, private or isolated)".into(),
                    None,
                );
            }
            if let Some(account_id) = &segment.account_id
                && (account_id.len() != 12 || !account_id.bytes().all(|byte| byte.is_ascii_digit()))
            {
                self.report(
                    format!("{path}.account_id"),
                    format!("`{account_id}` is not a 12-digit AWS account id"),
                    None,
                );
            }
        }
        self.check_subnet_ranges(&vpc_nets);
        self.check_containment_cycles();
    }

    fn check_subnet_ranges(&mut self, vpc_nets: &HashMap<&str, Ipv4Net>) {
        let design = self.design;
        let mut siblings: HashMap<&str, Vec<(usize, Ipv4Net)>> = HashMap::new();
        for (index, segment) in design.segments.iter().enumerate() {
            if segment.kind != SegmentKind::Subnet {
                continue;
            }
            let (Some(parent), Some(Ok(net))) = (
                segment.parent.as_deref(),
                segment.cidr.as_deref().map(str::parse::<Ipv4Net>),
            ) else {
                continue;
            };
            if let Some(vpc) = vpc_nets.get(parent)
                && !vpc.contains(&net)
            {
                self.report(
                    format!("segments[{index}].cidr"),
                    format!(
                        "subnet `{}` ({net}) lies outside its VPC `{parent}` ({vpc})",
                        segment.id
                    ),
                    Some(format!("choose a block inside {vpc}")),
                );
            }
            let list = siblings.entry(parent).or_default();
            for (other_index, other) in list.iter() {
                if other.contains(&net.network()) || net.contains(&other.network()) {
                    let other_id = &design.segments[*other_index].id;
                    self.report(
                        format!("segments[{index}].cidr"),
                        format!(
                            "subnet `{}` ({net}) overlaps subnet `{other_id}` ({other})",
                            segment.id
                        ),
                        None,
                    );
                }
            }
            list.push((index, net));
        }
    }

    fn check_containment_cycles(&mut self) {
        let design = self.design;
        let parents: HashMap<&str, &str> = design
            .segments
            .iter()
            .filter_map(|segment| Some((segment.id.as_str(), segment.parent.as_deref()?)))
            .collect();
        let mut reported: HashSet<&str> = HashSet::new();
        for (index, segment) in design.segments.iter().enumerate() {
            let mut seen: Vec<&str> = vec![segment.id.as_str()];
            let mut current = segment.id.as_str();
            while let Some(parent) = parents.get(current).copied() {
                if parent == segment.id && !reported.contains(parent) {
                    seen.push(parent);
                    reported.extend(seen.iter().copied());
                    self.report(
                        format!("segments[{index}].parent"),
                        format!("containment cycle: {}", seen.join(" → ")),
                        Some("a segment cannot be inside itself; break the cycle".into()),
                    );
                    break;
                }
                if seen.contains(&parent) {
                    break;
                }
                seen.push(parent);
                current = parent;
            }
        }
    }

    fn check_components(&mut self) {
        let design = self.design;
        for (index, component) in design.components.iter().enumerate() {
            let path = format!("components[{index}]");
            let kind = component.kind;
            let placement = kind.info().placement;
            let allowed: &'static [SegmentKind] = match placement {
                Placement::Subnet => &[SegmentKind::Subnet],
                Placement::Vpc => &[SegmentKind::Vpc, SegmentKind::Subnet],
                Placement::Regional => &[
                    SegmentKind::Account,
                    SegmentKind::Region,
                    SegmentKind::Vpc,
                    SegmentKind::Subnet,
                ],
                Placement::Account => &[SegmentKind::Account, SegmentKind::Region],
            };
            self.reference(
                format!("{path}.segment"),
                &component.segment,
                Expect::Segment(allowed),
            );
            if let Some(identity) = &component.identity {
                self.reference(
                    format!("{path}.identity"),
                    identity,
                    Expect::Identity(&[IdentityKind::IamRole]),
                );
            }
            if let Some(key) = &component.encryption_key {
                self.reference(
                    format!("{path}.encryption_key"),
                    key,
                    Expect::Component(&[ComponentKind::KmsKey]),
                );
            }
            let properties = serde_json::to_value(&component.properties).ok();
            if let Some(serde_json::Value::Object(map)) = &properties {
                for field in map.keys() {
                    if !kind.applicable_properties().contains(&field.as_str()) {
                        self.not_applicable(
                            format!("{path}.properties.{field}"),
                            field,
                            kind.as_str(),
                        );
                    }
                }
            }
            let properties = &component.properties;
            if let Some(days) = properties.rotation_days
                && days > MAX_ROTATION_DAYS
            {
                self.report(
                    format!("{path}.properties.rotation_days"),
                    format!("a secret rotates every 1 to {MAX_ROTATION_DAYS} days in Secrets Manager, not every {days}"),
                    Some(format!("set 0 (no rotation) or a period of 1 to {MAX_ROTATION_DAYS} days")),
                );
            }
            if let Some(certificate) = &properties.certificate {
                self.reference(
                    format!("{path}.properties.certificate"),
                    certificate,
                    Expect::Component(&[ComponentKind::AcmCertificate]),
                );
            }
            for (field, ids, expect) in [
                ("protects", &properties.protects, Expect::AnyComponent),
                ("shares", &properties.shares, Expect::AnyComponent),
                (
                    "attachments",
                    &properties.attachments,
                    Expect::Segment(&[SegmentKind::Vpc]),
                ),
                (
                    "share_with",
                    &properties.share_with,
                    Expect::Segment(&[SegmentKind::Account]),
                ),
            ] {
                for (item, id) in ids.iter().enumerate() {
                    self.reference(format!("{path}.properties.{field}[{item}]"), id, expect);
                }
            }
        }
    }

    fn check_identities(&mut self) {
        let design = self.design;
        for (index, identity) in design.identities.iter().enumerate() {
            let path = format!("identities[{index}]");
            self.check_fields(
                &path,
                serde_json::to_value(identity).ok(),
                &[
                    "id",
                    "kind",
                    "name",
                    "description",
                    "account",
                    "logical_id",
                    "suppress",
                ],
                identity.kind.applicable_fields(),
                identity.kind.as_str(),
            );
            if let Some(account) = &identity.account {
                self.reference(
                    format!("{path}.account"),
                    account,
                    Expect::Segment(&[SegmentKind::Account]),
                );
            }
            for (item, principal) in identity.trusts.iter().enumerate() {
                self.check_principal(format!("{path}.trusts[{item}].id"), principal);
            }
            for (item, group) in identity.groups.iter().enumerate() {
                self.reference(
                    format!("{path}.groups[{item}]"),
                    group,
                    Expect::Identity(&[IdentityKind::IamGroup]),
                );
            }
            for (item, provider) in identity.federation.iter().enumerate() {
                self.reference(
                    format!("{path}.federation[{item}]"),
                    provider,
                    Expect::Identity(&[IdentityKind::IdentityProvider]),
                );
            }
            for (item, account) in identity.assigned_accounts.iter().enumerate() {
                self.reference(
                    format!("{path}.assigned_accounts[{item}]"),
                    account,
                    Expect::Segment(&[SegmentKind::Account]),
                );
            }
            if let Some(activity) = &identity.activity {
                self.check_activity(&path, activity);
            }
        }
    }

    /// An observed activity's dates must be real days, none after the day they were read:
    /// the inactivity rule measures from them.
    fn check_activity(&mut self, path: &str, activity: &UserActivity) {
        let as_of = date::day_number(&activity.as_of);
        for (field, value) in [
            ("as_of", Some(&activity.as_of)),
            ("created", activity.created.as_ref()),
            ("password_last_used", activity.password_last_used.as_ref()),
        ] {
            let Some(value) = value else { continue };
            match date::day_number(value) {
                None => self.report(
                    format!("{path}.activity.{field}"),
                    format!("`{value}` is not a day"),
                    Some("write dates as `YYYY-MM-DD`".into()),
                ),
                Some(day) if as_of.is_some_and(|as_of| day > as_of) => self.report(
                    format!("{path}.activity.{field}"),
                    format!("{value} is after `as_of` ({})", activity.as_of),
                    Some("`as_of` is the day the dates were read, so none can come later".into()),
                ),
                Some(_) => {}
            }
        }
    }

    fn check_principal(&mut self, path: String, principal: &Principal) {
        self.check_trust_conditions(&path, principal);
        let id = principal.id.as_str();
        match principal.kind {
            PrincipalKind::Identity => {
                self.reference(
                    path,
                    id,
                    Expect::Identity(&[
                        IdentityKind::IamRole,
                        IdentityKind::IamUser,
                        IdentityKind::IamGroup,
                        IdentityKind::PermissionSet,
                    ]),
                );
            }
            PrincipalKind::Account => {
                self.reference(path, id, Expect::Segment(&[SegmentKind::Account]));
            }
            PrincipalKind::Federated => {
                self.reference(
                    path,
                    id,
                    Expect::Identity(&[
                        IdentityKind::IdentityProvider,
                        IdentityKind::CognitoUserPool,
                    ]),
                );
            }
            PrincipalKind::Actor => {
                if !matches!(self.elements.get(id), Some(ElementRef::Actor(_))) {
                    self.report(path, format!("unknown actor `{id}`"), None);
                }
            }
            PrincipalKind::Service => {
                if !id.ends_with(".amazonaws.com") {
                    self.report(
                        path,
                        format!("`{id}` is not an AWS service principal"),
                        Some(format!("did you mean `{id}.amazonaws.com`?")),
                    );
                }
            }
            PrincipalKind::ExternalAccount => {
                let valid =
                    id == "*" || (id.len() == 12 && id.bytes().all(|byte| byte.is_ascii_digit()));
                if !valid {
                    self.report(
                        path,
                        format!("`{id}` is neither a 12-digit account id nor `*`"),
                        None,
                    );
                }
            }
        }
    }

    /// A trust's conditions must be ones IAM evaluates for that kind of principal: a service
    /// assumes a role on behalf of a source, an AWS principal presents an external id or belongs
    /// to an organization, a federated user presents a token with an audience.
    fn check_trust_conditions(&mut self, path: &str, principal: &Principal) {
        let Some(conditions) = &principal.conditions else {
            return;
        };
        let path = path.trim_end_matches(".id");
        let federated = principal.kind == PrincipalKind::Federated;
        let service = principal.kind == PrincipalKind::Service;
        for (field, stated, applies) in [
            (
                "external_id",
                conditions.external_id.is_some(),
                !federated && !service,
            ),
            (
                "organization_id",
                conditions.organization_id.is_some(),
                !federated && !service,
            ),
            (
                "source_account",
                conditions.source_account.is_some(),
                service,
            ),
            ("source_arn", conditions.source_arn.is_some(), service),
            ("audience", conditions.audience.is_some(), federated),
            ("amr", conditions.amr.is_some(), federated),
        ] {
            if stated && !applies {
                self.report(
                    format!("{path}.conditions.{field}"),
                    format!(
                        "`{field}` does not apply to a `{}` trust",
                        principal_kind_name(principal.kind)
                    ),
                    None,
                );
            }
        }
        if let Some(account) = &conditions.source_account {
            let digits = account.len() == 12 && account.bytes().all(|byte| byte.is_ascii_digit());
            if !digits {
                self.reference(
                    format!("{path}.conditions.source_account"),
                    account,
                    Expect::Segment(&[SegmentKind::Account]),
                );
            }
        }
    }

    fn check_actors(&mut self) {
        let design = self.design;
        for (index, actor) in design.actors.iter().enumerate() {
            let path = format!("actors[{index}]");
            if let Some(zone) = &actor.zone {
                self.reference(
                    format!("{path}.zone"),
                    zone,
                    Expect::Segment(&[
                        SegmentKind::Internet,
                        SegmentKind::OnPremises,
                        SegmentKind::PartnerNetwork,
                    ]),
                );
            }
            if actor.service_provider.is_some()
                && !matches!(actor.kind, ActorKind::Partner | ActorKind::ExternalSystem)
            {
                self.report(
                    format!("{path}.service_provider"),
                    format!(
                        "a {} actor is not an outside party, so it cannot be a service provider",
                        actor.kind.as_str()
                    ),
                    Some("make the actor a `partner` or an `external_system`".into()),
                );
            }
            if let Some(identity) = &actor.signs_in_with {
                self.reference(
                    format!("{path}.signs_in_with"),
                    identity,
                    Expect::Identity(&[
                        IdentityKind::CognitoUserPool,
                        IdentityKind::PermissionSet,
                        IdentityKind::IdentityProvider,
                        IdentityKind::IamUser,
                        IdentityKind::IamRole,
                    ]),
                );
            }
        }
    }

    fn check_flows(&mut self) {
        let design = self.design;
        for (index, flow) in design.flows.iter().enumerate() {
            let path = format!("flows[{index}]");
            self.reference(format!("{path}.source"), &flow.source, Expect::FlowEnd);
            self.reference(format!("{path}.target"), &flow.target, Expect::FlowEnd);
            if flow.source == flow.target {
                self.report(
                    format!("{path}.target"),
                    format!("flow `{}` starts and ends at `{}`", flow.id, flow.source),
                    None,
                );
            }
            for (item, via) in flow.via.iter().enumerate() {
                self.reference(format!("{path}.via[{item}]"), via, Expect::AnyComponent);
            }
            match (&flow.auth, &flow.issuer) {
                (Auth::Jwt, Some(issuer)) => {
                    self.reference(
                        format!("{path}.issuer"),
                        issuer,
                        Expect::Identity(&[
                            IdentityKind::CognitoUserPool,
                            IdentityKind::IdentityProvider,
                        ]),
                    );
                }
                (Auth::Jwt, None) => self.report(
                    format!("{path}.auth"),
                    format!(
                        "flow `{}` uses JWT authentication but names no `issuer`",
                        flow.id
                    ),
                    Some("add `issuer:` with the id of the user pool or identity provider".into()),
                ),
                (_, Some(_)) => self.issues.push(Issue {
                    path: format!("{path}.issuer"),
                    message: "`issuer` applies only to `auth: jwt`".into(),
                    help: Some("remove it, or set `auth: jwt`".into()),
                    at_key: true,
                }),
                (_, None) => {}
            }
            if flow.ports.is_empty() && flow.protocol.default_port().is_none() {
                self.report(
                    path.clone(),
                    format!(
                        "flow `{}` uses {} and needs `ports`",
                        flow.id,
                        flow.protocol.label()
                    ),
                    None,
                );
            }
        }
    }

    fn check_layout(&mut self) {
        let design = self.design;
        for id in design.layout.nodes.keys() {
            if !self.elements.contains_key(id.as_str()) {
                self.issues.push(Issue {
                    path: format!("layout.nodes.{id}"),
                    message: format!("layout for `{id}`, which is not an element of the design"),
                    help: Some("remove the entry (saving from the app does so)".into()),
                    at_key: true,
                });
            }
        }
        for id in design.layout.routes.keys() {
            if !matches!(self.elements.get(id.as_str()), Some(ElementRef::Flow(_))) {
                self.issues.push(Issue {
                    path: format!("layout.routes.{id}"),
                    message: format!("route for `{id}`, which is not a flow of the design"),
                    help: Some("remove the entry (saving from the app does so)".into()),
                    at_key: true,
                });
            }
        }
    }

    /// Reports fields that are set but do not apply to the element's kind.
    fn check_fields(
        &mut self,
        path: &str,
        value: Option<serde_json::Value>,
        common: &[&str],
        applicable: &[&str],
        kind: &str,
    ) {
        let Some(serde_json::Value::Object(map)) = value else {
            return;
        };
        for field in map.keys() {
            if !common.contains(&field.as_str()) && !applicable.contains(&field.as_str()) {
                self.not_applicable(format!("{path}.{field}"), field, kind);
            }
        }
    }
}

/// Every element with its document path.
fn element_paths(design: &Design) -> Vec<(String, ElementRef<'_>)> {
    let mut paths = Vec::with_capacity(design.element_count());
    paths.extend(
        design
            .segments
            .iter()
            .enumerate()
            .map(|(i, e)| (format!("segments[{i}]"), ElementRef::Segment(e))),
    );
    paths.extend(
        design
            .components
            .iter()
            .enumerate()
            .map(|(i, e)| (format!("components[{i}]"), ElementRef::Component(e))),
    );
    paths.extend(
        design
            .identities
            .iter()
            .enumerate()
            .map(|(i, e)| (format!("identities[{i}]"), ElementRef::Identity(e))),
    );
    paths.extend(
        design
            .actors
            .iter()
            .enumerate()
            .map(|(i, e)| (format!("actors[{i}]"), ElementRef::Actor(e))),
    );
    paths.extend(
        design
            .flows
            .iter()
            .enumerate()
            .map(|(i, e)| (format!("flows[{i}]"), ElementRef::Flow(e))),
    );
    paths
}

/// Whether an id is well formed.
pub fn is_valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    matches!(chars.next(), Some(first) if first.is_ascii_alphanumeric())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        && id.len() <= 128
}

fn matches_expect(element: &ElementRef<'_>, expect: Expect) -> bool {
    match (expect, element) {
        (Expect::Segment(kinds), ElementRef::Segment(segment)) => kinds.contains(&segment.kind),
        (Expect::Component(kinds), ElementRef::Component(component)) => {
            kinds.contains(&component.kind)
        }
        (Expect::AnyComponent, ElementRef::Component(_)) => true,
        (Expect::Identity(kinds), ElementRef::Identity(identity)) => kinds.contains(&identity.kind),
        (
            Expect::FlowEnd,
            ElementRef::Component(_) | ElementRef::Identity(_) | ElementRef::Actor(_),
        ) => true,
        (Expect::FlowEnd, ElementRef::Segment(segment)) => !segment.kind.is_aws(),
        _ => false,
    }
}

fn describe(expect: Expect) -> String {
    fn list<T>(items: &[T], name: impl Fn(&T) -> &'static str) -> String {
        items.iter().map(name).collect::<Vec<_>>().join(" or ")
    }
    match expect {
        Expect::Segment(kinds) => format!("segment of kind {}", list(kinds, |kind| kind.as_str())),
        Expect::Component(kinds) => {
            format!("component of kind {}", list(kinds, |kind| kind.as_str()))
        }
        Expect::AnyComponent => "component".into(),
        Expect::Identity(kinds) => {
            format!("identity of kind {}", list(kinds, |kind| kind.as_str()))
        }
        Expect::FlowEnd => "component, identity, actor or outside zone".into(),
    }
}

fn describe_element(element: &ElementRef<'_>) -> String {
    match element {
        ElementRef::Segment(segment) => format!("a {} segment", segment.kind.as_str()),
        ElementRef::Component(component) => format!("a {} component", component.kind.as_str()),
        ElementRef::Identity(identity) => format!("a {} identity", identity.kind.as_str()),
        ElementRef::Actor(_) => "an actor".into(),
        ElementRef::Flow(_) => "a flow".into(),
    }
}

/// A principal kind as the file format writes it.
fn principal_kind_name(kind: PrincipalKind) -> String {
    serde_json::to_value(kind)
        .ok()
        .and_then(|value| value.as_str().map(str::to_owned))
        .unwrap_or_default()
}
