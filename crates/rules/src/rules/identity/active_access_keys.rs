//! ZT-ID-005: IAM users hold active long-lived access keys.

use zta_model::IdentityKind;

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Flags IAM users with at least one active access key.
    ///
    /// ## Why it matters
    /// Access keys never expire by themselves; they leak through code, laptops and CI logs and
    /// grant access from anywhere. Zero trust grants access per session (NIST SP 800-207
    /// tenet 3): credentials should be short-lived and issued by STS.
    ///
    /// ## Example
    /// ```yaml
    /// - id: ci-user
    ///   kind: iam_user
    ///   name: CI
    ///   access_keys: [{created: '2024-01-10'}]
    /// ```
    ///
    /// ## What to do instead
    /// Let workloads use roles, and CI systems OIDC federation to a role; deactivate the keys.
    code: "ZT-ID-005",
    name: "active-access-keys",
    title: "IAM user has active access keys",
    family: Identity,
    severity: High,
    tenets: [T3],
    pillar: Identity,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    for user in &cx.design.identities {
        if user.kind != IdentityKind::IamUser {
            continue;
        }
        out.evaluate(&user.id);
        let active: Vec<&str> = user
            .access_keys
            .iter()
            .filter(|key| key.active)
            .map(|key| key.created.as_str())
            .collect();
        if !active.is_empty() {
            out.report(
                format!(
                    "IAM user {} has {} active access key(s), created {}",
                    cx.label(&user.id),
                    active.len(),
                    active.join(", ")
                ),
                &[&user.id],
                "Replace the keys with a role: an instance or task role for workloads, OIDC federation for CI systems.",
            );
        }
    }
}
