//! ZT-ID-018: a Cognito identity pool trust without `aud` and `amr`.

use zta_model::{COGNITO_IDENTITY_ISSUER, PrincipalKind};

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Flags roles that trust Amazon Cognito identity pools (a `federated` trust of an
    /// `identity_provider` whose issuer is `cognito-identity.amazonaws.com`) without both an
    /// `audience` (the identity pool id) and an `amr` condition. A trust of a user pool of the
    /// design is exported with the identity pool the export makes for it and `amr:
    /// authenticated`, so it is not judged here.
    ///
    /// ## Why it matters
    /// The `cognito-identity.amazonaws.com` principal is every identity pool of every AWS
    /// customer. Without `cognito-identity.amazonaws.com:aud`, anyone who creates an identity
    /// pool can obtain credentials for the role; without `amr`, guests of the pool can too.
    ///
    /// ## Example
    /// ```yaml
    /// - id: app-role
    ///   kind: iam_role
    ///   name: App users
    ///   trusts: [{kind: federated, id: identity-pools}]
    /// ```
    ///
    /// ## What to do instead
    /// Add `conditions: {audience: <region>:<identity pool id>, amr: authenticated}`.
    ///
    /// ## References
    /// - <https://docs.aws.amazon.com/cognito/latest/developerguide/role-trust-and-permissions.html>
    code: "ZT-ID-018",
    name: "identity-pool-trust-unscoped",
    title: "Cognito identity pool trust without aud and amr",
    family: Identity,
    severity: Critical,
    tenets: [T6],
    pillar: Identity,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    for role in &cx.design.identities {
        let pools: Vec<&zta_model::Principal> = role
            .trusts
            .iter()
            .filter(|principal| {
                principal.kind == PrincipalKind::Federated
                    && cx.index.identity(&principal.id).is_some_and(|provider| {
                        provider.issuer.as_deref() == Some(COGNITO_IDENTITY_ISSUER)
                    })
            })
            .collect();
        if pools.is_empty() {
            continue;
        }
        out.evaluate(&role.id);
        for pool in pools {
            let conditions = pool.conditions();
            let missing: Vec<&str> = [
                ("aud", conditions.audience.is_none()),
                ("amr", conditions.amr.is_none()),
            ]
            .into_iter()
            .filter(|(_, missing)| *missing)
            .map(|(key, _)| key)
            .collect();
            if missing.is_empty() {
                continue;
            }
            out.report(
                format!(
                    "Role {} trusts Cognito identity pools without {}",
                    cx.label(&role.id),
                    missing.join(" or ")
                ),
                &[&role.id, &pool.id],
                format!(
                    "Add `conditions: {{audience: <identity pool id>, amr: authenticated}}` to the trust of `{}` on `{}`.",
                    pool.id, role.id
                ),
            );
        }
    }
}
