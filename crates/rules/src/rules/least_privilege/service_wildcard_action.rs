//! ZT-IAM-002: a policy allows every action of a service.

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;
use crate::rules::policy::{allows, grants_named_service, statement_label};

declare_rule! {
    /// ## What it checks
    /// Flags identity policy statements that allow a whole service, such as `s3:*` or
    /// `dynamodb:*`.
    ///
    /// ## Why it matters
    /// A service wildcard includes the destructive and administrative actions (deleting
    /// buckets, changing their policies, disabling encryption) that the workload never uses.
    ///
    /// ## Example
    /// ```yaml
    /// policies:
    /// - {actions: ['s3:*'], resources: [documents-bucket]}
    /// ```
    ///
    /// ## What to do instead
    /// Name the actions: `s3:GetObject`, `s3:PutObject`.
    code: "ZT-IAM-002",
    name: "service-wildcard-action",
    title: "Policy allows every action of a service",
    family: LeastPrivilege,
    severity: Medium,
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
            let wildcards: Vec<&str> = statement
                .actions
                .iter()
                .filter(|action| grants_named_service(action))
                .map(String::as_str)
                .collect();
            if !wildcards.is_empty() {
                out.report(
                    format!(
                        "{} allows {} in {}",
                        cx.label(&identity.id),
                        wildcards.join(", "),
                        statement_label(statement, position)
                    ),
                    &[&identity.id],
                    "Name the actions the identity uses instead of the service wildcard.",
                );
            }
        }
    }
}
