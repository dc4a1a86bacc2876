//! ZT-ID-009: a role that people assume does not require MFA.

use zta_model::{IdentityKind, MfaMode};

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Flags IAM roles that trust an actor or an IAM user (people) and state `mfa: off` or
    /// `mfa: optional`. A role that states nothing requires MFA: the export writes
    /// `aws:MultiFactorAuthPresent` into the trust of people by default. Actors who sign in
    /// through IAM Identity Center or a federated provider prove their second factor there
    /// (their sessions carry no MFA key), so they are not judged here.
    ///
    /// ## Why it matters
    /// Without `aws:MultiFactorAuthPresent` in the trust policy, anyone holding the person's
    /// password or keys can take the role and everything it grants.
    ///
    /// ## Example
    /// ```yaml
    /// - id: breakglass
    ///   kind: iam_role
    ///   name: Break glass
    ///   mfa: off
    ///   trusts: [{kind: identity, id: alice}]
    /// ```
    ///
    /// ## What to do instead
    /// Set `mfa: required` on the role: the exporter adds the MFA condition to its trust.
    code: "ZT-ID-009",
    name: "human-role-without-mfa",
    title: "Role assumed by people does not require MFA",
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
        let people: Vec<&str> = role
            .trusts
            .iter()
            .filter(|principal| cx.design.trusts_people(principal))
            .map(|principal| principal.id.as_str())
            .collect();
        if people.is_empty() {
            continue;
        }
        out.evaluate(&role.id);
        if role.mfa_of_people() != MfaMode::Required {
            let mut elements = vec![role.id.as_str()];
            elements.extend(&people);
            out.report(
                format!(
                    "Role {} is assumed by {} without MFA",
                    cx.label(&role.id),
                    people
                        .iter()
                        .map(|id| cx.label(id))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                &elements,
                format!("Set `mfa: required` on `{}`.", role.id),
            );
        }
    }
}
