//! ZT-ID-014: an RDS database turns IAM database authentication off.

use zta_model::{Auth, ComponentKind};

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Flags RDS databases with `iam_auth: false`. A database that says nothing is exported
    /// with IAM database authentication enabled, so only the stated opt-out is a finding.
    ///
    /// ## Why it matters
    /// Without IAM authentication every client signs in with a database password: a
    /// long-lived shared secret that is copied into configuration, is not tied to the
    /// caller's workload identity, and leaves no per-caller record in CloudTrail. A flow drawn
    /// with `auth: iam` to such a database cannot work as drawn.
    ///
    /// ## Example
    /// ```yaml
    /// - id: orders-db
    ///   kind: rds
    ///   name: Orders
    ///   segment: data-a
    ///   properties: {iam_auth: false}
    /// ```
    ///
    /// ## What to do instead
    /// Remove `iam_auth: false` and let workloads connect with IAM authentication tokens
    /// (`auth: iam` on their flows).
    code: "ZT-ID-014",
    name: "database-iam-auth-off",
    title: "Database does not accept IAM authentication",
    family: Identity,
    severity: Medium,
    tenets: [T6],
    pillar: Identity,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    for database in cx
        .design
        .components
        .iter()
        .filter(|component| component.kind == ComponentKind::Rds)
    {
        out.evaluate(&database.id);
        if database.properties.iam_auth != Some(false) {
            continue;
        }
        let drawn_with_iam: Vec<&str> = cx
            .index
            .flows_to(&database.id)
            .iter()
            .filter(|flow| flow.auth == Auth::Iam)
            .map(|flow| flow.id.as_str())
            .collect();
        let contradiction = if drawn_with_iam.is_empty() {
            String::new()
        } else {
            let (noun, verb) = if drawn_with_iam.len() == 1 {
                ("flow", "is")
            } else {
                ("flows", "are")
            };
            format!(
                "; {noun} {} {verb} drawn with `auth: iam`, which cannot sign in",
                drawn_with_iam
                    .iter()
                    .map(|id| format!("`{id}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        };
        let mut elements = vec![database.id.as_str()];
        elements.extend(&drawn_with_iam);
        out.report(
            format!(
                "{} accepts only password sign-in (`iam_auth: false`){contradiction}",
                cx.label(&database.id)
            ),
            &elements,
            format!(
                "Remove `iam_auth: false` from `{}` and connect with IAM authentication tokens.",
                database.id
            ),
        );
    }
}
