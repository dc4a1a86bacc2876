//! ZT-ID-019: a permission set has no account that can deploy it.

use zta_model::organization;

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Flags IAM Identity Center permission sets when no account of the design is marked as
    /// the organization's management account or Identity Center's delegated administrator
    /// (`organization_role` on the account segment), or when the permission set's own
    /// `account` is not so marked. Permission sets and account assignments can be created only
    /// in those accounts
    /// (<https://docs.aws.amazon.com/singlesignon/latest/userguide/delegated-admin.html>).
    ///
    /// ## Why it matters
    /// The export writes permission sets into the stack of the administering account. Without
    /// one it would have to guess an account, and a stack deployed anywhere else fails, leaving
    /// people without the access the design grants them or with access nobody reviewed; so the
    /// export refuses with this reason instead.
    ///
    /// ## Example
    /// ```yaml
    /// segments:
    /// - {id: prod, kind: account, name: Production, account_id: '222222222222'}
    /// identities:
    /// - {id: admin-ps, kind: permission_set, name: Administrators, assigned_accounts: [prod]}
    /// ```
    ///
    /// ## What to do instead
    /// Mark the account that administers IAM Identity Center with `organization_role:
    /// management` or `organization_role: delegated_administrator`.
    code: "ZT-ID-019",
    name: "permission-set-without-admin-account",
    title: "Permission set has no account that administers Identity Center",
    family: Identity,
    severity: High,
    tenets: [T6],
    pillar: Identity,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    for identity in &cx.design.identities {
        match organization::permission_set_account(cx.design, identity) {
            Ok(None) => {}
            Ok(Some(_)) => out.evaluate(&identity.id),
            Err(homeless) => {
                let mut elements = vec![identity.id.as_str()];
                elements.extend(homeless.stated_account);
                out.report(homeless.message(), &elements, homeless.fix());
            }
        }
    }
}
