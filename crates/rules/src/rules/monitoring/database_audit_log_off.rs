//! ZT-MON-011: a database cluster keeps no audit log.

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Flags database clusters with `audit_logging: false` (DocumentDB, Neptune and Redshift
    /// clusters). One that says nothing is exported with its audit log on and delivered out of
    /// the database, so only the stated opt-out is a finding; one whose import could not tell
    /// (the parameter group or the log types come from a template parameter) is not judged.
    ///
    /// ## Why it matters
    /// CloudTrail records who changed a cluster, not who connected to it or what they read:
    /// only the database's own audit log does. Without it a stolen credential's queries leave no
    /// trace, and PCI DSS 10.2.1 asks for access to cardholder data to be logged.
    ///
    /// ## Example
    /// ```yaml
    /// - {id: docs, kind: documentdb_cluster, name: Documents, segment: data-a, properties: {audit_logging: false}}
    /// ```
    ///
    /// ## What to do instead
    /// Remove `audit_logging: false`: the export turns the engine's audit log on in the
    /// cluster's parameter group and exports it to CloudWatch Logs.
    code: "ZT-MON-011",
    name: "database-audit-log-off",
    title: "Database cluster keeps no audit log",
    family: Monitoring,
    severity: Medium,
    tenets: [T7],
    pillar: Visibility,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    for component in &cx.design.components {
        let applies = component
            .kind
            .applicable_properties()
            .contains(&"audit_logging");
        // A template that leaves the audit log to a parameter or another stack does not tell.
        if !applies || !component.is_known("audit_logging") {
            continue;
        }
        out.evaluate(&component.id);
        if component.properties.audit_logging == Some(false) {
            out.report(
                format!(
                    "Database cluster {} keeps no audit log of who connected and what they ran",
                    cx.label(&component.id)
                ),
                &[&component.id],
                format!(
                    "Remove `audit_logging: false` from `{}` so that its audit log is on and exported.",
                    component.id
                ),
            );
        }
    }
}
