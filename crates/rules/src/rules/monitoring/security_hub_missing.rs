//! ZT-MON-006: Account without Security Hub.

use zta_model::ComponentKind;

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;
use crate::rules::monitoring::require_in_every_account;

declare_rule! {
    /// ## What it checks
    /// Flags every account segment of the design that holds components but no `security_hub`
    /// component (in the account or a region inside it).
    ///
    /// ## Why it matters
    /// Security Hub gathers GuardDuty, Inspector, Macie and Config findings and checks the account against standards; without it findings stay scattered and unreviewed.
    ///
    /// ## Example
    /// ```yaml
    /// segments:
    /// - {id: prod, kind: account, name: Production, account_id: '222222222222'}
    /// # ... components in prod, but no security_hub
    /// ```
    ///
    /// ## What to do instead
    /// Add a `security_hub` component to the account.
    code: "ZT-MON-006",
    name: "security-hub-missing",
    title: "Account without Security Hub",
    family: Monitoring,
    severity: Medium,
    tenets: [T5],
    pillar: Visibility,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    require_in_every_account(
        cx,
        out,
        ComponentKind::SecurityHub,
        "findings there are not aggregated",
    );
}
