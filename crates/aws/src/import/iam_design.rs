//! Turning an [`IamSnapshot`] into a design: the account as a segment, every role, user and
//! group as an identity, and flows inferred from the policies' allowed actions and resources,
//! so that the rule engine judges the real account (wildcards, admins without MFA, old keys,
//! blast radius).
//!
//! Inference rules, in full:
//! - every `Allow` statement's actions are grouped by service; each resource ARN of a service
//!   that has a component kind (S3, DynamoDB, KMS, Secrets Manager, SQS, SNS, Lambda, RDS,
//!   CloudWatch Logs, ECR) becomes one component, and the identity gets one flow to it carrying
//!   those actions (AWS API, HTTPS 443, TLS 1.2, IAM authentication);
//! - a resource of `*` for such a service becomes a component standing for every resource of
//!   that kind in the account (`s3-any`), since that is what the identity can reach;
//! - an action of `*` (or `service:*` on a service without a component kind) reaches every
//!   component the import created, which is what an administrator's blast radius is;
//! - statements of customer-managed policies are copied into the identity's `policies`, with a
//!   `sid` naming the policy, because the design has no place for a managed policy's document;
//!   AWS-managed policies stay as ARNs in `managed_policies`, and their documents still drive
//!   the inferred flows.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;
use zta_model::{
    AccessKey, Auth, Component, ComponentKind, ComponentProperties, Design, Effect,
    FederationProtocol, Flow, Identity, IdentityKind, MfaMode, PolicyStatement, PortRange,
    Principal, PrincipalKind, Protocol, Segment, SegmentKind, Tls, UserActivity,
};

use crate::import::iam::{IamSnapshot, ManagedPolicy, NamedPolicy};

/// The id of the account segment every imported element sits in.
const ACCOUNT_SEGMENT: &str = "account";

/// AWS-managed policies live under this ARN prefix (any partition).
fn is_aws_managed(arn: &str) -> bool {
    arn.split(':').nth(4) == Some("aws")
}

/// Builds the design of an account's IAM.
pub fn design_from_iam(snapshot: &IamSnapshot) -> Design {
    let account_name = snapshot.account_id.as_deref().unwrap_or("unknown account");
    let mut design = Design::new(format!("IAM of account {account_name}"));
    design.description = Some(
        "Imported from a live account by `zta import iam`: identities and the flows their \
         policies allow. Access keys carry dates only."
            .to_owned(),
    );
    design.segments.push(Segment {
        id: ACCOUNT_SEGMENT.to_owned(),
        kind: SegmentKind::Account,
        name: format!("Account {account_name}"),
        parent: None,
        description: None,
        account_id: snapshot.account_id.clone(),
        organization_role: None,
        region: None,
        cidr: None,
        az: None,
        tier: None,
        flow_logs: None,
        logical_id: None,
        suppress: Vec::new(),
    });

    let mut ids = IdAllocator::default();
    let mut builder = FlowBuilder::default();
    let group_ids: BTreeMap<&str, String> = snapshot
        .groups
        .iter()
        .map(|group| (group.name.as_str(), ids.allocate("group", &group.name)))
        .collect();
    let role_ids: BTreeMap<&str, String> = snapshot
        .roles
        .iter()
        .map(|role| (role.arn.as_str(), ids.allocate("role", &role.name)))
        .collect();
    let user_ids: BTreeMap<&str, String> = snapshot
        .users
        .iter()
        .map(|user| (user.arn.as_str(), ids.allocate("user", &user.name)))
        .collect();
    let mut providers: BTreeMap<String, Identity> = BTreeMap::new();

    for group in &snapshot.groups {
        let id = group_ids[group.name.as_str()].clone();
        let mut identity = empty_identity(&id, IdentityKind::IamGroup, &group.name);
        fill_permissions(
            &mut identity,
            &group.inline_policies,
            &group.attached_policies,
            &snapshot.managed_policies,
            &mut builder,
        );
        design.identities.push(identity);
    }
    for role in &snapshot.roles {
        let id = role_ids[role.arn.as_str()].clone();
        let mut identity = empty_identity(&id, IdentityKind::IamRole, &role.name);
        let trust = read_trust(
            &role.trust_policy,
            snapshot.account_id.as_deref(),
            &role_ids,
            &user_ids,
            &mut providers,
            &mut ids,
        );
        identity.trusts = trust.principals;
        // MFA matters for roles people assume; a service role has no second factor to ask.
        if trust.people_may_assume {
            identity.mfa = Some(if trust.requires_mfa {
                MfaMode::Required
            } else {
                MfaMode::Off
            });
        }
        identity.session_duration_seconds = role.max_session_duration;
        identity.permissions_boundary = role.permissions_boundary.clone();
        fill_permissions(
            &mut identity,
            &role.inline_policies,
            &role.attached_policies,
            &snapshot.managed_policies,
            &mut builder,
        );
        design.identities.push(identity);
    }
    for user in &snapshot.users {
        let id = user_ids[user.arn.as_str()].clone();
        let mut identity = empty_identity(&id, IdentityKind::IamUser, &user.name);
        identity.mfa = Some(if user.mfa_devices > 0 {
            MfaMode::Required
        } else {
            MfaMode::Off
        });
        identity.console_access = Some(user.console_access);
        identity.access_keys = user
            .access_keys
            .iter()
            .map(|key| AccessKey {
                created: key.created.clone(),
                last_used: key.last_used.clone(),
                active: key.active,
            })
            .collect();
        // IAM's dates are observations of the day the account was read; the inactivity rule
        // measures up to that day, so the design judges the same tomorrow as today.
        identity.activity = Some(UserActivity {
            as_of: snapshot.read_on.clone(),
            created: user.created.clone(),
            password_last_used: user.password_last_used.clone(),
        });
        identity.groups = user
            .groups
            .iter()
            .filter_map(|group| group_ids.get(group.as_str()).cloned())
            .collect();
        identity.permissions_boundary = user.permissions_boundary.clone();
        fill_permissions(
            &mut identity,
            &user.inline_policies,
            &user.attached_policies,
            &snapshot.managed_policies,
            &mut builder,
        );
        design.identities.push(identity);
    }
    design.identities.extend(providers.into_values());
    let (components, flows) = builder.finish(&mut ids);
    design.components = components;
    design.flows = flows;
    design
}

fn empty_identity(id: &str, kind: IdentityKind, name: &str) -> Identity {
    Identity {
        account: Some(ACCOUNT_SEGMENT.to_owned()),
        ..Identity::new(id, kind, name)
    }
}

/// Puts inline statements and managed policies on the identity, and records the flows that
/// every allowed statement implies.
fn fill_permissions(
    identity: &mut Identity,
    inline: &[NamedPolicy],
    attached: &[String],
    managed: &BTreeMap<String, ManagedPolicy>,
    builder: &mut FlowBuilder,
) {
    for policy in inline {
        for statement in statements(&policy.document, None) {
            builder.record(&identity.id, &statement);
            identity.policies.push(statement);
        }
    }
    for arn in attached {
        let document = managed.get(arn);
        if is_aws_managed(arn) || document.is_none() {
            identity.managed_policies.push(arn.clone());
        }
        let Some(policy) = document else { continue };
        let copy = !is_aws_managed(arn);
        for statement in statements(&policy.document, Some(&policy.name)) {
            builder.record(&identity.id, &statement);
            if copy {
                identity.policies.push(statement);
            }
        }
    }
}

/// The statements of a policy document in the design's shape. `from_managed` names the
/// managed policy they came from, kept in the `sid` so a reader can trace them.
fn statements(document: &Value, from_managed: Option<&str>) -> Vec<PolicyStatement> {
    let list = match document.get("Statement") {
        Some(Value::Array(list)) => list.clone(),
        Some(single @ Value::Object(_)) => vec![single.clone()],
        _ => Vec::new(),
    };
    list.iter()
        .enumerate()
        .map(|(index, statement)| {
            let sid = statement
                .get("Sid")
                .and_then(Value::as_str)
                .map(str::to_owned);
            let sid = match from_managed {
                Some(policy) => Some(format!(
                    "{policy}:{}",
                    sid.unwrap_or_else(|| format!("statement{}", index + 1))
                )),
                None => sid,
            };
            PolicyStatement {
                sid,
                effect: if statement.get("Effect").and_then(Value::as_str) == Some("Deny") {
                    Effect::Deny
                } else {
                    Effect::Allow
                },
                principals: strings(statement.get("Principal")),
                actions: strings(statement.get("Action")),
                resources: strings(statement.get("Resource")),
                conditions: conditions(statement.get("Condition")),
            }
        })
        .collect()
}

/// A string or a list of strings, as IAM writes them; a principal object contributes all its
/// values (`{"AWS": [...], "Service": ...}`).
fn strings(value: Option<&Value>) -> Vec<String> {
    match value {
        Some(Value::String(text)) => vec![text.clone()],
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(|item| item.as_str().map(str::to_owned))
            .collect(),
        Some(Value::Object(map)) => map.values().flat_map(|item| strings(Some(item))).collect(),
        _ => Vec::new(),
    }
}

fn conditions(value: Option<&Value>) -> BTreeMap<String, BTreeMap<String, Vec<String>>> {
    let Some(Value::Object(operators)) = value else {
        return BTreeMap::new();
    };
    operators
        .iter()
        .map(|(operator, keys)| {
            let keys = keys
                .as_object()
                .map(|keys| {
                    keys.iter()
                        .map(|(key, values)| {
                            let values = match values {
                                Value::Array(items) => items.iter().map(scalar_text).collect(),
                                other => vec![scalar_text(other)],
                            };
                            (key.clone(), values)
                        })
                        .collect()
                })
                .unwrap_or_default();
            (operator.clone(), keys)
        })
        .collect()
}

fn scalar_text(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

struct Trust {
    principals: Vec<Principal>,
    people_may_assume: bool,
    requires_mfa: bool,
}

fn read_trust(
    document: &Value,
    account_id: Option<&str>,
    role_ids: &BTreeMap<&str, String>,
    user_ids: &BTreeMap<&str, String>,
    providers: &mut BTreeMap<String, Identity>,
    ids: &mut IdAllocator,
) -> Trust {
    let mut trust = Trust {
        principals: Vec::new(),
        people_may_assume: false,
        requires_mfa: true,
    };
    let list = match document.get("Statement") {
        Some(Value::Array(list)) => list.clone(),
        Some(single @ Value::Object(_)) => vec![single.clone()],
        _ => Vec::new(),
    };
    for statement in list {
        if statement.get("Effect").and_then(Value::as_str) != Some("Allow") {
            continue;
        }
        let principal = statement.get("Principal");
        let mut statement_has_people = false;
        if let Some(Value::String(star)) = principal
            && star == "*"
        {
            trust
                .principals
                .push(Principal::new(PrincipalKind::ExternalAccount, "*"));
            statement_has_people = true;
        }
        for service in strings(principal.and_then(|p| p.get("Service"))) {
            trust
                .principals
                .push(Principal::new(PrincipalKind::Service, service));
        }
        for arn in strings(principal.and_then(|p| p.get("AWS"))) {
            statement_has_people = true;
            trust
                .principals
                .push(aws_principal(&arn, account_id, role_ids, user_ids));
        }
        for arn in strings(principal.and_then(|p| p.get("Federated"))) {
            statement_has_people = true;
            let id = providers
                .entry(arn.clone())
                .or_insert_with(|| provider_identity(&arn, ids))
                .id
                .clone();
            trust
                .principals
                .push(Principal::new(PrincipalKind::Federated, id));
        }
        if statement_has_people {
            trust.people_may_assume = true;
            let condition = statement
                .get("Condition")
                .map(|c| c.to_string())
                .unwrap_or_default();
            if !condition.contains("aws:MultiFactorAuthPresent") {
                trust.requires_mfa = false;
            }
        }
    }
    trust.principals.dedup();
    trust
}

fn aws_principal(
    arn: &str,
    account_id: Option<&str>,
    role_ids: &BTreeMap<&str, String>,
    user_ids: &BTreeMap<&str, String>,
) -> Principal {
    if let Some(id) = role_ids.get(arn).or_else(|| user_ids.get(arn)) {
        return Principal::new(PrincipalKind::Identity, id.clone());
    }
    if arn == "*" {
        return Principal::new(PrincipalKind::ExternalAccount, "*".to_owned());
    }
    // `123456789012` or `arn:aws:iam::123456789012:root` (or any principal of that account).
    let principal_account = if arn.chars().all(|c| c.is_ascii_digit()) {
        arn.to_owned()
    } else {
        arn.split(':').nth(4).unwrap_or_default().to_owned()
    };
    if Some(principal_account.as_str()) == account_id {
        Principal::new(PrincipalKind::Account, ACCOUNT_SEGMENT.to_owned())
    } else {
        Principal::new(PrincipalKind::ExternalAccount, principal_account)
    }
}

fn provider_identity(arn: &str, ids: &mut IdAllocator) -> Identity {
    let name = arn.rsplit('/').next().unwrap_or(arn);
    let protocol = if arn.contains(":saml-provider/") {
        FederationProtocol::Saml
    } else {
        FederationProtocol::Oidc
    };
    let mut identity = empty_identity(
        &ids.allocate("idp", name),
        IdentityKind::IdentityProvider,
        name,
    );
    identity.account = None;
    identity.protocol = Some(protocol);
    identity.issuer = Some(arn.to_owned());
    identity
}

/// Hands out ids that the design accepts (`[a-z0-9][a-z0-9._-]*`), unique across the design.
#[derive(Default)]
struct IdAllocator {
    used: BTreeSet<String>,
}

impl IdAllocator {
    fn allocate(&mut self, prefix: &str, name: &str) -> String {
        let slug: String = name
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() {
                    c.to_ascii_lowercase()
                } else {
                    '-'
                }
            })
            .collect();
        let slug = slug.trim_matches('-');
        let mut base = format!("{prefix}-{slug}");
        base.truncate(120);
        let mut id = base.clone();
        let mut counter = 2;
        while self.used.contains(&id) {
            id = format!("{base}-{counter}");
            counter += 1;
        }
        self.used.insert(id.clone());
        id
    }
}

/// Collects (identity, target) pairs with their actions, then makes components and flows.
#[derive(Default)]
struct FlowBuilder {
    /// Per identity and target, the allowed actions.
    reach: BTreeMap<(String, TargetKey), BTreeSet<String>>,
    /// Identities with an action of `*`, which reach every component.
    everything: BTreeMap<String, BTreeSet<String>>,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct TargetKey {
    service: String,
    /// The resource's name, or `*` for every resource of the service.
    resource: String,
}

impl FlowBuilder {
    fn record(&mut self, identity: &str, statement: &PolicyStatement) {
        if statement.effect != Effect::Allow {
            return;
        }
        let mut by_service: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for action in &statement.actions {
            let service = action
                .split(':')
                .next()
                .unwrap_or(action)
                .to_ascii_lowercase();
            by_service
                .entry(service)
                .or_default()
                .insert(action.clone());
        }
        for (service, actions) in by_service {
            if service == "*" || component_kind(&service).is_none() {
                if service == "*" || actions.iter().any(|action| action.ends_with(":*")) {
                    self.everything
                        .entry(identity.to_owned())
                        .or_default()
                        .extend(actions);
                }
                continue;
            }
            for resource in &statement.resources {
                let Some(resource) = resource_name(&service, resource) else {
                    continue;
                };
                self.reach
                    .entry((
                        identity.to_owned(),
                        TargetKey {
                            service: service.clone(),
                            resource,
                        },
                    ))
                    .or_default()
                    .extend(actions.iter().cloned());
            }
        }
    }

    fn finish(self, ids: &mut IdAllocator) -> (Vec<Component>, Vec<Flow>) {
        let mut component_ids: BTreeMap<TargetKey, String> = BTreeMap::new();
        let mut components = Vec::new();
        for (_, target) in self.reach.keys() {
            if component_ids.contains_key(target) {
                continue;
            }
            let kind = component_kind(&target.service).expect("only mapped services are recorded");
            let (id, name) = if target.resource == "*" {
                (
                    ids.allocate(&target.service, "any"),
                    format!("every {} resource (*)", target.service),
                )
            } else {
                (
                    ids.allocate(&target.service, &target.resource),
                    target.resource.clone(),
                )
            };
            components.push(Component {
                id: id.clone(),
                kind,
                name,
                segment: ACCOUNT_SEGMENT.to_owned(),
                description: Some("Reached by an imported IAM policy.".to_owned()),
                identity: None,
                stores: Vec::new(),
                encryption_key: None,
                properties: ComponentProperties::default(),
                tags: BTreeMap::new(),
                logical_id: None,
                suppress: Vec::new(),
                not_known: Vec::new(),
            });
            component_ids.insert(target.clone(), id);
        }
        let mut flows: BTreeMap<(String, String), BTreeSet<String>> = BTreeMap::new();
        for ((identity, target), actions) in self.reach {
            flows
                .entry((identity, component_ids[&target].clone()))
                .or_default()
                .extend(actions);
        }
        for (identity, actions) in self.everything {
            for component in &components {
                flows
                    .entry((identity.clone(), component.id.clone()))
                    .or_default()
                    .extend(actions.iter().cloned());
            }
        }
        let flows = flows
            .into_iter()
            .map(|((source, target), actions)| Flow {
                id: ids.allocate("flow", &format!("{source}-to-{target}")),
                source,
                target,
                name: None,
                description: Some("Allowed by the identity's IAM policies.".to_owned()),
                protocol: Protocol::AwsApi,
                ports: vec![PortRange::single(443)],
                tls: Tls::Tls12,
                auth: Auth::Iam,
                issuer: None,
                data: Vec::new(),
                actions: actions.into_iter().collect(),
                via: Vec::new(),
                suppress: Vec::new(),
            })
            .collect();
        (components, flows)
    }
}

/// The component kind a service's resources become, for the services that have one.
fn component_kind(service: &str) -> Option<ComponentKind> {
    Some(match service {
        "s3" => ComponentKind::S3Bucket,
        "dynamodb" => ComponentKind::DynamodbTable,
        "kms" => ComponentKind::KmsKey,
        "secretsmanager" => ComponentKind::Secret,
        "sqs" => ComponentKind::SqsQueue,
        "sns" => ComponentKind::SnsTopic,
        "lambda" => ComponentKind::LambdaFunction,
        "rds" | "rds-db" => ComponentKind::Rds,
        "logs" => ComponentKind::LogGroup,
        "ecr" => ComponentKind::EcrRepository,
        "kinesis" => ComponentKind::KinesisStream,
        _ => return None,
    })
}

/// The resource a statement's ARN names, as one component per bucket, table, key...; `*`
/// (or a wildcard across the service's resources) stays `*`. ARNs of another service are
/// skipped: a statement can mix services, and each action reaches only its own.
fn resource_name(service: &str, resource: &str) -> Option<String> {
    if resource == "*" {
        return Some("*".to_owned());
    }
    let parts: Vec<&str> = resource.splitn(6, ':').collect();
    if parts.len() < 6 || parts[0] != "arn" {
        return None;
    }
    let arn_service = parts[2];
    let same_service = arn_service == service || (service == "rds" && arn_service == "rds-db");
    if !same_service {
        return None;
    }
    let path = parts[5];
    let name = match service {
        // arn:aws:s3:::bucket/key → the bucket.
        "s3" => path.split('/').next().unwrap_or(path),
        // arn:aws:dynamodb:r:a:table/orders/index/x → orders, arn:aws:kinesis:r:a:stream/clicks
        // → clicks; sqs and sns name the resource.
        "dynamodb" | "kms" | "lambda" | "ecr" | "kinesis" => {
            path.split(['/', ':']).nth(1).unwrap_or(path)
        }
        // arn:aws:secretsmanager:r:a:secret:name-AbCdEf, arn:aws:logs:r:a:log-group:name:*
        "secretsmanager" | "logs" | "rds" | "rds-db" => path.split(':').nth(1).unwrap_or(path),
        _ => path,
    };
    if name.is_empty() || name == "*" {
        return Some("*".to_owned());
    }
    Some(name.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resource_names_follow_each_services_arn_shape() {
        assert_eq!(
            resource_name("s3", "arn:aws:s3:::orders/*").as_deref(),
            Some("orders")
        );
        assert_eq!(
            resource_name(
                "dynamodb",
                "arn:aws:dynamodb:eu-west-1:1:table/orders/index/by-day"
            )
            .as_deref(),
            Some("orders")
        );
        assert_eq!(
            resource_name(
                "secretsmanager",
                "arn:aws:secretsmanager:eu-west-1:1:secret:db-AbC"
            )
            .as_deref(),
            Some("db-AbC")
        );
        assert_eq!(
            resource_name("sqs", "arn:aws:sqs:eu-west-1:1:jobs").as_deref(),
            Some("jobs")
        );
        assert_eq!(resource_name("s3", "*").as_deref(), Some("*"));
        assert_eq!(resource_name("s3", "arn:aws:sqs:eu-west-1:1:jobs"), None);
    }

    #[test]
    fn ids_are_slugs_and_unique() {
        let mut ids = IdAllocator::default();
        assert_eq!(
            ids.allocate("user", "Alice.Smith@corp"),
            "user-alice-smith-corp"
        );
        assert_eq!(
            ids.allocate("user", "alice+smith@corp"),
            "user-alice-smith-corp-2"
        );
    }
}
