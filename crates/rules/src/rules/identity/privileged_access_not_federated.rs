//! ZT-ID-006: administrators and developers do not sign in through federated Identity Center.

use zta_model::IdentityKind;

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Flags administrators and developers who do not sign in with an IAM Identity Center
    /// permission set federated with an identity provider: those with no sign-in identity, an
    /// IAM user or role, or a permission set without `federation`.
    ///
    /// ## Why it matters
    /// Privileged access should follow one lifecycle, the corporate directory's: joiners,
    /// movers and leavers, MFA and conditional access are enforced there once, for every account.
    ///
    /// ## Example
    /// ```yaml
    /// identities:
    /// - {id: ops-ps, kind: permission_set, name: Ops}
    /// actors:
    /// - {id: ops, kind: administrator, name: Ops, signs_in_with: ops-ps}
    /// ```
    ///
    /// ## What to do instead
    /// Add `federation: [corporate-idp]` to the permission set, with the provider modelled as
    /// an `identity_provider`.
    code: "ZT-ID-006",
    name: "privileged-access-not-federated",
    title: "Privileged access is not federated through Identity Center",
    family: Identity,
    severity: Medium,
    tenets: [T6],
    pillar: Identity,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    for actor in cx
        .design
        .actors
        .iter()
        .filter(|actor| actor.kind.is_privileged())
    {
        out.evaluate(&actor.id);
        let identity = actor
            .signs_in_with
            .as_deref()
            .and_then(|id| cx.index.identity(id));
        let problem = match identity {
            None => "names no identity to sign in with".to_string(),
            Some(identity) if identity.kind != IdentityKind::PermissionSet => format!(
                "signs in with {} {}, not an Identity Center permission set",
                identity.kind.as_str(),
                cx.label(&identity.id)
            ),
            Some(identity) if identity.federation.is_empty() => format!(
                "signs in with permission set {}, which federates with no identity provider",
                cx.label(&identity.id)
            ),
            Some(_) => continue,
        };
        let mut elements = vec![actor.id.as_str()];
        elements.extend(identity.map(|identity| identity.id.as_str()));
        out.report(
            format!("{} ({}) {problem}", cx.label(&actor.id), actor.kind.as_str()),
            &elements,
            "Sign in with a permission set whose `federation` names the corporate identity provider.",
        );
    }
}
