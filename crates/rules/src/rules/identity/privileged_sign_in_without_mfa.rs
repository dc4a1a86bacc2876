//! ZT-ID-001: administrators and developers sign in without a second factor.

use zta_model::IdentityKind;

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Flags administrators and developers whose sign-in identity states that MFA is `off` or
    /// `optional` (and that federates with no identity provider requiring MFA), and those who
    /// sign in as an IAM user that does not require MFA.
    ///
    /// ## Why it matters
    /// A stolen password of a privileged person is the shortest path to the whole environment.
    /// NIST SP 800-207 requires authentication to be strictly enforced before access; PCI DSS
    /// 8.4.1 requires MFA for all administrative access.
    ///
    /// ## Example
    /// ```yaml
    /// identities:
    /// - {id: admin-ps, kind: permission_set, name: Admin, mfa: optional}
    /// actors:
    /// - {id: admin, kind: administrator, name: Admin, signs_in_with: admin-ps}
    /// ```
    ///
    /// ## What to do instead
    /// Set `mfa: required` on the permission set, or federate it with an identity provider that
    /// requires MFA (`federation: [workforce-idp]` with `mfa: required` on the provider).
    code: "ZT-ID-001",
    name: "privileged-sign-in-without-mfa",
    title: "Administrators sign in without MFA",
    family: Identity,
    severity: Critical,
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
                    "{} ({}) signs in with {}, which does not require MFA",
                    cx.label(&actor.id),
                    actor.kind.as_str(),
                    cx.label(&identity.id)
                ),
                &[&actor.id, &identity.id],
                format!(
                    "Set `mfa: required` on `{}` or federate it with an identity provider that requires MFA.",
                    identity.id
                ),
            );
        }
    }
}
