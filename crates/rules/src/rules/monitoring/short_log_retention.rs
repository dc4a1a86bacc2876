//! ZT-MON-010: logs are kept less than a year.

use zta_model::ComponentKind;

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

/// The shortest retention accepted: PCI DSS 10.5.1 asks for twelve months.
const SHORTEST_DAYS: u32 = 365;

declare_rule! {
    /// ## What it checks
    /// Flags log groups and trails whose `retention_days` is under 365.
    ///
    /// ## Why it matters
    /// Breaches are found months after they start; logs that expired before then cannot show
    /// what happened. PCI DSS 10.5.1 keeps audit logs for at least twelve months.
    ///
    /// ## Example
    /// ```yaml
    /// - {id: app-logs, kind: log_group, name: App, segment: prod-region, properties: {retention_days: 30}}
    /// ```
    ///
    /// ## What to do instead
    /// Set `retention_days: 365` or more (archive to S3 for longer).
    code: "ZT-MON-010",
    name: "short-log-retention",
    title: "Logs kept less than a year",
    family: Monitoring,
    severity: Low,
    tenets: [T7],
    pillar: Visibility,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    for component in &cx.design.components {
        if !matches!(
            component.kind,
            ComponentKind::LogGroup | ComponentKind::Cloudtrail
        ) {
            continue;
        }
        out.evaluate(&component.id);
        if let Some(days) = component.properties.retention_days
            && days < SHORTEST_DAYS
        {
            out.report(
                format!("{} keeps logs for {days} days", cx.label(&component.id)),
                &[&component.id],
                format!("Set `retention_days` to {SHORTEST_DAYS} or more."),
            );
        }
    }
}
