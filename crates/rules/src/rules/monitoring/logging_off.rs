//! ZT-MON-011: a component that can log what it does is drawn with its logging off.

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Flags components with `logging: false`: Step Functions state machines whose executions
    /// leave no event in CloudWatch Logs, and AppSync APIs that log no resolver error. Every component whose kind takes `logging` is
    /// evaluated; an import leaves `logging` unstated where the template does not fix it, and
    /// such a component is not judged.
    ///
    /// ## Why it matters
    /// A workflow calls other services with its own role; without its execution log nobody can
    /// tell which execution read or changed what, or reconstruct an incident from it (PCI DSS
    /// 10.2.1; NIST SP 800-207 tenet 7).
    ///
    /// ## Example
    /// ```yaml
    /// - {id: orders-flow, kind: step_functions_state_machine, name: Orders, segment: prod-region, properties: {logging: false}}
    /// ```
    ///
    /// ## What to do instead
    /// Remove `logging: false`: the export logs every execution event of a state machine
    /// (level `ALL`, without the execution data) to a log group of its own, and an AppSync
    /// API's resolver errors (level `ERROR`, without verbose content).
    code: "ZT-MON-011",
    name: "logging-off",
    title: "Component keeps no log of what it does",
    family: Monitoring,
    severity: Medium,
    tenets: [T7],
    pillar: Visibility,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    for component in &cx.design.components {
        if !component.kind.applicable_properties().contains(&"logging") {
            continue;
        }
        let Some(logging) = component.properties.logging else {
            continue;
        };
        out.evaluate(&component.id);
        if !logging {
            out.report(
                format!(
                    "{} keeps no log of what it does: its logging is off",
                    cx.label(&component.id)
                ),
                &[&component.id],
                "Turn its logging on (remove `logging: false`), to a log group kept a year.",
            );
        }
    }
}
