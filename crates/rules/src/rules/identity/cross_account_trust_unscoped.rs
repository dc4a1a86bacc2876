//! ZT-ID-015: a role trusts another account without an external id or organization condition.

use zta_model::PrincipalKind;

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Flags roles that trust another AWS account (an `external_account` by its id, or an
    /// account segment of the design other than the role's own) with neither an `external_id`
    /// nor an `organization_id` condition.
    ///
    /// ## Why it matters
    /// A trust of an account lets every principal that account's administrators allow assume
    /// the role. When the account is a third party acting for several customers, any of its
    /// customers can make it act on this role (the confused deputy problem); `sts:ExternalId`
    /// ties each use to this customer, and `aws:PrincipalOrgID` keeps the trust inside the
    /// organization.
    ///
    /// ## Example
    /// ```yaml
    /// - id: vendor-audit
    ///   kind: iam_role
    ///   name: Vendor audit
    ///   trusts: [{kind: external_account, id: '999999999999'}]
    /// ```
    ///
    /// ## What to do instead
    /// Add the external id the vendor issued, or the organization for accounts of your own:
    /// `conditions: {external_id: ...}` or `conditions: {organization_id: o-...}`.
    ///
    /// ## References
    /// - <https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_common-scenarios_third-party.html>
    /// - <https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html>
    code: "ZT-ID-015",
    name: "cross-account-trust-unscoped",
    title: "Cross-account trust without external id or organization condition",
    family: Identity,
    severity: High,
    tenets: [T6],
    pillar: Identity,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    for role in &cx.design.identities {
        let cross_account: Vec<&zta_model::Principal> = role
            .trusts
            .iter()
            .filter(|principal| match principal.kind {
                // Anyone is ZT-IAM-005's finding.
                PrincipalKind::ExternalAccount => principal.id != "*",
                PrincipalKind::Account => {
                    role.account.is_some() && role.account.as_deref() != Some(principal.id.as_str())
                }
                _ => false,
            })
            .collect();
        if cross_account.is_empty() {
            continue;
        }
        out.evaluate(&role.id);
        for principal in cross_account {
            let conditions = principal.conditions();
            if conditions.external_id.is_some() || conditions.organization_id.is_some() {
                continue;
            }
            let mut elements = vec![role.id.as_str()];
            if principal.kind == PrincipalKind::Account {
                elements.push(&principal.id);
            }
            out.report(
                format!(
                    "Role {} trusts account {} with no external id or organization condition",
                    cx.label(&role.id),
                    cx.label(&principal.id)
                ),
                &elements,
                format!(
                    "Add `conditions: {{external_id: ...}}` (a third party) or `conditions: {{organization_id: o-...}}` (your organization) to the trust of `{}` on `{}`.",
                    principal.id, role.id
                ),
            );
        }
    }
}
