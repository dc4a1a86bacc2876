//! ZT-MON-011: an endpoint keeps no access log.

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Flags components with `access_logs: false`: Classic Load Balancers without an
    /// `AccessLoggingPolicy` (or with it disabled). An imported one whose logging is given by a
    /// parameter states nothing and is not judged; a drawn one without the property gets access
    /// logs from the export.
    ///
    /// ## Why it matters
    /// The access log is the record of who called the endpoint, from where and with what
    /// result; without it an investigation cannot tell which clients reached the instances
    /// behind it, and the VPC flow logs show only addresses and ports.
    ///
    /// ## Example
    /// ```yaml
    /// - {id: web, kind: classic_load_balancer, name: Web, segment: public-a, properties: {access_logs: false}}
    /// ```
    ///
    /// ## What to do instead
    /// Remove `access_logs: false` (the export writes the access logs to the bucket its
    /// parameter names).
    code: "ZT-MON-011",
    name: "access-logs-off",
    title: "Endpoint keeps no access log",
    family: Monitoring,
    severity: Medium,
    tenets: [T7],
    pillar: Visibility,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    for component in &cx.design.components {
        if !component
            .kind
            .applicable_properties()
            .contains(&"access_logs")
        {
            continue;
        }
        out.evaluate(&component.id);
        if component.properties.access_logs == Some(false) {
            out.report(
                format!("{} keeps no access log", cx.label(&component.id)),
                &[&component.id],
                "Turn its access logs on (remove `access_logs: false`).",
            );
        }
    }
}
