//! Small facts about IAM policies that several least-privilege rules share.

use zta_model::{Effect, Identity, PolicyStatement};

/// AWS-managed policies that grant administrator or near-administrator rights.
const ADMIN_POLICIES: [&str; 3] = ["AdministratorAccess", "PowerUserAccess", "IAMFullAccess"];

/// The allow statements of an identity.
pub(crate) fn allows(identity: &Identity) -> impl Iterator<Item = &PolicyStatement> {
    identity
        .policies
        .iter()
        .filter(|statement| statement.effect == Effect::Allow)
}

/// The administrator grant of an identity, if it has one: a managed policy's name, or
/// `"*" on "*"` for an inline statement.
pub(crate) fn admin_grant(identity: &Identity) -> Option<String> {
    if let Some(policy) = identity.managed_policies.iter().find_map(|arn| {
        let name = arn.rsplit('/').next().unwrap_or(arn);
        ADMIN_POLICIES.contains(&name).then(|| name.to_string())
    }) {
        return Some(policy);
    }
    allows(identity)
        .any(|statement| {
            statement.actions.iter().any(|action| action == "*")
                && statement.resources.iter().any(|resource| resource == "*")
        })
        .then(|| "`*` on `*`".to_string())
}

/// Whether an action only reads or lists (it cannot change or exfiltrate much by itself).
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
