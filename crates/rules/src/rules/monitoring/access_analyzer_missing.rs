//! ZT-MON-007: Account without IAM Access Analyzer.

use zta_model::ComponentKind;

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;
use crate::rules::monitoring::require_in_every_account;

declare_rule! {
    /// ## What it checks
    /// Flags every account segment of the design that holds components but no `access_analyzer`
    /// component (in the account or a region inside it).
    ///
    /// ## Why it matters
    /// Access Analyzer finds resource policies and trusts that grant access outside the account or organisation, which design review alone misses as policies change.
    ///
    /// ## Example
    /// ```yaml
    /// segments:
    /// - {id: prod, kind: account, name: Production, account_id: '222222222222'}
    /// # ... components in prod, but no access_analyzer
    /// ```
    ///
    /// ## What to do instead
    /// Add a `access_analyzer` component to the account.
    code: "ZT-MON-007",
    name: "access-analyzer-missing",
    title: "Account without IAM Access Analyzer",
    family: Monitoring,
    severity: Medium,
    tenets: [T4, T5],
    pillar: Identity,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    require_in_every_account(
        cx,
        out,
        ComponentKind::AccessAnalyzer,
        "external access to its resources goes unnoticed",
    );
}
