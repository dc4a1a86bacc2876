//! ZT-IAM-007: a policy lets an identity raise its own privileges.

use crate::actions::action_matches;
use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;
use crate::rules::policy::{allows, statement_label};

/// Actions that create or widen permissions, or hand a role to a service. A statement's
/// pattern escalates when it matches any of them (`*`, `iam:*`, `iam:Pass*`, `iam:*Policy`).
const ESCALATING: [&str; 7] = [
    "iam:PassRole",
    "iam:CreateRole",
    "iam:AttachRolePolicy",
    "iam:PutRolePolicy",
    "iam:CreatePolicyVersion",
    "iam:AttachUserPolicy",
    "iam:UpdateAssumeRolePolicy",
];

declare_rule! {
    /// ## What it checks
    /// Flags allow statements with IAM actions that create or widen permissions
    /// (`iam:PassRole`, `iam:CreateRole`, `iam:AttachRolePolicy`, `iam:PutRolePolicy`,
    /// `iam:CreatePolicyVersion`, `iam:AttachUserPolicy`, `iam:UpdateAssumeRolePolicy`) on
    /// every resource, whether named or matched by a wildcard (`*`, `iam:*`, `iam:Pass*`).
    ///
    /// ## Why it matters
    /// These actions turn a limited identity into an administrator: it can pass a powerful role
    /// to a new function, or attach `AdministratorAccess` to itself.
    ///
    /// ## Example
    /// ```yaml
    /// policies:
    /// - {actions: ['iam:PassRole'], resources: ['*']}
    /// ```
    ///
    /// ## What to do instead
    /// Name the roles that may be passed, and keep role creation in the deployment pipeline
    /// behind a permissions boundary.
    code: "ZT-IAM-007",
    name: "privilege-escalation",
    title: "Policy allows privilege escalation",
    family: LeastPrivilege,
    severity: High,
    tenets: [T4],
    pillar: Identity,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    for identity in &cx.design.identities {
        if !identity.policies.is_empty() {
            out.evaluate(&identity.id);
        }
        for (position, statement) in allows(identity).enumerate() {
            if !statement.resources.iter().any(|resource| resource == "*") {
                continue;
            }
            let found: Vec<&str> = statement
                .actions
                .iter()
                .filter(|pattern| {
                    ESCALATING
                        .iter()
                        .any(|action| action_matches(pattern, action))
                })
                .map(String::as_str)
                .collect();
            if !found.is_empty() {
                out.report(
                    format!(
                        "{} allows {} on every resource in {}",
                        cx.label(&identity.id),
                        found.join(", "),
                        statement_label(statement, position)
                    ),
                    &[&identity.id],
                    "Restrict the statement to named roles, and attach a permissions boundary.",
                );
            }
        }
    }
}
