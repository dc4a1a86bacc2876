//! ZT-MON-001: Account without CloudTrail.

use zta_model::ComponentKind;

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;
use crate::rules::monitoring::require_in_every_account;

declare_rule! {
    /// ## What it checks
    /// Flags every account segment of the design that holds components but no `cloudtrail`
    /// component (in the account or a region inside it).
    ///
    /// ## Why it matters
    /// Without a trail nobody can tell who did what in the account: incidents cannot be investigated and PCI DSS 10.2 audit logs do not exist.
    ///
    /// ## Example
    /// ```yaml
    /// segments:
    /// - {id: prod, kind: account, name: Production, account_id: '222222222222'}
    /// # ... components in prod, but no cloudtrail
    /// ```
    ///
    /// ## What to do instead
    /// Add a `cloudtrail` component to the account.
    code: "ZT-MON-001",
    name: "cloudtrail-missing",
    title: "Account without CloudTrail",
    family: Monitoring,
    severity: High,
    tenets: [T7],
    pillar: Visibility,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    require_in_every_account(
        cx,
        out,
        ComponentKind::Cloudtrail,
        "API activity there is not recorded",
    );
}
