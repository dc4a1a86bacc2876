//! Identities: IAM roles (with a statement per flow carrying exactly the flow's actions on the
//! target's ARN), users and groups, Cognito user pools with MFA, IAM Identity Center permission
//! sets and their assignments, and identity providers.

use std::collections::HashMap;

use zta_model::{
    Component, ComponentKind, Effect, FederationProtocol, Flow, Identity, IdentityKind, MfaMode,
    PolicyStatement, PrincipalKind,
};

use super::builder::{Builder, Group, RoleStatement};
use super::support::{inline_policy, policy_document, service_principal};
use crate::template::{Output, Parameter, Resource};
use crate::value::Value;

pub(crate) fn generate(b: &mut Builder<'_>) {
    // The flows each role makes calls for, found once rather than per role.
    let mut calls: HashMap<&str, Vec<&Flow>> = HashMap::new();
    for flow in b
        .design
        .flows
        .iter()
        .filter(|flow| !flow.actions.is_empty())
    {
        if let Some(role) = caller_role(b, flow) {
            calls.entry(role.id.as_str()).or_default().push(flow);
        }
    }
    for identity in &b.design.identities {
        match identity.kind {
            IdentityKind::IamRole => role(
                b,
                identity,
                calls.get(identity.id.as_str()).map_or(&[], Vec::as_slice),
            ),
            IdentityKind::IamUser => user(b, identity),
            IdentityKind::IamGroup => group(b, identity),
            IdentityKind::CognitoUserPool => user_pool(b, identity),
            IdentityKind::PermissionSet => permission_set(b, identity),
            IdentityKind::IdentityProvider => identity_provider(b, identity),
        }
    }
}

/// Model statements as IAM JSON; resources that name design elements become their ARNs.
pub(crate) fn statements(
    b: &mut Builder<'_>,
    unit: &str,
    statements: &[PolicyStatement],
    resource_policy: bool,
) -> Vec<Value> {
    statements
        .iter()
        .map(|statement| {
            let mut map = crate::value::Map::default();
            if let Some(sid) = &statement.sid {
                map.insert("Sid".into(), Value::string(sid));
            }
            let effect = match statement.effect {
                Effect::Allow => "Allow",
                Effect::Deny => "Deny",
            };
            map.insert("Effect".into(), Value::string(effect));
            if resource_policy || !statement.principals.is_empty() {
                map.insert(
                    "Principal".into(),
                    principal(b, unit, &statement.principals),
                );
            }
            map.insert(
                "Action".into(),
                Value::list(statement.actions.iter().map(Value::string)),
            );
            let resources: Vec<Value> = if statement.resources.is_empty() {
                vec![Value::string("*")]
            } else {
                statement
                    .resources
                    .iter()
                    .map(|r| resource_arn(b, unit, r))
                    .collect()
            };
            map.insert("Resource".into(), Value::list(resources));
            if !statement.conditions.is_empty() {
                let conditions = statement.conditions.iter().map(|(operator, keys)| {
                    let keys = keys.iter().map(|(key, values)| {
                        (
                            key.clone(),
                            Value::list(values.iter().map(|value| b.design_text(value))),
                        )
                    });
                    (operator.clone(), Value::map(keys))
                });
                map.insert("Condition".into(), Value::map(conditions));
            }
            Value::from(map)
        })
        .collect()
}

/// The name of the inline policy that holds the statements an identity's design states, apart
/// from what the export derives from flows ([`super::support::FLOW_POLICY_NAME`]).
const STATED_POLICY_NAME: &str = "design-policy";

/// The kinds of principal IAM knows, as an import writes them before the principal
/// (`Service:logs.amazonaws.com`); a principal without one is an AWS principal.
const PRINCIPAL_KINDS: [&str; 4] = ["AWS", "Service", "Federated", "CanonicalUser"];

/// The `Principal` of a statement: `*` for anyone, else the principals by kind.
fn principal(b: &mut Builder<'_>, unit: &str, principals: &[String]) -> Value {
    if principals.is_empty() || principals.iter().all(|p| p == "*") {
        return Value::string("*");
    }
    let mut by_kind: Vec<(&str, Vec<Value>)> = Vec::new();
    for written in principals {
        let (kind, principal) = PRINCIPAL_KINDS
            .iter()
            .find_map(|kind| {
                written
                    .strip_prefix(kind)
                    .and_then(|rest| rest.strip_prefix(':'))
                    .map(|rest| (*kind, rest))
            })
            .unwrap_or(("AWS", written.as_str()));
        let value = match kind {
            "AWS" => principal_arn(b, unit, principal),
            _ => b.design_text(principal),
        };
        match by_kind.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, values)) => values.push(value),
            None => by_kind.push((kind, vec![value])),
        }
    }
    Value::map(
        by_kind
            .into_iter()
            .map(|(kind, values)| (kind, Value::list(values))),
    )
}

/// An AWS principal written in a model statement: an identity id, an account id, `*`, or an
/// ARN.
fn principal_arn(b: &mut Builder<'_>, unit: &str, principal: &str) -> Value {
    if principal == "*" {
        return Value::string("*");
    }
    if b.identity(principal).is_some() {
        return b.role_arn(unit, principal);
    }
    if principal.len() == 12 && principal.chars().all(|c| c.is_ascii_digit()) {
        return Value::arn(format!("iam::{principal}:root"));
    }
    if let Some(account) = b.segment(principal).and_then(|s| s.account_id.clone()) {
        return Value::arn(format!("iam::{account}:root"));
    }
    b.design_text(principal)
}

/// A resource written in a model statement: a design element id, or an ARN.
fn resource_arn(b: &mut Builder<'_>, unit: &str, resource: &str) -> Value {
    if let Some(component) = b.component(resource) {
        return target_arns(b, unit, component, &[])
            .into_iter()
            .next()
            .unwrap_or_else(|| Value::string("*"));
    }
    if b.identity(resource).is_some() {
        return b.role_arn(unit, resource);
    }
    b.design_text(resource)
}

/// The account part of ARNs of resources in `target_unit`, seen from `unit`.
fn account_of(b: &Builder<'_>, unit: &str, target_unit: &str) -> String {
    if unit == target_unit {
        return "${AWS::AccountId}".into();
    }
    b.segment(target_unit)
        .and_then(|s| s.account_id.clone())
        .unwrap_or_else(|| "${AWS::AccountId}".into())
}

/// Whether an S3 action acts on objects (and so on `bucket/*`) rather than on the bucket.
fn is_object_action(action: &str) -> bool {
    let name = action.strip_prefix("s3:").unwrap_or(action);
    name.contains("Object")
        || name.starts_with("AbortMultipartUpload")
        || name.starts_with("ListMultipartUploadParts")
        || name == "*"
}

/// The ARNs a flow's actions act on, for a target component; one ARN per resource level.
pub(crate) fn target_arns(
    b: &mut Builder<'_>,
    unit: &str,
    target: &Component,
    actions: &[String],
) -> Vec<Value> {
    let target_unit = b.unit_of_component(target);
    let main = b.logical_id(&target.id);
    let account = account_of(b, unit, &target_unit);
    let with_ref = |b: &mut Builder<'_>, text: String, attribute: Option<&str>| {
        let value = b.reference(unit, &target_unit, &main, attribute);
        Value::sub_with(text, [("Target", value)])
    };
    match target.kind {
        ComponentKind::S3Bucket => {
            let bucket = b.reference(unit, &target_unit, &main, None);
            let objects = actions.is_empty() || actions.iter().any(|a| is_object_action(a));
            let bucket_level = actions.is_empty() || actions.iter().any(|a| !is_object_action(a));
            let mut arns = Vec::new();
            if bucket_level {
                arns.push(Value::sub_with(
                    "arn:${AWS::Partition}:s3:::${Target}",
                    [("Target", bucket.clone())],
                ));
            }
            if objects {
                arns.push(Value::sub_with(
                    "arn:${AWS::Partition}:s3:::${Target}/*",
                    [("Target", bucket)],
                ));
            }
            arns
        }
        ComponentKind::Rds if actions.iter().all(|a| a.starts_with("rds-db:")) => {
            let resource_id = b.reference(unit, &target_unit, &main, Some("DbiResourceId"));
            vec![Value::sub_with(
                format!(
                    "arn:${{AWS::Partition}}:rds-db:${{AWS::Region}}:{account}:dbuser:${{Target}}/*"
                ),
                [("Target", resource_id)],
            )]
        }
        ComponentKind::Rds => vec![with_ref(
            b,
            format!("arn:${{AWS::Partition}}:rds:${{AWS::Region}}:{account}:db:${{Target}}"),
            None,
        )],
        ComponentKind::Elasticache => vec![with_ref(
            b,
            format!(
                "arn:${{AWS::Partition}}:elasticache:${{AWS::Region}}:{account}:replicationgroup:${{Target}}"
            ),
            None,
        )],
        ComponentKind::ApiGateway => vec![with_ref(
            b,
            format!("arn:${{AWS::Partition}}:execute-api:${{AWS::Region}}:{account}:${{Target}}/*"),
            None,
        )],
        ComponentKind::DynamodbTable
        | ComponentKind::KmsKey
        | ComponentKind::SqsQueue
        | ComponentKind::LogGroup
        | ComponentKind::EcrRepository
        | ComponentKind::LambdaFunction
        | ComponentKind::EksCluster
        | ComponentKind::Cloudtrail => {
            vec![b.reference(unit, &target_unit, &main, Some("Arn"))]
        }
        ComponentKind::SnsTopic
        | ComponentKind::Secret
        | ComponentKind::Alb
        | ComponentKind::Nlb
        | ComponentKind::EcsService => {
            vec![b.reference(unit, &target_unit, &main, None)]
        }
        // Session Manager channels, Security Hub imports and the other account-wide services
        // take no resource-level permissions: their actions apply to `*`.
        _ => vec![Value::string("*")],
    }
}

/// The identity whose role makes a flow's calls, if the flow's source runs as a role.
pub(crate) fn caller_role<'d>(b: &Builder<'d>, flow: &Flow) -> Option<&'d Identity> {
    let id = if let Some(component) = b.component(&flow.source) {
        component.identity.clone()?
    } else if let Some(actor) = b.actor(&flow.source) {
        actor.signs_in_with.clone()?
    } else {
        flow.source.clone()
    };
    b.identity(&id)
        .filter(|identity| identity.kind == IdentityKind::IamRole)
}

/// One statement per flow the role makes calls for, with exactly the flow's actions on its
/// target.
fn flow_statements(b: &mut Builder<'_>, unit: &str, flows: &[&Flow]) -> Vec<Value> {
    let mut statements = Vec::new();
    for flow in flows {
        let mut actions = flow.actions.clone();
        actions.sort();
        actions.dedup();
        let groups: Vec<(Vec<String>, Vec<Value>)> = if let Some(target) = b.component(&flow.target)
        {
            if target.kind == ComponentKind::S3Bucket {
                let (objects, buckets): (Vec<String>, Vec<String>) =
                    actions.iter().cloned().partition(|a| is_object_action(a));
                let mut groups = Vec::new();
                if !buckets.is_empty() {
                    let arns = target_arns(b, unit, target, &buckets);
                    groups.push((buckets, arns));
                }
                if !objects.is_empty() {
                    let arns = target_arns(b, unit, target, &objects);
                    groups.push((objects, arns));
                }
                groups
            } else {
                let arns = target_arns(b, unit, target, &actions);
                vec![(actions, arns)]
            }
        } else if b.identity(&flow.target).is_some() {
            let arn = b.role_arn(unit, &flow.target);
            vec![(actions, vec![arn])]
        } else {
            vec![(actions, vec![Value::string("*")])]
        };
        let count = groups.len();
        for (index, (actions, resources)) in groups.into_iter().enumerate() {
            let mut sid = b.logical_id(&flow.id);
            if count > 1 {
                sid.push_str(if index == 0 { "Bucket" } else { "Objects" });
            }
            statements.push(Value::map([
                ("Sid", Value::string(sid)),
                ("Effect", Value::string("Allow")),
                (
                    "Action",
                    Value::list(actions.into_iter().map(Value::string)),
                ),
                ("Resource", Value::list(resources)),
            ]));
        }
    }
    statements
}

fn trust_statements(b: &mut Builder<'_>, unit: &str, identity: &Identity) -> Vec<Value> {
    let mut statements = Vec::new();
    let mfa = identity.mfa == Some(MfaMode::Required);
    for (index, principal) in identity.trusts.iter().enumerate() {
        let (principal_value, action, human) = match principal.kind {
            PrincipalKind::Service => (service_principal(&principal.id), "sts:AssumeRole", false),
            PrincipalKind::Identity => {
                let arn = b.role_arn(unit, &principal.id);
                (Value::map([("AWS", arn)]), "sts:AssumeRole", true)
            }
            PrincipalKind::Actor => {
                let Some(signs_in) = b.actor(&principal.id).and_then(|a| a.signs_in_with.clone())
                else {
                    continue;
                };
                let arn = b.role_arn(unit, &signs_in);
                (Value::map([("AWS", arn)]), "sts:AssumeRole", true)
            }
            PrincipalKind::Account => {
                let account = account_of(b, unit, &b.unit_of_segment(&principal.id));
                (
                    Value::map([(
                        "AWS",
                        Value::sub(format!("arn:${{AWS::Partition}}:iam::{account}:root")),
                    )]),
                    "sts:AssumeRole",
                    true,
                )
            }
            PrincipalKind::ExternalAccount if principal.id == "*" => (
                Value::map([("AWS", Value::string("*"))]),
                "sts:AssumeRole",
                true,
            ),
            PrincipalKind::ExternalAccount => (
                Value::map([("AWS", Value::arn(format!("iam::{}:root", principal.id)))]),
                "sts:AssumeRole",
                true,
            ),
            PrincipalKind::Federated => match b
                .identity(&principal.id)
                .map(|i| (i.kind, i.protocol))
            {
                Some((IdentityKind::CognitoUserPool, _)) => (
                    Value::map([("Federated", Value::string("cognito-identity.amazonaws.com"))]),
                    "sts:AssumeRoleWithWebIdentity",
                    false,
                ),
                Some((_, Some(FederationProtocol::Saml))) => (
                    Value::map([("Federated", Value::reference(b.logical_id(&principal.id)))]),
                    "sts:AssumeRoleWithSAML",
                    false,
                ),
                _ => (
                    Value::map([("Federated", Value::reference(b.logical_id(&principal.id)))]),
                    "sts:AssumeRoleWithWebIdentity",
                    false,
                ),
            },
        };
        let mut statement = crate::value::Map::default();
        statement.insert("Sid".into(), Value::string(format!("Trust{}", index + 1)));
        statement.insert("Effect".into(), Value::string("Allow"));
        statement.insert("Principal".into(), principal_value);
        statement.insert("Action".into(), Value::string(action));
        if human && mfa {
            statement.insert(
                "Condition".into(),
                Value::map([(
                    "Bool",
                    Value::map([("aws:MultiFactorAuthPresent", Value::string("true"))]),
                )]),
            );
        }
        if action == "sts:AssumeRoleWithSAML" {
            statement.insert(
                "Condition".into(),
                Value::map([(
                    "StringEquals",
                    Value::map([(
                        "SAML:aud",
                        Value::string("https://signin.aws.amazon.com/saml"),
                    )]),
                )]),
            );
        }
        statements.push(Value::from(statement));
    }
    statements
}

/// A role's description: its name where IAM accepts it (Latin-1 text), else its id.
fn role_description(identity: &Identity) -> &str {
    let latin1 = |c: char| matches!(c, '\t' | '\n' | '\r' | ' '..='~' | '\u{a1}'..='\u{ff}');
    if identity.name.chars().all(latin1) {
        &identity.name
    } else {
        &identity.id
    }
}

fn role(b: &mut Builder<'_>, identity: &Identity, calls: &[&Flow]) {
    let unit = b.unit_of_identity(identity);
    let mut trust = trust_statements(b, &unit, identity);
    if trust.is_empty() {
        // A role nobody may assume is still valid; IAM needs one statement, so the account
        // itself is trusted, which lets no one in until an IAM policy says so.
        trust.push(Value::map([
            ("Effect", Value::string("Allow")),
            (
                "Principal",
                Value::map([(
                    "AWS",
                    Value::sub("arn:${AWS::Partition}:iam::${AWS::AccountId}:root"),
                )]),
            ),
            ("Action", Value::string("sts:AssumeRole")),
        ]));
    }
    let mut resource = Resource::new("AWS::IAM::Role")
        .with_property("Description", role_description(identity).to_owned())
        .with_property("AssumeRolePolicyDocument", policy_document(trust));
    if let Some(seconds) = identity.session_duration_seconds {
        resource = resource.with_property("MaxSessionDuration", seconds.clamp(3600, 43200));
    }
    let extras = b.role_extras.remove(&identity.id).unwrap_or_default();
    let mut managed: Vec<Value> = identity
        .managed_policies
        .iter()
        .map(|a| b.design_text(a))
        .collect();
    for extra in extras.managed_policies {
        if !managed.contains(&extra) {
            managed.push(extra);
        }
    }
    if !managed.is_empty() {
        resource = resource.with_property("ManagedPolicyArns", Value::list(managed));
    }
    if let Some(boundary) = &identity.permissions_boundary {
        resource = resource.with_property("PermissionsBoundary", resource_arn(b, &unit, boundary));
    }
    let stated = statements(b, &unit, &identity.policies, false);
    let mut derived = flow_statements(b, &unit, calls);
    derived.extend(extras.statements.iter().map(RoleStatement::to_value));
    b.put(
        &unit,
        b.logical_id(&identity.id),
        &identity.id,
        Group::Security,
        resource,
    );
    // The permissions are resources of their own rather than the role's inline policies: a key
    // policy names the role, the bucket uses the key, and the permissions name the bucket, so
    // the role must exist before the key and its permissions after the bucket. What the design
    // states and what the export derives from flows and components are two policies, so that
    // an import of the template tells them apart.
    for (role, name, statements) in [
        ("Policy", STATED_POLICY_NAME, stated),
        ("Permissions", super::support::FLOW_POLICY_NAME, derived),
    ] {
        if statements.is_empty() {
            continue;
        }
        b.put(
            &unit,
            b.logical_id_for(&identity.id, role),
            &identity.id,
            Group::Security,
            Resource::new("AWS::IAM::RolePolicy")
                .with_property("RoleName", Value::reference(b.logical_id(&identity.id)))
                .with_property("PolicyName", name)
                .with_property("PolicyDocument", policy_document(statements)),
        );
    }
}

fn user(b: &mut Builder<'_>, identity: &Identity) {
    let unit = b.unit_of_identity(identity);
    let mut resource = Resource::new("AWS::IAM::User");
    if !identity.managed_policies.is_empty() {
        resource = resource.with_property(
            "ManagedPolicyArns",
            Value::list(identity.managed_policies.iter().map(|a| b.design_text(a))),
        );
    }
    if !identity.groups.is_empty() {
        resource = resource.with_property(
            "Groups",
            Value::list(
                identity
                    .groups
                    .iter()
                    .map(|g| Value::reference(b.logical_id(g))),
            ),
        );
    }
    if let Some(boundary) = &identity.permissions_boundary {
        resource = resource.with_property("PermissionsBoundary", resource_arn(b, &unit, boundary));
    }
    resource = with_stated_policy(b, &unit, identity, resource);
    b.put(
        &unit,
        b.logical_id(&identity.id),
        &identity.id,
        Group::Security,
        resource,
    );
    if identity.console_access == Some(true) {
        b.manual_step(
            &identity.id,
            &unit,
            "Set the IAM user's console password",
            format!("A password never goes into a template: create the console password of `{}` with aws iam create-login-profile --password-reset-required, and enrol an MFA device.", identity.id),
        );
    }
}

/// Gives a user or group the policies its identity states, as one inline policy.
fn with_stated_policy(
    b: &mut Builder<'_>,
    unit: &str,
    identity: &Identity,
    resource: Resource,
) -> Resource {
    let permissions = statements(b, unit, &identity.policies, false);
    if permissions.is_empty() {
        resource
    } else {
        resource.with_property(
            "Policies",
            inline_policy(STATED_POLICY_NAME, policy_document(permissions)),
        )
    }
}

fn group(b: &mut Builder<'_>, identity: &Identity) {
    let unit = b.unit_of_identity(identity);
    let mut resource = Resource::new("AWS::IAM::Group");
    if !identity.managed_policies.is_empty() {
        resource = resource.with_property(
            "ManagedPolicyArns",
            Value::list(identity.managed_policies.iter().map(|a| b.design_text(a))),
        );
    }
    resource = with_stated_policy(b, &unit, identity, resource);
    b.put(
        &unit,
        b.logical_id(&identity.id),
        &identity.id,
        Group::Security,
        resource,
    );
}

fn user_pool(b: &mut Builder<'_>, identity: &Identity) {
    let unit = b.unit_of_identity(identity);
    let pool = b.logical_id(&identity.id);
    let mfa = match identity.mfa.unwrap_or(MfaMode::Required) {
        MfaMode::Required => "ON",
        MfaMode::Optional => "OPTIONAL",
        MfaMode::Off => "OFF",
    };
    let mut resource = Resource::new("AWS::Cognito::UserPool")
        .with_property(
            "UserPoolName",
            Value::sub(format!("${{AWS::StackName}}-{}", identity.id)),
        )
        .with_property("MfaConfiguration", mfa)
        .with_property("UsernameAttributes", Value::list([Value::string("email")]))
        .with_property(
            "AutoVerifiedAttributes",
            Value::list([Value::string("email")]),
        )
        .with_property("DeletionProtection", "ACTIVE")
        .with_property(
            "Policies",
            Value::map([(
                "PasswordPolicy",
                Value::map([
                    ("MinimumLength", Value::from(14_u32)),
                    ("RequireLowercase", Value::from(true)),
                    ("RequireUppercase", Value::from(true)),
                    ("RequireNumbers", Value::from(true)),
                    ("RequireSymbols", Value::from(true)),
                    ("TemporaryPasswordValidityDays", Value::from(1_u32)),
                ]),
            )]),
        )
        .with_property(
            "AdminCreateUserConfig",
            Value::map([("AllowAdminCreateUserOnly", Value::from(false))]),
        )
        .with_property(
            "AccountRecoverySetting",
            Value::map([(
                "RecoveryMechanisms",
                Value::list([Value::map([
                    ("Name", Value::string("verified_email")),
                    ("Priority", Value::from(1_u32)),
                ])]),
            )]),
        );
    if mfa != "OFF" {
        // MFA ON without EnabledMfas fails at deployment, and cfn-lint does not say so.
        resource = resource.with_property(
            "EnabledMfas",
            Value::list([Value::string("SOFTWARE_TOKEN_MFA")]),
        );
    }
    super::support::stateful(&mut resource, "Retain");
    b.put(&unit, pool.clone(), &identity.id, Group::Security, resource);
    let mut providers = vec![Value::string("COGNITO")];
    let mut provider_ids = Vec::new();
    for federated in &identity.federation {
        let Some(idp) = b.identity(federated) else {
            continue;
        };
        let name = b.logical_id(federated);
        let (provider_type, details) = match idp.protocol {
            Some(FederationProtocol::Saml) => (
                "SAML",
                Value::map([(
                    "MetadataURL",
                    Value::string(idp.issuer.clone().unwrap_or_default()),
                )]),
            ),
            _ => (
                "OIDC",
                Value::map([
                    (
                        "client_id",
                        b.parameter(
                            &unit,
                            &b.logical_id_for(federated, "ClientId"),
                            Parameter::new("String").with(
                                "Description",
                                format!(
                                    "The client id the design's user pool `{}` has at `{}`.",
                                    identity.id, federated
                                ),
                            ),
                        ),
                    ),
                    (
                        "client_secret",
                        Value::string(format!(
                            "{{{{resolve:secretsmanager:zta/{federated}/client-secret}}}}"
                        )),
                    ),
                    ("authorize_scopes", Value::string("openid email")),
                    (
                        "oidc_issuer",
                        Value::string(idp.issuer.clone().unwrap_or_default()),
                    ),
                    ("attributes_request_method", Value::string("GET")),
                ]),
            ),
        };
        if provider_type == "OIDC" {
            b.manual_step(
                federated,
                &unit,
                "Store the identity provider's client secret",
                format!("Before deploying, store the client secret that `{federated}` issued in Secrets Manager as zta/{federated}/client-secret; the user pool reads it through a dynamic reference, so it never enters the template."),
            );
        }
        let provider_logical = b.logical_id_for(&identity.id, &name);
        b.put(
            &unit,
            provider_logical.clone(),
            federated,
            Group::Security,
            Resource::new("AWS::Cognito::UserPoolIdentityProvider")
                .with_property("UserPoolId", Value::reference(&pool))
                .with_property("ProviderName", name.clone())
                .with_property("ProviderType", provider_type)
                .with_property("ProviderDetails", details)
                .with_property(
                    "AttributeMapping",
                    Value::map([("email", Value::string("email"))]),
                ),
        );
        providers.push(Value::string(name));
        provider_ids.push(provider_logical);
    }
    let minutes = identity.token_validity_minutes.unwrap_or(60).clamp(5, 1440);
    let mut client = Resource::new("AWS::Cognito::UserPoolClient")
        .with_property("UserPoolId", Value::reference(&pool))
        .with_property("GenerateSecret", false)
        .with_property("AccessTokenValidity", minutes)
        .with_property("IdTokenValidity", minutes)
        .with_property("RefreshTokenValidity", 720_u32)
        .with_property(
            "TokenValidityUnits",
            Value::map([
                ("AccessToken", Value::string("minutes")),
                ("IdToken", Value::string("minutes")),
                ("RefreshToken", Value::string("minutes")),
            ]),
        )
        .with_property(
            "ExplicitAuthFlows",
            Value::list([
                Value::string("ALLOW_USER_SRP_AUTH"),
                Value::string("ALLOW_REFRESH_TOKEN_AUTH"),
            ]),
        )
        .with_property("PreventUserExistenceErrors", "ENABLED")
        .with_property("EnableTokenRevocation", true)
        .with_property("SupportedIdentityProviders", Value::list(providers));
    client.depends_on = provider_ids;
    b.put(
        &unit,
        b.logical_id_for(&identity.id, "Client"),
        &identity.id,
        Group::Security,
        client,
    );
    b.output(
        &unit,
        &b.logical_id_for(&identity.id, "Id"),
        Output {
            description: Some(Value::string(format!("User pool `{}`", identity.name))),
            ..Output::new(Value::reference(&pool))
        },
    );
    b.output(
        &unit,
        &b.logical_id_for(&identity.id, "ClientId"),
        Output {
            description: Some(Value::string(format!("App client of `{}`", identity.name))),
            ..Output::new(Value::reference(b.logical_id_for(&identity.id, "Client")))
        },
    );
}

fn permission_set(b: &mut Builder<'_>, identity: &Identity) {
    let unit = b.unit_of_identity(identity);
    let instance = b.parameter(
        &unit,
        "IdentityCenterInstanceArn",
        Parameter::new("String")
            .with(
                "AllowedPattern",
                "^arn:aws[a-z-]*:sso:::instance/(sso)?ins-[a-zA-Z0-9-.]{16}$",
            )
            .with(
                "Description",
                "The ARN of the IAM Identity Center instance (aws sso-admin list-instances).",
            ),
    );
    let set = b.logical_id(&identity.id);
    let name: String = identity
        .id
        .chars()
        .filter(|c| {
            c.is_ascii_alphanumeric() || matches!(c, '+' | '=' | ',' | '.' | '@' | '-' | '_')
        })
        .take(32)
        .collect();
    let seconds = identity
        .session_duration_seconds
        .unwrap_or(3600)
        .clamp(3600, 43200);
    let mut resource = Resource::new("AWS::SSO::PermissionSet")
        .with_property("InstanceArn", instance.clone())
        .with_property("Name", name.clone())
        .with_property("Description", &identity.name)
        .with_property("SessionDuration", format!("PT{}H", seconds.div_ceil(3600)));
    if !identity.managed_policies.is_empty() {
        resource = resource.with_property(
            "ManagedPolicies",
            Value::list(identity.managed_policies.iter().map(|a| b.design_text(a))),
        );
    }
    let inline = statements(b, &unit, &identity.policies, false);
    if !inline.is_empty() {
        resource = resource.with_property("InlinePolicy", policy_document(inline));
    }
    b.put(&unit, set.clone(), &identity.id, Group::Security, resource);
    let principal = b.parameter(
        &unit,
        &b.logical_id_for(&identity.id, "GroupId"),
        Parameter::new("String").with(
            "Description",
            format!(
                "The Identity Center group whose members get permission set `{}`.",
                identity.id
            ),
        ),
    );
    for account in &identity.assigned_accounts {
        let account_id = match b.segment(account).and_then(|s| s.account_id.clone()) {
            Some(id) => Value::string(id),
            None => b.parameter(
                &unit,
                &b.logical_id_for(account, "AccountId"),
                Parameter::new("String")
                    .with("AllowedPattern", "^[0-9]{12}$")
                    .with("Description", format!("The account id of `{account}`.")),
            ),
        };
        b.put(
            &unit,
            b.logical_id_for(
                &identity.id,
                &format!("{}Assignment", b.logical_id(account)),
            ),
            &identity.id,
            Group::Security,
            Resource::new("AWS::SSO::Assignment")
                .with_property("InstanceArn", instance.clone())
                .with_property("PermissionSetArn", Value::get_att(&set, "PermissionSetArn"))
                .with_property("PrincipalType", "GROUP")
                .with_property("PrincipalId", principal.clone())
                .with_property("TargetType", "AWS_ACCOUNT")
                .with_property("TargetId", account_id),
        );
    }
    if identity.mfa == Some(MfaMode::Required) || !identity.federation.is_empty() {
        b.manual_step(
            &identity.id,
            &unit,
            "Require MFA and federation in IAM Identity Center",
            format!(
                "Identity Center's MFA and identity-source settings have no CloudFormation resource: set MFA to 'every time they sign in' and connect the identity source {} (Identity Center console, Settings).",
                if identity.federation.is_empty() { "of the design".to_owned() } else { identity.federation.join(", ") }
            ),
        );
    }
}

fn identity_provider(b: &mut Builder<'_>, identity: &Identity) {
    let trusted_by_role = b.design.identities.iter().any(|role| {
        role.trusts
            .iter()
            .any(|p| p.kind == PrincipalKind::Federated && p.id == identity.id)
    });
    if !trusted_by_role {
        return;
    }
    let unit = b.unit_of_identity(identity);
    let resource = match identity.protocol {
        Some(FederationProtocol::Saml) => {
            let metadata = b.parameter(
                &unit,
                &b.logical_id_for(&identity.id, "SamlMetadata"),
                Parameter::new("String").with(
                    "Description",
                    format!("The SAML metadata document of `{}`.", identity.id),
                ),
            );
            Resource::new("AWS::IAM::SAMLProvider").with_property("SamlMetadataDocument", metadata)
        }
        _ => Resource::new("AWS::IAM::OIDCProvider")
            .with_property("Url", identity.issuer.clone().unwrap_or_default())
            .with_property(
                "ClientIdList",
                Value::list([Value::string("sts.amazonaws.com")]),
            ),
    };
    b.put(
        &unit,
        b.logical_id(&identity.id),
        &identity.id,
        Group::Security,
        resource,
    );
}
