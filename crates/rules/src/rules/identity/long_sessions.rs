//! ZT-ID-007: role or permission set sessions last longer than four hours.

use zta_model::IdentityKind;

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

/// The longest session this rule accepts: four hours, a working half-day.
const LONGEST_SECONDS: u32 = 4 * 3600;

declare_rule! {
    /// ## What it checks
    /// Flags IAM roles and permission sets whose `session_duration_seconds` exceeds four hours
    /// (14,400 seconds).
    ///
    /// ## Why it matters
    /// A session is the unit of trust in zero trust (NIST SP 800-207 tenet 3). Long sessions
    /// outlive the device posture and context they were granted on, and a stolen session token
    /// stays useful for the whole duration.
    ///
    /// ## Example
    /// ```yaml
    /// - {id: ops-ps, kind: permission_set, name: Ops, session_duration_seconds: 43200}
    /// ```
    ///
    /// ## What to do instead
    /// Keep sessions at four hours or less (one hour for administrators) and sign in again.
    code: "ZT-ID-007",
    name: "long-sessions",
    title: "Sessions last longer than four hours",
    family: Identity,
    severity: Medium,
    tenets: [T3],
    pillar: Identity,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    for identity in &cx.design.identities {
        if !matches!(
            identity.kind,
            IdentityKind::IamRole | IdentityKind::PermissionSet
        ) {
            continue;
        }
        out.evaluate(&identity.id);
        if let Some(seconds) = identity.session_duration_seconds
            && seconds > LONGEST_SECONDS
        {
            out.report(
                format!(
                    "{} {} allows sessions of {:.1} hours",
                    identity.kind.as_str(),
                    cx.label(&identity.id),
                    f64::from(seconds) / 3600.0
                ),
                &[&identity.id],
                format!("Set `session_duration_seconds` to {LONGEST_SECONDS} or less."),
            );
        }
    }
}
