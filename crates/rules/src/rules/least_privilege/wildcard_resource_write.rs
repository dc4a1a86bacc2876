//! ZT-IAM-003: a policy allows changes on every resource.

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;
use crate::rules::policy::{allows, grants_everything, is_read_only, statement_label};

declare_rule! {
    /// ## What it checks
    /// Flags identity policy statements whose resources include `*` and whose actions include
    /// something other than reading or listing (a statement whose action is `*` is ZT-IAM-001's).
    ///
    /// ## Why it matters
    /// A write action on `*` reaches every resource of that type in the account, including
    /// those of other workloads and those created later.
    ///
    /// ## Example
    /// ```yaml
    /// policies:
    /// - {actions: ['s3:PutObject'], resources: ['*']}
    /// ```
    ///
    /// ## What to do instead
    /// Name the resources (element ids or ARNs), for example `resources: [documents-bucket]`.
    code: "ZT-IAM-003",
    name: "wildcard-resource-write",
    title: "Policy allows changes on every resource",
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
            if !statement.resources.iter().any(|resource| resource == "*")
                || statement
                    .actions
                    .iter()
                    .any(|action| grants_everything(action))
            {
                continue;
            }
            let writes: Vec<&str> = statement
                .actions
                .iter()
                .filter(|action| !is_read_only(action))
                .map(String::as_str)
                .collect();
            if !writes.is_empty() {
                out.report(
                    format!(
                        "{} allows {} on every resource (`*`) in {}",
                        cx.label(&identity.id),
                        writes.join(", "),
                        statement_label(statement, position)
                    ),
                    &[&identity.id],
                    "Replace `*` in `resources` with the elements the identity works on.",
                );
            }
        }
    }
}
