//! ZT-DATA-006: a database master password is not managed by Secrets Manager.

use zta_model::ComponentKind;

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Flags RDS databases with `managed_password: false`.
    ///
    /// ## Why it matters
    /// A master password set by hand ends up in templates, tickets and shell history, and is
    /// never rotated; RDS can generate and rotate it in Secrets Manager.
    ///
    /// ## Example
    /// ```yaml
    /// - {id: db, kind: rds, name: Orders, segment: data-a, properties: {managed_password: false}}
    /// ```
    ///
    /// ## What to do instead
    /// Remove `managed_password: false` (`ManageMasterUserPassword` is the default).
    code: "ZT-DATA-006",
    name: "db-password-not-managed",
    title: "Database master password not managed",
    family: DataProtection,
    severity: Medium,
    tenets: [T3],
    pillar: Identity,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    for component in &cx.design.components {
        if component.kind == ComponentKind::Rds {
            out.evaluate(&component.id);
        }
        if component.kind == ComponentKind::Rds
            && component.properties.managed_password == Some(false)
        {
            out.report(
                format!(
                    "Database {} has a master password managed by hand",
                    cx.label(&component.id)
                ),
                &[&component.id],
                "Let RDS manage the master password in Secrets Manager.",
            );
        }
    }
}
