//! ZT-ID-002: workforce and partner users sign in without a second factor.

use zta_model::{ActorKind, IdentityKind};

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Flags workforce and partner actors whose sign-in identity states that MFA is `off` or
    /// `optional`, or who sign in as an IAM user that does not require MFA. Administrators are
    /// checked by ZT-ID-001 and customers by ZT-ID-003.
    ///
    /// ## Why it matters
    /// Passwords alone are phished and reused; every human session in a zero-trust design is
    /// established with strong authentication (NIST SP 800-207 tenet 6, PCI DSS 8.4.2).
    ///
    /// ## Example
    /// ```yaml
    /// identities:
    /// - {id: staff-idp, kind: identity_provider, name: Directory, protocol: saml, mfa: off}
    /// actors:
    /// - {id: staff, kind: workforce, name: Staff, signs_in_with: staff-idp}
    /// ```
    ///
    /// ## What to do instead
    /// Require MFA at the identity provider or on the identity people sign in with.
    code: "ZT-ID-002",
    name: "human-sign-in-without-mfa",
    title: "Workforce or partner users sign in without MFA",
    family: Identity,
    severity: High,
    tenets: [T6],
    pillar: Identity,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    let people = cx
        .design
        .actors
        .iter()
        .filter(|actor| matches!(actor.kind, ActorKind::Workforce | ActorKind::Partner));
    for actor in people {
        let Some(identity) = actor
            .signs_in_with
            .as_deref()
            .and_then(|id| cx.index.identity(id))
        else {
            continue;
        };
        out.evaluate(&actor.id);
        let weak_user = identity.kind == IdentityKind::IamUser && !cx.index.requires_mfa(identity);
        if weak_user || cx.index.states_no_mfa(identity) {
            out.report(
                format!(
                    "{} signs in with {}, which does not require MFA",
                    cx.label(&actor.id),
                    cx.label(&identity.id)
                ),
                &[&actor.id, &identity.id],
                format!(
                    "Set `mfa: required` on `{}` or on the identity provider it federates with.",
                    identity.id
                ),
            );
        }
    }
}
