//! ZT-ID-004: people sign in as IAM users instead of through Identity Center.

use zta_model::IdentityKind;

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Flags people (actors other than external systems) who sign in with an IAM user, and IAM
    /// users that have a console password.
    ///
    /// ## Why it matters
    /// IAM users carry long-lived passwords and keys that live outside the corporate directory:
    /// they survive a leaver, escape central MFA and session policies, and multiply per account.
    ///
    /// ## Example
    /// ```yaml
    /// identities:
    /// - {id: alice, kind: iam_user, name: Alice, console_access: true}
    /// ```
    ///
    /// ## What to do instead
    /// Give people a permission set in IAM Identity Center federated with the corporate
    /// identity provider, and remove the IAM user.
    code: "ZT-ID-004",
    name: "iam-user-for-person",
    title: "A person signs in as an IAM user",
    family: Identity,
    severity: High,
    tenets: [T3, T6],
    pillar: Identity,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    let mut reported: Vec<&str> = Vec::new();
    for actor in cx
        .design
        .actors
        .iter()
        .filter(|actor| actor.kind.is_human())
    {
        out.evaluate(&actor.id);
        if let Some(user) = actor
            .signs_in_with
            .as_deref()
            .and_then(|id| cx.index.identity(id))
            .filter(|identity| identity.kind == IdentityKind::IamUser)
        {
            reported.push(&user.id);
            out.report(
                format!("{} signs in as IAM user {}", cx.label(&actor.id), cx.label(&user.id)),
                &[&user.id, &actor.id],
                "Sign in through an IAM Identity Center permission set federated with the corporate identity provider; remove the IAM user.",
            );
        }
    }
    for user in &cx.design.identities {
        if user.kind == IdentityKind::IamUser {
            out.evaluate(&user.id);
        }
        if user.kind == IdentityKind::IamUser
            && user.console_access == Some(true)
            && !reported.contains(&user.id.as_str())
        {
            out.report(
                format!("IAM user {} has a console password", cx.label(&user.id)),
                &[&user.id],
                "Remove the console password; people sign in through IAM Identity Center.",
            );
        }
    }
}
