//! ZT-ID-017: a web-identity trust without an audience.

use zta_model::{COGNITO_IDENTITY_ISSUER, FederationProtocol, IdentityKind, PrincipalKind};

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Flags roles that trust an OpenID Connect identity provider (`federated`) with no
    /// `audience` condition. SAML trusts are exported with the sign-in audience, user pools
    /// with their identity pool, and identity pools outside the design are ZT-ID-018's.
    ///
    /// ## Why it matters
    /// Without `<issuer>:aud`, any token the provider issues, for any client, lets its bearer
    /// assume the role. For a shared issuer such as GitHub Actions or a public OIDC provider,
    /// that is anyone with an account there.
    ///
    /// ## Example
    /// ```yaml
    /// - id: deploy-role
    ///   kind: iam_role
    ///   name: Deploy
    ///   trusts: [{kind: federated, id: github-oidc}]
    /// ```
    ///
    /// ## What to do instead
    /// Add `conditions: {audience: <client id>}` to the trust (`sts.amazonaws.com` for GitHub
    /// Actions).
    ///
    /// ## References
    /// - <https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html>
    code: "ZT-ID-017",
    name: "web-identity-trust-without-audience",
    title: "Web-identity trust without audience",
    family: Identity,
    severity: High,
    tenets: [T6],
    pillar: Identity,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    for role in &cx.design.identities {
        let providers: Vec<&zta_model::Principal> = role
            .trusts
            .iter()
            .filter(|principal| {
                principal.kind == PrincipalKind::Federated
                    && cx.index.identity(&principal.id).is_some_and(|provider| {
                        provider.kind == IdentityKind::IdentityProvider
                            && provider.protocol != Some(FederationProtocol::Saml)
                            && provider.issuer.as_deref() != Some(COGNITO_IDENTITY_ISSUER)
                    })
            })
            .collect();
        if providers.is_empty() {
            continue;
        }
        out.evaluate(&role.id);
        for provider in providers {
            if provider.conditions().audience.is_some() {
                continue;
            }
            out.report(
                format!(
                    "Role {} accepts any token of {}, for any audience",
                    cx.label(&role.id),
                    cx.label(&provider.id)
                ),
                &[&role.id, &provider.id],
                format!(
                    "Add `conditions: {{audience: <client id>}}` to the trust of `{}` on `{}`.",
                    provider.id, role.id
                ),
            );
        }
    }
}
