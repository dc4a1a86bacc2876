//! ZT-ID-020: a role is handed to the guests of a Cognito identity pool.

use zta_model::{COGNITO_IDENTITY_ISSUER, IdentityKind};

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Flags roles whose trust admits the guests (unauthenticated identities) of a Cognito
    /// identity pool: a `federated` trust of a user pool, or of the
    /// `cognito-identity.amazonaws.com` identity provider, with `amr: unauthenticated`. An
    /// import reads it from an identity pool with `AllowUnauthenticatedIdentities: true` and
    /// the role its attachment names `unauthenticated`. The finding names the data stores the
    /// role reaches (the blast-radius analysis), which the internet then reaches too.
    ///
    /// ## Why it matters
    /// Anyone on the internet can ask the identity pool for a guest identity and receive the
    /// role's credentials without signing in: whatever the role may do, everyone may do. Guest
    /// access suits public, write-only telemetry at most, never data.
    ///
    /// ## Example
    /// ```yaml
    /// - id: guest-role
    ///   kind: iam_role
    ///   name: Guests
    ///   trusts: [{kind: federated, id: customers, conditions: {amr: unauthenticated}}]
    /// ```
    ///
    /// ## What to do instead
    /// Trust signed-in users only (`amr: authenticated`), or give the guest role nothing but
    /// the public actions it must call.
    ///
    /// ## References
    /// - <https://docs.aws.amazon.com/cognito/latest/developerguide/identity-pools.html>
    code: "ZT-ID-020",
    name: "identity-pool-guest-role",
    title: "Role handed to guests of a Cognito identity pool",
    family: Identity,
    severity: High,
    tenets: [T6],
    pillar: Identity,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    for role in &cx.design.identities {
        if role.kind != IdentityKind::IamRole {
            continue;
        }
        let pools: Vec<&str> = role
            .trusts
            .iter()
            .filter(|principal| {
                cx.index.identity(&principal.id).is_some_and(|pool| {
                    pool.kind == IdentityKind::CognitoUserPool
                        || pool.issuer.as_deref() == Some(COGNITO_IDENTITY_ISSUER)
                })
            })
            .filter(|principal| principal.admits_guests())
            .map(|principal| principal.id.as_str())
            .collect();
        let Some(pool) = pools.first() else {
            continue;
        };
        out.evaluate(&role.id);
        let stores: Vec<&str> = cx
            .analyses
            .blast_radius
            .of(&role.id)
            .map(|reach| {
                reach
                    .stores
                    .iter()
                    .map(|store| store.store.as_str())
                    .collect()
            })
            .unwrap_or_default();
        let reaches = if stores.is_empty() {
            String::new()
        } else {
            format!(
                ", and through it reach {}",
                stores
                    .iter()
                    .map(|store| cx.label(store))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        };
        let mut elements = vec![role.id.as_str(), *pool];
        elements.extend(stores.iter().copied());
        let mut path = vec![
            cx.graph.internet_id().to_owned(),
            (*pool).to_owned(),
            role.id.clone(),
        ];
        path.extend(stores.iter().map(|store| (*store).to_owned()));
        let of_pool = if cx
            .index
            .identity(pool)
            .is_some_and(|pool| pool.kind == IdentityKind::CognitoUserPool)
        {
            format!("the identity pool of {}", cx.label(pool))
        } else {
            format!("a Cognito identity pool ({})", cx.label(pool))
        };
        out.report_path(
            format!(
                "Role {} is handed to the guests of {of_pool}: anyone on the internet can assume it without signing in{reaches}",
                cx.label(&role.id)
            ),
            &elements,
            path,
            format!(
                "Trust signed-in users only (`amr: authenticated` on the trust of `{pool}`), or leave `{}` only the public actions guests must call.",
                role.id
            ),
        );
    }
}
