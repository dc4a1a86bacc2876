//! ZT-IAM-010: a workload can assume an administrator role.

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;
use crate::rules::policy::admin_grant;

declare_rule! {
    /// ## What it checks
    /// Uses the blast-radius analysis: flags roles that components run as when they can assume,
    /// directly or through other roles, a role with administrator rights.
    ///
    /// ## Why it matters
    /// A role chain from a workload to an administrator role makes the workload an
    /// administrator in all but name (ZT-IAM-004 catches the direct case).
    ///
    /// ## Example
    /// ```yaml
    /// - id: admin-role
    ///   kind: iam_role
    ///   name: Admin
    ///   trusts: [{kind: identity, id: app-role}]
    ///   managed_policies: [arn:aws:iam::aws:policy/AdministratorAccess]
    /// ```
    ///
    /// ## What to do instead
    /// Remove the workload role from the administrator role's trust; administrators are people
    /// signing in through Identity Center.
    code: "ZT-IAM-010",
    name: "workload-can-assume-admin",
    title: "Workload can assume an administrator role",
    family: LeastPrivilege,
    severity: Critical,
    tenets: [T4],
    pillar: Identity,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    for identity in &cx.design.identities {
        let users = cx.index.components_running_as(&identity.id);
        if users.is_empty() {
            continue;
        }
        let Some(reach) = cx.analyses.blast_radius.of(&identity.id) else {
            continue;
        };
        out.evaluate(&identity.id);
        for assumed in &reach.assumable {
            let Some(grant) = cx.index.identity(assumed).and_then(admin_grant) else {
                continue;
            };
            let mut elements = vec![identity.id.as_str(), assumed.as_str()];
            elements.extend(users.iter().map(|component| component.id.as_str()));
            out.report(
                format!(
                    "Workload role {} can assume {}, which has {grant}",
                    cx.label(&identity.id),
                    cx.label(assumed)
                ),
                &elements,
                format!("Remove `{}` from the trust of `{assumed}`.", identity.id),
            );
        }
    }
}
