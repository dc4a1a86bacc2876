//! ZT-ID-021: a user pool's identity pool accepts the basic (classic) flow.

use zta_model::IdentityKind;

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Flags user pools with `classic_flow: true`: the identity pool through which their users
    /// assume roles accepts the basic (classic) authentication flow
    /// (`AllowClassicFlow: true`).
    ///
    /// ## Why it matters
    /// In the basic flow the client takes an OpenID token from the identity pool and calls
    /// `AssumeRoleWithWebIdentity` itself, with any role whose trust admits the pool: the
    /// identity pool neither picks the role nor scopes the session down, so the role mapping
    /// and the role attachment no longer limit what a user can become.
    ///
    /// ## Example
    /// ```yaml
    /// - {id: customers, kind: cognito_user_pool, name: Customers, mfa: required, classic_flow: true}
    /// ```
    ///
    /// ## What to do instead
    /// Remove `classic_flow: true`: the enhanced flow is the default.
    ///
    /// ## References
    /// - <https://docs.aws.amazon.com/cognito/latest/developerguide/authentication-flow.html>
    code: "ZT-ID-021",
    name: "identity-pool-classic-flow",
    title: "Identity pool accepts the basic (classic) flow",
    family: Identity,
    severity: Medium,
    tenets: [T6],
    pillar: Identity,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    for pool in &cx.design.identities {
        if pool.kind != IdentityKind::CognitoUserPool {
            continue;
        }
        out.evaluate(&pool.id);
        if pool.classic_flow == Some(true) {
            out.report(
                format!(
                    "The identity pool of {} accepts the basic (classic) flow: clients assume any role that trusts it, with unscoped sessions",
                    cx.label(&pool.id)
                ),
                &[&pool.id],
                "Remove `classic_flow: true` (use the enhanced flow).",
            );
        }
    }
}
