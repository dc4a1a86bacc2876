//! ZT-IAM-005: a role trusts every AWS account.

use zta_model::PrincipalKind;

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Flags roles whose trust names the external account `*`.
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
        if role.trusts.iter().any(|principal| {
            principal.kind == PrincipalKind::ExternalAccount && principal.id == "*"
        }) {
            out.report(
                format!("Role {} trusts every AWS account (`*`)", cx.label(&role.id)),
                &[&role.id],
                "Trust only the accounts or identities that need the role.",
            );
        }
    }
}
