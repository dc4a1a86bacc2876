//! ZT-ID-003: a Cognito user pool does not require MFA.

use zta_model::{IdentityKind, MfaMode};

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Flags Cognito user pools whose `mfa` is `off` or `optional`.
    ///
    /// ## Why it matters
    /// Customer accounts are taken over with stuffed credentials; a second factor stops that,
    /// and optional MFA protects only the few who enrol. PCI DSS 8.4.2 and 8.4.3 expect MFA on
    /// access to cardholder data.
    ///
    /// ## Example
    /// ```yaml
    /// - {id: customers, kind: cognito_user_pool, name: Customers, mfa: optional}
    /// ```
    ///
    /// ## What to do instead
    /// Set `mfa: required`; the exporter writes `MfaConfiguration: ON` with software tokens.
    code: "ZT-ID-003",
    name: "customer-pool-mfa-optional",
    title: "User pool does not require MFA",
    family: Identity,
    severity: Medium,
    tenets: [T6],
    pillar: Identity,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    for pool in &cx.design.identities {
        if pool.kind == IdentityKind::CognitoUserPool {
            out.evaluate(&pool.id);
        }
        if pool.kind == IdentityKind::CognitoUserPool
            && let Some(mode @ (MfaMode::Off | MfaMode::Optional)) = pool.mfa
        {
            let mode = if mode == MfaMode::Off {
                "off"
            } else {
                "optional"
            };
            out.report(
                format!("User pool {} has MFA {mode}", cx.label(&pool.id)),
                &[&pool.id],
                format!("Set `mfa: required` on `{}`.", pool.id),
            );
        }
    }
}
