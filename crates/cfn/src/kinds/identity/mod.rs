//! Identities: IAM roles (with a statement per flow carrying exactly the flow's actions on the
//! target's ARN), users and groups, Cognito user pools with MFA, IAM Identity Center permission
//! sets and their assignments, and identity providers.

pub(crate) mod cognito_user_pool;
pub(crate) mod iam_group;
pub(crate) mod iam_role;
pub(crate) mod iam_user;
pub(crate) mod identity_provider;
pub(crate) mod permission_set;

use std::collections::HashMap;

use zta_model::{Flow, IdentityKind};

use crate::export::builder::Builder;
use crate::export::statements::caller_role;

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
            IdentityKind::IamRole => iam_role::export(
                b,
                identity,
                calls.get(identity.id.as_str()).map_or(&[], Vec::as_slice),
            ),
            IdentityKind::IamUser => iam_user::export(b, identity),
            IdentityKind::IamGroup => iam_group::export(b, identity),
            IdentityKind::CognitoUserPool => cognito_user_pool::export(b, identity),
            IdentityKind::PermissionSet => permission_set::export(b, identity),
            IdentityKind::IdentityProvider => identity_provider::export(b, identity),
        }
    }
}
