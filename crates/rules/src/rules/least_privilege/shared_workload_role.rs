//! ZT-IAM-006: several workloads share one role.

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Flags identities that more than one component runs as.
    ///
    /// ## Why it matters
    /// A shared role holds the union of every sharer's permissions, so each workload can do what
    /// all of them can; audit trails no longer say which workload acted.
    ///
    /// ## Example
    /// ```yaml
    /// components:
    /// - {id: orders, kind: ecs_service, name: Orders, segment: app-a, identity: app-role}
    /// - {id: billing, kind: ecs_service, name: Billing, segment: app-a, identity: app-role}
    /// ```
    ///
    /// ## What to do instead
    /// Give each component its own role; the exporter then writes each role's statements from
    /// that component's flows alone.
    code: "ZT-IAM-006",
    name: "shared-workload-role",
    title: "Several components share one role",
    family: LeastPrivilege,
    severity: Medium,
    tenets: [T4],
    pillar: Identity,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    for identity in &cx.design.identities {
        let users = cx.index.components_running_as(&identity.id);
        if !users.is_empty() {
            out.evaluate(&identity.id);
        }
        if users.len() > 1 {
            let mut elements = vec![identity.id.as_str()];
            elements.extend(users.iter().map(|component| component.id.as_str()));
            out.report(
                format!(
                    "{} is shared by {}",
                    cx.label(&identity.id),
                    users
                        .iter()
                        .map(|component| cx.label(&component.id))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                &elements,
                "Give each component its own role.",
            );
        }
    }
}
