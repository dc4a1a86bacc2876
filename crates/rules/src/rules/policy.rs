//! Small facts about IAM policies that several least-privilege rules share.

use zta_model::{Effect, Identity, PolicyStatement};

use crate::actions::grants_whole_service;

/// AWS-managed policies that grant administrator or near-administrator rights.
pub(crate) const ADMIN_POLICIES: [&str; 3] =
    ["AdministratorAccess", "PowerUserAccess", "IAMFullAccess"];

/// The allow statements of an identity.
pub(crate) fn allows(identity: &Identity) -> impl Iterator<Item = &PolicyStatement> {
    identity
        .policies
        .iter()
        .filter(|statement| statement.effect == Effect::Allow)
}

/// The administrator grant of an identity, if it has one: a managed policy's name, or an
/// inline statement that grants every action (`*`), or every IAM action (`iam:*`, which lets
/// the identity attach `AdministratorAccess` to itself, as `IAMFullAccess` does), on `*`.
pub(crate) fn admin_grant(identity: &Identity) -> Option<String> {
    if let Some(policy) = identity.managed_policies.iter().find_map(|arn| {
        let name = arn.rsplit('/').next().unwrap_or(arn);
        ADMIN_POLICIES.contains(&name).then(|| name.to_string())
    }) {
        return Some(policy);
    }
    allows(identity).find_map(|statement| {
        if !statement.resources.iter().any(|resource| resource == "*") {
            return None;
        }
        statement
            .actions
            .iter()
            .find(|action| grants_whole_service(action, "iam"))
            .map(|action| format!("`{action}` on `*`"))
    })
}

/// Whether a pattern grants every action of every service (`*`, `*:*`).
pub(crate) fn grants_everything(pattern: &str) -> bool {
    !pattern.is_empty() && pattern.chars().all(|c| c == '*' || c == ':')
}

/// Whether a pattern grants every action of the one service it names (`s3:*`, `iam:*`).
pub(crate) fn grants_named_service(pattern: &str) -> bool {
    pattern.split_once(':').is_some_and(|(service, _)| {
        !service.contains(['*', '?']) && grants_whole_service(pattern, service)
    })
}

/// Whether an action only reads or lists (it cannot change or exfiltrate much by itself). A
/// pattern with a wildcard in its verb is never read-only: `Get*` is fine, but `*` and `Pu*`
/// include writes.
pub(crate) fn is_read_only(action: &str) -> bool {
    let verb = action.split(':').nth(1).unwrap_or(action);
    ["Get", "List", "Describe", "BatchGet", "Query", "Scan"]
        .iter()
        .any(|prefix| verb.starts_with(prefix))
        && !verb.contains('*')
}

/// The label of a statement in messages: its sid, or its position.
pub(crate) fn statement_label(statement: &PolicyStatement, position: usize) -> String {
    statement
        .sid
        .clone()
        .unwrap_or_else(|| format!("statement {}", position + 1))
}
