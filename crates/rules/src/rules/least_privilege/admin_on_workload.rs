//! ZT-IAM-004: a workload runs with administrator rights.

use zta_model::{IdentityKind, PrincipalKind};

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;
use crate::rules::policy::admin_grant;

declare_rule! {
    /// ## What it checks
    /// Flags roles that a workload runs as, or that an AWS service may assume, when they hold
    /// `AdministratorAccess`, `PowerUserAccess`, `IAMFullAccess` or a `*` on `*` statement.
    ///
    /// ## Why it matters
    /// Code gets compromised: a dependency, an injection, a leaked image. With an administrator
    /// role, one compromised task owns the account.
    ///
    /// ## Example
    /// ```yaml
    /// - id: app-role
    ///   kind: iam_role
    ///   name: App
    ///   trusts: [{kind: service, id: ecs-tasks.amazonaws.com}]
    ///   managed_policies: [arn:aws:iam::aws:policy/AdministratorAccess]
    /// ```
    ///
    /// ## What to do instead
    /// Give each workload a role of its own with the actions of its flows only.
    code: "ZT-IAM-004",
    name: "admin-on-workload",
    title: "Workload role has administrator rights",
    family: LeastPrivilege,
    severity: Critical,
    tenets: [T4],
    pillar: Applications,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    for role in cx
        .design
        .identities
        .iter()
        .filter(|identity| identity.kind == IdentityKind::IamRole)
    {
        let users = cx.index.components_running_as(&role.id);
        let service_trust = role
            .trusts
            .iter()
            .any(|principal| principal.kind == PrincipalKind::Service);
        if users.is_empty() && !service_trust {
            continue;
        }
        out.evaluate(&role.id);
        if let Some(grant) = admin_grant(role) {
            let mut elements = vec![role.id.as_str()];
            elements.extend(users.iter().map(|component| component.id.as_str()));
            let runner = if users.is_empty() {
                "an AWS service".to_string()
            } else {
                users
                    .iter()
                    .map(|component| cx.label(&component.id))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            out.report(
                format!("Workload role {} has {grant}; it is used by {runner}", cx.label(&role.id)),
                &elements,
                "Remove the administrator grant and allow only the actions the workload's flows use.",
            );
        }
    }
}
