//! ZT-MON-005: Account without GuardDuty.

use zta_model::ComponentKind;

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;
use crate::rules::monitoring::require_in_every_account;

declare_rule! {
    /// ## What it checks
    /// Flags every account segment of the design that holds components but no `guardduty`
    /// component (in the account or a region inside it).
    ///
    /// ## Why it matters
    /// GuardDuty turns CloudTrail, VPC flow and DNS logs into threat findings (credential exfiltration, crypto-mining, reconnaissance); PCI DSS 11.5 expects intrusion detection.
    ///
    /// ## Example
    /// ```yaml
    /// segments:
    /// - {id: prod, kind: account, name: Production, account_id: '222222222222'}
    /// # ... components in prod, but no guardduty
    /// ```
    ///
    /// ## What to do instead
    /// Add a `guardduty` component to the account.
    code: "ZT-MON-005",
    name: "guardduty-missing",
    title: "Account without GuardDuty",
    family: Monitoring,
    severity: High,
    tenets: [T5, T7],
    pillar: Visibility,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    require_in_every_account(
        cx,
        out,
        ComponentKind::Guardduty,
        "threats there are not detected",
    );
}
