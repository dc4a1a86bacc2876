//! ZT-ID-008: user pool tokens live longer than an hour.

use zta_model::IdentityKind;

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

/// The longest access or id token lifetime this rule accepts, in minutes.
const LONGEST_MINUTES: u32 = 60;

declare_rule! {
    /// ## What it checks
    /// Flags Cognito user pools whose `token_validity_minutes` exceeds 60.
    ///
    /// ## Why it matters
    /// Access and id tokens are bearer credentials: whoever holds one is the user until it
    /// expires, and APIs cannot revoke it. Short tokens with refresh keep each session's
    /// authorisation current (NIST SP 800-207 tenet 3).
    ///
    /// ## Example
    /// ```yaml
    /// - {id: customers, kind: cognito_user_pool, name: Customers, mfa: required, token_validity_minutes: 1440}
    /// ```
    ///
    /// ## What to do instead
    /// Set `token_validity_minutes: 60` or less and let clients refresh.
    code: "ZT-ID-008",
    name: "long-lived-tokens",
    title: "User pool tokens live longer than an hour",
    family: Identity,
    severity: Medium,
    tenets: [T3],
    pillar: Identity,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    for pool in &cx.design.identities {
        if pool.kind == IdentityKind::CognitoUserPool {
            out.evaluate(&pool.id);
        }
        if pool.kind == IdentityKind::CognitoUserPool
            && let Some(minutes) = pool.token_validity_minutes
            && minutes > LONGEST_MINUTES
        {
            out.report(
                format!(
                    "User pool {} issues tokens valid for {minutes} minutes",
                    cx.label(&pool.id)
                ),
                &[&pool.id],
                format!("Set `token_validity_minutes` to {LONGEST_MINUTES} or less."),
            );
        }
    }
}
