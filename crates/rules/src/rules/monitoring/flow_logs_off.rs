//! ZT-MON-008: a VPC has flow logs off.

use zta_model::SegmentKind;

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Flags VPCs with `flow_logs: false`.
    ///
    /// ## Why it matters
    /// Flow logs are the record of who talked to whom on the network; without them neither
    /// GuardDuty nor an investigator can see lateral movement or exfiltration.
    ///
    /// ## Example
    /// ```yaml
    /// - {id: prod-vpc, kind: vpc, name: Production, parent: prod, cidr: 10.0.0.0/16, flow_logs: false}
    /// ```
    ///
    /// ## What to do instead
    /// Remove `flow_logs: false` (flow logs are on by default).
    code: "ZT-MON-008",
    name: "flow-logs-off",
    title: "VPC flow logs are off",
    family: Monitoring,
    severity: Medium,
    tenets: [T7],
    pillar: Networks,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    for segment in &cx.design.segments {
        if segment.kind == SegmentKind::Vpc {
            out.evaluate(&segment.id);
        }
        if segment.kind == SegmentKind::Vpc && segment.flow_logs == Some(false) {
            out.report(
                format!("VPC {} has flow logs off", cx.label(&segment.id)),
                &[&segment.id],
                "Turn flow logs on.",
            );
        }
    }
}
