//! A role's trust policy: one statement per principal the design trusts, with the conditions
//! the trust states and the ones the export adds by default (MFA for people, the audience and
//! `amr` of a Cognito identity pool, the SAML sign-in audience).
//!
//! The condition keys are IAM's
//! (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html>,
//! <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html>);
//! their names, shared with the import that reads them back, are in [`crate::trust_names`].

use zta_model::{
    COGNITO_IDENTITY_ISSUER, FederationProtocol, Identity, IdentityKind, MfaMode, Principal,
    PrincipalKind,
};

use crate::export::builder::Builder;
use crate::export::statements::account_of;
use crate::policy::service_principal;
use crate::trust_names::{
    ACTOR_SID, AUTHENTICATED_AMR, EXTERNAL_ID, IDENTITY_POOL_PART, MFA_PRESENT, ORGANIZATION_ID,
    PRINCIPAL_ARN, SAML_SIGN_IN_AUDIENCE, SOURCE_ACCOUNT, SOURCE_ARN, permission_set_name,
};
use crate::value::Value;

/// The `Condition` block of one statement, operators in the order they are first added.
#[derive(Default)]
struct Conditions(Vec<(&'static str, Vec<(String, Value)>)>);

impl Conditions {
    fn add(&mut self, operator: &'static str, key: impl Into<String>, value: Value) {
        let entry = match self.0.iter_mut().find(|(found, _)| *found == operator) {
            Some(entry) => entry,
            None => {
                self.0.push((operator, Vec::new()));
                self.0.last_mut().expect("just pushed")
            }
        };
        entry.1.push((key.into(), value));
    }

    fn into_value(self) -> Option<Value> {
        (!self.0.is_empty()).then(|| {
            Value::map(
                self.0
                    .into_iter()
                    .map(|(operator, keys)| (operator, Value::map(keys))),
            )
        })
    }
}

/// The statements of a role's trust policy, one per trusted principal.
pub(crate) fn trust_statements(b: &mut Builder<'_>, unit: &str, identity: &Identity) -> Vec<Value> {
    let mut statements = Vec::new();
    for (index, principal) in identity.trusts.iter().enumerate() {
        let stated = principal.conditions();
        let mut conditions = Conditions::default();
        let mut sid = format!("Trust{}", index + 1);
        let (principal_value, action) = match principal.kind {
            PrincipalKind::Service => {
                if let Some(account) = &stated.source_account {
                    let account = source_account(b, unit, account);
                    conditions.add("StringEquals", SOURCE_ACCOUNT, account);
                }
                if let Some(source) = &stated.source_arn {
                    let arn = source_arn(b, unit, source);
                    conditions.add("ArnLike", SOURCE_ARN, arn);
                }
                (service_principal(&principal.id), "sts:AssumeRole")
            }
            PrincipalKind::Identity => (
                aws_principal(b, unit, &principal.id, &mut conditions),
                "sts:AssumeRole",
            ),
            PrincipalKind::Actor => {
                let Some(signs_in) = b.actor(&principal.id).and_then(|a| a.signs_in_with.clone())
                else {
                    continue;
                };
                sid.push_str(ACTOR_SID);
                sid.push_str(&b.logical_id(&principal.id));
                (
                    aws_principal(b, unit, &signs_in, &mut conditions),
                    "sts:AssumeRole",
                )
            }
            PrincipalKind::Account => {
                let account = account_of(b, unit, &b.unit_of_segment(&principal.id));
                (
                    Value::map([(
                        "AWS",
                        Value::sub(format!("arn:${{AWS::Partition}}:iam::{account}:root")),
                    )]),
                    "sts:AssumeRole",
                )
            }
            PrincipalKind::ExternalAccount if principal.id == "*" => {
                (Value::map([("AWS", Value::string("*"))]), "sts:AssumeRole")
            }
            PrincipalKind::ExternalAccount => (
                Value::map([("AWS", Value::arn(format!("iam::{}:root", principal.id)))]),
                "sts:AssumeRole",
            ),
            PrincipalKind::Federated => federated(b, unit, principal, &mut conditions),
        };
        if matches!(
            principal.kind,
            PrincipalKind::Identity
                | PrincipalKind::Actor
                | PrincipalKind::Account
                | PrincipalKind::ExternalAccount
        ) {
            if let Some(external_id) = &stated.external_id {
                conditions.add("StringEquals", EXTERNAL_ID, b.design_text(external_id));
            }
            if let Some(organization) = &stated.organization_id {
                conditions.add("StringEquals", ORGANIZATION_ID, b.design_text(organization));
            }
            if requires_mfa(b, identity, principal) {
                conditions.add("Bool", MFA_PRESENT, Value::string("true"));
            }
        }
        let mut statement = crate::value::Map::default();
        statement.insert("Sid".into(), Value::string(sid));
        statement.insert("Effect".into(), Value::string("Allow"));
        statement.insert("Principal".into(), principal_value);
        statement.insert("Action".into(), Value::string(action));
        if let Some(condition) = conditions.into_value() {
            statement.insert("Condition".into(), condition);
        }
        statements.push(Value::from(statement));
    }
    statements
}

/// Whether a trust statement requires MFA: for people (see [`zta_model::Design::trusts_people`])
/// unless the role says `off` or `optional`, and for every AWS principal when the role says
/// `required`, except people who sign in through IAM Identity Center, whose sessions carry no
/// MFA key (Identity Center asks for the second factor).
fn requires_mfa(b: &Builder<'_>, role: &Identity, principal: &Principal) -> bool {
    match role.mfa {
        None => b.design.trusts_people(principal),
        Some(MfaMode::Required) => !signs_in_with_permission_set(b, principal),
        Some(MfaMode::Off | MfaMode::Optional) => false,
    }
}

fn signs_in_with_permission_set(b: &Builder<'_>, principal: &Principal) -> bool {
    let identity = match principal.kind {
        PrincipalKind::Actor => b.actor(&principal.id).and_then(|a| a.signs_in_with.clone()),
        PrincipalKind::Identity => Some(principal.id.clone()),
        _ => None,
    };
    identity
        .and_then(|id| b.identity(&id))
        .is_some_and(|identity| identity.kind == IdentityKind::PermissionSet)
}

/// The `AWS` principal for an identity of the design. A permission set is no IAM principal: the
/// people it admits act as the `AWSReservedSSO_<name>_<suffix>` role IAM Identity Center makes
/// in each account it is assigned to, under `/aws-reserved/sso.amazonaws.com/[<region>/]`
/// (<https://docs.aws.amazon.com/singlesignon/latest/userguide/referencingpermissionsets.html>).
/// The suffix changes when the assignment is made again, so the trust names those accounts and
/// matches the role with `aws:PrincipalArn`. The region is matched with the rest of the path:
/// instances whose home region is us-east-1 write none.
fn aws_principal(
    b: &mut Builder<'_>,
    unit: &str,
    identity: &str,
    conditions: &mut Conditions,
) -> Value {
    let Some(permission_set) = b
        .identity(identity)
        .filter(|found| found.kind == IdentityKind::PermissionSet)
    else {
        let arn = b.role_arn(unit, identity);
        return Value::map([("AWS", arn)]);
    };
    let name = permission_set_name(permission_set);
    let mut units: Vec<String> = permission_set
        .assigned_accounts
        .iter()
        .map(|account| b.unit_of_segment(account))
        .collect();
    if units.is_empty() {
        units.push(unit.to_owned());
    }
    units.dedup();
    let accounts: Vec<String> = units
        .iter()
        .map(|target| account_of(b, unit, target))
        .collect();
    let roots = accounts
        .iter()
        .map(|account| Value::arn(format!("iam::{account}:root")));
    let reserved = accounts.iter().map(|account| {
        Value::sub(format!(
            "arn:${{AWS::Partition}}:iam::{account}:role/aws-reserved/sso.amazonaws.com/*AWSReservedSSO_{name}_*"
        ))
    });
    conditions.add("ArnLike", PRINCIPAL_ARN, Value::list(reserved));
    Value::map([("AWS", Value::list(roots))])
}

/// A federated trust. A Cognito user pool is not a federated principal: its users reach AWS
/// through a Cognito identity pool, whose principal is `cognito-identity.amazonaws.com`, and
/// only the `aud` (the identity pool) and `amr` conditions keep every other identity pool, in
/// any account, from assuming the role
/// (<https://docs.aws.amazon.com/cognito/latest/developerguide/role-trust-and-permissions.html>).
/// So a trust of a user pool is exported as a trust of the identity pool the user pool's export
/// makes for it, signed-in users only. An identity provider whose issuer is
/// `cognito-identity.amazonaws.com` stands for an identity pool outside the design, scoped by
/// the audience the design states. Other OIDC providers scope their tokens by `<issuer>:aud`
/// (<https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html>).
fn federated(
    b: &mut Builder<'_>,
    unit: &str,
    principal: &Principal,
    conditions: &mut Conditions,
) -> (Value, &'static str) {
    let stated = principal.conditions();
    let provider = b
        .identity(&principal.id)
        .map(|i| (i.kind, i.protocol, i.issuer.clone()));
    let web_identity = "sts:AssumeRoleWithWebIdentity";
    match provider {
        Some((IdentityKind::CognitoUserPool, _, _)) => {
            let audience = match &stated.audience {
                Some(audience) => b.design_text(audience),
                None => {
                    let pool_unit = b
                        .identity(&principal.id)
                        .map(|pool| b.unit_of_identity(pool))
                        .unwrap_or_else(|| unit.to_owned());
                    let logical = b.logical_id_for(&principal.id, IDENTITY_POOL_PART);
                    b.reference(unit, &pool_unit, &logical, None)
                }
            };
            cognito_conditions(b, conditions, audience, stated.amr.as_deref());
            (
                Value::map([("Federated", Value::string(COGNITO_IDENTITY_ISSUER))]),
                web_identity,
            )
        }
        Some((_, _, Some(issuer))) if issuer == COGNITO_IDENTITY_ISSUER => {
            let audience = stated.audience.as_deref().map(|a| b.design_text(a));
            if let Some(audience) = audience {
                conditions.add("StringEquals", format!("{issuer}:aud"), audience);
            }
            if let Some(amr) = &stated.amr {
                conditions.add(
                    "ForAnyValue:StringLike",
                    format!("{issuer}:amr"),
                    b.design_text(amr),
                );
            }
            (
                Value::map([("Federated", Value::string(COGNITO_IDENTITY_ISSUER))]),
                web_identity,
            )
        }
        Some((_, Some(FederationProtocol::Saml), _)) => {
            let audience = stated.audience.as_deref().unwrap_or(SAML_SIGN_IN_AUDIENCE);
            conditions.add("StringEquals", "SAML:aud", b.design_text(audience));
            (
                Value::map([("Federated", Value::reference(b.logical_id(&principal.id)))]),
                "sts:AssumeRoleWithSAML",
            )
        }
        provider => {
            let issuer = provider
                .and_then(|(_, _, issuer)| issuer)
                .map(|issuer| oidc_key_prefix(&issuer))
                .filter(|issuer| !issuer.is_empty());
            if let Some(issuer) = issuer {
                if let Some(audience) = &stated.audience {
                    conditions.add(
                        "StringEquals",
                        format!("{issuer}:aud"),
                        b.design_text(audience),
                    );
                }
                if let Some(amr) = &stated.amr {
                    conditions.add(
                        "ForAnyValue:StringLike",
                        format!("{issuer}:amr"),
                        b.design_text(amr),
                    );
                }
            }
            (
                Value::map([("Federated", Value::reference(b.logical_id(&principal.id)))]),
                web_identity,
            )
        }
    }
}

fn cognito_conditions(
    b: &Builder<'_>,
    conditions: &mut Conditions,
    audience: Value,
    amr: Option<&str>,
) {
    conditions.add(
        "StringEquals",
        format!("{COGNITO_IDENTITY_ISSUER}:aud"),
        audience,
    );
    conditions.add(
        "ForAnyValue:StringLike",
        format!("{COGNITO_IDENTITY_ISSUER}:amr"),
        b.design_text(amr.unwrap_or(AUTHENTICATED_AMR)),
    );
}

/// The prefix of an OIDC provider's condition keys: its issuer URL without the scheme
/// (`token.actions.githubusercontent.com`).
pub(crate) fn oidc_key_prefix(issuer: &str) -> String {
    issuer
        .trim_start_matches("https://")
        .trim_end_matches('/')
        .to_owned()
}

/// `aws:SourceAccount`: a 12-digit id as written, an account segment by its id (the deploying
/// account's own id when it is the role's account).
fn source_account(b: &Builder<'_>, unit: &str, account: &str) -> Value {
    if b.segment(account).is_some() {
        let account = account_of(b, unit, &b.unit_of_segment(account));
        return if account.contains("${") {
            Value::sub(account)
        } else {
            Value::string(account)
        };
    }
    b.design_text(account)
}

/// `aws:SourceArn`: a component of the design by its ARN, else the ARN as written.
fn source_arn(b: &mut Builder<'_>, unit: &str, source: &str) -> Value {
    if b.component(source).is_some() {
        return crate::export::statements::resource_arn(b, unit, source);
    }
    b.design_text(source)
}

/// Whether a role trusts a user pool's identity pool for its guests.
pub(crate) fn admits_guests(role: &Identity, pool: &str) -> bool {
    role.trusts
        .iter()
        .any(|p| p.id == pool && p.conditions().audience.is_none() && p.admits_guests())
}

/// The roles that trust a user pool as a federated principal, in design order: the user pool's
/// export makes an identity pool for them.
pub(crate) fn roles_trusting_pool<'d>(b: &Builder<'d>, pool: &str) -> Vec<&'d Identity> {
    b.design
        .identities
        .iter()
        .filter(|role| role.kind == IdentityKind::IamRole)
        .filter(|role| {
            role.trusts.iter().any(|p| {
                p.kind == PrincipalKind::Federated
                    && p.id == pool
                    && p.conditions().audience.is_none()
            })
        })
        .collect()
}
