//! IAM roles: the trust the design states, a statement per flow with exactly its actions on its
//! target's ARN, and what components add.

use zta_model::{Flow, Identity, PrincipalKind};

use crate::export::builder::{Builder, Group, RoleStatement};
use crate::export::statements::{STATED_POLICY_NAME, flow_statements, resource_arn, statements};
use crate::export::trust::{admits_guests, roles_trusting_pool, trust_statements};
use crate::import::{Importer, ResourceKey};
use crate::policy::policy_document;
use crate::template::Resource;
use crate::trust_names::IDENTITY_POOL_PART;
use crate::value::Value;

/// The resource type this kind is written as and read from.
pub(crate) const RESOURCE_TYPE: &str = "AWS::IAM::Role";

/// A role's description: its name where IAM accepts it (Latin-1 text), else its id.
pub(crate) fn role_description(identity: &Identity) -> &str {
    let latin1 = |c: char| matches!(c, '\t' | '\n' | '\r' | ' '..='~' | '\u{a1}'..='\u{ff}');
    if identity.name.chars().all(latin1) {
        &identity.name
    } else {
        &identity.id
    }
}

pub(crate) fn export(b: &mut Builder<'_>, identity: &Identity, calls: &[&Flow]) {
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
    let mut resource = Resource::new(RESOURCE_TYPE)
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
    identity_pool_roles(b, &unit, identity);
    // The permissions are resources of their own rather than the role's inline policies: a key
    // policy names the role, the bucket uses the key, and the permissions name the bucket, so
    // the role must exist before the key and its permissions after the bucket. What the design
    // states and what the export derives from flows and components are two policies, so that
    // an import of the template tells them apart.
    for (role, name, statements) in [
        ("Policy", STATED_POLICY_NAME, stated),
        ("Permissions", crate::policy::FLOW_POLICY_NAME, derived),
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

/// Makes the role a role of the identity pools of the user pools it trusts, so that the identity
/// pool hands it out: to signed-in users, or to guests when the trust admits them (`amr:
/// unauthenticated`)
/// (<https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-cognito-identitypoolroleattachment.html>).
/// An identity pool has one role attachment, with one role for each: the first role of each
/// sort that trusts the user pool gets it, the first role of all writes the attachment, and the
/// export says so for the others.
fn identity_pool_roles(b: &mut Builder<'_>, unit: &str, identity: &Identity) {
    for trust in &identity.trusts {
        if trust.kind != PrincipalKind::Federated || trust.conditions().audience.is_some() {
            continue;
        }
        let Some(pool) = b.identity(&trust.id) else {
            continue;
        };
        if pool.kind != zta_model::IdentityKind::CognitoUserPool {
            continue;
        }
        let roles = roles_trusting_pool(b, &pool.id);
        let guests = |role: &Identity| admits_guests(role, &pool.id);
        let sort = if guests(identity) {
            "guests"
        } else {
            "signed-in users"
        };
        let first = roles
            .iter()
            .find(|role| guests(role) == guests(identity))
            .map(|role| role.id.clone());
        if first.as_deref() != Some(identity.id.as_str()) {
            b.warn(format!(
                "Role `{}` trusts user pool `{}`, whose identity pool already hands {sort} role `{}`: an identity pool has one role for each, so `{}` is assumed only by clients that name it (enhanced flow with a custom role ARN is not enabled).",
                identity.id,
                pool.id,
                first.unwrap_or_default(),
                identity.id
            ));
            continue;
        }
        if roles.first().map(|role| role.id.as_str()) != Some(identity.id.as_str()) {
            continue;
        }
        let pool_unit = b.unit_of_identity(pool);
        let pool_id = pool.id.clone();
        let identity_pool = b.reference(
            unit,
            &pool_unit,
            &b.logical_id_for(&pool_id, IDENTITY_POOL_PART),
            None,
        );
        let handed: Vec<(&str, &Identity)> = [
            ("authenticated", roles.iter().find(|role| !guests(role))),
            ("unauthenticated", roles.iter().find(|role| guests(role))),
        ]
        .into_iter()
        .filter_map(|(key, role)| role.map(|role| (key, *role)))
        .collect();
        let mut arns = Vec::new();
        for (key, role) in handed {
            let role_unit = b.unit_of_identity(role);
            let arn = b.reference(unit, &role_unit, &b.logical_id(&role.id), Some("Arn"));
            arns.push((key, arn));
        }
        b.put(
            unit,
            b.logical_id_for(
                &identity.id,
                &format!("{}{IDENTITY_POOL_PART}Roles", b.logical_id(&pool_id)),
            ),
            &identity.id,
            Group::Security,
            Resource::new("AWS::Cognito::IdentityPoolRoleAttachment")
                .with_property("IdentityPoolId", identity_pool)
                .with_property("Roles", Value::map(arns)),
        );
    }
}

/// Reads a role's policies, session duration and trust.
pub(crate) fn import(im: &mut Importer<'_>, key: &ResourceKey, identity: &mut Identity) {
    im.read_iam_policies(key, identity);
    let resource = im.resource(key).clone();
    identity.session_duration_seconds = im
        .property(key.0, &key.1, &["MaxSessionDuration"])
        .as_text()
        .and_then(|seconds| seconds.parse().ok());
    if let Some(trust) = resource.property("AssumeRolePolicyDocument") {
        let statements = im.statements(key.0, trust);
        im.read_trust(key.0, trust, &statements, identity);
    }
}
