//! ZT-IAM-001: a policy allows every action.

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;
use crate::rules::policy::{grants_everything, statement_label};

declare_rule! {
    /// ## What it checks
    /// Flags identity policy statements that allow the action `*`.
    ///
    /// ## Why it matters
    /// `*` grants every current and future action of every service, including IAM itself: the
    /// identity can change its own permissions. Least privilege (NIST SP 800-207 tenet 4,
    /// PCI DSS 7.2.1) names the actions a job needs.
    ///
    /// ## Example
    /// ```yaml
    /// policies:
    /// - {actions: ['*'], resources: [orders-bucket]}
    /// ```
    ///
    /// ## What to do instead
    /// List the actions the identity's flows use (for example `s3:GetObject`); the exporter
    /// derives them from flows when the design draws them.
    code: "ZT-IAM-001",
    name: "wildcard-action",
    title: "Policy allows every action",
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
        for (position, statement) in identity.policies.iter().enumerate() {
            if statement.effect == zta_model::Effect::Allow
                && statement
                    .actions
                    .iter()
                    .any(|action| grants_everything(action))
            {
                out.report(
                    format!(
                        "{} allows every action (`*`) in {}",
                        cx.label(&identity.id),
                        statement_label(statement, position)
                    ),
                    &[&identity.id],
                    "Replace `*` with the actions the identity needs.",
                );
            }
        }
    }
}
