//! ZT-IAM-005: a role trusts every AWS account.

use zta_model::PrincipalKind;

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Flags roles whose trust names the external account `*` without an `organization_id`
    /// condition.
    ///
    /// ## Why it matters
    /// A trust policy with the principal `*` lets any AWS customer assume the role: the
    /// permissions of the role are public.
    ///
    /// ## Example
    /// ```yaml
    /// trusts: [{kind: external_account, id: '*'}]
    /// ```
    ///
    /// ## What to do instead
    /// Name the account (its 12-digit id) or the design's identity that needs the role.
    code: "ZT-IAM-005",
    name: "trust-anyone",
    title: "Role can be assumed by any AWS account",
    family: LeastPrivilege,
    severity: Critical,
    tenets: [T6],
    pillar: Identity,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    for role in &cx.design.identities {
        if !role.trusts.is_empty() {
            out.evaluate(&role.id);
        }
        // `*` limited to the principals of an organization is how AWS shares a role with an
        // organization's accounts; it is not public.
        if role.trusts.iter().any(|principal| {
            principal.kind == PrincipalKind::ExternalAccount
                && principal.id == "*"
                && principal.conditions().organization_id.is_none()
        }) {
            out.report(
                format!("Role {} trusts every AWS account (`*`)", cx.label(&role.id)),
                &[&role.id],
                "Trust only the accounts or identities that need the role.",
            );
        }
    }
}
