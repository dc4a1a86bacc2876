//! ZT-ID-011: an IAM user has not been used for more than 90 days.

use zta_model::IdentityKind;
use zta_model::date::day_number;

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

/// The longest a user may go unused before it must be removed or disabled (PCI DSS 8.2.6).
const MAX_INACTIVE_DAYS: i64 = 90;

declare_rule! {
    /// ## What it checks
    /// Flags IAM users whose last recorded use (console password or any access key) lies more
    /// than 90 days before the `activity.as_of` day, or that were never used and were created
    /// more than 90 days before it. Only users with an `activity` block (which
    /// `zta import iam` fills from IAM's last-used data) are judged: a drawn design has no
    /// dates to measure against, and its users are not counted as evaluated.
    ///
    /// ## Why it matters
    /// A dormant account is a credential nobody watches: its password or keys can be used by
    /// whoever obtained them without anyone noticing a change in behaviour. PCI DSS 8.2.6
    /// requires inactive accounts to be removed or disabled within 90 days, and ISO/IEC
    /// 27001 A.5.16 and A.5.18 require identities and rights to be removed when no longer
    /// needed.
    ///
    /// ## Example
    /// ```yaml
    /// - id: legacy-batch
    ///   kind: iam_user
    ///   name: Legacy batch
    ///   access_keys: [{created: '2022-05-03', last_used: '2025-08-14'}]
    ///   activity: {as_of: '2026-12-01', created: '2022-05-03'}
    /// ```
    ///
    /// ## What to do instead
    /// Delete the user, or deactivate its access keys and remove its console password; give
    /// whatever still needs access a role.
    code: "ZT-ID-011",
    name: "inactive-iam-user",
    title: "IAM user inactive for more than 90 days",
    family: Identity,
    severity: Medium,
    tenets: [T6],
    pillar: Identity,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    for user in &cx.design.identities {
        if user.kind != IdentityKind::IamUser {
            continue;
        }
        let Some(activity) = &user.activity else {
            continue;
        };
        let Some(as_of) = day_number(&activity.as_of) else {
            continue;
        };
        // Without any use, the user has been idle since it was created.
        let (since, what) = match (user.last_used(), activity.created.as_deref()) {
            (Some(day), _) => (day, "was last used on"),
            (None, Some(created)) => (created, "was never used since its creation on"),
            (None, None) => continue,
        };
        let Some(since_day) = day_number(since) else {
            continue;
        };
        out.evaluate(&user.id);
        let idle = as_of - since_day;
        if idle > MAX_INACTIVE_DAYS {
            out.report(
                format!(
                    "IAM user {} {what} {since}, {idle} days before {} (the limit is {MAX_INACTIVE_DAYS})",
                    cx.label(&user.id),
                    activity.as_of
                ),
                &[&user.id],
                "Delete the user, or deactivate its access keys and remove its console password; give what still needs access a role.",
            );
        }
    }
}
