//! ZT-MON-003: a trail does not validate its log files.

use zta_model::ComponentKind;

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Flags CloudTrail trails with `log_file_validation: false`.
    ///
    /// ## Why it matters
    /// Without signed digests nobody can prove the logs were not edited after an incident;
    /// PCI DSS 10.3.4 requires tamper detection on audit logs.
    ///
    /// ## Example
    /// ```yaml
    /// - {id: trail, kind: cloudtrail, name: Trail, segment: prod, properties: {log_file_validation: false}}
    /// ```
    ///
    /// ## What to do instead
    /// Remove `log_file_validation: false` (validation is the default).
    code: "ZT-MON-003",
    name: "cloudtrail-no-validation",
    title: "CloudTrail log file validation is off",
    family: Monitoring,
    severity: Medium,
    tenets: [T7],
    pillar: Visibility,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    for component in &cx.design.components {
        if component.kind == ComponentKind::Cloudtrail {
            out.evaluate(&component.id);
        }
        if component.kind == ComponentKind::Cloudtrail
            && component.properties.log_file_validation == Some(false)
        {
            out.report(
                format!(
                    "Trail {} does not validate its log files",
                    cx.label(&component.id)
                ),
                &[&component.id],
                "Turn log file validation on.",
            );
        }
    }
}
