//! ZT-MON-004: Account without AWS Config.

use zta_model::ComponentKind;

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;
use crate::rules::monitoring::require_in_every_account;

declare_rule! {
    /// ## What it checks
    /// Flags every account segment of the design that holds components but no `config_recorder`
    /// component (in the account or a region inside it).
    ///
    /// ## Why it matters
    /// Config records every resource's configuration over time and evaluates it against rules: it is how the posture of each asset is monitored (NIST SP 800-207 tenet 5).
    ///
    /// ## Example
    /// ```yaml
    /// segments:
    /// - {id: prod, kind: account, name: Production, account_id: '222222222222'}
    /// # ... components in prod, but no config_recorder
    /// ```
    ///
    /// ## What to do instead
    /// Add a `config_recorder` component to the account.
    code: "ZT-MON-004",
    name: "config-missing",
    title: "Account without AWS Config",
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
        ComponentKind::ConfigRecorder,
        "configuration drift there goes unrecorded",
    );
}
