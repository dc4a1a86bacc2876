//! ZT-MON-011: a service, pipeline or workflow publishes no logs of its own.

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Flags components that publish logs of their own (Firehose delivery streams' delivery
    /// errors, Step Functions state machines' execution events, and the audit, error and access
    /// logs of the other kinds that take the `logging` property) with `logging: false`. An
    /// imported component whose template leaves its logs to a parameter or another stack is not
    /// judged.
    ///
    /// ## Why it matters
    /// CloudTrail records who changed the service, not what happened inside it: records a
    /// delivery stream failed to deliver, which execution of a workflow read or changed what, or
    /// who searched or changed the data, are visible only in the service's own logs. Without
    /// them lost records go unnoticed and an investigation cannot tell who touched the data
    /// (PCI DSS 10.2.1; NIST SP 800-207 tenet 7).
    ///
    /// ## Example
    /// ```yaml
    /// - id: clickstream
    ///   kind: firehose_stream
    ///   name: Clickstream delivery
    ///   segment: eu-west-1
    ///   properties: {logging: false}
    /// ```
    ///
    /// ## What to do instead
    /// Drop `logging: false`: the exporter sends the service's logs to a log group of its own,
    /// encrypted and kept a year.
    code: "ZT-MON-011",
    name: "service-logging-off",
    title: "Service publishes no logs of its own",
    family: Monitoring,
    severity: Medium,
    tenets: [T7],
    pillar: Visibility,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    for component in &cx.design.components {
        // A template that leaves the logs to a parameter or another stack does not tell.
        if !component.kind.applicable_properties().contains(&"logging")
            || !component.is_known("logging")
        {
            continue;
        }
        out.evaluate(&component.id);
        if component.properties.logging == Some(false) {
            out.report(
                format!(
                    "{} publishes no logs of its own (`logging: false`)",
                    cx.label(&component.id)
                ),
                &[&component.id],
                "Drop `logging: false` so that the service's audit and error logs go to a log group.",
            );
        }
    }
}
